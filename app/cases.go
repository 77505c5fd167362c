package app

import (
	"errors"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/jobs"
	"waymark/storage"
)

// casesScreen is the unlocked window's home. It finds a case as the adviser types (by
// reference or name, over the whole list), narrows and orders the list with filters, and beside
// it lists the reviews due today or overdue and the cases opened since unlocking; choosing any
// of them opens the case. New case and Lock are always at hand.
//
// The list is read once each time the screen is built (off the UI goroutine) and prepared for
// search then; every keystroke and filter only searches that in memory. leave empties the rows,
// the index and the side lists.
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
	due       *sideList
	recent    *sideList
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
	s.recent = newSideList(s.openCase, s.recentDetail)
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
	s.due.show(nil)
	s.recent.show(nil)
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

// load reads the case list off the UI goroutine and prepares it for search there too.
func (s *casesScreen) load() {
	sess := s.u.session
	if sess == nil {
		return
	}
	var (
		index *storage.CaseIndex
		err   error
	)
	s.u.run(func() {
		var list []storage.CaseSummary
		list, err = sess.ListCases()
		index = storage.NewCaseIndex(list)
	}, func() {
		s.showIndex(index, err)
	})
}

// showList puts a freshly read list on screen, unless the vault was locked since it was asked
// for. A list that comes with an error (some records damaged) is shown as far as it goes.
func (s *casesScreen) showList(list []storage.CaseSummary, err error) {
	s.showIndex(storage.NewCaseIndex(list), err)
}

func (s *casesScreen) showIndex(index *storage.CaseIndex, err error) {
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
	s.index = index
	s.filters.setLanguages(index.Languages())
	s.filters.translate(s, s.remembered())
	s.showSide()
	s.translateSide()
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
func (s *casesScreen) openCase(id string) {
	s.u.onInput()
	if s.u.session == nil || s.u.current != s {
		return
	}
	s.u.show(newCaseScreen(s.u, id))
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
