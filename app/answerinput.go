package app

import (
	"encoding/json"
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"waymark/eligibility"
	"waymark/eligibility/interview"
	"waymark/locales"
)

// errNoChoice is a choice question answered with nothing chosen.
var errNoChoice = errors.New("no answer chosen")

// answerInput is the control for one question: radio buttons for a yes/no or a fixed set of
// answers, a text box (with its unit) for numbers, ages and codes. It turns what the adviser
// chose or typed into the JSON value the interview takes; reading typed text is
// interview.ParseText's job, not this one's.
type answerInput struct {
	q      interview.Question
	submit func(json.RawMessage, error)
	onUse  func()

	radio  *widget.RadioGroup // choice questions
	values []string           // the JSON value behind each radio option, in order
	entry  *inputEntry        // typed questions
	none   *widget.Button     // children_ages only: "No children"
	box    fyne.CanvasObject
}

// newAnswerInput builds the control for q in tr's language, showing q's answer if it has one,
// or text (what was typed before a change of language). submit is called with the value, or the
// reason typed text cannot be read, when a choice is made, Enter is pressed or "No children" is
// chosen.
func newAnswerInput(tr *locales.Translator, q interview.Question, text string, onUse func(), submit func(json.RawMessage, error)) *answerInput {
	a := &answerInput{q: q, submit: submit, onUse: onUse}
	switch q.Spec.Kind {
	case eligibility.WantBool:
		a.choices(tr, []string{"true", "false"}, []string{tr.T("interview.yes"), tr.T("interview.no")})
	case eligibility.WantText:
		labels := make([]string, len(q.Spec.Allowed))
		values := make([]string, len(q.Spec.Allowed))
		for i, v := range q.Spec.Allowed {
			labels[i] = tr.T("interview.val." + q.Field + "." + v)
			values[i] = strconv.Quote(v)
		}
		a.choices(tr, values, labels)
	default:
		a.typed(tr, text)
	}
	return a
}

func (a *answerInput) choices(_ *locales.Translator, values, labels []string) {
	a.values = values
	a.radio = widget.NewRadioGroup(labels, nil)
	for i, v := range values {
		if string(a.q.Answer) == v {
			a.radio.Selected = labels[i]
		}
	}
	// Set after the answer already given is shown, so showing it does not submit it again.
	a.radio.OnChanged = func(string) {
		a.onUse()
		a.submit(a.value())
	}
	a.box = a.radio
}

func (a *answerInput) typed(tr *locales.Translator, text string) {
	a.entry = newInputEntry(a.onUse)
	if text == "" {
		text = interview.FormatText(a.q.Answer)
	}
	a.entry.SetText(text)
	a.entry.OnSubmitted = func(string) { a.submit(a.value()) }
	var row fyne.CanvasObject = a.entry
	switch a.q.Spec.Unit {
	case eligibility.UnitPounds:
		row = container.NewBorder(nil, nil, widget.NewLabel("£"), nil, a.entry)
	case eligibility.UnitYears, eligibility.UnitMonths, eligibility.UnitWeeks, eligibility.UnitHours:
		row = container.NewBorder(nil, nil, nil, widget.NewLabel(tr.T("interview.unit.suffix."+a.q.Spec.Unit)), a.entry)
	}
	if a.q.Field == "children_ages" {
		a.none = widget.NewButton(tr.T("interview.no_children"), func() {
			a.onUse()
			a.submit(json.RawMessage("[]"), nil)
		})
		row = container.NewBorder(nil, nil, nil, a.none, row)
	}
	a.box = row
}

// value is the answer shown in the control, or the reason there is none: errNoChoice, or the
// *eligibility.FieldError from reading typed text.
func (a *answerInput) value() (json.RawMessage, error) {
	if a.radio != nil {
		for i, l := range a.radio.Options {
			if l == a.radio.Selected {
				return json.RawMessage(a.values[i]), nil
			}
		}
		return nil, errNoChoice
	}
	return interview.ParseText(a.q.Spec, a.entry.Text)
}

// text is what was typed, kept across a change of language.
func (a *answerInput) text() string {
	if a.entry != nil {
		return a.entry.Text
	}
	return ""
}

// focusable is where the keyboard goes when the question appears.
func (a *answerInput) focusable() fyne.Focusable {
	if a.entry != nil {
		return a.entry
	}
	return nil
}
