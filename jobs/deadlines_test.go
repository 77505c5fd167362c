package jobs

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"waymark/eligibility"
	_ "waymark/eligibility/uk" // registers the UK pack
)

func day(s string) time.Time {
	d, ok := eligibility.ParseDate(s)
	if !ok {
		panic("bad test date " + s)
	}
	return d
}

func ptr[T any](v T) *T { return &v }

// ukDeadlineScenarios are key dates and facts that, between them, give every deadline the UK
// pack knows.
func ukDeadlineScenarios() []struct {
	k eligibility.KeyDates
	f eligibility.Facts
} {
	england, scotland, ni := ptr(eligibility.England), ptr(eligibility.Scotland), ptr(eligibility.NorthernIreland)
	var refused []eligibility.BenefitDecision
	for _, b := range []string{"universal_credit", "pip", "new_style_jsa", "new_style_esa", "pension_credit", "child_benefit", "housing_benefit"} {
		refused = append(refused, eligibility.BenefitDecision{Benefit: b, Decided: "2026-11-10", Refused: true})
	}
	return []struct {
		k eligibility.KeyDates
		f eligibility.Facts
	}{
		{eligibility.KeyDates{ReasonableGrounds: "2026-09-01", ConclusiveGrounds: "2026-11-01"},
			eligibility.Facts{Nation: england, NRMReasonableGrounds: ptr(eligibility.RGPositive), NRMConclusiveGrounds: ptr(eligibility.CGPositive)}},
		{eligibility.KeyDates{ReasonableGrounds: "2026-10-01"},
			eligibility.Facts{Nation: scotland, NRMReasonableGrounds: ptr(eligibility.RGPositive)}},
		{eligibility.KeyDates{ReasonableGrounds: "2026-10-01"},
			eligibility.Facts{Nation: ni, NRMReasonableGrounds: ptr(eligibility.RGPositive)}},
		{eligibility.KeyDates{LeaveGranted: "2026-11-01", LeaveExpires: "2027-01-10", BenefitDecisions: refused[1:]},
			eligibility.Facts{Nation: england, ImmigrationStatus: ptr(eligibility.Refugee)}},
		{eligibility.KeyDates{BenefitDecisions: refused}, eligibility.Facts{Nation: england}},
	}
}

// TestEveryUKDeadlineHasAStep checks the map against the pack both ways: every deadline the UK
// pack gives suggests a step whose message exists, and every mapped code is one the pack gives.
func TestEveryUKDeadlineHasAStep(t *testing.T) {
	pack, ok := eligibility.DefaultRegistry.Lookup("uk")
	if !ok {
		t.Fatal("the UK pack is not registered")
	}
	given := map[string]bool{}
	for _, sc := range ukDeadlineScenarios() {
		for _, d := range eligibility.Deadlines(pack, sc.k, sc.f, day("2026-11-23")) {
			given[d.Code] = true
			code, ok := DeadlineStep(d.Code)
			if !ok {
				t.Errorf("deadline %s suggests no step", d.Code)
				continue
			}
			if !IsStepCode(code) {
				t.Errorf("deadline %s maps to %q, not a step code", d.Code, code)
			}
		}
	}
	for _, code := range deadlineCodes() {
		if !given[code] {
			t.Errorf("mapped deadline code %s is never given by the UK pack", code)
		}
	}
}

func TestSuggestDeadlines(t *testing.T) {
	ds := []eligibility.Deadline{
		{Code: "nrm.recovery_period_end", Date: day("2026-11-01"), Kind: eligibility.DeadlinePassed, MessageID: "m.passed"},
		{Code: "mr.pip", Date: day("2026-11-23"), Kind: eligibility.DeadlineWarning, MessageID: "m.pip", Data: map[string]any{"Decided": "2026-10-23"}},
		{Code: "some.other_pack", Date: day("2026-11-30"), Kind: eligibility.DeadlineUpcoming, MessageID: "m.other"},
		{Code: "mr.universal_credit", Date: day("2026-12-12"), Kind: eligibility.DeadlineWarning, MessageID: "m.uc", Data: map[string]any{"Decided": "2026-11-12"}},
		{Code: "mr.universal_credit", Date: day("2027-02-01"), Kind: eligibility.DeadlineUpcoming, MessageID: "m.uc2"},
		{Code: "leave.expiry", Date: day("2027-06-30"), Kind: eligibility.DeadlineUpcoming, MessageID: "m.leave"},
	}
	got := SuggestDeadlines(ds)
	want := []Suggestion{
		{Step: Step{Code: "mr_pip", Text: "Ask DWP to look again at the PIP decision (mandatory reconsideration).", Owner: OwnerAdviser, Due: "2026-11-23"},
			WhyID: "m.pip", WhyData: map[string]any{"Decided": "2026-10-23"}},
		{Step: Step{Code: "mr_universal_credit", Text: "Ask DWP to look again at the Universal Credit decision (mandatory reconsideration).", Owner: OwnerAdviser, Due: "2026-12-12"},
			WhyID: "m.uc", WhyData: map[string]any{"Decided": "2026-11-12"}},
		{Step: Step{Code: "extend_leave", Text: "Apply to extend your permission to stay in the UK.", Owner: OwnerAdviser, Due: "2027-06-30"},
			WhyID: "m.leave"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("SuggestDeadlines =\n%+v\nwant\n%+v", got, want)
	}
	for _, s := range got {
		if err := s.Step.Validate(); err != nil {
			t.Errorf("%s: %v", s.Step.Code, err)
		}
	}
	// The suggestion's data is its own: changing it leaves the deadline alone.
	got[0].WhyData["Decided"] = "x"
	if ds[1].Data["Decided"] != "2026-10-23" {
		t.Error("SuggestDeadlines shares the deadline's data")
	}
	if SuggestDeadlines(nil) != nil {
		t.Error("no deadlines suggest something")
	}
}

func TestDeadlineSuggestionsAreNotDuplicated(t *testing.T) {
	mr := SuggestDeadlines([]eligibility.Deadline{{Code: "mr.universal_credit", Date: day("2026-12-12"),
		Kind: eligibility.DeadlineWarning, MessageID: "m"}})[0]
	backdating := SuggestDeadlines([]eligibility.Deadline{{Code: "uc.backdating_limit", Date: day("2026-12-20"),
		Kind: eligibility.DeadlineWarning, MessageID: "m"}})[0]
	step := func(code, due string, done bool) Step {
		text, _ := StepText(code)
		return Step{Code: code, Text: text, Owner: OwnerAdviser, Due: due, Done: done}
	}
	tests := []struct {
		name    string
		plan    []Step
		s       Suggestion
		pending bool
	}{
		{"empty plan", nil, mr, true},
		{"accepted, not done", []Step{step("mr_universal_credit", "2026-12-12", false)}, mr, false},
		{"accepted, date moved, not done", []Step{step("mr_universal_credit", "2026-12-01", false)}, mr, false},
		{"done for this deadline", []Step{step("mr_universal_credit", "2026-12-12", true)}, mr, false},
		{"done a week early", []Step{step("mr_universal_credit", "2026-12-05", true)}, mr, false},
		{"done for an earlier refusal", []Step{step("mr_universal_credit", "2026-06-12", true)}, mr, true},
		{"another benefit's request", []Step{step("mr_pip", "2026-12-12", false)}, mr, true},
		{"reworded: no longer the suggested step", []Step{{Text: "Ask DWP again", Owner: OwnerAdviser, Due: "2026-12-12"}}, mr, true},
		{"claim already planned", []Step{step("claim_universal_credit", "2026-11-30", false)}, backdating, false},
		{"claim already made", []Step{step("claim_universal_credit", "2026-09-30", true)}, backdating, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Pending(tc.plan, []Suggestion{tc.s})
			if (len(got) == 1) != tc.pending {
				t.Errorf("pending = %v, want %v", len(got) == 1, tc.pending)
			}
			after := Accept(tc.plan, tc.s)
			wantLen := len(tc.plan)
			if tc.pending {
				wantLen++
			}
			if len(after) != wantLen {
				t.Errorf("Accept gives %d steps, want %d", len(after), wantLen)
			}
			if again := Accept(after, tc.s); len(again) != len(after) {
				t.Error("accepting twice duplicates the step")
			}
			if len(Pending(after, []Suggestion{tc.s})) != 0 {
				t.Error("the suggestion is still offered once accepted")
			}
		})
	}
}

func TestWithDeadlines(t *testing.T) {
	deadlines := SuggestDeadlines([]eligibility.Deadline{
		{Code: "uc.backdating_limit", Date: day("2026-12-20"), Kind: eligibility.DeadlineWarning, MessageID: "m"},
		{Code: "leave.expiry", Date: day("2027-03-01"), Kind: eligibility.DeadlineUpcoming, MessageID: "m"},
	})
	others := Suggest(eligibility.Results{
		Results:   []eligibility.Result{{Benefit: "universal_credit", Status: eligibility.Eligible}},
		NextSteps: []eligibility.NextStep{{Code: "apply_nino"}},
	}, eligibility.Facts{}, Profile{}, suggestDay)
	got := codesOf(WithDeadlines(deadlines, others))
	want := []string{"claim_universal_credit", "extend_leave", "apply_nino"}
	if !slices.Equal(got, want) {
		t.Errorf("codes = %v, want %v", got, want)
	}
	merged := WithDeadlines(deadlines, others)
	if merged[0].Step.Due != "2026-12-20" || merged[0].WhyID != "m" {
		t.Errorf("the claim keeps the ordinary suggestion's date or reason: %+v", merged[0])
	}
	if got := codesOf(WithDeadlines(nil, others)); !slices.Equal(got, codesOf(others)) {
		t.Errorf("without deadlines: %v", got)
	}
}

func TestDeadlineHandled(t *testing.T) {
	mr := eligibility.Deadline{Code: "mr.universal_credit", Date: day("2026-12-12")}
	backdating := eligibility.Deadline{Code: "uc.backdating_limit", Date: day("2026-12-20")}
	unknown := eligibility.Deadline{Code: "some.other_pack", Date: day("2026-12-20")}
	tests := []struct {
		name  string
		steps []Step
		d     eligibility.Deadline
		want  bool
	}{
		{"no plan", nil, mr, false},
		{"planned, not done", []Step{{Code: "mr_universal_credit", Due: "2026-12-12"}}, mr, false},
		{"done on the day", []Step{{Code: "mr_universal_credit", Due: "2026-12-12", Done: true}}, mr, true},
		{"done, dated a few days early", []Step{{Code: "mr_universal_credit", Due: "2026-12-02", Done: true}}, mr, true},
		{"done long before: another refusal", []Step{{Code: "mr_universal_credit", Due: "2026-08-02", Done: true}}, mr, false},
		{"done without a date", []Step{{Code: "mr_universal_credit", Done: true}}, mr, false},
		{"claim made", []Step{{Code: "claim_universal_credit", Due: "2026-10-01", Done: true}}, backdating, true},
		{"a deadline with no step", []Step{{Code: "mr_universal_credit", Due: "2026-12-20", Done: true}}, unknown, false},
	}
	for _, tc := range tests {
		if got := DeadlineHandled(tc.steps, tc.d); got != tc.want {
			t.Errorf("%s: DeadlineHandled = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestDoneDeadlineSteps(t *testing.T) {
	steps := []Step{
		{Code: "mr_pip", Due: "2026-12-01", Done: true},
		{Code: "mr_universal_credit", Due: "2026-12-12"}, // not done
		{Code: "apply_nino", Done: true},                 // acts on no deadline
		{Code: "claim_universal_credit", Done: true},     // the backdating limit's step
		{Text: "Ring DWP", Done: true},
	}
	got := DoneDeadlineSteps(steps)
	if want := []Step{steps[0], steps[3]}; !reflect.DeepEqual(got, want) {
		t.Errorf("DoneDeadlineSteps = %+v, want %+v", got, want)
	}
}

func TestNextDue(t *testing.T) {
	tests := []struct {
		name  string
		steps []Step
		want  string // the text of the step found, "" for none
	}{
		{"none", nil, ""},
		{"no dates", []Step{{Text: "a"}, {Text: "b"}}, ""},
		{"earliest unfinished", []Step{{Text: "a", Due: "2026-12-01"}, {Text: "b", Due: "2026-11-20", Done: true},
			{Text: "c", Due: "2026-11-25"}, {Text: "d"}}, "c"},
		{"first on a tie", []Step{{Text: "a", Due: "2026-12-01"}, {Text: "b", Due: "2026-12-01"}}, "a"},
		{"all done", []Step{{Text: "a", Due: "2026-12-01", Done: true}}, ""},
	}
	for _, tc := range tests {
		got, ok := NextDue(tc.steps)
		if got.Text != tc.want || ok != (tc.want != "") {
			t.Errorf("%s: NextDue = %q, %v; want %q", tc.name, got.Text, ok, tc.want)
		}
	}
}
