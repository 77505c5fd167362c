package jobs

import (
	"reflect"
	"testing"
	"time"

	"waymark/eligibility"
)

func planOf(texts ...string) []Step {
	var out []Step
	for _, t := range texts {
		out = append(out, Step{Text: t, Owner: OwnerAdviser})
	}
	return out
}

func textsOf(steps []Step) []string {
	var out []string
	for _, s := range steps {
		out = append(out, s.Text)
	}
	return out
}

func TestPlanMoves(t *testing.T) {
	tests := []struct {
		name string
		op   func([]Step) []Step
		want []string
	}{
		{"up middle", func(s []Step) []Step { return MoveUp(s, 1) }, []string{"b", "a", "c"}},
		{"up last", func(s []Step) []Step { return MoveUp(s, 2) }, []string{"a", "c", "b"}},
		{"up first", func(s []Step) []Step { return MoveUp(s, 0) }, []string{"a", "b", "c"}},
		{"up out of range", func(s []Step) []Step { return MoveUp(s, 3) }, []string{"a", "b", "c"}},
		{"up negative", func(s []Step) []Step { return MoveUp(s, -1) }, []string{"a", "b", "c"}},
		{"down first", func(s []Step) []Step { return MoveDown(s, 0) }, []string{"b", "a", "c"}},
		{"down middle", func(s []Step) []Step { return MoveDown(s, 1) }, []string{"a", "c", "b"}},
		{"down last", func(s []Step) []Step { return MoveDown(s, 2) }, []string{"a", "b", "c"}},
		{"down negative", func(s []Step) []Step { return MoveDown(s, -1) }, []string{"a", "b", "c"}},
		{"remove first", func(s []Step) []Step { return Remove(s, 0) }, []string{"b", "c"}},
		{"remove last", func(s []Step) []Step { return Remove(s, 2) }, []string{"a", "b"}},
		{"remove out of range", func(s []Step) []Step { return Remove(s, 5) }, []string{"a", "b", "c"}},
		{"edit", func(s []Step) []Step { return EditText(s, 1, "B") }, []string{"a", "B", "c"}},
		{"edit out of range", func(s []Step) []Step { return EditText(s, -1, "B") }, []string{"a", "b", "c"}},
	}
	for _, tc := range tests {
		orig := planOf("a", "b", "c")
		got := tc.op(orig)
		if !reflect.DeepEqual(textsOf(got), tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, textsOf(got), tc.want)
		}
		if !reflect.DeepEqual(textsOf(orig), []string{"a", "b", "c"}) {
			t.Errorf("%s: changed the plan it was given: %v", tc.name, textsOf(orig))
		}
	}
}

func TestEditTextClearsCode(t *testing.T) {
	s := Suggest(eligibility.Results{NextSteps: []eligibility.NextStep{{Code: "apply_nino"}}}, eligibility.Facts{}, Profile{}, suggestDay)
	plan := Accept(nil, s[0])
	same := EditText(plan, 0, plan[0].Text)
	if same[0].Code != "apply_nino" {
		t.Errorf("unchanged text cleared the code: %+v", same[0])
	}
	edited := EditText(plan, 0, "Apply for an NI number at the Jobcentre on Tuesday.")
	if edited[0].Code != "" || edited[0].Text != "Apply for an NI number at the Jobcentre on Tuesday." {
		t.Errorf("edited step %+v, want no code", edited[0])
	}
	if plan[0].Code != "apply_nino" {
		t.Error("EditText changed the plan it was given")
	}
	// The reworded step no longer stands for its suggestion.
	if got := Pending(edited, s); len(got) != 1 {
		t.Errorf("Pending after rewording = %d suggestions, want 1", len(got))
	}
}

func TestAcceptAndPending(t *testing.T) {
	ss := Suggest(eligibility.Results{NextSteps: []eligibility.NextStep{{Code: "apply_nino"}, {Code: "photo_id"}}},
		eligibility.Facts{}, Profile{}, suggestDay)
	plan := planOf("Own step")
	plan = Accept(plan, ss[1])
	plan = Accept(plan, ss[1])
	if want := []string{"Own step", "Get an ID document with your photo."}; !reflect.DeepEqual(textsOf(plan), want) {
		t.Fatalf("plan %v, want %v", textsOf(plan), want)
	}
	pending := Pending(plan, ss)
	if len(pending) != 1 || pending[0].Step.Code != "apply_nino" {
		t.Errorf("pending %v", codesOf(pending))
	}
	plan = Accept(plan, pending[0])
	if len(Pending(plan, ss)) != 0 {
		t.Error("everything accepted, yet suggestions pending")
	}
	// A suggestion with no code (none are made today) is still added.
	if got := Accept(plan, Suggestion{Step: Step{Text: "x", Owner: OwnerOther}}); len(got) != len(plan)+1 {
		t.Error("Accept dropped a step without a code")
	}
}

func TestSetOwnerDueDone(t *testing.T) {
	plan := planOf("a", "b")
	got := SetOwner(plan, 1, OwnerSurvivor)
	got = SetDone(got, 0, true)
	got, err := SetDue(got, 1, "2027-01-31")
	if err != nil {
		t.Fatal(err)
	}
	want := []Step{{Text: "a", Owner: OwnerAdviser, Done: true}, {Text: "b", Owner: OwnerSurvivor, Due: "2027-01-31"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if plan[0].Done || plan[1].Owner != OwnerAdviser {
		t.Error("helpers changed the plan they were given")
	}
	cleared, err := SetDue(got, 1, "")
	if err != nil || cleared[1].Due != "" {
		t.Errorf("clearing the date: %+v, %v", cleared[1], err)
	}
	for _, bad := range []string{"2027-02-29", "31/01/2027", "tomorrow"} {
		kept, err := SetDue(got, 1, bad)
		fe := asFieldError(t, err)
		if fe.Field != "due" || fe.Problem != eligibility.ProblemDate {
			t.Errorf("%q: %v", bad, err)
		}
		if kept[1].Due != "2027-01-31" {
			t.Errorf("%q: a refused date changed the plan", bad)
		}
	}
	if got := SetDone(plan, 9, true); !reflect.DeepEqual(got, plan) {
		t.Error("SetDone out of range changed the plan")
	}
}

func TestReviewDates(t *testing.T) {
	day := time.Date(2026, 12, 10, 23, 30, 0, 0, time.FixedZone("BST", 3600))
	if got := SuggestReview(day); got != "2027-01-07" {
		t.Errorf("SuggestReview = %s, want 2027-01-07", got)
	}
	if got := AddDays(time.Date(2028, 2, 28, 0, 0, 0, 0, time.UTC), 1); got != "2028-02-29" {
		t.Errorf("AddDays over a leap day = %s", got)
	}
	tests := []struct {
		review string
		want   bool
	}{
		{"", false},
		{"2026-12-09", true},
		{"2026-12-10", false},
		{"2026-12-11", false},
	}
	for _, tc := range tests {
		if got := ReviewOverdue(tc.review, day); got != tc.want {
			t.Errorf("ReviewOverdue(%q) = %v, want %v", tc.review, got, tc.want)
		}
	}
	if err := CheckReview("review", "2026-13-01"); err == nil {
		t.Error("CheckReview accepted month 13")
	}
	if err := CheckReview("review", ""); err != nil {
		t.Errorf("CheckReview refused no date: %v", err)
	}
}
