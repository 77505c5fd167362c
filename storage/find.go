package storage

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Finding cases works on the summaries ListCases returned, in memory, with no database and no
// key: the adviser searches as they type, and a query over 10,000 cases must answer well inside
// one keystroke. A CaseIndex folds every reference and name once when the list is loaded and
// sorts it once per order, so a keystroke only compares short strings.

// Query is what the adviser asks the case list for. The zero Query matches every case.
type Query struct {
	// Text is what was typed in the search box. Each word must appear somewhere in the case's
	// reference or name; case, accents and the way letters were composed are ignored, so
	// "stefan" finds "Ștefan" and "lukasz" finds "Łukasz". Punctuation in a reference is
	// optional: "wm0012" finds "WM-0012".
	Text string
	// Status keeps only cases with this status; "" keeps both.
	Status CaseStatus
	// ReviewDue, a YYYY-MM-DD day, keeps only cases whose plan review date is on or before
	// it (due that day or overdue); "" does not look at review dates.
	ReviewDue string
	// Language keeps only cases whose survivor speaks this language code; "" keeps all.
	Language string
	// Adviser keeps only the cases of the adviser with this name (CaseSummary.Adviser); ""
	// keeps all, including cases with no adviser recorded.
	Adviser string
}

// SortKey is an order for the case list. Each has the direction an adviser reads it in, and
// ties keep the reference order, so the list never jumps about between keystrokes.
type SortKey int

// The orders.
const (
	SortReference SortKey = iota // by reference, as ListCases returns them
	SortOpened                   // newest first
	SortReview                   // soonest review first; cases without a review date last
	SortName                     // by name, accents and case ignored; cases without a name last
	sortKeys                     // how many orders there are
)

// CaseIndex is a loaded case list prepared for Find. It is built once per list and never
// changed, so it is safe for concurrent use; build it off the UI goroutine with the list.
type CaseIndex struct {
	cases []CaseSummary
	// hay is each case's folded reference, folded name and reference without punctuation,
	// separated by a byte no folded search word contains.
	hay    []string
	orders [sortKeys][]int32 // positions in cases, in each order
	byID   map[string]int32
}

// NewCaseIndex prepares list for searching. The index keeps list; the caller must not change
// it afterwards.
func NewCaseIndex(list []CaseSummary) *CaseIndex {
	x := &CaseIndex{
		cases: list,
		hay:   make([]string, len(list)),
		byID:  make(map[string]int32, len(list)),
	}
	names := make([]string, len(list)) // folded names, the name order's key
	refs := make([]string, len(list))  // ListCases's reference key
	var b strings.Builder
	for i, c := range list {
		ref, name := foldText(c.Reference), foldText(c.Name)
		names[i], refs[i] = name, normalizeReference(c.Reference)
		b.Reset()
		b.Grow(2*len(ref) + len(name) + 2)
		b.WriteString(ref)
		b.WriteByte(haySep)
		b.WriteString(name)
		b.WriteByte(haySep)
		b.WriteString(compact(ref))
		x.hay[i] = b.String()
		x.byID[c.ID] = int32(i)
	}
	byRef := func(a, b int32) int {
		return cmp.Or(cmp.Compare(refs[a], refs[b]), cmp.Compare(list[a].Reference, list[b].Reference), cmp.Compare(a, b))
	}
	x.orders[SortReference] = sortedPositions(len(list), byRef)
	x.orders[SortOpened] = sortedPositions(len(list), func(a, b int32) int {
		return cmp.Or(cmp.Compare(list[b].Opened, list[a].Opened), byRef(a, b))
	})
	x.orders[SortReview] = sortedPositions(len(list), func(a, b int32) int {
		return cmp.Or(emptyLast(list[a].Review, list[b].Review), cmp.Compare(list[a].Review, list[b].Review), byRef(a, b))
	})
	x.orders[SortName] = sortedPositions(len(list), func(a, b int32) int {
		return cmp.Or(emptyLast(names[a], names[b]), cmp.Compare(names[a], names[b]),
			cmp.Compare(list[a].Name, list[b].Name), byRef(a, b))
	})
	return x
}

// haySep separates the parts of a case's search text; foldText never lets it into a word.
const haySep = 0

// sortedPositions returns 0..n-1 sorted by compare.
func sortedPositions(n int, compare func(a, b int32) int) []int32 {
	p := make([]int32, n)
	for i := range p {
		p[i] = int32(i)
	}
	slices.SortFunc(p, compare)
	return p
}

// emptyLast orders a non-empty value before an empty one and says nothing about two of a kind.
func emptyLast(a, b string) int {
	switch {
	case a == "" && b != "":
		return 1
	case a != "" && b == "":
		return -1
	}
	return 0
}

// Len is how many cases the index holds.
func (x *CaseIndex) Len() int { return len(x.cases) }

// Case returns the summary of the case with this id, if the list has it.
func (x *CaseIndex) Case(id string) (CaseSummary, bool) {
	i, ok := x.byID[id]
	if !ok {
		return CaseSummary{}, false
	}
	return x.cases[i], true
}

// Languages lists the distinct language codes of the cases, sorted, for a language filter that
// offers only languages someone on the list speaks.
func (x *CaseIndex) Languages() []string {
	var codes []string
	for _, c := range x.cases {
		if c.Language != "" && !slices.Contains(codes, c.Language) {
			codes = append(codes, c.Language)
		}
	}
	slices.Sort(codes)
	return codes
}

// Advisers lists the distinct advisers responsible for the cases, sorted by name with case
// and accents ignored, for an adviser filter that offers only advisers who have cases.
func (x *CaseIndex) Advisers() []string {
	seen := map[string]bool{}
	var names []string
	for _, c := range x.cases {
		if c.Adviser != "" && !seen[c.Adviser] {
			seen[c.Adviser] = true
			names = append(names, c.Adviser)
		}
	}
	folded := make(map[string]string, len(names))
	for _, n := range names {
		folded[n] = foldText(n)
	}
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(cmp.Compare(folded[a], folded[b]), cmp.Compare(a, b))
	})
	return names
}

// Find returns the cases that match q, in the order by. The result is a new slice.
func (x *CaseIndex) Find(q Query, by SortKey) []CaseSummary {
	if by < 0 || by >= sortKeys {
		by = SortReference
	}
	words := strings.Fields(foldText(q.Text))
	loose := make([]string, len(words)) // each word without punctuation, for references
	for i, w := range words {
		if c := compact(w); c != w {
			loose[i] = c
		}
	}
	// Positions first, then one copy of exactly the matches: a short prefix matches most of
	// the list, and growing a slice of summaries as it goes would copy them several times.
	var hits []int32
	for _, i := range x.orders[by] {
		c := &x.cases[i]
		if q.Status != "" && c.Status != q.Status ||
			q.Language != "" && c.Language != q.Language ||
			q.Adviser != "" && c.Adviser != q.Adviser ||
			q.ReviewDue != "" && (c.Review == "" || c.Review > q.ReviewDue) {
			continue
		}
		if matchesAll(x.hay[i], words, loose) {
			hits = append(hits, i)
		}
	}
	if len(hits) == 0 {
		return nil
	}
	out := make([]CaseSummary, len(hits))
	for j, i := range hits {
		out[j] = x.cases[i]
	}
	return out
}

// matchesAll reports whether every word, or the same word without punctuation (loose, "" when
// it has none), is in hay.
func matchesAll(hay string, words, loose []string) bool {
	for i, w := range words {
		if !strings.Contains(hay, w) && (loose[i] == "" || !strings.Contains(hay, loose[i])) {
			return false
		}
	}
	return true
}

// foldText makes text comparable the way a person reads it: lower case, accents and other
// combining marks removed whether the text came composed or decomposed, and the letters
// that carry their mark inside them (Polish ł, Nordic ø, German ß) spelt in plain letters.
// Control characters are dropped.
func foldText(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c < ' ' || c == 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	var it norm.Iter
	it.InitString(norm.NFD, s)
	for !it.Done() {
		for _, r := range string(it.Next()) {
			if unicode.Is(unicode.Mn, r) || unicode.IsControl(r) {
				continue
			}
			r = unicode.ToLower(r)
			if plain, ok := plainLetters[r]; ok {
				b.WriteString(plain)
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plainLetters spells the letters that Unicode does not decompose into a plain letter and a
// mark, so a name typed on an English keyboard still finds them.
var plainLetters = map[rune]string{
	'ł': "l", 'đ': "d", 'ð': "d", 'ø': "o", 'ß': "ss", 'æ': "ae", 'œ': "oe",
	'ı': "i", 'ħ': "h", 'ŧ': "t", 'þ': "th",
}

// compact keeps only the letters and digits of folded text: references are typed with and
// without their dashes, slashes and spaces.
func compact(s string) string {
	keep := true
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			keep = false
			break
		}
	}
	if keep {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}
