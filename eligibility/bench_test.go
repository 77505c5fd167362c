package eligibility_test

import (
	"testing"

	"waymark/eligibility"
)

// benchFacts is a partly answered interview: some results settled, some open.
func benchFacts() eligibility.Facts {
	return eligibility.Facts{
		Age: ptr(30), HabituallyResident: ptr(true), Capital: ptr(1200.0),
		ChildrenAges: &[]int{3, 14}, Housing: ptr(eligibility.HousingPrivateRented), HasNINO: ptr(false),
	}
}

func BenchmarkEvaluate(b *testing.B) {
	p := newTestland(b)
	f, d := benchFacts(), day("2026-11-23")
	b.ReportAllocs()
	for b.Loop() {
		eligibility.Evaluate(p, f, d)
	}
}

func BenchmarkNextQuestion(b *testing.B) {
	p := newTestland(b)
	f, d := benchFacts(), day("2026-11-23")
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := eligibility.NextQuestion(p, f, d); !ok {
			b.Fatal("no question")
		}
	}
}
