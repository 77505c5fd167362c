package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"waymark/eligibility"
	"waymark/locales"
	"waymark/storage"
)

// openCase adds a case with these facts through the session and opens it from the list as an
// adviser would, by choosing its row.
func (h *harness) openCase(ref string, facts eligibility.Facts) *caseScreen {
	h.t.Helper()
	c, err := h.u.session.CreateCase(storage.Case{Reference: ref, Language: "ro", Facts: facts})
	if err != nil {
		h.t.Fatal(err)
	}
	h.u.show(newCasesScreen(h.u))
	h.run.flush()
	list := h.cases()
	for row := 0; row < list.cases.Length(); row++ {
		if s, _ := list.cases.GetValue(row); s.ID == c.ID {
			list.table.Select(widget.TableCellID{Row: row, Col: 0})
		}
	}
	s, ok := h.u.current.(*caseScreen)
	if !ok {
		h.t.Fatalf("screen is %T after choosing the case, want the case screen", h.u.current)
	}
	if !s.loading.box.Visible() {
		h.t.Error("no progress shown while the case is read")
	}
	h.run.flush()
	if s.iv == nil {
		h.t.Fatalf("case did not load: %q", s.problem.label.Text)
	}
	return s
}

// stored reads the case back from the vault.
func (h *harness) stored(id string) storage.Case {
	h.t.Helper()
	c, err := h.u.session.Case(id)
	if err != nil {
		h.t.Fatal(err)
	}
	return c
}

func (s *caseScreen) field(t *testing.T) string {
	t.Helper()
	q, ok := s.iv.Current()
	if !ok {
		return ""
	}
	if s.ip.question.Text != s.u.tr.T("interview.q."+q.Field) || !s.ip.asking.Visible() {
		t.Fatalf("interview is at %s but the screen asks %q", q.Field, s.ip.question.Text)
	}
	return q.Field
}

// ask puts a fact on screen, as its Change or Answer now button does.
func (s *caseScreen) ask(t *testing.T, field string) {
	t.Helper()
	if err := s.iv.Ask(field); err != nil {
		t.Fatal(err)
	}
	s.ip.showQuestion("")
}

// choose picks an answer of a choice question by its label.
func (s *caseScreen) choose(t *testing.T, label string) {
	t.Helper()
	r := s.ip.input.radio
	if r == nil {
		t.Fatalf("question %s has no choices", s.field(t))
	}
	r.SetSelected(label)
}

// typeAnswer types into a typed question and presses Enter.
func (s *caseScreen) typeAnswer(t *testing.T, text string) {
	t.Helper()
	e := s.ip.input.entry
	if e == nil {
		t.Fatalf("question %s has no text box", s.field(t))
	}
	e.SetText("")
	test.Type(e, text)
	e.TypedKey(&keyReturn)
}

func england() eligibility.Facts {
	n := eligibility.England
	return eligibility.Facts{Nation: &n}
}

func TestCaseShowsGuidanceRulesQuestionAndResults(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-10", eligibility.Facts{})
	tr := h.u.tr
	if !s.guidance.Visible() || s.guidance.Text != tr.T("case.guidance") {
		t.Errorf("guidance line = %q (visible %v)", s.guidance.Text, s.guidance.Visible())
	}
	r := s.iv.Results()
	for _, part := range []string{r.Rulepack.Version, tr.DateText(r.Rulepack.Reviewed), "23 November 2026"} {
		if !strings.Contains(s.rulepack.Text, part) {
			t.Errorf("rule-pack line %q does not show %q", s.rulepack.Text, part)
		}
	}
	want, _ := eligibility.NextQuestionFrom(r)
	if got := s.field(t); got != want {
		t.Errorf("first question %s, want %s (the most awaited fact)", got, want)
	}
	why := tr.T("interview.why", map[string]any{"Why": tr.T("interview.why." + want)})
	if s.ip.why.Text != why || !s.ip.why.Visible() {
		t.Errorf("why-we-ask line = %q, want %q", s.ip.why.Text, why)
	}
	// One card per benefit the pack decides, each headed by the benefit's name.
	var names []string
	for _, o := range s.rp.list.Objects {
		if card, ok := o.(*fyne.Container); ok {
			names = append(names, card.Objects[0].(*widget.Label).Text)
		}
	}
	if len(names) != len(r.Results) {
		t.Fatalf("%d benefit cards, want %d", len(names), len(r.Results))
	}
	for i, res := range r.Results {
		if names[i] != locales.Explain(tr, res.Benefit) {
			t.Errorf("card %d = %q, want %s", i, names[i], res.Benefit)
		}
	}
}

func TestEveryAnswerIsSavedAsItIsGiven(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-11", eligibility.Facts{})
	id := s.id
	s.ask(t, "nation")
	s.choose(t, h.u.tr.T("interview.val.nation.scotland"))
	if h.run.pending() != 1 {
		t.Fatalf("%d saves queued after one answer, want 1", h.run.pending())
	}
	h.run.flush()
	if got := h.stored(id).Facts.Nation; got == nil || *got != eligibility.Scotland {
		t.Fatalf("nation in the vault = %v after answering", got)
	}
	next := s.field(t)
	if next == "nation" || next == "" {
		t.Fatalf("after answering, the question is %q", next)
	}
	if next == "age" {
		s.typeAnswer(t, "34")
		h.run.flush()
		if got := h.stored(id).Facts.Age; got == nil || *got != 34 {
			t.Errorf("age in the vault = %v after typing 34", got)
		}
	}
}

func TestTypedAnswersAreReadOrRefusedWithASentence(t *testing.T) {
	h := unlocked(t)
	n, st := eligibility.England, eligibility.BritishOrIrish
	s := h.openCase("WM-12", eligibility.Facts{Nation: &n, ImmigrationStatus: &st})
	s.ask(t, "capital")
	s.typeAnswer(t, "lots")
	if got, want := s.ip.problem.label.Text, h.u.tr.T("interview.err.number"); got != want || !s.ip.problem.label.Visible() {
		t.Errorf("problem = %q, want %q", got, want)
	}
	if s.field(t) != "capital" || h.run.pending() != 0 {
		t.Fatal("a refused answer moved on or was saved")
	}
	s.typeAnswer(t, "£6,000")
	h.run.flush()
	if got := h.stored(s.id).Facts.Capital; got == nil || *got != 6000 {
		t.Errorf("capital in the vault = %v after typing £6,000", got)
	}
	if s.ip.problem.label.Visible() {
		t.Error("the problem stayed on screen after a good answer")
	}
	line := h.u.tr.T("interview.answer_line", map[string]any{
		"Label": h.u.tr.T("interview.label.capital"), "Value": "£6,000.00"})
	if !answersShow(s, line) {
		t.Errorf("answers so far do not show %q", line)
	}
}

// answersShow reports whether the answers-so-far list has a row with this text.
func answersShow(s *caseScreen, text string) bool {
	for _, o := range s.ip.answerBox.Objects {
		if row, ok := o.(*fyne.Container); ok {
			for _, part := range row.Objects {
				if l, ok := part.(*widget.Label); ok && l.Text == text {
					return true
				}
			}
		}
	}
	return false
}

func TestSkipBackAndChangeAnAnswer(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-13", england())
	first := s.field(t)
	test.Tap(s.ip.skip)
	second := s.field(t)
	if second == first {
		t.Fatal("Skip did not move on")
	}
	if len(s.ip.skipBox.Objects) != 1 || !s.ip.skipBox.Visible() {
		t.Fatalf("skipped list has %d rows", len(s.ip.skipBox.Objects))
	}
	if h.run.pending() != 0 {
		t.Error("skipping saved something")
	}
	test.Tap(s.ip.back)
	if got := s.field(t); got != first {
		t.Fatalf("Back went to %s, want %s", got, first)
	}
	if len(s.ip.skipBox.Objects) != 0 {
		t.Error("the question on screen is still listed as skipped")
	}

	// Change an answer from the list: nation was England, make it Wales.
	var change *widget.Button
	for _, o := range s.ip.answerBox.Objects {
		row := o.(*fyne.Container)
		if strings.Contains(row.Objects[0].(*widget.Label).Text, h.u.tr.T("interview.label.nation")) {
			change = row.Objects[1].(*widget.Button)
		}
	}
	if change == nil {
		t.Fatal("no Change button for the nation")
	}
	test.Tap(change)
	if s.field(t) != "nation" || s.ip.input.radio.Selected != h.u.tr.T("interview.val.nation.england") {
		t.Fatalf("Change shows %s with %q chosen", s.field(t), s.ip.input.radio.Selected)
	}
	s.choose(t, h.u.tr.T("interview.val.nation.wales"))
	h.run.flush()
	if got := h.stored(s.id).Facts.Nation; got == nil || *got != eligibility.Wales {
		t.Errorf("nation in the vault = %v after changing it to Wales", got)
	}
}

func TestClearAnAnswerGivenByMistake(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-14", england())
	s.ask(t, "nation")
	if !s.ip.forget.Visible() {
		t.Fatal("no Clear button on an answered question")
	}
	test.Tap(s.ip.forget)
	h.run.flush()
	if got := h.stored(s.id).Facts.Nation; got != nil {
		t.Errorf("nation in the vault = %v after clearing it", *got)
	}
}

// An answer given just before the lock is written before the key is gone: nothing is lost.
func TestLockingSavesAnAnswerStillOnItsWay(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-15", eligibility.Facts{})
	id := s.id
	s.ask(t, "nation")
	s.choose(t, h.u.tr.T("interview.val.nation.wales"))
	if h.run.pending() != 1 {
		t.Fatal("no save queued")
	}
	h.pressShortcut(lockShortcut)
	h.run.flush() // the queued save finds a newer one written and the vault locked
	if h.u.session != nil || s.iv != nil || s.ip != nil {
		t.Fatal("the case stayed in memory after locking")
	}
	h.unlock(adminPass)
	if got := h.stored(id).Facts.Nation; got == nil || *got != eligibility.Wales {
		t.Errorf("nation in the vault = %v: the answer was lost to the lock", got)
	}
}

func TestAFailedSaveIsSaidAndTheAnswerKept(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-16", eligibility.Facts{})
	h.u.session.Lock() // every write now fails with ErrLocked, as a full disk would fail it
	s.ask(t, "nation")
	s.choose(t, h.u.tr.T("interview.val.nation.wales"))
	h.run.flush()
	if !s.saveNote.label.Visible() || s.saveNote.label.Importance != widget.DangerImportance ||
		!strings.Contains(s.saveNote.label.Text, strings.Split(h.u.tr.T("interview.save_failed", map[string]any{"Problem": "|"}), "|")[0]) {
		t.Errorf("save note = %q (%v)", s.saveNote.label.Text, s.saveNote.label.Importance)
	}
	if got := s.iv.Facts().Nation; got == nil || *got != eligibility.Wales {
		t.Error("the answer was dropped from the screen when the save failed")
	}
}

func TestBackToTheListForgetsTheCase(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-17", eligibility.Facts{})
	test.Tap(s.back)
	h.run.flush()
	h.cases()
	if s.iv != nil || s.c.Reference != "" {
		t.Error("the case screen kept the case after going back to the list")
	}
}

func TestLanguageChangeKeepsWhatWasTyped(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-18", england())
	s.ask(t, "age")
	test.Type(s.ip.input.entry, "4")
	h.u.setLanguage("pl")
	if s.ip.input.entry.Text != "4" {
		t.Errorf("typed text = %q after changing language", s.ip.input.entry.Text)
	}
	if s.ip.question.Text != h.u.tr.T("interview.q.age") || s.guidance.Text != h.u.tr.T("case.guidance") {
		t.Error("the case screen was not translated")
	}
	if h.u.tr.Lang() != "pl" || s.ip.question.Text == locales.New("en").T("interview.q.age") {
		t.Errorf("the question is still in English: %q", s.ip.question.Text)
	}
}

// When no answer could change a result the interview says so, and the guidance stays.
func TestNoQuestionsLeft(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-19", eligibility.Facts{})
	for i := 0; i < 40 && s.ip.asking.Visible(); i++ {
		test.Tap(s.ip.skip)
	}
	if s.ip.asking.Visible() || !s.ip.done.Visible() || s.ip.next.Visible() {
		t.Fatal("questions still shown after skipping all of them")
	}
	if n := len(s.iv.Skipped()); n == 0 || s.ip.done.Text != h.u.tr.N("interview.done_skipped", n) {
		t.Errorf("done text = %q with %d skipped", s.ip.done.Text, n)
	}
	if !s.guidance.Visible() {
		t.Error("the guidance line went away")
	}
}

// Closing the window with an answer still on its way saves it first.
func TestClosingTheWindowSavesAnAnswerStillOnItsWay(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-20", eligibility.Facts{})
	s.ask(t, "nation")
	s.choose(t, h.u.tr.T("interview.val.nation.scotland"))
	sess := h.u.session
	vault := sess.Vault()
	id := s.id
	h.u.vault = nil // keep the vault open to read it back; shutdown would close it
	h.u.shutdown()
	h.run.flush()
	sess2, err := vault.Unlock(adminName, []byte(adminPass))
	if err != nil {
		t.Fatal(err)
	}
	defer sess2.Lock()
	c, err := sess2.Case(id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Facts.Nation == nil || *c.Facts.Nation != eligibility.Scotland {
		t.Errorf("nation in the vault = %v: the answer was lost when the window closed", c.Facts.Nation)
	}
	if err := vault.Close(); err != nil {
		t.Fatal(err)
	}
}

// Every fact the rules can ask about has a question, a why-we-ask line and a short label, and
// every allowed value of a choice has its words, in every shipped language (the locales test
// checks the other languages against English).
func TestEveryFactCanBeAsked(t *testing.T) {
	for _, name := range eligibility.FactFields() {
		for _, id := range []string{"interview.q." + name, "interview.why." + name, "interview.label." + name} {
			if !locales.Has(id) {
				t.Errorf("no message %s", id)
			}
		}
		for _, v := range eligibility.AllowedValues(name) {
			if id := "interview.val." + name + "." + v; !locales.Has(id) {
				t.Errorf("no message %s", id)
			}
		}
		s, _ := eligibility.DescribeFact(name)
		if s.Unit != "" && s.Unit != eligibility.UnitPounds && !locales.Has("interview.unit.suffix."+s.Unit) {
			t.Errorf("no unit words for %s (%s)", name, s.Unit)
		}
	}
}
