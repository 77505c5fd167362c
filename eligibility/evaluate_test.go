package eligibility_test

import (
	"strings"
	"testing"

	"waymark/eligibility"
)

type want struct {
	status   eligibility.Status
	estimate *float64 // nil: no estimate expected
	missing  string   // comma-separated, contract order
	reasons  string   // comma-separated reason codes
}

func checkResult(t *testing.T, r eligibility.Results, benefit string, w want) {
	t.Helper()
	got, ok := r.Find(benefit)
	if !ok {
		t.Fatalf("%s: no result", benefit)
	}
	var codes []string
	for _, rs := range got.Reasons {
		codes = append(codes, rs.Code)
	}
	if got.Status != w.status || strings.Join(got.Missing, ",") != w.missing || strings.Join(codes, ",") != w.reasons {
		t.Errorf("%s = %s missing [%s] reasons [%s]; want %s missing [%s] reasons [%s]", benefit,
			got.Status, strings.Join(got.Missing, ","), strings.Join(codes, ","), w.status, w.missing, w.reasons)
	}
	switch {
	case w.estimate == nil && got.MonthlyEstimate != nil:
		t.Errorf("%s: estimate %v, want none", benefit, *got.MonthlyEstimate)
	case w.estimate != nil && (got.MonthlyEstimate == nil || *got.MonthlyEstimate != *w.estimate):
		t.Errorf("%s: estimate %v, want %v", benefit, got.MonthlyEstimate, *w.estimate)
	}
}

// TestTestlandThroughEvaluate runs the test-only pack through the engine: statuses, estimates,
// reasons and the exact missing facts, with an at/above pair at each threshold.
func TestTestlandThroughEvaluate(t *testing.T) {
	p := newTestland(t)
	adult := func(f eligibility.Facts) eligibility.Facts {
		f.Age, f.HabituallyResident, f.Capital = ptr(30), ptr(true), ptr(1000.0)
		return f
	}
	cases := []struct {
		name    string
		facts   eligibility.Facts
		date    string
		benefit string
		want    want
	}{
		{"nothing known: every question that matters is missing", eligibility.Facts{}, "2026-06-01", basicAllowance,
			want{eligibility.NeedInfo, nil, "age,habitually_resident,capital,monthly_earnings",
				"testland.basic.age,testland.basic.resident,testland.basic.capital,testland.basic.award_above_zero"}},
		{"a 16-year-old is refused and nothing else is asked", eligibility.Facts{Age: ptr(16)}, "2026-06-01", basicAllowance,
			want{eligibility.NotEligible, nil, "", "testland.basic.age"}},
		{"an adult still needs residence, capital and earnings", eligibility.Facts{Age: ptr(30)}, "2026-06-01", basicAllowance,
			want{eligibility.NeedInfo, nil, "habitually_resident,capital,monthly_earnings",
				"testland.basic.resident,testland.basic.capital,testland.basic.award_above_zero"}},
		{"eligible at 2026 rates", with(adult(eligibility.Facts{}), func(f *eligibility.Facts) { f.MonthlyEarnings = ptr(200.0) }), "2026-06-01", basicAllowance,
			want{eligibility.Eligible, ptr(420.0), "",
				"testland.basic.age,testland.basic.resident,testland.basic.capital,testland.basic.award_above_zero"}},
		{"the same facts at 2025 rates", with(adult(eligibility.Facts{}), func(f *eligibility.Facts) { f.MonthlyEarnings = ptr(200.0) }), "2025-06-01", basicAllowance,
			want{eligibility.Eligible, ptr(400.0), "",
				"testland.basic.age,testland.basic.resident,testland.basic.capital,testland.basic.award_above_zero"}},
		{"earnings one penny below where the award reaches zero", with(adult(eligibility.Facts{}), func(f *eligibility.Facts) { f.MonthlyEarnings = ptr(1039.98) }), "2026-06-01", basicAllowance,
			want{eligibility.Eligible, ptr(0.01), "",
				"testland.basic.age,testland.basic.resident,testland.basic.capital,testland.basic.award_above_zero"}},
		{"earnings where the award reaches zero", with(adult(eligibility.Facts{}), func(f *eligibility.Facts) { f.MonthlyEarnings = ptr(1040.0) }), "2026-06-01", basicAllowance,
			want{eligibility.NotEligible, ptr(0.0), "", "testland.basic.award_above_zero"}},
		{"capital at the limit", with(adult(eligibility.Facts{}), func(f *eligibility.Facts) { f.Capital, f.MonthlyEarnings = ptr(5000.0), ptr(0.0) }), "2026-06-01", basicAllowance,
			want{eligibility.Eligible, ptr(520.0), "",
				"testland.basic.age,testland.basic.resident,testland.basic.capital,testland.basic.award_above_zero"}},
		{"capital a penny above the limit", with(adult(eligibility.Facts{}), func(f *eligibility.Facts) { f.Capital, f.MonthlyEarnings = ptr(5000.01), ptr(0.0) }), "2026-06-01", basicAllowance,
			want{eligibility.NotEligible, nil, "", "testland.basic.capital"}},
		{"no rates in force: a judgement is open, no fact is asked", eligibility.Facts{Age: ptr(30)}, "2024-06-01", basicAllowance,
			want{eligibility.NeedInfo, nil, "", "testland.rates_unconfirmed"}},
		{"no children is a known answer", eligibility.Facts{ChildrenAges: &[]int{}}, "2026-06-01", childGrant,
			want{eligibility.NotEligible, nil, "", "testland.child.young_child"}},
		{"a child at the age limit does not count", eligibility.Facts{ChildrenAges: &[]int{12}, HabituallyResident: ptr(true)}, "2026-06-01", childGrant,
			want{eligibility.NotEligible, nil, "", "testland.child.young_child"}},
		{"a child just under the age limit counts", eligibility.Facts{ChildrenAges: &[]int{14, 11}, HabituallyResident: ptr(true)}, "2026-06-01", childGrant,
			want{eligibility.Eligible, nil, "", "testland.child.young_child,testland.child.resident"}},
		{"an owner is refused without asking the rent", eligibility.Facts{Housing: ptr(eligibility.HousingOwner)}, "2026-06-01", housingHelp,
			want{eligibility.NotEligible, nil, "", "testland.housing.renting"}},
		{"a tenant with unknown rent is asked the rent only", eligibility.Facts{Housing: ptr(eligibility.HousingPrivateRented)}, "2026-06-01", housingHelp,
			want{eligibility.NeedInfo, nil, "monthly_rent", "testland.housing.rent"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := eligibility.Evaluate(p, c.facts, day(c.date))
			if len(r.Results) != 3 || r.Results[0].Benefit != basicAllowance || r.Results[1].Benefit != childGrant || r.Results[2].Benefit != housingHelp {
				t.Fatalf("results not one per benefit in pack order: %+v", r.Results)
			}
			checkResult(t, r, c.benefit, c.want)
		})
	}
}

func with(f eligibility.Facts, change func(*eligibility.Facts)) eligibility.Facts {
	change(&f)
	return f
}

func TestEvaluateFillsRulepackAndSteps(t *testing.T) {
	p := newTestland(t)
	r := eligibility.Evaluate(p, eligibility.Facts{HasNINO: ptr(false)}, day("2026-11-23"))
	if r.AssessmentDate != "2026-11-23" || r.Rulepack != (eligibility.Rulepack{ID: "testland", Version: "0.1.0", Reviewed: "2026-01-15"}) {
		t.Errorf("header = %q %+v", r.AssessmentDate, r.Rulepack)
	}
	if len(r.NextSteps) != 1 || r.NextSteps[0].Code != "testland_get_id" || r.NextSteps[0].MessageID != "elig.step.testland_get_id" {
		t.Errorf("next steps = %+v", r.NextSteps)
	}
	r = eligibility.Evaluate(p, eligibility.Facts{}, day("2026-11-23"))
	if r.NextSteps == nil || len(r.NextSteps) != 0 {
		t.Errorf("next steps with nothing to do = %#v; want an empty list", r.NextSteps)
	}
}

func TestLocalizeFillsEveryText(t *testing.T) {
	p := newTestland(t)
	f := eligibility.Facts{Age: ptr(30), Capital: ptr(9000.0), HasNINO: ptr(false)}
	r := eligibility.Evaluate(p, f, day("2026-11-23"))
	for _, res := range r.Results {
		for _, rs := range res.Reasons {
			if rs.Text != "" {
				t.Fatalf("text filled before Localize: %q", rs.Text)
			}
		}
	}
	r.Localize(echo{})
	basic, _ := r.Find(basicAllowance)
	if got := basic.Reasons[0].Text; got != "elig.testland.basic.capital.not_met {Limit=5000}" {
		t.Errorf("capital reason text = %q", got)
	}
	for _, res := range r.Results {
		for _, rs := range res.Reasons {
			if rs.Text == "" {
				t.Errorf("%s: reason %s has no text", res.Benefit, rs.Code)
			}
		}
	}
	if r.NextSteps[0].Text != "elig.step.testland_get_id" {
		t.Errorf("next step text = %q", r.NextSteps[0].Text)
	}
}

// TestInvalidFactsAreNotAssessed: facts built in code that break the contract give need_info
// naming the fact, never a rule applied to an impossible value.
func TestInvalidFactsAreNotAssessed(t *testing.T) {
	p := newTestland(t)
	cases := []struct {
		facts   eligibility.Facts
		missing string
	}{
		{eligibility.Facts{Age: ptr(300)}, "age"},
		{eligibility.Facts{Age: ptr(30), ChildrenAges: &[]int{3, 99}}, "children_ages"},
		{eligibility.Facts{Nation: ptr(eligibility.Nation("mars"))}, "nation"},
	}
	for _, c := range cases {
		r := eligibility.Evaluate(p, c.facts, day("2026-11-23"))
		for _, res := range r.Results {
			if res.Status != eligibility.NeedInfo || strings.Join(res.Missing, ",") != c.missing ||
				len(res.Reasons) != 1 || res.Reasons[0].Code != eligibility.CodeInvalidFact {
				t.Errorf("%s: %+v; want need_info for invalid %s", res.Benefit, res, c.missing)
			}
		}
		if field, ok := eligibility.NextQuestionFrom(r); !ok || field != c.missing {
			t.Errorf("next question = %q, %v; want %s asked again", field, ok, c.missing)
		}
	}
}
