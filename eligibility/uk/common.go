package uk

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"waymark/eligibility"
	"waymark/eligibility/params"
)

// Short names for the engine's helpers: the rules below read like the regulations they cite.
type (
	cond  = eligibility.Cond
	check = eligibility.Check
	facts = eligibility.Facts
)

var (
	and   = eligibility.And
	or    = eligibility.Or
	not   = eligibility.Not
	known = eligibility.Known
	open  = eligibility.Open
)

// Sources shared by several benefits.
const (
	srcIAA115       = "https://www.legislation.gov.uk/ukpga/1999/33/section/115"
	srcUCReg9       = "https://www.legislation.gov.uk/uksi/2013/376/regulation/9"
	srcADMMemos     = "https://www.gov.uk/government/publications/advice-for-decision-making-staff-guide"
	srcEUSSPending  = "https://www.legislation.gov.uk/uksi/2020/1209/regulation/4"
	srcVTS          = "https://www.gov.uk/government/publications/temporary-permission-to-stay-for-victims-of-human-trafficking-and-slavery-caseworker-guidance"
	srcSPA          = "https://www.gov.uk/state-pension-age"
	srcUpdate       = "https://www.gov.uk/government/publications/benefit-and-pension-rates-2026-to-2027/proposed-benefit-and-pension-rates-2026-to-2027"
	srcCBReg23      = "https://www.legislation.gov.uk/uksi/2006/223/regulation/23"
	srcPIPResidence = "https://www.legislation.gov.uk/uksi/2013/377/regulation/16"
)

// The State Pension age rise from 66 to 67 is phased in for people born on or after 6 April
// 1960; everyone born on or after 6 March 1961 reaches it at 67 (Pensions Act 2014, s. 26).
var (
	spaRiseFirstBirth = time.Date(1960, 4, 6, 0, 0, 0, 0, time.UTC)
	spaAt67FirstBirth = time.Date(1961, 3, 6, 0, 0, 0, 0, time.UTC)
)

// person is one evaluation: the facts, the day, and the conditions several benefits share.
type person struct {
	f    facts
	date time.Time
	// spa: the person has reached State Pension age.
	spa cond
	// partnerSPA: the partner has reached State Pension age (meaningful only in a couple).
	partnerSPA cond
	// couple: the person claims as one of a couple.
	couple cond
	// children: the person is responsible for a child under 16.
	childUnder16 cond
}

func newPerson(f facts, date time.Time) *person {
	p := &person{f: f, date: date}
	p.spa = p.claimantSPA()
	p.partnerSPA = partnerReachedSPA(f.PartnerAge, date)
	p.couple = eligibility.Bool(eligibility.FactCouple, f.Couple)
	p.childUnder16 = p.hasChild(func(a int) bool { return a < 16 })
	return p
}

func (p *person) hasChild(test func(int) bool) cond {
	return eligibility.Is(eligibility.FactChildrenAges, p.f.ChildrenAges, func(ages []int) bool {
		return slices.ContainsFunc(ages, test)
	})
}

// claimantSPA uses state_pension_age when given, and otherwise works it out from age and the
// day, answering unknown (and asking state_pension_age) where whole years cannot tell.
func (p *person) claimantSPA() cond {
	if p.f.StatePensionAge != nil {
		return known(*p.f.StatePensionAge)
	}
	if p.f.Age == nil {
		return open(eligibility.FactAge, eligibility.FactStatePensionAge)
	}
	switch spaFromAge(*p.f.Age, p.date) {
	case eligibility.Yes:
		return known(true)
	case eligibility.No:
		return known(false)
	}
	return open(eligibility.FactStatePensionAge)
}

// partnerReachedSPA works the partner's State Pension age out from their age; where the year
// of age cannot tell, only the partner's date of birth can (a judgement the adviser makes).
func partnerReachedSPA(age *int, date time.Time) cond {
	if age == nil {
		return open(eligibility.FactPartnerAge)
	}
	switch spaFromAge(*age, date) {
	case eligibility.Yes:
		return known(true)
	case eligibility.No:
		return known(false)
	}
	return open()
}

// spaFromAge decides whether someone of this age in whole years has reached State Pension age
// on date. Everyone of 67 has; nobody under 66 has. At 66 it depends on the date of birth:
// those born before 6 April 1960 reached it at 66, those born from 6 March 1961 reach it at 67,
// and for births in between (or a year of age that spans the change) the answer is unknown.
func spaFromAge(age int, date time.Time) eligibility.Tri {
	switch {
	case age >= 67:
		return eligibility.Yes
	case age < 66:
		return eligibility.No
	}
	latestBirth := date.AddDate(-66, 0, 0)
	earliestBirth := date.AddDate(-67, 0, 1)
	switch {
	case latestBirth.Before(spaRiseFirstBirth):
		return eligibility.Yes
	case !earliestBirth.Before(spaAt67FirstBirth):
		return eligibility.No
	}
	return eligibility.Unknown
}

// underSPA is the condition "has not reached State Pension age", shared by the working-age
// benefits.
func (p *person) underSPA(code, source string) check {
	return check{Code: code, Source: source, Cond: not(p.spa)}
}

// residenceMode selects which immigration and residence test a benefit applies.
type residenceMode int

const (
	// meansTested: Universal Credit, Pension Credit, Housing Benefit, Council Tax Reduction. A
	// public fund; pre-settled status needs a qualifying right to reside, and the habitual
	// residence test applies.
	meansTested residenceMode = iota
	// meansTestedAT is meansTested where DWP applies SSWP v AT (UC, Pension Credit, HB): ADM
	// Memo 06/24 names those three benefits and people granted pre-settled status, so a
	// pending EUSS application (a certificate of application, not yet status) does not get it.
	meansTestedAT
	// childBenefitMode: a public fund with a right-to-reside test (Child Benefit (General)
	// Regulations 2006, reg. 23(4)(c), added by SI 2019/867) but no habitual residence test.
	// HMRC decides it, and DWP's AT guidance does not reach it, so a lack of a right to reside
	// is a refusal here, with the Universal Credit route named in the reason.
	childBenefitMode
	// disability: PIP and ADP. Excluded for people subject to immigration control; no
	// right-to-reside test; habitual residence applies.
	disability
)

var (
	rtrQualifying = []eligibility.RightToReside{
		eligibility.RTRWorker, eligibility.RTRSelfEmployed, eligibility.RTRRetainedWorker,
		eligibility.RTRFamilyOfWorker, eligibility.RTRPermanentResidence,
	}
	// Workers, the self-employed, those who keep worker status and their family members are
	// exempt from the habitual residence test (UC Regs reg. 9(4)).
	rtrHRTExempt = []eligibility.RightToReside{
		eligibility.RTRWorker, eligibility.RTRSelfEmployed, eligibility.RTRRetainedWorker,
		eligibility.RTRFamilyOfWorker,
	}
)

// residence returns the immigration and residence checks of a benefit; residenceSource is the
// benefit's own habitual-residence and right-to-reside provision.
func (p *person) residence(mode residenceMode, residenceSource string) []check {
	f := p.f
	hr := eligibility.Bool(eligibility.FactHabituallyResident, f.HabituallyResident)
	hrt := func(c cond) check { return check{Code: "res.hrt", Source: residenceSource, Cond: c} }
	st := f.ImmigrationStatus
	if st == nil {
		c := check{Code: "imm.status", Source: srcIAA115, Cond: open(eligibility.FactImmigrationStatus)}
		if mode == childBenefitMode {
			return []check{c}
		}
		exempt := eligibility.OneOf(eligibility.FactImmigrationStatus, st, eligibility.Refugee, eligibility.HumanitarianProtection)
		if mode == disability {
			exempt = known(false)
		}
		return []check{c, hrt(or(exempt, hr))}
	}
	rtr := f.RightToReside
	withHRT := func(c check) []check {
		if mode == childBenefitMode {
			return []check{c}
		}
		return []check{c, hrt(hr)}
	}
	switch *st {
	case eligibility.BritishOrIrish, eligibility.EUSSSettled, eligibility.IndefiniteLeave, eligibility.LeaveWithPublicFunds:
		return withHRT(check{Code: "imm.public_funds", Source: srcIAA115, Cond: known(true)})
	case eligibility.Refugee, eligibility.HumanitarianProtection:
		c := check{Code: "imm.refugee", Source: srcUCReg9, Cond: known(true)}
		if mode == disability {
			return withHRT(c)
		}
		return []check{c}
	case eligibility.VTSLeave:
		return withHRT(check{Code: "imm.vts", Source: srcVTS, Cond: open()})
	case eligibility.LeaveNoPublicFunds:
		return []check{{Code: "imm.nrpf", Source: srcIAA115, Cond: known(false)}}
	case eligibility.AsylumSeeker:
		return []check{{Code: "imm.asylum_seeker", Source: srcIAA115, Cond: known(false)}}
	case eligibility.NoLeave:
		return []check{{Code: "imm.no_leave", Source: srcIAA115, Cond: known(false)}}
	}
	// EUSS pre-settled status or a pending EUSS application.
	if mode == disability {
		return withHRT(check{Code: "imm.euss_not_controlled", Source: srcPIPResidence, Cond: known(true)})
	}
	pending := *st == eligibility.EUSSPending
	code, src := "imm.pss_rtr", residenceSource
	if pending {
		code, src = "imm.pending_rtr", srcEUSSPending
	}
	if mode == childBenefitMode {
		code, src = "cb.imm.pss_rtr", srcCBReg23
		if pending {
			// No Appendix EU leave yet, so reg. 23(4)(a) (no right to reside) applies rather
			// than (4)(c): the reason speaks of the pending application, not of pre-settled status.
			code = "cb.imm.pending_rtr"
		}
	}
	qualifying := eligibility.OneOf(eligibility.FactRightToReside, rtr, rtrQualifying...)
	hrtPSS := hrt(or(eligibility.OneOf(eligibility.FactRightToReside, rtr, rtrHRTExempt...), hr))
	if mode == childBenefitMode && rtr != nil && *rtr == eligibility.RTRJobseeker {
		return []check{{Code: "cb.imm.jobseeker", Source: srcCBReg23, Cond: open()}}
	}
	if rtr == nil && !pending && mode == meansTestedAT {
		// Not yet asked: a qualifying right to reside or, failing that, the AT route.
		return []check{{Code: code, Source: src,
			Cond: or(qualifying, eligibility.Bool(eligibility.FactDestitute, f.Destitute))}, hrtPSS}
	}
	// A pending application protects only the rights held before (SI 2020/1209, reg. 4), and
	// DWP applies AT to pre-settled status, not to a certificate of application: without a
	// qualifying right to reside the answer is no, and the reason says so.
	if rtr == nil || qualifying.IsYes() || pending || mode != meansTestedAT {
		c := check{Code: code, Source: src, Cond: qualifying}
		if mode == childBenefitMode {
			return []check{c}
		}
		return []check{c, hrtPSS}
	}
	// Pre-settled status with no qualifying right to reside: SSWP v AT, as DWP applies it.
	return []check{
		{Code: "imm.pss_at", Source: srcADMMemos, Cond: eligibility.Bool(eligibility.FactDestitute, f.Destitute)},
		hrt(hr),
	}
}

// rates looks up the figures a rule needs on the day; ok is false when any has no confirmed
// value, and the rule then answers need_info rather than use a stale figure.
func (p *person) rates(hs ...params.Handle) ([]float64, bool) {
	out := make([]float64, len(hs))
	for i, h := range hs {
		v, err := h.At(p.date)
		if err != nil {
			return nil, false
		}
		out[i] = v
	}
	return out, true
}

// ratesUnconfirmed is the result when a figure a benefit needs has no value in force.
func ratesUnconfirmed(benefit string) eligibility.Result {
	return eligibility.Result{
		Benefit: benefit,
		Status:  eligibility.NeedInfo,
		Reasons: []eligibility.Reason{eligibility.NewReason("uk.rates_unconfirmed", srcUpdate, nil)},
		Missing: []string{},
	}
}

// nation returns the condition that the person lives in one of the nations.
func (p *person) inNation(ns ...eligibility.Nation) cond {
	return eligibility.OneOf(eligibility.FactNation, p.f.Nation, ns...)
}

// nationIs reports whether the nation is given and is n.
func (p *person) nationIs(n eligibility.Nation) bool {
	return p.f.Nation != nil && *p.f.Nation == n
}

// capitalAtMost is the condition capital ≤ limit.
func (p *person) capitalAtMost(limit float64) cond {
	return eligibility.NumFact(eligibility.FactCapital, p.f.Capital).Le(eligibility.Amount(limit))
}

// pounds formats an amount for a message as pounds are written in the UK: whole pounds without
// pence, otherwise two decimals, with commas between thousands (16,000; 1,336.72).
func pounds(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	if x == math.Trunc(x) {
		s = strconv.FormatFloat(x, 'f', 0, 64)
	}
	whole, frac, _ := strings.Cut(s, ".")
	for i := len(whole) - 3; i > 0 && whole[i-1] != '-'; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if frac != "" {
		return whole + "." + frac
	}
	return whole
}
