package eligibility

import (
	"strings"
	"testing"
)

// TestFactConstantsFollowTheContract: each Fact constant names the field at its position, so
// a fact added to the contract without a constant (or in the wrong place) fails here.
func TestFactConstantsFollowTheContract(t *testing.T) {
	consts := []Fact{
		FactNation, FactAge, FactStatePensionAge, FactNationality, FactImmigrationStatus,
		FactRightToReside, FactHabituallyResident, FactNRMReasonableGrounds, FactNRMConclusiveGrounds,
		FactCouple, FactPartnerAge, FactChildrenAges, FactCapital, FactMonthlyEarnings, FactWeeklyHours,
		FactLimitedCapabilityWork, FactDailyLivingDifficulty, FactMobilityDifficulty, FactConditionMonths,
		FactHousing, FactMonthlyRent, FactLiableForCouncilTax, FactNIContributionsRecent, FactPregnant,
		FactUKPresenceWeeks, FactDestitute, FactCareNeeds, FactLookedAfterOrCareLeaver, FactHasNINO,
		FactHasBankAccount, FactHasPhotoID,
	}
	names := FactFields()
	if len(consts) != len(names) {
		t.Fatalf("%d Fact constants for %d contract fields", len(consts), len(names))
	}
	for i, f := range consts {
		if int(f) != i || f.Name() != names[i] {
			t.Errorf("constant %d names %q, contract field %d is %q", f, f.Name(), i, names[i])
		}
		if g, ok := FactNamed(names[i]); !ok || g != f {
			t.Errorf("FactNamed(%q) = %d, %v", names[i], g, ok)
		}
	}
	if len(factTable) > maxFacts {
		t.Errorf("%d facts do not fit a FactSet of %d; raise factSetWords", len(factTable), maxFacts)
	}
	if _, ok := FactNamed("agee"); ok {
		t.Error("FactNamed accepted a typo")
	}
	if Fact(200).Name() != "" {
		t.Error("a number beyond the contract has a name")
	}
}

func TestFactSet(t *testing.T) {
	var s FactSet
	if !s.IsEmpty() || s.Len() != 0 || len(s.Names()) != 0 || s.Names() == nil {
		t.Fatal("zero FactSet must be empty with a non-nil empty Names")
	}
	s = FactSetOf(FactHasPhotoID, FactAge, FactAge, FactNation)
	if s.Len() != 3 || !s.Has(FactAge) || s.Has(FactCapital) {
		t.Errorf("set = %v", s.Names())
	}
	if got := strings.Join(s.Names(), ","); got != "nation,age,has_photo_id" {
		t.Errorf("Names = %s, want contract order", got)
	}
	u := s.Union(FactSetOf(FactCapital, Fact(100)))
	if u.Len() != 5 || !u.Has(Fact(100)) || s.Has(FactCapital) {
		t.Error("Union must add without changing its operands")
	}
	if got := strings.Join(u.Names(), ","); got != "nation,age,capital,has_photo_id" {
		t.Errorf("Names skips numbers that are not facts: %s", got)
	}
	if FactSetOf(Fact(250)).Len() != 0 {
		t.Error("a fact beyond the set's capacity must be ignored, not wrap around")
	}
}

func TestFactsGiven(t *testing.T) {
	age := 30
	f := Facts{Age: &age, ChildrenAges: &[]int{}}
	if !f.Given(FactAge) || !f.Given(FactChildrenAges) || f.Given(FactCapital) || f.Given(Fact(99)) {
		t.Error("Given: age and an empty children list are answers; capital is not")
	}
}
