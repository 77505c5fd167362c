package uk

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"sort"
	"testing"
	"time"

	"waymark/eligibility"
	"waymark/locales"
)

// TestCheckPackOverManyFacts runs the engine's contract check on thousands of seeded fact
// combinations on each matrix date, and checks that every message the pack can produce exists
// in the locales.
func TestCheckPackOverManyFacts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 2026))
	ids := map[string]bool{}
	cases := []eligibility.Facts{{}}
	for range 6000 {
		cases = append(cases, randomFacts(r))
	}
	for _, d := range matrixDates {
		for _, f := range cases {
			for _, err := range eligibility.CheckPack(Pack{}, f, d) {
				t.Fatalf("%s: %v\nfacts: %+v", d.Format("2006-01-02"), err, f)
			}
			res := eligibility.Evaluate(Pack{}, f, d)
			for _, x := range res.Results {
				for _, rs := range x.Reasons {
					ids[rs.MessageID] = true
				}
			}
			for _, s := range res.NextSteps {
				ids[s.MessageID] = true
			}
		}
	}
	var missing []string
	for id := range ids {
		if !locales.Has(id) {
			missing = append(missing, id)
		}
	}
	sort.Strings(missing)
	for _, id := range missing {
		t.Errorf("no message %q", id)
	}
	// And the other way: every message in the pack's file is one the rules can produce, so no
	// translator is asked to keep a dead sentence up to date.
	data, err := os.ReadFile("../../locales/messages/eligibility_uk.en.json")
	if err != nil {
		t.Fatal(err)
	}
	var file map[string]any
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	var unused []string
	for id := range file {
		if !ids[id] {
			unused = append(unused, id)
		}
	}
	sort.Strings(unused)
	for _, id := range unused {
		t.Errorf("message %q is never produced", id)
	}
}

// TestStatePensionAgeFromAge checks the phased rise to 67 at the edges of the birth dates.
func TestStatePensionAgeFromAge(t *testing.T) {
	d := func(s string) time.Time { x, _ := eligibility.ParseDate(s); return x }
	cases := []struct {
		age  int
		date string
		want eligibility.Tri
	}{
		{65, "2026-11-23", eligibility.No},
		{66, "2025-11-23", eligibility.Yes},     // born by 23 Nov 1959: reached at 66
		{66, "2026-04-05", eligibility.Yes},     // born by 5 Apr 1960
		{66, "2026-04-06", eligibility.Unknown}, // may be born 6 Apr 1960: 66 and a month
		{66, "2026-11-23", eligibility.Unknown},
		{66, "2028-03-04", eligibility.Unknown}, // may be born 5 Mar 1961, the last phased day
		{66, "2028-03-05", eligibility.No},      // born 6 Mar 1961 or later: 67
		{67, "2026-11-23", eligibility.Yes},
	}
	for _, c := range cases {
		if got := spaFromAge(c.age, d(c.date)); got != c.want {
			t.Errorf("age %d on %s: %v, want %v", c.age, c.date, got, c.want)
		}
	}
}

// TestNextQuestionIsAskedByAResult: the question the interview asks next is one some open
// result is waiting for, and answering every question it asks ends the interview.
func TestNextQuestionIsAskedByAResult(t *testing.T) {
	d := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	full, err := eligibility.DecodeFacts([]byte(`{"nation":"wales","age":30,"immigration_status":"euss_pre_settled",
		"right_to_reside":"none","habitually_resident":true,"nrm_reasonable_grounds":"positive","nrm_conclusive_grounds":"pending",
		"couple":false,"partner_age":30,"children_ages":[2],"capital":100,"monthly_earnings":0,"weekly_hours":0,
		"limited_capability_for_work":false,"daily_living_difficulty":false,"mobility_difficulty":false,"condition_months":0,
		"housing":"homeless","monthly_rent":0,"liable_for_council_tax":false,"ni_contributions_recent":false,"pregnant":false,
		"uk_presence_weeks":50,"destitute":true,"care_needs":false,"looked_after_or_care_leaver":false,
		"has_nino":false,"has_bank_account":false,"has_photo_id":false,"state_pension_age":false,"nationality":"RO"}`))
	if err != nil {
		t.Fatal(err)
	}
	var f eligibility.Facts
	for asked := 0; ; asked++ {
		q, ok := eligibility.NextQuestion(Pack{}, f, d)
		if !ok {
			break
		}
		if asked > 40 {
			t.Fatalf("the interview does not end; still asking %s", q)
		}
		fact, _ := eligibility.FactNamed(q)
		if f.Given(fact) {
			t.Fatalf("asked %s again", q)
		}
		copyFact(&f, full, q)
	}
	for _, r := range eligibility.Evaluate(Pack{}, f, d).Results {
		if len(r.Missing) > 0 {
			t.Errorf("%s still waits for %v after the interview ended", r.Benefit, r.Missing)
		}
	}
}

// copyFact sets one fact of dst from src, through the JSON contract.
func copyFact(dst *eligibility.Facts, src eligibility.Facts, name string) {
	all, _ := eligibility.EncodeFacts(src)
	var m map[string]json.RawMessage
	_ = json.Unmarshal(all, &m)
	cur, _ := eligibility.EncodeFacts(*dst)
	var c map[string]json.RawMessage
	_ = json.Unmarshal(cur, &c)
	if c == nil {
		c = map[string]json.RawMessage{}
	}
	c[name] = m[name]
	data, _ := json.Marshal(c)
	*dst, _ = eligibility.DecodeFacts(data)
}

// TestRegistered: the pack adds itself to the default registry under "uk", as the command line
// and the app look it up.
func TestRegistered(t *testing.T) {
	p, ok := eligibility.DefaultRegistry.Lookup("uk")
	if !ok {
		t.Fatal("pack uk is not registered")
	}
	if p.Version() != PackVersion || p.Reviewed().IsZero() || len(p.Benefits()) != 14 {
		t.Errorf("pack info: %s %v %v", p.Version(), p.Reviewed(), p.Benefits())
	}
}
