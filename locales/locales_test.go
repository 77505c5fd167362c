package locales

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// pluralForms are the CLDR cardinal categories each shipped language needs for a plural
// message (unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html).
var pluralForms = map[string][]string{
	"bg": {"one", "other"},
	"cs": {"one", "few", "many", "other"},
	"en": {"one", "other"},
	"hu": {"one", "other"},
	"lt": {"one", "few", "many", "other"},
	"lv": {"zero", "one", "other"},
	"nl": {"one", "other"},
	"pl": {"one", "few", "many", "other"},
	"ro": {"one", "few", "other"},
	"ru": {"one", "few", "many", "other"},
	"sk": {"one", "few", "many", "other"},
	"sq": {"one", "other"},
	"uk": {"one", "few", "many", "other"},
	// Vietnamese has no plural inflection, but go-i18n's CLDR rules (v2.7) give "one" for 0 and
	// 1, so both forms are written, the same.
	"vi": {"one", "other"},
}

var placeholder = regexp.MustCompile(`\{\{\s*\.([A-Za-z0-9_]+)\s*\}\}`)

func placeholders(m rawMessage) []string {
	set := map[string]bool{}
	for form, s := range m {
		if form == "description" {
			continue
		}
		for _, p := range placeholder.FindAllStringSubmatch(s, -1) {
			set[p[1]] = true
		}
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func isPlural(m rawMessage) bool {
	for form := range m {
		if form != "other" && form != "description" {
			return true
		}
	}
	return false
}

func TestEveryShippedLanguageHasEveryKey(t *testing.T) {
	all, err := readAll()
	if err != nil {
		t.Fatal(err)
	}
	src := all[Source]
	if len(src) == 0 {
		t.Fatal("no English messages loaded")
	}
	for _, lang := range Shipped() {
		msgs := all[lang.Code]
		if _, ok := pluralForms[lang.Code]; !ok {
			t.Errorf("%s: no plural rule table in this test", lang.Code)
		}
		for id, en := range src {
			m, ok := msgs[id]
			if !ok {
				t.Errorf("%s: missing key %q", lang.Code, id)
				continue
			}
			if got, want := strings.Join(placeholders(m), ","), strings.Join(placeholders(en), ","); got != want {
				t.Errorf("%s: %q has placeholders [%s], English has [%s]", lang.Code, id, got, want)
			}
			if isPlural(en) {
				for _, form := range pluralForms[lang.Code] {
					if strings.TrimSpace(m[form]) == "" {
						t.Errorf("%s: %q lacks the plural form %q", lang.Code, id, form)
					}
				}
			} else if strings.TrimSpace(m["other"]) == "" {
				t.Errorf("%s: %q is empty", lang.Code, id)
			}
		}
		for id := range msgs {
			if _, ok := src[id]; !ok {
				t.Errorf("%s: key %q is not in English", lang.Code, id)
			}
		}
	}
}

func TestNoMessageFilesForUnshippedLanguages(t *testing.T) {
	all, err := readAll()
	if err != nil {
		t.Fatal(err)
	}
	for lang := range all {
		if !IsShipped(lang) {
			t.Errorf("message files for %q, which is not in Shipped()", lang)
		}
	}
}

func TestTranslatorFallsBackAndFillsData(t *testing.T) {
	if got := New("pl").T("common.cancel"); got != "Anuluj" {
		t.Errorf("pl common.cancel = %q", got)
	}
	if got := New("xx").T("common.cancel"); got != "Cancel" {
		t.Errorf("unknown language should give English, got %q", got)
	}
	if got := New("en").T("no.such.key"); got != "[no.such.key]" {
		t.Errorf("missing key = %q, want it bracketed", got)
	}
}

// Every shipped language's bundle parses (go-i18n reads plural forms and templates), and a
// bundle holds only English and its own language.
func TestAllBundleFilesParse(t *testing.T) {
	for _, l := range Shipped() {
		b, err := bundleFor(l.Code)
		if err != nil {
			t.Fatalf("%s: %v", l.Code, err)
		}
		var tags []string
		for _, tag := range b.LanguageTags() {
			tags = append(tags, tag.String())
		}
		if len(tags) > 2 || !slices.Contains(tags, Source) || !slices.Contains(tags, l.Code) {
			t.Errorf("%s bundle holds %v", l.Code, tags)
		}
	}
}

// Every plural message gives text for every whole count in every shipped language: go-i18n
// picks the form by its own copy of the CLDR rules, which must agree with pluralForms above.
func TestPluralFormsResolveForEveryCount(t *testing.T) {
	all, err := readAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Shipped() {
		tr := New(lang.Code)
		for id, en := range all[Source] {
			if !isPlural(en) {
				continue
			}
			for _, n := range []int{0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101, 111, 1000} {
				if got := tr.N(id, n); strings.HasPrefix(got, "[") {
					t.Errorf("%s: %s with count %d has no form", lang.Code, id, n)
					break
				}
			}
		}
	}
}
