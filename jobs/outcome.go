package jobs

import (
	"math"
	"slices"
	"strconv"

	"waymark/eligibility"
)

// BenefitStatus is where a claim stands.
type BenefitStatus string

// The claim statuses, in the order a claim moves through them.
const (
	BenefitApplied BenefitStatus = "applied"
	BenefitAwarded BenefitStatus = "awarded"
	BenefitRefused BenefitStatus = "refused"
)

// BenefitStatuses lists the statuses for pickers and checks.
func BenefitStatuses() []string {
	return []string{string(BenefitApplied), string(BenefitAwarded), string(BenefitRefused)}
}

// BenefitOutcome is what became of one claim: the benefit (an id of the rule pack), where it
// stands, when it was made and decided, and the monthly amount awarded. The organisation's
// statistics count these; a refusal's date starts the month to ask for a reconsideration.
type BenefitOutcome struct {
	Benefit string        `json:"benefit"`
	Status  BenefitStatus `json:"status"`
	Applied string        `json:"applied,omitempty"` // YYYY-MM-DD
	Decided string        `json:"decided,omitempty"` // YYYY-MM-DD, awarded or refused
	Monthly *float64      `json:"monthly,omitempty"` // pounds a month when awarded
}

// WorkOutcome is a job the person started: when, in which sector, the hourly pay, and whether
// the pay was checked with the job-offer check before they took it.
type WorkOutcome struct {
	Started    string   `json:"started"` // YYYY-MM-DD
	Sector     string   `json:"sector"`
	HourlyPay  *float64 `json:"hourly_pay,omitempty"`
	PayChecked bool     `json:"pay_checked"`
}

// Outcomes are a case's results, for the adviser and the organisation's counts.
type Outcomes struct {
	Benefits []BenefitOutcome `json:"benefits,omitempty"`
	Work     []WorkOutcome    `json:"work,omitempty"`
}

// IsZero reports whether no outcome is recorded.
func (o Outcomes) IsZero() bool { return len(o.Benefits) == 0 && len(o.Work) == 0 }

// MaxOutcomes limits each list; far more than any case, small enough to catch a runaway script.
const MaxOutcomes = 100

// Validate checks outcomes built by the outcomes screen or read from the vault. benefits are
// the rule pack's benefit ids; nil accepts any benefit id of the right shape (lower-case
// letters, digits and _), for the vault, which knows no rule pack. Errors are *eligibility.FieldError with paths such as
// "benefits[1].decided".
func (o Outcomes) Validate(benefits []string) error {
	if len(o.Benefits) > MaxOutcomes {
		return &eligibility.FieldError{Field: "benefits", Problem: eligibility.ProblemTooLong,
			Max: strconv.Itoa(MaxOutcomes), Want: eligibility.WantUnitItems}
	}
	for i, b := range o.Benefits {
		p := eligibility.IndexPath("benefits", i)
		if !knownBenefit(benefits, b.Benefit) {
			return valueError(eligibility.JoinPath(p, "benefit"), benefits)
		}
		if !slices.Contains(BenefitStatuses(), string(b.Status)) {
			return valueError(eligibility.JoinPath(p, "status"), BenefitStatuses())
		}
		if err := checkDue(eligibility.JoinPath(p, "applied"), b.Applied); err != nil {
			return err
		}
		if err := checkDue(eligibility.JoinPath(p, "decided"), b.Decided); err != nil {
			return err
		}
		if b.Decided != "" && b.Applied != "" && b.Decided < b.Applied {
			return &eligibility.FieldError{Field: eligibility.JoinPath(p, "decided"), Problem: eligibility.ProblemValue, Min: b.Applied}
		}
		if err := checkAmount(eligibility.JoinPath(p, "monthly"), b.Monthly); err != nil {
			return err
		}
	}
	if len(o.Work) > MaxOutcomes {
		return &eligibility.FieldError{Field: "work", Problem: eligibility.ProblemTooLong,
			Max: strconv.Itoa(MaxOutcomes), Want: eligibility.WantUnitItems}
	}
	for i, w := range o.Work {
		p := eligibility.IndexPath("work", i)
		if w.Started == "" {
			return missingError(eligibility.JoinPath(p, "started"))
		}
		if err := checkDue(eligibility.JoinPath(p, "started"), w.Started); err != nil {
			return err
		}
		if !slices.Contains(Sectors(), w.Sector) {
			return valueError(eligibility.JoinPath(p, "sector"), Sectors())
		}
		if err := checkAmount(eligibility.JoinPath(p, "hourly_pay"), w.HourlyPay); err != nil {
			return err
		}
	}
	return nil
}

func checkAmount(path string, x *float64) error {
	if x != nil && (math.IsNaN(*x) || math.IsInf(*x, 0) || *x < 0 || *x > eligibility.MaxAmount) {
		return eligibility.RangeError(path, 0, eligibility.MaxAmount)
	}
	return nil
}

func knownBenefit(benefits []string, id string) bool {
	if benefits != nil {
		return slices.Contains(benefits, id)
	}
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	return true
}

// Decisions are the decided claims as the deadline rules take them, so a refusal entered as
// an outcome gives its reconsideration deadline without being entered twice.
func (o Outcomes) Decisions() []eligibility.BenefitDecision {
	var out []eligibility.BenefitDecision
	for _, b := range o.Benefits {
		if b.Decided == "" || b.Status == BenefitApplied {
			continue
		}
		out = append(out, eligibility.BenefitDecision{Benefit: b.Benefit, Decided: b.Decided, Refused: b.Status == BenefitRefused})
	}
	return out
}
