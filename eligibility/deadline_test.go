package eligibility_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"waymark/eligibility"
	"waymark/locales"
)

// deadlineland is testland with a deadline rule set by each test, so the engine's checks are
// seen apart from any real pack's rules.
type deadlineland struct {
	*testland
	give     []eligibility.Deadline
	sawToday time.Time
	sawDates eligibility.KeyDates
}

func (p *deadlineland) Deadlines(k eligibility.KeyDates, _ eligibility.Facts, today time.Time) []eligibility.Deadline {
	p.sawToday, p.sawDates = today, k
	return append([]eligibility.Deadline(nil), p.give...)
}

var _ eligibility.Deadliner = (*deadlineland)(nil)

func dlOn(code, date, warnFrom string) eligibility.Deadline {
	d := eligibility.Deadline{Code: code, MessageID: "deadline.kind.upcoming", Source: testlandSource, Date: day(date)}
	if warnFrom != "" {
		d.WarnFrom = day(warnFrom)
	}
	return d
}

// TestDeadlinesNeedNoDeadliner: a pack that knows no deadlines gives none, with no change to
// it (testland has no Deadlines method).
func TestDeadlinesNeedNoDeadliner(t *testing.T) {
	if got := eligibility.Deadlines(newTestland(t), eligibility.KeyDates{LeaveExpires: "2026-12-31"}, eligibility.Facts{}, day("2026-11-23")); len(got) != 0 {
		t.Errorf("got %v from a pack without deadlines", got)
	}
	if got := eligibility.Deadlines(nil, eligibility.KeyDates{}, eligibility.Facts{}, day("2026-11-23")); len(got) != 0 {
		t.Errorf("got %v from no pack", got)
	}
}

// TestDeadlinesOrderAndContract: sorted by date then code, a day as midnight UTC, and a
// deadline without a code, message, source or date (or given twice) never reaches the adviser.
func TestDeadlinesOrderAndContract(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		london = time.FixedZone("BST", 3600)
	}
	late := dlOn("late_in_the_day", "2026-12-01", "")
	late.Date = time.Date(2026, 12, 1, 23, 30, 0, 0, london) // the calendar day counts, not the instant
	noCode, noMsg, noSource, noDate := dlOn("", "2026-12-01", ""), dlOn("b", "2026-12-01", ""), dlOn("c", "2026-12-01", ""), dlOn("d", "2026-12-01", "")
	noMsg.MessageID, noSource.Source, noDate.Date = "", "", time.Time{}
	withText := dlOn("has_text", "2027-01-01", "")
	withText.Text = "left by the pack"
	p := &deadlineland{testland: newTestland(t), give: []eligibility.Deadline{
		dlOn("zeta", "2026-12-01", ""), withText, late, dlOn("alpha", "2026-12-01", ""), dlOn("first", "2026-11-30", ""),
		noCode, noMsg, noSource, noDate, dlOn("alpha", "2026-12-01", ""),
	}}
	k := eligibility.KeyDates{LeaveExpires: "2026-12-31"}
	got := eligibility.Deadlines(p, k, eligibility.Facts{}, time.Date(2026, 11, 23, 22, 15, 0, 0, london))
	var order []string
	for _, d := range got {
		order = append(order, d.Date.Format(time.DateOnly)+" "+d.Code)
		if d.Date.Location() != time.UTC || d.Date.Hour() != 0 {
			t.Errorf("%s: date %v is not midnight UTC", d.Code, d.Date)
		}
		if d.Text != "" {
			t.Errorf("%s: text %q before LocalizeDeadlines", d.Code, d.Text)
		}
	}
	want := "2026-11-30 first|2026-12-01 alpha|2026-12-01 late_in_the_day|2026-12-01 zeta|2027-01-01 has_text"
	if strings.Join(order, "|") != want {
		t.Errorf("order:\n%s\nwant\n%s", strings.Join(order, "|"), want)
	}
	if !p.sawToday.Equal(day("2026-11-23")) || p.sawToday.Location() != time.UTC {
		t.Errorf("the pack saw today as %v, want 2026-11-23 midnight UTC", p.sawToday)
	}
	if !reflect.DeepEqual(p.sawDates, k) {
		t.Errorf("the pack saw %+v", p.sawDates)
	}
}

// TestDeadlineKindBoundaries: the day before a warning window, its first day, the deadline's
// own day and the day after.
func TestDeadlineKindBoundaries(t *testing.T) {
	cases := []struct {
		name, date, warnFrom, today string
		want                        eligibility.DeadlineKind
	}{
		{"the day before the window opens", "2026-12-31", "2026-11-01", "2026-10-31", eligibility.DeadlineUpcoming},
		{"the first day of the window", "2026-12-31", "2026-11-01", "2026-11-01", eligibility.DeadlineWarning},
		{"inside the window", "2026-12-31", "2026-11-01", "2026-12-15", eligibility.DeadlineWarning},
		{"the deadline's own day is still a warning", "2026-12-31", "2026-11-01", "2026-12-31", eligibility.DeadlineWarning},
		{"the day after has passed", "2026-12-31", "2026-11-01", "2027-01-01", eligibility.DeadlinePassed},
		{"no window: upcoming up to the day itself", "2026-12-31", "", "2026-12-31", eligibility.DeadlineUpcoming},
		{"no window: passed the day after", "2026-12-31", "", "2027-01-01", eligibility.DeadlinePassed},
		{"a window opening after the day is cut to the day", "2026-12-31", "2027-02-01", "2026-12-31", eligibility.DeadlineWarning},
		{"a window opening after the day: the day before is upcoming", "2026-12-31", "2027-02-01", "2026-12-30", eligibility.DeadlineUpcoming},
		{"29 February in a leap year, the day before", "2028-02-29", "2028-02-29", "2028-02-28", eligibility.DeadlineUpcoming},
		{"29 February in a leap year, the day after is 1 March", "2028-02-29", "2028-02-29", "2028-03-01", eligibility.DeadlinePassed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := &deadlineland{testland: newTestland(t), give: []eligibility.Deadline{dlOn("x", c.date, c.warnFrom)}}
			got := eligibility.Deadlines(p, eligibility.KeyDates{}, eligibility.Facts{}, day(c.today))
			if len(got) != 1 {
				t.Fatalf("got %v", got)
			}
			if got[0].Kind != c.want {
				t.Errorf("kind = %s, want %s", got[0].Kind, c.want)
			}
			if !got[0].WarnFrom.IsZero() && got[0].WarnFrom.After(got[0].Date) {
				t.Errorf("window opens %v after the day %v", got[0].WarnFrom, got[0].Date)
			}
		})
	}
}

// TestDeadlineKindMessages: each kind has words in every shipped language, and
// LocalizeDeadlines fills the text from the message and its data.
func TestDeadlineKindMessages(t *testing.T) {
	for _, k := range []eligibility.DeadlineKind{eligibility.DeadlineUpcoming, eligibility.DeadlineWarning, eligibility.DeadlinePassed} {
		if !locales.Has("deadline.kind." + string(k)) {
			t.Errorf("no message for kind %q", k)
		}
	}
	ds := []eligibility.Deadline{{Code: "x", MessageID: "deadline.kind.passed"}}
	eligibility.LocalizeDeadlines(ds, locales.New("pl"))
	if ds[0].Text == "" || strings.HasPrefix(ds[0].Text, "[") {
		t.Errorf("Polish text = %q", ds[0].Text)
	}
}

// TestAddMonths: one calendar month by the corresponding-date rule, at month ends and in leap
// years, where time.AddDate would roll over into the month after.
func TestAddMonths(t *testing.T) {
	cases := []struct {
		name, from string
		n          int
		want       string
	}{
		{"mid-month keeps its day", "2026-01-15", 1, "2026-02-15"},
		{"31 January in a common year ends on 28 February", "2026-01-31", 1, "2026-02-28"},
		{"31 January in a leap year ends on 29 February", "2028-01-31", 1, "2028-02-29"},
		{"30 January in a common year ends on 28 February", "2027-01-30", 1, "2027-02-28"},
		{"29 January in a leap year keeps 29 February", "2028-01-29", 1, "2028-02-29"},
		{"29 February plus a month is 29 March", "2028-02-29", 1, "2028-03-29"},
		{"29 February plus twelve months is 28 February", "2028-02-29", 12, "2029-02-28"},
		{"31 March ends on 30 April", "2026-03-31", 1, "2026-04-30"},
		{"31 August ends on 30 September", "2026-08-31", 1, "2026-09-30"},
		{"31 December crosses the year to 31 January", "2026-12-31", 1, "2027-01-31"},
		{"1900 was not a leap year", "1900-01-31", 1, "1900-02-28"},
		{"2000 was a leap year", "2000-01-31", 1, "2000-02-29"},
		{"zero months is the same day", "2026-05-31", 0, "2026-05-31"},
		{"a month back from 31 March is 28 February", "2027-03-31", -1, "2027-02-28"},
		{"thirteen months from 31 January 2027 is 29 February 2028", "2027-01-31", 13, "2028-02-29"},
	}
	for _, c := range cases {
		if got := eligibility.AddMonths(day(c.from), c.n).Format(time.DateOnly); got != c.want {
			t.Errorf("%s: %s + %d months = %s, want %s", c.name, c.from, c.n, got, c.want)
		}
	}
	// The calendar day of t is used whatever its location, and the answer is midnight UTC.
	late := time.Date(2026, 1, 31, 23, 59, 0, 0, time.FixedZone("UTC-5", -5*3600))
	if got := eligibility.AddMonths(late, 1); !got.Equal(day("2026-02-28")) || got.Location() != time.UTC {
		t.Errorf("late on 31 January elsewhere + 1 month = %v", got)
	}
}

func TestDaysInMonth(t *testing.T) {
	cases := []struct {
		year  int
		month time.Month
		want  int
	}{
		{2026, time.February, 28}, {2028, time.February, 29}, {1900, time.February, 28},
		{2000, time.February, 29}, {2026, time.April, 30}, {2026, time.December, 31},
	}
	for _, c := range cases {
		if got := eligibility.DaysInMonth(c.year, c.month); got != c.want {
			t.Errorf("%d-%02d has %d days, want %d", c.year, c.month, got, c.want)
		}
	}
}
