package uk

import (
	"time"

	"waymark/eligibility"
)

// Benefit ids of the results contract (DESIGN.md), in the order an adviser sees them.
const (
	UniversalCredit           = "universal_credit"
	NewStyleJSA               = "new_style_jsa"
	NewStyleESA               = "new_style_esa"
	PIP                       = "pip"
	AdultDisabilityPayment    = "adult_disability_payment"
	HousingBenefit            = "housing_benefit"
	CouncilTaxReduction       = "council_tax_reduction"
	ChildBenefit              = "child_benefit"
	PensionCredit             = "pension_credit"
	ScottishChildPayment      = "scottish_child_payment"
	HealthyStart              = "healthy_start"
	VictimSupport             = "victim_support"
	NRPFLocalAuthoritySupport = "nrpf_local_authority_support"
	AsylumSupport             = "asylum_support"
)

// PackVersion changes whenever a rule or a parameter file of the UK pack changes, so a saved
// result can be traced to the rules that gave it.
const PackVersion = "2026.11.1"

// reviewed is the day the rules were last checked against their sources.
var reviewed = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

var benefits = []string{
	UniversalCredit, NewStyleJSA, NewStyleESA, PIP, AdultDisabilityPayment, HousingBenefit,
	CouncilTaxReduction, ChildBenefit, PensionCredit, ScottishChildPayment, HealthyStart,
	VictimSupport, NRPFLocalAuthoritySupport, AsylumSupport,
}

// Pack is the UK rule pack. It holds no state: every rule reads the facts through the engine's
// condition helpers and the dated parameters through Param.
type Pack struct{}

// ID is "uk".
func (Pack) ID() string { return "uk" }

// Version is PackVersion.
func (Pack) Version() string { return PackVersion }

// Reviewed is the day the rules were last checked against their sources.
func (Pack) Reviewed() time.Time { return reviewed }

// Benefits lists every benefit id of DESIGN.md; a copy, so a caller cannot reorder the pack.
func (Pack) Benefits() []string { return append([]string(nil), benefits...) }

// Evaluate applies the UK rules to one person's facts on a day.
func (Pack) Evaluate(f eligibility.Facts, date time.Time) eligibility.Outcome {
	p := newPerson(f, date)
	uc, ucCond := p.universalCredit()
	pc, pcCond := p.pensionCredit()
	qualifying := eligibility.Or(ucCond, pcCond)
	results := []eligibility.Result{
		uc,
		p.newStyleJSA(),
		p.newStyleESA(),
		p.pip(),
		p.adultDisabilityPayment(),
		p.housingBenefit(),
		p.councilTaxReduction(),
		p.childBenefit(),
		pc,
		p.scottishChildPayment(qualifying),
		p.healthyStart(ucCond),
		p.victimSupport(),
		p.nrpfSupport(),
		p.asylumSupport(),
	}
	return eligibility.Outcome{Results: results, NextSteps: p.nextSteps(uc)}
}

func init() {
	eligibility.MustRegister(Pack{})
}
