package app

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"waymark/eligibility"
	"waymark/jobs"
	"waymark/locales"
	"waymark/storage"
)

// refused is an outcome: a claim refused on a day.
func refused(benefit, decided string) jobs.BenefitOutcome {
	return jobs.BenefitOutcome{Benefit: benefit, Status: jobs.BenefitRefused, Applied: "2026-09-01", Decided: decided}
}

// codedStep is a suggested step as the plan holds it.
func codedStep(code, due string, done bool) jobs.Step {
	text, _ := jobs.StepText(code)
	return jobs.Step{Code: code, Text: text, Owner: jobs.OwnerAdviser, Due: due, Done: done}
}

// dueCases are cases whose deadlines and plan steps fall either side of every edge the home
// screen draws, on testDay (2026-11-23), for two advisers.
func dueCases() []storage.Case {
	en := england()
	return []storage.Case{
		{Reference: "WM-A", Name: "Maria Ionescu", Adviser: adminName, Facts: en, // reconsideration ahead, step 3 days late
			Outcomes: jobs.Outcomes{Benefits: []jobs.BenefitOutcome{refused("universal_credit", "2026-11-12")}},
			Steps:    []jobs.Step{{Text: "Ring the Jobcentre", Owner: jobs.OwnerAdviser, Due: "2026-11-20"}}},
		{Reference: "WM-B", Name: "Łukasz Nowak", Adviser: "Bogdan", Facts: en, // one passed, leave in 48 days, step 13 days late
			KeyDates: eligibility.KeyDates{LeaveGranted: "2025-01-10", LeaveExpires: "2027-01-10"},
			Outcomes: jobs.Outcomes{Benefits: []jobs.BenefitOutcome{refused("pip", "2026-10-20")}},
			Steps:    []jobs.Step{codedStep("register_gp", "2026-11-10", false), codedStep("apply_nino", "2026-11-01", true)}},
		{Reference: "WM-C", Adviser: adminName, Facts: en, // everything outside the window, step not yet due
			KeyDates: eligibility.KeyDates{LeaveExpires: "2027-03-01"},
			Outcomes: jobs.Outcomes{Benefits: []jobs.BenefitOutcome{refused("child_benefit", "2026-09-01")}},
			Steps:    []jobs.Step{{Text: "Call back", Owner: jobs.OwnerAdviser, Due: "2026-11-30"}}},
		{Reference: "WM-D", Adviser: adminName, Facts: en, Status: storage.CaseClosed, // closed: nothing is due
			Outcomes: jobs.Outcomes{Benefits: []jobs.BenefitOutcome{refused("universal_credit", "2026-11-12")}},
			Steps:    []jobs.Step{{Text: "Old step", Owner: jobs.OwnerAdviser, Due: "2026-10-01"}}},
		{Reference: "WM-E", Adviser: "Bogdan", Facts: en, // the request was made: the deadline is dealt with
			Outcomes: jobs.Outcomes{Benefits: []jobs.BenefitOutcome{refused("housing_benefit", "2026-11-01")}},
			Steps:    []jobs.Step{codedStep("revision_housing_benefit", "2026-11-28", true)}},
	}
}

func summariesOf(t *testing.T, cases []storage.Case) []storage.CaseSummary {
	t.Helper()
	h := unlocked(t)
	h.seed(cases...)
	list, err := h.u.session.ListCases()
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func deadlineRefs(ds []caseDeadline) []string {
	var out []string
	for _, cd := range ds {
		out = append(out, cd.c.Reference+" "+cd.d.Code+" "+cd.d.Date.Format(time.DateOnly))
	}
	return out
}

func TestWorkOutDue(t *testing.T) {
	list := summariesOf(t, dueCases())
	due := workOutDue(list, homePack(), testDay)
	want := []string{
		"WM-B mr.pip 2026-11-20",              // passed three days ago: first
		"WM-A mr.universal_credit 2026-12-12", // soonest ahead
		"WM-B leave.expiry 2027-01-10",        // 48 days ahead
	}
	if got := deadlineRefs(due.deadlines); !slices.Equal(got, want) {
		t.Errorf("deadlines = %q\nwant %q", got, want)
	}
	var steps []string
	for _, c := range due.steps {
		steps = append(steps, c.c.Reference)
	}
	if !slices.Equal(steps, []string{"WM-B", "WM-A"}) {
		t.Errorf("overdue steps = %q, want the most overdue first", steps)
	}

	bogdan := due.forAdviser("Bogdan")
	if got := deadlineRefs(bogdan.deadlines); !slices.Equal(got, []string{want[0], want[2]}) || len(bogdan.steps) != 1 {
		t.Errorf("Bogdan's: %q, %d steps", got, len(bogdan.steps))
	}
	if got := due.forAdviser(""); len(got.deadlines) != 3 {
		t.Error("no adviser chosen leaves deadlines out")
	}
	if none := workOutDue(list, nil, testDay); none.deadlines != nil || len(none.steps) != 2 {
		t.Errorf("without a rule pack: %+v", none)
	}
}

// TestDeadlineWindowEdges checks the first and last days the home screen shows a deadline.
func TestDeadlineWindowEdges(t *testing.T) {
	tests := []struct {
		expires string
		shown   bool
	}{
		{"2026-10-23", false}, // 31 days ago
		{"2026-10-24", true},  // 30 days ago
		{"2026-11-23", true},  // today
		{"2027-01-22", true},  // in 60 days
		{"2027-01-23", false}, // in 61 days
	}
	for _, tc := range tests {
		c := storage.CaseSummary{ID: "x", Reference: "WM-1", Status: storage.CaseOpen,
			Dates: &storage.CaseDates{KeyDates: eligibility.KeyDates{LeaveExpires: tc.expires}}}
		got := workOutDue([]storage.CaseSummary{c}, homePack(), testDay.Add(13*time.Hour)) // late in the day: only the day counts
		if (len(got.deadlines) == 1) != tc.shown {
			t.Errorf("leave expiring %s: shown %v, want %v", tc.expires, len(got.deadlines) == 1, tc.shown)
		}
	}
}

func TestHomeListsDeadlinesAndOverdueSteps(t *testing.T) {
	h := unlocked(t)
	h.seed(dueCases()...)
	c := h.home()
	if got := sideRefs(c.deadlines); !slices.Equal(got, []string{"WM-B", "WM-A", "WM-B"}) {
		t.Fatalf("deadlines list = %q", got)
	}
	if got := sideRefs(c.steps); !slices.Equal(got, []string{"WM-B", "WM-A"}) {
		t.Fatalf("overdue steps list = %q", got)
	}
	if c.deadlines.header.Text != "Deadlines (3)" || c.steps.header.Text != "Overdue steps (2)" {
		t.Errorf("headings %q, %q", c.deadlines.header.Text, c.steps.header.Text)
	}
	// Nothing is up for review, so the overdue steps are open first.
	if c.openSide() != sideSteps {
		t.Errorf("open list = %d, want the overdue steps", c.openSide())
	}

	rows := []struct {
		l          *sideList
		i          int
		who, when  string
		importance widget.Importance
	}{
		{c.deadlines, 0, "WM-B · Łukasz Nowak", "2026-11-20 (passed) · PIP: ask for reconsideration", widget.DangerImportance},
		{c.deadlines, 1, "WM-A · Maria Ionescu", "2026-12-12 · Universal Credit: ask for reconsideration", widget.DangerImportance},
		{c.deadlines, 2, "WM-B · Łukasz Nowak", "2027-01-10 · Permission to stay ends", widget.DangerImportance},
		{c.steps, 0, "WM-B · Łukasz Nowak", "13 days overdue: Register with a doctor (GP). It is free.", widget.DangerImportance},
		{c.steps, 1, "WM-A · Maria Ionescu", "3 days overdue: Ring the Jobcentre", widget.DangerImportance},
	}
	for _, r := range rows {
		row := newSideRow().(*fyne.Container)
		r.l.updateRow(r.i, row)
		who, when := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Label)
		if who.Text != r.who || when.Text != r.when || when.Importance != r.importance {
			t.Errorf("row %d = %q / %q (%v), want %q / %q", r.i, who.Text, when.Text, when.Importance, r.who, r.when)
		}
	}

	// In Polish the same rows are words of that language.
	h.u.setLanguage("pl")
	if who, when := sideRowText(c.steps, 0); who != "WM-B · Łukasz Nowak" || when != locales.New("pl").N("home.steps.detail", 13,
		map[string]any{"Step": locales.New("pl").T("jobs.step.register_gp")}) {
		t.Errorf("Polish step row = %q / %q", who, when)
	}
	if c.deadlines.header.Text != "Terminy (3)" {
		t.Errorf("Polish heading = %q", c.deadlines.header.Text)
	}
}

func TestSideListsOpenOneAtATime(t *testing.T) {
	h := unlocked(t)
	h.seed(dueCases()...)
	c := h.home()
	test.Tap(c.deadlines.header)
	if c.openSide() != sideDeadlines {
		t.Fatalf("after tapping the deadlines heading the open list is %d", c.openSide())
	}
	border := c.sideBox.Objects[0].(*fyne.Container)
	if !slices.Contains(border.Objects, fyne.CanvasObject(c.deadlines.list)) || slices.Contains(border.Objects, fyne.CanvasObject(c.steps.list)) {
		t.Error("the side column does not show the deadlines list alone")
	}
	if c.deadlines.note.Text != h.u.tr.T("home.deadlines.note", map[string]any{"Ahead": 60, "Behind": 30}) {
		t.Errorf("note = %q", c.deadlines.note.Text)
	}
	// The choice stays for the session, and goes with a lock.
	c = h.home()
	if c.openSide() != sideDeadlines {
		t.Errorf("coming back, the open list is %d", c.openSide())
	}
	h.u.onLock()
	h.run.flush()
	h.unlock(adminPass)
	if c = h.cases(); c.openSide() != sideSteps {
		t.Errorf("after unlocking again the open list is %d", c.openSide())
	}
}

func TestSideRowsOpenTheCaseWhereItMatters(t *testing.T) {
	tests := []struct {
		name    string
		choose  func(c *casesScreen)
		ref     string
		wantTab int
	}{
		{"a deadline opens the overview, where the dates are", func(c *casesScreen) { c.deadlines.list.Select(1) }, "WM-A", tabOverview},
		{"an overdue step opens the plan", func(c *casesScreen) { c.steps.list.Select(0) }, "WM-B", tabPlan},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := unlocked(t)
			ids := h.seed(dueCases()...)
			c := h.home()
			tc.choose(c)
			s, ok := h.u.current.(*caseScreen)
			if !ok {
				t.Fatalf("screen is %T", h.u.current)
			}
			h.run.flush()
			if s.id != ids[tc.ref] || s.tab != tc.wantTab {
				t.Errorf("opened %s on tab %d, want %s on tab %d", s.c.Reference, s.tab, tc.ref, tc.wantTab)
			}
		})
	}
}

func TestAdviserFilter(t *testing.T) {
	h := unlocked(t)
	h.seed(dueCases()...)
	c := h.home()
	f := c.filters
	if got := f.adviser.Options; !slices.Equal(got, []string{"All advisers", adminName, "Bogdan"}) {
		t.Fatalf("adviser options = %q", got)
	}
	f.adviser.SetSelected("Bogdan")
	if got := rowRefs(c); !slices.Equal(got, []string{"WM-B", "WM-E"}) {
		t.Errorf("Bogdan's cases = %q", got)
	}
	if want := h.u.tr.N("home.count.filtered", 5, map[string]any{"Shown": 2}); c.count.Text != want {
		t.Errorf("count = %q, want %q", c.count.Text, want)
	}
	// The side column is about the chosen adviser's cases too.
	if got := sideRefs(c.deadlines); !slices.Equal(got, []string{"WM-B", "WM-B"}) {
		t.Errorf("Bogdan's deadlines = %q", got)
	}
	if got := sideRefs(c.steps); !slices.Equal(got, []string{"WM-B"}) || c.steps.header.Text != "Overdue steps (1)" {
		t.Errorf("Bogdan's overdue steps = %q, heading %q", got, c.steps.header.Text)
	}
	// With the search and another filter.
	f.status.SetSelectedIndex(1)
	test.Type(f.search, "nowak")
	if got := rowRefs(c); !slices.Equal(got, []string{"WM-B"}) {
		t.Errorf("Bogdan's open cases matching 'nowak' = %q", got)
	}

	// The filter stays when coming back, and Show all clears it.
	c = h.home()
	if got := c.filters.chosen().adviser; got != "Bogdan" {
		t.Errorf("coming back the adviser filter is %q", got)
	}
	test.Type(c.filters.search, "nobody")
	test.Tap(c.showAll)
	if c.filters.chosen().adviser != "" || len(rowRefs(c)) != 5 || len(c.deadlines.items) != 3 {
		t.Errorf("after Show all: adviser %q, rows %q, deadlines %d", c.filters.chosen().adviser, rowRefs(c), len(c.deadlines.items))
	}
}

// TestSideColumnFitsInEveryLanguage checks the side column's headings with three-figure counts,
// and the filter row with the longest adviser names offered, fit at 1024×700 in every shipped
// language.
func TestSideColumnFitsInEveryLanguage(t *testing.T) {
	for _, lang := range locales.Shipped() {
		t.Run(lang.Code, func(t *testing.T) {
			h := unlocked(t)
			h.u.setLanguage(lang.Code)
			h.u.win.Resize(smallestWindow)
			c := h.cases()
			for i, l := range c.sideLists() {
				l.header.SetText(h.u.tr.T([]string{"home.side.reviews", "home.side.steps", "home.side.deadlines", "home.side.recent"}[i],
					map[string]any{"Count": 999}))
				if w := l.header.MinSize().Width; w > sideWidth {
					t.Errorf("heading %q needs %.0f, the column is %.0f", l.header.Text, w, sideWidth)
				}
			}
			c.filters.setAdvisers([]string{"Małgorzata Wiśniewska-Kowalczyk"})
			c.filters.translate(c, homeFilter{})
			relayout(h.canvas().Content())
			d := fyne.CurrentApp().Driver()
			right := d.AbsolutePositionForObject(c.filters.reviewDue).X + c.filters.reviewDue.MinSize().Width
			if side := d.AbsolutePositionForObject(c.sideBox).X; right > side {
				t.Errorf("the filter row ends at %.0f, the side column starts at %.0f", right, side)
			}
		})
	}
}
