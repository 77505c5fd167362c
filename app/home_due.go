package app

import (
	"cmp"
	"slices"
	"time"

	"waymark/eligibility"
	"waymark/jobs"
	"waymark/locales"
	"waymark/storage"
)

// What needs doing soon across every open case, worked out from the case summaries alone
// (storage.CaseDates): the deadlines the rule pack gives from each case's key dates, and the
// plan steps left unfinished past their date. It is worked out once per list, off the UI
// goroutine, with the list; filtering it by adviser afterwards only walks the short lists.

// The home screen's window on deadlines: those due in the next deadlineAheadDays, and those
// passed in the last deadlineBehindDays. A passed deadline stays a while because some can
// still be met late with a good reason (a mandatory reconsideration up to 13 months), but an
// ended support period from last year is no longer news; the case itself lists every one.
const (
	deadlineAheadDays  = 60
	deadlineBehindDays = 30
)

// caseDeadline is one deadline of one case, or just the case (d zero) on a list of cases.
// c points into the loaded list, which the screen keeps as long as the lists that point in.
type caseDeadline struct {
	c *storage.CaseSummary
	d eligibility.Deadline
}

// homeDue is what is due across the open cases.
type homeDue struct {
	deadlines []caseDeadline // in the window, soonest first, those already dealt with left out
	steps     []caseDeadline // cases whose next unfinished step is past its date, most overdue first
}

// workOutDue finds the deadlines and overdue plan steps of the open cases on list, on today.
// pack may be nil (no rule pack), which gives no deadlines. A deadline is left out once the
// plan holds a finished step that acted on it (jobs.DeadlineHandled).
func workOutDue(list []storage.CaseSummary, pack eligibility.Pack, today time.Time) homeDue {
	today = eligibility.Day(today)
	from, to := today.AddDate(0, 0, -deadlineBehindDays), today.AddDate(0, 0, deadlineAheadDays)
	day := today.Format(time.DateOnly)
	var due homeDue
	for i := range list {
		c := &list[i]
		dates := c.Dates
		if c.Status != storage.CaseOpen || dates == nil {
			continue
		}
		if next := dates.NextStep.Due; next != "" && next < day {
			due.steps = append(due.steps, caseDeadline{c: c})
		}
		if pack == nil || dates.KeyDates.IsEmpty() {
			continue // every deadline runs from a date entered in the case
		}
		for _, d := range eligibility.Deadlines(pack, dates.KeyDates, dates.DeadlineFacts, today) {
			if d.Date.Before(from) || d.Date.After(to) || jobs.DeadlineHandled(dates.DoneDeadlineSteps, d) {
				continue
			}
			due.deadlines = append(due.deadlines, caseDeadline{c, d})
		}
	}
	slices.SortFunc(due.deadlines, func(a, b caseDeadline) int {
		return cmp.Or(a.d.Date.Compare(b.d.Date), cmp.Compare(a.c.Reference, b.c.Reference),
			cmp.Compare(a.d.Code, b.d.Code), cmp.Compare(a.c.ID, b.c.ID))
	})
	slices.SortFunc(due.steps, func(a, b caseDeadline) int {
		return cmp.Or(cmp.Compare(a.c.Dates.NextStep.Due, b.c.Dates.NextStep.Due), cmp.Compare(a.c.Reference, b.c.Reference),
			cmp.Compare(a.c.ID, b.c.ID))
	})
	return due
}

// forAdviser keeps what is due on the cases of one adviser; "" keeps everything.
func (h homeDue) forAdviser(name string) homeDue {
	if name == "" {
		return h
	}
	var out homeDue
	for _, cd := range h.deadlines {
		if cd.c.Adviser == name {
			out.deadlines = append(out.deadlines, cd)
		}
	}
	for _, cd := range h.steps {
		if cd.c.Adviser == name {
			out.steps = append(out.steps, cd)
		}
	}
	return out
}

// homePack is the rule pack the home screen works deadlines out with: the one cases are
// assessed under, or nil if this build lacks it.
func homePack() eligibility.Pack {
	p, ok := eligibility.DefaultRegistry.Lookup(casePack)
	if !ok {
		return nil
	}
	return p
}

// deadlineWhat is what falls due on a deadline's day, in a few words: the deadline's short
// name ("deadline.short.<code>"), or its whole sentence when the pack's code has none.
func deadlineWhat(tr *locales.Translator, d eligibility.Deadline) string {
	if id := "deadline.short." + d.Code; locales.Has(id) {
		return tr.T(id)
	}
	return tr.T(d.MessageID, d.Data)
}
