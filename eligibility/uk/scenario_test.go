package uk

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"waymark/eligibility"
)

// scenario is one worked case from testdata/scenarios: facts on a date, the status expected for
// the benefits it is about, and the Universal Credit estimate where it names one. Facts go
// through DecodeFacts, so a scenario file with a misspelt fact fails rather than testing less.
type scenario struct {
	Name   string            `json:"name"`
	Source string            `json:"source"`
	Date   string            `json:"date"`
	Facts  json.RawMessage   `json:"facts"`
	Expect map[string]string `json:"expect"`
	// UCEstimate is the expected monthly estimate; -1 means no estimate may be given.
	UCEstimate *float64 `json:"uc_estimate,omitempty"`
	// Missing lists, per benefit, the facts the result must list as missing (exactly).
	Missing map[string][]string `json:"missing,omitempty"`
	// Reasons lists, per benefit, reason codes that must be among the result's reasons.
	Reasons map[string][]string `json:"reasons,omitempty"`
	// Steps must all be among the next steps; NoSteps must all be absent.
	Steps   []string `json:"steps,omitempty"`
	NoSteps []string `json:"no_steps,omitempty"`
}

func loadScenarios(t *testing.T) []scenario {
	t.Helper()
	files, err := filepath.Glob("testdata/scenarios/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenario files: %v", err)
	}
	var all []scenario
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(strings.NewReader(string(data)))
		dec.DisallowUnknownFields()
		var list []scenario
		if err := dec.Decode(&list); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		all = append(all, list...)
	}
	return all
}

// TestScenarios runs every scenario file through the engine with the UK pack.
func TestScenarios(t *testing.T) {
	all := loadScenarios(t)
	if len(all) < 60 {
		t.Errorf("%d scenarios; the issue asks for at least 60", len(all))
	}
	names := map[string]bool{}
	for _, sc := range all {
		t.Run(sc.Name, func(t *testing.T) {
			if names[sc.Name] {
				t.Errorf("scenario name used twice")
			}
			names[sc.Name] = true
			if !strings.HasPrefix(sc.Source, "https://") || len(sc.Expect) == 0 {
				t.Fatalf("a scenario needs an https source and at least one expected status")
			}
			f, err := eligibility.DecodeFacts(sc.Facts)
			if err != nil {
				t.Fatalf("facts: %v", err)
			}
			d, ok := eligibility.ParseDate(sc.Date)
			if !ok {
				t.Fatalf("bad date %q", sc.Date)
			}
			res := eligibility.Evaluate(Pack{}, f, d)
			for benefit, want := range sc.Expect {
				r, ok := res.Find(benefit)
				if !ok {
					t.Fatalf("no result for %s", benefit)
				}
				if string(r.Status) != want {
					t.Errorf("%s: status %s, want %s; reasons %v; missing %v", benefit, r.Status, want, codes(r), r.Missing)
				}
			}
			uc, _ := res.Find(UniversalCredit)
			if sc.UCEstimate != nil {
				switch {
				case *sc.UCEstimate < 0 && uc.MonthlyEstimate != nil:
					t.Errorf("UC estimate %v, want none", *uc.MonthlyEstimate)
				case *sc.UCEstimate >= 0 && uc.MonthlyEstimate == nil:
					t.Errorf("no UC estimate, want %v (reasons %v, missing %v)", *sc.UCEstimate, codes(uc), uc.Missing)
				case *sc.UCEstimate >= 0 && math.Abs(*uc.MonthlyEstimate-*sc.UCEstimate) > 0.005:
					t.Errorf("UC estimate %v, want %v", *uc.MonthlyEstimate, *sc.UCEstimate)
				}
			}
			for benefit, want := range sc.Missing {
				r, _ := res.Find(benefit)
				if want == nil {
					want = []string{}
				}
				if !slices.Equal(r.Missing, want) {
					t.Errorf("%s: missing %v, want %v", benefit, r.Missing, want)
				}
			}
			for benefit, want := range sc.Reasons {
				r, _ := res.Find(benefit)
				for _, c := range want {
					if !slices.Contains(codes(r), c) {
						t.Errorf("%s: reasons %v lack %s", benefit, codes(r), c)
					}
				}
			}
			var steps []string
			for _, s := range res.NextSteps {
				steps = append(steps, s.Code)
			}
			for _, s := range sc.Steps {
				if !slices.Contains(steps, s) {
					t.Errorf("next steps %v lack %s", steps, s)
				}
			}
			for _, s := range sc.NoSteps {
				if slices.Contains(steps, s) {
					t.Errorf("next steps %v include %s", steps, s)
				}
			}
		})
	}
}

func codes(r eligibility.Result) []string {
	out := make([]string, len(r.Reasons))
	for i, rs := range r.Reasons {
		out[i] = rs.Code
	}
	return out
}
