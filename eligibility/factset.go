package eligibility

import "math/bits"

// Fact names one field of the facts contract by its position in contract order. Rules refer to
// facts through these constants rather than strings, so a misspelt fact is a compile error and
// the engine can keep the set of facts a condition depends on in a few machine words.
type Fact uint8

// The facts, in contract order (the order of DESIGN.md, the Facts struct and FactFields). A
// test checks that each constant names the field at its position; new facts are appended.
const (
	FactNation Fact = iota
	FactAge
	FactStatePensionAge
	FactNationality
	FactImmigrationStatus
	FactRightToReside
	FactHabituallyResident
	FactNRMReasonableGrounds
	FactNRMConclusiveGrounds
	FactCouple
	FactPartnerAge
	FactChildrenAges
	FactCapital
	FactMonthlyEarnings
	FactWeeklyHours
	FactLimitedCapabilityWork
	FactDailyLivingDifficulty
	FactMobilityDifficulty
	FactConditionMonths
	FactHousing
	FactMonthlyRent
	FactLiableForCouncilTax
	FactNIContributionsRecent
	FactPregnant
	FactUKPresenceWeeks
	FactDestitute
	FactCareNeeds
	FactLookedAfterOrCareLeaver
	FactHasNINO
	FactHasBankAccount
	FactHasPhotoID
)

// factSetWords sizes FactSet: 128 facts, four times today's contract. A test fails if the
// contract outgrows it, so the limit is met in review rather than in a survivor's result.
const factSetWords = 2

// maxFacts is the number of facts a FactSet can hold.
const maxFacts = 64 * factSetWords

// Name returns the fact's JSON name, or "" for a number that is not a fact.
func (f Fact) Name() string {
	if int(f) >= len(factTable) {
		return ""
	}
	return factTable[f].Name
}

// FactNamed finds a fact by its JSON name.
func FactNamed(name string) (Fact, bool) {
	f, ok := factNumber[name]
	return f, ok
}

// factNumber maps each JSON name to its Fact.
var factNumber = func() map[string]Fact {
	m := make(map[string]Fact, len(factTable))
	for i := range factTable {
		m[factTable[i].Name] = Fact(i)
	}
	return m
}()

// FactSet is a set of facts. It records which unknown facts a condition depended on, so a
// result can list exactly the questions that could still change it. It is a value type: the
// zero value is the empty set and sets are copied, never shared.
type FactSet struct {
	w [factSetWords]uint64
}

// FactSetOf returns the set holding the given facts.
func FactSetOf(facts ...Fact) FactSet {
	var s FactSet
	for _, f := range facts {
		s = s.With(f)
	}
	return s
}

// With returns s with f added.
func (s FactSet) With(f Fact) FactSet {
	if int(f) < maxFacts {
		s.w[f/64] |= 1 << (f % 64)
	}
	return s
}

// Has reports whether f is in s.
func (s FactSet) Has(f Fact) bool {
	return int(f) < maxFacts && s.w[f/64]&(1<<(f%64)) != 0
}

// Union returns the facts in s or t.
func (s FactSet) Union(t FactSet) FactSet {
	for i := range s.w {
		s.w[i] |= t.w[i]
	}
	return s
}

// IsEmpty reports whether s holds no fact.
func (s FactSet) IsEmpty() bool {
	for _, w := range s.w {
		if w != 0 {
			return false
		}
	}
	return true
}

// Len returns the number of facts in s.
func (s FactSet) Len() int {
	n := 0
	for _, w := range s.w {
		n += bits.OnesCount64(w)
	}
	return n
}

// Facts returns the members of s in contract order.
func (s FactSet) Facts() []Fact {
	out := make([]Fact, 0, s.Len())
	for i, w := range s.w {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			out = append(out, Fact(i*64+b))
			w &^= 1 << b
		}
	}
	return out
}

// Names returns the JSON names of the members of s in contract order: the form of a result's
// "missing" list. It is never nil, so an empty set encodes as [] rather than null.
func (s FactSet) Names() []string {
	out := make([]string, 0, s.Len())
	for _, f := range s.Facts() {
		if n := f.Name(); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// Given reports whether a fact has been answered in f.
func (f Facts) Given(fact Fact) bool {
	return int(fact) < len(factTable) && factTable[fact].present(&f)
}
