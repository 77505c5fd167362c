package planpdf

import (
	"errors"
	"strings"
	"testing"
	"time"

	"waymark/eligibility"
	"waymark/jobs"
	"waymark/locales"
)

// allText is the text of every page of a rendered plan, one line of print per line, with
// no-break spaces read as spaces.
func allText(t *testing.T, in Input) string {
	t.Helper()
	return strings.ReplaceAll(strings.Join(pdfText(t, renderBytes(t, in)), "\n"), "\u00a0", " ")
}

// has reports whether text holds s, reading a line break as a space so wrapped text matches.
func has(text, s string) bool {
	return strings.Contains(strings.ReplaceAll(text, "\n", " "), s)
}

func TestRenderLanguages(t *testing.T) {
	tests := []struct {
		lang        string
		want, avoid []string
	}{
		{"ro", []string{
			"Planul dumneavoastră", "Your plan", "Română", "English",
			"Cereți un număr National", "Apply for a National Insurance number.",
			"Făcut pe 23 noiembrie 2026", "Made on 23 November 2026",
			"Până la 7 decembrie 2026.", "By 7 December 2026.",
			"Luați cu dumneavoastră:", "Take with you:",
			"Aproximativ 424,90 £ pe lună.", "About £424.90 a month.",
			"Unde puteți cere ajutor", "08000 121 700", "Pagina 1 din",
		}, []string{"ş", "ţ", "Ş", "Ţ", "[plan.", "[jobs.", "[elig.", "{nb}", "{pg}", "<no value>"}},
		{"pl", []string{
			"Twój plan", "Your plan", "Polski", "Plan z dnia 23 listopada 2026",
			"Termin: 7 grudnia 2026.", "Zabierz ze sobą:", "Gdzie zadzwonić po pomoc",
			"424,90 £", "Strona 1 z",
		}, []string{"[plan.", "[jobs.", "{nb}", "{pg}"}},
		{"en", []string{"Your plan", "Made on 23 November 2026", "Page 1 of"},
			[]string{"Planul", "Română", "English\n", "[plan."}},
		// A language this build does not ship prints in English only, once.
		{"ar", []string{"Your plan", "Who to call for help"}, []string{"English\n", "[plan."}},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			text := allText(t, sampleInput(t, tc.lang, false))
			for _, w := range tc.want {
				if !has(text, w) {
					t.Errorf("plan does not contain %q", w)
				}
			}
			for _, a := range tc.avoid {
				if strings.Contains(text, a) {
					t.Errorf("plan contains %q", a)
				}
			}
			if tc.lang == "en" || tc.lang == "ar" {
				if n := strings.Count(text, "Your plan"); n != 1 {
					t.Errorf("English-only plan has its title %d times", n)
				}
			}
		})
	}
}

// TestRomanianUsesCommaBelow checks the plan prints ș and ț (comma below, U+0219 and U+021B),
// even when the text arrives decomposed or as an adviser typed it.
func TestRomanianUsesCommaBelow(t *testing.T) {
	in := sampleInput(t, "ro", false)
	in.FullName = "Ștefania Țurcanu"
	in.Steps = []jobs.Step{{Text: "Mergeți la Biserica Sfântul Ștefan marți.", Owner: jobs.OwnerSurvivor}}
	text := allText(t, in)
	for _, r := range []rune{'ș', 'ț', 'Ș', 'Ț'} {
		if !strings.ContainsRune(text, r) {
			t.Errorf("plan has no %q (U+%04X)", r, r)
		}
	}
	for _, r := range []rune{'ş', 'ţ', 'Ş', 'Ţ'} {
		if strings.ContainsRune(text, r) {
			t.Errorf("plan has the cedilla form %q (U+%04X)", r, r)
		}
	}
	// "ă" typed as a + combining breve is printed as the one precomposed letter.
	in.FullName = "Ana Ra\u0306dulescu"
	if text := allText(t, in); !strings.Contains(text, "Ana Rădulescu") || strings.ContainsRune(text, '\u0306') {
		t.Error("decomposed text was not printed in composed form")
	}
}

func TestStepsAsPrinted(t *testing.T) {
	ro := locales.New("ro")
	text := allText(t, sampleInput(t, "ro", false))
	for _, s := range sampleSteps() {
		if s.Code == "" {
			if n := strings.Count(strings.ReplaceAll(text, "\n", " "), s.Text); n != 1 {
				t.Errorf("adviser's own step %q printed %d times, want once across both columns", s.Text, n)
			}
			continue
		}
		// Long steps wrap, so look for the first words of each language.
		for _, words := range []string{ro.T("jobs.step." + s.Code), s.Text} {
			first := strings.Join(strings.Fields(words)[:2], " ")
			if !has(text, first) {
				t.Errorf("step %s: %q not printed", s.Code, first)
			}
		}
	}
	for _, want := range []string{"Făcut.", "Done.", "Cine: consilierul dumneavoastră.", "Who: another organisation."} {
		if !has(text, want) {
			t.Errorf("plan does not contain %q", want)
		}
	}
	// A step without a due date has no "By" after its owner.
	if strings.Contains(text, "Who: you.   By \n") {
		t.Error("empty due date printed")
	}
}

func TestNoStepsSaysSo(t *testing.T) {
	in := sampleInput(t, "pl", false)
	in.Steps = nil
	text := allText(t, in)
	for _, want := range []string{"W planie nie ma jeszcze żadnych kroków.", "There are no steps in this plan yet."} {
		if !has(text, want) {
			t.Errorf("plan without steps does not say %q", want)
		}
	}
}

func TestSafePrint(t *testing.T) {
	for _, lang := range []string{"ro", "pl", "en"} {
		t.Run(lang, func(t *testing.T) {
			normal := allText(t, sampleInput(t, lang, false))
			safe := allText(t, sampleInput(t, lang, true))
			// What the normal plan shows and the safe one must not; each is checked on the
			// normal plan too, so the test fails if it stops looking at the right words.
			for _, gone := range []string{"Ionescu", sensitiveOwnStep, "Modern Slavery", "Home Office", "National Referral"} {
				if !has(normal, gone) {
					t.Errorf("normal plan lacks %q, so its absence from the safe print proves nothing", gone)
				}
				if has(safe, gone) {
					t.Errorf("safe print contains %q", gone)
				}
			}
			if !namesSensitive(normal) {
				t.Error("normal plan names nothing sensitive, so the safe check below proves nothing")
			}
			for _, line := range strings.Split(safe, "\n") {
				if namesSensitive(line) {
					t.Errorf("safe print line names trafficking or immigration details: %q", line)
				}
			}
			for _, keep := range []string{"Maria", "08000 121 700", "999"} {
				if !strings.Contains(safe, keep) {
					t.Errorf("safe print lacks %q", keep)
				}
			}
		})
	}
}

func TestSafeOmittedSteps(t *testing.T) {
	ro, en := locales.New("ro"), locales.New("en")
	in := sampleInput(t, "ro", true)
	got := SafeOmittedSteps(in, ro, en)
	want := []int{3, 6, 7} // ask_victim_support, immigration_advice, the visa step
	if len(got) != len(want) {
		t.Fatalf("SafeOmittedSteps = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("SafeOmittedSteps = %v, want %v", got, want)
		}
	}
	in.Safe = false
	if got := SafeOmittedSteps(in, ro, en); got != nil {
		t.Errorf("not a safe print, but SafeOmittedSteps = %v", got)
	}
}

func TestNameLines(t *testing.T) {
	tests := []struct {
		name        string
		given, full string
		safe        bool
		want, avoid string
	}{
		{"full name", "Maria", "Maria Ionescu", false, "Nume: Maria Ionescu", ""},
		{"safe shows given name", "Maria", "Maria Ionescu", true, "Prenume: Maria", "Ionescu"},
		{"safe without given name shows none", "", "Maria Ionescu", true, "Făcut pe", "Maria"},
		{"given name only", "Maria", "", false, "Prenume: Maria", "Nume: Maria"},
		{"no name", "", "", false, "Făcut pe", "Nume:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sampleInput(t, "ro", tc.safe)
			in.GivenName, in.FullName = tc.given, tc.full
			text := allText(t, in)
			if !has(text, tc.want) {
				t.Errorf("plan lacks %q", tc.want)
			}
			if tc.avoid != "" && strings.Contains(text, tc.avoid) {
				t.Errorf("plan contains %q", tc.avoid)
			}
		})
	}
}

func TestMetadataHoldsNoPersonalData(t *testing.T) {
	for _, safe := range []bool{false, true} {
		info := pdfInfo(t, renderBytes(t, sampleInput(t, "ro", safe)))
		for _, want := range []string{"/Title (Planul dumneavoastră / Your plan)", "/Creator (Waymark)",
			"/CreationDate (D:20261123000000)", "/ModDate (D:20261123000000)"} {
			if !strings.Contains(info, want) {
				t.Errorf("metadata lacks %s:\n%s", want, info)
			}
		}
		for _, bad := range []string{"/Author", "/Subject", "/Keywords", "Maria", "Ionescu", "WM-2026-014"} {
			if strings.Contains(info, bad) {
				t.Errorf("metadata contains %s:\n%s", bad, info)
			}
		}
	}
}

func TestPageSizes(t *testing.T) {
	for _, tc := range []struct {
		page PageSize
		box  string
	}{
		{"", "/MediaBox [0 0 595.28 841.89]"},
		{A4, "/MediaBox [0 0 595.28 841.89]"},
		{Letter, "/MediaBox [0 0 612.00 792.00]"},
	} {
		in := sampleInput(t, "pl", false)
		in.Page = tc.page
		if pdf := string(renderBytes(t, in)); !strings.Contains(pdf, tc.box) {
			t.Errorf("page %q: no %s", tc.page, tc.box)
		}
	}
}

// failWriter refuses every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestRenderWritesNothingOnError(t *testing.T) {
	ro, en := locales.New("ro"), locales.New("en")
	tests := []struct {
		name   string
		change func(*Input)
		check  func(error) bool
	}{
		{"no date", func(in *Input) { in.Date = time.Time{} }, func(err error) bool { return errors.Is(err, ErrNoDate) }},
		{"page size", func(in *Input) { in.Page = "A5" }, func(err error) bool { return errors.Is(err, ErrPageSize) }},
		{"review date", func(in *Input) { in.Review = "2027-02-30" }, fieldIs("review")},
		{"step owner", func(in *Input) { in.Steps[1].Owner = "charity" }, fieldIs("steps[1].owner")},
		{"step code", func(in *Input) { in.Steps[0].Code = "fly_to_the_moon" }, fieldIs("steps[0].code")},
		{"name the font cannot show", func(in *Input) { in.FullName = "Maria 李" }, glyphIn("name")},
		{"safe given name", func(in *Input) { in.Safe, in.GivenName = true, "🙂" }, glyphIn("name")},
		{"unprinted full name is not checked", func(in *Input) { in.Safe, in.FullName, in.Reference = true, "Maria 李", "WM-ქ" }, glyphIn("reference")},
		{"step text the font cannot show", func(in *Input) { in.Steps[4].Text = "Call Ana ☎" }, glyphIn("steps[4].text")},
		{"reference", func(in *Input) { in.Reference = "WM-ქ" }, glyphIn("reference")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := sampleInput(t, "ro", false)
			tc.change(&in)
			var w bytesBuffer
			err := Render(&w, in, ro, en)
			if err == nil || !tc.check(err) {
				t.Fatalf("Render error = %v", err)
			}
			if w.writes != 0 || len(w.b) != 0 {
				t.Errorf("wrote %d bytes in %d writes before failing", len(w.b), w.writes)
			}
			for _, personal := range []string{"Maria", "Ana", "李", "ქ"} {
				if strings.Contains(err.Error(), personal) {
					t.Errorf("error %q repeats the text", err)
				}
			}
		})
	}
	if err := Render(failWriter{}, sampleInput(t, "ro", false), ro, en); err == nil {
		t.Error("a failing writer was not reported")
	}
}

func fieldIs(field string) func(error) bool {
	return func(err error) bool {
		var fe *eligibility.FieldError
		return errors.As(err, &fe) && fe.Field == field && errors.Is(err, eligibility.ErrBadInput)
	}
}

func glyphIn(field string) func(error) bool {
	return func(err error) bool {
		var ge *GlyphError
		return errors.As(err, &ge) && ge.Field == field && errors.Is(err, ErrMissingGlyph)
	}
}

func TestEstimateUsesTheLanguagesNumbers(t *testing.T) {
	glyphs, err := newGlyphChecker()
	if err != nil {
		t.Fatal(err)
	}
	b := &builder{glyphs: glyphs}
	for _, tc := range []struct {
		lang   string
		amount float64
		want   string
	}{
		{"en", 424.9, "About £424.90 a month."},
		{"en", 1234.5, "About £1,234.50 a month."},
		{"ro", 1234.5, "Aproximativ 1.234,50 £ pe lună."},
		{"pl", 1234.5, "Około 1\u00a0234,50 £ miesięcznie."},
		{"pl", 0.004, "Około 0,00 £ miesięcznie."},
	} {
		if got := b.estimate(locales.New(tc.lang), tc.amount); !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s %v: %q, want it to start %q", tc.lang, tc.amount, got, tc.want)
		}
	}
	if b.err != nil {
		t.Errorf("estimate text failed the glyph check: %v", b.err)
	}
}

func TestDatesInEachLanguage(t *testing.T) {
	d := time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{
		"en": "1\u00a0February\u00a02027", "ro": "1\u00a0februarie\u00a02027", "pl": "1\u00a0lutego\u00a02027",
	} {
		if got := dateIn(locales.New(lang), d); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

// TestPhoneNumbersFitOnePage checks the page of people to call is one page, the last, for every
// nation's helplines, language, paper and print: a number alone on an extra page is easy to lose.
func TestPhoneNumbersFitOnePage(t *testing.T) {
	nations := []eligibility.Nation{"", eligibility.England, eligibility.Wales, eligibility.Scotland, eligibility.NorthernIreland}
	for _, lang := range []string{"ro", "pl", "en"} {
		heading := locales.New(lang).T("plan.help.heading")
		for _, nation := range nations {
			for _, page := range []PageSize{A4, Letter} {
				for _, safe := range []bool{false, true} {
					in := sampleInput(t, lang, safe)
					in.Nation, in.Page = nation, page
					pages := pdfText(t, renderBytes(t, in))
					last := pages[len(pages)-1]
					hs := HelplinesFor(nation)
					if !strings.Contains(last, heading) || !strings.Contains(last, hs[len(hs)-1].Number) ||
						strings.Contains(pages[len(pages)-2], hs[0].Number) {
						t.Errorf("%s %q %s safe=%v: the phone numbers are not all on the last page", lang, nation, page, safe)
					}
				}
			}
		}
	}
}
