package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// The home screen's side column: the open cases whose plan review is due today or overdue,
// and the cases opened since the vault was unlocked. Choosing one opens it.

// sideWidth is the side column's width: room for a reference, a name and a date at 1024 pixels
// wide, while the case table keeps the rest.
const sideWidth float32 = 260

// sideList is one titled list of the side column.
type sideList struct {
	title  *widget.Label
	none   *widget.Label // shown when the list is empty
	list   *widget.List
	items  []storage.CaseSummary
	detail func(storage.CaseSummary) string // the second line of a row
}

func newSideList(open func(id string), detail func(storage.CaseSummary) string) *sideList {
	l := &sideList{detail: detail}
	l.title = widget.NewLabel("")
	l.title.TextStyle = fyne.TextStyle{Bold: true}
	l.title.Wrapping = fyne.TextWrapWord
	l.none = paragraph()
	l.list = widget.NewList(func() int { return len(l.items) }, newSideRow, l.updateRow)
	l.list.OnSelected = func(i widget.ListItemID) {
		l.list.Unselect(i)
		if i >= 0 && i < len(l.items) {
			open(l.items[i].ID)
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
	c := l.items[i]
	who.SetText(caseLine(c))
	when.SetText(l.detail(c))
}

// caseLine names a case in a side list: its reference, and the name when there is one.
func caseLine(c storage.CaseSummary) string {
	if c.Name == "" {
		return c.Reference
	}
	return c.Reference + " · " + c.Name
}

// show puts items on the list.
func (l *sideList) show(items []storage.CaseSummary) {
	l.items = items
	if len(items) == 0 {
		l.none.Show()
	} else {
		l.none.Hide()
	}
	l.list.UnselectAll()
	l.list.Refresh()
}

func (l *sideList) view() fyne.CanvasObject {
	return container.NewBorder(container.NewVBox(l.title, l.none), nil, nil, nil, l.list)
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

// side is the side column: reviews due above, recently opened below.
func (s *casesScreen) side() fyne.CanvasObject {
	lists := container.NewGridWithRows(2, s.due.view(), s.recent.view())
	return container.NewBorder(nil, nil, widget.NewSeparator(), nil, container.New(fixedWidth{sideWidth}, lists))
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
func (s *casesScreen) dueDetail(c storage.CaseSummary) string {
	today := s.today()
	if c.Review >= today {
		return s.u.tr.T("home.due.today")
	}
	return s.u.tr.N("home.due.overdue", daysBetween(c.Review, today), map[string]any{"Date": c.Review})
}

// recentDetail is a recently opened case's status and review date.
func (s *casesScreen) recentDetail(c storage.CaseSummary) string {
	if c.Review == "" {
		return s.statusText(c.Status)
	}
	return s.u.tr.T("home.recent.detail", map[string]any{"Status": s.statusText(c.Status), "Date": c.Review})
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

// showSide fills the side lists from the loaded cases.
func (s *casesScreen) showSide() {
	if s.index == nil {
		s.due.show(nil)
		s.recent.show(nil)
		return
	}
	s.due.show(s.index.Find(storage.Query{Status: storage.CaseOpen, ReviewDue: s.today()}, storage.SortReview))
	var recent []storage.CaseSummary
	if s.u.session != nil {
		for _, id := range s.u.homeMemory().recent {
			if c, ok := s.index.Case(id); ok {
				recent = append(recent, c)
			}
		}
	}
	s.recent.show(recent)
}

// translateSide words the side column again.
func (s *casesScreen) translateSide() {
	tr := s.u.tr
	s.due.title.SetText(tr.T("home.due.title", map[string]any{"Count": len(s.due.items)}))
	s.due.none.SetText(tr.T("home.due.none"))
	s.recent.title.SetText(tr.T("home.recent.title"))
	s.recent.none.SetText(tr.T("home.recent.none"))
	s.due.list.Refresh()
	s.recent.list.Refresh()
}
