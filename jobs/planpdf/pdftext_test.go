package planpdf

import (
	"testing"

	"waymark/jobs/planpdf/pdftext"
)

// pdfText reads back what a plan shows, page by page (pdftext.Pages).
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	pages, err := pdftext.Pages(pdf)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// pdfStreams returns every stream of the file, inflated (pdftext.Streams).
func pdfStreams(t *testing.T, pdf []byte) [][]byte {
	t.Helper()
	streams, err := pdftext.Streams(pdf)
	if err != nil {
		t.Fatal(err)
	}
	return streams
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
