package interview

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode"

	"waymark/eligibility"
)

// ParseText reads what an adviser typed for a fact into the JSON value the facts contract
// holds, forgiving the ways people write numbers: "£1,250.50", "1 250,50" (Polish and Romanian
// grouping and decimal comma), "3, 7" or "3 and 7" for a list of ages, "ro" for a country.
// What it cannot read without guessing it refuses with an *eligibility.FieldError naming the
// fact, and the app words the problem; the screen shows back what was understood, so a
// misreading is seen at once.
func ParseText(spec eligibility.FactSpec, text string) (json.RawMessage, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, &eligibility.FieldError{Field: spec.Name, Problem: eligibility.ProblemMissing}
	}
	switch spec.Kind {
	case eligibility.WantWholeNumber:
		n, err := wholeNumber(spec, spec.Name, text)
		if err != nil {
			return nil, err
		}
		return json.RawMessage(strconv.Itoa(n)), nil
	case eligibility.WantNumber:
		x, err := amount(spec, text)
		if err != nil {
			return nil, err
		}
		return json.RawMessage(strconv.FormatFloat(x, 'f', -1, 64)), nil
	case eligibility.WantWholeNumberList:
		return wholeNumberList(spec, text)
	case eligibility.WantCountryCode:
		code := strings.ToUpper(text)
		if len(code) != 2 || !isLatinUpper(code[0]) || !isLatinUpper(code[1]) {
			return nil, &eligibility.FieldError{Field: spec.Name, Problem: eligibility.ProblemValue, Want: eligibility.WantCountryCode}
		}
		return quote(code), nil
	case eligibility.WantBool:
		switch strings.ToLower(text) {
		case "true", "yes":
			return json.RawMessage("true"), nil
		case "false", "no":
			return json.RawMessage("false"), nil
		}
		return nil, &eligibility.FieldError{Field: spec.Name, Problem: eligibility.ProblemType, Want: eligibility.WantBool}
	case eligibility.WantText:
		for _, v := range spec.Allowed {
			if strings.EqualFold(text, v) {
				return quote(v), nil
			}
		}
		return nil, &eligibility.FieldError{Field: spec.Name, Problem: eligibility.ProblemValue, Allowed: spec.Allowed}
	}
	return nil, &eligibility.FieldError{Field: spec.Name, Problem: eligibility.ProblemUnknown}
}

func quote(s string) json.RawMessage {
	b, _ := json.Marshal(s) // a string always encodes
	return b
}

func isLatinUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// wholeNumber reads digits only: "25.5" years or "-3" is refused rather than rounded.
func wholeNumber(spec eligibility.FactSpec, path, text string) (int, error) {
	for _, r := range text {
		if r < '0' || r > '9' {
			return 0, &eligibility.FieldError{Field: path, Problem: eligibility.ProblemType, Want: eligibility.WantWholeNumber}
		}
	}
	n, err := strconv.Atoi(text)
	if err != nil || float64(n) > spec.Max {
		return 0, eligibility.RangeError(path, 0, spec.Max)
	}
	return n, nil
}

// wholeNumberList reads numbers separated by commas, semicolons, spaces or "and".
func wholeNumberList(spec eligibility.FactSpec, text string) (json.RawMessage, error) {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return r == ',' || r == ';' || r == '/' || r == '&' || unicode.IsSpace(r)
	})
	list := []int{}
	for _, w := range words {
		if strings.EqualFold(w, "and") {
			continue
		}
		n, err := wholeNumber(spec, eligibility.IndexPath(spec.Name, len(list)), w)
		if err != nil {
			return nil, err
		}
		list = append(list, n)
	}
	if len(list) == 0 {
		return nil, &eligibility.FieldError{Field: spec.Name, Problem: eligibility.ProblemMissing}
	}
	if spec.MaxItems > 0 && len(list) > spec.MaxItems {
		return nil, &eligibility.FieldError{Field: spec.Name, Problem: eligibility.ProblemTooLong,
			Max: strconv.Itoa(spec.MaxItems), Want: eligibility.WantUnitItems}
	}
	b, _ := json.Marshal(list) // a list of ints always encodes
	return b, nil
}

// amount reads a sum of money or of hours. The separator that comes last is the decimal point
// when both "." and "," appear ("1,250.50", "1.250,50"); a lone comma is a decimal comma only
// when one or two digits follow it ("12,5", "1250,50"), and otherwise groups thousands
// ("1,250"). Spaces, including the thin and non-breaking spaces Polish and Romanian use to group
// digits, and a leading "£" are ignored.
func amount(spec eligibility.FactSpec, text string) (float64, error) {
	bad := &eligibility.FieldError{Field: spec.Name, Problem: eligibility.ProblemType, Want: eligibility.WantNumber}
	text = strings.TrimPrefix(text, "£")
	text = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u202f' || r == '\u00a0' || r == '\u2009' {
			return -1
		}
		return r
	}, text)
	dot, comma := strings.LastIndexByte(text, '.'), strings.LastIndexByte(text, ',')
	switch {
	case dot >= 0 && comma >= 0:
		grouping := ","
		if comma > dot {
			grouping = "."
		}
		text = strings.ReplaceAll(text, grouping, "")
		text = strings.Replace(text, ",", ".", 1)
	case comma >= 0:
		if strings.Count(text, ",") == 1 && len(text)-comma-1 <= 2 && len(text)-comma-1 >= 1 {
			text = strings.Replace(text, ",", ".", 1)
		} else {
			text = strings.ReplaceAll(text, ",", "")
		}
	case strings.Count(text, ".") > 1:
		text = strings.ReplaceAll(text, ".", "") // "1.250.000": dots grouping thousands
	}
	for _, r := range text {
		if (r < '0' || r > '9') && r != '.' {
			if r == '-' {
				return 0, eligibility.RangeError(spec.Name, 0, spec.Max)
			}
			return 0, bad
		}
	}
	x, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, bad
	}
	if x > spec.Max {
		return 0, eligibility.RangeError(spec.Name, 0, spec.Max)
	}
	return x, nil
}

// FormatText writes a stored answer the way ParseText reads it back, for the box where the
// adviser changes it: numbers plainly ("1250.5"), lists as "3, 7", text and codes as stored,
// booleans as "true" or "false". It returns "" for an unknown fact.
func FormatText(value json.RawMessage) string {
	var v any
	if len(value) == 0 || json.Unmarshal(value, &v) != nil {
		return ""
	}
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			if n, ok := e.(float64); ok {
				parts = append(parts, strconv.FormatFloat(n, 'f', -1, 64))
			}
		}
		return strings.Join(parts, ", ")
	}
	return ""
}
