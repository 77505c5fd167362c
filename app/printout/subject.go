package printout

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"waymark/jobs/printfont"
)

// ErrEmptyReport means a data-subject report was asked for without a title or any section;
// a document that looks like "everything we hold about you" must never be printed empty.
var ErrEmptyReport = errors.New("printout: data-subject report has nothing in it")

// SubjectReport is everything a vault holds about one person, worded for them to read: the
// answer to a data-subject access request. Every string is already translated; the layout
// only places it, so a test can check what is printed without a vault or a translator.
type SubjectReport struct {
	Title    string           // heading of the first page
	Intro    []string         // paragraphs under the title: what this is, when it was made, rights
	Sections []SubjectSection // the record, part by part
	// Footer is printed at the foot of every page. PagePlaceholder in it becomes the page's
	// number and PageCountAlias the number of pages, e.g. "Reference WM-1 · page {pg} of {nb}".
	Footer string
	// Replaced is printed at the end when some character could not be shown by the embedded
	// font and was printed as ReplacementMark instead; it should say where the exact text is.
	Replaced string
	// DocTitle is the PDF's title in its metadata, which file browsers show: it must hold no
	// name, reference or other personal data.
	DocTitle string
	Created  time.Time // written into the metadata; zero means now
}

// SubjectSection is one part of the record under a heading: label and value rows, or Empty
// when the record holds nothing of this kind, so a reader sees it was looked for.
type SubjectSection struct {
	Heading string
	Rows    []SubjectRow
	Empty   string
}

// SubjectRow is one item: a label with its value beside it, or, with no label, a paragraph
// across the page (a note, a line of history).
type SubjectRow struct {
	Label, Value string
}

// PagePlaceholder and PageCountAlias stand for the page number and the page count in
// SubjectReport.Footer; gofpdf fills in the count when the document is written.
const (
	PagePlaceholder = "{pg}"
	PageCountAlias  = "{nb}"
)

// The report's type sizes (points) and leading (millimetres).
const (
	reportTitleSize    = 20.0
	reportHeadingSize  = 14.0
	reportBodySize     = 11.0
	reportFooterSize   = 9.0
	reportLeading      = 5.6
	reportTitleLeading = 9.0
	reportHeadLeading  = 7.0
	reportLabelWidth   = 52.0
	reportGutter       = 4.0
	reportFooterTop    = pageHeight - pageMargin + 4
)

// Write lays the report out on A4 pages and writes the PDF to w. Text is normalised to NFC and
// any character the embedded font cannot draw is printed as ReplacementMark, with the Replaced
// sentence at the end, so a note typed in another script still gives a complete report rather
// than none. Nothing is written unless the whole document was laid out.
func (r SubjectReport) Write(w io.Writer) error {
	if strings.TrimSpace(r.Title) == "" || len(r.Sections) == 0 {
		return ErrEmptyReport
	}
	clean, replaced, err := r.cleaned()
	if err != nil {
		return err
	}
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(false, pageMargin)
	pdf.AddUTF8FontFromBytes("sans", "", printfont.Regular)
	pdf.AddUTF8FontFromBytes("sans", "B", printfont.Bold)
	pdf.SetTitle(clean.DocTitle, true)
	pdf.SetCreator("Waymark", true)
	created := clean.Created
	if created.IsZero() {
		created = time.Now()
	}
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.AliasNbPages(PageCountAlias)
	pdf.SetFooterFunc(func() {
		pdf.SetY(reportFooterTop)
		pdf.SetFont("sans", "", reportFooterSize)
		pdf.SetTextColor(80, 80, 80)
		text := strings.ReplaceAll(clean.Footer, PagePlaceholder, strconv.Itoa(pdf.PageNo()))
		pdf.CellFormat(textWidth, footerLeading, text, "", 0, "L", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
	l := &reportLayout{pdf: pdf}
	pdf.AddPage()
	l.y = pageMargin
	l.block(clean.Title, reportTitleSize, reportTitleLeading, true, 3)
	for _, p := range clean.Intro {
		l.block(p, reportBodySize, reportLeading, false, 2)
	}
	for _, s := range clean.Sections {
		l.section(s)
	}
	if replaced && clean.Replaced != "" {
		l.y += 4
		l.block(clean.Replaced, reportBodySize, reportLeading, false, 0)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("lay out data-subject report: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write data-subject report: %w", err)
	}
	return nil
}

// reportLayout places lines top to bottom, starting a new page when the next line would run
// into the footer. It sets every line itself, so a page break can fall inside a long note.
type reportLayout struct {
	pdf *gofpdf.Fpdf
	y   float64
}

// bottom is the lowest a line may end.
const reportBottom = pageHeight - pageMargin - 2

func (l *reportLayout) setFont(size float64, bold bool) {
	style := ""
	if bold {
		style = "B"
	}
	l.pdf.SetFont("sans", style, size)
}

// room starts a new page unless h millimetres fit below the current line.
func (l *reportLayout) room(h float64) {
	if l.y+h > reportBottom {
		l.pdf.AddPage()
		l.y = pageMargin
	}
}

// lines splits text into the lines it takes at width w in the current font; an empty text is
// one empty line, so a row keeps its place.
func (l *reportLayout) lines(text string, w float64) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		split := l.pdf.SplitText(para, w)
		if len(split) == 0 {
			split = []string{""}
		}
		out = append(out, split...)
	}
	return out
}

// block sets text across the page, then leaves after millimetres of space.
func (l *reportLayout) block(text string, size, leading float64, bold bool, after float64) {
	l.setFont(size, bold)
	for _, line := range l.lines(text, textWidth) {
		l.room(leading)
		l.pdf.SetXY(pageMargin, l.y)
		l.pdf.CellFormat(textWidth, leading, line, "", 0, "L", false, 0, "")
		l.y += leading
	}
	l.y += after
}

// section sets a heading with a rule under it, kept on the page of its first row.
func (l *reportLayout) section(s SubjectSection) {
	l.y += 3
	l.room(reportHeadLeading + 2 + reportLeading)
	l.setFont(reportHeadingSize, true)
	for i, line := range l.lines(s.Heading, textWidth) {
		if i > 0 {
			l.room(reportHeadLeading)
		}
		l.pdf.SetXY(pageMargin, l.y)
		l.pdf.CellFormat(textWidth, reportHeadLeading, line, "", 0, "L", false, 0, "")
		l.y += reportHeadLeading
	}
	l.pdf.SetDrawColor(120, 120, 120)
	l.pdf.SetLineWidth(0.3)
	l.pdf.Line(pageMargin, l.y+0.5, pageMargin+textWidth, l.y+0.5)
	l.y += 2
	if len(s.Rows) == 0 {
		l.block(s.Empty, reportBodySize, reportLeading, false, 0)
		return
	}
	for _, row := range s.Rows {
		l.row(row)
	}
}

// row sets a label in bold beside its value, line by line, or a paragraph without a label.
func (l *reportLayout) row(r SubjectRow) {
	if r.Label == "" {
		l.block(r.Value, reportBodySize, reportLeading, false, 1.5)
		return
	}
	valueX := pageMargin + reportLabelWidth + reportGutter
	valueW := textWidth - reportLabelWidth - reportGutter
	l.setFont(reportBodySize, true)
	labels := l.lines(r.Label, reportLabelWidth)
	l.setFont(reportBodySize, false)
	values := l.lines(r.Value, valueW)
	// Keep a short row whole on one page; a long one breaks where it must.
	if n := max(len(labels), len(values)); n <= 6 {
		l.room(float64(n) * reportLeading)
	}
	for i := range max(len(labels), len(values)) {
		l.room(reportLeading)
		if i < len(labels) {
			l.setFont(reportBodySize, true)
			l.pdf.SetXY(pageMargin, l.y)
			l.pdf.CellFormat(reportLabelWidth, reportLeading, labels[i], "", 0, "L", false, 0, "")
		}
		if i < len(values) {
			l.setFont(reportBodySize, false)
			l.pdf.SetXY(valueX, l.y)
			l.pdf.CellFormat(valueW, reportLeading, values[i], "", 0, "L", false, 0, "")
		}
		l.y += reportLeading
	}
	l.y += 1.5
}
