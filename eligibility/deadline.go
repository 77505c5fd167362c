package eligibility

import (
	"sort"
	"time"
)

// DeadlineKind says where today falls against a deadline, so the home screen can put the
// urgent ones first and the plan can tick off the ones that passed. It is a stable identifier;
// the words come from the message "deadline.kind.<kind>".
type DeadlineKind string

// The kinds of deadline, from the engine's comparison of the deadline with today.
const (
	// DeadlineUpcoming: the day is still ahead and today is before its warning window (or it
	// has none).
	DeadlineUpcoming DeadlineKind = "upcoming"
	// DeadlineWarning: today is inside the warning window, up to and including the day itself.
	DeadlineWarning DeadlineKind = "warning"
	// DeadlinePassed: the day is over.
	DeadlinePassed DeadlineKind = "passed"
)

// Deadline is a date that matters in a case, worked out by a rule pack from the dates an
// adviser entered (KeyDates): the end of a support period, the last day to ask for a decision
// to be looked at again, the day permission to stay runs out. Like a Reason it holds no words:
// MessageID and Data are translated by LocalizeDeadlines, and Source says where the rule
// comes from, so an adviser can check it.
type Deadline struct {
	// Code is a stable identifier of the rule, e.g. "mr.universal_credit". Two decisions on
	// the same benefit give the same code, so (Code, Date) identifies one deadline.
	Code string
	// Date is the day that matters (midnight UTC): the last day to act, or the last day of a
	// period of support.
	Date time.Time
	// WarnFrom is the first day of the deadline's warning window (midnight UTC), or zero when
	// the rule sets none. A window never runs past Date.
	WarnFrom time.Time
	// Kind is filled by Deadlines from today's date; a pack leaves it empty.
	Kind DeadlineKind
	// MessageID is the locales message that says what the date means and what to do.
	MessageID string
	// Data fills the message's {{.Placeholders}}. Dates in it are written YYYY-MM-DD; a
	// caller may replace them with a localised form before LocalizeDeadlines.
	Data map[string]any
	// Text is the translated message; empty until LocalizeDeadlines runs.
	Text string
	// Source is the URL of the legislation or official guidance the deadline rests on.
	Source string
}

// Deadliner is the optional part of a Pack that knows deadlines. A pack that knows none does
// not implement it, and Deadlines then returns none: the engine never requires it.
type Deadliner interface {
	// Deadlines works out every deadline the key dates and facts give. It must do no I/O and
	// must not keep or modify its arguments. Dates that do not parse (KeyDates.Validate
	// reports them) and facts outside the contract are to be treated as not given. today is
	// midnight UTC; most rules do not need it, since the engine sets Kind.
	Deadlines(k KeyDates, f Facts, today time.Time) []Deadline
}

// Deadlines asks a pack for the deadlines of one case on a day, and returns them checked and
// ordered: sorted by date then code, days as midnight UTC, Kind set from today, and never a
// deadline without a code, a message, a source or a date (a pack bug its tests report, which
// an adviser should not see as a blank line). A pack that is not a Deadliner gives none.
func Deadlines(p Pack, k KeyDates, f Facts, today time.Time) []Deadline {
	d, ok := p.(Deadliner)
	if !ok {
		return nil
	}
	today = Day(today)
	got := d.Deadlines(k, f, today)
	out := make([]Deadline, 0, len(got))
	seen := make(map[deadlineKey]bool, len(got))
	for _, dl := range got {
		if dl.Code == "" || dl.MessageID == "" || dl.Source == "" || dl.Date.IsZero() {
			continue
		}
		dl.Date = Day(dl.Date)
		if !dl.WarnFrom.IsZero() {
			dl.WarnFrom = Day(dl.WarnFrom)
			if dl.WarnFrom.After(dl.Date) {
				dl.WarnFrom = dl.Date
			}
		}
		key := deadlineKey{dl.Code, dl.Date}
		if seen[key] {
			continue
		}
		seen[key] = true
		dl.Kind = deadlineKind(dl, today)
		dl.Text = ""
		out = append(out, dl)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].Code < out[j].Code
	})
	return out
}

// deadlineKey identifies a deadline: the same rule on the same day is shown once, however
// many entries gave it (two identical decisions typed twice, say).
type deadlineKey struct {
	code string
	date time.Time
}

// deadlineKind compares a deadline (days already normalised) with today.
func deadlineKind(d Deadline, today time.Time) DeadlineKind {
	switch {
	case d.Date.Before(today):
		return DeadlinePassed
	case !d.WarnFrom.IsZero() && !today.Before(d.WarnFrom):
		return DeadlineWarning
	default:
		return DeadlineUpcoming
	}
}

// LocalizeDeadlines fills the Text of every deadline from its message in t's language, the way
// Results.Localize does for reasons.
func LocalizeDeadlines(ds []Deadline, t Translator) {
	for i := range ds {
		ds[i].Text = t.T(ds[i].MessageID, ds[i].Data)
	}
}

// AddMonths adds n calendar months to the day of t and returns midnight UTC. When the later
// month is too short to have the same day, the period ends on that month's last day: one
// month from 31 January is 28 February (29 in a leap year), and one month from 31 March is
// 30 April. This is the "corresponding date" rule the courts apply to a period of months
// (Dodds v Walker, House of Lords, 1981) and the one the social security commissioners apply
// to "within one month of the date of notification" (R(IB) 4/02, which also holds that the day
// of notification itself is not counted). Go's AddDate would instead roll 31 January over to
// 3 March. n may be negative.
func AddMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	if last := DaysInMonth(first.Year(), first.Month()); d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, 0, 0, 0, 0, time.UTC)
}

// DaysInMonth is the number of days in a month of the proleptic Gregorian calendar, which
// rules counting to a month's end need.
func DaysInMonth(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
