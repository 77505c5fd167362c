// Package jobs holds what a survivor and adviser plan to do next: action-plan steps, and in time
// the employability profile, the job-offer safety check and the printable plan. It does no I/O.
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

// Step is one line of an action plan. Due is a calendar date (YYYY-MM-DD) or empty when no date
// was agreed; it is kept as text because a plan date is a day, not an instant.
type Step struct {
	Text  string `json:"text"`
	Owner Owner  `json:"owner"`
	Due   string `json:"due,omitempty"`
	Done  bool   `json:"done"`
}
