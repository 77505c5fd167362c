package jobs

import (
	"maps"
	"slices"
	"time"

	"waymark/eligibility"
)

// Deadlines become plan steps: each deadline a rule pack works out (eligibility.Deadlines) that
// is still ahead is suggested as the step that acts on it, due on the deadline's day, with the
// deadline's own sentence as the reason. Accepting it works like any suggestion.

// deadlineStepSpecs are the steps only a deadline suggests. They are step codes like any other
// (StepCodes lists them after the others), so a plan that holds one prints it translated.
var deadlineStepSpecs = []stepSpec{
	{"mr_universal_credit", "Ask DWP to look again at the Universal Credit decision (mandatory reconsideration).", OwnerAdviser, 0, true, false},
	{"mr_pip", "Ask DWP to look again at the PIP decision (mandatory reconsideration).", OwnerAdviser, 0, true, false},
	{"mr_new_style_jsa", "Ask DWP to look again at the Jobseeker’s Allowance decision (mandatory reconsideration).", OwnerAdviser, 0, true, false},
	{"mr_new_style_esa", "Ask DWP to look again at the Employment and Support Allowance decision (mandatory reconsideration).", OwnerAdviser, 0, true, false},
	{"mr_pension_credit", "Ask DWP to look again at the Pension Credit decision (mandatory reconsideration).", OwnerAdviser, 0, true, false},
	{"mr_child_benefit", "Ask HMRC to look again at the Child Benefit decision (mandatory reconsideration).", OwnerAdviser, 0, true, false},
	{"revision_housing_benefit", "Ask the council to look again at the Housing Benefit decision.", OwnerAdviser, 0, true, false},
	{"extend_leave", "Apply to extend your permission to stay in the UK.", OwnerAdviser, 0, true, true},
	{"plan_end_of_support", "Plan what happens when your recovery support ends: a place to live, money and help.", OwnerAdviser, 0, false, true},
	{"plan_end_of_move_on", "Plan what happens when your move-on support ends.", OwnerAdviser, 0, false, true},
}

// deadlineSteps maps a rule pack's deadline codes (eligibility.Deadline.Code; the UK pack's are
// in eligibility/uk/deadlines.go) to the step that acts on the deadline. A deadline whose code
// is not here is shown in the case and on the home screen but suggests no step. The Universal
// Credit backdating limit suggests the ordinary claim, due on the last day it can still reach
// back, so a plan that already holds the claim is not offered it twice.
var deadlineSteps = map[string]string{
	"mr.universal_credit":             "mr_universal_credit",
	"mr.pip":                          "mr_pip",
	"mr.new_style_jsa":                "mr_new_style_jsa",
	"mr.new_style_esa":                "mr_new_style_esa",
	"mr.pension_credit":               "mr_pension_credit",
	"mr.child_benefit":                "mr_child_benefit",
	"revision.housing_benefit":        "revision_housing_benefit",
	"leave.expiry":                    "extend_leave",
	"uc.backdating_limit":             "claim_universal_credit",
	"nrm.recovery_period_end":         "plan_end_of_support",
	"nrm.scotland_support_period_end": "plan_end_of_support",
	"nrm.ni_recovery_period_end":      "plan_end_of_support",
	"nrm.move_on_end":                 "plan_end_of_move_on",
}

// deadlineStepSlack is how far a finished deadline step's date may be from the deadline's day
// and still count as the step that dealt with it: an adviser often moves the date a little
// earlier to leave time for the post, while the same deadline coming back (a second refusal of
// the same benefit) comes months later.
const deadlineStepSlack = 31 * 24 * time.Hour

// DeadlineStep returns the step code that acts on a deadline with this code, and false when
// the deadline suggests no step.
func DeadlineStep(deadlineCode string) (string, bool) {
	code, ok := deadlineSteps[deadlineCode]
	return code, ok
}

// deadlineCodes lists the deadline codes that suggest a step, sorted, for the test that checks a
// pack's deadlines are all covered.
func deadlineCodes() []string {
	return slices.Sorted(maps.Keys(deadlineSteps))
}

// deadlineOnly holds the codes of deadlineStepSpecs, and actsOnDeadline every step code a
// deadline can suggest.
var deadlineOnly, actsOnDeadline = func() (only, acts map[string]bool) {
	only, acts = map[string]bool{}, map[string]bool{}
	for _, s := range deadlineStepSpecs {
		only[s.code] = true
	}
	for _, code := range deadlineSteps {
		acts[code] = true
	}
	return only, acts
}()

// IsDeadlineStep reports whether a step code is one only a deadline suggests. Such a step
// belongs to one deadline: once it is done, the same step for a later deadline of the same
// kind is a new one.
func IsDeadlineStep(code string) bool { return deadlineOnly[code] }

// SuggestDeadlines proposes one step for each deadline that has not yet passed and has a step
// (DeadlineStep), in the deadlines' order (eligibility.Deadlines sorts them by day), each due on
// the deadline's day, with the deadline's message as the reason (WhyID is the deadline's
// MessageID and WhyData its Data). When two deadlines call for the same step, the sooner one
// is suggested.
func SuggestDeadlines(ds []eligibility.Deadline) []Suggestion {
	var out []Suggestion
	seen := map[string]bool{}
	for _, d := range ds {
		code, ok := deadlineSteps[d.Code]
		if !ok || d.Kind == eligibility.DeadlinePassed || d.Date.IsZero() || seen[code] {
			continue
		}
		seen[code] = true
		spec := stepSpecs[stepIndex[code]]
		out = append(out, Suggestion{
			Step:    Step{Code: code, Text: spec.text, Owner: spec.owner, Due: d.Date.Format(time.DateOnly)},
			WhyID:   d.MessageID,
			WhyData: maps.Clone(d.Data),
		})
	}
	return out
}

// WithDeadlines puts the deadline suggestions first, since each has a day that will not move,
// and then the other suggestions whose step a deadline does not already suggest.
func WithDeadlines(deadlines, others []Suggestion) []Suggestion {
	out := slices.Clone(deadlines)
	for _, s := range others {
		if !slices.ContainsFunc(deadlines, func(d Suggestion) bool { return d.Step.Code == s.Step.Code }) {
			out = append(out, s)
		}
	}
	return out
}

// DeadlineHandled reports whether the plan holds a finished step that acts on the deadline, so
// the home screen can leave out a deadline already dealt with. For a step only deadlines
// suggest, the step's date must be within a month of the deadline's day; any finished step
// of an ordinary code (the Universal Credit claim) counts.
func DeadlineHandled(steps []Step, d eligibility.Deadline) bool {
	code, ok := deadlineSteps[d.Code]
	if !ok {
		return false
	}
	for _, s := range steps {
		if s.Code == code && s.Done && (!IsDeadlineStep(code) || nearDay(s.Due, d.Date)) {
			return true
		}
	}
	return false
}

// DoneDeadlineSteps returns the finished steps that can act on a deadline, in plan order, so
// a case summary can carry what DeadlineHandled needs without the whole plan.
func DoneDeadlineSteps(steps []Step) []Step {
	var out []Step
	for _, s := range steps {
		if s.Done && actsOnDeadline[s.Code] {
			out = append(out, s)
		}
	}
	return out
}

// NextDue returns the unfinished step with the earliest due date, the first in plan order on a
// tie, and false when no unfinished step has a date.
func NextDue(steps []Step) (Step, bool) {
	best := -1
	for i, s := range steps {
		if s.Done || s.Due == "" {
			continue
		}
		if best < 0 || s.Due < steps[best].Due {
			best = i
		}
	}
	if best < 0 {
		return Step{}, false
	}
	return steps[best], true
}

// nearDay reports whether a YYYY-MM-DD day is within deadlineStepSlack of day.
func nearDay(due string, day time.Time) bool {
	d, ok := eligibility.ParseDate(due)
	if !ok {
		return false
	}
	diff := d.Sub(eligibility.Day(day))
	return diff <= deadlineStepSlack && diff >= -deadlineStepSlack
}
