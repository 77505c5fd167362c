package eligibility

// MessagePrefix starts every message id the eligibility engine and its packs use, so they never
// collide with another area's messages.
const MessagePrefix = "elig."

// The message ids of a condition's three outcomes are its code plus one of these suffixes:
// "elig.uc.age.met", "elig.uc.age.not_met", "elig.uc.age.open". One code, three sentences:
// a pack adds a condition by adding its code and the three messages, and a pack test checks
// that every code it can produce has them.
const (
	SuffixMet    = ".met"
	SuffixNotMet = ".not_met"
	SuffixOpen   = ".open"
)

// CheckMessageID returns the message id for a condition with this code and outcome.
func CheckMessageID(code string, t Tri) string {
	switch t {
	case Yes:
		return MessagePrefix + code + SuffixMet
	case No:
		return MessagePrefix + code + SuffixNotMet
	default:
		return MessagePrefix + code + SuffixOpen
	}
}

// Check is one named condition of a benefit, with the source it rests on. Decide turns a list
// of checks into a Result, choosing which of them explain the outcome.
type Check struct {
	// Code is the stable identifier of the condition, e.g. "uc.age".
	Code string
	// Source is the URL of the legislation or guidance that imposes the condition.
	Source string
	// Cond is the condition evaluated on the facts.
	Cond Cond
	// Data fills the placeholders of the condition's messages (a threshold, a rate).
	Data map[string]any
}

// reason returns the reason a check gives for its current outcome.
func (c Check) reason() Reason {
	return Reason{
		Code:      c.Code,
		MessageID: CheckMessageID(c.Code, c.Cond.v),
		Data:      c.Data,
		Source:    c.Source,
	}
}

// Decide gives the result for a benefit whose conditions must all be met (Kleene And).
//
//   - All met: eligible, and every check is a reason (the adviser sees why).
//   - Any not met: not_eligible, and only the failed checks are reasons: they alone decided it,
//     and no unknown fact is listed as missing because none could change the answer.
//   - Otherwise: need_info, the open checks are the reasons, and missing lists their unknown
//     facts.
//
// A benefit with alternative routes builds them with Or inside one Check's Cond.
func Decide(benefit string, checks ...Check) Result {
	conds := make([]Cond, len(checks))
	for i, c := range checks {
		conds[i] = c.Cond
	}
	all := And(conds...)
	res := Result{Benefit: benefit, Missing: all.missing.Names()}
	switch all.v {
	case Yes:
		res.Status = Eligible
		res.Reasons = make([]Reason, 0, len(checks))
		for _, c := range checks {
			res.Reasons = append(res.Reasons, c.reason())
		}
	case No:
		res.Status = NotEligible
		for _, c := range checks {
			if c.Cond.v == No {
				res.Reasons = append(res.Reasons, c.reason())
			}
		}
	default:
		res.Status = NeedInfo
		for _, c := range checks {
			if c.Cond.v == Unknown {
				res.Reasons = append(res.Reasons, c.reason())
			}
		}
	}
	if res.Reasons == nil {
		res.Reasons = []Reason{}
	}
	return res
}

// NewReason is a reason that is not the outcome of a condition, such as how an estimate was
// worked out. Its message id is "elig." + code.
func NewReason(code, source string, data map[string]any) Reason {
	return Reason{Code: code, MessageID: MessagePrefix + code, Data: data, Source: source}
}

// NewStep is a next step whose message id is "elig.step." + code.
func NewStep(code string, data map[string]any) NextStep {
	return NextStep{Code: code, MessageID: MessagePrefix + "step." + code, Data: data}
}
