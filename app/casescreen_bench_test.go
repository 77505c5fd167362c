package app

import (
	"encoding/json"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"waymark/eligibility"
	"waymark/eligibility/interview"
	"waymark/locales"
)

// BenchmarkAnswerRedraw is what the UI goroutine does for one answer, without the save (which
// runs off it): record the answer, evaluate, and build the question and all fourteen result
// cards again.
func BenchmarkAnswerRedraw(b *testing.B) {
	test.NewTempApp(b)
	pack, _ := eligibility.DefaultRegistry.Lookup(casePack)
	n := eligibility.England
	iv := interview.New(pack, eligibility.Facts{Nation: &n}, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	tr := locales.New("en")
	rp := newResultsPanel()
	ip := newInterviewPanel(func() *locales.Translator { return tr }, iv, func() {}, func() { rp.show(tr, iv.Results()) })
	ages := []json.RawMessage{json.RawMessage("30"), json.RawMessage("31")}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := iv.Ask("age"); err != nil {
			b.Fatal(err)
		}
		ip.onSubmit(ages[i%2], nil)
	}
}
