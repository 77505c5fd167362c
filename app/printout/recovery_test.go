package printout

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestKeyLines(t *testing.T) {
	tests := []struct {
		name  string
		key   string
		per   int
		lines []string
	}{
		{"empty", "", 4, nil},
		{"blank", "   ", 4, nil},
		{"one group", "ABCD", 4, []string{"ABCD"}},
		{"exactly one line", "AAAA-BBBB-CCCC-DDDD", 4, []string{"AAAA-BBBB-CCCC-DDDD"}},
		{"one over a line", "AAAA-BBBB-CCCC-DDDD-EEEE", 4, []string{"AAAA-BBBB-CCCC-DDDD", "EEEE"}},
		{"two per line", "AAAA-BBBB-CCCC", 2, []string{"AAAA-BBBB", "CCCC"}},
		{"zero per line means one", "AAAA-BBBB", 0, []string{"AAAA", "BBBB"}},
		{"surrounding space trimmed", "  AAAA-BBBB \n", 4, []string{"AAAA-BBBB"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := KeyLines(tc.key, tc.per)
			if !slices.Equal(got, tc.lines) {
				t.Errorf("KeyLines(%q, %d) = %q, want %q", tc.key, tc.per, got, tc.lines)
			}
		})
	}
}

func sampleSheet() RecoverySheet {
	return RecoverySheet{
		Title: "Cheia de recuperare Waymark",
		Paragraphs: []string{
			"Această cheie deschide seiful dacă toate parolele consilierilor sunt pierdute.",
			"Păstrați foaia încuiată, departe de laptop. Zażółć gęślą jaźń.",
		},
		KeyLabel: "Cheia de recuperare",
		Key:      "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP-QRST",
		WriteIns: []string{"Organizația", "Păstrată de", "Data"},
		Footer:   "Tipărit din Waymark.",
		Created:  time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC),
	}
}

func TestRecoverySheetWritesOnePagePDFWithEmbeddedFonts(t *testing.T) {
	var buf bytes.Buffer
	if err := sampleSheet().Write(&buf); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("output does not start with %%PDF-: %q", pdf[:min(len(pdf), 16)])
	}
	if n := bytes.Count(pdf, []byte("/Type /Page\n")) + bytes.Count(pdf, []byte("/Type /Page ")); n != 1 {
		t.Errorf("page objects = %d, want 1", n)
	}
	// Three TrueType fonts (sans, sans bold, mono bold), each embedded as a font file.
	if n := bytes.Count(pdf, []byte("/FontFile2")); n != 3 {
		t.Errorf("embedded font files = %d, want 3", n)
	}
	if out := os.Getenv("WAYMARK_SHEET_OUT"); out != "" {
		// For looking at the sheet by eye: WAYMARK_SHEET_OUT=/tmp/sheet.pdf go test ./app/printout
		if err := os.WriteFile(out, pdf, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRecoverySheetRefusesWithoutKey(t *testing.T) {
	s := sampleSheet()
	s.Key = " "
	var buf bytes.Buffer
	if err := s.Write(&buf); !errors.Is(err, ErrNoKey) {
		t.Fatalf("err = %v, want ErrNoKey", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written for a refused sheet", buf.Len())
	}
}

func TestRecoverySheetRefusesTextThatSpillsOffThePage(t *testing.T) {
	s := sampleSheet()
	s.Paragraphs = []string{strings.Repeat("Too much text for one page. ", 400)}
	var buf bytes.Buffer
	if err := s.Write(&buf); !errors.Is(err, ErrTooLong) {
		t.Fatalf("err = %v, want ErrTooLong", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written for a refused sheet", buf.Len())
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestRecoverySheetReportsWriteFailure(t *testing.T) {
	if err := sampleSheet().Write(failingWriter{}); err == nil {
		t.Fatal("no error when the writer fails")
	}
}
