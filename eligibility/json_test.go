package eligibility_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"sort"
	"strings"
	"testing"

	"waymark/eligibility"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenFacts give one result of each status and an estimate.
func goldenFacts() eligibility.Facts {
	return eligibility.Facts{
		Age: ptr(30), HabituallyResident: ptr(true), Capital: ptr(1200.0), MonthlyEarnings: ptr(250.0),
		Housing: ptr(eligibility.HousingOwner), HasNINO: ptr(false),
	}
}

// TestResultsJSONMatchesGolden pins the whole encoded answer, field order included.
func TestResultsJSONMatchesGolden(t *testing.T) {
	r := eligibility.Evaluate(newTestland(t), goldenFacts(), day("2026-11-23"))
	r.Localize(echo{})
	got, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/testland_results.golden.json"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("results JSON differs from %s (run with -update after checking):\n%s", golden, got)
	}
}

func keys(m map[string]any) string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

// TestResultsJSONFieldNames checks every object against the field names of the results
// contract in DESIGN.md, exactly: nothing renamed, nothing extra, monthly_estimate only where
// there is one, and lists never null.
func TestResultsJSONFieldNames(t *testing.T) {
	p := newTestland(t)
	for _, f := range []eligibility.Facts{{}, goldenFacts()} {
		r := eligibility.Evaluate(p, f, day("2026-11-23"))
		data, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var top map[string]any
		if err := json.Unmarshal(data, &top); err != nil {
			t.Fatal(err)
		}
		if got := keys(top); got != "assessment_date,next_steps,results,rulepack" {
			t.Errorf("top-level keys = %s", got)
		}
		if got := keys(top["rulepack"].(map[string]any)); got != "id,reviewed,version" {
			t.Errorf("rulepack keys = %s", got)
		}
		steps, ok := top["next_steps"].([]any)
		if !ok {
			t.Fatalf("next_steps = %#v, want a list", top["next_steps"])
		}
		for _, s := range steps {
			if got := keys(s.(map[string]any)); got != "code,text" {
				t.Errorf("next step keys = %s", got)
			}
		}
		for _, res := range top["results"].([]any) {
			m := res.(map[string]any)
			k := keys(m)
			if k != "benefit,missing,reasons,status" && k != "benefit,missing,monthly_estimate,reasons,status" {
				t.Errorf("result keys = %s", k)
			}
			if _, isList := m["missing"].([]any); !isList {
				t.Errorf("%v: missing = %#v, want a list", m["benefit"], m["missing"])
			}
			reasons, isList := m["reasons"].([]any)
			if !isList {
				t.Errorf("%v: reasons = %#v, want a list", m["benefit"], m["reasons"])
			}
			for _, rs := range reasons {
				if got := keys(rs.(map[string]any)); got != "code,source,text" {
					t.Errorf("reason keys = %s", got)
				}
			}
		}
	}
}
