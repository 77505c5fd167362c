package cli

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"waymark/locales"
)

// contractBenefits are the benefit ids DESIGN.md promises in every result list.
var contractBenefits = []string{
	"universal_credit", "new_style_jsa", "new_style_esa", "pip", "adult_disability_payment",
	"housing_benefit", "council_tax_reduction", "child_benefit", "pension_credit",
	"scottish_child_payment", "healthy_start", "victim_support", "nrpf_local_authority_support",
	"asylum_support",
}

// fullFacts gives every field of the facts contract.
const fullFacts = `{
  "nation": "england", "age": 34, "state_pension_age": false, "nationality": "RO",
  "immigration_status": "euss_pre_settled", "right_to_reside": "worker",
  "habitually_resident": true, "nrm_reasonable_grounds": "positive",
  "nrm_conclusive_grounds": "pending", "couple": false, "partner_age": null,
  "children_ages": [4, 9], "capital": 500, "monthly_earnings": 600, "weekly_hours": 16,
  "limited_capability_for_work": false, "daily_living_difficulty": false,
  "mobility_difficulty": false, "condition_months": 0, "housing": "private_rented",
  "monthly_rent": 750, "liable_for_council_tax": true, "ni_contributions_recent": false,
  "pregnant": false, "uk_presence_weeks": 120, "destitute": false, "care_needs": false,
  "looked_after_or_care_leaver": false, "has_nino": false, "has_bank_account": true,
  "has_photo_id": true
}`

// singleUC is a single 30-year-old British adult in England with no capital or earnings, whose
// Universal Credit is the standard allowance of the assessment date's tax year.
const singleUC = `{"nation": "england", "age": 30, "nationality": "GB",
  "immigration_status": "british_or_irish", "habitually_resident": true, "couple": false,
  "capital": 0, "monthly_earnings": 0, "children_ages": []}`

// checkJSON is the results contract as a script reads it: decoding into these types with
// unknown fields refused proves the output has exactly the contract's shape.
type checkJSON struct {
	AssessmentDate string `json:"assessment_date"`
	Rulepack       struct {
		ID       string `json:"id"`
		Version  string `json:"version"`
		Reviewed string `json:"reviewed"`
	} `json:"rulepack"`
	Results   []checkResultJSON `json:"results"`
	NextSteps []struct {
		Code string `json:"code"`
		Text string `json:"text"`
	} `json:"next_steps"`
}

// checkResultJSON is one benefit's entry in checkJSON.
type checkResultJSON struct {
	Benefit         string   `json:"benefit"`
	Status          string   `json:"status"`
	MonthlyEstimate *float64 `json:"monthly_estimate"`
	Reasons         []struct {
		Code   string `json:"code"`
		Text   string `json:"text"`
		Source string `json:"source"`
	} `json:"reasons"`
	Missing []string `json:"missing"`
}

func decodeCheck(t *testing.T, out string) checkJSON {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	var got checkJSON
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("check --json output does not match the contract: %v\n%s", err, out)
	}
	return got
}

func TestCheckJSONContract(t *testing.T) {
	for _, c := range []struct {
		name, facts string
	}{
		{"full facts", fullFacts},
		{"no facts", `{}`},
		{"single adult", singleUC},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, "facts.json", c.facts)
			r := run(t, call{args: []string{"check", "--json", "--date", "2026-11-23", path}})
			r.want(t, 0)
			got := decodeCheck(t, r.stdout)
			if got.AssessmentDate != "2026-11-23" {
				t.Errorf("assessment_date = %q", got.AssessmentDate)
			}
			if got.Rulepack.ID != "uk" || got.Rulepack.Version == "" || len(got.Rulepack.Reviewed) != 10 {
				t.Errorf("rulepack = %+v", got.Rulepack)
			}
			var ids []string
			for _, res := range got.Results {
				ids = append(ids, res.Benefit)
				if res.Status != "eligible" && res.Status != "not_eligible" && res.Status != "need_info" {
					t.Errorf("%s: status %q", res.Benefit, res.Status)
				}
				if res.Reasons == nil || res.Missing == nil {
					t.Errorf("%s: reasons or missing is null", res.Benefit)
				}
				for _, rs := range res.Reasons {
					if rs.Code == "" || rs.Text == "" || strings.HasPrefix(rs.Text, "[") {
						t.Errorf("%s: reason %+v has no translated text", res.Benefit, rs)
					}
				}
			}
			sorted, want := slices.Clone(ids), slices.Clone(contractBenefits)
			slices.Sort(sorted)
			slices.Sort(want)
			if !slices.Equal(sorted, want) {
				t.Errorf("benefits = %v, want each of %v exactly once", ids, contractBenefits)
			}
			if got.NextSteps == nil {
				t.Error("next_steps is null")
			}
			for _, ns := range got.NextSteps {
				if ns.Code == "" || ns.Text == "" {
					t.Errorf("next step %+v has no code or text", ns)
				}
			}
		})
	}
}

// TestCheckDateChangesEstimate shows --date picks the rates of its tax year.
func TestCheckDateChangesEstimate(t *testing.T) {
	path := writeFile(t, "facts.json", singleUC)
	for _, c := range []struct {
		date string
		want float64
	}{
		{"2025-11-23", 400.14},
		{"2026-11-23", 424.90},
	} {
		r := run(t, call{args: []string{"check", "--date", c.date, "--json", path}})
		r.want(t, 0)
		got := decodeCheck(t, r.stdout)
		if got.AssessmentDate != c.date {
			t.Errorf("assessment_date = %q, want %q", got.AssessmentDate, c.date)
		}
		i := slices.IndexFunc(got.Results, func(r checkResultJSON) bool { return r.Benefit == "universal_credit" })
		if i < 0 {
			t.Fatalf("%s: no universal_credit result", c.date)
		}
		uc := got.Results[i]
		switch {
		case uc.MonthlyEstimate == nil:
			t.Errorf("%s: universal credit has no estimate, want %.2f", c.date, c.want)
		case *uc.MonthlyEstimate != c.want:
			t.Errorf("%s: universal credit estimate = %.2f, want %.2f", c.date, *uc.MonthlyEstimate, c.want)
		}
		if uc.Status != "eligible" {
			t.Errorf("%s: universal credit status = %q, want eligible", c.date, uc.Status)
		}
	}
}

func TestCheckStdin(t *testing.T) {
	r := run(t, call{args: []string{"check", "--json", "--date=2026-11-23", "-"}, stdin: singleUC})
	r.want(t, 0)
	got := decodeCheck(t, r.stdout)
	if len(got.Results) != len(contractBenefits) {
		t.Errorf("%d results from standard input, want %d", len(got.Results), len(contractBenefits))
	}
}

func TestCheckBadInput(t *testing.T) {
	good := writeFile(t, "facts.json", singleUC)
	for _, c := range []struct {
		name  string
		args  []string
		stdin string
		want  []string
	}{
		{"unknown field", []string{"check", "-"}, `{"age": 30, "nationallity": "RO"}`, []string{"nationallity"}},
		{"wrong type", []string{"check", "-"}, `{"age": "thirty"}`, []string{"age"}},
		{"bad enum", []string{"check", "-"}, `{"nation": "france"}`, []string{"nation"}},
		{"not an object", []string{"check", "-"}, `[1, 2]`, nil},
		{"syntax", []string{"check", "-"}, `{"age": 30`, nil},
		{"empty input", []string{"check", "-"}, ``, nil},
		{"bad date", []string{"check", "--date", "2025-02-29", good}, "", []string{"--date"}},
		{"date not a date", []string{"check", "--date=23/11/2026", good}, "", []string{"--date"}},
		{"date without value", []string{"check", good, "--date"}, "", []string{"--date"}},
		{"no facts file", []string{"check", "--json"}, "", []string{"FACTS.json"}},
		{"two facts files", []string{"check", good, good}, "", []string{"check"}},
		{"unknown flag", []string{"check", "--lang", "ro", good}, "", []string{"--lang"}},
		{"rules takes no argument", []string{"rules", "uk"}, "", []string{"rules"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, call{args: c.args, stdin: c.stdin})
			r.want(t, 2, c.want...)
			if r.stdout != "" {
				t.Errorf("bad input wrote to stdout: %q", r.stdout)
			}
		})
	}
}

func TestCheckMissingFileIsNotBadInput(t *testing.T) {
	r := run(t, call{args: []string{"check", t.TempDir() + "/absent.json"}})
	r.want(t, 1)
}

func TestCheckText(t *testing.T) {
	path := writeFile(t, "facts.json", singleUC)
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"en", []string{"Universal Credit", "£424.90", "Can claim", "Reasons", "Next steps",
			"Rule pack uk", "This is guidance, not a decision."}},
		{"ro", []string{"£424.90", "Poate solicita", "Pașii următori", "Aceasta este o îndrumare, nu o decizie."}},
		{"pl", []string{"£424.90", "Może się ubiegać", "Następne kroki", "To jest wskazówka, a nie decyzja."}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			r := run(t, call{args: []string{"check", "--date", "2026-11-23", path},
				env: map[string]string{"WAYMARK_LANG": c.lang}})
			r.want(t, 0)
			for _, s := range c.want {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("text output has no %q:\n%s", s, r.stdout)
				}
			}
			for _, bad := range []string{"[cli.", "[elig.", "<no value>", "%!"} {
				if strings.Contains(r.stdout, bad) {
					t.Errorf("text output contains %q:\n%s", bad, r.stdout)
				}
			}
			// The table names each benefit in English alone; the reasons head it with its
			// explanation in the reader's language.
			table, reasons, _ := strings.Cut(r.stdout, "\n\n"+locales.New(c.lang).T("cli.check.reasons"))
			if strings.Contains(table, " — ") || !strings.Contains(reasons, "Universal Credit — ") {
				t.Errorf("benefit names: the table should have none of the glossary's explanations, the reasons all:\n%s", r.stdout)
			}
			if os.Getenv("WAYMARK_SHOW_CHECK") != "" {
				t.Log("\n" + r.stdout)
			}
		})
	}
}

func TestRules(t *testing.T) {
	r := run(t, call{args: []string{"rules", "--json"}})
	r.want(t, 0)
	var packs []map[string]string
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&packs); err != nil {
		t.Fatalf("rules --json: %v\n%s", err, r.stdout)
	}
	i := slices.IndexFunc(packs, func(p map[string]string) bool { return p["id"] == "uk" })
	if i < 0 {
		t.Fatalf("rules --json does not list uk: %s", r.stdout)
	}
	for _, k := range []string{"id", "version", "reviewed"} {
		if packs[i][k] == "" {
			t.Errorf("uk pack has no %q: %v", k, packs[i])
		}
	}
	if len(packs[i]) != 3 {
		t.Errorf("uk pack has fields %v, want id, version, reviewed", packs[i])
	}

	text := run(t, call{args: []string{"rules"}})
	text.want(t, 0)
	for _, s := range []string{"ID", "VERSION", "REVIEWED", "uk", packs[i]["version"], packs[i]["reviewed"]} {
		if !strings.Contains(text.stdout, s) {
			t.Errorf("rules output has no %q:\n%s", s, text.stdout)
		}
	}
}

func TestCheckAndRulesAreCommands(t *testing.T) {
	for _, name := range []string{"check", "rules"} {
		if !IsCommand(name) {
			t.Errorf("IsCommand(%q) = false", name)
		}
	}
	r := run(t, call{args: []string{"help"}})
	r.want(t, 0)
	for _, s := range []string{"waymark check [--json] [--date YYYY-MM-DD] FACTS.json|-", "waymark rules [--json]"} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("help has no %q:\n%s", s, r.stdout)
		}
	}
}
