package app

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// Handing memory back to the system costs a full collection; the app's tests unlock hundreds of
// times, and TestMemoryIsHandedBackOncePerUnlock counts the calls instead.
func init() { releaseMemory = func() {} }

// home shows the home screen afresh, as going back from a case does, and lets the list load.
func (h *harness) home() *casesScreen {
	h.t.Helper()
	h.u.show(newCasesScreen(h.u))
	h.run.flush()
	return h.cases()
}

// seed puts cases in the vault through the open session and returns their ids by reference.
func (h *harness) seed(cases ...storage.Case) map[string]string {
	h.t.Helper()
	ids := map[string]string{}
	for _, c := range cases {
		if c.Language == "" {
			c.Language = "en"
		}
		got, err := h.u.session.CreateCase(c)
		if err != nil {
			h.t.Fatalf("create %s: %v", c.Reference, err)
		}
		ids[c.Reference] = got.ID
	}
	return ids
}

// sideRefs are the references a side list shows, top to bottom.
func sideRefs(l *sideList) []string {
	refs := []string{}
	for _, it := range l.items {
		refs = append(refs, it.c.Reference)
	}
	return refs
}

// sideRowText is the two lines row i of a side list shows.
func sideRowText(l *sideList, i int) (who, when string) {
	row := newSideRow().(*fyne.Container)
	l.updateRow(i, row)
	return row.Objects[0].(*widget.Label).Text, row.Objects[1].(*widget.Label).Text
}

// rowRefs are the references of the rows on screen, never nil.
func rowRefs(c *casesScreen) []string {
	return append([]string{}, tableRefs(c)...)
}

// peopleCases are four cases whose names need folding to be found.
func peopleCases() []storage.Case {
	return []storage.Case{
		{Reference: "WM-0001", Name: "\u0218tefan Popescu", Language: "ro"},
		{Reference: "WM-0002", Name: "Łukasz Nowak", Language: "pl"},
		{Reference: "WM-0003", Name: "Maria Ionescu", Language: "ro"},
		{Reference: "WM-0010", Name: "", Language: "en"},
	}
}

func TestSearchAsYouTypeNarrowsTheList(t *testing.T) {
	h := unlocked(t)
	h.seed(peopleCases()...)
	c := h.home()
	all := []string{"WM-0001", "WM-0002", "WM-0003", "WM-0010"}
	if got := rowRefs(c); !slices.Equal(got, all) {
		t.Fatalf("before typing the list is %q", got)
	}

	// Each keystroke narrows the list at once.
	steps := []struct {
		key  string
		want []string
	}{
		{"s", []string{"WM-0001", "WM-0002", "WM-0003"}}, // Ștefan, Łukasz, Ionescu
		{"t", []string{"WM-0001"}},
		{"e", []string{"WM-0001"}},
		{"x", []string{}},
	}
	for _, st := range steps {
		test.Type(c.filters.search, st.key)
		if got := rowRefs(c); !slices.Equal(got, st.want) {
			t.Errorf("after typing %q the list is %q, want %q", c.filters.search.Text, got, st.want)
		}
	}
	if !c.noMatch.Visible() || !c.showAll.Visible() || c.table.Visible() {
		t.Error("a search that finds nothing does not say so")
	}

	tests := []struct {
		typed string
		want  []string
	}{
		{"stefan", []string{"WM-0001"}},
		{"ȘTEFAN", []string{"WM-0001"}},
		{"lukasz", []string{"WM-0002"}},
		{"maria ion", []string{"WM-0003"}},
		{"wm0010", []string{"WM-0010"}},
		{"0003", []string{"WM-0003"}},
		{"", all},
	}
	for _, tc := range tests {
		c.filters.search.SetText("")
		test.Type(c.filters.search, tc.typed)
		if got := rowRefs(c); !slices.Equal(got, tc.want) {
			t.Errorf("typing %q lists %q, want %q", tc.typed, got, tc.want)
		}
		want := h.u.tr.N("home.count.filtered", 4, map[string]any{"Shown": len(tc.want)})
		if tc.typed == "" {
			want = h.u.tr.N("app.cases.count", 4)
		}
		if c.count.Text != want {
			t.Errorf("typing %q: count says %q, want %q", tc.typed, c.count.Text, want)
		}
		if !c.table.Visible() || c.noMatch.Visible() {
			t.Errorf("typing %q: the table is hidden or the no-match note shown", tc.typed)
		}
	}
}

func TestSearchBoxHasTheKeyboard(t *testing.T) {
	h := unlocked(t)
	ids := h.seed(peopleCases()...)
	c := h.cases()
	if h.canvas().Focused() != c.filters.search {
		t.Fatal("after unlocking the keyboard is not in the search box")
	}
	h.canvas().Unfocus()
	h.pressShortcut(findShortcut)
	if h.canvas().Focused() != c.filters.search {
		t.Error("Ctrl+F on the home screen does not put the keyboard in the search box")
	}

	// From an open case, Ctrl+F goes home and into the search box.
	c = h.home()
	c.openCase(ids["WM-0002"])
	h.run.flush()
	if _, ok := h.u.current.(*caseScreen); !ok {
		t.Fatalf("screen is %T, want the case", h.u.current)
	}
	h.pressShortcut(findShortcut)
	h.run.flush()
	home := h.cases()
	if h.canvas().Focused() != home.filters.search {
		t.Error("Ctrl+F from a case does not land in the search box")
	}
	if len(rowRefs(home)) != 4 {
		t.Errorf("home after Ctrl+F lists %q", rowRefs(home))
	}
}

// filterCases are five cases with every status, language and review date the filters tell apart.
func filterCases() []storage.Case {
	return []storage.Case{
		{Reference: "WM-1", Language: "ro", Review: "2026-11-21"},                             // overdue
		{Reference: "WM-2", Language: "pl", Status: storage.CaseClosed, Review: "2026-11-01"}, // closed: never due
		{Reference: "WM-3", Language: "en", Review: "2026-11-28"},                             // not yet
		{Reference: "WM-4", Language: "ro", Review: "2026-11-23"},                             // today
		{Reference: "WM-5", Language: "pl"},                                                   // no review date
	}
}

func TestFiltersNarrowTheList(t *testing.T) {
	tests := []struct {
		name string
		set  func(f *caseFilters)
		want []string
	}{
		{"nothing chosen", func(*caseFilters) {}, []string{"WM-1", "WM-2", "WM-3", "WM-4", "WM-5"}},
		{"open", func(f *caseFilters) { f.status.SetSelectedIndex(1) }, []string{"WM-1", "WM-3", "WM-4", "WM-5"}},
		{"closed", func(f *caseFilters) { f.status.SetSelectedIndex(2) }, []string{"WM-2"}},
		{"language", func(f *caseFilters) { f.language.SetSelected("Polski") }, []string{"WM-2", "WM-5"}},
		{"review due today or overdue", func(f *caseFilters) { f.reviewDue.SetChecked(true) }, []string{"WM-1", "WM-4"}},
		{"review due and closed", func(f *caseFilters) {
			f.reviewDue.SetChecked(true)
			f.status.SetSelectedIndex(2)
		}, []string{}},
		{"language and search", func(f *caseFilters) {
			f.language.SetSelected("Română")
			test.Type(f.search, "4")
		}, []string{"WM-4"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := unlocked(t)
			h.seed(filterCases()...)
			c := h.home()
			// The language filter offers only the languages of the cases on the list.
			if got := c.filters.language.Options; !slices.Equal(got, []string{"All languages", "English", "Polski", "Română"}) {
				t.Errorf("language options = %q", got)
			}
			tc.set(c.filters)
			if got := rowRefs(c); !slices.Equal(got, tc.want) {
				t.Errorf("list = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSortOrders(t *testing.T) {
	list := []storage.CaseSummary{
		{ID: "c1", Reference: "WM-1", Name: "Zofia Wójcik", Status: storage.CaseOpen, Opened: "2026-01-05", Review: "2026-12-01"},
		{ID: "c2", Reference: "WM-2", Name: "Ștefan Pop", Status: storage.CaseOpen, Opened: "2026-03-01", Review: ""},
		{ID: "c3", Reference: "WM-3", Name: "", Status: storage.CaseOpen, Opened: "2025-11-30", Review: "2026-11-02"},
		{ID: "c4", Reference: "WM-4", Name: "Ana Smith", Status: storage.CaseOpen, Opened: "2026-02-14", Review: "2026-11-25"},
	}
	tests := []struct {
		option string
		want   []string
	}{
		{"Reference", []string{"WM-1", "WM-2", "WM-3", "WM-4"}},
		{"Newest first", []string{"WM-2", "WM-4", "WM-1", "WM-3"}},
		{"Review date", []string{"WM-3", "WM-4", "WM-1", "WM-2"}},
		{"Name", []string{"WM-4", "WM-2", "WM-1", "WM-3"}},
	}
	h := unlocked(t)
	c := h.cases()
	c.showList(list, nil)
	h.run.flush()
	for _, tc := range tests {
		c.filters.sort.SetSelected(tc.option)
		if got := rowRefs(c); !slices.Equal(got, tc.want) {
			t.Errorf("sorted by %s: %q, want %q", tc.option, got, tc.want)
		}
		// The search keeps the order.
		test.Type(c.filters.search, "wm")
		if got := rowRefs(c); !slices.Equal(got, tc.want) {
			t.Errorf("sorted by %s, searching: %q, want %q", tc.option, got, tc.want)
		}
		c.filters.search.SetText("")
	}
}

func TestReviewsDueListShowsTodayAndOverdue(t *testing.T) {
	h := unlocked(t)
	h.seed(filterCases()...)
	c := h.home()
	if got := sideRefs(c.due); !slices.Equal(got, []string{"WM-1", "WM-4"}) {
		t.Fatalf("due list = %q, want the overdue case then today's", got)
	}
	if c.due.note.Text != h.u.tr.T("home.due.note") {
		t.Errorf("note above a list of due reviews = %q", c.due.note.Text)
	}
	if want := h.u.tr.T("home.side.reviews", map[string]any{"Count": 2}); c.due.header.Text != want {
		t.Errorf("heading = %q, want %q", c.due.header.Text, want)
	}
	if c.openSide() != sideReviews {
		t.Errorf("open list = %d, want the reviews", c.openSide())
	}
	wantLines := []struct{ who, when string }{
		{"WM-1", h.u.tr.N("home.due.overdue", 2, map[string]any{"Date": "2026-11-21"})},
		{"WM-4", h.u.tr.T("home.due.today")},
	}
	for i, w := range wantLines {
		who, when := sideRowText(c.due, i)
		if who != w.who || when != w.when {
			t.Errorf("row %d = %q / %q, want %q / %q", i, who, when, w.who, w.when)
		}
	}
	if got := cellText(c, 0, colReview); got != h.u.tr.T("home.review.overdue", map[string]any{"Date": "2026-11-21"}) {
		t.Errorf("the table's review cell for WM-1 = %q", got)
	}

	// Five days on, WM-3's review has come due too; the closed case's never does.
	h.clock.advance(5 * 24 * time.Hour)
	c = h.home()
	if got := sideRefs(c.due); !slices.Equal(got, []string{"WM-1", "WM-4", "WM-3"}) {
		t.Errorf("five days on, due list = %q", got)
	}
}

func TestNoReviewsDueSaysSo(t *testing.T) {
	h := unlocked(t)
	h.seed(storage.Case{Reference: "WM-1", Review: "2026-12-24"})
	c := h.home()
	if len(c.due.items) != 0 || c.due.note.Text != h.u.tr.T("home.due.none") {
		t.Errorf("due list %q, note %q", sideRefs(c.due), c.due.note.Text)
	}
}

func TestOpeningACaseFromEveryList(t *testing.T) {
	ways := []struct {
		name string
		open func(h *harness, c *casesScreen, ids map[string]string)
		want string
	}{
		{"table row", func(_ *harness, c *casesScreen, _ map[string]string) {
			c.table.Select(widget.TableCellID{Row: 2, Col: colName})
		}, "WM-3"},
		{"reviews due", func(_ *harness, c *casesScreen, _ map[string]string) { c.due.list.Select(1) }, "WM-4"},
		{"recently opened", func(h *harness, c *casesScreen, _ map[string]string) { c.recent.list.Select(0) }, "WM-5"},
		{"Enter in the search box", func(_ *harness, c *casesScreen, _ map[string]string) {
			test.Type(c.filters.search, "wm-2")
			c.filters.search.TypedKey(&keyReturn)
		}, "WM-2"},
	}
	for _, w := range ways {
		t.Run(w.name, func(t *testing.T) {
			h := unlocked(t)
			ids := h.seed(filterCases()...)
			h.u.noteOpened(ids["WM-5"]) // as the case screen does when it opens a case
			c := h.home()
			w.open(h, c, ids)
			s, ok := h.u.current.(*caseScreen)
			if !ok {
				t.Fatalf("screen is %T, want the case screen", h.u.current)
			}
			h.run.flush()
			if s.id != ids[w.want] || s.c.Reference != w.want {
				t.Errorf("opened %q (%s), want %s", s.c.Reference, s.id, w.want)
			}
		})
	}
}

func TestRecentlyOpenedMostRecentFirst(t *testing.T) {
	h := unlocked(t)
	var cases []storage.Case
	for i := 1; i <= maxRecent+3; i++ {
		cases = append(cases, storage.Case{Reference: fmt.Sprintf("WM-%02d", i)})
	}
	ids := h.seed(cases...)
	c := h.home()
	if len(c.recent.items) != 0 || c.recent.note.Text != h.u.tr.T("home.recent.none") {
		t.Fatal("a fresh session lists recently opened cases")
	}
	for _, ref := range []string{"WM-01", "WM-02", "WM-01", "WM-03"} {
		h.u.noteOpened(ids[ref])
	}
	c = h.home()
	if got := sideRefs(c.recent); !slices.Equal(got, []string{"WM-03", "WM-01", "WM-02"}) {
		t.Errorf("recent = %q, want most recent first without repeats", got)
	}
	if c.recent.note.Text != h.u.tr.T("home.recent.note") {
		t.Error("the empty note shows above recently opened cases")
	}

	// Only the last few are kept.
	for i := 1; i <= maxRecent+3; i++ {
		h.u.noteOpened(ids[fmt.Sprintf("WM-%02d", i)])
	}
	c = h.home()
	if got := sideRefs(c.recent); len(got) != maxRecent || got[0] != fmt.Sprintf("WM-%02d", maxRecent+3) {
		t.Errorf("recent = %q, want the last %d opened", got, maxRecent)
	}

	// An erased case drops out of the list.
	if err := h.u.session.EraseCase(ids[fmt.Sprintf("WM-%02d", maxRecent+3)]); err != nil {
		t.Fatal(err)
	}
	c = h.home()
	if got := sideRefs(c.recent); len(got) != maxRecent-1 || slices.Contains(got, fmt.Sprintf("WM-%02d", maxRecent+3)) {
		t.Errorf("recent after an erase = %q", got)
	}
}

func TestLockEmptiesTheHomeScreen(t *testing.T) {
	for _, from := range []string{"home", "case"} {
		t.Run("locked from the "+from, func(t *testing.T) {
			h := unlocked(t)
			ids := h.seed(filterCases()...)
			h.u.noteOpened(ids["WM-1"])
			c := h.home()
			c.filters.status.SetSelectedIndex(1)
			c.filters.reviewDue.SetChecked(true)
			test.Type(c.filters.search, "wm")
			if len(c.due.items) == 0 || len(c.recent.items) == 0 || c.cases.Length() == 0 {
				t.Fatal("nothing on the home screen to lock away")
			}
			if from == "case" {
				c.openCase(ids["WM-3"])
				h.run.flush()
			}
			h.u.onLock()
			h.run.flush() // the unlock screen reads the advisers
			if c.cases.Length() != 0 || c.index != nil || len(c.due.items) != 0 || len(c.recent.items) != 0 ||
				c.filters.search.Text != "" {
				t.Error("the home screen still holds cases or what was typed after locking")
			}
			if from == "home" && (h.u.home.session != nil || h.u.home.recent != nil) {
				t.Error("the window still remembers the session's cases after locking")
			}

			h.unlock(adminPass)
			c = h.cases()
			if len(c.recent.items) != 0 || c.filters.chosen() != (homeFilter{}) || c.filters.search.Text != "" {
				t.Errorf("after unlocking again: recent %q, filters %+v, search %q",
					sideRefs(c.recent), c.filters.chosen(), c.filters.search.Text)
			}
			if got := rowRefs(c); len(got) != 5 {
				t.Errorf("after unlocking again the list is %q", got)
			}
		})
	}
}

func TestFiltersStayButTheSearchGoesWhenComingBack(t *testing.T) {
	h := unlocked(t)
	ids := h.seed(filterCases()...)
	c := h.home()
	c.filters.status.SetSelectedIndex(1)
	c.filters.sort.SetSelected("Review date")
	test.Type(c.filters.search, "wm-3")
	c.openCase(ids["WM-3"])
	h.run.flush()
	h.u.current.(*caseScreen).onBack()
	h.run.flush()
	c = h.cases()
	want := homeFilter{status: storage.CaseOpen, sort: storage.SortReview}
	if got := c.filters.chosen(); got != want {
		t.Errorf("filters after coming back = %+v, want %+v", got, want)
	}
	if c.filters.search.Text != "" {
		t.Errorf("search after coming back = %q, want it empty", c.filters.search.Text)
	}
	if got := rowRefs(c); !slices.Equal(got, []string{"WM-1", "WM-4", "WM-3", "WM-5"}) {
		t.Errorf("list after coming back = %q", got)
	}
}

func TestShowAllClearsSearchAndFilters(t *testing.T) {
	h := unlocked(t)
	h.seed(filterCases()...)
	c := h.home()
	c.filters.status.SetSelectedIndex(2)
	test.Type(c.filters.search, "nobody")
	if !c.showAll.Visible() || c.noMatch.Text != h.u.tr.T("home.no_match") {
		t.Fatal("no 'show all' offered when nothing matches")
	}
	test.Tap(c.showAll)
	if got := rowRefs(c); len(got) != 5 || c.filters.search.Text != "" || c.filters.filtered() {
		t.Errorf("after Show all: list %q, search %q, filters %+v", got, c.filters.search.Text, c.filters.chosen())
	}
	if c.showAll.Visible() || c.noMatch.Visible() || h.canvas().Focused() != c.filters.search {
		t.Error("the no-match note stays, or the keyboard is not back in the search box")
	}
}

func TestHomeSpeaksTheChosenLanguage(t *testing.T) {
	h := unlocked(t)
	h.seed(filterCases()...)
	c := h.home()
	c.filters.status.SetSelectedIndex(1)
	c.filters.sort.SetSelectedIndex(3)
	test.Type(c.filters.search, "wm")
	h.u.setLanguage("ro")
	f := c.filters
	if f.status.Selected != h.u.tr.T("home.filter.open") || f.sort.Selected != h.u.tr.T("home.sort.name") {
		t.Errorf("after switching to Romanian: status %q, sort %q", f.status.Selected, f.sort.Selected)
	}
	if f.search.Text != "wm" || len(rowRefs(c)) != 4 {
		t.Errorf("switching language lost the search: %q, rows %q", f.search.Text, rowRefs(c))
	}
	if want := h.u.tr.N("home.count.filtered", 5, map[string]any{"Shown": 4}); c.count.Text != want || want != "4 din 5 cazuri" {
		t.Errorf("count = %q, want %q", c.count.Text, want)
	}
	if f.language.Options[0] != "Toate limbile" || c.due.header.Text != "Revizuiri scadente (2)" {
		t.Errorf("language filter %q, due heading %q", f.language.Options[0], c.due.header.Text)
	}
}

func TestDamagedRecordsDoNotHideTheRest(t *testing.T) {
	h := unlocked(t)
	c := h.cases()
	list := []storage.CaseSummary{{ID: "c1", Reference: "WM-1", Status: storage.CaseOpen, Opened: "2026-01-01"}}
	c.showList(list, fmt.Errorf("list cases: %w", &storage.CorruptCasesError{IDs: []string{"c9"}}))
	h.run.flush()
	if got := rowRefs(c); !slices.Equal(got, []string{"WM-1"}) {
		t.Errorf("list = %q, want the records that could be read", got)
	}
	if !c.problem.label.Visible() {
		t.Error("the damaged record is not reported")
	}
}

func TestMemoryIsHandedBackOncePerUnlock(t *testing.T) {
	calls := 0
	releaseMemory = func() { calls++ }
	t.Cleanup(func() { releaseMemory = func() {} })
	h := unlocked(t)
	ids := h.seed(filterCases()...)
	if calls != 1 {
		t.Fatalf("after unlocking: %d releases, want 1", calls)
	}
	c := h.home()
	c.openCase(ids["WM-1"])
	h.run.flush()
	h.u.current.(*caseScreen).onBack()
	h.run.flush()
	if calls != 1 {
		t.Errorf("going back to the list released memory again (%d calls)", calls)
	}
	h.u.onLock()
	h.run.flush()
	h.unlock(adminPass)
	if calls != 2 {
		t.Errorf("after unlocking again: %d releases, want 2", calls)
	}
}
