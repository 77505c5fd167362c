package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/app/message"
	"waymark/jobs"
	"waymark/locales"
)

// pageWidth is the widest a form grows: lines longer than this are hard to read, and a form
// stretched across a wide screen makes the eye travel between a label and its field.
const pageWidth float32 = 560

// column lays its objects out one above the other at no more than width, centred in the space
// it is given, so forms read well on a wide monitor and still fit a small laptop.
type column struct{ width float32 }

func (c column) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding() * 4
	var least fyne.Size
	for _, o := range objects {
		if o.Visible() {
			least = least.Max(o.MinSize())
		}
	}
	return least.Add(fyne.NewSize(2*pad, 2*pad))
}

func (c column) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding() * 4
	w := min(size.Width-2*pad, c.width)
	for _, o := range objects {
		w = max(w, o.MinSize().Width)
	}
	x := (size.Width - w) / 2
	for _, o := range objects {
		o.Move(fyne.NewPos(x, pad))
		o.Resize(fyne.NewSize(w, size.Height-2*pad))
	}
}

// page is a screen's body: its parts top to bottom in a readable column, scrolling when the
// window is too short for them.
func page(parts ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.New(column{width: pageWidth}, container.NewVBox(parts...)))
}

// heading is a screen's title.
func heading() *widget.Label {
	l := widget.NewLabel("")
	l.SizeName = theme.SizeNameHeadingText
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.Wrapping = fyne.TextWrapWord
	return l
}

// paragraph is running text that wraps at the column's width.
func paragraph() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// fieldLabel names the field under it.
func fieldLabel() *widget.Label {
	l := widget.NewLabel("")
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.Wrapping = fyne.TextWrapWord
	return l
}

// rightAligned puts buttons at the right, where a form's actions are expected.
func rightAligned(objects ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, objects...)...)
}

// notice is something a screen has to tell the adviser, kept as where it came from rather than
// as text, so a change of language words it again.
type notice struct {
	id   string         // a message id for a check the screen made itself
	data map[string]any // its placeholders
	err  error          // or an error from below, worded by package message
	info bool           // information rather than a problem: shown plain, not in red
	// plural makes id a plural message chosen by count (available to it as {{.Count}}).
	plural bool
	count  int
}

func (n notice) text(tr *locales.Translator) string {
	switch {
	case n.err != nil:
		return message.ForError(tr, n.err)
	case n.id != "" && n.plural:
		return tr.N(n.id, n.count, n.data)
	case n.id != "":
		return tr.T(n.id, n.data)
	}
	return ""
}

// noticeLabel shows a notice: red for a problem, plain for information, hidden when empty.
// Screens place its label; the notice is kept beside it for the next change of language.
type noticeLabel struct {
	label *widget.Label
	n     notice
}

func newNoticeLabel() *noticeLabel {
	l := paragraph()
	l.Hide()
	return &noticeLabel{label: l}
}

// set shows n (an empty notice hides the label) in tr's language.
func (l *noticeLabel) set(tr *locales.Translator, n notice) {
	l.n = n
	l.translate(tr)
}

func (l *noticeLabel) translate(tr *locales.Translator) {
	text := l.n.text(tr)
	l.label.Importance = widget.DangerImportance
	if l.n.info {
		l.label.Importance = widget.MediumImportance
	}
	l.label.SetText(text)
	if text == "" {
		l.label.Hide()
	} else {
		l.label.Show()
	}
}

// working is the spinner and sentence shown while slow work runs.
type working struct {
	bar   *widget.ProgressBarInfinite
	label *widget.Label
	box   *fyne.Container
}

func newWorking() *working {
	w := &working{bar: widget.NewProgressBarInfinite(), label: paragraph()}
	w.box = container.NewVBox(w.label, w.bar)
	w.box.Hide()
	w.bar.Stop()
	return w
}

func (w *working) start(text string) {
	w.label.SetText(text)
	w.box.Show()
	w.bar.Start()
}

func (w *working) stop() {
	w.bar.Stop()
	w.box.Hide()
}

// relabelSelect gives a choice list its words in another language, keeping what was chosen (by
// position: the options are the same choices in the same order).
func relabelSelect(sel *widget.Select, options []string, placeholder string) {
	i := sel.SelectedIndex()
	sel.Options = options
	sel.PlaceHolder = placeholder
	sel.ClearSelected()
	if i >= 0 {
		sel.SetSelectedIndex(i)
	}
	sel.Refresh()
}

// sectorLabels are the work sectors (jobs.Sectors, the offer's sectors too) in tr's language.
func sectorLabels(tr *locales.Translator) []string {
	var names []string
	for _, s := range jobs.Sectors() {
		names = append(names, tr.T("jobs.sector."+s))
	}
	return names
}
