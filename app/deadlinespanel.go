package app

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"waymark/eligibility"
	"waymark/jobs"
	"waymark/locales"
)

// keyDatesForm is the Overview's key dates (the NRM decisions and the leave) and the deadlines
// the rule pack works out from them, the facts and the decided claims in Outcomes: recovery and
// move-on support ending, leave expiring, the month to ask for a reconsideration. The dates are
// saved with the overview's details. Every change that moves a deadline (the key dates, the
// facts, the outcomes) comes through showDeadlines, which also hands the plan its steps for the
// deadlines still ahead.
type keyDatesForm struct {
	s                    *caseScreen
	head, deadlinesHead  *widget.Label
	rgLabel, cgLabel     *widget.Label
	grantLabel, expLabel *widget.Label
	rg, cg, grant, exp   *inputEntry
	deadlines            *fyne.Container
	box                  *fyne.Container
}

func newKeyDatesForm(s *caseScreen) *keyDatesForm {
	use := s.u.onInput
	f := &keyDatesForm{s: s, head: heading(), deadlinesHead: fieldLabel(),
		rgLabel: fieldLabel(), cgLabel: fieldLabel(), grantLabel: fieldLabel(), expLabel: fieldLabel(),
		rg: newInputEntry(use), cg: newInputEntry(use), grant: newInputEntry(use), exp: newInputEntry(use),
		deadlines: container.NewVBox()}
	f.box = container.NewVBox(f.head,
		container.NewGridWithColumns(2, container.NewVBox(f.rgLabel, f.rg), container.NewVBox(f.cgLabel, f.cg)),
		container.NewGridWithColumns(2, container.NewVBox(f.grantLabel, f.grant), container.NewVBox(f.expLabel, f.exp)),
		f.deadlinesHead, f.deadlines)
	return f
}

func (f *keyDatesForm) show(k eligibility.KeyDates) {
	f.rg.SetText(k.ReasonableGrounds)
	f.cg.SetText(k.ConclusiveGrounds)
	f.grant.SetText(k.LeaveGranted)
	f.exp.SetText(k.LeaveExpires)
}

// value reads the four dates; checking them is KeyDates.Validate's job.
func (f *keyDatesForm) value() eligibility.KeyDates {
	return eligibility.KeyDates{
		ReasonableGrounds: strings.TrimSpace(f.rg.Text), ConclusiveGrounds: strings.TrimSpace(f.cg.Text),
		LeaveGranted: strings.TrimSpace(f.grant.Text), LeaveExpires: strings.TrimSpace(f.exp.Text),
	}
}

func (f *keyDatesForm) translate() {
	tr := f.s.u.tr
	f.head.SetText(tr.T("casework.dates.title"))
	f.rgLabel.SetText(tr.T("casework.dates.reasonable_grounds"))
	f.cgLabel.SetText(tr.T("casework.dates.conclusive_grounds"))
	f.grantLabel.SetText(tr.T("casework.dates.leave_granted"))
	f.expLabel.SetText(tr.T("casework.dates.leave_expires"))
	for _, e := range []*inputEntry{f.rg, f.cg, f.grant, f.exp} {
		e.SetPlaceHolder("YYYY-MM-DD")
	}
	f.deadlinesHead.SetText(tr.T("casework.dates.deadlines"))
	f.showDeadlines(tr)
}

// showDeadlines lists the deadlines for the case as saved, passed ones last.
func (f *keyDatesForm) showDeadlines(tr *locales.Translator) {
	f.deadlines.Objects = nil
	defer f.deadlines.Refresh()
	s := f.s
	if s.iv == nil || s.pack == nil {
		return
	}
	k := s.c.KeyDates
	k.BenefitDecisions = s.c.Outcomes.Decisions()
	ds := eligibility.Deadlines(s.pack, k, s.iv.Facts(), s.u.now())
	if s.plan != nil {
		s.plan.setDeadlines(jobs.SuggestDeadlines(ds))
	}
	eligibility.LocalizeDeadlines(ds, tr)
	if len(ds) == 0 {
		l := paragraph()
		l.SetText(tr.T("casework.dates.none"))
		f.deadlines.Add(l)
		return
	}
	for _, d := range ds {
		l := paragraph()
		l.SetText(tr.T("casework.dates.line", map[string]any{"Date": d.Date.Format(time.DateOnly), "Text": d.Text}))
		switch d.Kind {
		case eligibility.DeadlineWarning:
			l.Importance = widget.DangerImportance
			l.TextStyle = fyne.TextStyle{Bold: true}
		case eligibility.DeadlinePassed:
			l.Importance = widget.LowImportance
		}
		f.deadlines.Add(container.NewVBox(l))
		if link := sourceLink(tr, d.Source); link != nil {
			f.deadlines.Add(link)
		}
	}
}
