package planpdf

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// Type sizes in points. Body text is never below 12 pt; the survivor's language is larger
// than the English beside it, so their column is the one the eye lands on.
const (
	sizeTitle      = 20.0
	sizeHeading    = 16.0
	sizeHeadingEn  = 14.0
	sizeLocal      = 14.0
	sizeBody       = 12.0
	sizeNumber     = 15.0
	sizeLangHeader = 11.0
	sizeFooter     = 10.0
	ptToMM         = 25.4 / 72
	leading        = 1.2 // line height as a multiple of the type size
)

// Page geometry in millimetres.
const (
	margin     = 15.0 // left and right
	marginY    = 12.0 // top and bottom
	footerRoom = 10.0 // space kept at the foot of every page for the footer
	boxSize    = 7.0  // side of a tick box
	boxColumn  = 11.0 // width of the column holding tick boxes and bullets
	columnGap  = 6.0  // between the survivor's column and the English one
	rowPad     = 2.0  // above and below a row's text
	writeRoom  = 7.0  // height left to write in by hand
)

// Colours: black for the survivor's language, dark grey for English and small print (still
// well above print contrast guidance), light grey for rules.
var (
	colourText  = [3]int{0, 0, 0}
	colourMuted = [3]int{70, 70, 70}
	colourRule  = [3]int{170, 170, 170}
)

// run is one paragraph of a cell in one style.
type run struct {
	text  string
	size  float64
	bold  bool
	muted bool
	after float64 // space below, mm
}

// mark is what sits in the tick-box column beside a row.
type mark int

const (
	markNone mark = iota
	markBox
	markTicked
	markBullet
)

// row is one unit that is never split across pages: a mark, text across both columns, then
// bands of text in each language's column. Each band starts level in both columns, so a step's
// "who" and "what to bring" sit beside their English.
type row struct {
	mark   mark
	shared []run // across both columns, e.g. a step in the adviser's own words
	bands  []band
	rule   bool // a light line under the row, between steps
	// writeOn leaves room under the row's text to write by hand, on a line.
	writeOn bool
}

// band is text in the survivor's language (left) beside the same in English (right).
type band struct {
	left, right []run
	after       float64 // space below the band, mm
}

// single is a row of one band.
func single(m mark, left, right run) row {
	return row{mark: m, bands: []band{{left: []run{left}, right: []run{right}}}}
}

// layouter places rows on pages, top to bottom.
type layouter struct {
	pdf     *gofpdf.Fpdf
	m       model
	pageW   float64
	pageH   float64
	xBox    float64
	xLeft   float64 // where text starts, right of the tick boxes
	wShared float64 // width of text across both columns
	cols    columns // the language columns
	bottom  float64 // lowest point a row may reach, above the footer
	// bare leaves the language names off the top of new pages: the page of phone numbers
	// has its own heading in both languages and needs the room.
	bare bool
}

// columns are the positions and widths of the survivor's column and the English one (whose
// width is 0 on an English-only plan).
type columns struct {
	xLeft, wLeft, xRight, wRight float64
}

// split divides the width from x to the right margin into the language columns.
func (l *layouter) split(x float64) columns {
	w := l.pageW - margin - x
	if !l.m.bilingual {
		return columns{xLeft: x, wLeft: w}
	}
	half := (w - columnGap) / 2
	return columns{xLeft: x, wLeft: half, xRight: x + half + columnGap, wRight: half}
}

// layOut writes the model as a PDF into buf.
func layOut(buf *bytes.Buffer, m model, page PageSize) error {
	pdf := gofpdf.New("P", "mm", string(page), "")
	pageW, pageH := pdf.GetPageSize()
	l := &layouter{pdf: pdf, m: m, pageW: pageW, pageH: pageH}
	l.xBox = margin
	l.xLeft = margin + boxColumn
	l.wShared = pageW - margin - l.xLeft
	l.cols = l.split(l.xLeft)
	l.bottom = pageH - marginY - footerRoom

	pdf.SetMargins(margin, marginY, margin)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pdf.AddUTF8FontFromBytes("sans", "", fontRegular)
	pdf.AddUTF8FontFromBytes("sans", "B", fontBold)
	// Metadata: the plan's title and the program, nothing about the survivor or adviser.
	pdf.SetTitle(m.docTitle, true)
	pdf.SetCreator("Waymark", true)
	pdf.SetProducer("Waymark", true)
	day := time.Date(m.date.Year(), m.date.Month(), m.date.Day(), 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(day)
	pdf.SetModificationDate(day)
	pdf.AliasNbPages(pageCountAlias)
	pdf.SetHeaderFunc(l.header)
	pdf.SetFooterFunc(l.footer)
	pdf.AddPage()

	l.top()
	l.steps()
	l.benefits()
	l.contacts()

	if err := pdf.Error(); err != nil {
		return fmt.Errorf("lay out plan: %w", err)
	}
	if err := pdf.Output(buf); err != nil {
		return fmt.Errorf("lay out plan: %w", err)
	}
	return nil
}

// header repeats the language names over the columns on every page after the first, so a
// reader who turns the page still knows which column is theirs.
func (l *layouter) header() {
	l.pdf.SetY(marginY)
	if l.pdf.PageNo() > 1 && l.m.bilingual && !l.bare {
		l.languageNames()
	}
}

// footer prints the case reference and "page n of m" in small type, on one line when they fit
// side by side and the reference on the line above when it is too long for that.
func (l *layouter) footer() {
	pdf := l.pdf
	lh := lineHeight(sizeFooter)
	y := l.pageH - marginY - lh
	l.setStyle(run{size: sizeFooter, muted: true})
	page := strconv.Itoa(pdf.PageNo())
	text := strings.ReplaceAll(l.m.pageOf.local, pagePlaceholder, page)
	if l.m.bilingual {
		text += "  ·  " + strings.ReplaceAll(l.m.pageOf.english, pagePlaceholder, page)
	}
	width := l.pageW - 2*margin
	pdf.SetXY(margin, y)
	pdf.CellFormat(width, lh, text, "", 0, "R", false, 0, "")
	refY := y
	if pdf.GetStringWidth(l.m.reference.local)+pdf.GetStringWidth(text)+5 > width {
		refY = y - lh
	}
	pdf.SetXY(margin, refY)
	pdf.CellFormat(width, lh, l.m.reference.local, "", 0, "L", false, 0, "")
}

// languageNames prints the two languages' names over their columns, with a rule under them.
func (l *layouter) languageNames() {
	r := single(markNone, run{text: l.m.language.local, size: sizeLangHeader, bold: true, muted: true},
		run{text: l.m.language.english, size: sizeLangHeader, bold: true, muted: true})
	y := l.pdf.GetY()
	h := l.draw(r, y)
	l.hline(y+h, 0.3)
	l.pdf.SetY(y + h + 2)
}

// top prints the title, the languages, whose plan it is, its dates and how to use it.
func (l *layouter) top() {
	m := l.m
	l.place(single(markNone, run{text: m.title.local, size: sizeTitle, bold: true},
		run{text: m.title.english, size: sizeTitle, bold: true, muted: true}))
	if m.bilingual {
		l.languageNames()
	}
	info := row{}
	for _, p := range []pair{m.name, m.madeOn, m.review} {
		if p.local != "" {
			info.bands = append(info.bands, pairBand(p, sizeLocal, false, 1.2))
		}
	}
	l.place(info)
	l.place(single(markTicked, run{text: m.howTo.local, size: sizeLocal, bold: true},
		run{text: m.howTo.english, size: sizeBody, bold: true, muted: true}))
}

// pairBand puts p in a band: the survivor's language at size, English at body size and muted.
func pairBand(p pair, size float64, bold bool, after float64) band {
	return band{
		left:  appendRuns(nil, run{text: p.local, size: size, bold: bold}),
		right: appendRuns(nil, run{text: p.english, size: min(size, sizeBody), bold: bold, muted: true}),
		after: after,
	}
}

// steps prints every step with its tick box, who does it, by when and what to bring.
func (l *layouter) steps() {
	m := l.m
	var rows []row
	for _, s := range m.steps {
		r := row{mark: markBox, rule: true}
		if s.done {
			r.mark = markTicked
		}
		if s.own != "" {
			r.shared = []run{{text: s.own, size: sizeLocal, bold: true, after: 1}}
		}
		r.bands = appendBands(r.bands,
			pairBand(s.text, sizeLocal, true, 1),
			pairBand(s.meta, sizeBody, false, 1),
			pairBand(s.bring, sizeBody, false, 0))
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		rows = append(rows, row{bands: []band{pairBand(m.noSteps, sizeLocal, false, 0)}})
	}
	l.section(m.stepsHeading, rows)
}

// benefits lists what the survivor may get, if anything.
func (l *layouter) benefits() {
	m := l.m
	if len(m.benefits) == 0 {
		return
	}
	var rows []row
	for _, b := range m.benefits {
		rows = append(rows, row{mark: markBullet, bands: appendBands(nil,
			pairBand(b.name, sizeLocal, true, 1),
			pairBand(b.estimate, sizeBody, false, 0))})
	}
	// The reminder that this is not a decision goes under the last benefit, so a page break
	// never leaves it alone at the top of a page.
	last := &rows[len(rows)-1]
	last.bands[len(last.bands)-1].after = 3
	last.bands = append(last.bands, pairBand(m.benefitsNote, sizeBody, false, 0))
	l.section(m.benefitsHeading, rows)
}

// contacts starts a page of people to call: lines to write in the adviser's name, phone number
// and next appointment, then each helpline's number large on its own line, with who answers
// and when under it. Being a page of its own, it can be kept when the steps change.
func (l *layouter) contacts() {
	var rows []row
	for _, w := range l.m.writeIns {
		label := w.local
		if l.m.bilingual {
			// "Telefon / Phone:", one label ending in the English one's colon.
			label = strings.TrimSuffix(w.local, ":") + " / " + w.english
		}
		rows = append(rows, row{shared: []run{{text: label, size: sizeBody, bold: true}}, writeOn: true})
	}
	for _, h := range l.m.helplines {
		rows = append(rows, row{rule: true,
			shared: []run{{text: h.number, size: sizeNumber, bold: true}},
			bands: appendBands(nil,
				pairBand(h.name, sizeLocal, true, 0.5),
				pairBand(pair{local: joinNonEmpty(h.about.local, h.hours.local),
					english: joinNonEmpty(h.about.english, h.hours.english)}, sizeBody, false, 0)),
		})
	}
	newPage := l.pdf.GetY() > l.pageTop()+0.01
	l.bare = true
	if newPage {
		l.pdf.AddPage()
	}
	l.section(l.m.helpHeading, rows)
}

// joinNonEmpty joins a and b with a space, or gives whichever is not empty.
func joinNonEmpty(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}

// appendBands adds the bands that have text.
func appendBands(dst []band, bands ...band) []band {
	for _, b := range bands {
		if len(b.left) > 0 || len(b.right) > 0 {
			dst = append(dst, b)
		}
	}
	return dst
}

// appendRuns adds the runs that have text.
func appendRuns(dst []run, runs ...run) []run {
	for _, r := range runs {
		if r.text != "" {
			dst = append(dst, r)
		}
	}
	return dst
}
