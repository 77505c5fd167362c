// Package jobs holds what a survivor and adviser plan to do next: the employability profile,
// action-plan steps suggested from eligibility results and the profile, and the helpers that
// edit a plan. The job-offer check and the printed plan live in sub-packages. It does no I/O.
package jobs

// Owner says who carries a step out, so the printed plan can tell the survivor which steps are
// theirs to do.
type Owner string

// The owners, as spelled in the case-file contract in DESIGN.md.
const (
	OwnerSurvivor Owner = "survivor"
	OwnerAdviser  Owner = "adviser"
	OwnerOther    Owner = "other"
)

// Step is one line of an action plan. Code names a suggested step (one of StepCodes) so the
// printed plan can translate it through the message "jobs.step.<code>"; it is empty for a step
// in the adviser's own words, and editing the text clears it (EditText), because the
// translation would no longer match what the adviser wrote. Text is always set: the English
// words of a suggested step, or the adviser's own. Due is a calendar date (YYYY-MM-DD) or empty
// when no date was agreed; it is kept as text because a plan date is a day, not an instant.
type Step struct {
	Code  string `json:"code,omitempty"`
	Text  string `json:"text"`
	Owner Owner  `json:"owner"`
	Due   string `json:"due,omitempty"`
	Done  bool   `json:"done"`
}
