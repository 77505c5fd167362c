package interview

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"waymark/eligibility"
)

// quizPack decides two benefits on three facts, so each test can say exactly which questions
// must come, in which order, and which never:
//
//	adult_grant  needs age >= 18 and nation
//	saver_grant  needs nation and capital < 6000 (only asked about when nation is known to be
//	             scotland, so capital is awaited by one result at most)
//
// pregnant is a fact neither benefit reads: it must never be asked.
type quizPack struct{}

func (quizPack) ID() string          { return "quiz" }
func (quizPack) Version() string     { return "1" }
func (quizPack) Reviewed() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
func (quizPack) Benefits() []string  { return []string{"adult_grant", "saver_grant"} }
func (quizPack) Evaluate(f eligibility.Facts, _ time.Time) eligibility.Outcome {
	res := func(b string, s eligibility.Status, missing ...string) eligibility.Result {
		return eligibility.Result{Benefit: b, Status: s, Missing: missing}
	}
	var out eligibility.Outcome
	switch {
	case f.Age != nil && *f.Age < 18:
		out.Results = append(out.Results, res("adult_grant", eligibility.NotEligible))
	case f.Age != nil && f.Nation != nil:
		out.Results = append(out.Results, res("adult_grant", eligibility.Eligible))
	default:
		var m []string
		if f.Nation == nil {
			m = append(m, "nation")
		}
		if f.Age == nil {
			m = append(m, "age")
		}
		out.Results = append(out.Results, res("adult_grant", eligibility.NeedInfo, m...))
	}
	switch {
	case f.Nation == nil:
		out.Results = append(out.Results, res("saver_grant", eligibility.NeedInfo, "nation"))
	case *f.Nation != eligibility.Scotland:
		out.Results = append(out.Results, res("saver_grant", eligibility.NotEligible))
	case f.Capital == nil:
		out.Results = append(out.Results, res("saver_grant", eligibility.NeedInfo, "capital"))
	case *f.Capital < 6000:
		out.Results = append(out.Results, res("saver_grant", eligibility.Eligible))
	default:
		out.Results = append(out.Results, res("saver_grant", eligibility.NotEligible))
	}
	return out
}

var day = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func current(t *testing.T, iv *Interview) string {
	t.Helper()
	q, ok := iv.Current()
	if !ok {
		return ""
	}
	return q.Field
}

func mustAnswer(t *testing.T, iv *Interview, value string) {
	t.Helper()
	if _, err := iv.Answer(json.RawMessage(value)); err != nil {
		t.Fatalf("answer %s to %s: %v", value, current(t, iv), err)
	}
}

func TestAsksTheMostAwaitedFactFirstAndNothingElse(t *testing.T) {
	iv := New(quizPack{}, eligibility.Facts{}, day)
	q, _ := iv.Current()
	if q.Field != "nation" || q.Waiting != 2 {
		t.Fatalf("first question = %+v, want nation awaited by 2", q)
	}
	mustAnswer(t, iv, `"scotland"`)
	// age and capital are each awaited by one result; contract order puts age first.
	if got := current(t, iv); got != "age" {
		t.Fatalf("second question = %q, want age", got)
	}
	mustAnswer(t, iv, `30`)
	if got := current(t, iv); got != "capital" {
		t.Fatalf("third question = %q, want capital", got)
	}
	mustAnswer(t, iv, `5999.99`)
	if got := current(t, iv); got != "" {
		t.Fatalf("after every result is settled the interview asks %q", got)
	}
	if _, err := iv.Answer(json.RawMessage(`1`)); !errors.Is(err, ErrNoQuestion) {
		t.Errorf("Answer with nothing on screen = %v, want ErrNoQuestion", err)
	}
	for _, r := range iv.Results().Results {
		if r.Status != eligibility.Eligible {
			t.Errorf("%s = %s, want eligible", r.Benefit, r.Status)
		}
	}
}

func TestAnAnswerThatSettlesResultsDropsTheirQuestions(t *testing.T) {
	iv := New(quizPack{}, eligibility.Facts{}, day)
	mustAnswer(t, iv, `"wales"`) // saver_grant is now not_eligible: capital must never be asked
	mustAnswer(t, iv, `17`)      // adult_grant not_eligible
	if got := current(t, iv); got != "" {
		t.Fatalf("interview asks %q though every result is settled", got)
	}
	if iv.Remaining() != 0 {
		t.Errorf("Remaining = %d, want 0", iv.Remaining())
	}
}

func TestSkipMovesOnAndKeepsTheQuestionForLater(t *testing.T) {
	iv := New(quizPack{}, eligibility.Facts{}, day)
	if err := iv.Skip(); err != nil {
		t.Fatal(err)
	}
	if got := current(t, iv); got != "age" {
		t.Fatalf("after skipping nation the question is %q, want age", got)
	}
	mustAnswer(t, iv, `40`)
	if got := current(t, iv); got != "" {
		t.Fatalf("the skipped question came back on its own as %q", got)
	}
	skipped := iv.Skipped()
	if len(skipped) != 1 || skipped[0].Field != "nation" || skipped[0].Waiting != 2 {
		t.Fatalf("Skipped = %+v, want nation awaited by 2", skipped)
	}
	if err := iv.Ask("nation"); err != nil {
		t.Fatal(err)
	}
	mustAnswer(t, iv, `"scotland"`)
	if len(iv.Skipped()) != 0 {
		t.Errorf("an answered question is still listed as skipped: %+v", iv.Skipped())
	}
	if got := current(t, iv); got != "capital" {
		t.Errorf("after answering the skipped question the next is %q, want capital", got)
	}
}

func TestBackShowsTheEarlierAnswerAndChangingItReevaluates(t *testing.T) {
	iv := New(quizPack{}, eligibility.Facts{}, day)
	if iv.CanGoBack() || iv.Back() {
		t.Fatal("Back at the first question moved")
	}
	mustAnswer(t, iv, `"scotland"`)
	mustAnswer(t, iv, `30`)
	if !iv.Back() {
		t.Fatal("Back refused after two answers")
	}
	q, _ := iv.Current()
	if q.Field != "age" || string(q.Answer) != "30" || q.Waiting != 0 {
		t.Fatalf("Back showed %+v, want age with its answer 30", q)
	}
	changed, err := iv.Answer(json.RawMessage(`16`))
	if err != nil || !changed {
		t.Fatalf("changing the answer = %v, %v", changed, err)
	}
	if got := iv.Results().Results[0].Status; got != eligibility.NotEligible {
		t.Errorf("adult_grant after changing age to 16 = %s, want not_eligible", got)
	}
	iv.Back()
	if changed, _ := iv.Answer(json.RawMessage(`16`)); changed {
		t.Error("the same answer again reported a change, so the app would save for nothing")
	}
}

func TestARefusedAnswerChangesNothing(t *testing.T) {
	iv := New(quizPack{}, eligibility.Facts{}, day)
	_, err := iv.Answer(json.RawMessage(`"mars"`))
	var fe *eligibility.FieldError
	if !errors.As(err, &fe) || fe.Field != "nation" || fe.Problem != eligibility.ProblemValue {
		t.Fatalf("Answer(mars) = %v, want a value FieldError for nation", err)
	}
	if got := current(t, iv); got != "nation" || iv.CanGoBack() {
		t.Errorf("after a refused answer the question is %q (back %v), want nation again", got, iv.CanGoBack())
	}
	if !iv.Facts().IsEmpty() {
		t.Errorf("a refused answer was kept: %+v", iv.Facts())
	}
}

func TestForgetMakesAFactUnknownAgain(t *testing.T) {
	iv := New(quizPack{}, eligibility.Facts{}, day)
	mustAnswer(t, iv, `"wales"`)
	mustAnswer(t, iv, `30`)
	if current(t, iv) != "" {
		t.Fatal("setup: questions left")
	}
	changed, err := iv.Forget("age")
	if err != nil || !changed {
		t.Fatalf("Forget = %v, %v", changed, err)
	}
	if got := current(t, iv); got != "age" {
		t.Errorf("after forgetting age the question is %q", got)
	}
	if _, ok := iv.Facts().FactJSON("age"); ok {
		t.Error("age still known after Forget")
	}
}

func TestAnsweredAndAskOnAnyFact(t *testing.T) {
	age, nation := 30, eligibility.Wales
	iv := New(quizPack{}, eligibility.Facts{Age: &age, Nation: &nation}, day)
	var names []string
	for _, q := range iv.Answered() {
		names = append(names, q.Field)
	}
	if !slices.Equal(names, []string{"nation", "age"}) {
		t.Errorf("Answered = %v, want [nation age] in contract order", names)
	}
	if err := iv.Ask("agee"); err == nil {
		t.Error("Ask accepted a fact that does not exist")
	}
	if err := iv.Ask("age"); err != nil {
		t.Fatal(err)
	}
	mustAnswer(t, iv, `31`)
	if got := *iv.Facts().Age; got != 31 {
		t.Errorf("age = %d after changing it through Ask", got)
	}
}

func TestNeverAsksAFactNoResultNeeds(t *testing.T) {
	// Walk the whole interview skipping everything: pregnant, which no result reads, must
	// never be on screen.
	iv := New(quizPack{}, eligibility.Facts{}, day)
	seen := map[string]bool{}
	for i := 0; i < 10; i++ {
		q, ok := iv.Current()
		if !ok {
			break
		}
		seen[q.Field] = true
		if err := iv.Skip(); err != nil {
			t.Fatal(err)
		}
	}
	if seen["pregnant"] || len(seen) != 2 {
		t.Errorf("questions asked when skipping everything: %v, want nation and age", seen)
	}
}
