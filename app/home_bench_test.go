package app

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"waymark/eligibility"
	"waymark/jobs"
	"waymark/storage"
)

// BenchmarkHomeKeystroke is what the UI goroutine does for one keystroke in the search box
// with 10,000 cases loaded: search the loaded list, put the rows in the table's binding, and
// refresh the count and the table. Each iteration types the next prefix of a name, starting
// again after the whole name. The budget is 30 ms.
func BenchmarkHomeKeystroke(b *testing.B) {
	for _, bc := range []struct{ name, typed, adviser string }{
		{"stefan pop", "stefan pop", ""},
		{"wm-0987", "wm-0987", ""},
		{"by adviser", "maria", "Ewa Nowak"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			s := benchHome(b, 10000)
			if bc.adviser != "" {
				s.filters.adviser.SetSelected(bc.adviser)
			}
			var prefixes []string
			for i := range []rune(bc.typed) {
				prefixes = append(prefixes, string([]rune(bc.typed)[:i+1]))
			}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				s.filters.search.SetText(prefixes[i%len(prefixes)])
			}
		})
	}
}

// BenchmarkHomePrepare10k is the part of showing the home screen that runs off the UI
// goroutine once the list is read: indexing 10,000 summaries for search and working out every
// open case's deadlines and overdue steps.
func BenchmarkHomePrepare10k(b *testing.B) {
	list := benchSummaries(10000)
	b.ReportAllocs()
	for b.Loop() {
		_ = prepareHome(list, testDay)
	}
}

// BenchmarkHomeDue10k is the deadline part of BenchmarkHomePrepare10k alone.
func BenchmarkHomeDue10k(b *testing.B) {
	list := benchSummaries(10000)
	pack := homePack()
	b.ReportAllocs()
	for b.Loop() {
		_ = workOutDue(list, pack, testDay)
	}
}

// BenchmarkHomeShow10k is what the UI goroutine does when the prepared list of 10,000 cases
// arrives: fill the filters, the side lists and the table.
func BenchmarkHomeShow10k(b *testing.B) {
	s := benchHome(b, 10000)
	prepared := prepareHome(benchSummaries(10000), testDay)
	b.ReportAllocs()
	for b.Loop() {
		s.showIndex(prepared, nil)
	}
}

// benchHome is a home screen in a real window over n made-up case summaries.
func benchHome(b *testing.B, n int) *casesScreen {
	b.Helper()
	a := test.NewTempApp(b)
	path := filepath.Join(b.TempDir(), "vault.db")
	sess, _, err := storage.Create(path, adminName, []byte(adminPass), testOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		sess.Lock()
		_ = sess.Vault().Close()
	})
	run := &stepRunner{}
	u := newUI(a, path, testOptions(), run.run, (&fakeClock{t: testDay}).now)
	u.win.Resize(fyne.NewSize(1024, 700))
	u.session = sess
	s := newCasesScreen(u)
	u.show(s)
	run.flush()
	s.showList(benchSummaries(n), nil)
	run.flush()
	return s
}

// benchSummaries are n made-up summaries as a large organisation's vault gives them: most
// cases with key dates, a refused claim or a plan step with a date, six advisers.
func benchSummaries(n int) []storage.CaseSummary {
	first := []string{"Ștefan", "Maria", "Łukasz", "Ioana", "Andrzej", "Elena", "Małgorzata", "John"}
	last := []string{"Popescu", "Nowak", "Ionescu", "Kowalski", "Țurcanu", "Wiśniewska", "Smith", "Brown"}
	advisers := []string{"Ana Popescu", "Bogdan Ionescu", "Ewa Nowak", "John Smith", "Ioana Radu", "Piotr Zając"}
	nations := []eligibility.Nation{eligibility.England, eligibility.Wales, eligibility.Scotland, eligibility.NorthernIreland}
	rg := eligibility.RGPositive
	list := make([]storage.CaseSummary, n)
	for i := range list {
		day := func(month int) string { return fmt.Sprintf("2026-%02d-%02d", 1+(i+month)%12, 1+i%28) }
		nation := nations[i%len(nations)]
		dates := &storage.CaseDates{
			KeyDates: eligibility.KeyDates{ReasonableGrounds: day(0), LeaveGranted: day(1), LeaveExpires: fmt.Sprintf("2027-%02d-%02d", 1+i%12, 1+i%28),
				BenefitDecisions: []eligibility.BenefitDecision{{Benefit: "universal_credit", Decided: day(3), Refused: i%2 == 0}}},
			DeadlineFacts: eligibility.Facts{Nation: &nation, NRMReasonableGrounds: &rg},
			NextStep:      jobs.Step{Code: "register_gp", Text: "Register with a doctor (GP). It is free.", Owner: jobs.OwnerSurvivor, Due: day(5)},
		}
		if i%5 == 0 {
			dates = nil // a case with nothing dated yet
		}
		list[i] = storage.CaseSummary{
			ID: fmt.Sprintf("%032x", i), Reference: fmt.Sprintf("WM-%05d", i),
			Name:     first[i%len(first)] + " " + last[(i/len(first))%len(last)],
			Language: []string{"ro", "pl", "en"}[i%3], Status: storage.CaseOpen,
			Opened: "2026-01-01", Review: fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+i%28),
			Adviser: advisers[i%len(advisers)], Dates: dates,
		}
	}
	return list
}
