package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/eligibility"
	"waymark/storage"
)

// The home screen's side column: what is due (plan reviews, overdue plan steps, deadlines)
// and the cases opened since the vault was unlocked. Each is a list under a heading that
// says how many it holds; one list is open at a time and takes the column's height, so at
// 1024×700 it still shows several rows. Choosing a row opens the case.

// sideWidth is the side column's width: room for a reference, a name and a date at 1024 pixels
// wide, while the case table keeps the rest.
const sideWidth float32 = 260

// The side column's lists, in order.
const (
	sideReviews = iota
	sideSteps
	sideDeadlines
	sideRecent
	sideLists
)

// sideList is one list of the side column.
type sideList struct {
	header *widget.Button // "Deadlines (3)": opens the list
	note   *widget.Label  // what the list holds, or that it holds nothing
	list   *widget.List
	items  []caseDeadline // d is set on the deadlines list only
	// detail is a row's second line and how it is shown.
	detail func(caseDeadline) (string, widget.Importance)
}

func newSideList(open func(id string), detail func(caseDeadline) (string, widget.Importance)) *sideList {
	l := &sideList{detail: detail}
	l.header = widget.NewButtonWithIcon("", theme.MenuExpandIcon(), nil)
	l.header.Alignment = widget.ButtonAlignLeading
	l.note = paragraph()
	l.note.SizeName = theme.SizeNameCaptionText
	l.list = widget.NewList(func() int { return len(l.items) }, newSideRow, l.updateRow)
	l.list.OnSelected = func(i widget.ListItemID) {
		l.list.Unselect(i)
		if i >= 0 && i < len(l.items) {
			open(l.items[i].c.ID)
		}
	}
	return l
}

func newSideRow() fyne.CanvasObject {
	who := widget.NewLabel("")
	who.TextStyle = fyne.TextStyle{Bold: true}
	who.Truncation = fyne.TextTruncateEllipsis
	when := widget.NewLabel("")
	when.SizeName = theme.SizeNameCaptionText
	when.Truncation = fyne.TextTruncateEllipsis
	return container.New(tightRows{}, who, when)
}

func (l *sideList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container)
	who, when := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Label)
	if i < 0 || i >= len(l.items) {
		who.SetText("")
		when.SetText("")
		return
	}
	it := l.items[i]
	text, importance := l.detail(it)
	// Shaping text is most of what drawing a row costs, and the lists are drawn again whenever
	// a filter or the language changes: a line that shows what it showed is left alone.
	if line := caseLine(*it.c); who.Text != line {
		who.SetText(line)
	}
	if when.Text != text || when.Importance != importance {
		when.Text, when.Importance = text, importance
		when.Refresh()
	}
}

// caseLine names a case in a side list: its reference, and the name when there is one.
func caseLine(c storage.CaseSummary) string {
	if c.Name == "" {
		return c.Reference
	}
	return c.Reference + " · " + c.Name
}

// show puts items on the list.
func (l *sideList) show(items []caseDeadline) {
	l.items = items
	l.list.UnselectAll()
	l.list.Refresh()
}

// summaries makes side-list items of case summaries; they point into list.
func summaries(list []storage.CaseSummary) []caseDeadline {
	out := make([]caseDeadline, len(list))
	for i := range list {
		out[i] = caseDeadline{c: &list[i]}
	}
	return out
}

// tightRows stacks a row's two lines with their labels' own padding overlapping, so a list of
// two-line rows does not read as a list of single lines.
type tightRows struct{}

func (tightRows) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
	}
	return s.SubtractWidthHeight(0, theme.Padding()*float32(len(objects)-1)*2)
}

func (tightRows) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objects {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - 2*theme.Padding()
	}
}

// side is the side column: the headings of the lists, the open one's note and rows under its
// heading, the other headings below.
func (s *casesScreen) side() fyne.CanvasObject {
	s.sideBox = container.NewStack()
	s.arrangeSide()
	return container.NewBorder(nil, nil, widget.NewSeparator(), nil, container.New(fixedWidth{sideWidth}, s.sideBox))
}

// arrangeSide lays the side column out for the list that is open.
func (s *casesScreen) arrangeSide() {
	if s.sideBox == nil {
		return
	}
	open := s.openSide()
	above, below := container.NewVBox(), container.NewVBox()
	for i, l := range s.sideLists() {
		switch {
		case i < open:
			above.Add(l.header)
		case i == open:
			above.Add(l.header)
			above.Add(l.note)
		default:
			below.Add(l.header)
		}
		if i == open {
			l.header.SetIcon(theme.MenuDropDownIcon())
		} else {
			l.header.SetIcon(theme.MenuExpandIcon())
		}
	}
	s.sideBox.Objects = []fyne.CanvasObject{container.NewBorder(above, below, nil, nil, s.sideLists()[open].list)}
	s.sideBox.Refresh()
}

// sideLists are the side column's lists in order.
func (s *casesScreen) sideLists() [sideLists]*sideList {
	return [sideLists]*sideList{s.due, s.steps, s.deadlines, s.recent}
}

// openSide is the list open in the side column: the one the adviser opened in this session,
// or else the first of reviews, overdue steps and deadlines that holds something, or else the
// recently opened cases.
func (s *casesScreen) openSide() int {
	if s.u.session != nil && s.u.homeMemory().side > 0 {
		return s.u.homeMemory().side - 1
	}
	lists := s.sideLists()
	for i, l := range lists[:sideRecent] {
		if len(l.items) > 0 {
			return i
		}
	}
	return sideRecent
}

// onOpenSide opens list i of the side column and keeps that choice for the session.
func (s *casesScreen) onOpenSide(i int) {
	s.u.onInput()
	if s.u.session != nil {
		s.u.homeMemory().side = i + 1
	}
	s.arrangeSide()
}

// fixedWidth gives its objects one width whatever they ask for; a Border beside it then gives
// the rest to the table.
type fixedWidth struct{ width float32 }

func (f fixedWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(f.width, h)
}

func (f fixedWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// dueDetail says when a case's review fell due: today, or how many days ago.
func (s *casesScreen) dueDetail(it caseDeadline) (string, widget.Importance) {
	today, c := s.today(), it.c
	if c.Review >= today {
		return s.u.tr.T("home.due.today"), widget.MediumImportance
	}
	return s.u.tr.N("home.due.overdue", daysBetween(c.Review, today), map[string]any{"Date": c.Review}), widget.DangerImportance
}

// stepDetail says how long a case's next plan step is overdue, and what it is.
func (s *casesScreen) stepDetail(it caseDeadline) (string, widget.Importance) {
	if it.c.Dates == nil {
		return "", widget.MediumImportance
	}
	st := it.c.Dates.NextStep
	return s.u.tr.N("home.steps.detail", daysBetween(st.Due, s.today()),
		map[string]any{"Date": st.Due, "Step": stepText(s.u.tr, st)}), widget.DangerImportance
}

// deadlineDetail is a deadline's day and what falls due then, urgent once its warning window
// has begun or it has passed.
func (s *casesScreen) deadlineDetail(it caseDeadline) (string, widget.Importance) {
	data := map[string]any{"Date": it.d.Date.Format(time.DateOnly), "What": deadlineWhat(s.u.tr, it.d)}
	switch it.d.Kind {
	case eligibility.DeadlinePassed:
		return s.u.tr.T("home.deadlines.passed", data), widget.DangerImportance
	case eligibility.DeadlineWarning:
		return s.u.tr.T("home.deadlines.detail", data), widget.DangerImportance
	}
	return s.u.tr.T("home.deadlines.detail", data), widget.MediumImportance
}

// recentDetail is a recently opened case's status and review date.
func (s *casesScreen) recentDetail(it caseDeadline) (string, widget.Importance) {
	c := it.c
	if c.Review == "" {
		return s.statusText(c.Status), widget.MediumImportance
	}
	return s.u.tr.T("home.recent.detail", map[string]any{"Status": s.statusText(c.Status), "Date": c.Review}), widget.MediumImportance
}

// daysBetween is how many days from one YYYY-MM-DD day to a later one; 0 if either is not a date.
func daysBetween(from, to string) int {
	a, err1 := time.Parse(time.DateOnly, from)
	b, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(b.Sub(a).Hours() / 24)
}

// showSide fills the side lists from the loaded cases, narrowed to the adviser chosen in the
// filters (the recently opened cases are the session's own and are not narrowed).
func (s *casesScreen) showSide() {
	if s.index == nil {
		for _, l := range s.sideLists() {
			l.show(nil)
		}
		s.arrangeSide()
		return
	}
	adviser := s.filters.chosen().adviser
	s.due.show(summaries(s.index.Find(storage.Query{Status: storage.CaseOpen, ReviewDue: s.today(), Adviser: adviser}, storage.SortReview)))
	due := s.dueNow.forAdviser(adviser)
	s.steps.show(due.steps)
	s.deadlines.show(due.deadlines)
	var recent []storage.CaseSummary
	if s.u.session != nil {
		for _, id := range s.u.homeMemory().recent {
			if c, ok := s.index.Case(id); ok {
				recent = append(recent, c)
			}
		}
	}
	s.recent.show(summaries(recent))
	s.translateSide()
	s.arrangeSide()
}

// translateSide words the side column again.
func (s *casesScreen) translateSide() {
	tr := s.u.tr
	window := map[string]any{"Ahead": deadlineAheadDays, "Behind": deadlineBehindDays}
	for i, w := range []struct{ header, note, none string }{
		sideReviews:   {"home.side.reviews", "home.due.note", "home.due.none"},
		sideSteps:     {"home.side.steps", "home.steps.note", "home.steps.none"},
		sideDeadlines: {"home.side.deadlines", "home.deadlines.note", "home.deadlines.none"},
		sideRecent:    {"home.side.recent", "home.recent.note", "home.recent.none"},
	} {
		l := s.sideLists()[i]
		l.header.SetText(tr.T(w.header, map[string]any{"Count": len(l.items)}))
		if len(l.items) == 0 {
			l.note.SetText(tr.T(w.none, window))
		} else {
			l.note.SetText(tr.T(w.note, window))
		}
		l.list.Refresh()
	}
}
