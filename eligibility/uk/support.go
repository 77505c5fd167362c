package uk

import (
	"waymark/eligibility"
	"waymark/eligibility/params"
)

// Sources of the family benefits, victim support and the safety nets.
const (
	srcSCP           = "https://www.legislation.gov.uk/ssi/2020/351"
	srcHealthyStart  = "https://www.legislation.gov.uk/uksi/2005/3262"
	srcHSGuide       = "https://www.healthystart.nhs.uk/"
	srcMSA50A        = "https://www.legislation.gov.uk/ukpga/2015/30/section/50A"
	srcMSGuidance    = "https://www.gov.uk/government/publications/modern-slavery-how-to-identify-and-support-victims"
	srcMSVCCDest     = "https://www.gov.uk/government/publications/modern-slavery-victim-care-contract-assessing-destitution"
	srcNRMScotland   = "https://www.legislation.gov.uk/asp/2015/12/section/9"
	srcNRMNI         = "https://www.legislation.gov.uk/nia/2015/2/section/18"
	srcNRMReferral   = "https://www.gov.uk/government/publications/human-trafficking-victims-referral-and-assessment-forms"
	srcChildren17    = "https://www.legislation.gov.uk/ukpga/1989/41/section/17"
	srcCareAct       = "https://www.legislation.gov.uk/ukpga/2014/23/section/18"
	srcSSWBWales     = "https://www.legislation.gov.uk/anaw/2014/4/section/35"
	srcChildrenScot  = "https://www.legislation.gov.uk/ukpga/1995/36/section/22"
	srcChildrenNI    = "https://www.legislation.gov.uk/nisi/1995/755/article/18"
	srcNIAASch3      = "https://www.legislation.gov.uk/ukpga/2002/41/schedule/3"
	srcAsylumSupport = "https://www.legislation.gov.uk/ukpga/1999/33/section/95"
)

// scottishChildPayment: Scotland, a child under 16 and a qualifying benefit.
func (p *person) scottishChildPayment(qualifying cond) eligibility.Result {
	r, ok := p.rates(Param.ScottishChildPaymentWeeklyRate)
	if !ok {
		return ratesUnconfirmed(ScottishChildPayment)
	}
	res := eligibility.Decide(ScottishChildPayment,
		check{Code: "scp.nation", Source: srcSCP, Cond: p.inNation(eligibility.Scotland)},
		check{Code: "scp.child", Source: srcSCP, Cond: p.childUnder16},
		check{Code: "scp.qualifying_benefit", Source: srcSCP, Cond: qualifying},
	)
	if res.Status == eligibility.Eligible {
		res.Reasons = append(res.Reasons, eligibility.NewReason("scp.rate", srcSCP, map[string]any{"Rate": pounds(r[0])}))
	}
	return res
}

// healthyStart: England, Wales and Northern Ireland (Scotland has Best Start Foods); pregnant
// at least 10 weeks or a child under 4; Universal Credit within the scheme's take-home pay
// limit, or under 18 and pregnant.
func (p *person) healthyStart(ucCond cond) eligibility.Result {
	r, ok := p.rates(Param.HealthyStartPregnancy, Param.HealthyStartChildUnder1, Param.HealthyStartChild1To3)
	if !ok {
		return ratesUnconfirmed(HealthyStart)
	}
	f := p.f
	pregnant := eligibility.Bool(eligibility.FactPregnant, f.Pregnant)
	var earningsOK cond
	switch {
	case f.MonthlyEarnings == nil:
		earningsOK = open(eligibility.FactMonthlyEarnings)
	case *f.MonthlyEarnings == 0:
		earningsOK = known(true)
	default:
		earningsOK = open()
	}
	under18 := eligibility.Is(eligibility.FactAge, f.Age, func(a int) bool { return a < 18 })
	res := eligibility.Decide(HealthyStart,
		check{Code: "hs.nation", Source: srcHealthyStart,
			Cond: p.inNation(eligibility.England, eligibility.Wales, eligibility.NorthernIreland)},
		check{Code: "hs.child_or_pregnancy", Source: srcHealthyStart,
			Cond: or(p.hasChild(func(a int) bool { return a < 4 }), and(pregnant, open()))},
		check{Code: "hs.qualifying_benefit", Source: srcHealthyStart,
			Cond: or(and(ucCond, earningsOK), and(under18, pregnant))},
	)
	if res.Status == eligibility.Eligible {
		res.Reasons = append(res.Reasons, eligibility.NewReason("hs.rates", srcHSGuide, map[string]any{
			"Pregnancy": pounds(r[0]), "Under1": pounds(r[1]), "Child1To3": pounds(r[2])}))
	}
	return res
}

// victimSupport: National Referral Mechanism support, from the reasonable and conclusive
// grounds decisions and the nation's scheme.
func (p *person) victimSupport() eligibility.Result {
	f := p.f
	decide := func(c check) eligibility.Result { return eligibility.Decide(VictimSupport, c) }
	// withDays decides a check that states a support period, looked up only where it is used,
	// so a period not yet confirmed on the day never blocks the other answers.
	withDays := func(c check, h params.Handle) eligibility.Result {
		d, err := h.At(p.date)
		if err != nil {
			return ratesUnconfirmed(VictimSupport)
		}
		c.Data = map[string]any{"Days": d}
		return decide(c)
	}
	rg, cg := f.NRMReasonableGrounds, f.NRMConclusiveGrounds
	if rg == nil && cg == nil {
		// Either decision settles it (a conclusive one on its own), so both are missing: an
		// adviser who skips the first question is still asked the second.
		return decide(check{Code: "vs.referral", Source: srcNRMReferral,
			Cond: open(eligibility.FactNRMReasonableGrounds, eligibility.FactNRMConclusiveGrounds)})
	}
	if cg != nil && *cg == eligibility.CGNegative {
		return decide(check{Code: "vs.negative_cg", Source: srcMSGuidance, Cond: known(false)})
	}
	if rg != nil && *rg == eligibility.RGNegative && (cg == nil || *cg != eligibility.CGPositive) {
		return decide(check{Code: "vs.negative_rg", Source: srcMSGuidance, Cond: known(false)})
	}
	if rg != nil && *rg == eligibility.RGNotReferred && cg == nil {
		return decide(check{Code: "vs.not_referred", Source: srcNRMReferral, Cond: open()})
	}
	if rg != nil && *rg == eligibility.RGPending && cg == nil {
		if p.nationIs(eligibility.England) || p.nationIs(eligibility.Wales) {
			return decide(check{Code: "vs.pending_destitution", Source: srcMSVCCDest,
				Cond: eligibility.Bool(eligibility.FactDestitute, f.Destitute)})
		}
		if f.Nation == nil {
			return decide(check{Code: "vs.nation", Source: srcMSGuidance, Cond: open(eligibility.FactNation)})
		}
		return decide(check{Code: "vs.pending_other", Source: srcMSGuidance, Cond: open()})
	}
	// A positive reasonable grounds decision (or a conclusive one already made).
	if cg == nil {
		return decide(check{Code: "vs.conclusive", Source: srcMSGuidance, Cond: open(eligibility.FactNRMConclusiveGrounds)})
	}
	if f.Nation == nil {
		return decide(check{Code: "vs.nation", Source: srcMSGuidance, Cond: open(eligibility.FactNation)})
	}
	positive := *cg == eligibility.CGPositive
	switch *f.Nation {
	case eligibility.Scotland:
		if positive {
			return withDays(check{Code: "vs.scotland_after_cg", Source: srcNRMScotland, Cond: open()},
				Param.NRMScotlandSupportPeriod)
		}
		return withDays(check{Code: "vs.scotland", Source: srcNRMScotland, Cond: known(true)},
			Param.NRMScotlandSupportPeriod)
	case eligibility.NorthernIreland:
		if positive {
			return withDays(check{Code: "vs.ni_after_cg", Source: srcNRMNI, Cond: open()},
				Param.NRMNorthernIrelandRecoveryPeriod)
		}
		return withDays(check{Code: "vs.ni", Source: srcNRMNI, Cond: known(true)},
			Param.NRMNorthernIrelandRecoveryPeriod)
	}
	if positive {
		return withDays(check{Code: "vs.move_on", Source: srcMSGuidance, Cond: known(true)},
			Param.NRMEnglandWalesMoveOnPositiveCG)
	}
	return withDays(check{Code: "vs.recovery", Source: srcMSA50A, Cond: known(true)},
		Param.NRMEnglandWalesRecoveryPeriod)
}

// nrpfSupport: the local-authority safety net for people with no recourse to public funds:
// a child in need, or needs for care and support; Schedule 3 excludes some groups unless a
// human-rights assessment finds support is needed.
func (p *person) nrpfSupport() eligibility.Result {
	f := p.f
	st := f.ImmigrationStatus
	var applies cond
	excluded := known(false)
	switch {
	case st == nil:
		applies = open(eligibility.FactImmigrationStatus)
	case *st == eligibility.LeaveNoPublicFunds || *st == eligibility.AsylumSeeker:
		applies = known(true)
	case *st == eligibility.NoLeave:
		applies, excluded = known(true), known(true)
	case *st == eligibility.EUSSPreSettled || *st == eligibility.EUSSPending:
		applies = not(eligibility.OneOf(eligibility.FactRightToReside, f.RightToReside, rtrQualifying...))
		excluded = known(true)
	case *st == eligibility.VTSLeave:
		applies = open()
	default:
		applies = known(false)
	}
	childSrc, adultSrc := srcChildren17, srcCareAct
	switch {
	case p.nationIs(eligibility.Wales):
		childSrc, adultSrc = srcSSWBWales, srcSSWBWales
	case p.nationIs(eligibility.Scotland):
		childSrc, adultSrc = srcChildrenScot, srcChildrenScot
	case p.nationIs(eligibility.NorthernIreland):
		childSrc, adultSrc = srcChildrenNI, srcChildrenNI
	}
	careNeeds := eligibility.Bool(eligibility.FactCareNeeds, f.CareNeeds)
	childInNeed := and(p.hasChild(func(a int) bool { return a < 18 }),
		eligibility.Bool(eligibility.FactDestitute, f.Destitute))
	if st != nil && *st == eligibility.AsylumSeeker {
		childInNeed = known(false) // families seeking asylum are supported by the Home Office
	}
	code, src := "nrpf.care_needs", adultSrc
	if !careNeeds.IsYes() {
		code, src = "nrpf.child_in_need", childSrc
	}
	return eligibility.Decide(NRPFLocalAuthoritySupport,
		check{Code: "nrpf.applies", Source: srcNIAASch3, Cond: applies},
		check{Code: code, Source: src, Cond: or(careNeeds, childInNeed)},
		check{Code: "nrpf.schedule3", Source: srcNIAASch3, Cond: or(not(excluded), open())},
	)
}

// asylumSupport: section 95 support for an asylum seeker who is destitute.
func (p *person) asylumSupport() eligibility.Result {
	r, ok := p.rates(Param.AsylumSupportWeeklyRate, Param.AsylumSupportPregnantExtra,
		Param.AsylumSupportChildUnder1Extra, Param.AsylumSupportChild1To3Extra)
	if !ok {
		return ratesUnconfirmed(AsylumSupport)
	}
	f := p.f
	res := eligibility.Decide(AsylumSupport,
		check{Code: "as.asylum_seeker", Source: srcAsylumSupport,
			Cond: eligibility.OneOf(eligibility.FactImmigrationStatus, f.ImmigrationStatus, eligibility.AsylumSeeker)},
		check{Code: "as.destitute", Source: srcAsylumSupport,
			Cond: eligibility.Bool(eligibility.FactDestitute, f.Destitute)},
	)
	if res.Status == eligibility.Eligible {
		res.Reasons = append(res.Reasons, eligibility.NewReason("as.rate", srcAsylumSupport, map[string]any{
			"Rate": pounds(r[0]), "Pregnant": pounds(r[1]), "Under1": pounds(r[2]), "Child1To3": pounds(r[3])}))
	}
	return res
}
