package eligibility_test

import (
	"testing"

	"waymark/eligibility"
)

// domains are small sets of answers per fact, enough to move each testland rule both ways.
var domains = map[eligibility.Fact][]func(*eligibility.Facts){
	eligibility.FactAge:                {func(f *eligibility.Facts) { f.Age = ptr(16) }, func(f *eligibility.Facts) { f.Age = ptr(30) }},
	eligibility.FactHabituallyResident: {func(f *eligibility.Facts) { f.HabituallyResident = ptr(false) }, func(f *eligibility.Facts) { f.HabituallyResident = ptr(true) }},
	eligibility.FactChildrenAges:       {func(f *eligibility.Facts) { f.ChildrenAges = &[]int{} }, func(f *eligibility.Facts) { f.ChildrenAges = &[]int{3} }},
	eligibility.FactCapital:            {func(f *eligibility.Facts) { f.Capital = ptr(1000.0) }, func(f *eligibility.Facts) { f.Capital = ptr(9000.0) }},
	eligibility.FactMonthlyEarnings:    {func(f *eligibility.Facts) { f.MonthlyEarnings = ptr(0.0) }, func(f *eligibility.Facts) { f.MonthlyEarnings = ptr(2000.0) }},
	eligibility.FactHousing:            {func(f *eligibility.Facts) { f.Housing = ptr(eligibility.HousingOwner) }, func(f *eligibility.Facts) { f.Housing = ptr(eligibility.HousingSocialRented) }},
	eligibility.FactMonthlyRent:        {func(f *eligibility.Facts) { f.MonthlyRent = ptr(0.0) }, func(f *eligibility.Facts) { f.MonthlyRent = ptr(450.0) }},
}

var domainFacts = []eligibility.Fact{
	eligibility.FactAge, eligibility.FactHabituallyResident, eligibility.FactChildrenAges, eligibility.FactCapital,
	eligibility.FactMonthlyEarnings, eligibility.FactHousing, eligibility.FactMonthlyRent,
}

// everyFacts calls fn with every combination of unknown or one of the domain answers.
func everyFacts(fn func(eligibility.Facts)) {
	var rec func(i int, f eligibility.Facts)
	rec = func(i int, f eligibility.Facts) {
		if i == len(domainFacts) {
			fn(f)
			return
		}
		rec(i+1, f)
		for _, set := range domains[domainFacts[i]] {
			g := f
			set(&g)
			rec(i+1, g)
		}
	}
	rec(0, eligibility.Facts{})
}

func status(p eligibility.Pack, f eligibility.Facts, benefit string) eligibility.Status {
	r, _ := eligibility.Evaluate(p, f, day("2026-06-01")).Find(benefit)
	return r.Status
}

// TestTestlandConformsAndMissingIsExact runs CheckPack on every combination of answers, then
// checks the missing lists against the rules by brute force: every listed fact can change the
// status (some answers to the listed facts settle it one way, others the other way), and an
// unknown fact that is not listed cannot change the status whatever the listed facts are.
func TestTestlandConformsAndMissingIsExact(t *testing.T) {
	p := newTestland(t)
	n := 0
	everyFacts(func(f eligibility.Facts) {
		n++
		for _, err := range eligibility.CheckPack(p, f, day("2026-06-01")) {
			t.Fatal(err)
		}
		r := eligibility.Evaluate(p, f, day("2026-06-01"))
		for _, res := range r.Results {
			listed := map[eligibility.Fact]bool{}
			var missing []eligibility.Fact
			for _, name := range res.Missing {
				fact := mustFact(t, name)
				listed[fact] = true
				missing = append(missing, fact)
			}
			// Every completion of the listed facts.
			completions := []eligibility.Facts{f}
			for _, fact := range missing {
				var next []eligibility.Facts
				for _, c := range completions {
					for _, set := range domains[fact] {
						g := c
						set(&g)
						next = append(next, g)
					}
				}
				completions = next
			}
			for _, fact := range missing {
				seen := map[eligibility.Status]bool{}
				for _, c := range completions {
					seen[status(p, c, res.Benefit)] = true
				}
				if len(seen) < 2 {
					t.Fatalf("%s %s: listed %s but every answer gives %v", res.Benefit, show(f), fact.Name(), seen)
				}
			}
			for _, fact := range domainFacts {
				if listed[fact] || f.Given(fact) {
					continue
				}
				for _, c := range completions {
					base := status(p, c, res.Benefit)
					for _, set := range domains[fact] {
						g := c
						set(&g)
						if got := status(p, g, res.Benefit); got != base {
							t.Fatalf("%s %s: unlisted %s changes %s to %s", res.Benefit, show(c), fact.Name(), base, got)
						}
					}
				}
			}
		}
	})
	if n != 2187 {
		t.Errorf("covered %d fact combinations, want 3^7 = 2187", n)
	}
}

// show writes facts as the JSON of the contract, for readable failures.
func show(f eligibility.Facts) string {
	data, err := eligibility.EncodeFacts(f)
	if err != nil {
		return err.Error()
	}
	return string(data)
}
