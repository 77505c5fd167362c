package uk

import (
	"math/rand/v2"
	"time"

	"waymark/eligibility"
)

// randomFacts builds a facts value from a seeded generator, leaving each field unknown about a
// third of the time, so the pack is exercised on partly answered interviews as well as
// complete ones.
func randomFacts(r *rand.Rand) eligibility.Facts {
	var f eligibility.Facts
	maybe := func() bool { return r.IntN(3) > 0 }
	pick := func(n int) int { return r.IntN(n) }
	boolp := func() *bool {
		if !maybe() {
			return nil
		}
		b := r.IntN(2) == 0
		return &b
	}
	intp := func(vals ...int) *int {
		if !maybe() {
			return nil
		}
		v := vals[pick(len(vals))]
		return &v
	}
	floatp := func(vals ...float64) *float64 {
		if !maybe() {
			return nil
		}
		v := vals[pick(len(vals))]
		return &v
	}
	if maybe() {
		v := []eligibility.Nation{eligibility.England, eligibility.Wales, eligibility.Scotland, eligibility.NorthernIreland}[pick(4)]
		f.Nation = &v
	}
	f.Age = intp(15, 16, 17, 18, 24, 25, 34, 35, 60, 65, 66, 67, 80)
	if r.IntN(6) == 0 {
		f.StatePensionAge = boolp()
	}
	if maybe() {
		v := []eligibility.ImmigrationStatus{eligibility.BritishOrIrish, eligibility.EUSSSettled, eligibility.EUSSPreSettled,
			eligibility.EUSSPending, eligibility.IndefiniteLeave, eligibility.Refugee, eligibility.HumanitarianProtection,
			eligibility.VTSLeave, eligibility.LeaveWithPublicFunds, eligibility.LeaveNoPublicFunds, eligibility.AsylumSeeker,
			eligibility.NoLeave}[pick(12)]
		f.ImmigrationStatus = &v
	}
	if maybe() {
		v := []eligibility.RightToReside{eligibility.RTRWorker, eligibility.RTRSelfEmployed, eligibility.RTRRetainedWorker,
			eligibility.RTRJobseeker, eligibility.RTRFamilyOfWorker, eligibility.RTRPermanentResidence, eligibility.RTRNone}[pick(7)]
		f.RightToReside = &v
	}
	f.HabituallyResident = boolp()
	if maybe() {
		v := []eligibility.NRMReasonable{eligibility.RGPositive, eligibility.RGNegative, eligibility.RGPending, eligibility.RGNotReferred}[pick(4)]
		f.NRMReasonableGrounds = &v
	}
	if maybe() {
		v := []eligibility.NRMConclusive{eligibility.CGPositive, eligibility.CGNegative, eligibility.CGPending}[pick(3)]
		f.NRMConclusiveGrounds = &v
	}
	f.Couple = boolp()
	f.PartnerAge = intp(19, 24, 25, 40, 66, 70)
	if maybe() {
		kids := [][]int{{}, {0}, {3}, {5, 2}, {9}, {10, 7, 1}, {17}, {12, 8, 6, 4}}[pick(8)]
		f.ChildrenAges = &kids
	}
	f.Capital = floatp(0, 5999, 6000, 6001, 6250, 15999, 16000, 16001)
	f.MonthlyEarnings = floatp(0, 300, 900, 1500, 3000)
	f.WeeklyHours = floatp(0, 10, 16, 35)
	f.LimitedCapabilityWork = boolp()
	f.DailyLivingDifficulty = boolp()
	f.MobilityDifficulty = boolp()
	f.ConditionMonths = intp(2, 11, 12, 24)
	if maybe() {
		v := []eligibility.Housing{eligibility.HousingMSVCC, eligibility.HousingAsylum, eligibility.HousingTemporary,
			eligibility.HousingSupportedExempt, eligibility.HousingPrivateRented, eligibility.HousingSocialRented,
			eligibility.HousingStayingWithFriends, eligibility.HousingHomeless, eligibility.HousingOwner}[pick(9)]
		f.Housing = &v
	}
	f.MonthlyRent = floatp(0, 500, 900)
	f.LiableForCouncilTax = boolp()
	f.NIContributionsRecent = boolp()
	f.Pregnant = boolp()
	f.UKPresenceWeeks = intp(0, 20, 26, 103, 104, 129, 130, 156)
	f.Destitute = boolp()
	f.CareNeeds = boolp()
	f.LookedAfterOrCareLeaver = boolp()
	f.HasNINO = boolp()
	f.HasBankAccount = boolp()
	f.HasPhotoID = boolp()
	return f
}

// matrixDates are the days the fact matrix is run on: both tax years and the April change.
var matrixDates = []time.Time{
	time.Date(2025, 11, 23, 0, 0, 0, 0, time.UTC),
	time.Date(2026, 4, 5, 0, 0, 0, 0, time.UTC),
	time.Date(2026, 4, 6, 0, 0, 0, 0, time.UTC),
	time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC),
}
