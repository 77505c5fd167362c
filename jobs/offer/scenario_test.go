package offer

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"waymark/eligibility"
	"waymark/locales"
)

// scenario is one worked offer from testdata/scenarios: the offer, the day of the check when
// the offer has no date, and what the check must say. Expectations are worked out by hand from
// the source each scenario names, never by running the code.
type scenario struct {
	Name   string          `json:"name"`
	Source string          `json:"source"`
	Today  string          `json:"today,omitempty"`
	Offer  json.RawMessage `json:"offer"`
	// Effective and Minimum are required; JSON null means the check must leave them unworked.
	Effective json.RawMessage `json:"effective_hourly_pay"`
	Minimum   json.RawMessage `json:"minimum_hourly_pay"`
	// Flags are the codes expected, exactly and in order.
	Flags []string `json:"flags"`
	// TextHas are phrases the English text of the flags must contain between them.
	TextHas []string `json:"text_has,omitempty"`
}

// defaultToday is the day of the check for scenarios whose offer has a date of its own.
const defaultToday = "2026-11-23"

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
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		var list []scenario
		if err := dec.Decode(&list); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		all = append(all, list...)
	}
	return all
}

// TestScenarios runs every scenario through Decode, Check and Localize.
func TestScenarios(t *testing.T) {
	en := locales.New("en")
	all := loadScenarios(t)
	if len(all) < 50 {
		t.Errorf("only %d scenarios", len(all))
	}
	seen := map[string]bool{}
	for _, sc := range all {
		t.Run(sc.Name, func(t *testing.T) {
			if seen[sc.Name] {
				t.Errorf("scenario name used twice")
			}
			seen[sc.Name] = true
			if !strings.HasPrefix(sc.Source, "https://") || sc.Effective == nil || sc.Minimum == nil || sc.Flags == nil {
				t.Fatalf("a scenario needs an https source, both pay figures (or null) and its flags")
			}
			o, err := Decode(sc.Offer)
			if err != nil {
				t.Fatalf("offer: %v", err)
			}
			todayText := defaultToday
			if sc.Today != "" {
				todayText = sc.Today
			}
			today, ok := eligibility.ParseDate(todayText)
			if !ok {
				t.Fatalf("bad today %q", todayText)
			}
			res := Check(o, today)
			res.Localize(en)

			wantDate := o.Date
			if wantDate == "" {
				wantDate = todayText
			}
			if res.Date != wantDate {
				t.Errorf("date = %q, want %q", res.Date, wantDate)
			}
			comparePay(t, "effective_hourly_pay", res.EffectiveHourlyPay, sc.Effective)
			comparePay(t, "minimum_hourly_pay", res.MinimumHourlyPay, sc.Minimum)
			var codes []string
			var text strings.Builder
			for _, f := range res.Flags {
				codes = append(codes, f.Code)
				text.WriteString(f.Text)
				text.WriteString("\n")
			}
			if !slices.Equal(codes, sc.Flags) && !(len(codes) == 0 && len(sc.Flags) == 0) {
				t.Errorf("flags = %v, want %v", codes, sc.Flags)
			}
			for _, phrase := range sc.TextHas {
				if !strings.Contains(text.String(), phrase) {
					t.Errorf("flag text does not contain %q:\n%s", phrase, text.String())
				}
			}
		})
	}
}

func comparePay(t *testing.T, name string, got *float64, want json.RawMessage) {
	t.Helper()
	if string(want) == "null" {
		if got != nil {
			t.Errorf("%s = %v, want null", name, *got)
		}
		return
	}
	var w float64
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("%s in the scenario: %v", name, err)
	}
	if got == nil {
		t.Errorf("%s = null, want %v", name, w)
		return
	}
	if *got != w {
		t.Errorf("%s = %v, want %v", name, *got, w)
	}
}

// TestScenariosCoverEveryFlag makes sure the worked scenarios raise every flag code at least
// once, so a flag nobody can trigger, or one whose trigger broke, is noticed.
func TestScenariosCoverEveryFlag(t *testing.T) {
	raised := map[string]bool{}
	for _, sc := range loadScenarios(t) {
		for _, c := range sc.Flags {
			raised[c] = true
		}
	}
	for _, c := range Codes() {
		if !raised[c] {
			t.Errorf("no scenario raises %s", c)
		}
	}
}
