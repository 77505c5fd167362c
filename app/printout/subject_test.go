package printout

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"waymark/jobs/planpdf/pdftext"
)

// sampleReport is a small report as the app words it, with personal data in places the
// metadata must never show.
func sampleReport() SubjectReport {
	return SubjectReport{
		Title: "Your information",
		Intro: []string{"This is everything Waymark keeps about you, as it was on 23 November 2026."},
		Sections: []SubjectSection{
			{Heading: "Details", Rows: []SubjectRow{
				{Label: "Case reference", Value: "WM-0077"},
				{Label: "Name", Value: "Maria Ionescu-Țăranu"},
				{Label: "Language", Value: "Română"},
			}},
			{Heading: "Notes", Rows: []SubjectRow{
				{Value: "2026-11-20 · Ana Popescu\nWants to work in a bakery; Polish: źdźbło, łódź."},
			}},
			{Heading: "Outcomes", Empty: "Nothing recorded."},
		},
		Footer:   "Reference WM-0077 · page " + PagePlaceholder + " of " + PageCountAlias,
		Replaced: "Some characters are shown as " + ReplacementMark + ".",
		DocTitle: "Information held about a person",
		Created:  time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC),
	}
}

func writeReport(t *testing.T, r SubjectReport) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Write(&buf); err != nil {
		t.Fatalf("Write: %v", err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("output does not start as a PDF: %q", buf.Bytes()[:min(8, buf.Len())])
	}
	return buf.Bytes()
}

func TestSubjectReportPrintsEverySection(t *testing.T) {
	pages := pdfText(t, writeReport(t, sampleReport()))
	if len(pages) != 1 {
		t.Fatalf("%d pages, want 1", len(pages))
	}
	for _, want := range []string{
		"Your information", "Details", "Case reference", "WM-0077", "Maria Ionescu-Țăranu", "Română",
		"Notes", "2026-11-20 · Ana Popescu", "źdźbło, łódź.", "Outcomes", "Nothing recorded.",
		"Reference WM-0077 · page 1 of 1",
	} {
		if !strings.Contains(pages[0], want) {
			t.Errorf("page does not show %q:\n%s", want, pages[0])
		}
	}
	if strings.Contains(pages[0], "Some characters") {
		t.Error("the replacement sentence is printed though nothing was replaced")
	}
}

func TestSubjectReportMetadataHoldsNoPersonalData(t *testing.T) {
	info := pdfInfo(t, writeReport(t, sampleReport()))
	if !strings.Contains(info, "Information held about a person") {
		t.Errorf("metadata lacks the generic title: %s", info)
	}
	for _, leak := range []string{"WM-0077", "Maria", "Ionescu", "Ana Popescu", "/Author", "/Subject", "/Keywords"} {
		if strings.Contains(info, leak) {
			t.Errorf("metadata holds %q: %s", leak, info)
		}
	}
}

func TestSubjectReportReplacesWhatTheFontCannotShow(t *testing.T) {
	r := sampleReport()
	r.Sections[1].Rows = append(r.Sections[1].Rows, SubjectRow{Label: "Skills", Value: "漢字 cooking 🍞"})
	pages := pdfText(t, writeReport(t, r))
	text := strings.Join(pages, "\n")
	if !strings.Contains(text, "□□ cooking □") || !strings.Contains(text, "Some characters are shown as □.") {
		t.Errorf("uncovered characters not marked, or not explained:\n%s", text)
	}
	if ok, err := Covered(text); err != nil || !ok {
		t.Errorf("printed text has a character the font lacks (%v)", err)
	}
}

func TestSubjectReportTextIsNormalised(t *testing.T) {
	g, err := newGlyphs()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"s\u0326i t\u0326ara", "și țara"}, // decomposed comma below → precomposed
		{"a\tb\r\nc\rd", "a b\nc\nd"},
		{"no\u00a0break", "no break"},
		{"ok", "ok"},
	} {
		if got, rep := g.text(tc.in); got != tc.want || rep {
			t.Errorf("text(%q) = %q (replaced %v), want %q", tc.in, got, rep, tc.want)
		}
	}
}

func TestSubjectReportBreaksLongRecordsOverPages(t *testing.T) {
	r := sampleReport()
	var rows []SubjectRow
	for i := range 120 {
		rows = append(rows, SubjectRow{Label: "Note " + strconv.Itoa(i+1), Value: strings.Repeat("A long note that wraps. ", 6)})
	}
	rows = append(rows, SubjectRow{Label: "Unbroken", Value: strings.Repeat("x", 400)})
	r.Sections = append(r.Sections, SubjectSection{Heading: "Many notes", Rows: rows})
	pages := pdfText(t, writeReport(t, r))
	if len(pages) < 4 {
		t.Fatalf("%d pages for 120 long notes, want at least 4", len(pages))
	}
	n := strconv.Itoa(len(pages))
	for i, p := range pages {
		if want := "Reference WM-0077 · page " + strconv.Itoa(i+1) + " of " + n; !strings.Contains(p, want) {
			t.Errorf("page %d lacks its footer %q", i+1, want)
		}
	}
	all := strings.Join(pages, "")
	if !strings.Contains(all, "Note 120") || strings.Count(all, "x") < 400 {
		t.Error("the end of the record is missing")
	}
}

func TestSubjectReportRefusesAnEmptyReport(t *testing.T) {
	for _, r := range []SubjectReport{{}, {Title: "Your information"}, {Sections: sampleReport().Sections}} {
		var buf bytes.Buffer
		if err := r.Write(&buf); !errors.Is(err, ErrEmptyReport) || buf.Len() != 0 {
			t.Errorf("Write(%+v) = %v with %d bytes, want ErrEmptyReport and nothing", r, err, buf.Len())
		}
	}
}

// pdfText reads back what each page shows (pdftext.Pages).
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	pages, err := pdftext.Pages(pdf)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// pdfInfo returns the document information dictionary as text (pdftext.Info).
func pdfInfo(t *testing.T, pdf []byte) string {
	t.Helper()
	info, err := pdftext.Info(pdf)
	if err != nil {
		t.Fatal(err)
	}
	return info
}
