package printout

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
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

// pdfText reads back what each page shows from its content streams: gofpdf writes text in a
// UTF-8 font as UTF-16BE strings shown with Tj.
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	var pages []string
	for _, stream := range pdfStreams(t, pdf) {
		if !bytes.Contains(stream, []byte("BT ")) || !bytes.Contains(stream, []byte("Tj")) {
			continue
		}
		var lines []string
		for _, m := range tjString.FindAllSubmatch(stream, -1) {
			lines = append(lines, decodeUTF16(t, unescapePDF(m[1])))
		}
		pages = append(pages, strings.Join(lines, "\n"))
	}
	return pages
}

var tjString = regexp.MustCompile(`(?s)\(((?:\\.|[^\\)])*)\) ?Tj`)

func pdfStreams(t *testing.T, pdf []byte) [][]byte {
	t.Helper()
	var out [][]byte
	rest := pdf
	for {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			return out
		}
		rest = rest[i+len("stream\n"):]
		j := bytes.Index(rest, []byte("\nendstream"))
		if j < 0 {
			t.Fatal("stream without endstream")
		}
		raw := rest[:j]
		rest = rest[j+len("\nendstream"):]
		if zr, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
			if data, err := io.ReadAll(zr); err == nil {
				out = append(out, data)
				continue
			}
		}
		out = append(out, raw)
	}
}

func unescapePDF(s []byte) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			out = append(out, c)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			end := i + 1
			for end < len(s) && end < i+3 && s[end] >= '0' && s[end] <= '7' {
				end++
			}
			v, _ := strconv.ParseUint(string(s[i:end]), 8, 8)
			out = append(out, byte(v))
			i = end - 1
		default:
			out = append(out, e)
		}
	}
	return out
}

func decodeUTF16(t *testing.T, b []byte) string {
	t.Helper()
	if len(b)%2 != 0 {
		t.Fatalf("odd-length UTF-16 string % x", b)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// pdfInfo returns the document information dictionary with its UTF-16 strings decoded.
func pdfInfo(t *testing.T, pdf []byte) string {
	t.Helper()
	i := bytes.Index(pdf, []byte("/CreationDate"))
	if i < 0 {
		t.Fatal("no document information dictionary")
	}
	start := bytes.LastIndex(pdf[:i], []byte("<<"))
	end := bytes.Index(pdf[i:], []byte(">>"))
	dict := pdf[start : i+end+2]
	var out []byte
	for {
		i := bytes.Index(dict, []byte("(\xfe\xff"))
		if i < 0 {
			return string(append(out, dict...))
		}
		out = append(out, dict[:i+1]...)
		j := i + 3
		for j < len(dict) && dict[j] != ')' {
			if dict[j] == '\\' {
				j++
			}
			j++
		}
		out = append(out, decodeUTF16(t, unescapePDF(dict[i+3:j]))...)
		dict = dict[j:]
	}
}
