package uk

import (
	"testing"
	"time"

	"waymark/eligibility"
)

// benchFacts is a typical interview half-way through: enough to decide some benefits, with
// Universal Credit's estimate computed, and several questions still open.
func benchFacts() eligibility.Facts {
	nation := eligibility.England
	status := eligibility.EUSSPreSettled
	rtr := eligibility.RTRNone
	rg := eligibility.RGPositive
	housing := eligibility.HousingPrivateRented
	age, yes, no := 29, true, false
	capital, earnings := 6400.0, 850.0
	kids := []int{7, 3}
	return eligibility.Facts{
		Nation: &nation, Age: &age, ImmigrationStatus: &status, RightToReside: &rtr,
		HabituallyResident: &yes, NRMReasonableGrounds: &rg, Couple: &no, ChildrenAges: &kids,
		Capital: &capital, MonthlyEarnings: &earnings, Housing: &housing, HasBankAccount: &no,
	}
}

func TestPoundsFormatting(t *testing.T) {
	for x, want := range map[float64]string{0: "0", 16000: "16,000", 1336.72: "1,336.72", 4.35: "4.35", 424.9: "424.90", 1234567: "1,234,567"} {
		if got := pounds(x); got != want {
			t.Errorf("pounds(%v) = %q, want %q", x, got, want)
		}
	}
}

// BenchmarkEvaluateUK is the full UK pack for one person (budget: under 100 µs).
func BenchmarkEvaluateUK(b *testing.B) {
	f := benchFacts()
	d := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		eligibility.Evaluate(Pack{}, f, d)
	}
}

// BenchmarkNextQuestionUK picks the next question for the same person (budget: under 1 ms).
func BenchmarkNextQuestionUK(b *testing.B) {
	f := benchFacts()
	d := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := eligibility.NextQuestion(Pack{}, f, d); !ok {
			b.Fatal("no next question")
		}
	}
}

// BenchmarkNextQuestionUKEmpty is the first question of an interview, when every benefit is
// open.
func BenchmarkNextQuestionUKEmpty(b *testing.B) {
	d := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		eligibility.NextQuestion(Pack{}, eligibility.Facts{}, d)
	}
}
