package app

import (
	"reflect"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/jobs"
	"waymark/locales"
)

// planTab is the action plan: its review date, the agreed steps (done, wording, who, by when,
// order), a box for a step of the adviser's own, and the suggested steps, each with why it is
// suggested: first one per deadline still ahead (due on its day, the deadline's sentence as
// the reason), then those from the results and the profile. Every change goes through the pure
// helpers in jobs and is handed to the case screen to save at once.
type planTab struct {
	tr      func() *locales.Translator
	onUse   func()
	changed func(steps []jobs.Step, review string)
	today   func() time.Time

	steps       []jobs.Step
	review      string
	suggestions []jobs.Suggestion
	// deadlines are the suggestions from the case's deadlines, set by the key dates panel
	// each time it works the deadlines out (setDeadlines).
	deadlines []jobs.Suggestion

	reviewLabel *widget.Label
	reviewEntry *inputEntry
	reviewNote  *widget.Label
	stepsLabel  *widget.Label
	stepsBox    *fyne.Container
	ownLabel    *widget.Label
	ownEntry    *inputEntry
	addOwn      *widget.Button
	suggLabel   *widget.Label
	suggBox     *fyne.Container
	problem     *noticeLabel
	content     fyne.CanvasObject
}

func newPlanTab(tr func() *locales.Translator, onUse func(), today func() time.Time, changed func([]jobs.Step, string)) *planTab {
	t := &planTab{tr: tr, onUse: onUse, today: today, changed: changed}
	t.reviewLabel = fieldLabel()
	t.reviewEntry = newInputEntry(onUse)
	t.reviewEntry.OnSubmitted = func(string) { t.onReview() }
	t.reviewNote = paragraph()
	t.stepsLabel = heading()
	t.stepsBox = container.NewVBox()
	t.ownLabel = fieldLabel()
	t.ownEntry = newInputEntry(onUse)
	t.ownEntry.OnSubmitted = func(string) { t.onAddOwn() }
	t.addOwn = widget.NewButtonWithIcon("", theme.ContentAddIcon(), t.onAddOwn)
	t.suggLabel = heading()
	t.suggBox = container.NewVBox()
	t.problem = newNoticeLabel()
	form := container.NewVBox(
		t.reviewLabel, t.reviewEntry, t.reviewNote,
		t.stepsLabel, t.stepsBox,
		t.ownLabel, container.NewBorder(nil, nil, nil, t.addOwn, t.ownEntry),
		widget.NewSeparator(),
		t.suggLabel, t.suggBox,
	)
	t.content = container.NewBorder(nil, t.problem.label, nil, nil, container.NewVScroll(container.NewPadded(form)))
	return t
}

func (t *planTab) view() fyne.CanvasObject { return t.content }

// show draws a plan and the suggestions still to accept.
func (t *planTab) show(steps []jobs.Step, review string, suggestions []jobs.Suggestion) {
	t.steps, t.review, t.suggestions = steps, review, suggestions
	t.reviewEntry.SetText(review)
	t.translate()
}

func (t *planTab) translate() {
	tr := t.tr()
	t.reviewLabel.SetText(tr.T("casework.plan.review"))
	t.reviewEntry.SetPlaceHolder(tr.T("casework.plan.review_hint", map[string]any{"Date": jobs.SuggestReview(t.today())}))
	switch {
	case jobs.ReviewOverdue(t.review, t.today()):
		t.reviewNote.SetText(tr.T("casework.plan.review_overdue"))
		t.reviewNote.Importance = widget.DangerImportance
		t.reviewNote.Show()
	default:
		t.reviewNote.Hide()
	}
	t.stepsLabel.SetText(tr.T("casework.plan.steps"))
	t.ownLabel.SetText(tr.T("casework.plan.own_step"))
	t.addOwn.SetText(tr.T("casework.plan.add"))
	t.suggLabel.SetText(tr.T("casework.plan.suggested"))
	t.problem.translate(tr)
	t.drawSteps(tr)
	t.drawSuggestions(tr)
}

func (t *planTab) drawSteps(tr *locales.Translator) {
	t.stepsBox.Objects = nil
	if len(t.steps) == 0 {
		l := paragraph()
		l.SetText(tr.T("casework.plan.empty"))
		t.stepsBox.Add(l)
	}
	for i, s := range t.steps {
		t.stepsBox.Add(t.stepRow(tr, i, s))
	}
	t.stepsBox.Refresh()
}

// stepText is a step's words in the adviser's language: a suggested step's own message, or
// the adviser's words as written.
func stepText(tr *locales.Translator, s jobs.Step) string {
	if s.Code != "" {
		return tr.T("jobs.step." + s.Code)
	}
	return s.Text
}

func (t *planTab) stepRow(tr *locales.Translator, i int, s jobs.Step) fyne.CanvasObject {
	done := widget.NewCheck("", func(v bool) { t.apply(jobs.SetDone(t.steps, i, v), nil) })
	done.Checked = s.Done
	shown := stepText(tr, s)
	text := newInputEntry(t.onUse)
	text.SetText(shown)
	text.OnSubmitted = func(v string) {
		if v = strings.TrimSpace(v); v != "" && v != shown {
			t.apply(jobs.EditText(t.steps, i, v), nil)
		}
	}
	var owners []string
	for _, o := range jobs.Owners() {
		owners = append(owners, tr.T("casework.owner."+o))
	}
	owner := widget.NewSelect(owners, nil)
	for k, o := range jobs.Owners() {
		if o == string(s.Owner) {
			owner.SetSelectedIndex(k)
		}
	}
	owner.OnChanged = func(string) {
		if k := owner.SelectedIndex(); k >= 0 {
			t.apply(jobs.SetOwner(t.steps, i, jobs.Owner(jobs.Owners()[k])), nil)
		}
	}
	due := newInputEntry(t.onUse)
	due.SetText(s.Due)
	due.SetPlaceHolder(tr.T("casework.plan.due_hint"))
	due.OnSubmitted = func(v string) { t.apply(jobs.SetDue(t.steps, i, strings.TrimSpace(v))) }
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { t.apply(jobs.MoveUp(t.steps, i), nil) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { t.apply(jobs.MoveDown(t.steps, i), nil) })
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { t.apply(jobs.Remove(t.steps, i), nil) })
	if i == 0 {
		up.Disable()
	}
	if i == len(t.steps)-1 {
		down.Disable()
	}
	dueLabel := widget.NewLabel(tr.T("casework.plan.due"))
	return container.NewVBox(
		container.NewBorder(nil, nil, done, container.NewHBox(up, down, remove), text),
		container.NewGridWithColumns(2, owner, container.NewBorder(nil, nil, dueLabel, nil, due)),
		widget.NewSeparator(),
	)
}

// setDeadlines takes the suggestions from the case's deadlines as they now stand, and draws
// the suggestions again if they changed.
func (t *planTab) setDeadlines(ds []jobs.Suggestion) {
	if reflect.DeepEqual(ds, t.deadlines) {
		return
	}
	t.deadlines = ds
	t.drawSuggestions(t.tr())
}

// suggestionText is a suggestion's heading: the step's words, and for a deadline its day.
func (t *planTab) suggestionText(tr *locales.Translator, s jobs.Suggestion) string {
	text := stepText(tr, s.Step)
	if s.Step.Due != "" && slices.ContainsFunc(t.deadlines, func(d jobs.Suggestion) bool { return d.Step.Code == s.Step.Code }) {
		return tr.T("deadline.plan.suggestion", map[string]any{"Step": text, "Date": tr.DateText(s.Step.Due)})
	}
	return text
}

func (t *planTab) drawSuggestions(tr *locales.Translator) {
	t.suggBox.Objects = nil
	pending := jobs.Pending(t.steps, jobs.WithDeadlines(t.deadlines, t.suggestions))
	if len(pending) == 0 {
		l := paragraph()
		l.SetText(tr.T("casework.plan.no_suggestions"))
		t.suggBox.Add(l)
	}
	for _, s := range pending {
		text := paragraph()
		text.TextStyle = fyne.TextStyle{Bold: true}
		text.SetText(t.suggestionText(tr, s))
		why := paragraph()
		why.TextStyle = fyne.TextStyle{Italic: true}
		why.SetText(tr.T(s.WhyID, s.WhyData))
		add := widget.NewButtonWithIcon(tr.T("casework.plan.accept"), theme.ContentAddIcon(), func() {
			t.apply(jobs.Accept(t.steps, s), nil)
		})
		t.suggBox.Add(container.NewVBox(container.NewBorder(nil, nil, nil, add, text), why))
	}
	t.suggBox.Refresh()
}

func (t *planTab) onAddOwn() {
	t.onUse()
	text := strings.TrimSpace(t.ownEntry.Text)
	if text == "" {
		t.problem.set(t.tr(), notice{id: "casework.plan.need_text"})
		return
	}
	s := jobs.Step{Text: text, Owner: jobs.OwnerSurvivor}
	if err := s.Validate(); err != nil {
		t.problem.set(t.tr(), notice{id: "casework.plan.bad_step", data: map[string]any{"Max": jobs.MaxStepChars}})
		return
	}
	t.ownEntry.SetText("")
	t.apply(append(append([]jobs.Step(nil), t.steps...), s), nil)
}

func (t *planTab) onReview() {
	t.onUse()
	v := strings.TrimSpace(t.reviewEntry.Text)
	if err := jobs.CheckReview("review", v); err != nil {
		t.problem.set(t.tr(), notice{id: "casework.plan.bad_date"})
		return
	}
	t.review = v
	t.problem.set(t.tr(), notice{})
	t.changed(t.steps, t.review)
	t.translate()
}

// apply takes a plan a helper returned (or the error it gave) and saves it.
func (t *planTab) apply(steps []jobs.Step, err error) {
	t.onUse()
	if err != nil {
		t.problem.set(t.tr(), notice{id: "casework.plan.bad_date"})
		return
	}
	t.problem.set(t.tr(), notice{})
	t.steps = steps
	t.changed(t.steps, t.review)
	t.translate()
}
