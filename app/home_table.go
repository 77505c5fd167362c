package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/locales"
	"waymark/storage"
)

// The case table: one row per case the search and filters leave, in the chosen order.

// caseColumns are the table's columns, by message id, with the least width each gets. The
// name column takes whatever width the others leave.
var caseColumns = []struct {
	id    string
	width float32
}{
	{"home.col.reference", 150}, // "WM-2026-0001" and the like in full
	{"home.col.name", 130},
	{"app.cases.col.opened", 0},
	{"home.col.review", 0},
	{"app.cases.col.status", 0},
	{"app.cases.col.language", 0},
}

// The columns by position, for updateCell.
const (
	colReference = iota
	colName
	colOpened
	colReview
	colStatus
	colLanguage
)

func newCaseTable(s *casesScreen) *widget.Table {
	t := widget.NewTable(s.tableSize, newCell, s.updateCell)
	t.ShowHeaderRow = true
	t.CreateHeader = newHeaderCell
	t.UpdateHeader = s.updateHeader
	t.OnSelected = s.onSelected
	return t
}

// sizeColumns makes each column as wide as its heading and the widest thing it can show in the
// language on screen, and at least its least width. The name column then takes what the others
// leave (tableFill).
func (s *casesScreen) sizeColumns() {
	pad := 6 * theme.Padding() // a label's padding either side, and room to spare
	size := theme.TextSize()
	s.colWidths = make([]float32, len(caseColumns))
	for i, c := range caseColumns {
		w := max(c.width, fyne.MeasureText(s.u.tr.T(c.id), size, fyne.TextStyle{Bold: true}).Width+pad)
		for _, text := range s.widestTexts(i) {
			w = max(w, fyne.MeasureText(text, size, fyne.TextStyle{}).Width+pad)
		}
		s.colWidths[i] = w
		s.table.SetColumnWidth(i, w)
	}
	s.fill.width = 0 // lay the name column out again at the next layout
	s.fill.fit(s.table.Size().Width)
}

// widestTexts are the longest things a column shows, in the language on screen; references and
// names vary too much and are cut short with an ellipsis instead.
func (s *casesScreen) widestTexts(col int) []string {
	const date = "2026-12-31"
	tr := s.u.tr
	switch col {
	case colOpened:
		return []string{date}
	case colReview:
		return []string{date, tr.T("home.review.today", map[string]any{"Date": date}),
			tr.T("home.review.overdue", map[string]any{"Date": date})}
	case colStatus:
		return []string{s.statusText(storage.CaseOpen), s.statusText(storage.CaseClosed)}
	case colLanguage:
		var names []string
		for _, l := range locales.Shipped() {
			names = append(names, l.Native)
		}
		return names
	}
	return nil
}

// tableFill lays the table out in all its space and widens the name column to use what the
// other columns leave, so at 1024 pixels the table needs no sideways scrolling and in a wider
// window names show in full.
type tableFill struct {
	s     *casesScreen
	width float32 // the width the name column was last fitted to
}

func (l *tableFill) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return m
}

func (l *tableFill) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.fit(size.Width)
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// fit sets the name column's width for a table this wide.
func (l *tableFill) fit(width float32) {
	if width <= 0 || width == l.width || len(l.s.colWidths) != len(caseColumns) {
		return
	}
	l.width = width
	rest := width - theme.ScrollBarSize() - float32(len(caseColumns))*theme.Padding() // the table puts padding between columns
	for i, w := range l.s.colWidths {
		if i != colName {
			rest -= w
		}
	}
	l.s.table.SetColumnWidth(colName, max(rest, l.s.colWidths[colName]))
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
	text, importance := s.cell(id)
	// Every keystroke redraws the visible cells, and shaping a label's text again is most of
	// that cost: a cell that shows what it showed before is left alone.
	if l := o.(*widget.Label); l.Text != text || l.Importance != importance {
		l.Text, l.Importance = text, importance
		l.Refresh()
	}
}

// cell is what a cell shows, and how: a review that is due is shown as a warning.
func (s *casesScreen) cell(id widget.TableCellID) (string, widget.Importance) {
	c, err := s.cases.GetValue(id.Row)
	if err != nil {
		return "", widget.MediumImportance
	}
	switch id.Col {
	case colReference:
		return c.Reference, widget.MediumImportance
	case colName:
		return c.Name, widget.MediumImportance
	case colOpened:
		return c.Opened, widget.MediumImportance
	case colReview:
		text, due := s.reviewText(c)
		if due {
			return text, widget.DangerImportance
		}
		return text, widget.MediumImportance
	case colStatus:
		return s.statusText(c.Status), widget.MediumImportance
	case colLanguage:
		return languageName(c.Language), widget.MediumImportance
	}
	return "", widget.MediumImportance
}

// reviewText is the review date as the table shows it, marked when the review of an open case
// is due today or overdue (due is then true).
func (s *casesScreen) reviewText(c storage.CaseSummary) (text string, due bool) {
	if c.Review == "" || c.Status != storage.CaseOpen {
		return c.Review, false
	}
	today := s.today()
	switch {
	case c.Review == today:
		return s.u.tr.T("home.review.today", map[string]any{"Date": c.Review}), true
	case c.Review < today:
		return s.u.tr.T("home.review.overdue", map[string]any{"Date": c.Review}), true
	}
	return c.Review, false
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
	c, err := s.cases.GetValue(id.Row)
	if err != nil {
		return
	}
	s.openCase(c.ID)
}
