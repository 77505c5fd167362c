package eligibility

import (
	"errors"
	"slices"
	"strings"
	"time"
)

// Reason codes the engine itself gives, when it cannot use the pack's answer.
const (
	// CodeNotAssessed: the pack returned no result for a benefit it declares. The benefit is
	// shown as need_info so it is never silently dropped; the pack's tests report the bug.
	CodeNotAssessed = "engine.not_assessed"
	// CodeInvalidFact: a fact breaks the facts contract (it was set in code, not decoded), so
	// no rule is applied to it; the fact is listed as missing so the interview asks it again.
	CodeInvalidFact = "engine.invalid_fact"
)

// Day returns the calendar day of t as midnight UTC. Rules turn on days, not instants; only
// the year, month and day of t (in its own location) are used.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Evaluate applies a pack to one person's facts on a date and returns the complete results:
// one result per declared benefit in the pack's order, reasons and missing lists never null,
// missing facts in contract order, estimates rounded to pennies. It does no I/O. Text is left
// empty for Localize.
func Evaluate(p Pack, f Facts, date time.Time) Results {
	day := Day(date)
	out := Results{
		AssessmentDate: day.Format(time.DateOnly),
		Rulepack: Rulepack{
			ID:       p.ID(),
			Version:  p.Version(),
			Reviewed: Day(p.Reviewed()).Format(time.DateOnly),
		},
	}
	benefits := p.Benefits()
	if err := f.Validate(); err != nil {
		out.Results = invalidFactResults(benefits, err)
		out.NextSteps = []NextStep{}
		return out
	}
	oc := p.Evaluate(f, day)
	out.Results = completeResults(benefits, oc.Results)
	out.NextSteps = uniqueSteps(oc.NextSteps)
	return out
}

// completeResults puts the pack's results in declared order, keeps the first result for a
// benefit given twice, drops undeclared benefits and fills in a need_info result for any
// declared benefit the pack left out.
func completeResults(benefits []string, got []Result) []Result {
	out := make([]Result, 0, len(benefits))
	for _, b := range benefits {
		// A pack declares a handful of benefits: a scan is cheaper than building a map.
		i := slices.IndexFunc(got, func(r Result) bool { return r.Benefit == b })
		var r Result
		if i >= 0 {
			r = got[i]
		}
		if i < 0 || !r.Status.Valid() {
			r = Result{
				Benefit: b,
				Status:  NeedInfo,
				Reasons: []Reason{{Code: CodeNotAssessed, MessageID: MessagePrefix + CodeNotAssessed}},
			}
		}
		out = append(out, normalizeResult(r))
	}
	return out
}

// normalizeResult makes a result safe to encode and compare: reasons and missing never nil,
// missing deduplicated in contract order, the estimate in whole pennies.
func normalizeResult(r Result) Result {
	if r.Reasons == nil {
		r.Reasons = []Reason{}
	}
	var set FactSet
	for _, name := range r.Missing {
		if f, ok := FactNamed(name); ok {
			set = set.With(f)
		}
	}
	r.Missing = set.Names()
	if r.MonthlyEstimate != nil {
		v := roundPennies(*r.MonthlyEstimate)
		r.MonthlyEstimate = &v
	}
	return r
}

// uniqueSteps keeps the first next step of each code, in the pack's order, and never returns
// nil.
func uniqueSteps(steps []NextStep) []NextStep {
	out := make([]NextStep, 0, len(steps))
	for _, s := range steps {
		if !slices.ContainsFunc(out, func(o NextStep) bool { return o.Code == s.Code }) {
			out = append(out, s)
		}
	}
	return out
}

// invalidFactResults answers need_info for every benefit when a fact breaks the contract,
// naming the fact, rather than applying rules to a value they were never written for.
func invalidFactResults(benefits []string, err error) []Result {
	field := ""
	var fe *FieldError
	if errors.As(err, &fe) {
		field = fe.Field
		if i := strings.IndexByte(field, '['); i >= 0 {
			field = field[:i]
		}
	}
	missing := []string{}
	if _, ok := FactNamed(field); ok {
		missing = []string{field}
	}
	out := make([]Result, 0, len(benefits))
	for _, b := range benefits {
		out = append(out, Result{
			Benefit: b,
			Status:  NeedInfo,
			Reasons: []Reason{{
				Code:      CodeInvalidFact,
				MessageID: MessagePrefix + CodeInvalidFact,
				Data:      map[string]any{"Field": field},
			}},
			Missing: missing,
		})
	}
	return out
}

// NextQuestion picks the fact the interview should ask next: the unknown fact listed in the
// most need_info results, ties broken by contract order. It never picks a fact no result
// depends on, and ok is false when no result is waiting for a fact (everything is decided, or
// only judgements are open).
func NextQuestion(p Pack, f Facts, date time.Time) (field string, ok bool) {
	r := Evaluate(p, f, date)
	return NextQuestionFrom(r)
}

// NextQuestionFrom is NextQuestion for results already computed, so a screen that shows the
// results does not evaluate twice.
func NextQuestionFrom(r Results) (field string, ok bool) {
	var counts [maxFacts]int
	best, bestCount := Fact(0), 0
	for _, res := range r.Results {
		if res.Status != NeedInfo {
			continue
		}
		for _, name := range res.Missing {
			f, known := FactNamed(name)
			if !known {
				continue
			}
			counts[f]++
			c := counts[f]
			if c > bestCount || (c == bestCount && f < best) {
				best, bestCount = f, c
			}
		}
	}
	if bestCount == 0 {
		return "", false
	}
	return best.Name(), true
}
