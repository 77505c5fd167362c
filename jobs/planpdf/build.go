package planpdf

import (
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"waymark/eligibility"
	"waymark/jobs"
	"waymark/locales"
)

// pair is one piece of text in the survivor's language and in English. On an English-only plan
// the English is empty.
type pair struct{ local, english string }

// stepItem is one step as printed.
type stepItem struct {
	done bool
	// own is the adviser's own words, printed once across both columns because they are in
	// whatever language the adviser wrote them; text is a suggested step's translation.
	own   string
	text  pair
	meta  pair // who does it, by when, whether it is done
	bring pair // what to bring, with its label; empty when nothing is listed
}

// benefitItem is one benefit the survivor may get.
type benefitItem struct {
	name     pair
	estimate pair // empty when the rules give no amount
}

// helplineItem is one phone number with what it is for.
type helplineItem struct {
	number             string
	name, about, hours pair
}

// model is every word of the plan, translated, checked and in print order; layOut only places it.
type model struct {
	bilingual bool
	date      time.Time
	language  pair // the two languages' names, above the columns
	title     pair
	name      pair // empty on a safe print without a given name
	madeOn    pair
	review    pair // empty when no review date was set
	howTo     pair

	stepsHeading pair
	steps        []stepItem
	noSteps      pair

	benefitsHeading pair
	benefits        []benefitItem
	benefitsNote    pair

	helpHeading pair
	helplines   []helplineItem

	writeIns []pair

	reference pair   // footer: "Reference: WM-1"; empty without a reference
	pageOf    pair   // footer, with pagePlaceholder and gofpdf's page-count alias in it
	docTitle  string // PDF metadata: the title in both languages, never a name
}

// pagePlaceholder stands for the page number in model.pageOf until the footer fills it in;
// pageCountAlias is replaced by gofpdf with the number of pages when the document is written.
const (
	pagePlaceholder = "{pg}"
	pageCountAlias  = "{nb}"
)

// builder translates with the two translators and checks every string for glyphs.
type builder struct {
	in        Input
	sur, eng  eligibility.Translator
	bilingual bool
	glyphs    *glyphChecker
	err       error
}

// t translates id into both languages. A check failure is kept and reported once by build.
func (b *builder) t(id string, data ...map[string]any) pair {
	var p pair
	p.local = b.text("message", b.sur.T(id, data...))
	if b.bilingual {
		p.english = b.text("message", b.eng.T(id, data...))
	}
	return p
}

// term is a benefit or body as the glossary writes it, "Universal Credit — …", in both
// languages: the English name stays English in the survivor's column too.
func (b *builder) term(id string) pair {
	var p pair
	p.local = b.text("message", locales.Explain(b.sur, id))
	if b.bilingual {
		p.english = b.text("message", locales.Explain(b.eng, id))
	}
	return p
}

// text normalises s to NFC (so a letter with its accent is one glyph, as the font has it) and
// checks the font can draw it, remembering the first failure under field.
func (b *builder) text(field, s string) string {
	s = norm.NFC.String(strings.TrimSpace(s))
	if b.err == nil {
		b.err = b.glyphs.check(field, s)
	}
	return s
}

// build translates and checks the plan. It decides the language columns, what a safe print
// leaves out, and the order of everything on the page.
func build(in Input, survivor, english eligibility.Translator) (model, error) {
	if in.Date.IsZero() {
		return model{}, ErrNoDate
	}
	var review time.Time
	if in.Review != "" {
		d, ok := eligibility.ParseDate(in.Review)
		if !ok {
			return model{}, &eligibility.FieldError{Field: "review", Problem: eligibility.ProblemDate, Want: eligibility.WantDate}
		}
		review = d
	}
	for i, s := range in.Steps {
		if err := s.Validate(); err != nil {
			return model{}, eligibility.WithPrefix(err, eligibility.IndexPath("steps", i))
		}
	}
	glyphs, err := newGlyphChecker()
	if err != nil {
		return model{}, err
	}
	b := &builder{in: in, sur: survivor, eng: english, glyphs: glyphs,
		bilingual: in.Language != "en" && survivor.T("plan.language") != english.T("plan.language")}
	if !b.bilingual {
		// One column, in English, whatever the survivor's translator was: it is either English
		// already or a language this build does not print.
		b.sur = english
	}
	m := model{bilingual: b.bilingual, date: in.Date}

	m.language = b.t("plan.language")
	m.title = b.t("plan.title")
	m.docTitle = m.title.local
	if b.bilingual {
		m.docTitle += " / " + m.title.english
	}
	b.addName(&m)
	m.madeOn = b.datePair("plan.made_on", in.Date)
	if !review.IsZero() {
		m.review = b.datePair("plan.review", review)
	}
	m.howTo = b.t("plan.how_to")

	m.stepsHeading = b.t("plan.steps.heading")
	m.noSteps = b.t("plan.steps.none")
	b.addSteps(&m)

	m.benefitsHeading = b.t("plan.benefits.heading")
	m.benefitsNote = b.t("plan.benefits.note")
	b.addBenefits(&m)

	m.helpHeading = b.t("plan.help.heading")
	b.addHelplines(&m)

	for _, id := range []string{"plan.write_in.adviser", "plan.write_in.phone", "plan.write_in.next"} {
		m.writeIns = append(m.writeIns, b.t(id))
	}

	ref := b.text("reference", in.Reference)
	if ref != "" {
		m.reference = b.t("plan.footer.reference", map[string]any{"Reference": ref})
	}
	m.pageOf = b.t("plan.footer.page", map[string]any{"Page": pagePlaceholder, "Pages": pageCountAlias})
	if b.err != nil {
		return model{}, b.err
	}
	return m, nil
}

// datePair words a message holding a date, each language writing the date its own way.
func (b *builder) datePair(id string, d time.Time) pair {
	p := pair{local: b.text("message", b.sur.T(id, map[string]any{"Date": dateIn(b.sur, d)}))}
	if b.bilingual {
		p.english = b.text("message", b.eng.T(id, map[string]any{"Date": dateIn(b.eng, d)}))
	}
	return p
}

// addName prints the full name, or on a safe print the given name only. Only a name that is
// printed is checked for glyphs.
func (b *builder) addName(m *model) {
	given := b.text("name", b.in.GivenName)
	full := ""
	if !b.in.Safe {
		full = b.text("name", b.in.FullName)
	}
	switch {
	case b.in.Safe && given != "":
		m.name = b.t("plan.given_name", map[string]any{"Name": given})
	case b.in.Safe:
	case full != "":
		m.name = b.t("plan.name", map[string]any{"Name": full})
	case given != "":
		m.name = b.t("plan.given_name", map[string]any{"Name": given})
	}
}

// addSteps translates the steps a safe print keeps.
func (b *builder) addSteps(m *model) {
	for i, s := range b.in.Steps {
		if b.in.Safe && stepIsSensitive(s, b.sur, b.eng) {
			continue
		}
		item := stepItem{done: s.Done}
		if s.Code == "" {
			item.own = b.text(eligibility.IndexPath("steps", i)+".text", s.Text)
		} else {
			item.text = b.t("jobs.step." + s.Code)
		}
		item.meta = b.stepMeta(s)
		if s.Code != "" && jobs.HasBring(s.Code) {
			label, what := b.t("plan.bring"), b.t("jobs.bring."+s.Code)
			item.bring = pair{local: label.local + " " + what.local}
			if b.bilingual {
				item.bring.english = label.english + " " + what.english
			}
		}
		m.steps = append(m.steps, item)
	}
}

// stepMeta is "Who: you. By: 1 December 2026. Done." in each language.
func (b *builder) stepMeta(s jobs.Step) pair {
	parts := []pair{b.t("plan.owner." + string(s.Owner))}
	if d, ok := eligibility.ParseDate(s.Due); ok {
		parts = append(parts, b.datePair("plan.due", d))
	}
	if s.Done {
		parts = append(parts, b.t("plan.done"))
	}
	var out pair
	for _, p := range parts {
		out.local = joinSentence(out.local, p.local)
		out.english = joinSentence(out.english, p.english)
	}
	return out
}

// joinSentence adds s after acc with a gap, so short labelled facts read as separate sentences.
func joinSentence(acc, s string) string {
	if acc == "" || s == "" {
		return acc + s
	}
	return acc + "   " + s
}

// addBenefits lists the benefits found eligible, with the monthly estimate when there is one,
// leaving out on a safe print the ones whose names reveal too much. Benefits that need more
// information are the adviser's to follow up, not the survivor's, so they are not listed.
func (b *builder) addBenefits(m *model) {
	for _, r := range b.in.Results.Results {
		if b.in.Safe && safeHiddenBenefits[r.Benefit] {
			continue
		}
		if r.Status != eligibility.Eligible {
			continue
		}
		item := benefitItem{name: b.term(r.Benefit)}
		if r.MonthlyEstimate != nil && *r.MonthlyEstimate > 0 {
			item.estimate = pair{local: b.estimate(b.sur, *r.MonthlyEstimate)}
			if b.bilingual {
				item.estimate.english = b.estimate(b.eng, *r.MonthlyEstimate)
			}
		}
		m.benefits = append(m.benefits, item)
	}
}

// estimate words a monthly amount in tr's language: "About £424.90 a month. ...", with the
// language's own decimal and grouping marks ("424,90", "1 234,50").
func (b *builder) estimate(tr eligibility.Translator, amount float64) string {
	return b.text("message", tr.T("plan.benefits.estimate", map[string]any{"Amount": locales.Money(tr, amount)}))
}

// addHelplines words the helplines for the survivor's nation, under their safe names on a
// safe print.
func (b *builder) addHelplines(m *model) {
	for _, h := range HelplinesFor(b.in.Nation) {
		prefix := "plan.helpline." + h.ID
		nameID, aboutID := prefix+".name", prefix+".about"
		if b.in.Safe && h.Sensitive {
			nameID, aboutID = prefix+".safe_name", prefix+".safe_about"
		}
		m.helplines = append(m.helplines, helplineItem{
			number: h.Number,
			name:   b.t(nameID),
			about:  b.t(aboutID),
			hours:  b.t(prefix + ".hours"),
		})
	}
}

// dateIn writes a day the way tr's language does (locales.Date): "1 December 2026",
// "1 decembrie 2026", "1 grudnia 2026". The spaces in it are no-break spaces, so a date is never
// split across two lines.
func dateIn(tr eligibility.Translator, d time.Time) string {
	return strings.ReplaceAll(locales.Date(tr, d), " ", "\u00a0")
}
