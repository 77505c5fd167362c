// Package printout lays out the sheets Waymark prints, as PDF.
//
// It takes every word already translated and knows nothing of Fyne, the vault or the locales, so
// the same sheet can be made from the desktop app or a test, and its tests run without a display.
// The fonts are Liberation Sans and Mono, embedded as Unicode TrueType fonts, so Romanian (ș, ț)
// and Polish (ą, ł, ż) print as typed.
package printout

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-fonts/liberation/liberationmonobold"
	"github.com/jung-kurt/gofpdf"

	"waymark/jobs/printfont"
)

// KeyGroupsPerLine is how many groups of a recovery key go on one line, on paper and on screen, so
// the two look the same and a person copying it by hand can keep their place.
const KeyGroupsPerLine = 4

// ErrNoKey means a sheet was asked for without a key; an empty sheet must never be printed as if
// it were the real thing.
var ErrNoKey = errors.New("printout: recovery sheet has no key")

// ErrTooLong means the text given does not fit on one page, which would split the key from the
// words that explain it.
var ErrTooLong = errors.New("printout: recovery sheet text does not fit on one page")

// RecoverySheet is the text of the one-page recovery-key sheet, in the reader's language.
type RecoverySheet struct {
	Title      string    // heading, e.g. "Waymark recovery key"
	Paragraphs []string  // what the key is for, that it is shown once, to keep it locked away
	KeyLabel   string    // caption above the key
	Key        string    // the recovery key itself, "XXXX-XXXX-…"
	WriteIns   []string  // labels of lines to fill in by hand (organisation, stored by, date)
	Footer     string    // small print at the bottom of the page
	Created    time.Time // written into the PDF metadata; zero means now
}

// KeyLines splits a recovery key written as dash-separated groups into lines of groupsPerLine
// groups, keeping the dashes inside a line so each line can be read aloud as written.
func KeyLines(key string, groupsPerLine int) []string {
	key = strings.TrimSpace(key)
	if key == "" {
		return nil
	}
	if groupsPerLine < 1 {
		groupsPerLine = 1
	}
	groups := strings.Split(key, "-")
	var lines []string
	for len(groups) > 0 {
		n := min(groupsPerLine, len(groups))
		lines = append(lines, strings.Join(groups[:n], "-"))
		groups = groups[n:]
	}
	return lines
}

// Page geometry in millimetres (A4 portrait).
const (
	pageMargin    = 20.0
	pageWidth     = 210.0
	pageHeight    = 297.0
	footerLeading = 4.5
	textWidth     = pageWidth - 2*pageMargin
	bodySize      = 12.0
	bodyLeading   = 6.0
	keySize       = 20.0
	keyLeading    = 11.0
)

// Write renders the sheet as a one-page PDF to w. Nothing is written unless the whole document
// was laid out without error, so a failure never leaves half a sheet behind in w.
func (s RecoverySheet) Write(w io.Writer) error {
	if strings.TrimSpace(s.Key) == "" {
		return ErrNoKey
	}
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(false, pageMargin)
	pdf.AddUTF8FontFromBytes("sans", "", printfont.Regular)
	pdf.AddUTF8FontFromBytes("sans", "B", printfont.Bold)
	pdf.AddUTF8FontFromBytes("mono", "B", liberationmonobold.TTF)
	pdf.SetTitle(s.Title, true)
	pdf.SetCreator("Waymark", true)
	created := s.Created
	if created.IsZero() {
		created = time.Now()
	}
	pdf.SetCreationDate(created)
	pdf.AddPage()

	pdf.SetFont("sans", "B", 22)
	pdf.MultiCell(textWidth, 10, s.Title, "", "L", false)
	pdf.Ln(4)

	pdf.SetFont("sans", "", bodySize)
	for _, p := range s.Paragraphs {
		pdf.MultiCell(textWidth, bodyLeading, p, "", "L", false)
		pdf.Ln(3)
	}
	pdf.Ln(4)

	pdf.SetFont("sans", "B", bodySize)
	pdf.CellFormat(textWidth, bodyLeading, s.KeyLabel, "", 1, "L", false, 0, "")
	pdf.Ln(2)
	lines := KeyLines(s.Key, KeyGroupsPerLine)
	boxTop := pdf.GetY()
	boxHeight := float64(len(lines))*keyLeading + 8
	pdf.SetDrawColor(0, 0, 0)
	pdf.SetLineWidth(0.6)
	pdf.Rect(pageMargin, boxTop, textWidth, boxHeight, "D")
	pdf.SetY(boxTop + 4)
	pdf.SetFont("mono", "B", keySize)
	for _, line := range lines {
		pdf.CellFormat(textWidth, keyLeading, line, "", 1, "C", false, 0, "")
	}
	pdf.SetY(boxTop + boxHeight + 12)

	pdf.SetFont("sans", "", bodySize)
	pdf.SetLineWidth(0.3)
	for _, label := range s.WriteIns {
		y := pdf.GetY()
		pdf.CellFormat(0, bodyLeading, label, "", 0, "L", false, 0, "")
		labelEnd := pageMargin + pdf.GetStringWidth(label) + 3
		pdf.Line(labelEnd, y+bodyLeading, pageMargin+textWidth, y+bodyLeading)
		pdf.SetY(y + bodyLeading + 8)
	}

	footerTop := pageHeight - pageMargin - 2*footerLeading
	if pdf.GetY() > footerTop {
		return ErrTooLong
	}
	if s.Footer != "" {
		pdf.SetY(footerTop)
		pdf.SetFont("sans", "", 9)
		pdf.MultiCell(textWidth, footerLeading, s.Footer, "", "L", false)
	}

	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("lay out recovery sheet: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write recovery sheet: %w", err)
	}
	return nil
}
