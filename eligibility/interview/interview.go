// Package interview is the guided eligibility interview without its window: which question is
// on screen, what was skipped, where Back goes, and what the answers so far give. The desktop
// app draws it and saves the facts it holds; every decision about what to ask lives here, so
// it is tested without a display.
//
// It asks one fact at a time, always the one that settles the most open results (through
// eligibility.RankMissing), so it never asks what no result depends on. A skipped question is
// not asked again until the adviser asks for it, and going back shows the earlier answer so it
// can be changed.
package interview

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"waymark/eligibility"
)

// ErrNoQuestion is returned by Answer and Skip when every question that could settle a result
// has been answered or skipped, so there is nothing on screen to answer.
var ErrNoQuestion = errors.New("no question is being asked")

// Question is the fact on screen and what the adviser needs to answer it.
type Question struct {
	// Field is the fact's JSON name, e.g. "immigration_status"; the app words it from the
	// messages "interview.q.<field>" and "interview.why.<field>".
	Field string
	// Spec is the fact's type, allowed values, limits and unit.
	Spec eligibility.FactSpec
	// Waiting is how many open results the answer could settle: zero when the adviser went
	// back to a question that is already answered.
	Waiting int
	// Answer is the answer already given, as JSON, or nil.
	Answer json.RawMessage
}

// Interview is one person's interview on one assessment day. It is not safe for concurrent
// use: the app keeps it on the UI goroutine.
type Interview struct {
	pack    eligibility.Pack
	date    time.Time
	facts   eligibility.Facts
	results eligibility.Results
	known   map[string]json.RawMessage // the facts' values by name, as of the last evaluation
	waiting []eligibility.Waiting      // RankMissing of results
	skipped []string                   // skipped questions, in the order they were skipped
	history []string                   // questions shown before the current one, oldest first
	current string                     // the question on screen; "" when none is left
}

// New starts an interview from the facts already gathered (a case reopened after a pause
// starts where the answers leave it) and evaluates them.
func New(p eligibility.Pack, facts eligibility.Facts, date time.Time) *Interview {
	iv := &Interview{pack: p, date: date, facts: facts}
	iv.evaluate()
	iv.current = iv.next()
	return iv
}

// Facts returns the answers so far.
func (iv *Interview) Facts() eligibility.Facts { return iv.facts }

// Results returns what the answers so far give, untranslated.
func (iv *Interview) Results() eligibility.Results { return iv.results }

// Current returns the question on screen, or false when every question that could settle a
// result has been answered or skipped.
func (iv *Interview) Current() (Question, bool) {
	if iv.current == "" {
		return Question{}, false
	}
	return iv.question(iv.current), true
}

// Answer records value (JSON, as eligibility.Facts.WithFact takes it) as the answer to the
// current question and moves to the next one. changed is false when the answer was already
// the same, so the caller need not save. A refused value leaves everything as it was and
// returns the *eligibility.FieldError that says why.
func (iv *Interview) Answer(value json.RawMessage) (changed bool, err error) {
	if iv.current == "" {
		return false, ErrNoQuestion
	}
	changed, err = iv.set(iv.current, value)
	if err != nil {
		return false, err
	}
	iv.advance()
	return changed, nil
}

// AnswerText is Answer for text the adviser typed, read with ParseText.
func (iv *Interview) AnswerText(text string) (changed bool, err error) {
	if iv.current == "" {
		return false, ErrNoQuestion
	}
	spec, _ := eligibility.DescribeFact(iv.current)
	value, err := ParseText(spec, text)
	if err != nil {
		return false, err
	}
	return iv.Answer(value)
}

// Forget makes a fact unknown again (an answer given by mistake) without moving on; the fact
// becomes the current question if a result now waits for it and nothing is on screen.
func (iv *Interview) Forget(field string) (changed bool, err error) {
	changed, err = iv.set(field, nil)
	if err != nil {
		return false, err
	}
	if iv.current == "" {
		iv.current = iv.next()
	}
	return changed, nil
}

// Skip leaves the current question unanswered and moves on. It will not be asked again until
// Ask or Back brings it back.
func (iv *Interview) Skip() error {
	if iv.current == "" {
		return ErrNoQuestion
	}
	if !slices.Contains(iv.skipped, iv.current) {
		iv.skipped = append(iv.skipped, iv.current)
	}
	iv.advance()
	return nil
}

// Back returns to the question shown before this one, with its answer if it has one, so the
// adviser can change it. It is false at the first question.
func (iv *Interview) Back() bool {
	if len(iv.history) == 0 {
		return false
	}
	last := iv.history[len(iv.history)-1]
	iv.history = iv.history[:len(iv.history)-1]
	iv.show(last)
	return true
}

// CanGoBack reports whether Back has somewhere to go.
func (iv *Interview) CanGoBack() bool { return len(iv.history) > 0 }

// Ask puts any fact on screen: an answer to change, or a skipped question to answer after all.
// The question it replaces is remembered for Back.
func (iv *Interview) Ask(field string) error {
	if _, ok := eligibility.DescribeFact(field); !ok {
		return fmt.Errorf("ask %q: %w", field, &eligibility.FieldError{Field: field, Problem: eligibility.ProblemUnknown})
	}
	if field == iv.current {
		return nil
	}
	if iv.current != "" {
		iv.history = append(iv.history, iv.current)
	}
	iv.show(field)
	return nil
}

// Answered lists the facts known so far, in contract order.
func (iv *Interview) Answered() []Question {
	var out []Question
	for _, name := range eligibility.FactFields() {
		if _, ok := iv.known[name]; ok {
			out = append(out, iv.question(name))
		}
	}
	return out
}

// Skipped lists the questions skipped and still unanswered that some open result still waits
// for, in the order they were skipped. A skipped question the answers made irrelevant drops out.
func (iv *Interview) Skipped() []Question {
	var out []Question
	for _, name := range iv.skipped {
		if q := iv.question(name); q.Waiting > 0 && q.Answer == nil {
			out = append(out, q)
		}
	}
	return out
}

// Remaining is how many questions could still settle an open result, skipped ones included.
func (iv *Interview) Remaining() int { return len(iv.waiting) }

// set changes one fact and re-evaluates; a skipped question that is answered is no longer
// skipped.
func (iv *Interview) set(field string, value json.RawMessage) (bool, error) {
	before := iv.known[field]
	facts, err := iv.facts.WithFact(field, value)
	if err != nil {
		return false, err
	}
	after, _ := facts.FactJSON(field)
	if value != nil {
		iv.skipped = slices.DeleteFunc(iv.skipped, func(s string) bool { return s == field })
	}
	if string(before) == string(after) {
		return false, nil
	}
	iv.facts = facts
	iv.evaluate()
	return true, nil
}

// advance remembers the current question for Back and puts the next one on screen.
func (iv *Interview) advance() {
	iv.history = append(iv.history, iv.current)
	iv.current = iv.next()
}

// show puts field on screen; a skipped question brought back is no longer skipped.
func (iv *Interview) show(field string) {
	iv.skipped = slices.DeleteFunc(iv.skipped, func(s string) bool { return s == field })
	iv.current = field
}

// next is the most awaited unknown fact that was not skipped, or "".
func (iv *Interview) next() string {
	for _, w := range iv.waiting {
		if !slices.Contains(iv.skipped, w.Fact) {
			return w.Fact
		}
	}
	return ""
}

// evaluate applies the rules to the facts and keeps what the questions are drawn from.
func (iv *Interview) evaluate() {
	iv.results = eligibility.Evaluate(iv.pack, iv.facts, iv.date)
	iv.known = iv.facts.Known()
	iv.waiting = eligibility.RankMissing(iv.results)
}

func (iv *Interview) question(field string) Question {
	spec, _ := eligibility.DescribeFact(field)
	q := Question{Field: field, Spec: spec, Answer: iv.known[field]}
	for _, w := range iv.waiting {
		if w.Fact == field {
			q.Waiting = w.Results
		}
	}
	return q
}
