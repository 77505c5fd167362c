package app

import (
	"errors"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/jobs"
	"waymark/storage"
)

// casesScreen is the unlocked window's home. It finds a case as the adviser types (by
// reference or name, over the whole list), narrows and orders the list with filters (status,
// language, review due, adviser), and beside it lists what is due (plan reviews due today or
// overdue, plan steps past their date, deadlines in the next weeks) and the cases opened since
// unlocking; choosing any of them opens the case. New case and Lock are always at hand.
//
// The list is read once each time the screen is built (off the UI goroutine) and prepared for
// search there, where the deadlines of every case are worked out too; every keystroke and
// filter only searches that in memory. leave empties the rows, the index and the side lists.
type casesScreen struct {
	u     *ui
	epoch int

	index   *storage.CaseIndex // the loaded list; nil until it is read and after leave
	cases   *caseRows          // the rows on screen: the index searched and filtered
	title   *widget.Label
	who     *widget.Label
	count   *widget.Label
	newCase *widget.Button
	lock    *widget.Button
	filters *caseFilters
	table   *widget.Table
	fill    *tableFill
	// colWidths are the columns' widths in the language on screen, the name column's least.
	colWidths []float32
	empty     *widget.Label // the vault holds no case yet
	noMatch   *widget.Label // the search and filters leave nothing
	showAll   *widget.Button
	due       *sideList // plan reviews due
	steps     *sideList // overdue plan steps
	deadlines *sideList
	recent    *sideList
	sideBox   *fyne.Container // the side column's lists, arranged for the one open
	dueNow    homeDue         // what is due across the loaded cases, worked out with the list
	problem   *noticeLabel
	loading   *working
	loaded    bool
	form      *caseForm // the New case dialog while it is open
}

func newCasesScreen(u *ui) *casesScreen {
	s := &casesScreen{u: u, epoch: u.epoch}
	s.cases = &caseRows{}
	s.title = heading()
	s.who = widget.NewLabel("")
	s.count = widget.NewLabel("")
	s.newCase = widget.NewButtonWithIcon("", theme.ContentAddIcon(), s.onNewCase)
	s.newCase.Importance = widget.HighImportance
	s.lock = widget.NewButtonWithIcon("", lockIcon, u.onLock)
	s.filters = newCaseFilters(s)
	s.table = newCaseTable(s)
	s.fill = &tableFill{s: s}
	s.empty = paragraph()
	s.empty.Alignment = fyne.TextAlignCenter
	s.empty.Hide()
	s.noMatch = paragraph()
	s.noMatch.Alignment = fyne.TextAlignCenter
	s.showAll = widget.NewButton("", s.onShowAll)
	s.noMatch.Hide()
	s.showAll.Hide()
	s.due = newSideList(s.openCase, s.dueDetail)
	s.steps = newSideList(func(id string) { s.openCaseAt(id, tabPlan) }, s.stepDetail)
	s.deadlines = newSideList(func(id string) { s.openCaseAt(id, tabOverview) }, s.deadlineDetail)
	s.recent = newSideList(s.openCase, s.recentDetail)
	for i, l := range s.sideLists() {
		l.header.OnTapped = func() { s.onOpenSide(i) }
	}
	s.problem = newNoticeLabel()
	s.loading = newWorking()
	s.load()
	return s
}

func (s *casesScreen) view() fyne.CanvasObject {
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(s.newCase, s.lock), s.title)
	top := container.NewVBox(bar, container.NewHBox(s.who, s.count), s.problem.label, s.loading.box)
	nothing := container.NewVBox(layout.NewSpacer(), s.empty, s.noMatch,
		container.NewCenter(s.showAll), layout.NewSpacer())
	list := container.NewBorder(s.filters.view(), nil, nil, nil, container.NewStack(container.New(s.fill, s.table), nothing))
	body := container.NewBorder(nil, nil, nil, s.side(), list)
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, body))
}

// focus puts the keyboard in the search box, so an adviser can type a name at once.
func (s *casesScreen) focus() fyne.Focusable { return s.filters.search }

// leave drops every case summary the screen holds, and what was typed in the search box. After
// a lock it also forgets the session's recently opened cases and filters.
func (s *casesScreen) leave() {
	s.index = nil
	s.filters.syncing = true
	s.filters.search.SetText("")
	s.filters.syncing = false
	s.cases.set(nil)
	s.table.Refresh() // the cells on screen let go of their text too
	s.dueNow = homeDue{}
	for _, l := range s.sideLists() {
		l.show(nil)
	}
	s.form = nil
	if s.u.session == nil {
		s.u.forgetHome()
	}
}

func (s *casesScreen) translate() {
	tr := s.u.tr
	s.title.SetText(tr.T("app.cases.title"))
	if sess := s.u.session; sess != nil {
		s.who.SetText(tr.T("app.cases.signed_in", map[string]any{"Name": sess.Adviser().Name}))
	}
	s.newCase.SetText(tr.T("app.cases.new"))
	s.lock.SetText(tr.T("app.cases.lock", map[string]any{"Keys": lockKeysText()}))
	s.empty.SetText(tr.T("app.cases.empty"))
	s.noMatch.SetText(tr.T("home.no_match"))
	s.showAll.SetText(tr.T("home.show_all"))
	s.problem.translate(tr)
	if !s.loaded {
		s.loading.start(tr.T("app.cases.loading"))
	}
	s.filters.translate(s, s.remembered())
	s.sizeColumns()
	s.translateSide()
	s.showRows()
	s.table.Refresh()
}

// remembered is the filters kept for this session, or none while locked.
func (s *casesScreen) remembered() homeFilter {
	if s.u.session == nil {
		return homeFilter{}
	}
	return s.u.homeMemory().filter
}

// today is the day the adviser is working, for what is due.
func (s *casesScreen) today() string { return jobs.AddDays(s.u.now(), 0) }

// lockKeysText is the lock shortcut as the keyboard shows it.
func lockKeysText() string {
	if runtime.GOOS == "darwin" {
		return "⌘L"
	}
	return "Ctrl+L"
}

// load reads the case list off the UI goroutine, and prepares it for search and works out what
// is due there too: with 10,000 cases both take tens of milliseconds.
func (s *casesScreen) load() {
	sess := s.u.session
	if sess == nil {
		return
	}
	var (
		list    homeList
		err     error
		today   = s.u.now()
		release = s.u.releaseAfterList
	)
	s.u.releaseAfterList = false
	s.u.run(func() {
		var cases []storage.CaseSummary
		cases, err = sess.ListCases()
		list = prepareHome(cases, today)
		if release {
			// The unlock's key derivation and the list's decoding leave garbage that Go would
			// keep from the system for minutes; with 10,000 cases that is tens of megabytes.
			releaseMemory()
		}
	}, func() {
		s.showIndex(list, err)
	})
}

// homeList is a case list ready for the home screen: indexed, with what is due worked out and
// the choices its filters offer.
type homeList struct {
	index               *storage.CaseIndex
	due                 homeDue
	languages, advisers []string
}

// prepareHome indexes a case list for search and works out what is due on today. It is the
// slow part of showing the home screen, and runs off the UI goroutine.
func prepareHome(cases []storage.CaseSummary, today time.Time) homeList {
	x := storage.NewCaseIndex(cases)
	return homeList{index: x, due: workOutDue(cases, homePack(), today), languages: x.Languages(), advisers: x.Advisers()}
}

// showList puts a freshly read list on screen once it is prepared, off the UI goroutine, unless
// the vault was locked meanwhile. A list that comes with an error (some records damaged) is
// shown as far as it goes.
func (s *casesScreen) showList(list []storage.CaseSummary, err error) {
	today := s.u.now()
	var prepared homeList
	s.u.run(func() { prepared = prepareHome(list, today) }, func() { s.showIndex(prepared, err) })
}

func (s *casesScreen) showIndex(list homeList, err error) {
	if s.u.epoch != s.epoch || s.u.session == nil {
		return
	}
	s.loaded = true
	s.loading.stop()
	if err != nil {
		logUnexpected("list cases", err)
		s.problem.set(s.u.tr, notice{err: err})
	} else {
		s.problem.set(s.u.tr, notice{})
	}
	s.index, s.dueNow = list.index, list.due
	s.filters.setLanguages(list.languages)
	s.filters.setAdvisers(list.advisers)
	s.filters.translate(s, s.remembered())
	s.showSide()
	s.apply()
}

// showRows brings the count, the table and the sentence shown instead of an empty table up to
// date with the rows.
func (s *casesScreen) showRows() {
	n, total := s.cases.Length(), 0
	if s.index != nil {
		total = s.index.Len()
	}
	if s.filters.filtered() {
		s.count.SetText(s.u.tr.N("home.count.filtered", total, map[string]any{"Shown": n}))
	} else {
		s.count.SetText(s.u.tr.N("app.cases.count", total))
	}
	// An empty vault shows a sentence saying what to do instead of a table of column headings;
	// a search that finds nothing says so and offers the whole list back.
	empty := s.loaded && total == 0
	noMatch := s.loaded && total > 0 && n == 0
	setVisible(s.empty, empty)
	setVisible(s.noMatch, noMatch)
	setVisible(s.showAll, noMatch)
	setVisible(s.table, !empty && !noMatch)
}

// caseRows are the rows the table shows. They are a plain slice rather than a data binding: a
// binding keeps a bound item per row, and a keystroke that took the list from one match back to
// 10,000 built 10,000 of them (16 ms and 13 MB a keystroke, measured with BenchmarkHomeKeystroke);
// the table asks for rows by position, which a slice answers directly.
type caseRows struct{ rows []storage.CaseSummary }

func (r *caseRows) set(rows []storage.CaseSummary) { r.rows = rows }

// Length is how many rows there are.
func (r *caseRows) Length() int { return len(r.rows) }

// GetValue is row i, or an error when there is no such row.
func (r *caseRows) GetValue(i int) (storage.CaseSummary, error) {
	if i < 0 || i >= len(r.rows) {
		return storage.CaseSummary{}, errNoRow
	}
	return r.rows[i], nil
}

// errNoRow is asked for a row the table no longer has.
var errNoRow = errors.New("no such row")

// setVisible shows or hides o.
func setVisible(o fyne.CanvasObject, visible bool) {
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
}

// openCase shows the case with this id.
func (s *casesScreen) openCase(id string) { s.openCaseAt(id, tabBenefits) }

// openCaseAt shows the case with this id on one of its tabs: an overdue step opens the plan,
// a deadline the overview, where the key dates are.
func (s *casesScreen) openCaseAt(id string, tab int) {
	s.u.onInput()
	if s.u.session == nil || s.u.current != s {
		return
	}
	c := newCaseScreen(s.u, id)
	c.tab = tab
	s.u.show(c)
}

func (s *casesScreen) onNewCase() {
	s.u.onInput()
	if s.u.session == nil || s.form != nil {
		return
	}
	s.form = newCaseForm(s.u, s)
	s.form.open()
}

// lockIcon is a padlock (Material Design "lock", Apache 2.0, as Fyne's own icons), drawn in the
// theme's foreground colour.
var lockIcon = theme.NewThemedResource(fyne.NewStaticResource("lock.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
		`<path fill="#000000" d="M18 8h-1V6c0-2.76-2.24-5-5-5S7 3.24 7 6v2H6c-1.1 0-2 .9-2 2v10c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V10c0-1.1-.9-2-2-2zm-6 9c-1.1 0-2-.9-2-2s.9-2 2-2 2 .9 2 2-.9 2-2 2zm3.1-9H8.9V6c0-1.71 1.39-3.1 3.1-3.1 1.71 0 3.1 1.39 3.1 3.1v2z"/>`+
		`</svg>`)))
