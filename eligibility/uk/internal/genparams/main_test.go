package main

import (
	"bytes"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"waymark/eligibility/params"
	"waymark/eligibility/uk/internal/ukparams"
)

// TestCheckedInFileIsCurrent: parameters_gen.go is byte for byte what the generator writes
// from today's YAML files, so nobody has edited it by hand or forgotten to regenerate.
func TestCheckedInFileIsCurrent(t *testing.T) {
	set, err := params.Load(os.DirFS("../../parameters"), ".", ukparams.Options())
	if err != nil {
		t.Fatalf("parameter files do not load:\n%v", err)
	}
	want, err := Source(set)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../parameters_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("eligibility/uk/parameters_gen.go is not what the generator writes from the YAML files; " +
			"regenerate with `go generate ./eligibility/uk` from the module root")
	}
}

const rateYAML = `description: "Test rate"
unit: currency-GBP
period: week
reference:
  - title: "Test Act, s. 1"
    href: https://www.legislation.gov.uk/ukpga/2000/1/section/1
values:
  2025-04-07:
    value: 10.00
    confidence: H
    reference:
      - title: "Rates page"
        href: https://www.gov.uk/rates
`

// TestGenerate writes the file once, leaves it alone when nothing changed, and writes nothing
// when the files do not load or break the UK source rules.
func TestGenerate(t *testing.T) {
	out := filepath.Join(t.TempDir(), "parameters_gen.go")
	good := fstest.MapFS{"b/rate.yaml": {Data: []byte(rateYAML)}}
	for i, want := range []bool{true, false} {
		changed, err := generate(good, out)
		if err != nil || changed != want {
			t.Fatalf("run %d: changed = %v, %v; want %v", i+1, changed, err, want)
		}
	}
	src, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(src, []byte(`Name:        "b.rate"`)) {
		t.Fatalf("written file: %v\n%s", err, src)
	}

	for name, data := range map[string]string{
		"broken YAML":          "description: [",
		"host not in ukparams": strings.Replace(rateYAML, "https://www.gov.uk/rates", "https://example.org/rates", 1),
	} {
		out := filepath.Join(t.TempDir(), "parameters_gen.go")
		_, err := generate(fstest.MapFS{"b/rate.yaml": {Data: []byte(data)}}, out)
		if !errors.Is(err, params.ErrInvalid) {
			t.Errorf("%s: err = %v; want params.ErrInvalid", name, err)
		}
		if _, statErr := os.Stat(out); !errors.Is(statErr, os.ErrNotExist) {
			t.Errorf("%s: a file was written", name)
		}
	}
}

// TestSourceIsExact reads the generated Go back with go/parser: every string and figure, hard
// ones included, must come back exactly as it went in.
func TestSourceIsExact(t *testing.T) {
	hard := []string{`quote " and backslash \`, "line\nbreak\ttab", "£16,000 – 90 days, “curly” ș", "ends with space "}
	figures := []float64{0.1, 0.55, 316.98, 16000, 1234567.89, 0.0001}
	var vals []params.Value
	for i, f := range figures {
		vals = append(vals, params.Value{
			From:       time.Date(2020+i, time.April, 6, 0, 0, 0, 0, time.UTC),
			Amount:     f,
			Confidence: "H",
			References: []params.Reference{{Title: hard[i%len(hard)], Href: "https://www.gov.uk/x"}},
			Note:       hard[(i+1)%len(hard)],
		})
	}
	vals = append(vals, params.Value{From: time.Date(2030, time.January, 1, 0, 0, 0, 0, time.UTC), Ended: true, Note: hard[0]})
	set, err := params.NewSet([]*params.Parameter{{
		Name: "a.b", Description: hard[2], Unit: "currency-GBP", File: "a/b.yaml",
		References: []params.Reference{{Title: hard[3], Href: "https://www.legislation.gov.uk/x"}},
		Values:     vals,
	}})
	if err != nil {
		t.Fatal(err)
	}
	src, err := Source(set)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "gen.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("generated source does not parse: %v\n%s", err, src)
	}
	got := map[string][]string{}
	ast.Inspect(f, func(n ast.Node) bool {
		if kv, ok := n.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				if lit, ok := kv.Value.(*ast.BasicLit); ok {
					got[key.Name] = append(got[key.Name], lit.Value)
				}
			}
		}
		return true
	})
	unquote := func(lits []string) []string {
		var out []string
		for _, l := range lits {
			s, err := strconv.Unquote(l)
			if err != nil {
				t.Fatalf("literal %s: %v", l, err)
			}
			out = append(out, s)
		}
		return out
	}
	if d := unquote(got["Description"]); len(d) != 1 || d[0] != hard[2] {
		t.Errorf("Description = %q", d)
	}
	titles := unquote(got["Title"])
	if len(titles) != 1+len(figures) || titles[0] != hard[3] || titles[2] != hard[1] {
		t.Errorf("Title = %q", titles)
	}
	notes := unquote(got["Note"])
	if len(notes) != len(figures)+1 || notes[0] != hard[1] || notes[len(notes)-1] != hard[0] {
		t.Errorf("Note = %q", notes)
	}
	if len(got["Amount"]) != len(figures) {
		t.Fatalf("Amount literals = %q; want one per figure and none for the null", got["Amount"])
	}
	for i, lit := range got["Amount"] {
		if x, err := strconv.ParseFloat(lit, 64); err != nil || x != figures[i] {
			t.Errorf("Amount literal %s reads as %v, %v; want %v", lit, x, err, figures[i])
		}
	}
	if !bytes.Contains(src, []byte("time.Date(2030, time.January, 1, 0, 0, 0, 0, time.UTC),\n\t\t\t\t\tEnded: true,")) {
		t.Errorf("the null value is not written as Ended:\n%s", src)
	}
	if !bytes.HasPrefix(src, []byte("// Code generated ")) || !bytes.Contains(src, []byte("DO NOT EDIT.\n")) {
		t.Error("missing the generated-code marker")
	}
}

// TestSourceRefuses: a date the literals could not say exactly stops the generator.
func TestSourceRefuses(t *testing.T) {
	at := func(from time.Time) *params.Set {
		s, err := params.NewSet([]*params.Parameter{{Name: "a", Values: []params.Value{{From: from, Amount: 1}}}})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		london = time.FixedZone("BST", 3600)
	}
	for name, s := range map[string]*params.Set{
		"not midnight":  at(time.Date(2025, 4, 6, 12, 0, 0, 0, time.UTC)),
		"not UTC":       at(time.Date(2025, 4, 6, 0, 0, 0, 0, london)),
		"a second late": at(time.Date(2025, 4, 6, 0, 0, 1, 0, time.UTC)),
	} {
		if _, err := Source(s); err == nil || !strings.Contains(err.Error(), "not midnight UTC") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}
