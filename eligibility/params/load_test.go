package params

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

var testOptions = Options{
	BasisHosts:  []string{"www.legislation.gov.uk", "www.gov.uk"},
	SourceHosts: []string{"www.legislation.gov.uk", "www.gov.uk"},
}

// TestLoaderRejectsBrokenFiles loads each file in testdata/bad as the only parameter and
// checks that it is refused, with ErrInvalid and a message naming the problem.
func TestLoaderRejectsBrokenFiles(t *testing.T) {
	cases := map[string]string{
		"alias":                   "no aliases",
		"bad_period":              `period: "fortnight"`,
		"bad_unit":                `unit: "pounds"`,
		"confidence_low":          `"L" is not H or M`,
		"confidence_missing":      "confidence: required",
		"date_impossible":         "2025-02-29: not a date",
		"date_not_padded":         "2025-4-7: not a date",
		"dates_descending":        "dates must ascend",
		"days_fraction":           "not a whole number of days",
		"description_blank":       "description: required",
		"description_missing":     "description: required",
		"duplicate_date":          `"2025-04-07" given twice`,
		"duplicate_field":         `"unit" given twice`,
		"empty":                   "empty file",
		"empty_values":            "at least one dated value",
		"foreign_host":            "host example.com is not an allowed source",
		"http_reference":          "is not an https URL",
		"no_reference":            "reference: at least one",
		"no_values":               "values: required",
		"not_yaml":                "not valid YAML",
		"null_first":              "first value cannot be null",
		"null_twice":              "two nulls in a row",
		"null_without_note":       "needs a note",
		"only_comment":            "empty file",
		"period_on_ratio":         "only an amount of money has a period",
		"ratio_above_one":         "above 1 for a ratio",
		"reference_no_title":      "title: required",
		"top_level_list":          "must be a mapping",
		"two_documents":           "more than one YAML document",
		"unknown_field":           `unknown field "descripton"`,
		"unknown_value_field":     `unknown field "confidance"`,
		"value_bool":              "not a plain decimal",
		"value_exponent":          "not a plain decimal",
		"value_missing":           "value: required",
		"value_negative":          "is negative",
		"value_quoted":            "not a plain decimal",
		"value_reference_missing": "the source confirming this figure",
		"value_three_decimals":    "more than two decimal places",
	}
	files, err := filepath.Glob("testdata/bad/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		seen[name] = true
		want, ok := cases[name]
		if !ok {
			t.Errorf("testdata/bad/%s.yaml has no expected error in this table", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{"p/benefit/rate.yaml": {Data: data}}
			s, err := Load(fsys, "p", testOptions)
			if err == nil {
				t.Fatalf("loaded %v; want an error containing %q", s.Names(), want)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "benefit/rate.yaml") {
				t.Errorf("error = %v\nwant it to name benefit/rate.yaml and contain %q", err, want)
			}
		})
	}
	for name := range cases {
		if !seen[name] {
			t.Errorf("table row %q has no file testdata/bad/%s.yaml", name, name)
		}
	}
}

// TestLoaderChecksTheTree covers problems that are about files, not their content.
func TestLoaderChecksTheTree(t *testing.T) {
	good, err := os.ReadFile("testdata/good/benefit/taper.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"misnamed extension", fstest.MapFS{"p/a/rate.yml": {Data: good}}, "only .yaml parameter files"},
		{"upper-case name", fstest.MapFS{"p/a/Rate.yaml": {Data: good}}, `name part "Rate"`},
		{"hyphen in folder", fstest.MapFS{"p/uc-rates/rate.yaml": {Data: good}}, `name part "uc-rates"`},
		{"nothing to load", fstest.MapFS{"p/README.md": {Data: []byte("x")}}, "no parameter files"},
		{"every problem reported", fstest.MapFS{
			"p/a.yaml": {Data: []byte("description: x\n")},
			"p/b.yaml": {Data: []byte("")},
		}, "b.yaml: empty file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(c.fsys, "p", testOptions)
			if err == nil || !strings.Contains(err.Error(), c.want) || !errors.Is(err, ErrInvalid) {
				t.Errorf("err = %v; want ErrInvalid containing %q", err, c.want)
			}
		})
	}
	_, err = Load(fstest.MapFS{"p/a.yaml": {Data: []byte("description: x\n")}, "p/b.yaml": {Data: nil}}, "p", testOptions)
	if err == nil || !strings.Contains(err.Error(), "a.yaml: unit") || !strings.Contains(err.Error(), "b.yaml") {
		t.Errorf("want problems in both files reported at once, got %v", err)
	}
}

// TestLoadGoodFiles reads the valid fixtures and checks every field arrives.
func TestLoadGoodFiles(t *testing.T) {
	s, err := Load(os.DirFS("testdata/good"), ".", testOptions)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.Names(), ","); got != "benefit.taper,benefit.weekly_rate" {
		t.Fatalf("names = %s", got)
	}
	p, ok := s.Lookup("benefit.weekly_rate")
	if !ok {
		t.Fatal("benefit.weekly_rate missing")
	}
	if p.Description != "Test rate" || p.Unit != "currency-GBP" || p.Period != "week" || p.File != "benefit/weekly_rate.yaml" {
		t.Errorf("header = %+v", p)
	}
	if len(p.References) != 1 || p.References[0].Href != "https://www.legislation.gov.uk/ukpga/2000/1/section/1" {
		t.Errorf("references = %+v", p.References)
	}
	if len(p.Values) != 3 || p.Values[1].Amount != 11.50 || p.Values[1].Confidence != "H" || !p.Values[2].Ended || p.Values[2].Note == "" {
		t.Errorf("values = %+v", p.Values)
	}
	taper, _ := s.Lookup("benefit.taper")
	if taper.Values[0].Confidence != "M" || taper.Values[0].Note != "Arithmetic check." || taper.Period != "" {
		t.Errorf("taper = %+v", taper)
	}
	var names []string
	for _, n := range s.Names() {
		names = append(names, n)
	}
	if !sort.StringsAreSorted(names) {
		t.Errorf("names not sorted: %v", names)
	}
}
