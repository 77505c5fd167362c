package app

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/eligibility"
	"waymark/eligibility/interview"
	"waymark/locales"
)

// interviewPanel is the left side of a case: one question at a time, why it is asked, Back,
// Skip and Next, then the answers so far (each can be changed) and the skipped questions (each
// can be answered later). It draws the interview.Interview it is given and tells the case
// screen when the facts changed; what to ask next is the interview's decision.
type interviewPanel struct {
	tr      func() *locales.Translator
	iv      *interview.Interview
	onUse   func()
	changed func() // the facts changed: save them and redraw the results

	title     *widget.Label
	remaining *widget.Label
	question  *widget.Label
	why       *widget.Label
	waiting   *widget.Label
	inputBox  *fyne.Container
	input     *answerInput
	problem   *noticeLabel
	back      *widget.Button
	skip      *widget.Button
	forget    *widget.Button
	next      *widget.Button
	asking    *fyne.Container // the question and its buttons, hidden when none is left
	done      *widget.Label
	answers   *widget.Label
	answerBox *fyne.Container
	skipped   *widget.Label
	skipBox   *fyne.Container
	content   fyne.CanvasObject
}

func newInterviewPanel(tr func() *locales.Translator, iv *interview.Interview, onUse, changed func()) *interviewPanel {
	p := &interviewPanel{tr: tr, iv: iv, onUse: onUse, changed: changed}
	p.title = heading()
	p.remaining = paragraph()
	p.question = paragraph()
	p.question.TextStyle = fyne.TextStyle{Bold: true}
	p.question.SizeName = theme.SizeNameSubHeadingText
	p.why = paragraph()
	p.why.TextStyle = fyne.TextStyle{Italic: true}
	p.waiting = paragraph()
	p.inputBox = container.NewStack()
	p.problem = newNoticeLabel()
	p.back = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), p.onBack)
	p.skip = widget.NewButton("", p.onSkip)
	p.forget = widget.NewButton("", p.onForget)
	p.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), p.onNext)
	p.next.Importance = widget.HighImportance
	p.next.IconPlacement = widget.ButtonIconTrailingText
	// The buttons stay below the scrolling part, so a long list of answers never pushes Skip
	// and Next out of sight.
	buttons := container.NewHBox(p.back, p.skip, layout.NewSpacer(), p.forget, p.next)
	p.asking = container.NewVBox(p.question, p.why, p.waiting, p.inputBox, p.problem.label)
	p.done = paragraph()
	p.answers = fieldLabel()
	p.answerBox = container.NewVBox()
	p.skipped = fieldLabel()
	p.skipBox = container.NewVBox()
	scroll := container.NewVScroll(container.NewPadded(container.NewVBox(
		p.title, p.remaining, p.asking, p.done,
		widget.NewSeparator(),
		p.skipped, p.skipBox,
		p.answers, p.answerBox,
	)))
	p.content = container.NewBorder(nil, container.NewPadded(buttons), nil, nil, scroll)
	p.showQuestion("")
	return p
}

// view is the panel's one object; the case screen places it.
func (p *interviewPanel) view() fyne.CanvasObject { return p.content }

// focus is where the keyboard goes: the answer box of a typed question.
func (p *interviewPanel) focus() fyne.Focusable {
	if p.input != nil {
		return p.input.focusable()
	}
	return nil
}

// translate words everything again, keeping what was typed but not yet given.
func (p *interviewPanel) translate() {
	typed := ""
	if p.input != nil {
		typed = p.input.text()
	}
	p.showQuestion(typed)
}

// showQuestion draws the interview's state: the question on screen (with typed, text the
// adviser had typed, kept across a change of language), the counts, the lists.
func (p *interviewPanel) showQuestion(typed string) {
	tr := p.tr()
	p.title.SetText(tr.T("interview.title"))
	p.back.SetText(tr.T("interview.back"))
	p.skip.SetText(tr.T("interview.skip"))
	p.forget.SetText(tr.T("interview.forget"))
	p.next.SetText(tr.T("interview.next"))
	p.problem.translate(tr)
	if n := p.iv.Remaining(); n > 0 {
		p.remaining.SetText(tr.N("interview.remaining", n))
		p.remaining.Show()
	} else {
		p.remaining.Hide()
	}

	q, ok := p.iv.Current()
	if p.iv.CanGoBack() {
		p.back.Enable()
	} else {
		p.back.Disable()
	}
	if !ok {
		p.input = nil
		p.inputBox.Objects = nil
		p.asking.Hide()
		p.skip.Hide()
		p.next.Hide()
		p.forget.Hide()
		p.done.Show()
		if n := len(p.iv.Skipped()); n > 0 {
			p.done.SetText(tr.N("interview.done_skipped", n))
		} else {
			p.done.SetText(tr.T("interview.done"))
		}
	} else {
		p.done.Hide()
		p.asking.Show()
		p.skip.Show()
		p.next.Show()
		p.question.SetText(tr.T("interview.q." + q.Field))
		p.why.SetText(tr.T("interview.why", map[string]any{"Why": tr.T("interview.why." + q.Field)}))
		switch {
		case q.Answer != nil:
			p.waiting.SetText(tr.T("interview.revisit"))
		case q.Waiting > 0:
			p.waiting.SetText(tr.N("interview.waiting", q.Waiting))
		default:
			p.waiting.SetText("")
		}
		if q.Answer != nil {
			p.forget.Show()
		} else {
			p.forget.Hide()
		}
		p.input = newAnswerInput(tr, q, typed, p.onUse, p.onSubmit)
		p.inputBox.Objects = []fyne.CanvasObject{p.input.box}
	}
	p.inputBox.Refresh()
	p.showLists(tr)
}

// showLists draws the skipped questions and the answers so far, each with its button.
func (p *interviewPanel) showLists(tr *locales.Translator) {
	skipped := p.iv.Skipped()
	p.skipped.SetText(tr.T("interview.skipped"))
	p.skipBox.Objects = nil
	for _, q := range skipped {
		p.skipBox.Add(p.row(tr.T("interview.label."+q.Field), tr.T("interview.ask"), q.Field))
	}
	if len(skipped) == 0 {
		p.skipped.Hide()
		p.skipBox.Hide()
	} else {
		p.skipped.Show()
		p.skipBox.Show()
	}
	p.answers.SetText(tr.T("interview.answers"))
	p.answerBox.Objects = nil
	answered := p.iv.Answered()
	for _, q := range answered {
		line := tr.T("interview.answer_line", map[string]any{
			"Label": tr.T("interview.label." + q.Field), "Value": answerText(tr, q.Spec, q.Answer)})
		p.answerBox.Add(p.row(line, tr.T("interview.change"), q.Field))
	}
	if len(answered) == 0 {
		none := paragraph()
		none.SetText(tr.T("interview.answers_none"))
		p.answerBox.Add(none)
	}
	p.skipBox.Refresh()
	p.answerBox.Refresh()
}

// row is one line of a list: the text and a button that puts the fact on screen.
func (p *interviewPanel) row(text, button, field string) fyne.CanvasObject {
	l := paragraph()
	l.SetText(text)
	b := widget.NewButton(button, func() { p.onAsk(field) })
	return container.NewBorder(nil, nil, nil, b, l)
}

// onSubmit takes the answer a choice, Enter or "No children" gave.
func (p *interviewPanel) onSubmit(v json.RawMessage, err error) {
	if err != nil {
		p.refuse(err)
		return
	}
	changed, err := p.iv.Answer(v)
	if err != nil {
		p.refuse(err)
		return
	}
	p.problem.set(p.tr(), notice{})
	p.showQuestion("")
	if changed {
		p.changed()
	}
	p.focusInput()
}

// refuse shows why the answer cannot be taken and leaves it on screen to correct.
func (p *interviewPanel) refuse(err error) {
	p.problem.set(p.tr(), notice{id: answerProblem(err), data: answerProblemData(err)})
	p.focusInput()
}

func (p *interviewPanel) onNext() {
	p.onUse()
	if p.input == nil {
		return
	}
	p.onSubmit(p.input.value())
}

func (p *interviewPanel) onSkip() {
	p.onUse()
	if p.iv.Skip() == nil {
		p.problem.set(p.tr(), notice{})
		p.showQuestion("")
		p.focusInput()
	}
}

func (p *interviewPanel) onBack() {
	p.onUse()
	if p.iv.Back() {
		p.problem.set(p.tr(), notice{})
		p.showQuestion("")
		p.focusInput()
	}
}

// onForget makes the fact on screen unknown again: an answer given by mistake.
func (p *interviewPanel) onForget() {
	p.onUse()
	q, ok := p.iv.Current()
	if !ok {
		return
	}
	changed, err := p.iv.Forget(q.Field)
	if err != nil {
		p.refuse(err)
		return
	}
	p.problem.set(p.tr(), notice{})
	p.showQuestion("")
	if changed {
		p.changed()
	}
}

// onAsk puts a fact from the lists on screen, to change its answer or answer it after a skip.
func (p *interviewPanel) onAsk(field string) {
	p.onUse()
	if p.iv.Ask(field) == nil {
		p.problem.set(p.tr(), notice{})
		p.showQuestion("")
		p.focusInput()
	}
}

// focusInput gives the keyboard to the answer box, when the panel is in a window.
func (p *interviewPanel) focusInput() {
	f := p.focus()
	if f == nil {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(p.content); c != nil {
		c.Focus(f)
	}
}

// answerProblem is the message saying why an answer cannot be taken.
func answerProblem(err error) string {
	var fe *eligibility.FieldError
	if !errors.As(err, &fe) {
		return "interview.err.choose"
	}
	switch fe.Problem {
	case eligibility.ProblemMissing:
		return "interview.err.missing"
	case eligibility.ProblemTooLong:
		return "interview.err.too_many"
	case eligibility.ProblemValue:
		switch {
		case fe.Want == eligibility.WantCountryCode:
			return "interview.err.country"
		case fe.Max != "":
			return "interview.err.range"
		}
		return "interview.err.choose"
	case eligibility.ProblemType:
		switch {
		case strings.Contains(fe.Field, "["):
			return "interview.err.list"
		case fe.Want == eligibility.WantNumber:
			return "interview.err.number"
		case fe.Want == eligibility.WantWholeNumber:
			return "interview.err.whole_number"
		}
	}
	return "interview.err.choose"
}

// answerProblemData fills the placeholders of answerProblem's message.
func answerProblemData(err error) map[string]any {
	var fe *eligibility.FieldError
	if !errors.As(err, &fe) {
		return nil
	}
	data := map[string]any{"Min": fe.Min, "Max": fe.Max}
	if fe.Problem == eligibility.ProblemTooLong {
		n, _ := strconv.Atoi(fe.Max)
		data["Count"] = n
	}
	if fe.Problem == eligibility.ProblemValue && fe.Max != "" {
		if x, perr := strconv.ParseFloat(fe.Max, 64); perr == nil && x == eligibility.MaxAmount {
			data["Max"] = interview.Money(x) // pounds read better with their commas
		}
	}
	return data
}

// answerText is an answer as the adviser reads it in the list: "Scotland", "Yes", "34 years",
// "£1,250.50", "3, 7" or "No children".
func answerText(tr *locales.Translator, spec eligibility.FactSpec, raw json.RawMessage) string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return ""
	}
	switch x := v.(type) {
	case bool:
		if x {
			return tr.T("interview.yes")
		}
		return tr.T("interview.no")
	case string:
		if spec.Kind == eligibility.WantText {
			return tr.T("interview.val." + spec.Name + "." + x)
		}
		return x
	case float64:
		switch spec.Unit {
		case eligibility.UnitPounds:
			return tr.T("interview.unit.pounds", map[string]any{"Value": interview.Money(x)})
		case eligibility.UnitHours:
			return tr.T("interview.unit.hours", map[string]any{"Value": strconv.FormatFloat(x, 'f', -1, 64)})
		case eligibility.UnitYears, eligibility.UnitMonths, eligibility.UnitWeeks:
			return tr.N("interview.unit."+spec.Unit, int(x))
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []any:
		if len(x) == 0 {
			return tr.T("interview.no_children")
		}
	}
	return interview.FormatText(raw)
}

// answerProblemText words why a typed value cannot be taken, with the interview's sentences.
func answerProblemText(tr *locales.Translator, err error) string {
	return tr.T(answerProblem(err), answerProblemData(err))
}
