package planpdf

import (
	"strings"
	"unicode"

	"waymark/eligibility"
	"waymark/jobs"
)

// safeHiddenBenefits are the results a safe print never lists: their very names say that the
// survivor was trafficked, is seeking asylum or has no recourse to public funds.
var safeHiddenBenefits = map[string]bool{
	"victim_support":               true,
	"asylum_support":               true,
	"nrpf_local_authority_support": true,
}

// sensitiveTerms are the starts of words that, on a safe print, would tell a reader the
// survivor was trafficked or exploited, or reveal immigration or National Referral Mechanism
// details. They are matched at the start of a word, case-insensitively, in every shipped
// language at once, because an adviser may write a step in the survivor's language or in
// English. The list is for steps written in the adviser's own words; suggested steps carry
// jobs.Sensitive instead.
var sensitiveTerms = []string{
	// English
	"traffick", "slave", "slavery", "exploit", "forced labour", "forced labor", "servitude",
	"nrm", "national referral", "referral mechanism", "conclusive grounds", "reasonable grounds",
	"victim", "survivor", "asylum", "immigration", "home office", "visa", "brp",
	"biometric residence", "leave to remain", "settled status", "pre-settled", "euss",
	"refugee", "public funds", "nrpf", "deport", "gangmaster", "glaa",
	// Romanian
	"trafic de persoane", "traficul de persoane", "traficat", "sclav", "exploat",
	"muncă forțată", "munca forțată", "muncii forțate", "victim", "supraviețuitor", "azil",
	"imigr", "mecanismul național", "refugiat", "fonduri publice", "deport",
	// Polish
	"handel ludźmi", "handlu ludźmi", "handlem ludźmi", "niewol", "wyzysk", "pracy przymusow",
	"praca przymusow", "pracę przymusow", "ofiar", "azyl", "imigra", "krajowy mechanizm",
	"krajowego mechanizmu", "uchodźc", "środków publicznych", "deport",
}

// namesSensitive reports whether s contains one of sensitiveTerms at the start of a word.
func namesSensitive(s string) bool {
	low := strings.ToLower(s)
	for _, term := range sensitiveTerms {
		for from := 0; from < len(low); {
			i := strings.Index(low[from:], term)
			if i < 0 {
				break
			}
			at := from + i
			if startsWord(low[:at]) {
				return true
			}
			from = at + len(term)
		}
	}
	return false
}

// startsWord reports whether a word can start right after prefix: prefix ends in something
// other than a letter or digit.
func startsWord(prefix string) bool {
	var last rune
	for _, r := range prefix {
		last = r
	}
	return !unicode.IsLetter(last) && !unicode.IsDigit(last)
}

// SafeOmittedSteps lists, in order, the indexes of the steps a safe print leaves out: suggested
// steps that jobs.Sensitive marks, and steps in the adviser's own words that name trafficking,
// exploitation, immigration or the National Referral Mechanism (in English, Romanian or
// Polish). It is nil when in.Safe is false. The app and the command line tell the adviser which
// steps were left out, so nothing disappears from a plan without them knowing.
func SafeOmittedSteps(in Input, survivor, english eligibility.Translator) []int {
	if !in.Safe {
		return nil
	}
	var out []int
	for i, s := range in.Steps {
		if stepIsSensitive(s, survivor, english) {
			out = append(out, i)
		}
	}
	return out
}

// stepIsSensitive looks at everything a step would print: its words in both languages and
// what to bring.
func stepIsSensitive(s jobs.Step, survivor, english eligibility.Translator) bool {
	if s.Code == "" {
		return namesSensitive(s.Text)
	}
	if jobs.Sensitive(s.Code) {
		return true
	}
	texts := []string{survivor.T("jobs.step." + s.Code), english.T("jobs.step." + s.Code)}
	if jobs.HasBring(s.Code) {
		texts = append(texts, survivor.T("jobs.bring."+s.Code), english.T("jobs.bring."+s.Code))
	}
	for _, t := range texts {
		if namesSensitive(t) {
			return true
		}
	}
	return false
}
