package uk

import (
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"waymark/eligibility"
	"waymark/locales"
)

// dl is one expected deadline: its code, day and source.
type dl struct {
	code, date, source string
}

// dfacts builds the few facts the deadlines read.
func dfacts(nation eligibility.Nation, rg eligibility.NRMReasonable, cg eligibility.NRMConclusive, st eligibility.ImmigrationStatus) eligibility.Facts {
	var f eligibility.Facts
	if nation != "" {
		f.Nation = &nation
	}
	if rg != "" {
		f.NRMReasonableGrounds = &rg
	}
	if cg != "" {
		f.NRMConclusiveGrounds = &cg
	}
	if st != "" {
		f.ImmigrationStatus = &st
	}
	return f
}

func refused(benefit, decided string) eligibility.BenefitDecision {
	return eligibility.BenefitDecision{Benefit: benefit, Decided: decided, Refused: true}
}

var deadlineToday = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// TestDeadlines is the table of UK deadlines, each case named with the rule and source it
// checks. The expected list is complete and in the engine's order (date, then code).
func TestDeadlines(t *testing.T) {
	const (
		eng, wal, sco, ni = eligibility.England, eligibility.Wales, eligibility.Scotland, eligibility.NorthernIreland
		pos, neg, pend    = eligibility.RGPositive, eligibility.RGNegative, eligibility.RGPending
		cgPos, cgNeg      = eligibility.CGPositive, eligibility.CGNegative
		refugee           = eligibility.Refugee
	)
	cases := []struct {
		name string
		k    eligibility.KeyDates
		f    eligibility.Facts
		want []dl
	}{
		// NRM, England and Wales: Nationality and Borders Act 2022 s. 61; 30 days from 30 Jan 2023.
		{"England: a positive reasonable grounds decision on 1 March gives a recovery period of 30 days beginning with that day, to 30 March (NABA 2022 s. 61)",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01"}, dfacts(eng, pos, "", ""),
			[]dl{{"nrm.recovery_period_end", "2026-03-30", srcRecoveryEW}}},
		{"Wales has the England rule (NABA 2022 s. 61 extends to England and Wales)",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01"}, dfacts(wal, pos, "", ""),
			[]dl{{"nrm.recovery_period_end", "2026-03-30", srcRecoveryEW}}},
		{"England: a conclusive decision after the 30 days ends the recovery period on its own day, and a positive one starts at least 45 days of move-on support (Home Office leaflet, 22 January 2026)",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01", ConclusiveGrounds: "2026-06-10"}, dfacts(eng, pos, cgPos, ""),
			[]dl{{"nrm.recovery_period_end", "2026-06-10", srcRecoveryEW}, {"nrm.move_on_end", "2026-07-24", srcMoveOnEW}}},
		{"England: a negative conclusive decision inside the 30 days does not shorten them, and starts no move-on deadline (s. 61: the later of the two days)",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01", ConclusiveGrounds: "2026-03-10"}, dfacts(eng, pos, cgNeg, ""),
			[]dl{{"nrm.recovery_period_end", "2026-03-30", srcRecoveryEW}}},
		{"England: a positive conclusive decision is enough to know the first decision was positive",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01"}, dfacts(eng, "", cgPos, ""),
			[]dl{{"nrm.recovery_period_end", "2026-03-30", srcRecoveryEW}}},
		{"England: a pending first decision gives no deadline", eligibility.KeyDates{ReasonableGrounds: "2026-03-01"}, dfacts(eng, pend, "", ""), nil},
		{"England: a negative first decision gives no deadline", eligibility.KeyDates{ReasonableGrounds: "2026-03-01"}, dfacts(eng, neg, "", ""), nil},
		{"England: a first decision whose outcome is not recorded gives no deadline", eligibility.KeyDates{ReasonableGrounds: "2026-03-01"}, dfacts(eng, "", "", ""), nil},
		{"England: a decision on 29 January 2023, before the 30-day period came in on 30 January 2023, gives none (no figure in force)",
			eligibility.KeyDates{ReasonableGrounds: "2023-01-29"}, dfacts(eng, pos, "", ""), nil},
		{"England: a decision on 30 January 2023, the first day of the 30-day period, ends it on 28 February 2023",
			eligibility.KeyDates{ReasonableGrounds: "2023-01-30"}, dfacts(eng, pos, "", ""),
			[]dl{{"nrm.recovery_period_end", "2023-02-28", srcRecoveryEW}}},
		{"England: a positive conclusive decision on 21 January 2026 gives no move-on deadline, as 45 days is confirmed only from 22 January 2026",
			eligibility.KeyDates{ConclusiveGrounds: "2026-01-21"}, dfacts(eng, pos, cgPos, ""), nil},
		{"England: a positive conclusive decision on 22 January 2026 gives move-on to 7 March 2026 (45 days)",
			eligibility.KeyDates{ConclusiveGrounds: "2026-01-22"}, dfacts(eng, pos, cgPos, ""),
			[]dl{{"nrm.move_on_end", "2026-03-07", srcMoveOnEW}}},
		{"England: move-on over a leap-year February, from 20 January 2028 to 4 March 2028",
			eligibility.KeyDates{ConclusiveGrounds: "2028-01-20"}, dfacts(eng, pos, cgPos, ""),
			[]dl{{"nrm.move_on_end", "2028-03-04", srcMoveOnEW}}},
		{"England: a conclusive date typed before the reasonable grounds date is ignored (Validate reports it)",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01", ConclusiveGrounds: "2026-02-01"}, dfacts(eng, pos, cgPos, ""),
			[]dl{{"nrm.recovery_period_end", "2026-03-30", srcRecoveryEW}}},
		{"Nation unknown: no NRM deadline, as the periods differ by nation",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01"}, dfacts("", pos, "", ""), nil},

		// NRM, Scotland: HTE(S)A 2015 s. 9(2) and SSI 2018/90 reg. 2 (90 days).
		{"Scotland: the same 1 March decision gives 90 days beginning on that date, to 29 May, not England's 30 March (HTE(S)A 2015 s. 9(2))",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01"}, dfacts(sco, pos, "", ""),
			[]dl{{"nrm.scotland_support_period_end", "2026-05-29", srcNRMScotland}}},
		{"Scotland: a conclusive determination inside the 90 days ends the duty on its day (s. 9(2)(b)(ii)), whatever it says, and there is no move-on deadline",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01", ConclusiveGrounds: "2026-04-15"}, dfacts(sco, pos, cgPos, ""),
			[]dl{{"nrm.scotland_support_period_end", "2026-04-15", srcNRMScotland}}},
		{"Scotland: a conclusive determination after the 90 days leaves their end in place",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01", ConclusiveGrounds: "2026-07-01"}, dfacts(sco, pos, cgPos, ""),
			[]dl{{"nrm.scotland_support_period_end", "2026-05-29", srcNRMScotland}}},
		{"Scotland: 90 days across a leap-year February, 1 February 2028 to 30 April 2028",
			eligibility.KeyDates{ReasonableGrounds: "2028-02-01"}, dfacts(sco, pos, "", ""),
			[]dl{{"nrm.scotland_support_period_end", "2028-04-30", srcNRMScotland}}},

		// NRM, Northern Ireland: HTE (CJSV) Act (NI) 2015 s. 18(3)-(4), 45 days.
		{"Northern Ireland: 45 days from the reasonable grounds date, 1 March to 15 April (s. 18(4))",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01"}, dfacts(ni, pos, "", ""),
			[]dl{{"nrm.ni_recovery_period_end", "2026-04-15", srcNRMNI}}},
		{"Northern Ireland: a positive conclusive determination inside the 45 days keeps support to their end (s. 18(3))",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01", ConclusiveGrounds: "2026-03-20"}, dfacts(ni, pos, cgPos, ""),
			[]dl{{"nrm.ni_recovery_period_end", "2026-04-15", srcNRMNI}}},
		{"Northern Ireland: support lasts until a later conclusive determination (s. 18(3))",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01", ConclusiveGrounds: "2026-05-01"}, dfacts(ni, pos, cgPos, ""),
			[]dl{{"nrm.ni_recovery_period_end", "2026-05-01", srcNRMNI}}},
		{"Northern Ireland: a negative conclusive determination ends support on its day, so no deadline is shown",
			eligibility.KeyDates{ReasonableGrounds: "2026-03-01", ConclusiveGrounds: "2026-03-20"}, dfacts(ni, pos, cgNeg, ""), nil},

		// Leave: Immigration Act 1971 s. 3C; the 60-day warning is issue 5's product rule.
		{"Leave expiring on 31 December 2026 gives that day, in every nation (Immigration Act 1971 s. 3C)",
			eligibility.KeyDates{LeaveExpires: "2026-12-31"}, dfacts(ni, "", "", ""),
			[]dl{{"leave.expiry", "2026-12-31", srcLeave3C}}},
		{"Leave expiry needs no other fact", eligibility.KeyDates{LeaveExpires: "2026-12-31"}, eligibility.Facts{},
			[]dl{{"leave.expiry", "2026-12-31", srcLeave3C}}},

		// Mandatory reconsideration: SI 2013/381 reg. 5, SI 1999/991 reg. 3, SI 2001/1002 reg. 4, GOV.UK for Child Benefit.
		{"Universal Credit refused on 15 January: DWP must receive the request by 15 February (SI 2013/381 reg. 5(1)(b)(i))",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(UniversalCredit, "2026-01-15")}}, dfacts(eng, "", "", ""),
			[]dl{{"mr.universal_credit", "2026-02-15", srcRevision2013}}},
		{"Universal Credit refused on 31 January 2026: one calendar month ends on 28 February, not 3 March (R(IB) 4/02)",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(UniversalCredit, "2026-01-31")}}, dfacts(eng, "", "", ""),
			[]dl{{"mr.universal_credit", "2026-02-28", srcRevision2013}}},
		{"Universal Credit refused on 31 January 2028, a leap year: the month ends on 29 February",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(UniversalCredit, "2028-01-31")}}, dfacts(sco, "", "", ""),
			[]dl{{"mr.universal_credit", "2028-02-29", srcRevision2013}}},
		{"PIP refused on 31 March: the month ends on 30 April (SI 2013/381 reg. 5)",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(PIP, "2026-03-31")}}, dfacts(wal, "", "", ""),
			[]dl{{"mr.pip", "2026-04-30", srcRevision2013}}},
		{"New Style JSA refused on 31 December 2026: the month ends on 31 January 2027 (SI 2013/381 reg. 5)",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(NewStyleJSA, "2026-12-31")}}, dfacts(eng, "", "", ""),
			[]dl{{"mr.new_style_jsa", "2027-01-31", srcRevision2013}}},
		{"New Style ESA refused on 29 February 2028: the month ends on 29 March (SI 2013/381 reg. 5)",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(NewStyleESA, "2028-02-29")}}, dfacts(eng, "", "", ""),
			[]dl{{"mr.new_style_esa", "2028-03-29", srcRevision2013}}},
		{"Pension Credit refused on 30 January 2027 has the same one month, to 28 February (SI 1999/991 reg. 3(1)(b)(i))",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(PensionCredit, "2027-01-30")}}, dfacts(eng, "", "", ""),
			[]dl{{"mr.pension_credit", "2027-02-28", srcRevision1999}}},
		{"Child Benefit refused on 10 June: HMRC must receive the request by 10 July (GOV.UK, before you appeal)",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(ChildBenefit, "2026-06-10")}}, dfacts(eng, "", "", ""),
			[]dl{{"mr.child_benefit", "2026-07-10", srcReconsiderationCB}}},
		{"Housing Benefit refused on 31 August: the council must receive the request by 30 September (SI 2001/1002 reg. 4(1)(a)(i))",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(HousingBenefit, "2026-08-31")}}, dfacts(eng, "", "", ""),
			[]dl{{"revision.housing_benefit", "2026-09-30", srcRevisionHB}}},
		{"An award starts no reconsideration deadline",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{{Benefit: UniversalCredit, Decided: "2026-01-15"}}}, dfacts(eng, "", "", ""), nil},
		{"Benefits whose limit this pack could not confirm (Adult Disability Payment, Scottish Child Payment, Council Tax Reduction, Healthy Start, asylum support) start none",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{
				refused(AdultDisabilityPayment, "2026-01-15"), refused(ScottishChildPayment, "2026-01-15"),
				refused(CouncilTaxReduction, "2026-01-15"), refused(HealthyStart, "2026-01-15"), refused(AsylumSupport, "2026-01-15"),
			}}, dfacts(sco, "", "", ""), nil},
		{"Northern Ireland has its own regulations, not checked here: no reconsideration deadline",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(UniversalCredit, "2026-01-15")}}, dfacts(ni, "", "", ""), nil},
		{"Nation unknown: no reconsideration deadline",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(UniversalCredit, "2026-01-15")}}, eligibility.Facts{}, nil},
		{"Two refusals give two deadlines in date order, and a date that does not parse is skipped",
			eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{
				refused(UniversalCredit, "2026-05-02"), refused(PIP, "2026-02-30"), refused(UniversalCredit, "2026-04-01"),
			}}, dfacts(eng, "", "", ""),
			[]dl{{"mr.universal_credit", "2026-05-01", srcRevision2013}, {"mr.universal_credit", "2026-06-02", srcRevision2013}}},

		// Universal Credit backdating: SI 2013/380 reg. 26(2), assessment periods SI 2013/376 reg. 21.
		{"Refugee status granted on 15 March: a claim reaching back to it must be made by 14 April, the last day of the first assessment period (SI 2013/380 reg. 26(2))",
			eligibility.KeyDates{LeaveGranted: "2026-03-15"}, dfacts(eng, "", "", refugee),
			[]dl{{"uc.backdating_limit", "2026-04-14", srcUCBackdating}}},
		{"Leave granted on 31 January 2027: the second assessment period starts on the last day of February, so the limit is 27 February (SI 2013/376 reg. 21(2)(a))",
			eligibility.KeyDates{LeaveGranted: "2027-01-31"}, dfacts(sco, "", "", eligibility.HumanitarianProtection),
			[]dl{{"uc.backdating_limit", "2027-02-27", srcUCBackdating}}},
		{"Leave granted on 30 January 2027: February's period starts on the 27th, so the limit is 26 February (reg. 21(2)(b))",
			eligibility.KeyDates{LeaveGranted: "2027-01-30"}, dfacts(wal, "", "", eligibility.LeaveWithPublicFunds),
			[]dl{{"uc.backdating_limit", "2027-02-26", srcUCBackdating}}},
		{"Leave with no recourse to public funds starts no Universal Credit deadline",
			eligibility.KeyDates{LeaveGranted: "2026-03-15"}, dfacts(eng, "", "", eligibility.LeaveNoPublicFunds), nil},
		{"VTS leave starts none while its public-funds condition is unconfirmed",
			eligibility.KeyDates{LeaveGranted: "2026-03-15"}, dfacts(eng, "", "", eligibility.VTSLeave), nil},
		{"No immigration status recorded: none", eligibility.KeyDates{LeaveGranted: "2026-03-15"}, dfacts(eng, "", "", ""), nil},
		{"Northern Ireland: reg. 26 extends to Great Britain only, so none",
			eligibility.KeyDates{LeaveGranted: "2026-03-15"}, dfacts(ni, "", "", refugee), nil},
		{"A Universal Credit decision already recorded means a claim was made: no backdating deadline",
			eligibility.KeyDates{LeaveGranted: "2026-03-15", BenefitDecisions: []eligibility.BenefitDecision{{Benefit: UniversalCredit, Decided: "2026-04-20"}}},
			dfacts(eng, "", "", refugee), nil},
		{"Leave granted on 23 July 2019, before reg. 26(2) took its present wording, gives none",
			eligibility.KeyDates{LeaveGranted: "2019-07-23"}, dfacts(eng, "", "", refugee), nil},
		{"Leave granted on 24 July 2019, the first day of the present wording, gives 23 August 2019",
			eligibility.KeyDates{LeaveGranted: "2019-07-24"}, dfacts(eng, "", "", refugee),
			[]dl{{"uc.backdating_limit", "2019-08-23", srcUCBackdating}}},

		// Everything together.
		{"A refugee in England with every date entered gets every deadline, ordered by date then code",
			eligibility.KeyDates{
				ReasonableGrounds: "2026-03-01", ConclusiveGrounds: "2026-06-10",
				LeaveGranted: "2026-09-01", LeaveExpires: "2031-08-31",
				BenefitDecisions: []eligibility.BenefitDecision{refused(ChildBenefit, "2026-06-24")},
			}, dfacts(eng, pos, cgPos, refugee),
			[]dl{
				{"nrm.recovery_period_end", "2026-06-10", srcRecoveryEW},
				{"mr.child_benefit", "2026-07-24", srcReconsiderationCB},
				{"nrm.move_on_end", "2026-07-24", srcMoveOnEW},
				{"uc.backdating_limit", "2026-09-30", srcUCBackdating},
				{"leave.expiry", "2031-08-31", srcLeave3C},
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := eligibility.Deadlines(Pack{}, c.k, c.f, deadlineToday)
			var gotDL []dl
			for _, d := range got {
				gotDL = append(gotDL, dl{d.Code, d.Date.Format(time.DateOnly), d.Source})
				if !locales.Has(d.MessageID) {
					t.Errorf("%s: no message %q", d.Code, d.MessageID)
				}
			}
			if len(gotDL) != len(c.want) {
				t.Fatalf("got %v\nwant %v", gotDL, c.want)
			}
			for i := range c.want {
				if gotDL[i] != c.want[i] {
					t.Errorf("deadline %d = %v, want %v", i, gotDL[i], c.want[i])
				}
			}
		})
	}
}

// TestDeadlineKinds checks the warning windows on the days around them: leave expiry warns
// from 60 days before (issue 5), a reconsideration limit from the decision day, and a
// support period has no window.
func TestDeadlineKinds(t *testing.T) {
	eng := eligibility.England
	f := eligibility.Facts{Nation: &eng}
	rg := eligibility.RGPositive
	f.NRMReasonableGrounds = &rg
	cases := []struct {
		name, today string
		k           eligibility.KeyDates
		code        string
		want        eligibility.DeadlineKind
	}{
		{"leave expiring 31 Dec 2026: 61 days before, 31 Oct, is before the window", "2026-10-31", eligibility.KeyDates{LeaveExpires: "2026-12-31"}, "leave.expiry", eligibility.DeadlineUpcoming},
		{"leave expiring 31 Dec 2026: 60 days before, 1 Nov, opens the window", "2026-11-01", eligibility.KeyDates{LeaveExpires: "2026-12-31"}, "leave.expiry", eligibility.DeadlineWarning},
		{"leave expiring 31 Dec 2026: the day itself still warns", "2026-12-31", eligibility.KeyDates{LeaveExpires: "2026-12-31"}, "leave.expiry", eligibility.DeadlineWarning},
		{"leave expiring 31 Dec 2026: the day after has passed", "2027-01-01", eligibility.KeyDates{LeaveExpires: "2026-12-31"}, "leave.expiry", eligibility.DeadlinePassed},
		{"leave expiring 1 Mar 2028 (leap year): the window opens 1 Jan 2028", "2028-01-01", eligibility.KeyDates{LeaveExpires: "2028-03-01"}, "leave.expiry", eligibility.DeadlineWarning},
		{"leave expiring 1 Mar 2028 (leap year): 31 Dec 2027 is before it", "2027-12-31", eligibility.KeyDates{LeaveExpires: "2028-03-01"}, "leave.expiry", eligibility.DeadlineUpcoming},
		{"leave expiring 1 Mar 2027: the window opens 31 Dec 2026", "2026-12-31", eligibility.KeyDates{LeaveExpires: "2027-03-01"}, "leave.expiry", eligibility.DeadlineWarning},
		{"leave expiring 1 Mar 2027: 30 Dec 2026 is before it", "2026-12-30", eligibility.KeyDates{LeaveExpires: "2027-03-01"}, "leave.expiry", eligibility.DeadlineUpcoming},
		{"a refusal warns from its own day", "2026-01-31", eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(UniversalCredit, "2026-01-31")}}, "mr.universal_credit", eligibility.DeadlineWarning},
		{"a refusal still warns on its last day", "2026-02-28", eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(UniversalCredit, "2026-01-31")}}, "mr.universal_credit", eligibility.DeadlineWarning},
		{"a refusal's limit has passed the day after", "2026-03-01", eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(UniversalCredit, "2026-01-31")}}, "mr.universal_credit", eligibility.DeadlinePassed},
		{"a support period has no warning window, even on its last day", "2026-03-30", eligibility.KeyDates{ReasonableGrounds: "2026-03-01"}, "nrm.recovery_period_end", eligibility.DeadlineUpcoming},
		{"a support period passes the day after", "2026-03-31", eligibility.KeyDates{ReasonableGrounds: "2026-03-01"}, "nrm.recovery_period_end", eligibility.DeadlinePassed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := eligibility.Deadlines(Pack{}, c.k, f, day(t, c.today))
			if len(got) != 1 || got[0].Code != c.code {
				t.Fatalf("got %+v, want one %s", got, c.code)
			}
			if got[0].Kind != c.want {
				t.Errorf("kind on %s = %s, want %s", c.today, got[0].Kind, c.want)
			}
		})
	}
}

// TestFirstAssessmentPeriodEnd pins the Universal Credit Regulations 2013 reg. 21(2) month ends.
func TestFirstAssessmentPeriodEnd(t *testing.T) {
	cases := []struct{ name, start, want string }{
		{"an ordinary day: the day before the same day next month", "2026-03-15", "2026-04-14"},
		{"the 28th always has a 28th next month", "2027-01-28", "2027-02-27"},
		{"the 29th: February's period starts on the 27th in a common year (reg. 21(2)(b))", "2027-01-29", "2027-02-26"},
		{"the 30th: February's period starts on the 27th in a common year", "2027-01-30", "2027-02-26"},
		{"the 30th: February's period starts on the 28th in a leap year", "2028-01-30", "2028-02-27"},
		{"the 29th: the 28th in a leap year too", "2028-01-29", "2028-02-27"},
		{"the 31st: the next period starts on February's last day, the 28th (reg. 21(2)(a))", "2027-01-31", "2027-02-27"},
		{"the 31st: February's last day is the 29th in a leap year", "2028-01-31", "2028-02-28"},
		{"29 February: the next period starts on 29 March", "2028-02-29", "2028-03-28"},
		{"the 31st before a 30-day month: 30 April", "2026-03-31", "2026-04-29"},
		{"the 30th outside February keeps the 30th", "2026-04-30", "2026-05-29"},
		{"over the year end", "2026-12-31", "2027-01-30"},
		{"the 1st: the last day of the same month", "2026-02-01", "2026-02-28"},
	}
	for _, c := range cases {
		if got := FirstAssessmentPeriodEnd(day(t, c.start)).Format(time.DateOnly); got != c.want {
			t.Errorf("%s: start %s gives %s, want %s", c.name, c.start, got, c.want)
		}
	}
}

// TestDeadlineMessages: every deadline message reads as a sentence in every shipped language,
// with its date filled in, and every deadline.uk message in the file is one the rules can
// produce, so no translator keeps a dead sentence.
func TestDeadlineMessages(t *testing.T) {
	produced := map[string]bool{
		"deadline.uk.nrm.recovery_end": true, "deadline.uk.nrm.move_on_end": true,
		"deadline.uk.nrm.scotland_end": true, "deadline.uk.nrm.scotland_end_cg": true,
		"deadline.uk.nrm.ni_end": true, "deadline.uk.leave_expiry": true, "deadline.uk.uc_backdating": true,
	}
	for _, r := range reconsiderationRules {
		produced[r.message] = true
	}
	data := map[string]any{"From": "2026-03-01", "Decided": "2026-03-01"}
	for id := range produced {
		for _, lang := range []string{"en", "ro", "pl"} {
			got := locales.New(lang).T(id, data)
			if strings.HasPrefix(got, "[") || strings.Contains(got, "{{") || strings.Contains(got, "<no value>") {
				t.Errorf("%s %s = %q", lang, id, got)
			}
		}
	}
	raw, err := os.ReadFile("../../locales/messages/deadlines.en.json")
	if err != nil {
		t.Fatal(err)
	}
	var file map[string]any
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}
	var dead []string
	for id := range file {
		if strings.HasPrefix(id, "deadline.uk.") && !produced[id] {
			dead = append(dead, id)
		}
	}
	sort.Strings(dead)
	for _, id := range dead {
		t.Errorf("message %q is never produced", id)
	}
	// Placeholders the rules fill: a message that names {{.Decided}} gets it.
	ds := eligibility.Deadlines(Pack{}, eligibility.KeyDates{
		ReasonableGrounds: "2026-03-01",
		BenefitDecisions:  []eligibility.BenefitDecision{refused(PIP, "2026-03-02")},
	}, dfacts(eligibility.England, eligibility.RGPositive, "", ""), deadlineToday)
	eligibility.LocalizeDeadlines(ds, locales.New("ro"))
	for _, d := range ds {
		if !strings.Contains(d.Text, "2026-03-0") {
			t.Errorf("%s: the Romanian text %q lacks its date", d.Code, d.Text)
		}
	}
	if len(ds) != 2 {
		t.Errorf("got %d deadlines, want 2", len(ds))
	}
}

// TestDeadlinesLeaveArgumentsAlone: the pack must not modify the key dates it is given.
func TestDeadlinesLeaveArgumentsAlone(t *testing.T) {
	k := eligibility.KeyDates{BenefitDecisions: []eligibility.BenefitDecision{refused(UniversalCredit, "2026-01-31")}, LeaveExpires: "2026-12-31"}
	before, _ := json.Marshal(k)
	eligibility.Deadlines(Pack{}, k, dfacts(eligibility.England, "", "", ""), deadlineToday)
	after, _ := json.Marshal(k)
	if string(before) != string(after) {
		t.Errorf("key dates changed: %s then %s", before, after)
	}
}

func BenchmarkDeadlinesUK(b *testing.B) {
	k := eligibility.KeyDates{
		ReasonableGrounds: "2026-03-01", ConclusiveGrounds: "2026-06-10",
		LeaveGranted: "2026-09-01", LeaveExpires: "2031-08-31",
		BenefitDecisions: []eligibility.BenefitDecision{refused(ChildBenefit, "2026-06-24"), refused(UniversalCredit, "2026-10-01")},
	}
	f := dfacts(eligibility.England, eligibility.RGPositive, eligibility.CGPositive, eligibility.Refugee)
	b.ReportAllocs()
	for b.Loop() {
		eligibility.Deadlines(Pack{}, k, f, deadlineToday)
	}
}
