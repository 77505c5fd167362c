package locales

import "strings"

// A glossary term is a UK benefit or body whose English name a survivor will hear at the
// Jobcentre and read on letters, so the name is never translated: each language gives a short
// explanation instead (messages "glossary.<id>"), and the app and the printed plan both write
// "Universal Credit — a monthly payment for living costs" from the same entry, so a term reads
// the same everywhere.
type Term struct {
	ID      string // stable id: a benefit id of the rules, or a body's id
	English string // the official English name
}

// glossary is every term, benefits first in the order the rules list them.
var glossary = []Term{
	{"universal_credit", "Universal Credit"},
	{"new_style_jsa", "New Style Jobseeker’s Allowance"},
	{"new_style_esa", "New Style Employment and Support Allowance"},
	{"pip", "Personal Independence Payment (PIP)"},
	{"adult_disability_payment", "Adult Disability Payment"},
	{"housing_benefit", "Housing Benefit"},
	{"council_tax_reduction", "Council Tax Reduction"},
	{"child_benefit", "Child Benefit"},
	{"pension_credit", "Pension Credit"},
	{"scottish_child_payment", "Scottish Child Payment"},
	{"healthy_start", "Healthy Start"},
	{"victim_support", "National Referral Mechanism (NRM) support"},
	{"nrpf_local_authority_support", "Council support for people with no recourse to public funds (NRPF)"},
	{"asylum_support", "Asylum support"},
	{"jobcentre_plus", "Jobcentre Plus"},
	{"dwp", "Department for Work and Pensions (DWP)"},
	{"hmrc", "HM Revenue and Customs (HMRC)"},
	{"home_office", "Home Office"},
	{"national_insurance_number", "National Insurance number"},
	{"nrm", "National Referral Mechanism (NRM)"},
	{"euss", "EU Settlement Scheme"},
	{"share_code", "Share code"},
	{"council", "Local council"},
	{"citizens_advice", "Citizens Advice"},
	{"acas", "Acas"},
	{"glaa", "Gangmasters and Labour Abuse Authority (GLAA)"},
	{"modern_slavery_helpline", "Modern Slavery Helpline"},
	{"mandatory_reconsideration", "Mandatory reconsideration"},
	{"basic_bank_account", "Basic bank account"},
	{"national_minimum_wage", "National Minimum Wage"},
}

// Glossary returns every term, benefits first.
func Glossary() []Term {
	return append([]Term(nil), glossary...)
}

// TermName returns a term's English name, and false for an id the glossary lacks.
func TermName(id string) (string, bool) {
	for _, t := range glossary {
		if t.ID == id {
			return t.English, true
		}
	}
	return "", false
}

// Name is a term's English name alone, for a table or a drop-down too narrow for the
// explanation; an id the glossary lacks is returned as it is.
func Name(id string) string {
	if name, ok := TermName(id); ok {
		return name
	}
	return id
}

// Texts is anything that gives a message in one language: a *Translator, or the smaller
// interface the rules and the printed plan are written against.
type Texts interface {
	T(id string, data ...map[string]any) string
}

// Explain writes a term as a survivor should meet it: the English name, a dash, and the
// explanation in tr's language ("Universal Credit — o plată lunară pentru traiul zilnic…").
// An id the glossary lacks is returned as it is, so a new benefit shows up rather than
// vanishing; the glossary test stops that reaching a release.
func Explain(tr Texts, id string) string {
	name, ok := TermName(id)
	if !ok {
		return id
	}
	return name + " — " + tr.T("glossary."+id)
}

// ExplainParts is Explain in two parts, for screens that set the name in bold above its
// explanation.
func ExplainParts(tr Texts, id string) (name, explanation string) {
	name, ok := TermName(id)
	if !ok {
		return id, ""
	}
	return name, strings.TrimSpace(tr.T("glossary." + id))
}
