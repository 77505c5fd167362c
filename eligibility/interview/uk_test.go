package interview

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"waymark/eligibility"
	"waymark/eligibility/uk"
)

type ukScenario struct {
	Name  string          `json:"name"`
	Date  string          `json:"date"`
	Facts json.RawMessage `json:"facts"`
}

func ukScenarios(t testing.TB) []ukScenario {
	t.Helper()
	files, err := filepath.Glob("../uk/testdata/scenarios/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no UK scenarios: %v", err)
	}
	var all []ukScenario
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var list []ukScenario
		if err := json.Unmarshal(data, &list); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		all = append(all, list...)
	}
	return all
}

func ukPack(t testing.TB) eligibility.Pack {
	p, ok := eligibility.DefaultRegistry.Lookup(uk.Pack{}.ID())
	if !ok {
		t.Fatal("the UK pack is not registered")
	}
	return p
}

// An adviser who answers every question the interview asks with what the person would say
// (the scenario's facts) and skips what the person does not know ends with the same results as
// evaluating every fact at once: the interview never leaves out a fact that matters. It also
// asks no fact twice and nothing the scenario's results did not need.
func TestUKInterviewReachesTheSameResultsAsAllTheFacts(t *testing.T) {
	p := ukPack(t)
	for _, sc := range ukScenarios(t) {
		full, err := eligibility.DecodeFacts(sc.Facts)
		if err != nil {
			t.Fatalf("%s: %v", sc.Name, err)
		}
		date, err := time.Parse(time.DateOnly, sc.Date)
		if err != nil {
			t.Fatalf("%s: %v", sc.Name, err)
		}
		iv := New(p, eligibility.Facts{}, date)
		asked := map[string]bool{}
		for {
			q, ok := iv.Current()
			if !ok {
				break
			}
			if asked[q.Field] {
				t.Fatalf("%s: %s asked twice", sc.Name, q.Field)
			}
			asked[q.Field] = true
			if v, known := full.FactJSON(q.Field); known {
				if _, err := iv.Answer(v); err != nil {
					t.Fatalf("%s: answer %s: %v", sc.Name, q.Field, err)
				}
			} else if err := iv.Skip(); err != nil {
				t.Fatal(err)
			}
		}
		want := eligibility.Evaluate(p, full, date)
		got := iv.Results()
		for i, r := range want.Results {
			g := got.Results[i]
			if g.Status != r.Status || (g.MonthlyEstimate == nil) != (r.MonthlyEstimate == nil) ||
				(g.MonthlyEstimate != nil && *g.MonthlyEstimate != *r.MonthlyEstimate) {
				t.Errorf("%s: %s after the interview = %s %v, with every fact = %s %v",
					sc.Name, r.Benefit, g.Status, g.MonthlyEstimate, r.Status, r.MonthlyEstimate)
			}
		}
	}
}

// The interview's first question for someone we know nothing about settles the most results.
func TestUKInterviewStartsWithTheMostAwaitedFact(t *testing.T) {
	p := ukPack(t)
	iv := New(p, eligibility.Facts{}, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	q, ok := iv.Current()
	if !ok {
		t.Fatal("no first question")
	}
	want, _ := eligibility.NextQuestion(p, eligibility.Facts{}, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if q.Field != want || q.Waiting < 2 {
		t.Errorf("first question %+v, want %s awaited by several results", q, want)
	}
}

// BenchmarkUKAnswerAndNextQuestion is one step of the interview: record an answer, evaluate
// the whole UK pack and pick the next question. Budget: under 1 ms.
func BenchmarkUKAnswerAndNextQuestion(b *testing.B) {
	p := ukPack(b)
	date := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	nation := eligibility.England
	iv := New(p, eligibility.Facts{Nation: &nation}, date)
	ages := []json.RawMessage{json.RawMessage("30"), json.RawMessage("31")}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := iv.Ask("age"); err != nil {
			b.Fatal(err)
		}
		if _, err := iv.Answer(ages[i%2]); err != nil {
			b.Fatal(err)
		}
		if _, ok := iv.Current(); !ok {
			b.Fatal("no next question")
		}
	}
}
