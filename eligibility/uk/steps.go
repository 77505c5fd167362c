package uk

import (
	"waymark/eligibility"
)

// sarExemptUnder is the age below which a single renter is held to the Shared Accommodation
// Rate, and from which a positive conclusive grounds decision exempts them (SI 2022/942).
const sarExemptUnder = 35

// nextSteps lists the practical steps that apply: documents, a way to be paid, and what to ask
// for in a Universal Credit claim.
func (p *person) nextSteps(uc eligibility.Result) []eligibility.NextStep {
	f := p.f
	var out []eligibility.NextStep
	isFalse := func(b *bool) bool { return b != nil && !*b }
	ucOpen := uc.Status != eligibility.NotEligible
	if isFalse(f.HasNINO) {
		out = append(out, eligibility.NewStep("apply_nino", nil))
	}
	if isFalse(f.HasBankAccount) {
		noLeave := f.ImmigrationStatus != nil && *f.ImmigrationStatus == eligibility.NoLeave
		if !noLeave {
			out = append(out, eligibility.NewStep("basic_bank_account", nil))
		}
		if noLeave || ucOpen {
			out = append(out, eligibility.NewStep("payment_exception_service", nil))
		}
	}
	if isFalse(f.HasPhotoID) {
		out = append(out, eligibility.NewStep("photo_id", nil))
	}
	if ucOpen {
		out = append(out, eligibility.NewStep("uc_advance", nil))
		step := eligibility.NewStep("alternative_payment_arrangements", nil)
		if p.nationIs(eligibility.Scotland) {
			step.MessageID += ".scotland"
		}
		out = append(out, step)
	}
	if f.Couple != nil && !*f.Couple && f.Age != nil && *f.Age < sarExemptUnder &&
		f.NRMConclusiveGrounds != nil && *f.NRMConclusiveGrounds == eligibility.CGPositive {
		out = append(out, eligibility.NewStep("sar_exemption", map[string]any{"Age": sarExemptUnder}))
	}
	return out
}
