package params

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Options tune validation to a jurisdiction.
type Options struct {
	// BasisHosts lists the hosts a parameter's own reference (its legal basis) may link to,
	// e.g. "www.legislation.gov.uk". Empty allows any https host.
	BasisHosts []string
	// SourceHosts lists the hosts a value's reference (where the figure was confirmed) may
	// link to; official publishers beyond the statute book, such as Parliament's library.
	// Empty allows any https host.
	SourceHosts []string
}

// Load reads every parameter file under root in fsys (an embed.FS in a pack, a directory in
// tests) and validates all of them. It reports every problem in every file at once, each
// naming the file and the field, all wrapping ErrInvalid. Files other than *.yaml and
// README.md are refused, so a misnamed file (.yml) cannot be silently skipped.
func Load(fsys fs.FS, root string, opts Options) (*Set, error) {
	type file struct {
		rel  string
		data []byte
	}
	var (
		files []file
		errs  []error
	)
	walkErr := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
		switch {
		case path.Base(rel) == "README.md":
			return nil
		case !strings.HasSuffix(rel, ".yaml"):
			errs = append(errs, invalid(rel, "only .yaml parameter files (and README.md) belong here"))
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("read %s: %w", rel, err)
		}
		files = append(files, file{rel, data})
		return nil
	})
	if walkErr != nil {
		return nil, fmt.Errorf("load parameters from %s: %w", root, walkErr)
	}

	s := &Set{byName: map[string]*Parameter{}}
	for _, f := range files {
		prm, fileErrs := parseFile(f.rel, f.data, opts)
		if len(fileErrs) > 0 {
			errs = append(errs, fileErrs...)
			continue
		}
		s.byName[prm.Name] = prm
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(s.byName) == 0 {
		return nil, fmt.Errorf("load parameters from %s: no parameter files: %w", root, ErrInvalid)
	}
	for n := range s.byName {
		s.names = append(s.names, n)
	}
	sort.Strings(s.names)
	return s, nil
}

// MustLoad is Load for tools and tests, where a broken file should stop everything at once. A
// pack shipped to advisers should keep Load's error and fall back to EmptySet instead, so a
// build that skipped its tests still opens and answers need_info rather than crashing.
func MustLoad(fsys fs.FS, root string, opts Options) *Set {
	s, err := Load(fsys, root, opts)
	if err != nil {
		panic(fmt.Sprintf("params: embedded parameters do not load: %v", err))
	}
	return s
}

// invalid builds one load error naming the file and what is wrong.
func invalid(file, format string, args ...any) error {
	return fmt.Errorf("%s: %s: %w", file, fmt.Sprintf(format, args...), ErrInvalid)
}

// segment is one part of a parameter name: lower-case letters, digits and _.
var segment = regexp.MustCompile(`^[a-z0-9][a-z0-9_]*$`)

// plainDecimal is the only number syntax accepted: no exponents, hex, underscores or signs
// other than a leading minus, so "7.55" is never a typo'd "755" or "7.55e1".
var plainDecimal = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// parseFile reads and validates one parameter file.
func parseFile(rel string, data []byte, opts Options) (*Parameter, []error) {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, invalid(rel, format, args...)) }

	name := strings.TrimSuffix(rel, ".yaml")
	for _, seg := range strings.Split(name, "/") {
		if !segment.MatchString(seg) {
			bad("name part %q must be lower-case letters, digits and _", seg)
		}
	}
	p := &Parameter{Name: strings.ReplaceAll(name, "/", "."), File: rel}

	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			bad("empty file")
		} else {
			bad("not valid YAML: %v", err)
		}
		return nil, errs
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		bad("more than one YAML document")
		return nil, errs
	}
	if len(doc.Content) == 0 {
		bad("empty file")
		return nil, errs
	}
	pairs, err := mapping(doc.Content[0], "")
	if err != nil {
		bad("%v", err)
		return nil, errs
	}
	var valuesNode *yaml.Node
	for _, kv := range pairs {
		key, val := kv[0].Value, kv[1]
		switch key {
		case "description":
			p.Description, err = text(val, key)
		case "unit":
			p.Unit, err = text(val, key)
		case "period":
			p.Period, err = text(val, key)
		case "reference":
			p.References, err = references(val, key, opts.BasisHosts)
		case "values":
			valuesNode = val
		default:
			err = fmt.Errorf("unknown field %q (want description, unit, period, reference, values)", key)
		}
		if err != nil {
			bad("%v", err)
			err = nil
		}
	}
	switch {
	case strings.TrimSpace(p.Description) == "":
		bad("description: required")
	case !validUnit(p.Unit):
		bad("unit: %q is not currency-XXX, /1, days, weeks or years", p.Unit)
	}
	if p.Period != "" {
		if !slices.Contains([]string{"hour", "day", "week", "month", "year"}, p.Period) {
			bad("period: %q is not hour, day, week, month or year", p.Period)
		} else if !strings.HasPrefix(p.Unit, "currency-") {
			bad("period: only an amount of money has a period")
		}
	}
	if len(p.References) == 0 {
		bad("reference: at least one legal or official source is required")
	}
	if valuesNode == nil {
		bad("values: required")
	} else {
		vals, verrs := values(valuesNode, p.Unit, opts)
		for _, e := range verrs {
			bad("%v", e)
		}
		p.Values = vals
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return p, nil
}

// values reads the dated values and checks their order, figures and sources.
func values(n *yaml.Node, unit string, opts Options) ([]Value, []error) {
	var errs []error
	pairs, err := mapping(n, "values")
	if err != nil {
		return nil, []error{err}
	}
	if len(pairs) == 0 {
		return nil, []error{errors.New("values: at least one dated value is required")}
	}
	var out []Value
	for i, kv := range pairs {
		key := kv[0].Value
		at := "values: " + key
		from, err := time.Parse(time.DateOnly, key)
		if err != nil || from.Format(time.DateOnly) != key {
			errs = append(errs, fmt.Errorf("%s: not a date written YYYY-MM-DD", at))
			continue
		}
		if len(out) > 0 && !from.After(out[len(out)-1].From) {
			errs = append(errs, fmt.Errorf("%s: dates must ascend (it follows %s)", at, out[len(out)-1].From.Format(time.DateOnly)))
		}
		v, verrs := value(kv[1], at, unit, opts)
		errs = append(errs, verrs...)
		v.From = from
		v.fromDay = dayNumber(from)
		if v.Ended && i == 0 {
			errs = append(errs, fmt.Errorf("%s: the first value cannot be null", at))
		}
		if v.Ended && len(out) > 0 && out[len(out)-1].Ended {
			errs = append(errs, fmt.Errorf("%s: two nulls in a row", at))
		}
		out = append(out, v)
	}
	return out, errs
}

// value reads one dated entry.
func value(n *yaml.Node, at, unit string, opts Options) (Value, []error) {
	var errs []error
	var v Value
	pairs, err := mapping(n, at)
	if err != nil {
		return v, []error{err}
	}
	var amount *yaml.Node
	for _, kv := range pairs {
		key, val := kv[0].Value, kv[1]
		var err error
		switch key {
		case "value":
			amount = val
		case "confidence":
			v.Confidence, err = text(val, at+": confidence")
		case "reference":
			v.References, err = references(val, at+": reference", opts.SourceHosts)
		case "note":
			v.Note, err = text(val, at+": note")
		default:
			err = fmt.Errorf("%s: unknown field %q (want value, confidence, reference, note)", at, key)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	if amount == nil {
		return v, append(errs, fmt.Errorf("%s: value: required (a number, or null to end the parameter)", at))
	}
	if amount.Kind == yaml.ScalarNode && amount.Tag == "!!null" {
		v.Ended = true
		if strings.TrimSpace(v.Note) == "" {
			errs = append(errs, fmt.Errorf("%s: a null value needs a note saying why no value is in force", at))
		}
		if v.Confidence != "" {
			errs = append(errs, fmt.Errorf("%s: a null value has no confidence", at))
		}
		return v, errs
	}
	x, err := number(amount, at, unit)
	if err != nil {
		errs = append(errs, err)
	}
	v.Amount = x
	switch v.Confidence {
	case "H", "M":
	case "":
		errs = append(errs, fmt.Errorf("%s: confidence: required (H or M)", at))
	default:
		errs = append(errs, fmt.Errorf("%s: confidence: %q is not H or M; an unconfirmed figure is not encoded", at, v.Confidence))
	}
	if len(v.References) == 0 {
		errs = append(errs, fmt.Errorf("%s: reference: the source confirming this figure is required", at))
	}
	return v, errs
}

// number reads a figure and checks it fits the unit.
func number(n *yaml.Node, at, unit string) (float64, error) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") || !plainDecimal.MatchString(n.Value) {
		return 0, fmt.Errorf("%s: value: %q is not a plain decimal number", at, n.Value)
	}
	x, err := strconv.ParseFloat(n.Value, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: value: %q is not a number", at, n.Value)
	}
	decimals := 0
	if i := strings.IndexByte(n.Value, '.'); i >= 0 {
		decimals = len(n.Value) - i - 1
	}
	switch {
	case x < 0:
		return 0, fmt.Errorf("%s: value: %s is negative", at, n.Value)
	case strings.HasPrefix(unit, "currency-") && decimals > 2:
		return 0, fmt.Errorf("%s: value: %s has more than two decimal places for money", at, n.Value)
	case unit == "/1" && x > 1:
		return 0, fmt.Errorf("%s: value: %s is above 1 for a ratio", at, n.Value)
	case (unit == "days" || unit == "weeks" || unit == "years") && decimals > 0:
		return 0, fmt.Errorf("%s: value: %s is not a whole number of %s", at, n.Value, unit)
	}
	return x, nil
}

// validUnit reports whether u is a unit this package knows how to check.
func validUnit(u string) bool {
	switch u {
	case "/1", "days", "weeks", "years":
		return true
	}
	code, ok := strings.CutPrefix(u, "currency-")
	return ok && len(code) == 3 && strings.ToUpper(code) == code && strings.Trim(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// references reads a list of {title, href}, each an https link to an allowed host.
func references(n *yaml.Node, at string, hosts []string) ([]Reference, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s: must be a list of {title, href}", at)
	}
	var out []Reference
	for i, item := range n.Content {
		here := fmt.Sprintf("%s[%d]", at, i)
		pairs, err := mapping(item, here)
		if err != nil {
			return nil, err
		}
		var r Reference
		for _, kv := range pairs {
			switch kv[0].Value {
			case "title":
				r.Title, err = text(kv[1], here+".title")
			case "href":
				r.Href, err = text(kv[1], here+".href")
			default:
				err = fmt.Errorf("%s: unknown field %q (want title, href)", here, kv[0].Value)
			}
			if err != nil {
				return nil, err
			}
		}
		if strings.TrimSpace(r.Title) == "" {
			return nil, fmt.Errorf("%s.title: required", here)
		}
		u, err := url.Parse(r.Href)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			return nil, fmt.Errorf("%s.href: %q is not an https URL", here, r.Href)
		}
		if len(hosts) > 0 && !slices.Contains(hosts, u.Host) {
			return nil, fmt.Errorf("%s.href: host %s is not an allowed source (%s)", here, u.Host, strings.Join(hosts, ", "))
		}
		out = append(out, r)
	}
	return out, nil
}

// mapping returns the key/value pairs of a mapping node in file order, refusing anything but
// plain string keys, aliases and repeated keys (which YAML would otherwise resolve silently).
func mapping(n *yaml.Node, at string) ([][2]*yaml.Node, error) {
	where := at
	if where == "" {
		where = "file"
	}
	if n.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: must be a mapping of fields", where)
	}
	seen := map[string]bool{}
	out := make([][2]*yaml.Node, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || v.Kind == yaml.AliasNode || k.Tag == "!!merge" {
			return nil, fmt.Errorf("%s: keys must be plain text and values written out (no aliases)", where)
		}
		if seen[k.Value] {
			return nil, fmt.Errorf("%s: %q given twice", where, k.Value)
		}
		seen[k.Value] = true
		out = append(out, [2]*yaml.Node{k, v})
	}
	return out, nil
}

// text reads a scalar string.
func text(n *yaml.Node, at string) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", fmt.Errorf("%s: must be text", at)
	}
	return n.Value, nil
}
