package uk

import (
	"math"
	"slices"
	"time"

	"waymark/eligibility"
)

// Universal Credit sources.
const (
	srcWRA4       = "https://www.legislation.gov.uk/ukpga/2012/5/section/4"
	srcUCReg8     = "https://www.legislation.gov.uk/uksi/2013/376/regulation/8"
	srcUCReg18    = "https://www.legislation.gov.uk/uksi/2013/376/regulation/18"
	srcUCReg22    = "https://www.legislation.gov.uk/uksi/2013/376/regulation/22"
	srcUCReg24    = "https://www.legislation.gov.uk/uksi/2013/376/regulation/24"
	srcUCReg27    = "https://www.legislation.gov.uk/uksi/2013/376/regulation/27"
	srcUCReg36    = "https://www.legislation.gov.uk/uksi/2013/376/regulation/36"
	srcUCReg72    = "https://www.legislation.gov.uk/uksi/2013/376/regulation/72"
	srcUCHousing  = "https://www.legislation.gov.uk/uksi/2013/376/regulation/25"
	srcTwoChildUC = "https://www.legislation.gov.uk/ukpga/2026/13"
)

// higherFirstChildBefore: the first child born before 6 April 2017 gets the higher rate, and
// while the two-child limit was in force (parameter uc.child_element.two_child_limit) every
// child born before that day still counted.
var higherFirstChildBefore = time.Date(2017, 4, 6, 0, 0, 0, 0, time.UTC)

// ucRates are the Universal Credit figures in force on the day.
type ucRates struct {
	single, single25, couple, couple25 float64
	waHousing, waNoHousing, taper      float64
	child, firstChild, lcwra           float64
	capLimit, tariffFrom, step, tariff float64
	// twoChildLimit: child elements are limited to two children (besides those born before
	// 6 April 2017); false from 6 April 2026.
	twoChildLimit bool
}

func (p *person) ucRates() (ucRates, bool) {
	v, ok := p.rates(
		Param.UCStandardAllowanceSingleUnder25, Param.UCStandardAllowanceSingle25OrOver,
		Param.UCStandardAllowanceCoupleBothUnder25, Param.UCStandardAllowanceCoupleOneOrBoth25OrOver,
		Param.UCWorkAllowanceWithHousing, Param.UCWorkAllowanceWithoutHousing, Param.UCTaperRate,
		Param.UCChildElementPerChild, Param.UCChildElementFirstChildBornBefore20170406,
		Param.UCLCWRAElementStandard,
		Param.UCCapitalUpperLimit, Param.UCCapitalTariffThreshold, Param.UCCapitalTariffStep,
		Param.UCCapitalTariffAmount, Param.UCChildElementTwoChildLimit,
	)
	if !ok {
		return ucRates{}, false
	}
	return ucRates{v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
		v[14] == 1}, true
}

// universalCredit returns the result and the condition "UC is awarded", which the benefits
// that need a qualifying benefit reuse.
func (p *person) universalCredit() (eligibility.Result, cond) {
	r, ok := p.ucRates()
	if !ok {
		return ratesUnconfirmed(UniversalCredit), open()
	}
	f := p.f
	est, notes := p.ucEstimate(r)
	checks := []check{p.ucAge()}
	checks = append(checks,
		check{Code: "uc.pension_age", Source: srcWRA4, Cond: or(not(p.spa), and(p.couple, not(p.partnerSPA)))})
	checks = append(checks, p.residence(meansTestedAT, srcUCReg9)...)
	checks = append(checks, check{Code: "uc.capital", Source: srcUCReg18,
		Data: map[string]any{"Limit": pounds(r.capLimit)}, Cond: p.capitalAtMost(r.capLimit)})
	award := check{Code: "uc.award", Source: srcUCReg22, Cond: est.total.Gt(eligibility.Amount(0))}
	checks = append(checks, award)

	res := eligibility.Decide(UniversalCredit, checks...)
	all := make([]cond, len(checks))
	for i, c := range checks {
		all[i] = c.Cond
	}
	otherFailed := slices.ContainsFunc(checks[:len(checks)-1], func(c check) bool { return c.Cond.IsNo() })
	if v, ok := est.total.Value(); ok && !otherFailed {
		res.MonthlyEstimate = est.total.Ptr()
		res.Reasons = append(res.Reasons, eligibility.NewReason("uc.estimate", srcUCReg22, map[string]any{
			"Standard": pounds(round2(est.standard)), "Children": pounds(round2(est.children)),
			"Capital": pounds(round2(est.tariff)), "Earnings": pounds(round2(est.earnings)),
			"Total": pounds(round2(v)),
		}))
		res.Reasons = append(res.Reasons, notes...)
	}
	if f.LimitedCapabilityWork != nil && *f.LimitedCapabilityWork && !otherFailed {
		res.Reasons = append(res.Reasons, eligibility.NewReason("uc.estimate.lcwra_not_included", srcUCReg27,
			map[string]any{"Amount": pounds(r.lcwra)}))
	}
	return res, and(all...)
}

// ucAge is the age condition: 18 or over, or 16–17 in one of the cases of reg. 8.
func (p *person) ucAge() check {
	f := p.f
	if f.Age != nil && *f.Age >= 16 && *f.Age < 18 {
		// Limited capability for work (or waiting for the assessment with a fit note) and
		// responsibility for a child settle it; pregnancy counts only close to the birth, and
		// caring and "without parental support" (not for care leavers) are not in the facts, so
		// those routes stay for the adviser to check.
		return check{Code: "uc.age_16_17", Source: srcUCReg8, Cond: or(
			eligibility.Bool(eligibility.FactLimitedCapabilityWork, f.LimitedCapabilityWork),
			p.hasChild(func(int) bool { return true }),
			open(),
		)}
	}
	return check{Code: "uc.age", Source: srcWRA4,
		Cond: eligibility.Is(eligibility.FactAge, f.Age, func(a int) bool { return a >= 18 })}
}

// ucEstimateParts is the monthly estimate and its parts, for the adviser's breakdown.
type ucEstimateParts struct {
	total                                eligibility.Num
	standard, children, tariff, earnings float64
}

// ucEstimate works out the monthly award without housing costs, LCWRA or carer elements:
// standard allowance plus child elements, less tariff income from capital and the tapered
// earnings above any work allowance.
func (p *person) ucEstimate(r ucRates) (ucEstimateParts, []eligibility.Reason) {
	f := p.f
	var notes []eligibility.Reason
	age := eligibility.NumFact(eligibility.FactAge, f.Age)
	partnerAge := eligibility.NumFact(eligibility.FactPartnerAge, f.PartnerAge)
	a := eligibility.Amount
	single := eligibility.Choose(age.Lt(a(25)), a(r.single), a(r.single25))
	couple := eligibility.Choose(and(age.Lt(a(25)), partnerAge.Lt(a(25))), a(r.couple), a(r.couple25))
	standard := eligibility.Choose(p.couple, couple, single)

	children := eligibility.OpenNum(eligibility.FactChildrenAges)
	if f.ChildrenAges != nil {
		amount, childNotes := p.childElements(*f.ChildrenAges, r)
		children = a(amount)
		notes = append(notes, childNotes...)
	}

	tariff := eligibility.OpenNum(eligibility.FactCapital)
	if f.Capital != nil {
		t := 0.0
		if c := *f.Capital; c > r.tariffFrom {
			t = math.Ceil((c-r.tariffFrom)/r.step) * r.tariff
		}
		tariff = a(t)
	}

	housingElement := eligibility.OneOf(eligibility.FactHousing, f.Housing,
		eligibility.HousingPrivateRented, eligibility.HousingSocialRented)
	if housingElement.IsYes() {
		notes = append(notes, eligibility.NewReason("uc.estimate.housing_not_included", srcUCHousing, nil))
	}
	workAllowance := eligibility.Choose(p.childUnder16,
		eligibility.Choose(housingElement, a(r.waHousing), a(r.waNoHousing)), a(0))
	earnings := eligibility.NumFact(eligibility.FactMonthlyEarnings, f.MonthlyEarnings)
	deduction := a(0)
	if f.MonthlyEarnings == nil || *f.MonthlyEarnings > 0 {
		deduction = earnings.Sub(workAllowance).Max(a(0)).Mul(a(r.taper))
	}
	if v, ok := workAllowance.Value(); ok && v > 0 && f.MonthlyEarnings != nil && *f.MonthlyEarnings > 0 {
		notes = append(notes, eligibility.NewReason("uc.estimate.work_allowance", srcUCReg22,
			map[string]any{"Allowance": pounds(v), "Taper": pounds(r.taper * 100)}))
	}

	out := ucEstimateParts{total: standard.Add(children).Sub(tariff).Sub(deduction).Max(a(0))}
	out.standard, _ = standard.Value()
	out.children, _ = children.Value()
	out.tariff, _ = tariff.Value()
	out.earnings, _ = deduction.Value()
	return out, notes
}

// childElements is the monthly child element for the children under 16, eldest first, with
// notes where the ages in whole years cannot settle a rate.
func (p *person) childElements(ages []int, r ucRates) (float64, []eligibility.Reason) {
	var notes []eligibility.Reason
	var kids []int
	older := false
	for _, a := range ages {
		if a < 16 {
			kids = append(kids, a)
		} else if a <= 19 {
			older = true
		}
	}
	if older {
		notes = append(notes, eligibility.NewReason("uc.estimate.older_children", srcUCReg24, nil))
	}
	if len(kids) == 0 {
		return 0, notes
	}
	slices.Sort(kids)
	slices.Reverse(kids)
	first := r.child
	switch bornBefore(kids[0], p.date, higherFirstChildBefore) {
	case eligibility.Yes:
		first = r.firstChild
	case eligibility.Unknown:
		notes = append(notes, eligibility.NewReason("uc.estimate.first_child_rate", srcUCReg24,
			map[string]any{"Higher": pounds(r.firstChild), "Lower": pounds(r.child)}))
	}
	counted := len(kids)
	if r.twoChildLimit && len(kids) > 2 {
		counted = 2
		for _, a := range kids[2:] {
			if bornBefore(a, p.date, higherFirstChildBefore) == eligibility.Yes {
				counted++
			}
		}
		if counted < len(kids) {
			notes = append(notes, eligibility.NewReason("uc.estimate.two_child_limit", srcUCReg24,
				map[string]any{"Counted": counted, "Children": len(kids)}))
		}
	} else if len(kids) > 2 {
		notes = append(notes, eligibility.NewReason("uc.estimate.no_two_child_limit", srcTwoChildUC, nil))
	}
	return first + float64(counted-1)*r.child, notes
}

// bornBefore says whether someone of this age in whole years on date was born before day.
func bornBefore(age int, date, day time.Time) eligibility.Tri {
	latest := date.AddDate(-age, 0, 0)
	earliest := date.AddDate(-age-1, 0, 1)
	switch {
	case latest.Before(day):
		return eligibility.Yes
	case !earliest.Before(day):
		return eligibility.No
	}
	return eligibility.Unknown
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
