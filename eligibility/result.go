package eligibility

// Status is the answer for one benefit. It is a stable identifier in the JSON contract; the
// words an adviser reads come from the message "elig.status.<status>".
type Status string

// The statuses of the results contract.
const (
	// Eligible: every condition is met on the facts given, and any estimate is above zero.
	Eligible Status = "eligible"
	// NotEligible: a condition is settled as not met; no further answer would change that.
	NotEligible Status = "not_eligible"
	// NeedInfo: the answer turns on facts not yet given (listed in Missing) or on a judgement
	// someone must make (named in the reasons).
	NeedInfo Status = "need_info"
)

// Valid reports whether s is one of the three statuses.
func (s Status) Valid() bool {
	return s == Eligible || s == NotEligible || s == NeedInfo
}

// Results is the whole answer for one person on one date: the output of `waymark check
// --json`. Field names are the contract in DESIGN.md and are never renamed.
type Results struct {
	// AssessmentDate is the day the rules were applied, YYYY-MM-DD.
	AssessmentDate string `json:"assessment_date"`
	// Rulepack says which rules gave the answer, so an adviser can tell a stale pack.
	Rulepack Rulepack `json:"rulepack"`
	// Results holds one entry per benefit the pack declares, in the pack's order.
	Results []Result `json:"results"`
	// NextSteps are practical steps that apply to this person.
	NextSteps []NextStep `json:"next_steps"`
}

// Rulepack identifies the rule pack behind a set of results.
type Rulepack struct {
	ID       string `json:"id"`
	Version  string `json:"version"`
	Reviewed string `json:"reviewed"` // YYYY-MM-DD the pack's rules were last reviewed
}

// Result is the answer for one benefit, with the reasons that decided it.
type Result struct {
	// Benefit is the benefit id, e.g. "universal_credit".
	Benefit string `json:"benefit"`
	// Status is eligible, not_eligible or need_info.
	Status Status `json:"status"`
	// MonthlyEstimate is a rough monthly amount in pounds, present only where the rules can
	// give one (nil otherwise, and then left out of the JSON).
	MonthlyEstimate *float64 `json:"monthly_estimate,omitempty"`
	// Reasons explain the status, each with its legal or official source.
	Reasons []Reason `json:"reasons"`
	// Missing lists, in contract order, the unknown facts that could change this result.
	Missing []string `json:"missing"`
}

// Reason is one explanation of a result. The engine fills Code, MessageID, Data and Source;
// Text is filled by Localize in the reader's language, so the rules never hold words.
type Reason struct {
	// Code is a stable identifier, e.g. "uc.age"; tests and the interview branch on it.
	Code string `json:"code"`
	// MessageID is the locales message to show, e.g. "elig.uc.age.met".
	MessageID string `json:"-"`
	// Data fills the message's {{.Placeholders}}.
	Data map[string]any `json:"-"`
	// Text is the translated message; empty until Localize runs.
	Text string `json:"text"`
	// Source is the URL of the legislation or official guidance the reason rests on.
	Source string `json:"source"`
}

// NextStep is a practical step for the adviser and survivor, such as applying for a National
// Insurance number. Like a Reason, its Text is filled by Localize.
type NextStep struct {
	Code      string         `json:"code"`
	MessageID string         `json:"-"`
	Data      map[string]any `json:"-"`
	Text      string         `json:"text"`
}

// Translator gives the text of a message in one language. *locales.Translator satisfies it;
// the engine names the interface itself so it never depends on how messages are stored.
type Translator interface {
	T(id string, data ...map[string]any) string
}

// Localize fills the Text of every reason and next step from its message in t's language.
// It is a separate step so one evaluation can be shown to the adviser in English and printed
// for the survivor in Romanian.
func (r *Results) Localize(t Translator) {
	for i := range r.Results {
		for j := range r.Results[i].Reasons {
			rs := &r.Results[i].Reasons[j]
			rs.Text = t.T(rs.MessageID, rs.Data)
		}
	}
	for i := range r.NextSteps {
		ns := &r.NextSteps[i]
		ns.Text = t.T(ns.MessageID, ns.Data)
	}
}

// Find returns the result for a benefit id.
func (r Results) Find(benefit string) (Result, bool) {
	for _, res := range r.Results {
		if res.Benefit == benefit {
			return res, true
		}
	}
	return Result{}, false
}
