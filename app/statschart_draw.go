package app

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"strconv"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"waymark/jobs/printfont"
)

// drawChart places a chartSeries on an image of width × height pixels: the legend on top, the
// axis on the left, a group of bars per month with the month under it, and the note on what a
// hollow bar means at the bottom. It is pure drawing with image/draw and the embedded Liberation
// Sans, so the picture saved for funders and the chart on screen are the same drawing, and a
// test can look at its pixels. textPx is the body text size in pixels; everything else is
// measured from it.
func drawChart(s chartSeries, width, height int, textPx float64, p chartPalette) *image.RGBA {
	chartDrawMu.Lock() // font faces are not safe for concurrent use
	defer chartDrawMu.Unlock()
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	if p.Background != nil {
		draw.Draw(img, img.Bounds(), image.NewUniform(p.Background), image.Point{}, draw.Src)
	}
	l := layoutChart(s, width, height, textPx)
	c := chartCanvas{img: img}
	if s.Title != "" {
		c.text(s.Title, l.title, l.titleFace, p.Text, alignLeft)
	}
	for i, item := range l.legend {
		c.fill(item.swatch, p.bar(i))
		c.text(s.Legend[i], item.text, l.body, p.Text, alignLeft)
	}
	for i, y := range l.ticks {
		c.fill(image.Rect(l.plot.Min.X, y, l.plot.Max.X, y+l.hair), p.Grid)
		c.text(strconv.Itoa(s.Ticks[i]), image.Pt(l.plot.Min.X-l.gap, y), l.small, p.Text, alignRightMiddle)
	}
	for g, group := range s.Groups {
		for k, bar := range group.Bars {
			r := l.bars[g][k]
			switch {
			case bar.Suppressed:
				c.fill(r, faint(p.bar(k)))
				c.outline(r, max(1, l.hair*2), p.bar(k))
			case r.Dy() > 0:
				c.fill(r, p.bar(k))
			}
			if l.barLabels {
				c.text(bar.Label, image.Pt((r.Min.X+r.Max.X)/2, r.Min.Y-l.hair*2), l.label, p.Text, alignCentreBottom)
			}
		}
		mid := (l.groups[g].Min.X + l.groups[g].Max.X) / 2
		c.text(group.Label, image.Pt(mid, l.plot.Max.Y+l.gap), l.body, p.Text, alignCentreTop)
		c.text(group.Year, image.Pt(mid, l.plot.Max.Y+l.gap+l.line), l.small, p.Text, alignCentreTop)
	}
	c.fill(image.Rect(l.plot.Min.X, l.plot.Max.Y, l.plot.Max.X, l.plot.Max.Y+l.hair), p.Text)
	if s.Empty != "" {
		c.text(s.Empty, image.Pt((l.plot.Min.X+l.plot.Max.X)/2, (l.plot.Min.Y+l.plot.Max.Y)/2), l.body, p.Text, alignCentreMiddle)
	}
	for i, line := range l.noteLines {
		c.text(line, image.Pt(l.plot.Min.X, l.note.Y+i*l.line), l.small, p.Text, alignLeft)
	}
	return img
}

// chartPalette are the chart's colours. The bar colours are Okabe and Ito's palette, told apart
// by people with the common kinds of colour blindness, and readable on light and dark.
type chartPalette struct {
	Background color.Color // nil leaves the image transparent, for the window's own background
	Text, Grid color.Color
}

var barColours = []color.RGBA{
	{0x00, 0x72, 0xB2, 0xff}, // blue
	{0xE6, 0x9F, 0x00, 0xff}, // orange
	{0x00, 0x9E, 0x73, 0xff}, // bluish green
	{0xD5, 0x5E, 0x00, 0xff}, // vermilion
	{0xCC, 0x79, 0xA7, 0xff}, // reddish purple
}

func (chartPalette) bar(i int) color.Color { return barColours[i%len(barColours)] }

// faint is a bar colour at a fifth of its strength, the inside of a suppressed bar: present,
// but plainly not a measured height.
func faint(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	const a = 0x33
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// pictureColours are the saved picture's: black on white, for reports and slides.
var pictureColours = chartPalette{
	Background: color.White,
	Text:       color.RGBA{0x21, 0x21, 0x21, 0xff},
	Grid:       color.RGBA{0xdd, 0xdd, 0xdd, 0xff},
}

// chartLayout is where drawChart puts each part, in pixels.
type chartLayout struct {
	body, small, titleFace font.Face
	line, gap, hair        int // a line of body text, the usual gap, a hairline
	title                  image.Point
	legend                 []legendItem
	plot                   image.Rectangle // the bars' area: 0 at Max.Y, Top at Min.Y
	ticks                  []int           // the y of each axis mark
	groups                 []image.Rectangle
	bars                   [][]image.Rectangle
	barLabels              bool      // whether the labels above the bars fit
	label                  font.Face // their face, when they do
	note                   image.Point
	noteLines              []string
}

type legendItem struct {
	swatch image.Rectangle
	text   image.Point
}

func layoutChart(s chartSeries, width, height int, textPx float64) chartLayout {
	l := chartLayout{body: chartFace(false, textPx), small: chartFace(false, textPx*0.85),
		titleFace: chartFace(true, textPx*1.3)}
	l.line = int(math.Ceil(textPx * 1.35))
	l.gap = int(math.Ceil(textPx * 0.5))
	l.hair = max(1, int(textPx/14))
	pad := int(math.Ceil(textPx))
	y := pad
	if s.Title != "" {
		l.title = image.Pt(pad, y)
		y += int(math.Ceil(textPx*1.3*1.35)) + l.gap
	}
	// The legend flows left to right, onto a new row when the next entry would not fit.
	x, sw := pad, int(textPx*0.9)
	for _, name := range s.Legend {
		w := sw + l.gap + measure(l.body, name) + 2*pad
		if x > pad && x+w > width-pad {
			x, y = pad, y+l.line
		}
		top := y + (l.line-sw)/2
		l.legend = append(l.legend, legendItem{swatch: image.Rect(x, top, x+sw, top+sw), text: image.Pt(x+sw+l.gap, y)})
		x += w
	}
	y += l.line + l.gap
	left := pad + measure(l.small, strconv.Itoa(lastOr(s.Ticks, 0))) + l.gap
	noteW := width - left - pad
	l.noteLines = wrapText(l.small, s.Note, noteW)
	bottom := height - pad - len(l.noteLines)*l.line
	l.note = image.Pt(left, bottom)
	l.plot = image.Rect(left, y+l.line, width-pad, bottom-2*l.line-l.gap)
	if l.plot.Dy() < l.line {
		l.plot.Max.Y = l.plot.Min.Y + l.line
	}
	for _, v := range s.Ticks {
		l.ticks = append(l.ticks, l.plot.Max.Y-int(math.Round(float64(l.plot.Dy())*float64(v)/float64(max(1, s.Top)))))
	}
	n := max(1, len(s.Groups))
	groupW := float64(l.plot.Dx()) / float64(n)
	widest := widestLabel(l.small, s)
	for g, group := range s.Groups {
		x0 := float64(l.plot.Min.X) + float64(g)*groupW
		l.groups = append(l.groups, image.Rect(int(x0), l.plot.Min.Y, int(x0+groupW), l.plot.Max.Y))
		inner := groupW * 0.8
		barW := inner / float64(max(1, len(group.Bars)))
		var row []image.Rectangle
		for k, bar := range group.Bars {
			bx := x0 + groupW*0.1 + float64(k)*barW
			h := int(math.Round(float64(l.plot.Dy()) * min(1, bar.Height)))
			row = append(row, image.Rect(int(bx), l.plot.Max.Y-h, int(bx+barW)-max(1, int(barW/8)), l.plot.Max.Y))
		}
		l.bars = append(l.bars, row)
	}
	// A label goes over its bar when it fits the bar's slot, set smaller if need be, but never
	// so small that it cannot be read.
	if len(s.Groups) > 0 && len(s.Groups[0].Bars) > 0 && widest > 0 {
		room := int(groupW*0.8/float64(len(s.Groups[0].Bars))) - 2*l.hair
		for size := min(textPx*0.85, textPx*0.85*float64(room)/float64(widest)); size >= textPx*0.7; size -= 0.5 {
			if f := chartFace(false, size); widestLabel(f, s) <= room {
				l.label, l.barLabels = f, true
				break
			}
		}
	}
	return l
}

// widestLabel is the width of the widest label over a bar, in face f.
func widestLabel(f font.Face, s chartSeries) int {
	w := 0
	for _, g := range s.Groups {
		for _, b := range g.Bars {
			w = max(w, measure(f, b.Label))
		}
	}
	return w
}

func lastOr(xs []int, d int) int {
	if len(xs) == 0 {
		return d
	}
	return xs[len(xs)-1]
}

// chartFonts are Liberation Sans regular and bold, parsed once; faces are made per size and
// kept, since the chart is drawn again at every resize of the window.
var chartFonts = sync.OnceValues(func() ([2]*opentype.Font, error) {
	var out [2]*opentype.Font
	for i, data := range [][]byte{printfont.Regular, printfont.Bold} {
		f, err := opentype.Parse(data)
		if err != nil {
			return out, err
		}
		out[i] = f
	}
	return out, nil
})

// chartDrawMu lets one chart be drawn at a time: the window's and a picture being saved share
// the font faces, which keep buffers of their own.
var chartDrawMu sync.Mutex

var (
	chartFacesMu sync.Mutex
	chartFaces   = map[[2]int]font.Face{}
)

// chartFace is the face at size pixels (rounded to a quarter pixel), bold or not. The embedded
// fonts always parse (a test checks it), so a failure can only be a broken build; it falls back
// to no text rather than no chart.
func chartFace(bold bool, size float64) font.Face {
	key := [2]int{0, int(math.Round(size * 4))}
	if bold {
		key[0] = 1
	}
	chartFacesMu.Lock()
	defer chartFacesMu.Unlock()
	if f, ok := chartFaces[key]; ok {
		return f
	}
	fonts, err := chartFonts()
	var face font.Face = noFace{}
	if err == nil {
		if f, ferr := opentype.NewFace(fonts[key[0]], &opentype.FaceOptions{Size: float64(key[1]) / 4, DPI: 72, Hinting: font.HintingFull}); ferr == nil {
			face = f
		}
	}
	chartFaces[key] = face
	return face
}

// noFace draws nothing; see chartFace.
type noFace struct{ font.Face }

func (noFace) Metrics() font.Metrics { return font.Metrics{} }
func (noFace) Glyph(fixed.Point26_6, rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	return image.Rectangle{}, nil, image.Point{}, 0, false
}
func (noFace) GlyphAdvance(rune) (fixed.Int26_6, bool) { return 0, false }
func (noFace) Kern(rune, rune) fixed.Int26_6           { return 0 }
func (noFace) Close() error                            { return nil }

// measure is the width of s in pixels, as drawString sets it.
func measure(f font.Face, s string) int {
	w := fixed.Int26_6(0)
	prev := rune(-1)
	for _, r := range s {
		w += kern(f, prev, r)
		adv, _ := f.GlyphAdvance(r)
		w += adv
		prev = r
	}
	return w.Ceil()
}

// kern is the kerning between two runes, except next to a space: Liberation Sans kerns "A "
// so tightly that at screen sizes the space all but disappears.
func kern(f font.Face, prev, r rune) fixed.Int26_6 {
	if prev < 0 || prev == ' ' || r == ' ' {
		return 0
	}
	return f.Kern(prev, r)
}

// drawString sets s with its baseline starting at dot, kerned as measure measures it.
func drawString(img draw.Image, col color.Color, f font.Face, dot fixed.Point26_6, s string) {
	src := image.NewUniform(col)
	prev := rune(-1)
	for _, r := range s {
		dot.X += kern(f, prev, r)
		dr, mask, maskp, adv, ok := f.Glyph(dot, r)
		if ok {
			draw.DrawMask(img, dr, src, image.Point{}, mask, maskp, draw.Over)
		}
		dot.X += adv
		prev = r
	}
}

// wrapText breaks s into lines no wider than w pixels, at spaces.
func wrapText(f font.Face, s string, w int) []string {
	var lines []string
	line := ""
	for _, word := range splitWords(s) {
		switch {
		case line == "":
			line = word
		case measure(f, line+" "+word) <= w:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

func splitWords(s string) []string {
	var words []string
	word := []rune{}
	for _, r := range s {
		if r == ' ' || r == '\n' {
			if len(word) > 0 {
				words = append(words, string(word))
				word = word[:0]
			}
			continue
		}
		word = append(word, r)
	}
	if len(word) > 0 {
		words = append(words, string(word))
	}
	return words
}

type textAlign int

const (
	alignLeft         textAlign = iota // p is the top left
	alignRightMiddle                   // p is the middle of the right edge
	alignCentreTop                     // p is the middle of the top edge
	alignCentreBottom                  // p is the middle of the bottom edge
	alignCentreMiddle                  // p is the centre
)

// chartCanvas draws on the chart's image.
type chartCanvas struct{ img *image.RGBA }

func (c chartCanvas) fill(r image.Rectangle, col color.Color) {
	draw.Draw(c.img, r, image.NewUniform(col), image.Point{}, draw.Over)
}

func (c chartCanvas) outline(r image.Rectangle, w int, col color.Color) {
	if r.Dy() < 2*w || r.Dx() < 2*w {
		c.fill(r, col)
		return
	}
	c.fill(image.Rect(r.Min.X, r.Min.Y, r.Max.X, r.Min.Y+w), col)
	c.fill(image.Rect(r.Min.X, r.Max.Y-w, r.Max.X, r.Max.Y), col)
	c.fill(image.Rect(r.Min.X, r.Min.Y, r.Min.X+w, r.Max.Y), col)
	c.fill(image.Rect(r.Max.X-w, r.Min.Y, r.Max.X, r.Max.Y), col)
}

func (c chartCanvas) text(s string, p image.Point, f font.Face, col color.Color, a textAlign) {
	if s == "" {
		return
	}
	m := f.Metrics()
	ascent, height := m.Ascent.Ceil(), (m.Ascent + m.Descent).Ceil()
	w := measure(f, s)
	x, top := p.X, p.Y
	switch a {
	case alignRightMiddle:
		x, top = p.X-w, p.Y-height/2
	case alignCentreTop:
		x = p.X - w/2
	case alignCentreBottom:
		x, top = p.X-w/2, p.Y-height
	case alignCentreMiddle:
		x, top = p.X-w/2, p.Y-height/2
	}
	drawString(c.img, col, f, fixed.P(x, top+ascent), s)
}
