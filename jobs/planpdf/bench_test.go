package planpdf

import (
	"io"
	"testing"

	"waymark/locales"
)

// twoPageInput is a short plan, a safe print in Romanian beside English with two steps, a
// benefit and the page of phone numbers: two A4 pages.
func twoPageInput(t testing.TB) Input {
	in := sampleInput(t, "ro", true)
	in.Steps = in.Steps[:2]
	return in
}

func TestTwoPageInputHasTwoPages(t *testing.T) {
	if n := len(pdfText(t, renderBytes(t, twoPageInput(t)))); n != 2 {
		t.Fatalf("benchmark plan has %d pages, want 2", n)
	}
}

// BenchmarkRenderTwoPages measures a two-page plan from input to bytes; the budget is 150 ms.
func BenchmarkRenderTwoPages(b *testing.B) {
	in := twoPageInput(b)
	ro, en := locales.New("ro"), locales.New("en")
	b.ReportAllocs()
	for b.Loop() {
		if err := Render(io.Discard, in, ro, en); err != nil {
			b.Fatal(err)
		}
	}
}
