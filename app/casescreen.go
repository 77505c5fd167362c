package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/app/message"
	"waymark/eligibility"
	"waymark/eligibility/interview"
	_ "waymark/eligibility/uk" // the UK rule pack registers itself
	"waymark/jobs"
	"waymark/locales"
	"waymark/storage"
)

// casePack is the rule pack a case is assessed under. Waymark ships the UK pack only; a second
// country would make it a property of the case.
const casePack = "uk"

// caseScreen is one open case: the interview on the left, the live results on the right, and
// above both, always in view, the reminder that this is guidance and which rules gave it. Every
// answer is saved to the vault as it is given, in order, and saved at once if the vault locks.
type caseScreen struct {
	u     *ui
	epoch int
	id    string

	c     storage.Case // the case as last saved or being saved
	pack  eligibility.Pack
	iv    *interview.Interview
	saver *caseSaver

	back     *widget.Button
	title    *widget.Label
	language *widget.Label
	lock     *widget.Button
	print    *widget.Button
	printing *printDialog // the print dialog while it is open
	closing  *caseClosing
	guidance *widget.Label
	rulepack *widget.Label
	saveNote *noticeLabel
	problem  *noticeLabel
	loading  *working
	ip       *interviewPanel
	rp       *resultsPanel
	split    *container.Split
	profile  *profileTab
	plan     *planTab
	offer    *offerTab
	history  *historyTab
	overview *overviewTab
	outcomes *outcomesTab
	tab      int // the tab on screen, kept across a change of language
}

// The case screen's tabs, in order.
const (
	tabOverview = iota
	tabBenefits
	tabProfile
	tabPlan
	tabOffer
	tabOutcomes
	tabHistory
)

func newCaseScreen(u *ui, id string) *caseScreen {
	s := &caseScreen{u: u, epoch: u.epoch, id: id, tab: tabBenefits}
	s.back = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), s.onBack)
	s.title = widget.NewLabel("")
	s.title.TextStyle = fyne.TextStyle{Bold: true}
	s.title.SizeName = theme.SizeNameSubHeadingText
	s.title.Truncation = fyne.TextTruncateEllipsis
	s.language = widget.NewLabel("")
	s.language.Truncation = fyne.TextTruncateEllipsis
	s.lock = widget.NewButtonWithIcon("", lockIcon, u.onLock)
	s.print = widget.NewButtonWithIcon("", theme.DocumentPrintIcon(), s.onPrint)
	s.closing = newCaseClosing(s)
	s.guidance = paragraph()
	s.guidance.Importance = widget.WarningImportance
	s.guidance.TextStyle = fyne.TextStyle{Bold: true}
	s.rulepack = paragraph()
	s.rulepack.SizeName = theme.SizeNameCaptionText
	s.saveNote = newNoticeLabel()
	s.saveNote.label.SizeName = theme.SizeNameCaptionText
	s.problem = newNoticeLabel()
	s.loading = newWorking()
	s.rp = newResultsPanel()
	s.load()
	return s
}

func (s *caseScreen) view() fyne.CanvasObject {
	actions := container.NewHBox(s.lock)
	if s.iv != nil {
		actions = container.NewHBox(s.closing.button, s.print, s.lock)
	}
	bar := container.NewBorder(nil, nil, s.back, actions, container.NewVBox(s.title, s.language))
	top := container.NewVBox(bar, s.guidance, s.closing.row, s.problem.label, s.loading.box)
	bottom := container.NewVBox(widget.NewSeparator(), s.rulepack, s.saveNote.label)
	var body fyne.CanvasObject = container.NewStack()
	if s.ip != nil {
		split := container.NewHSplit(s.ip.view(), s.rp.view())
		split.Offset = 0.5
		if s.split != nil {
			split.Offset = s.split.Offset
		}
		s.split = split
		tr := s.u.tr
		tabs := container.NewAppTabs(
			container.NewTabItem(tr.T("casework.tab.overview"), s.overview.view()),
			container.NewTabItem(tr.T("casework.tab.benefits"), split),
			container.NewTabItem(tr.T("casework.tab.profile"), s.profile.view()),
			container.NewTabItem(tr.T("casework.tab.plan"), s.plan.view()),
			container.NewTabItem(tr.T("casework.tab.offer"), s.offer.view()),
			container.NewTabItem(tr.T("casework.tab.outcomes"), s.outcomes.view()),
			container.NewTabItem(tr.T("casework.tab.history"), s.history.view()),
		)
		tabs.SelectIndex(s.tab)
		tabs.OnSelected = func(*container.TabItem) {
			s.u.onInput()
			s.tab = tabs.SelectedIndex()
			if s.tab == tabHistory {
				s.history.load()
			}
		}
		body = tabs
	}
	return container.NewPadded(container.NewBorder(top, bottom, nil, nil, body))
}

func (s *caseScreen) focus() fyne.Focusable {
	if s.ip != nil {
		return s.ip.focus()
	}
	return nil
}

func (s *caseScreen) translate() {
	tr := s.u.tr
	s.back.SetText(tr.T("case.back"))
	s.lock.SetText(tr.T("app.cases.lock", map[string]any{"Keys": lockKeysText()}))
	s.print.SetText(tr.T("casework.print.button"))
	s.closing.translate()
	if s.printing != nil {
		s.printing.translate()
	}
	s.guidance.SetText(tr.T("case.guidance"))
	s.problem.translate(tr)
	s.saveNote.translate(tr)
	if s.iv == nil {
		s.title.SetText("")
		s.language.SetText("")
		s.rulepack.SetText("")
		if s.problem.n.err == nil && s.problem.n.id == "" {
			s.loading.start(tr.T("case.loading"))
		}
		return
	}
	s.title.SetText(tr.T("case.title", map[string]any{"Reference": s.c.Reference}))
	s.language.SetText(tr.T("case.language", map[string]any{"Language": languageName(s.c.Language)}))
	r := s.iv.Results()
	s.rulepack.SetText(tr.T("case.rulepack", map[string]any{
		"Pack":     tr.T("case.rulepack." + r.Rulepack.ID),
		"Version":  r.Rulepack.Version,
		"Reviewed": tr.DateText(r.Rulepack.Reviewed),
		"Date":     tr.DateText(r.AssessmentDate),
	}))
	s.ip.translate()
	s.rp.show(tr, r)
	s.profile.translate(s.c.Facts)
	s.plan.translate()
	s.offer.translate()
	s.history.translate()
	s.overview.translate()
	s.outcomes.translate()
}

// load reads the case off the UI goroutine (storage audits the opening).
func (s *caseScreen) load() {
	sess := s.u.session
	if sess == nil {
		return
	}
	var (
		c   storage.Case
		err error
	)
	s.u.run(func() { c, err = sess.Case(s.id) }, func() { s.loaded(sess, c, err) })
}

func (s *caseScreen) loaded(sess *storage.Session, c storage.Case, err error) {
	if s.u.epoch != s.epoch || s.u.current != s {
		return // locked, or the adviser went back to the list, meanwhile
	}
	s.loading.stop()
	if err != nil {
		logUnexpected("open case", err)
		s.problem.set(s.u.tr, notice{err: err})
		return
	}
	pack, ok := eligibility.DefaultRegistry.Lookup(casePack)
	if !ok {
		s.problem.set(s.u.tr, notice{err: fmt.Errorf("rule pack %q is not in this build: %w", casePack, storage.ErrInvalid)})
		return
	}
	s.c = c
	s.pack = pack
	s.u.noteOpened(s.id)
	s.saver = newCaseSaver(sess)
	s.iv = interview.New(pack, c.Facts, s.u.now())
	tr := func() *locales.Translator { return s.u.tr }
	s.ip = newInterviewPanel(tr, s.iv, s.u.onInput, s.onChanged)
	s.profile = newProfileTab(tr, s.u.onInput, s.onProfile)
	s.profile.show(c.Profile, c.Facts)
	s.plan = newPlanTab(tr, s.u.onInput, s.u.now, s.onPlan)
	s.plan.show(c.Steps, c.Review, s.suggestions())
	s.offer = newOfferTab(tr, s.u.onInput, s.u.now)
	s.history = newHistoryTab(s)
	s.overview = newOverviewTab(s)
	s.overview.show(c)
	s.outcomes = newOutcomesTab(s, pack.Benefits())
	s.outcomes.show(c.Outcomes)
	s.saveNote.set(s.u.tr, notice{id: "interview.saved", info: true})
	s.u.redraw() // draw again, now with the interview and results
}

// onChanged saves the answers and redraws the results after the interview's facts changed.
// The right to work and the plan's suggestions follow the facts, so they are drawn again too.
func (s *caseScreen) onChanged() {
	s.c.Facts = s.iv.Facts()
	s.rp.show(s.u.tr, s.iv.Results())
	s.profile.showRightToWork(s.c.Facts)
	s.plan.show(s.c.Steps, s.c.Review, s.suggestions())
	s.overview.dates.showDeadlines(s.u.tr)
	s.saveCase()
}

// onProfile saves a profile the adviser saved; the plan's suggestions follow it.
func (s *caseScreen) onProfile(p jobs.Profile) {
	s.c.Profile = p
	s.plan.show(s.c.Steps, s.c.Review, s.suggestions())
	s.saveCase()
}

// onPlan saves the plan after any change to its steps or review date.
func (s *caseScreen) onPlan(steps []jobs.Step, review string) {
	s.c.Steps, s.c.Review = steps, review
	s.saveCase()
}

// suggestions are the plan steps the results and the profile suggest today.
func (s *caseScreen) suggestions() []jobs.Suggestion {
	return jobs.Suggest(s.iv.Results(), s.iv.Facts(), s.c.Profile, s.u.now())
}

// saveCase writes the case as it now stands, in order with every other change.
func (s *caseScreen) saveCase() {
	if s.saver == nil {
		return // the case is being erased
	}
	epoch := s.epoch
	s.saver.save(s.u.run, s.c, func(err error) {
		if s.u.epoch != epoch || s.u.current != s {
			return
		}
		s.showSaved(err)
	})
}

// showSaved says whether the answers reached the vault. A failed save keeps the answers on
// screen; the next answer saves them all again.
func (s *caseScreen) showSaved(err error) {
	if err == nil {
		if !s.saver.pending() {
			s.saveNote.set(s.u.tr, notice{id: "interview.saved", info: true})
		}
		return
	}
	logUnexpected("save case", err)
	s.saveNote.set(s.u.tr, notice{id: "interview.save_failed", data: map[string]any{
		"Problem": message.ForError(s.u.tr, err)}})
}

// flush writes answers not yet in the vault before it locks.
func (s *caseScreen) flush() {
	if s.saver == nil || !s.saver.pending() {
		return
	}
	if err := s.saver.flush(); err != nil {
		logUnexpected("save case before locking", err)
	}
}

// onPrint opens the print dialog for the plan as it stands.
func (s *caseScreen) onPrint() {
	s.u.onInput()
	if s.iv == nil || s.u.session == nil {
		return
	}
	s.printing = newPrintDialog(s)
	s.printing.dlg.SetOnClosed(func() { s.printing = nil })
	s.printing.open()
}

func (s *caseScreen) onBack() {
	s.u.onInput()
	s.u.show(newCasesScreen(s.u))
}

// leave saves what is not yet saved and forgets the case.
func (s *caseScreen) leave() {
	if s.u.session != nil {
		s.flush()
	}
	s.c = storage.Case{}
	s.iv = nil
	s.ip = nil
	s.profile, s.plan, s.offer, s.history, s.overview, s.outcomes, s.printing = nil, nil, nil, nil, nil, nil, nil
	s.saver = nil
}
