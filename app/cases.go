package app

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/data/binding"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// casesScreen is the unlocked window's home: the vault's cases (reference, opened, status,
// language) in the order storage gives them, with New case and Lock; choosing a row opens it. It holds
// the summaries in a binding, which lock empties.
type casesScreen struct {
	u     *ui
	epoch int

	cases   binding.List[storage.CaseSummary]
	title   *widget.Label
	who     *widget.Label
	count   *widget.Label
	newCase *widget.Button
	lock    *widget.Button
	table   *widget.Table
	empty   *widget.Label
	problem *noticeLabel
	loading *working
	loaded  bool
	form    *caseForm // the New case dialog while it is open
}

// caseColumns are the table's columns, by message id, with the least width each gets.
var caseColumns = []struct {
	id    string
	width float32
}{
	{"app.cases.col.reference", 240},
	{"app.cases.col.opened", 140},
	{"app.cases.col.status", 120},
	{"app.cases.col.language", 150},
}

func newCasesScreen(u *ui) *casesScreen {
	s := &casesScreen{u: u, epoch: u.epoch}
	s.cases = binding.NewList(func(a, b storage.CaseSummary) bool { return a == b })
	s.title = heading()
	s.who = widget.NewLabel("")
	s.count = widget.NewLabel("")
	s.newCase = widget.NewButtonWithIcon("", theme.ContentAddIcon(), s.onNewCase)
	s.newCase.Importance = widget.HighImportance
	s.lock = widget.NewButtonWithIcon("", lockIcon, u.onLock)
	s.table = widget.NewTable(s.tableSize, newCell, s.updateCell)
	s.table.ShowHeaderRow = true
	s.table.CreateHeader = newHeaderCell
	s.table.UpdateHeader = s.updateHeader
	s.table.OnSelected = s.onSelected
	s.empty = paragraph()
	s.empty.Alignment = fyne.TextAlignCenter
	s.empty.Hide()
	s.problem = newNoticeLabel()
	s.loading = newWorking()
	s.cases.AddListener(binding.NewDataListener(s.onCasesChanged))
	s.load()
	return s
}

func (s *casesScreen) view() fyne.CanvasObject {
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(s.newCase, s.lock), s.title)
	top := container.NewVBox(bar, container.NewHBox(s.who, s.count), s.problem.label, s.loading.box)
	body := container.NewStack(s.table, container.NewVBox(layout.NewSpacer(), s.empty, layout.NewSpacer()))
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, body))
}

func (s *casesScreen) focus() fyne.Focusable { return nil }

// leave drops every case summary the screen holds.
func (s *casesScreen) leave() {
	_ = s.cases.Set(nil)
	s.form = nil
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
	s.problem.translate(tr)
	if !s.loaded {
		s.loading.start(tr.T("app.cases.loading"))
	}
	for i, c := range caseColumns {
		header := fyne.MeasureText(tr.T(c.id), theme.TextSize(), fyne.TextStyle{Bold: true})
		s.table.SetColumnWidth(i, max(c.width, header.Width+4*theme.Padding()))
	}
	s.onCasesChanged()
}

// lockKeysText is the lock shortcut as the keyboard shows it.
func lockKeysText() string {
	if runtime.GOOS == "darwin" {
		return "⌘L"
	}
	return "Ctrl+L"
}

// load reads the case list off the UI goroutine.
func (s *casesScreen) load() {
	sess := s.u.session
	if sess == nil {
		return
	}
	var (
		list []storage.CaseSummary
		err  error
	)
	s.u.run(func() {
		list, err = sess.ListCases()
	}, func() {
		s.showList(list, err)
	})
}

// showList puts a freshly read list on screen, unless the vault was locked since it was asked for.
func (s *casesScreen) showList(list []storage.CaseSummary, err error) {
	if s.u.epoch != s.epoch {
		return
	}
	s.loaded = true
	s.loading.stop()
	if err != nil {
		logUnexpected("list cases", err)
		s.problem.set(s.u.tr, notice{err: err})
		return
	}
	s.problem.set(s.u.tr, notice{})
	_ = s.cases.Set(list)
	s.onCasesChanged() // the binding is silent when the list is unchanged, e.g. still empty
}

func (s *casesScreen) onCasesChanged() {
	n := s.cases.Length()
	s.count.SetText(s.u.tr.N("app.cases.count", n))
	// An empty vault shows a sentence saying what to do instead of a table of column headings.
	if s.loaded && n == 0 {
		s.empty.Show()
		s.table.Hide()
	} else {
		s.empty.Hide()
		s.table.Show()
	}
	s.table.Refresh()
}

func (s *casesScreen) tableSize() (int, int) { return s.cases.Length(), len(caseColumns) }

func newCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func newHeaderCell() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (s *casesScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	if id.Col >= 0 && id.Col < len(caseColumns) {
		o.(*widget.Label).SetText(s.u.tr.T(caseColumns[id.Col].id))
	}
}

func (s *casesScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	c, err := s.cases.GetValue(id.Row)
	if err != nil {
		l.SetText("")
		return
	}
	switch id.Col {
	case 0:
		l.SetText(c.Reference)
	case 1:
		l.SetText(c.Opened)
	case 2:
		l.SetText(s.statusText(c.Status))
	case 3:
		l.SetText(languageName(c.Language))
	}
}

func (s *casesScreen) statusText(st storage.CaseStatus) string {
	switch st {
	case storage.CaseOpen:
		return s.u.tr.T("app.case.status.open")
	case storage.CaseClosed:
		return s.u.tr.T("app.case.status.closed")
	}
	return string(st)
}

// onSelected opens the case in the row chosen.
func (s *casesScreen) onSelected(id widget.TableCellID) {
	s.table.Unselect(id)
	s.u.onInput()
	c, err := s.cases.GetValue(id.Row)
	if err != nil || s.u.session == nil {
		return
	}
	s.u.show(newCaseScreen(s.u, c.ID))
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
