package uk

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"waymark/eligibility/params"
)

// regenerate is what an engineer must run when the generated parameters drift from the YAML.
const regenerate = "go generate ./eligibility/uk   (from the module root)"

// TestGeneratedParameters stops drift: the set the pack runs on (built from
// parameters_gen.go) must equal, field for field, the YAML files loaded and validated now.
// Editing a YAML file without regenerating fails here, naming each difference.
func TestGeneratedParameters(t *testing.T) {
	fromYAML, err := LoadParameters()
	if err != nil {
		t.Fatalf("parameter files do not load:\n%v", err)
	}
	if err := ParametersErr(); err != nil {
		t.Fatalf("parameters_gen.go does not build a set: %v\nregenerate with: %s", err, regenerate)
	}
	if diffs := diffSets(fromYAML, parameters); len(diffs) > 0 {
		t.Fatalf("parameters_gen.go differs from the YAML files under parameters/; regenerate with:\n\t%s\n%s",
			regenerate, strings.Join(diffs, "\n"))
	}
}

// TestDiffSetsFindsEveryChange makes sure the drift test can fail: each change to one copy of
// a parameter, in any field the YAML can set, is reported with the parameter and field.
func TestDiffSetsFindsEveryChange(t *testing.T) {
	cases := []struct {
		name   string
		change func(p *params.Parameter)
		want   string
	}{
		{"amount", func(p *params.Parameter) { p.Values[0].Amount = 0.5 }, "uc.taper_rate: Values[0].Amount: YAML 0.55, generated 0.5"},
		{"date", func(p *params.Parameter) { p.Values[0].From = p.Values[0].From.AddDate(0, 0, 1) }, "Values[0].From: YAML 2021-11-24"},
		{"ended", func(p *params.Parameter) { p.Values[0].Ended = true }, "Values[0].Ended: YAML false, generated true"},
		{"confidence", func(p *params.Parameter) { p.Values[0].Confidence = "M" }, `Values[0].Confidence: YAML "H", generated "M"`},
		{"note", func(p *params.Parameter) { p.Values[0].Note += "." }, "Values[0].Note"},
		{"value reference", func(p *params.Parameter) { p.Values[0].References[0].Href += "x" }, "Values[0].References[0].Href"},
		{"extra value reference", func(p *params.Parameter) {
			p.Values[0].References = append(p.Values[0].References, params.Reference{Title: "t", Href: "h"})
		}, "Values[0].References: YAML 1 entries, generated 2"},
		{"extra value", func(p *params.Parameter) { p.Values = append(p.Values, p.Values[0]) }, "Values: YAML 1 entries, generated 2"},
		{"description", func(p *params.Parameter) { p.Description = "x" }, "uc.taper_rate: Description"},
		{"unit", func(p *params.Parameter) { p.Unit = "days" }, `Unit: YAML "/1", generated "days"`},
		{"period", func(p *params.Parameter) { p.Period = "week" }, "Period"},
		{"file", func(p *params.Parameter) { p.File = "x.yaml" }, "File"},
		{"basis", func(p *params.Parameter) { p.References[0].Title = "x" }, "References[0].Title"},
		{"no basis", func(p *params.Parameter) { p.References = nil }, "References: YAML 1 entries, generated 0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b := taperSet(t), taperSet(t)
			p, _ := b.Lookup("uc.taper_rate")
			c.change(p)
			diffs := diffSets(a, b)
			if len(diffs) != 1 || !strings.Contains(diffs[0], c.want) {
				t.Errorf("diffs = %q; want one containing %q", diffs, c.want)
			}
		})
	}
	a, b := taperSet(t), taperSet(t)
	if diffs := diffSets(a, b); len(diffs) != 0 {
		t.Errorf("identical sets: %q", diffs)
	}
	if diffs := diffSets(a, parameters); len(diffs) != len(parameters.Names())-1 ||
		!strings.Contains(diffs[0], "only in the generated file") {
		t.Errorf("a set with one parameter against the full set: %q", diffs)
	}
	if diffs := diffSets(parameters, a); !strings.Contains(diffs[0], "missing from the generated file") {
		t.Errorf("the full set against a set with one parameter: %q", diffs)
	}
}

// taperSet is a fresh, independent set holding one copy of the generated uc.taper_rate.
func taperSet(t *testing.T) *params.Set {
	t.Helper()
	for _, p := range generatedParameters() {
		if p.Name == "uc.taper_rate" {
			s, err := params.NewSet([]*params.Parameter{p})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
	}
	t.Fatal("uc.taper_rate is not generated")
	return nil
}

// diffSets lists every difference between the YAML set and the generated one, one line each,
// naming the parameter and the field.
func diffSets(yaml, gen *params.Set) []string {
	var out []string
	names := append(yaml.Names(), gen.Names()...)
	slices.Sort(names)
	for _, n := range slices.Compact(names) {
		a, inYAML := yaml.Lookup(n)
		b, inGen := gen.Lookup(n)
		switch {
		case !inGen:
			out = append(out, fmt.Sprintf("%s: in the YAML but missing from the generated file", n))
		case !inYAML:
			out = append(out, fmt.Sprintf("%s: only in the generated file, not in the YAML", n))
		case !reflect.DeepEqual(a, b):
			var d []string
			diffValue("", reflect.ValueOf(*a), reflect.ValueOf(*b), &d)
			if len(d) == 0 { // a difference the field walk cannot name still fails
				d = []string{"differs"}
			}
			for _, line := range d {
				out = append(out, n+": "+line)
			}
		}
	}
	return out
}

var timeType = reflect.TypeFor[time.Time]()

// diffValue walks two values of the same type and records each leaf that differs, with its
// path (Values[1].Amount). Unexported fields are compared too, so nothing can differ unseen.
func diffValue(path string, a, b reflect.Value, out *[]string) {
	add := func(format string, args ...any) {
		*out = append(*out, fmt.Sprintf("%s: "+format, append([]any{path}, args...)...))
	}
	switch {
	case a.Type() == timeType:
		ta, tb := a.Interface().(time.Time), b.Interface().(time.Time)
		if !ta.Equal(tb) || ta.Location().String() != tb.Location().String() {
			add("YAML %s, generated %s", ta, tb)
		}
		return
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			f := a.Type().Field(i).Name
			if path != "" {
				f = path + "." + f
			}
			diffValue(f, a.Field(i), b.Field(i), out)
		}
	case reflect.Slice:
		if a.Len() != b.Len() || a.IsNil() != b.IsNil() {
			add("YAML %d entries, generated %d", a.Len(), b.Len())
			return
		}
		for i := range a.Len() {
			diffValue(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i), out)
		}
	case reflect.String:
		if a.String() != b.String() {
			add("YAML %q, generated %q", a.String(), b.String())
		}
	case reflect.Float64:
		if a.Float() != b.Float() {
			add("YAML %v, generated %v", a.Float(), b.Float())
		}
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			add("YAML %v, generated %v", a.Bool(), b.Bool())
		}
	case reflect.Int, reflect.Int64:
		if a.Int() != b.Int() {
			add("YAML %d, generated %d", a.Int(), b.Int())
		}
	default:
		add("cannot compare a %s field", a.Kind())
	}
}

// BenchmarkGeneratedParameters is the start-up cost of the parameter set, to compare with
// BenchmarkLoadParameters (the YAML parse it replaced).
func BenchmarkGeneratedParameters(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := params.NewSet(generatedParameters()); err != nil {
			b.Fatal(err)
		}
	}
}
