package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"waymark/eligibility"
	"waymark/jobs"
	"waymark/jobs/offer"
	"waymark/storage"
)

func TestProfileIsSavedAndShownAgain(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-30", eligibility.Facts{})
	p := s.profile
	p.english.SetSelectedIndex(slices.Index(jobs.Levels(), "A2"))
	test.Tap(p.addLang)
	test.Type(p.langs[0].code, "RO")
	p.langs[0].level.SetSelectedIndex(slices.Index(jobs.Levels(), "native"))
	p.skills.SetText("forklift\n\n  cooking  ")
	test.Tap(p.addWork)
	p.work[0].sector.SetSelectedIndex(slices.Index(jobs.Sectors(), "agriculture"))
	test.Type(p.work[0].months, "18")
	p.work[0].exploitative.SetChecked(true)
	p.barriers.checks[slices.Index(jobs.Barriers(), "no_nino")].SetChecked(true)
	p.goals.checks[slices.Index(jobs.Goals(), "english")].SetChecked(true)
	p.avoid.checks[slices.Index(jobs.Sectors(), "agriculture")].SetChecked(true)
	test.Tap(p.saveBtn)
	h.run.flush()

	got := h.stored(s.id).Profile
	want := jobs.Profile{
		Languages:    []jobs.Language{{Code: "ro", Level: "native"}},
		EnglishLevel: "A2",
		Skills:       []string{"forklift", "cooking"},
		WorkHistory:  []jobs.Job{{Sector: "agriculture", Months: 18, Exploitative: true}},
		Barriers:     []jobs.Barrier{"no_nino"},
		Goals:        []jobs.Goal{"english"},
		AvoidSectors: []string{"agriculture"},
	}
	if !profilesEqual(got, want) {
		t.Fatalf("profile in the vault = %+v, want %+v", got, want)
	}

	// Reopened, the form shows what was saved.
	test.Tap(s.back)
	s2 := h.openCaseByID(s.id)
	if s2.profile.skills.Text != "forklift\ncooking" || len(s2.profile.work) != 1 ||
		!s2.profile.barriers.checks[slices.Index(jobs.Barriers(), "no_nino")].Checked {
		t.Error("the reopened profile does not show what was saved")
	}
}

func profilesEqual(a, b jobs.Profile) bool {
	return slices.Equal(a.Languages, b.Languages) && a.EnglishLevel == b.EnglishLevel &&
		slices.Equal(a.Skills, b.Skills) && slices.Equal(a.WorkHistory, b.WorkHistory) &&
		slices.Equal(a.Qualifications, b.Qualifications) && slices.Equal(a.Barriers, b.Barriers) &&
		slices.Equal(a.Goals, b.Goals) && slices.Equal(a.AvoidSectors, b.AvoidSectors)
}

// openCaseByID opens an existing case from the list.
func (h *harness) openCaseByID(id string) *caseScreen {
	h.t.Helper()
	h.run.flush()
	list := h.cases()
	for row := 0; row < list.cases.Length(); row++ {
		if c, _ := list.cases.GetValue(row); c.ID == id {
			list.table.Select(widget.TableCellID{Row: row})
		}
	}
	h.run.flush()
	s, ok := h.u.current.(*caseScreen)
	if !ok || s.iv == nil {
		h.t.Fatalf("case %s did not open", id)
	}
	return s
}

func TestAProfileMistakeIsNamedAndNothingSaved(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-31", eligibility.Facts{})
	p := s.profile
	test.Tap(p.addWork)
	test.Type(p.work[0].months, "18") // no sector chosen
	test.Tap(p.saveBtn)
	if h.run.pending() != 0 {
		t.Fatal("an invalid profile was saved")
	}
	if !p.problem.label.Visible() || !strings.Contains(p.problem.label.Text, h.u.tr.T("jobs.profile.work_history")+" 1") {
		t.Errorf("problem = %q", p.problem.label.Text)
	}
}

func TestPlanSuggestionsAcceptEditReorderAndSave(t *testing.T) {
	h := unlocked(t)
	no := false
	facts := england()
	facts.HasNINO = &no
	s := h.openCase("WM-32", facts)
	pl := s.plan
	pending := jobs.Pending(pl.steps, pl.suggestions)
	if len(pending) == 0 {
		t.Fatal("no suggestions for someone without a National Insurance number")
	}
	if !slices.ContainsFunc(pending, func(x jobs.Suggestion) bool { return x.Step.Code == "apply_nino" }) {
		t.Fatalf("suggestions %v lack apply_nino", pending)
	}
	// Accept the first two suggestions through their buttons.
	for i := 0; i < 2; i++ {
		row := pl.suggBox.Objects[0].(*fyne.Container)
		test.Tap(row.Objects[0].(*fyne.Container).Objects[1].(*widget.Button))
		h.run.flush()
	}
	if got := h.stored(s.id).Steps; len(got) != 2 || got[0].Code == "" {
		t.Fatalf("plan in the vault = %+v, want the two accepted steps", got)
	}
	first := pl.steps[0]
	// Add an own step, move it up, mark it done.
	test.Type(pl.ownEntry, "Call Maria at the food bank")
	test.Tap(pl.addOwn)
	h.run.flush()
	pl.apply(jobs.MoveUp(pl.steps, 2), nil)
	pl.apply(jobs.SetDone(pl.steps, 1, true), nil)
	h.run.flush()
	got := h.stored(s.id).Steps
	if len(got) != 3 || got[1].Text != "Call Maria at the food bank" || !got[1].Done || got[0] != first {
		t.Fatalf("plan in the vault = %+v", got)
	}
	// A bad due date is refused with a sentence and changes nothing.
	pl.apply(jobs.SetDue(pl.steps, 0, "31/12/2026"))
	if !pl.problem.label.Visible() || h.run.pending() != 0 {
		t.Error("a bad due date was not refused")
	}
	// The review date is saved.
	pl.reviewEntry.SetText("2026-12-21")
	pl.onReview()
	h.run.flush()
	if got := h.stored(s.id).Review; got != "2026-12-21" {
		t.Errorf("review date in the vault = %q", got)
	}
}

func TestOfferCheckShowsPayAndFlags(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-33", eligibility.Facts{})
	o := s.offer
	set := func(name, text string) {
		for _, f := range o.fields {
			if f.name == name {
				f.entry.SetText(text)
				return
			}
		}
		t.Fatalf("no field %s", name)
	}
	choose := func(name string, yes bool) {
		for _, f := range o.fields {
			if f.name == name {
				f.radio.SetSelected(f.radio.Options[map[bool]int{true: 0, false: 1}[yes]])
				return
			}
		}
		t.Fatalf("no field %s", name)
	}
	set("date", "2026-11-23")
	set("worker_age", "30")
	set("hourly_pay", "9.50")
	set("weekly_hours", "40")
	choose("documents_held_by_employer", true)
	test.Tap(o.check)
	if o.result == nil {
		t.Fatalf("no result; problem %q", o.problem.label.Text)
	}
	codes := map[string]bool{}
	for _, f := range o.result.Flags {
		codes[f.Code] = true
	}
	if !codes["below_minimum_wage"] || !codes["documents_held_by_employer"] {
		t.Errorf("flags %v lack below_minimum_wage or documents_held_by_employer", codes)
	}
	if len(o.results.Objects) < 3 {
		t.Error("the result is not on screen")
	}
	if h.run.pending() != 0 {
		t.Error("checking an offer wrote to the vault")
	}

	set("hourly_pay", "lots")
	test.Tap(o.check)
	if o.result != nil || !o.problem.label.Visible() {
		t.Error("a bad amount was not refused")
	}
}

// The form asks every field of the offer contract, and nothing else.
func TestOfferFormCoversTheContract(t *testing.T) {
	var names []string
	for n := range offerKinds {
		names = append(names, n)
	}
	slices.Sort(names)
	want := offer.Fields()
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("form fields %v, contract %v", names, want)
	}
}

func TestPrintSavesThePlanAsPDFAndAuditsIt(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-34", england())
	s.c.Name = "Ana Maria Popescu"
	test.Tap(s.print)
	p := s.printing
	if p == nil {
		t.Fatal("no print dialog")
	}
	if !p.safe.Checked {
		t.Error("safe print is not on by default")
	}
	if p.name.Text != "Ana" {
		t.Errorf("name on the plan = %q, want the first name only", p.name.Text)
	}
	path := filepath.Join(t.TempDir(), "plan.pdf")
	w, err := fynestorage.Writer(fynestorage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	p.write(w)
	if !p.progress.box.Visible() || !p.save.Disabled() {
		t.Error("no progress while the plan is made")
	}
	h.run.flush()
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF")) {
		t.Fatalf("no PDF at %s: %v", path, err)
	}
	// What goes on the page in a safe print is jobs/planpdf's to test; here, that the dialog
	// asks for one, with the first name only and the case's language.
	if in := p.input(); !in.Safe || in.GivenName != "Ana" || in.Language != "ro" || in.Reference != "WM-34" {
		t.Errorf("plan input = safe %v, name %q, language %q", in.Safe, in.GivenName, in.Language)
	}
	if !p.problem.label.Visible() || p.problem.label.Importance == widget.DangerImportance {
		t.Errorf("after saving the dialog says %q", p.problem.label.Text)
	}
	entries, err := h.u.session.Audit(s.id)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(entries, func(e storage.AuditEntry) bool { return e.Action == storage.ActionPrint }) {
		t.Error("printing the plan is not in the audit trail")
	}
}

func TestCloseWithAReasonAndReopen(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-35", eligibility.Facts{})
	c := s.closing
	if !c.button.Visible() || c.row.Visible() {
		t.Fatal("an open case shows no Close button, or shows the closed line")
	}
	test.Tap(c.button)
	c.onConfirm(true) // no reason chosen
	if h.run.pending() != 0 || !s.problem.label.Visible() {
		t.Fatal("a case closed without a reason, or nothing said")
	}
	test.Tap(c.button)
	c.reason.SetSelectedIndex(slices.Index(storage.CloseReasons(), storage.CloseLostContact))
	c.onConfirm(true)
	h.run.flush()
	got := h.stored(s.id)
	if got.Status != storage.CaseClosed || got.Closed != "2026-11-23" || got.CloseReason != storage.CloseLostContact {
		t.Fatalf("closed case in the vault = %s %q %q", got.Status, got.Closed, got.CloseReason)
	}
	want := h.u.tr.T("casework.close.closed", map[string]any{
		"Date": "23 November 2026", "Reason": h.u.tr.T("casework.close.reason.lost_contact")})
	if !c.row.Visible() || c.state.Text != want || c.button.Visible() {
		t.Errorf("closed line %q (visible %v), want %q", c.state.Text, c.row.Visible(), want)
	}
	test.Tap(c.reopen)
	h.run.flush()
	if got := h.stored(s.id); got.Status != storage.CaseOpen || got.Closed != "" || got.CloseReason != "" {
		t.Errorf("reopened case in the vault = %+v", got)
	}
}

func TestHistoryShowsWhoDidWhatNewestFirst(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-36", eligibility.Facts{})
	s.ask(t, "nation")
	s.choose(t, h.u.tr.T("interview.val.nation.wales"))
	s.ask(t, "age")
	s.typeAnswer(t, "30")
	h.run.flush()
	s.history.load()
	h.run.flush()
	var texts []string
	for _, o := range s.history.list.Objects {
		texts = append(texts, o.(*widget.Label).Text)
	}
	if len(texts) != 3 {
		t.Fatalf("history = %q, want changed (2), opened, created", texts)
	}
	tr := h.u.tr
	for i, want := range []string{tr.N("casework.history.action.change", 2), tr.N("casework.history.action.open", 1),
		tr.N("casework.history.action.create", 1)} {
		if !strings.HasSuffix(texts[i], want) || !strings.Contains(texts[i], adminName) {
			t.Errorf("line %d = %q, want it to end %q and name the adviser", i, texts[i], want)
		}
	}
}

func TestOverviewConsentSafeContactAndNotes(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-37", eligibility.Facts{})
	o := s.overview
	if !o.unsafe.Visible() {
		t.Error("with no way marked safe, no warning is shown")
	}
	o.consent.SetChecked(true)
	h.run.flush()
	if got := h.stored(s.id).Consent; !got.Given || got.Date != "2026-11-23" {
		t.Errorf("consent in the vault = %+v", got)
	}
	test.Type(o.phone, "07700 900123")
	o.safeText.SetChecked(true)
	test.Type(o.codeWord, "blue")
	test.Tap(o.save)
	h.run.flush()
	ct := h.stored(s.id).Contact
	if ct.Phone != "07700 900123" || !ct.SafeText || ct.SafePhone || ct.CodeWord != "blue" {
		t.Errorf("contact in the vault = %+v", ct)
	}
	want := h.u.tr.T("casework.overview.unsafe", map[string]any{"Ways": strings.Join([]string{
		h.u.tr.T("casework.overview.way.phone"), h.u.tr.T("casework.overview.way.email"),
		h.u.tr.T("casework.overview.way.post")}, ", ")})
	if o.unsafe.Text != want {
		t.Errorf("warning = %q, want %q", o.unsafe.Text, want)
	}
	test.Tap(o.addNote)
	if h.run.pending() != 0 {
		t.Error("an empty note was saved")
	}
	o.newNote.SetText("Prefers mornings.")
	test.Tap(o.addNote)
	h.run.flush()
	notes := h.stored(s.id).Notes
	if len(notes) != 1 || notes[0].Text != "Prefers mornings." || notes[0].Adviser != adminName || notes[0].Date != "2026-11-23" {
		t.Errorf("notes in the vault = %+v", notes)
	}
}

func TestOutcomesAreCheckedAndSaved(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-38", eligibility.Facts{})
	o := s.outcomes
	o.addClaim.SetSelectedIndex(slices.Index(o.benefits, "universal_credit"))
	if len(o.claims) != 1 {
		t.Fatalf("%d claim rows after adding one", len(o.claims))
	}
	r := o.claims[0]
	r.status.SetSelectedIndex(slices.Index(jobs.BenefitStatuses(), "awarded"))
	test.Type(r.applied, "2026-10-01")
	test.Type(r.decided, "2026-09-01") // before it was applied for
	test.Tap(o.save)
	if h.run.pending() != 0 || !o.problem.label.Visible() {
		t.Fatal("outcomes with a decision before the claim were saved")
	}
	r.decided.SetText("2026-11-05")
	test.Type(r.paid, "424,90")
	test.Tap(o.addJob)
	j := o.jobs[0]
	test.Type(j.started, "2026-11-20")
	j.sector.SetSelectedIndex(slices.Index(jobs.Sectors(), "warehouse"))
	j.checked.SetChecked(true)
	test.Tap(o.save)
	h.run.flush()
	got := h.stored(s.id).Outcomes
	if len(got.Benefits) != 1 || got.Benefits[0].Status != jobs.BenefitAwarded || got.Benefits[0].Monthly == nil ||
		*got.Benefits[0].Monthly != 424.9 || len(got.Work) != 1 || got.Work[0].Sector != "warehouse" || !got.Work[0].PayChecked {
		t.Errorf("outcomes in the vault = %+v", got)
	}
}

func TestKeyDatesAndDeadlines(t *testing.T) {
	h := unlocked(t)
	n, rg := eligibility.England, eligibility.RGPositive
	s := h.openCase("WM-39", eligibility.Facts{Nation: &n, NRMReasonableGrounds: &rg})
	o := s.overview
	test.Type(o.dates.rg, "2026-11-10")
	test.Type(o.dates.cg, "2026-11-01") // before the reasonable grounds decision
	test.Tap(o.save)
	if h.run.pending() != 0 || o.problem.n.id != "casework.dates.invalid" {
		t.Fatalf("dates in the wrong order were saved (problem %q)", o.problem.label.Text)
	}
	o.dates.cg.SetText("")
	test.Tap(o.save)
	h.run.flush()
	if got := h.stored(s.id).KeyDates.ReasonableGrounds; got != "2026-11-10" {
		t.Fatalf("reasonable grounds day in the vault = %q", got)
	}
	var lines []string
	for _, obj := range o.dates.deadlines.Objects {
		if box, ok := obj.(*fyne.Container); ok {
			lines = append(lines, box.Objects[0].(*widget.Label).Text)
		}
	}
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "2026-12-09") {
		t.Errorf("deadlines = %q, want the end of recovery support on 2026-12-09 first", lines)
	}
}

func TestExportAndEraseOnRequest(t *testing.T) {
	h := unlocked(t)
	s := h.openCase("WM-42", england())
	d := s.overview.subject
	path := filepath.Join(t.TempDir(), "my-data.json")
	w, err := fynestorage.Writer(fynestorage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	d.write(w)
	h.run.flush()
	data, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(data, []byte(`"reference": "WM-42"`)) {
		t.Fatalf("export = %q, %v", data, err)
	}

	test.Tap(d.erase)
	test.Type(d.confirm, "WM-4")
	d.onEraseConfirmed(true)
	if h.run.pending() != 0 || d.problem.n.id != "casework.subject.erase_mismatch" {
		t.Fatal("a wrong reference erased the case, or nothing was said")
	}
	h.u.closeDialogs()
	test.Tap(d.erase)
	test.Type(d.confirm, "WM-42")
	d.onEraseConfirmed(true)
	h.run.flush()
	h.cases()
	if _, err := h.u.session.Case(s.id); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("after erasing, reading the case gives %v", err)
	}
}
