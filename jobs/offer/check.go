package offer

import (
	"math"
	"slices"
	"strconv"
	"time"

	"waymark/eligibility"
	"waymark/eligibility/params"
	"waymark/eligibility/uk"
)

// Result is the check of one offer: the output of `waymark offer-check --json`. Field names
// are the contract in DESIGN.md and are never renamed.
type Result struct {
	// Date is the day the pay applies, YYYY-MM-DD: the offer's date, or the day of the check.
	Date string `json:"date"`
	// EffectiveHourlyPay is the pay an hour that counts for the minimum wage, after the
	// accommodation offset and deductions, rounded down to the penny; nil (JSON null) when it
	// cannot be worked out, and a flag then says why.
	EffectiveHourlyPay *float64 `json:"effective_hourly_pay"`
	// MinimumHourlyPay is the minimum wage an hour for this worker on Date; nil (JSON null)
	// when it is not known, and a flag then says why.
	MinimumHourlyPay *float64 `json:"minimum_hourly_pay"`
	// Flags are the red flags and notes, most severe first; never nil.
	Flags []Flag `json:"flags"`
}

// Age limits of the minimum-wage bands (National Minimum Wage Regulations 2015, regs. 4 and
// 4A) and of the Working Time Regulations 1998.
const (
	schoolLeavingAge  = 16 // the National Minimum Wage starts above compulsory school age
	adultRateAge      = 18 // the 18 to 20 rate
	livingWageAge     = 21 // the National Living Wage
	youngWorkerMaxHrs = 40 // reg. 5A: a worker under 18, a week, no opt-out
	adultMaxHrs       = 48 // reg. 4: an average week, unless the worker opts out in writing
	daysInWeek        = 7  // the weekly accommodation offset is seven times the daily one
)

// Check compares the offer with the minimum-wage rules on its date (today when it has none)
// and lists the red flags it raises. It does no I/O and never fails: what it cannot work out
// it says in a flag. An offer from Decode always validates; in one built in code, a value
// outside the contract counts as not given and a date that is not a real day leaves the
// minimum unknown.
func Check(o Offer, today time.Time) Result {
	c := checker{o: o, flags: make([]Flag, 0, 8)}
	c.date, c.dateOK = eligibility.Day(today), true
	res := Result{Date: c.date.Format(time.DateOnly)}
	if o.Date != "" {
		res.Date = o.Date
		c.date, c.dateOK = eligibility.ParseDate(o.Date)
	}

	minimum, minOK := c.minimum()
	if minOK {
		res.MinimumHourlyPay = &minimum
	}
	lo, hi, payOK := c.pay()
	if payOK && lo == hi && !math.IsInf(lo, 0) {
		eff := floorPenny(lo)
		res.EffectiveHourlyPay = &eff
	}
	if minOK && payOK && hi < minimum-epsilon {
		data := map[string]any{"Pay": money(floorPenny(hi)), "Minimum": money(minimum)}
		msg := ""
		if lo != hi {
			msg = "below_minimum_wage_at_most"
		}
		c.add(CodeBelowMinimumWage, msg, data)
	}
	if len(c.missing) > 0 {
		c.add(CodePayCheckIncomplete, "", map[string]any{"Fields": c.missing})
	}
	c.hours()
	c.redFlags()

	slices.SortStableFunc(c.flags, func(a, b Flag) int { return a.Severity.rank() - b.Severity.rank() })
	res.Flags = c.flags
	return res
}

// epsilon absorbs floating-point error when pay is compared with the minimum: a hundredth of
// a penny is far below anything the law or a payslip distinguishes.
const epsilon = 1e-4

// checker is one run of Check.
type checker struct {
	o       Offer
	date    time.Time
	dateOK  bool
	flags   []Flag
	missing fieldNames // facts the pay check needed and did not have, in contract order
}

func (c *checker) add(code, message string, data map[string]any) {
	c.flags = append(c.flags, newFlag(code, message, data))
}

// age returns the worker's age when given and within the contract.
func (c *checker) age() (int, bool) {
	a := c.o.WorkerAge
	if a == nil || *a < 0 || *a > eligibility.MaxAge {
		return 0, false
	}
	return *a, true
}

// minimum returns the minimum hourly pay for the worker on the date: the apprentice rate in the
// first year of an apprenticeship, otherwise the rate for the worker's age band (National
// Minimum Wage Regulations 2015, regs. 4, 4A and 5).
func (c *checker) minimum() (float64, bool) {
	age, ageOK := c.age()
	if ageOK && age < schoolLeavingAge {
		c.add(CodeChildWorker, "", map[string]any{"Age": age})
		return 0, false
	}
	var h params.Handle
	switch {
	case isTrue(c.o.ApprenticeFirstYear):
		h = uk.Param.NMWApprentice
	case !ageOK:
		c.missing = append(c.missing, "worker_age")
		return 0, false
	case age < adultRateAge:
		h = uk.Param.NMW16To17
	case age < livingWageAge:
		h = uk.Param.NMW18To20
	default:
		h = uk.Param.NMW21OrOver
	}
	if !c.dateOK {
		c.add(CodeMinimumWageRateUnknown, "", map[string]any{"Date": c.o.Date})
		return 0, false
	}
	rate, err := h.At(c.date)
	if err != nil {
		c.add(CodeMinimumWageRateUnknown, "", map[string]any{"Date": c.date.Format(time.DateOnly)})
		return 0, false
	}
	return rate, true
}

// pay returns the lowest and highest hourly pay that can count for the minimum wage on what is
// known (equal when it is known exactly; ±Inf where unbounded). ok is false when the hourly
// pay itself is not given.
//
// National Minimum Wage Regulations 2015: free accommodation from the employer adds the offset
// to pay (reg. 9(1)(e) and 16); an accommodation charge reduces pay by what it exceeds the
// offset (reg. 14); deductions for the employer's own use and benefit and for the worker's
// expenditure in connection with the job reduce it in full (regs. 12 and 13).
func (c *checker) pay() (lo, hi float64, ok bool) {
	hourly, ok := amount(c.o.HourlyPay)
	if !ok {
		c.missing = append(c.missing, "hourly_pay")
	}
	deductions, _ := amount(c.o.OtherDeductionsWeekly)
	charge, _ := amount(c.o.AccommodationChargeWeekly)
	adjLo, adjHi := -deductions, -deductions // weekly pounds added to (or taken from) pay

	switch {
	case isTrue(c.o.AccommodationByEmployer):
		offset, known := c.offsetWeekly()
		switch {
		case known && charge == 0:
			adjLo += offset
			adjHi += offset
		case known:
			cut := math.Max(0, charge-offset)
			adjLo -= cut
			adjHi -= cut
		case charge == 0:
			adjHi = math.Inf(1) // free accommodation adds an offset nobody has confirmed
		default:
			adjLo -= charge // the charge above an unconfirmed offset: between nothing and all of it
		}
	case charge > 0:
		c.add(CodeAccommodationNotEmployer, "", map[string]any{"Charge": money(charge)})
	}

	if adjLo == 0 && adjHi == 0 {
		return hourly, hourly, ok
	}
	if hours, hOK := amount(c.o.WeeklyHours); hOK && hours > 0 {
		return hourly + adjLo/hours, hourly + adjHi/hours, ok
	}
	// Weekly sums cannot be turned into hourly ones without the hours; only their direction
	// is known.
	c.missing = append(c.missing, "weekly_hours")
	lo, hi = hourly, hourly
	if adjLo < 0 {
		lo = math.Inf(-1)
	}
	if adjHi > 0 {
		hi = math.Inf(1)
	}
	return lo, hi, ok
}

// offsetWeekly returns the accommodation offset for a week (seven times the daily one, the
// weekly maximum), or false with a flag when no offset is confirmed for the date.
func (c *checker) offsetWeekly() (float64, bool) {
	if c.dateOK {
		if daily, err := uk.Param.NMWAccommodationOffsetDaily.At(c.date); err == nil {
			return daily * daysInWeek, true
		}
	}
	c.add(CodeAccommodationOffsetUnknown, "", map[string]any{"Date": c.dateText()})
	return 0, false
}

func (c *checker) dateText() string {
	if c.dateOK {
		return c.date.Format(time.DateOnly)
	}
	return c.o.Date
}

// hours flags working weeks beyond the Working Time Regulations 1998: 40 hours for a worker
// under 18 (reg. 5A, no opt-out), 48 on average for an adult unless they opted out (reg. 4).
func (c *checker) hours() {
	hours, ok := amount(c.o.WeeklyHours)
	if !ok {
		return
	}
	age, ageOK := c.age()
	data := map[string]any{"Hours": number(hours)}
	switch {
	case ageOK && age < schoolLeavingAge:
		// A child's hours are covered by the child_worker flag.
	case ageOK && age < adultRateAge:
		if hours > youngWorkerMaxHrs {
			c.add(CodeYoungWorkerHours, "", data)
		}
	case hours > adultMaxHrs:
		c.add(CodeExcessiveHours, "", data)
	}
}

// redFlags raises the flags that come straight from what the worker reports.
func (c *checker) redFlags() {
	o := c.o
	if isTrue(o.DocumentsHeldByEmployer) {
		c.add(CodeDocumentsHeld, "", nil)
	}
	if isFalse(o.FreeToLeave) {
		c.add(CodeNotFreeToLeave, "", nil)
	}
	if isTrue(o.ThreatsOrViolence) {
		c.add(CodeThreatsOrViolence, "", nil)
	}
	if isTrue(o.DebtToEmployer) {
		c.add(CodeDebtToEmployer, "", nil)
	}
	if fee, ok := amount(o.RecruitmentFee); ok && fee > 0 {
		c.add(CodeRecruitmentFee, "", map[string]any{"Fee": money(fee)})
	}
	if isTrue(o.DeceivedAboutJob) {
		c.add(CodeDeceivedAboutJob, "", nil)
	}
	if o.Sector != nil && o.Sector.NeedsGLAALicence() {
		switch {
		case isFalse(o.LabourProviderLicensed):
			c.add(CodeUnlicensedLabourProvider, "", map[string]any{"Sector": *o.Sector})
		case o.LabourProviderLicensed == nil:
			c.add(CodeGLAALicenceUnknown, "", map[string]any{"Sector": *o.Sector})
		}
	}
	if isTrue(o.Isolated) {
		c.add(CodeIsolated, "", nil)
	}
	if isFalse(o.WrittenContract) {
		c.add(CodeNoWrittenContract, "", nil)
	}
	if isFalse(o.Payslips) {
		c.add(CodeNoPayslips, "", nil)
	}
}

func isTrue(b *bool) bool  { return b != nil && *b }
func isFalse(b *bool) bool { return b != nil && !*b }

// amount returns a money or hours figure when given and a real, non-negative number.
func amount(p *float64) (float64, bool) {
	if p == nil || math.IsNaN(*p) || math.IsInf(*p, 0) || *p < 0 {
		return 0, false
	}
	return *p, true
}

// floorPenny rounds down to the penny, so a pay shown never looks higher than the pay worked
// out (12.2099 is £12.20, below a £12.21 minimum, as the flag says). The small nudge keeps
// 12.21, held in binary as 12.2099999…, at 12.21.
func floorPenny(x float64) float64 {
	return math.Floor(x*100+1e-6) / 100
}

// money formats pounds with two decimals for a message.
func money(x float64) string {
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// number formats hours without trailing zeros: 50, 37.5.
func number(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}
