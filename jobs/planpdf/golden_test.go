package planpdf

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
)

// goldens are the plans reviewed by eye: rendered to PNG with /work/shared/tools/pdf-preview
// after `WAYMARK_PLAN_OUT=/tmp/plans go test ./jobs/planpdf -run Golden`.
var goldens = []struct {
	name string
	lang string
	safe bool
	page PageSize
}{
	{"plan-ro.pdf", "ro", false, A4},
	{"plan-ro-safe.pdf", "ro", true, A4},
	{"plan-pl-letter.pdf", "pl", false, Letter},
	{"plan-pl-safe.pdf", "pl", true, A4},
	{"plan-en.pdf", "en", false, A4},
}

// TestGoldenPlans renders each golden and checks what can be checked without eyes: it is a PDF,
// every page has a footer with its number, and no text is placed outside the printable area
// (which is how an overflowing row or a wrong page break shows up).
func TestGoldenPlans(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.name, func(t *testing.T) {
			in := sampleInput(t, g.lang, g.safe)
			in.Page = g.page
			pdf := renderBytes(t, in)
			keep(t, g.name, pdf)
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
				t.Fatal("not a PDF")
			}
			pages := pdfText(t, pdf)
			if len(pages) < 2 {
				t.Fatalf("%d pages, want the plan and the page of phone numbers", len(pages))
			}
			w, h := pageSizes[g.page][0], pageSizes[g.page][1]
			for i, stream := range pageStreams(t, pdf) {
				for _, m := range textPos.FindAllSubmatch(stream, -1) {
					x, _ := strconv.ParseFloat(string(m[1]), 64)
					y, _ := strconv.ParseFloat(string(m[2]), 64)
					if x < margin*mmToPt-0.5 || x > w-margin*mmToPt || y < marginY*mmToPt-0.5 || y > h-marginY*mmToPt {
						t.Errorf("page %d: text at (%.1f, %.1f) pt is outside the printable area of %.0f×%.0f", i+1, x, y, w, h)
					}
				}
			}
		})
	}
}

// mmToPt converts the layout's millimetres to the PDF's points.
const mmToPt = 72 / 25.4

// pageSizes are the page sizes in points.
var pageSizes = map[PageSize][2]float64{A4: {595.28, 841.89}, Letter: {612, 792}}

// textPos matches where a line of text starts: "BT x y Td".
var textPos = regexp.MustCompile(`BT ([0-9.]+) ([0-9.]+) Td`)

// pageStreams returns the content streams that draw text, one per page.
func pageStreams(t *testing.T, pdf []byte) [][]byte {
	t.Helper()
	var out [][]byte
	for _, s := range pdfStreams(t, pdf) {
		if bytes.Contains(s, []byte("Tj")) {
			out = append(out, s)
		}
	}
	return out
}
