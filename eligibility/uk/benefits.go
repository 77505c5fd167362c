package uk

import (
	"waymark/eligibility"
)

// Sources of the contributory, disability, housing and pension-age benefits.
const (
	srcJSA1        = "https://www.legislation.gov.uk/ukpga/1995/18/section/1"
	srcJSA2        = "https://www.legislation.gov.uk/ukpga/1995/18/section/2"
	srcJSAReg42    = "https://www.legislation.gov.uk/uksi/2013/378/regulation/42"
	srcESA1        = "https://www.legislation.gov.uk/ukpga/2007/5/section/1"
	srcESASch1     = "https://www.legislation.gov.uk/ukpga/2007/5/schedule/1"
	srcPIPAge      = "https://www.legislation.gov.uk/ukpga/2012/5/section/83"
	srcPIP77       = "https://www.legislation.gov.uk/ukpga/2012/5/section/77"
	srcPIPReg12    = "https://www.legislation.gov.uk/uksi/2013/377/regulation/12"
	srcPIPScotland = "https://www.gov.uk/pip"
	srcADP         = "https://www.legislation.gov.uk/ssi/2022/54/regulation/15"
	srcADPGeneral  = "https://www.legislation.gov.uk/ssi/2022/54"
	srcHBElig      = "https://www.gov.uk/housing-benefit/eligibility"
	srcHBCapital   = "https://www.legislation.gov.uk/uksi/2006/213/regulation/43"
	srcCTREngland  = "https://www.legislation.gov.uk/uksi/2012/2885"
	srcCTRWales    = "https://www.legislation.gov.uk/wsi/2013/3029"
	srcCTRScotland = "https://www.legislation.gov.uk/ssi/2012/303"
	srcCTRNI       = "https://www.nidirect.gov.uk/articles/rate-relief-schemes"
	srcCTRGeneral  = "https://www.gov.uk/apply-council-tax-reduction"
	srcCB          = "https://www.gov.uk/child-benefit/eligibility"
	srcCBAge       = "https://www.legislation.gov.uk/ukpga/1992/4/section/142"
	srcHBReg10     = "https://www.legislation.gov.uk/uksi/2006/213/regulation/10"
	srcCTRReg12    = "https://www.legislation.gov.uk/uksi/2012/2885/regulation/12"
	srcPCReg2      = "https://www.legislation.gov.uk/uksi/2002/1792/regulation/2"
	srcPC1         = "https://www.legislation.gov.uk/ukpga/2002/16/section/1"
	srcPCElig      = "https://www.gov.uk/pension-credit/eligibility"
)

func (p *person) contributions(code, source string) check {
	return check{Code: code, Source: source,
		Cond: eligibility.Bool(eligibility.FactNIContributionsRecent, p.f.NIContributionsRecent)}
}

// newStyleJSA: contributions in the two relevant tax years, under State Pension age, capable
// of work and not in work of 16 hours or more. Not a public fund and not means-tested.
func (p *person) newStyleJSA() eligibility.Result {
	r, ok := p.rates(Param.JSANewStyleUnder25, Param.JSANewStyle25OrOver)
	if !ok {
		return ratesUnconfirmed(NewStyleJSA)
	}
	f := p.f
	return eligibility.Decide(NewStyleJSA,
		p.contributions("jsa.contributions", srcJSA2),
		p.underSPA("jsa.pension_age", srcJSA1),
		check{Code: "jsa.capable_of_work", Source: srcJSA1,
			Cond: not(eligibility.Bool(eligibility.FactLimitedCapabilityWork, f.LimitedCapabilityWork))},
		check{Code: "jsa.hours", Source: srcJSAReg42,
			Cond: eligibility.NumFact(eligibility.FactWeeklyHours, f.WeeklyHours).Lt(eligibility.Amount(16))},
		p.rightToWork(),
		check{Code: "jsa.rate", Source: srcJSA2, Cond: known(true),
			Data: map[string]any{"Under25": pounds(r[0]), "Over25": pounds(r[1])}},
	)
}

// rightToWork: New Style JSA is not a public fund, but the claimant must be available for
// work, which people seeking asylum and people without leave usually may not be; whether they
// have permission to work is for the adviser to check, never assumed.
func (p *person) rightToWork() check {
	st := p.f.ImmigrationStatus
	c := check{Code: "jsa.right_to_work", Source: srcJSA1}
	switch {
	case st == nil:
		c.Cond = open(eligibility.FactImmigrationStatus)
	case *st == eligibility.AsylumSeeker || *st == eligibility.NoLeave:
		c.Cond = open()
	default:
		c.Cond = known(true)
	}
	return c
}

// newStyleESA: a health condition that limits work, and the contribution conditions.
func (p *person) newStyleESA() eligibility.Result {
	r, ok := p.rates(Param.ESANewStyleAssessmentPhaseUnder25, Param.ESANewStyleBasicAllowance,
		Param.ESANewStyleSupportComponent)
	if !ok {
		return ratesUnconfirmed(NewStyleESA)
	}
	f := p.f
	return eligibility.Decide(NewStyleESA,
		check{Code: "esa.limited_capability", Source: srcESA1,
			Cond: eligibility.Bool(eligibility.FactLimitedCapabilityWork, f.LimitedCapabilityWork)},
		p.contributions("esa.contributions", srcESASch1),
		p.underSPA("esa.pension_age", srcESA1),
		check{Code: "esa.rate", Source: srcESA1, Cond: known(true),
			Data: map[string]any{"Under25": pounds(r[0]), "Basic": pounds(r[1]), "Support": pounds(r[2])}},
	)
}

// disabilityChecks are the parts PIP and Adult Disability Payment share: age 16 to State
// Pension age for a new claim, a daily living or mobility need, and the required period.
func (p *person) disabilityChecks(prefix, ageSource, periodSource string) []check {
	f := p.f
	return []check{
		{Code: prefix + ".age", Source: ageSource, Cond: and(
			eligibility.Is(eligibility.FactAge, f.Age, func(a int) bool { return a >= 16 }), not(p.spa))},
		{Code: prefix + ".needs", Source: periodSource, Cond: or(
			eligibility.Bool(eligibility.FactDailyLivingDifficulty, f.DailyLivingDifficulty),
			eligibility.Bool(eligibility.FactMobilityDifficulty, f.MobilityDifficulty))},
		{Code: prefix + ".required_period", Source: periodSource,
			Cond: eligibility.Is(eligibility.FactConditionMonths, f.ConditionMonths, func(m int) bool { return m >= 12 })},
	}
}

// refugeeOrHP reports whether the status exempts from past-presence tests.
func (p *person) refugeeOrHP() cond {
	return eligibility.OneOf(eligibility.FactImmigrationStatus, p.f.ImmigrationStatus,
		eligibility.Refugee, eligibility.HumanitarianProtection)
}

// pip: Great Britain outside Scotland (Northern Ireland runs its own PIP on the same rules).
func (p *person) pip() eligibility.Result {
	r, ok := p.rates(Param.PIPDailyLivingStandard, Param.PIPDailyLivingEnhanced,
		Param.PIPMobilityStandard, Param.PIPMobilityEnhanced)
	if !ok {
		return ratesUnconfirmed(PIP)
	}
	checks := []check{{Code: "pip.nation", Source: srcPIPScotland,
		Cond: p.inNation(eligibility.England, eligibility.Wales, eligibility.NorthernIreland)}}
	checks = append(checks, p.disabilityChecks("pip", srcPIPAge, srcPIPReg12)...)
	checks = append(checks, p.residence(disability, srcPIPResidence)...)
	checks = append(checks, check{Code: "pip.past_presence", Source: srcPIPResidence,
		Cond: or(p.refugeeOrHP(), eligibility.Is(eligibility.FactUKPresenceWeeks, p.f.UKPresenceWeeks,
			func(w int) bool { return w >= 104 }))})
	res := eligibility.Decide(PIP, checks...)
	if res.Status == eligibility.Eligible {
		res.Reasons = append(res.Reasons, eligibility.NewReason("pip.rates", srcPIP77, map[string]any{
			"DailyStandard": pounds(r[0]), "DailyEnhanced": pounds(r[1]),
			"MobilityStandard": pounds(r[2]), "MobilityEnhanced": pounds(r[3])}))
	}
	return res
}

// adultDisabilityPayment: Scotland's replacement for PIP. Its past-presence test is 26 of the
// last 52 weeks; the facts hold weeks present in the last 156, which settles it only when the
// person was absent at most 26 weeks (then present at least 26 of the last 52) or present fewer
// than 26 weeks in all. Otherwise the adviser must check the last 52 weeks.
func (p *person) adultDisabilityPayment() eligibility.Result {
	checks := []check{{Code: "adp.nation", Source: srcADPGeneral, Cond: p.inNation(eligibility.Scotland)}}
	checks = append(checks, p.disabilityChecks("adp", srcADPGeneral, srcADPGeneral)...)
	checks = append(checks, p.residence(disability, srcADP)...)
	presence := eligibility.OpenNum(eligibility.FactUKPresenceWeeks)
	if p.f.UKPresenceWeeks != nil {
		presence = eligibility.Amount(float64(*p.f.UKPresenceWeeks))
	}
	var last52 cond
	switch w, ok := presence.Value(); {
	case !ok:
		last52 = open(eligibility.FactUKPresenceWeeks)
	case w >= 130:
		last52 = known(true)
	case w < 26:
		last52 = known(false)
	default:
		last52 = open()
	}
	checks = append(checks, check{Code: "adp.past_presence", Source: srcADP, Cond: or(p.refugeeOrHP(), last52)})
	return eligibility.Decide(AdultDisabilityPayment, checks...)
}

// pensionAgeHousehold: the person, and any partner, have reached State Pension age.
func (p *person) pensionAgeHousehold() cond {
	return and(p.spa, or(not(p.couple), p.partnerSPA))
}

// housingBenefit: new claims only at State Pension age (both partners) or for rent in
// supported exempt or temporary accommodation; rent must be payable.
func (p *person) housingBenefit() eligibility.Result {
	r, ok := p.rates(Param.HousingBenefitCapitalUpperLimit)
	if !ok {
		return ratesUnconfirmed(HousingBenefit)
	}
	f := p.f
	specified := eligibility.OneOf(eligibility.FactHousing, f.Housing,
		eligibility.HousingTemporary, eligibility.HousingSupportedExempt)
	renting := eligibility.OneOf(eligibility.FactHousing, f.Housing, eligibility.HousingTemporary,
		eligibility.HousingSupportedExempt, eligibility.HousingPrivateRented, eligibility.HousingSocialRented)
	checks := []check{
		{Code: "hb.route", Source: srcHBElig, Cond: or(specified, p.pensionAgeHousehold())},
		{Code: "hb.rent", Source: srcHBElig, Cond: renting},
	}
	checks = append(checks, p.residence(meansTestedAT, srcHBReg10)...)
	checks = append(checks, check{Code: "hb.capital", Source: srcHBCapital,
		Data: map[string]any{"Limit": pounds(r[0])}, Cond: p.capitalAtMost(r[0])})
	return eligibility.Decide(HousingBenefit, checks...)
}

// councilTaxReduction: England's working-age schemes are set by each council, so they are
// need_info with that reason; pension age in England, and Wales and Scotland, are national.
// Northern Ireland has rates, not council tax.
func (p *person) councilTaxReduction() eligibility.Result {
	r, ok := p.rates(Param.CouncilTaxReductionCapitalUpperLimit)
	if !ok {
		return ratesUnconfirmed(CouncilTaxReduction)
	}
	f := p.f
	if p.nationIs(eligibility.NorthernIreland) {
		return eligibility.Decide(CouncilTaxReduction,
			check{Code: "ctr.northern_ireland", Source: srcCTRNI, Cond: known(false)})
	}
	checks := []check{{Code: "ctr.liable", Source: srcCTRGeneral,
		Cond: eligibility.Bool(eligibility.FactLiableForCouncilTax, f.LiableForCouncilTax)}}
	if f.Nation == nil {
		checks = append(checks, check{Code: "ctr.nation", Source: srcCTRGeneral, Cond: open(eligibility.FactNation)})
	} else if *f.Nation == eligibility.England {
		src := srcCTREngland
		checks = append(checks, check{Code: "ctr.england_local", Source: src,
			Cond: or(p.spa, open())})
	} else {
		src := srcCTRWales
		if *f.Nation == eligibility.Scotland {
			src = srcCTRScotland
		}
		checks = append(checks, check{Code: "ctr.national_scheme", Source: src, Cond: known(true)})
	}
	checks = append(checks, p.residence(meansTested, srcCTRReg12)...)
	checks = append(checks, check{Code: "ctr.capital", Source: srcCTREngland,
		Data: map[string]any{"Limit": pounds(r[0])}, Cond: p.capitalAtMost(r[0])})
	res := eligibility.Decide(CouncilTaxReduction, checks...)
	if res.Status == eligibility.Eligible {
		res.Reasons = append(res.Reasons, eligibility.NewReason("ctr.amount_depends_on_income", srcCTRGeneral, nil))
	}
	return res
}

// childBenefit: responsible for a child, with a right to reside; people subject to immigration
// control are excluded, and pre-settled status alone is not a right to reside (SI 2019/867).
func (p *person) childBenefit() eligibility.Result {
	r, ok := p.rates(Param.ChildBenefitEldestOrOnly, Param.ChildBenefitAdditionalChild)
	if !ok {
		return ratesUnconfirmed(ChildBenefit)
	}
	checks := []check{{Code: "cb.child", Source: srcCBAge, Cond: p.childUnder16}}
	checks = append(checks, p.residence(childBenefitMode, srcCBReg23)...)
	res := eligibility.Decide(ChildBenefit, checks...)
	if res.Status == eligibility.Eligible {
		res.Reasons = append(res.Reasons, eligibility.NewReason("cb.rates", srcCB, map[string]any{
			"Eldest": pounds(r[0]), "Additional": pounds(r[1])}))
	}
	return res
}

// pensionCredit: State Pension age (both partners; a mixed-age couple claims Universal
// Credit), with the residence tests of a means-tested benefit. No capital limit applies.
func (p *person) pensionCredit() (eligibility.Result, cond) {
	r, ok := p.rates(Param.PensionCreditStandardMinimumGuaranteeSingle, Param.PensionCreditStandardMinimumGuaranteeCouple)
	if !ok {
		return ratesUnconfirmed(PensionCredit), open()
	}
	checks := []check{
		{Code: "pc.pension_age", Source: srcPC1, Cond: p.spa},
		{Code: "pc.mixed_age_couple", Source: srcPCElig, Cond: or(not(p.couple), p.partnerSPA)},
	}
	checks = append(checks, p.residence(meansTestedAT, srcPCReg2)...)
	res := eligibility.Decide(PensionCredit, checks...)
	if res.Status == eligibility.Eligible {
		res.Reasons = append(res.Reasons, eligibility.NewReason("pc.guarantee", srcPCElig, map[string]any{
			"Single": pounds(r[0]), "Couple": pounds(r[1])}))
	}
	all := make([]cond, len(checks))
	for i, c := range checks {
		all[i] = c.Cond
	}
	return res, and(all...)
}
