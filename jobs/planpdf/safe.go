package planpdf

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

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
	// Bulgarian
	"трафик", "търговия с хора", "търговията с хора", "робств", "експлоат", "принудителен труд",
	"принудителния труд", "принудителен трудов", "жертв", "оцеля", "убежищ", "имигра", "бежан", "депорт",
	// Czech
	"obchodování s lidmi", "obchodu s lidmi", "obchod s lidmi", "otroctv", "otrok", "vykořisť",
	"nucená práce", "nucené práce", "nucenou práci", "oběť", "oběti", "azyl", "imigra", "uprchl",
	// Dutch
	"mensenhandel", "slavernij", "slaaf", "uitbuit", "dwangarbeid", "slachtoffer", "asiel",
	"immigratie", "vluchteling", "uitzetting", "openbare middelen", "uitgebuit",
	// Hungarian
	"emberkereskedel", "rabszolg", "kizsákm", "kényszermunk", "áldozat", "menedék", "bevándorl",
	"menekült", "kitoloncol",
	// Latvian
	"cilvēku tirdzniecīb", "tirdzniecības upur", "verdzīb", "verg", "ekspluat", "piespiedu darb",
	"upur", "patvērum", "imigr", "bēgļ", "valsts līdzekļ",
	// Lithuanian
	"prekyba žmonėmis", "prekybos žmonėmis", "prekybai žmonėmis", "vergov", "vergij", "išnaudoj",
	"priverstin", "nukentėj", "prieglobst", "imigra", "pabėgėl",
	// Russian
	"торговля людьми", "торговли людьми", "торговлей людьми", "торговлю людьми", "трафикинг",
	"рабств", "эксплуат", "принудительн", "жертв", "выживш", "убежищ", "иммигра", "беженц", "депорт",
	// Slovak
	"obchodovan", "otroctv", "otrok", "vykorisť", "nútená prác", "nútenej prác", "nútenú prác",
	"obeť", "obete", "obetí", "azyl", "imigr", "utečen", "verejným prostriedk", "verejných prostriedk",
	// Albanian
	"trafik", "skllav", "shfrytëz", "punë e detyruar", "punë të detyruar", "viktim", "azil", "imigr",
	"refugjat", "fonde publike",
	// Ukrainian
	"торгівля людьми", "торгівлі людьми", "торгівлею людьми", "торгівлю людьми", "рабств",
	"експлуат", "примусов", "жертв", "вижил", "притулк", "притулок", "іммігра", "біжен", "депорт",
	// Vietnamese
	"buôn người", "mua bán người", "nô lệ", "bóc lột", "lao động cưỡng bức", "nạn nhân", "tị nạn",
	"nhập cư", "trục xuất", "quỹ công",
}

// namesSensitive reports whether s contains one of sensitiveTerms at the start of a word.
func namesSensitive(s string) bool {
	low := strings.ToLower(norm.NFC.String(s))
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
// exploitation, immigration or the National Referral Mechanism (in any shipped language). It is nil when in.Safe is false. The app and the command line tell the adviser which
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
