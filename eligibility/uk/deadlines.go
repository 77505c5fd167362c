package uk

import (
	"slices"
	"time"

	"waymark/eligibility"
	"waymark/eligibility/params"
)

// Sources of the deadlines. Each deadline carries one, so an adviser can check the rule.
const (
	// Nationality and Borders Act 2022, s. 61: the recovery period in England and Wales, the
	// period MSA 2015 s. 50A(1) requires support for. It is read here as s. 50A(4) words the
	// period after a further decision: "beginning with the day on which the ... RG decision is
	// made" and "ending with whichever ... is the later" of the conclusive grounds decision
	// and "the end of the period of 30 days beginning with" that day, so day 1 is the
	// decision day.
	srcRecoveryEW = "https://www.legislation.gov.uk/ukpga/2022/36/section/61"
	// Home Office leaflet of 22 January 2026: "You are now in a move-on period which lasts for
	// at least 45 days".
	srcMoveOnEW = "https://www.gov.uk/government/publications/support-for-confirmed-victims-of-modern-slavery/support-in-england-and-wales-after-a-positive-conclusive-grounds-decision-accessible"
	// Immigration Act 1971, s. 3C: leave is extended while an application to vary it, made
	// before it expires, is decided.
	srcLeave3C = "https://www.legislation.gov.uk/ukpga/1971/77/section/3C"
	// SI 2013/381 reg. 5(1)(b)(i): an application for revision must be received "within one
	// month of the date of notification of the original decision" (Universal Credit, PIP,
	// new style JSA and ESA).
	srcRevision2013 = "https://www.legislation.gov.uk/uksi/2013/381/regulation/5"
	// SI 1999/991 reg. 3(1)(b)(i): the same words for decisions under the 1999 regulations,
	// Pension Credit among them.
	srcRevision1999 = "https://www.legislation.gov.uk/uksi/1999/991/regulation/3"
	// SI 2001/1002 reg. 4(1)(a)(i): Housing Benefit, "one month of the date of notification of
	// the original decision", made to the council.
	srcRevisionHB = "https://www.legislation.gov.uk/uksi/2001/1002/regulation/4"
	// GOV.UK, "Appeal a benefit decision: before you appeal": mandatory reconsideration
	// "within a month of the date of a decision" lists Child Benefit (HMRC).
	srcReconsiderationCB = "https://www.gov.uk/social-security-child-support-tribunal/before-you-appeal"
	// SI 2013/380 reg. 26(2): the time for claiming Universal Credit can be extended "up to
	// and including the day that would be the last day of the first assessment period", only
	// in the circumstances of reg. 26(3).
	srcUCBackdating = "https://www.legislation.gov.uk/uksi/2013/380/regulation/26"
)

// reconsiderationMonths is the time limit to ask for a decision to be looked at again: "one
// month of the date of notification" in every regulation cited above. It is a constant, not a
// parameter file, because the parameter loader counts durations in days, weeks or years only
// and a calendar month is none of them (31 January + 1 month is 28 or 29 February). Its
// sources travel with each deadline (reconsiderationRules).
const reconsiderationMonths = 1

// leaveExpiryWarningDays is how long before leave expires the app starts warning. It is a
// product rule (issue 5: "leave expiry (warned 60 days ahead)"), not law, so it cannot be a
// parameter file: the loader rightly accepts a figure only with an official source that
// confirms it at confidence H or M. The legal reason to act before the day is s. 3C of the
// Immigration Act 1971 (srcLeave3C).
const leaveExpiryWarningDays = 60

// ucBackdatingRuleFrom is the day the present wording of reg. 26(2) (the time for claiming
// extended to the last day of the first assessment period) came into force; before it the
// extension was "a maximum of one month". Leave granted earlier gives no backdating deadline:
// any such claim was due years ago.
var ucBackdatingRuleFrom = time.Date(2019, 7, 24, 0, 0, 0, 0, time.UTC)

// reconsiderationRule is what a refused decision on one benefit starts: who looks at it again,
// under which regulation, in which message.
type reconsiderationRule struct {
	code, message, source string
}

// reconsiderationRules lists the benefits whose one-month limit is confirmed in a primary or
// official source. The other benefits are left out on purpose: Adult Disability Payment and
// Scottish Child Payment are redetermined by Social Security Scotland under other limits,
// Council Tax Reduction appeals follow each scheme, and Healthy Start, NRM support, local
// authority support and asylum support have no reconsideration with a one-month limit that
// this pack could confirm. A deadline that might be wrong is worse than none.
var reconsiderationRules = map[string]reconsiderationRule{
	UniversalCredit: {"mr.universal_credit", "deadline.uk.mr.universal_credit", srcRevision2013},
	PIP:             {"mr.pip", "deadline.uk.mr.pip", srcRevision2013},
	NewStyleJSA:     {"mr.new_style_jsa", "deadline.uk.mr.new_style_jsa", srcRevision2013},
	NewStyleESA:     {"mr.new_style_esa", "deadline.uk.mr.new_style_esa", srcRevision2013},
	PensionCredit:   {"mr.pension_credit", "deadline.uk.mr.pension_credit", srcRevision1999},
	ChildBenefit:    {"mr.child_benefit", "deadline.uk.mr.child_benefit", srcReconsiderationCB},
	HousingBenefit:  {"revision.housing_benefit", "deadline.uk.revision.housing_benefit", srcRevisionHB},
}

// ucClaimStatuses are the immigration statuses that give access to Universal Credit without a
// further right-to-reside test, so a grant of leave starts the clock on a claim. VTS leave is
// left out while its public-funds condition is unconfirmed (uk-rules.md).
var ucClaimStatuses = []eligibility.ImmigrationStatus{
	eligibility.Refugee, eligibility.HumanitarianProtection, eligibility.LeaveWithPublicFunds,
	eligibility.IndefiniteLeave, eligibility.EUSSSettled,
}

var _ eligibility.Deadliner = Pack{}

// Deadlines works out the UK deadlines of one case: the end of NRM support periods, leave
// expiry, the limit to ask for a refused benefit decision to be looked at again, and the
// Universal Credit backdating limit after leave is granted. A deadline whose rule needs a
// fact not given (the nation, the decision's outcome, the immigration status) or a period not
// confirmed on the day is left out rather than guessed.
func (Pack) Deadlines(k eligibility.KeyDates, f eligibility.Facts, _ time.Time) []eligibility.Deadline {
	var out []eligibility.Deadline
	out = append(out, nrmDeadlines(k, f)...)
	out = append(out, leaveDeadlines(k)...)
	out = append(out, reconsiderationDeadlines(k, f)...)
	out = append(out, ucBackdatingDeadlines(k, f)...)
	return out
}

// nrmDeadlines gives the end of the support the NRM decisions start, by nation.
func nrmDeadlines(k eligibility.KeyDates, f eligibility.Facts) []eligibility.Deadline {
	rg, hasRG := eligibility.ParseDate(k.ReasonableGrounds)
	cg, hasCG := eligibility.ParseDate(k.ConclusiveGrounds)
	if hasRG && hasCG && cg.Before(rg) {
		hasCG = false // a typing slip Validate reports; the decision order is certain
	}
	if f.Nation == nil {
		return nil
	}
	positiveRG := isRG(f, eligibility.RGPositive) || isCG(f, eligibility.CGPositive) || isCG(f, eligibility.CGNegative)
	var out []eligibility.Deadline
	switch *f.Nation {
	case eligibility.England, eligibility.Wales:
		// The recovery period runs to the later of the conclusive grounds decision and the
		// end of the minimum period "beginning with" the reasonable grounds day, whatever the
		// conclusive decision says.
		if days, ok := periodDays(Param.NRMEnglandWalesRecoveryPeriod, rg, hasRG && positiveRG); ok {
			end := rg.AddDate(0, 0, days-1)
			if hasCG && cg.After(end) {
				end = cg
			}
			out = append(out, deadline("nrm.recovery_period_end", "deadline.uk.nrm.recovery_end", srcRecoveryEW, end, time.Time{},
				map[string]any{"From": k.ReasonableGrounds}))
		}
		// Move-on support "lasts for at least 45 days" from the positive conclusive decision.
		if days, ok := periodDays(Param.NRMEnglandWalesMoveOnPositiveCG, cg, hasCG && isCG(f, eligibility.CGPositive)); ok {
			out = append(out, deadline("nrm.move_on_end", "deadline.uk.nrm.move_on_end", srcMoveOnEW,
				cg.AddDate(0, 0, days-1), time.Time{}, map[string]any{"From": k.ConclusiveGrounds}))
		}
	case eligibility.Scotland:
		// s. 9(2): the relevant period begins on the reasonable grounds date and ends on the
		// earlier of the end of the 90 days and the conclusive determination (either way).
		if days, ok := periodDays(Param.NRMScotlandSupportPeriod, rg, hasRG && positiveRG); ok {
			end, msg := rg.AddDate(0, 0, days-1), "deadline.uk.nrm.scotland_end"
			if hasCG && cg.Before(end) {
				end, msg = cg, "deadline.uk.nrm.scotland_end_cg"
			}
			out = append(out, deadline("nrm.scotland_support_period_end", msg, srcNRMScotland, end, time.Time{},
				map[string]any{"From": k.ReasonableGrounds}))
		}
	case eligibility.NorthernIreland:
		// s. 18(3)-(4): support until the conclusive determination, and to the end of the 45
		// days "from the date" of the reasonable grounds determination when a positive one
		// comes within them. A negative one ends support on its day, so none is shown.
		if days, ok := periodDays(Param.NRMNorthernIrelandRecoveryPeriod, rg, hasRG && positiveRG && !isCG(f, eligibility.CGNegative)); ok {
			end := rg.AddDate(0, 0, days)
			if hasCG && cg.After(end) {
				end = cg
			}
			out = append(out, deadline("nrm.ni_recovery_period_end", "deadline.uk.nrm.ni_end", srcNRMNI, end, time.Time{},
				map[string]any{"From": k.ReasonableGrounds}))
		}
	}
	return out
}

// periodDays looks up a support period in whole days on the day its decision was made, the
// rule then in force. ok is false when the period does not apply or has no confirmed value.
func periodDays(h params.Handle, decided time.Time, applies bool) (int, bool) {
	if !applies {
		return 0, false
	}
	d, err := h.At(decided)
	if err != nil || d < 1 {
		return 0, false
	}
	return int(d), true
}

// leaveDeadlines warns before permission to stay runs out.
func leaveDeadlines(k eligibility.KeyDates) []eligibility.Deadline {
	exp, ok := eligibility.ParseDate(k.LeaveExpires)
	if !ok {
		return nil
	}
	return []eligibility.Deadline{deadline("leave.expiry", "deadline.uk.leave_expiry", srcLeave3C, exp,
		exp.AddDate(0, 0, -leaveExpiryWarningDays), nil)}
}

// reconsiderationDeadlines gives, for each refused decision on a benefit with a confirmed
// limit, the last day for the request to be received. The regulations cited extend to Great
// Britain; Northern Ireland has its own, not checked here, so no deadline is given there or
// while the nation is unknown. The whole month is a warning: it is short, and the clock
// starts before the letter arrives.
func reconsiderationDeadlines(k eligibility.KeyDates, f eligibility.Facts) []eligibility.Deadline {
	if !inGreatBritain(f) {
		return nil
	}
	var out []eligibility.Deadline
	for _, d := range k.BenefitDecisions {
		rule, ok := reconsiderationRules[d.Benefit]
		if !ok || !d.Refused {
			continue
		}
		decided, ok := eligibility.ParseDate(d.Decided)
		if !ok {
			continue
		}
		out = append(out, deadline(rule.code, rule.message, rule.source,
			eligibility.AddMonths(decided, reconsiderationMonths), decided, map[string]any{"Decided": d.Decided}))
	}
	return out
}

// ucBackdatingDeadlines gives the last day a Universal Credit claim can still reach back to
// the day leave was granted. Universal Credit is paid from the day of claim; reg. 26 lets the
// time for claiming be extended only to the last day of the first assessment period, and only
// in the circumstances of reg. 26(3) (a disability, an illness, a computer failure ...), so the
// message says so. None is given once a Universal Credit decision is recorded (a claim was
// made), outside Great Britain (reg. 26 extends to England, Wales and Scotland), or without a
// status that gives access to Universal Credit.
func ucBackdatingDeadlines(k eligibility.KeyDates, f eligibility.Facts) []eligibility.Deadline {
	granted, ok := eligibility.ParseDate(k.LeaveGranted)
	if !ok || granted.Before(ucBackdatingRuleFrom) || !inGreatBritain(f) || f.ImmigrationStatus == nil {
		return nil
	}
	if !slices.Contains(ucClaimStatuses, *f.ImmigrationStatus) {
		return nil
	}
	for _, d := range k.BenefitDecisions {
		if d.Benefit == UniversalCredit {
			return nil
		}
	}
	return []eligibility.Deadline{deadline("uc.backdating_limit", "deadline.uk.uc_backdating", srcUCBackdating,
		FirstAssessmentPeriodEnd(granted), granted, map[string]any{"From": k.LeaveGranted})}
}

// FirstAssessmentPeriodEnd is the last day of the first Universal Credit assessment period of
// an award that begins on start (Universal Credit Regulations 2013, reg. 21(1)-(2)): the day
// before the second period begins. That period begins on the same day of the next month,
// except that a start on the 31st moves it to the month's last day, and a start on the 29th or
// 30th moves it, in February, to the 27th (the 28th in a leap year). So a start on 30 January
// 2027 gives 26 February 2027, and on 31 January 2028 gives 28 February 2028.
func FirstAssessmentPeriodEnd(start time.Time) time.Time {
	y, m, d := start.Date()
	next := time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC)
	last := eligibility.DaysInMonth(next.Year(), next.Month())
	day := d
	switch {
	case d == 31:
		day = last
	case (d == 29 || d == 30) && next.Month() == time.February:
		day = 27
		if last == 29 {
			day = 28
		}
	}
	return time.Date(next.Year(), next.Month(), day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
}

func deadline(code, message, source string, date, warnFrom time.Time, data map[string]any) eligibility.Deadline {
	return eligibility.Deadline{Code: code, MessageID: message, Source: source, Date: date, WarnFrom: warnFrom, Data: data}
}

func inGreatBritain(f eligibility.Facts) bool {
	if f.Nation == nil {
		return false
	}
	switch *f.Nation {
	case eligibility.England, eligibility.Wales, eligibility.Scotland:
		return true
	}
	return false
}

func isRG(f eligibility.Facts, v eligibility.NRMReasonable) bool {
	return f.NRMReasonableGrounds != nil && *f.NRMReasonableGrounds == v
}

func isCG(f eligibility.Facts, v eligibility.NRMConclusive) bool {
	return f.NRMConclusiveGrounds != nil && *f.NRMConclusiveGrounds == v
}
