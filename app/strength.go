package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// strengthLevels is how many grades storage.PassphraseStrength gives: 0 very weak .. 4 strong.
const strengthLevels = 5

// strengthMeter shows a passphrase's grade as a row of segments, red to green, with the grade in
// words beside it (the words carry the meaning; the colour only repeats it).
type strengthMeter struct {
	widget.BaseWidget
	level int // 0 for an empty field, 1..strengthLevels for grades 0..4
	text  string
}

func newStrengthMeter() *strengthMeter {
	m := &strengthMeter{}
	m.ExtendBaseWidget(m)
	return m
}

// set shows grade st, or an empty meter when the field is empty.
func (m *strengthMeter) set(empty bool, st storage.Strength, text string) {
	m.level = 0
	if !empty {
		m.level = min(max(int(st), 0), strengthLevels-1) + 1
	}
	m.text = text
	m.Refresh()
}

func (m *strengthMeter) CreateRenderer() fyne.WidgetRenderer {
	r := &strengthRenderer{m: m, label: widget.NewLabel("")}
	for range strengthLevels {
		seg := canvas.NewRectangle(color.Transparent)
		seg.CornerRadius = 2
		r.segments = append(r.segments, seg)
	}
	r.Refresh()
	return r
}

type strengthRenderer struct {
	m        *strengthMeter
	segments []*canvas.Rectangle
	label    *widget.Label
}

const (
	segmentHeight float32 = 6
	segmentWidth  float32 = 36
)

func (r *strengthRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	x := pad
	y := (size.Height - segmentHeight) / 2
	for _, s := range r.segments {
		s.Move(fyne.NewPos(x, y))
		s.Resize(fyne.NewSize(segmentWidth, segmentHeight))
		x += segmentWidth + pad
	}
	r.label.Move(fyne.NewPos(x, 0))
	r.label.Resize(fyne.NewSize(max(size.Width-x, 0), size.Height))
}

func (r *strengthRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	lm := r.label.MinSize()
	return fyne.NewSize(float32(strengthLevels)*(segmentWidth+pad)+pad+lm.Width, lm.Height)
}

func (r *strengthRenderer) Refresh() {
	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := r.m.Theme()
	fill := th.Color(theme.ColorNameError, v)
	switch {
	case r.m.level >= 4:
		fill = th.Color(theme.ColorNameSuccess, v)
	case r.m.level == 3:
		fill = th.Color(theme.ColorNameWarning, v)
	}
	for i, s := range r.segments {
		if i < r.m.level {
			s.FillColor = fill
		} else {
			s.FillColor = th.Color(theme.ColorNameInputBorder, v)
		}
		s.Refresh()
	}
	r.label.SetText(r.m.text)
}

func (r *strengthRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, 0, len(r.segments)+1)
	for _, s := range r.segments {
		objs = append(objs, s)
	}
	return append(objs, r.label)
}

func (r *strengthRenderer) Destroy() {}
