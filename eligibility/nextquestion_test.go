package eligibility_test

import (
	"testing"

	"waymark/eligibility"
)

// TestNextQuestion: the fact missing from the most open results, ties in contract order, never
// one no result waits for.
func TestNextQuestion(t *testing.T) {
	p := newTestland(t)
	cases := []struct {
		name  string
		facts eligibility.Facts
		date  string
		field string
		ok    bool
	}{
		{"residence is waited on by two benefits", eligibility.Facts{}, "2026-06-01", "habitually_resident", true},
		{"then a tie is broken in contract order (age before capital)", eligibility.Facts{HabituallyResident: ptr(true)}, "2026-06-01", "age", true},
		{"facts no result needs are never asked", eligibility.Facts{HabituallyResident: ptr(false)}, "2026-06-01", "housing", true},
		{"a tenant is asked the rent", eligibility.Facts{HabituallyResident: ptr(false), Housing: ptr(eligibility.HousingPrivateRented)}, "2026-06-01", "monthly_rent", true},
		{"nothing left to ask", eligibility.Facts{HabituallyResident: ptr(false), Housing: ptr(eligibility.HousingOwner)}, "2026-06-01", "", false},
		{"only judgements open: no question", eligibility.Facts{HabituallyResident: ptr(true), Housing: ptr(eligibility.HousingOwner)}, "2024-06-01", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			field, ok := eligibility.NextQuestion(p, c.facts, day(c.date))
			if field != c.field || ok != c.ok {
				t.Errorf("NextQuestion = %q, %v; want %q, %v", field, ok, c.field, c.ok)
			}
			if ok && c.facts.Given(mustFact(t, field)) {
				t.Errorf("asked %s, which is already answered", field)
			}
		})
	}
}

func mustFact(t *testing.T, name string) eligibility.Fact {
	t.Helper()
	f, ok := eligibility.FactNamed(name)
	if !ok {
		t.Fatalf("%q is not a fact", name)
	}
	return f
}

// TestNextQuestionFrom counts only need_info results and ignores names that are not facts.
func TestNextQuestionFrom(t *testing.T) {
	res := func(s eligibility.Status, missing ...string) eligibility.Result {
		return eligibility.Result{Status: s, Missing: missing}
	}
	cases := []struct {
		name    string
		results []eligibility.Result
		field   string
		ok      bool
	}{
		{"no results", nil, "", false},
		{"most frequent wins", []eligibility.Result{
			res(eligibility.NeedInfo, "capital", "age"), res(eligibility.NeedInfo, "capital"), res(eligibility.NeedInfo, "age", "capital")}, "capital", true},
		{"tie goes to contract order", []eligibility.Result{
			res(eligibility.NeedInfo, "has_photo_id", "nation"), res(eligibility.NeedInfo, "nation", "has_photo_id")}, "nation", true},
		{"tie order does not depend on list order", []eligibility.Result{
			res(eligibility.NeedInfo, "pregnant"), res(eligibility.NeedInfo, "couple")}, "couple", true},
		{"decided results do not count", []eligibility.Result{
			res(eligibility.Eligible, "capital"), res(eligibility.NotEligible, "capital"), res(eligibility.NeedInfo, "age")}, "age", true},
		{"unknown names are ignored", []eligibility.Result{res(eligibility.NeedInfo, "favourite_colour")}, "", false},
		{"need_info with only a judgement open", []eligibility.Result{res(eligibility.NeedInfo)}, "", false},
	}
	for _, c := range cases {
		field, ok := eligibility.NextQuestionFrom(eligibility.Results{Results: c.results})
		if field != c.field || ok != c.ok {
			t.Errorf("%s: %q, %v; want %q, %v", c.name, field, ok, c.field, c.ok)
		}
	}
}
