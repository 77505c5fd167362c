package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"waymark/jobs"
	"waymark/storage"
)

// suggestionRow is one suggestion in the plan tab as drawn: its heading, its reason and its
// Add button.
type suggestionRow struct {
	text, why string
	add       *widget.Button
}

func suggestionRows(pl *planTab) []suggestionRow {
	var out []suggestionRow
	for _, o := range pl.suggBox.Objects {
		box, ok := o.(*fyne.Container)
		if !ok || len(box.Objects) != 2 {
			continue // the "nothing to suggest" sentence
		}
		head := box.Objects[0].(*fyne.Container)
		out = append(out, suggestionRow{
			text: head.Objects[0].(*widget.Label).Text,
			why:  box.Objects[1].(*widget.Label).Text,
			add:  head.Objects[1].(*widget.Button),
		})
	}
	return out
}

// openDeadlineCase adds a case in England whose Universal Credit claim was refused on
// 2026-11-12, so a reconsideration is due by 2026-12-12, and opens its plan.
func openDeadlineCase(h *harness, steps ...jobs.Step) *caseScreen {
	h.t.Helper()
	ids := h.seed(storage.Case{Reference: "WM-PLAN", Facts: england(), Steps: steps,
		Outcomes: jobs.Outcomes{Benefits: []jobs.BenefitOutcome{refused("universal_credit", "2026-11-12")}}})
	h.home()
	return h.openCaseByID(ids["WM-PLAN"])
}

func TestDeadlinesAreSuggestedAsPlanSteps(t *testing.T) {
	h := unlocked(t)
	s := openDeadlineCase(h)
	pl := s.plan
	rows := suggestionRows(pl)
	if len(rows) == 0 {
		t.Fatal("no suggestions drawn")
	}
	wantText := "Ask DWP to look again at the Universal Credit decision (mandatory reconsideration). By 12 December 2026."
	wantWhy := h.u.tr.T("deadline.uk.mr.universal_credit", map[string]any{"Decided": "2026-11-12"})
	if rows[0].text != wantText || rows[0].why != wantWhy {
		t.Fatalf("first suggestion = %q / %q\nwant %q / %q", rows[0].text, rows[0].why, wantText, wantWhy)
	}

	test.Tap(rows[0].add)
	h.run.flush()
	want := jobs.Step{Code: "mr_universal_credit", Text: "Ask DWP to look again at the Universal Credit decision (mandatory reconsideration).",
		Owner: jobs.OwnerAdviser, Due: "2026-12-12"}
	if got := h.stored(s.id).Steps; !slices.Equal(got, []jobs.Step{want}) {
		t.Fatalf("plan in the vault = %+v, want %+v", got, want)
	}
	if rows := suggestionRows(pl); len(rows) > 0 && rows[0].text == wantText {
		t.Error("the accepted deadline is still suggested")
	}

	// Working the deadlines out again (the outcomes saved, the language changed) does not
	// offer it again, done or not.
	s.outcomes.onSave()
	h.u.setLanguage("ro")
	h.u.setLanguage("en")
	pl.apply(jobs.SetDone(pl.steps, 0, true), nil)
	h.run.flush()
	for _, r := range suggestionRows(pl) {
		if r.text == wantText {
			t.Error("the deadline step is offered again once done")
		}
	}
	if got := h.stored(s.id).Steps; len(got) != 1 || !got[0].Done {
		t.Errorf("plan in the vault = %+v", got)
	}
}

func TestDeadlineStepAlreadyInThePlanIsNotSuggested(t *testing.T) {
	h := unlocked(t)
	text, _ := jobs.StepText("mr_universal_credit")
	// The adviser moved the day a week earlier to leave time for the post.
	s := openDeadlineCase(h, jobs.Step{Code: "mr_universal_credit", Text: text, Owner: jobs.OwnerAdviser, Due: "2026-12-05"})
	why := h.u.tr.T("deadline.uk.mr.universal_credit", map[string]any{"Decided": "2026-11-12"})
	for _, r := range suggestionRows(s.plan) {
		if r.why == why {
			t.Errorf("suggested again: %q", r.text)
		}
	}
	if got := len(jobs.Pending(s.plan.steps, s.plan.deadlines)); got != 0 {
		t.Errorf("%d deadline suggestions pending, want none", got)
	}
}

func TestKeyDatesSavedSuggestTheirSteps(t *testing.T) {
	h := unlocked(t)
	s := openDeadlineCase(h)
	o := s.overview
	test.Type(o.dates.grant, "2025-01-10")
	test.Type(o.dates.exp, "2027-01-10")
	test.Tap(o.save)
	h.run.flush()
	var codes []string
	for _, d := range s.plan.deadlines {
		codes = append(codes, d.Step.Code+" "+d.Step.Due)
	}
	if want := []string{"mr_universal_credit 2026-12-12", "extend_leave 2027-01-10"}; !slices.Equal(codes, want) {
		t.Errorf("deadline suggestions = %q, want %q", codes, want)
	}
	if rows := suggestionRows(s.plan); len(rows) < 2 || rows[1].text != "Apply to extend your permission to stay in the UK. By 10 January 2027." {
		t.Errorf("second suggestion drawn = %+v", rows)
	}
}
