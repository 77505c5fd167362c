package storage

import (
	"fmt"
	"slices"
	"testing"
)

func TestFoldText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"WM-0012", "wm-0012"},
		{"\u0218tefan", "stefan"},                       // Ș composed, comma below
		{"S\u0326tefan", "stefan"},                      // the same, decomposed
		{"\u015Eerban \u0162epe\u015F", "serban tepes"}, // cedilla forms typed on older keyboards
		{"Ioana Mărgărit", "ioana margarit"},
		{"Îndrăzneț", "indraznet"},
		{"ŁUKASZ Wałęsa", "lukasz walesa"},
		{"Zażółć gęślą jaźń", "zazolc gesla jazn"},
		{"Strauß Øre Æsir", "strauss ore aesir"},
		{"a\x00b\tc", "abc"}, // control characters never reach the search text
		{"", ""},
	}
	for _, tc := range tests {
		if got := foldText(tc.in); got != tc.want {
			t.Errorf("foldText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// findList is a small list with the awkward cases in it: diacritics composed and decomposed,
// names missing, ties on every sort key.
var findList = []CaseSummary{
	{ID: "a1", Reference: "WM-0003", Name: "\u0218tefan Popescu", Language: "ro", Status: CaseOpen, Opened: "2026-03-01", Review: "2026-11-20", Adviser: "Ana Popescu"},
	{ID: "a2", Reference: "WM-0001", Name: "Łukasz Nowak", Language: "pl", Status: CaseOpen, Opened: "2026-05-10", Review: "2026-11-23", Adviser: "bogdan"},
	{ID: "a3", Reference: "WM-0002", Name: "", Language: "en", Status: CaseClosed, Opened: "2026-01-15", Review: "2026-10-01", Closed: "2026-09-30"}, // no adviser recorded
	{ID: "a4", Reference: "wm-0010", Name: "Maria Ionescu", Language: "ro", Status: CaseOpen, Opened: "2026-05-10", Review: "", Adviser: "Ana Popescu"},
	{ID: "a5", Reference: "BH/22/7", Name: "S\u0326tefania Pop", Language: "ro", Status: CaseClosed, Opened: "2025-12-01", Review: "2026-12-01", Closed: "2026-02-01", Adviser: "Łucja Wójcik"},
	{ID: "a6", Reference: "WM-0004", Name: "maria pop", Language: "en", Status: CaseOpen, Opened: "2026-03-01", Review: "2026-11-24", Adviser: "Bogdan"},
}

func refsOf(list []CaseSummary) []string {
	refs := []string{}
	for _, c := range list {
		refs = append(refs, c.Reference)
	}
	return refs
}

func TestFindText(t *testing.T) {
	x := NewCaseIndex(findList)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty finds all, by reference", "", []string{"BH/22/7", "WM-0001", "WM-0002", "WM-0003", "WM-0004", "wm-0010"}},
		{"blank is empty", "   ", []string{"BH/22/7", "WM-0001", "WM-0002", "WM-0003", "WM-0004", "wm-0010"}},
		{"plain letters find comma below, composed and decomposed", "stefan", []string{"BH/22/7", "WM-0003"}},
		{"diacritics typed find the same", "ȘTEFAN", []string{"BH/22/7", "WM-0003"}},
		{"cedilla typed finds comma below", "ştefania", []string{"BH/22/7"}},
		{"Polish ł from l", "lukasz", []string{"WM-0001"}},
		{"part of a word", "owa", []string{"WM-0001"}},
		{"every word must match", "maria pop", []string{"WM-0004"}},
		{"words in any order", "pop maria", []string{"WM-0004"}},
		{"reference, any case", "wm-001", []string{"wm-0010"}},
		{"reference without its dash", "wm0003", []string{"WM-0003"}},
		{"reference with other punctuation", "bh-22-7", []string{"BH/22/7"}},
		{"digits of a reference", "0002", []string{"WM-0002"}},
		{"reference and name together", "0003 popescu", []string{"WM-0003"}},
		{"no match", "zzz", nil},
		{"words never match across reference and name", "0003stefan", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := x.Find(Query{Text: tc.text}, SortReference)
			if !slices.Equal(refsOf(got), append([]string{}, tc.want...)) {
				t.Errorf("Find(%q) = %q, want %q", tc.text, refsOf(got), tc.want)
			}
		})
	}
}

func TestFindFilters(t *testing.T) {
	x := NewCaseIndex(findList)
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"open", Query{Status: CaseOpen}, []string{"WM-0001", "WM-0003", "WM-0004", "wm-0010"}},
		{"closed", Query{Status: CaseClosed}, []string{"BH/22/7", "WM-0002"}},
		{"language", Query{Language: "ro"}, []string{"BH/22/7", "WM-0003", "wm-0010"}},
		{"review due on the day itself and overdue", Query{ReviewDue: "2026-11-23"}, []string{"WM-0001", "WM-0002", "WM-0003"}},
		{"review due the day before", Query{ReviewDue: "2026-11-22"}, []string{"WM-0002", "WM-0003"}},
		{"no review date is never due", Query{ReviewDue: "2099-01-01"}, []string{"BH/22/7", "WM-0001", "WM-0002", "WM-0003", "WM-0004"}},
		{"filters combine", Query{Status: CaseOpen, Language: "ro", ReviewDue: "2026-11-23"}, []string{"WM-0003"}},
		{"filters and text", Query{Text: "pop", Status: CaseOpen}, []string{"WM-0003", "WM-0004"}},
		{"unknown language", Query{Language: "de"}, nil},
		{"adviser", Query{Adviser: "Ana Popescu"}, []string{"WM-0003", "wm-0010"}},
		{"adviser names are not folded: two advisers", Query{Adviser: "Bogdan"}, []string{"WM-0004"}},
		{"adviser and status", Query{Adviser: "Łucja Wójcik", Status: CaseClosed}, []string{"BH/22/7"}},
		{"adviser and text", Query{Adviser: "Ana Popescu", Text: "maria"}, []string{"wm-0010"}},
		{"adviser and review due", Query{Adviser: "bogdan", ReviewDue: "2026-11-23"}, []string{"WM-0001"}},
		{"unknown adviser", Query{Adviser: "Nobody"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := x.Find(tc.q, SortReference)
			if !slices.Equal(refsOf(got), append([]string{}, tc.want...)) {
				t.Errorf("Find(%+v) = %q, want %q", tc.q, refsOf(got), tc.want)
			}
		})
	}
}

func TestAdvisersOfTheList(t *testing.T) {
	// Sorted as a person reads them, case and accents ignored; no entry for the case without
	// an adviser.
	want := []string{"Ana Popescu", "Bogdan", "bogdan", "Łucja Wójcik"}
	if got := NewCaseIndex(findList).Advisers(); !slices.Equal(got, want) {
		t.Errorf("Advisers = %q, want %q", got, want)
	}
	if got := NewCaseIndex(nil).Advisers(); got != nil {
		t.Errorf("Advisers of no cases = %q", got)
	}
}

func TestFindOrders(t *testing.T) {
	tests := []struct {
		by   SortKey
		want []string
	}{
		// References compare as ListCases does: case folded, so "wm-0010" sorts after "WM-0004".
		{SortReference, []string{"BH/22/7", "WM-0001", "WM-0002", "WM-0003", "WM-0004", "wm-0010"}},
		// Newest first; the two opened on 2026-05-10 and the two on 2026-03-01 keep reference order.
		{SortOpened, []string{"WM-0001", "wm-0010", "WM-0003", "WM-0004", "WM-0002", "BH/22/7"}},
		// Soonest review first, no review date last.
		{SortReview, []string{"WM-0002", "WM-0003", "WM-0001", "WM-0004", "BH/22/7", "wm-0010"}},
		// Accents and case ignored (Łukasz sorts as "lukasz", Ștefan as "stefan"), no name last.
		{SortName, []string{"WM-0001", "wm-0010", "WM-0004", "WM-0003", "BH/22/7", "WM-0002"}},
		{SortKey(99), []string{"BH/22/7", "WM-0001", "WM-0002", "WM-0003", "WM-0004", "wm-0010"}},
	}
	// The order must not depend on the order the list came in.
	shuffled := []CaseSummary{findList[4], findList[2], findList[0], findList[5], findList[3], findList[1]}
	for _, list := range [][]CaseSummary{findList, shuffled} {
		x := NewCaseIndex(list)
		for _, tc := range tests {
			if got := refsOf(x.Find(Query{}, tc.by)); !slices.Equal(got, tc.want) {
				t.Errorf("order %d = %q, want %q", tc.by, got, tc.want)
			}
		}
	}
}

func TestFindOrdersTiesByReference(t *testing.T) {
	var list []CaseSummary
	for i := 20; i > 0; i-- {
		list = append(list, CaseSummary{ID: fmt.Sprint(i), Reference: fmt.Sprintf("R-%02d", i), Name: "Same Name",
			Opened: "2026-01-01", Review: "2026-02-02", Status: CaseOpen})
	}
	x := NewCaseIndex(list)
	for by := SortReference; by < sortKeys; by++ {
		got := refsOf(x.Find(Query{}, by))
		if !slices.IsSorted(got) {
			t.Errorf("order %d does not keep reference order for ties: %q", by, got)
		}
	}
}

func TestCaseIndexLookups(t *testing.T) {
	x := NewCaseIndex(findList)
	if x.Len() != len(findList) {
		t.Errorf("Len = %d", x.Len())
	}
	if c, ok := x.Case("a4"); !ok || c.Reference != "wm-0010" {
		t.Errorf("Case(a4) = %+v, %v", c, ok)
	}
	if _, ok := x.Case("nope"); ok {
		t.Error("Case found an id that is not on the list")
	}
	if got := x.Languages(); !slices.Equal(got, []string{"en", "pl", "ro"}) {
		t.Errorf("Languages = %q", got)
	}
	empty := NewCaseIndex(nil)
	if empty.Len() != 0 || len(empty.Find(Query{Text: "a"}, SortName)) != 0 || empty.Languages() != nil {
		t.Error("an empty index found something")
	}
}

// benchList is n summaries with realistic Romanian, Polish and English names, some written
// decomposed, a few without a name, a spread of dates and review dates.
func benchList(n int) []CaseSummary {
	first := []string{"Ștefan", "Maria", "Łukasz", "Ioana", "Andrzej", "Elena", "Małgorzata", "John",
		"S\u0326erban", "Agnieszka", "Mihai", "Zofia", "Gheorghe", "Wojciech", "Ana", "Tomasz"}
	last := []string{"Popescu", "Nowak", "Ionescu", "Kowalski", "Țurcanu", "Wiśniewska", "Smith",
		"Dumitrescu", "Wójcik", "Mărgărit", "Lewandowski", "Constantinescu", "Zieliński", "Brown"}
	langs := []string{"ro", "pl", "en", "ro", "pl"}
	list := make([]CaseSummary, n)
	for i := range list {
		name := first[i%len(first)] + " " + last[(i/len(first))%len(last)]
		if i%50 == 0 {
			name = ""
		}
		status, closed := CaseOpen, ""
		if i%4 == 0 {
			status, closed = CaseClosed, "2026-06-01"
		}
		review := ""
		if i%3 != 0 {
			review = fmt.Sprintf("2026-%02d-%02d", 1+i%12, 1+i%28)
		}
		list[i] = CaseSummary{
			ID: fmt.Sprintf("%032x", i), Reference: fmt.Sprintf("WM-%05d", i), Name: name,
			Language: langs[i%len(langs)], Status: status, Closed: closed,
			Opened: fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+(i/12)%28), Review: review,
			Adviser: benchAdvisers[i%len(benchAdvisers)],
		}
	}
	return list
}

// benchAdvisers are the advisers of a large organisation's cases.
var benchAdvisers = []string{"Ana Popescu", "Bogdan Ionescu", "Ewa Nowak", "John Smith", "Ioana Radu", "Piotr Zając", ""}

// BenchmarkFindKeystroke is one keystroke of search-as-you-type over 10,000 cases: each
// iteration answers the next prefix of what the adviser types. The budget is 30 ms.
func BenchmarkFindKeystroke(b *testing.B) {
	x := NewCaseIndex(benchList(10000))
	for _, bc := range []struct {
		name, typed string
		q           Query
		by          SortKey
	}{
		{"name", "stefan pop", Query{}, SortReference},
		{"reference", "wm-09876", Query{}, SortReference},
		{"name_filtered_sorted", "maria", Query{Status: CaseOpen, Language: "ro", ReviewDue: "2026-11-23"}, SortName},
		{"one_letter_most_match", "a", Query{}, SortOpened},
		{"name_by_adviser", "stefan pop", Query{Adviser: "Ewa Nowak", Status: CaseOpen}, SortReview},
	} {
		var prefixes []string
		for i := range []rune(bc.typed) {
			prefixes = append(prefixes, string([]rune(bc.typed)[:i+1]))
		}
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				q := bc.q
				q.Text = prefixes[n%len(prefixes)]
				n++
				_ = x.Find(q, bc.by)
			}
		})
	}
}

// BenchmarkNewCaseIndex is the once-per-list cost of preparing 10,000 cases for search.
func BenchmarkNewCaseIndex(b *testing.B) {
	list := benchList(10000)
	b.ReportAllocs()
	for b.Loop() {
		_ = NewCaseIndex(list)
	}
}
