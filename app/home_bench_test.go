package app

import (
	"fmt"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"waymark/storage"
)

// BenchmarkHomeKeystroke is what the UI goroutine does for one keystroke in the search box
// with 10,000 cases loaded: search the loaded list, put the rows in the table's binding, and
// refresh the count and the table. Each iteration types the next prefix of a name, starting
// again after the whole name. The budget is 30 ms.
func BenchmarkHomeKeystroke(b *testing.B) {
	for _, typed := range []string{"stefan pop", "wm-0987"} {
		b.Run(typed, func(b *testing.B) {
			s := benchHome(b, 10000)
			var prefixes []string
			for i := range []rune(typed) {
				prefixes = append(prefixes, string([]rune(typed)[:i+1]))
			}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				s.filters.search.SetText(prefixes[i%len(prefixes)])
			}
		})
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
	first := []string{"Ștefan", "Maria", "Łukasz", "Ioana", "Andrzej", "Elena", "Małgorzata", "John"}
	last := []string{"Popescu", "Nowak", "Ionescu", "Kowalski", "Țurcanu", "Wiśniewska", "Smith", "Brown"}
	list := make([]storage.CaseSummary, n)
	for i := range list {
		list[i] = storage.CaseSummary{
			ID: fmt.Sprintf("%032x", i), Reference: fmt.Sprintf("WM-%05d", i),
			Name:     first[i%len(first)] + " " + last[(i/len(first))%len(last)],
			Language: []string{"ro", "pl", "en"}[i%3], Status: storage.CaseOpen,
			Opened: "2026-01-01", Review: fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+i%28),
		}
	}
	s.showList(list, nil)
	return s
}
