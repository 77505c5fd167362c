package app

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/eligibility"
	"waymark/eligibility/interview"
	"waymark/jobs"
	"waymark/locales"
)

// outcomesTab records what came of the work: each benefit claim (applied, awarded or refused,
// with its dates and the monthly amount awarded) and each job started (when, the sector, the
// hourly pay, and whether the offer was checked first). The rows are read and checked with
// jobs.Outcomes.Validate when the adviser saves them; the organisation's counts come from here.
type outcomesTab struct {
	s        *caseScreen
	benefits []string // the rule pack's benefit ids

	claimsHead, workHead *widget.Label
	claimRows, workRows  *fyne.Container
	claims               []*claimRow
	jobs                 []*startedRow
	addClaim             *widget.Select
	addJob               *widget.Button
	save                 *widget.Button
	problem              *noticeLabel
	content              fyne.CanvasObject
}

type claimRow struct {
	benefit                string
	name                   *widget.Label
	status                 *widget.Select
	applied, decided, paid *inputEntry
	remove                 *widget.Button
	box                    *fyne.Container
}

type startedRow struct {
	started, pay *inputEntry
	sector       *widget.Select
	checked      *widget.Check
	remove       *widget.Button
	box          *fyne.Container
}

func newOutcomesTab(s *caseScreen, benefits []string) *outcomesTab {
	t := &outcomesTab{s: s, benefits: benefits}
	t.claimsHead, t.workHead = heading(), heading()
	t.claimRows, t.workRows = container.NewVBox(), container.NewVBox()
	t.addClaim = widget.NewSelect(nil, nil)
	t.addClaim.OnChanged = func(string) {
		if i := t.addClaim.SelectedIndex(); i >= 0 {
			s.u.onInput()
			t.addClaimRow(jobs.BenefitOutcome{Benefit: t.benefits[i], Status: jobs.BenefitApplied})
			t.addClaim.ClearSelected()
		}
	}
	t.addJob = widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() {
		s.u.onInput()
		t.addJobRow(jobs.WorkOutcome{})
	})
	t.save = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), t.onSave)
	t.save.Importance = widget.HighImportance
	t.problem = newNoticeLabel()
	form := container.NewVBox(t.claimsHead, t.claimRows, t.addClaim, widget.NewSeparator(),
		t.workHead, t.workRows, leftAligned(t.addJob))
	t.content = container.NewBorder(nil,
		container.NewPadded(container.NewBorder(nil, nil, nil, t.save, t.problem.label)),
		nil, nil, container.NewVScroll(container.NewPadded(form)))
	return t
}

func (t *outcomesTab) view() fyne.CanvasObject { return t.content }

// show puts saved outcomes in the form.
func (t *outcomesTab) show(o jobs.Outcomes) {
	t.claims, t.jobs = nil, nil
	t.claimRows.Objects, t.workRows.Objects = nil, nil
	for _, b := range o.Benefits {
		t.addClaimRow(b)
	}
	for _, w := range o.Work {
		t.addJobRow(w)
	}
}

func (t *outcomesTab) translate() {
	tr := t.s.u.tr
	t.claimsHead.SetText(tr.T("casework.outcomes.claims"))
	t.workHead.SetText(tr.T("casework.outcomes.work"))
	var names []string
	for _, b := range t.benefits {
		names = append(names, locales.Name(b))
	}
	t.addClaim.Options = names
	t.addClaim.PlaceHolder = tr.T("casework.outcomes.add_claim")
	t.addClaim.Refresh()
	t.addJob.SetText(tr.T("casework.outcomes.add_job"))
	t.save.SetText(tr.T("casework.outcomes.save"))
	t.problem.translate(tr)
	for _, r := range t.claims {
		t.translateClaim(r)
	}
	for _, r := range t.jobs {
		t.translateJob(r)
	}
}

func (t *outcomesTab) addClaimRow(b jobs.BenefitOutcome) {
	use := t.s.u.onInput
	r := &claimRow{benefit: b.Benefit, name: fieldLabel(), status: widget.NewSelect(nil, func(string) { use() }),
		applied: newInputEntry(use), decided: newInputEntry(use), paid: newInputEntry(use)}
	t.translateClaim(r)
	r.status.SetSelectedIndex(slices.Index(jobs.BenefitStatuses(), string(b.Status)))
	r.applied.SetText(b.Applied)
	r.decided.SetText(b.Decided)
	if b.Monthly != nil {
		r.paid.SetText(strconv.FormatFloat(*b.Monthly, 'f', -1, 64))
	}
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		use()
		t.claims = slices.DeleteFunc(t.claims, func(x *claimRow) bool { return x == r })
		t.claimRows.Remove(r.box)
	})
	r.box = container.NewVBox(container.NewBorder(nil, nil, nil, r.remove, r.name),
		container.NewGridWithColumns(4, r.status, r.applied, r.decided,
			container.NewBorder(nil, nil, widget.NewLabel("£"), nil, r.paid)))
	t.claims = append(t.claims, r)
	t.claimRows.Add(r.box)
}

func (t *outcomesTab) translateClaim(r *claimRow) {
	tr := t.s.u.tr
	r.name.SetText(locales.Explain(tr, r.benefit))
	var statuses []string
	for _, st := range jobs.BenefitStatuses() {
		statuses = append(statuses, tr.T("casework.outcomes.status."+st))
	}
	relabelSelect(r.status, statuses, "")
	r.applied.SetPlaceHolder(tr.T("casework.outcomes.applied"))
	r.decided.SetPlaceHolder(tr.T("casework.outcomes.decided"))
	r.paid.SetPlaceHolder(tr.T("casework.outcomes.monthly"))
}

func (t *outcomesTab) addJobRow(w jobs.WorkOutcome) {
	use := t.s.u.onInput
	r := &startedRow{started: newInputEntry(use), pay: newInputEntry(use),
		sector: widget.NewSelect(nil, func(string) { use() }), checked: widget.NewCheck("", func(bool) { use() })}
	t.translateJob(r)
	r.started.SetText(w.Started)
	r.sector.SetSelectedIndex(slices.Index(jobs.Sectors(), w.Sector))
	if w.HourlyPay != nil {
		r.pay.SetText(strconv.FormatFloat(*w.HourlyPay, 'f', -1, 64))
	}
	r.checked.SetChecked(w.PayChecked)
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		use()
		t.jobs = slices.DeleteFunc(t.jobs, func(x *startedRow) bool { return x == r })
		t.workRows.Remove(r.box)
	})
	r.box = container.NewVBox(
		container.NewGridWithColumns(3, r.started, r.sector, container.NewBorder(nil, nil, widget.NewLabel("£"), nil, r.pay)),
		container.NewBorder(nil, nil, nil, r.remove, r.checked))
	t.jobs = append(t.jobs, r)
	t.workRows.Add(r.box)
}

func (t *outcomesTab) translateJob(r *startedRow) {
	tr := t.s.u.tr
	r.started.SetPlaceHolder(tr.T("casework.outcomes.started"))
	relabelSelect(r.sector, sectorLabels(tr), tr.T("jobs.profile.sector"))
	r.pay.SetPlaceHolder(tr.T("casework.outcomes.hourly_pay"))
	r.checked.SetText(tr.T("casework.outcomes.pay_checked"))
}

// outcomes reads the form; amounts are read as the interview reads them.
func (t *outcomesTab) outcomes() (jobs.Outcomes, error) {
	var o jobs.Outcomes
	amount := func(path, text string) (*float64, error) {
		if text = strings.TrimSpace(text); text == "" {
			return nil, nil
		}
		v, err := interview.ParseText(eligibility.FactSpec{Name: path, Kind: eligibility.WantNumber, Max: eligibility.MaxAmount}, text)
		if err != nil {
			return nil, err
		}
		x, _ := strconv.ParseFloat(string(v), 64)
		return &x, nil
	}
	for i, r := range t.claims {
		b := jobs.BenefitOutcome{Benefit: r.benefit,
			Applied: strings.TrimSpace(r.applied.Text), Decided: strings.TrimSpace(r.decided.Text)}
		if k := r.status.SelectedIndex(); k >= 0 {
			b.Status = jobs.BenefitStatus(jobs.BenefitStatuses()[k])
		}
		m, err := amount(eligibility.JoinPath(eligibility.IndexPath("benefits", i), "monthly"), r.paid.Text)
		if err != nil {
			return o, err
		}
		b.Monthly = m
		o.Benefits = append(o.Benefits, b)
	}
	for i, r := range t.jobs {
		w := jobs.WorkOutcome{Started: strings.TrimSpace(r.started.Text), PayChecked: r.checked.Checked}
		if k := r.sector.SelectedIndex(); k >= 0 {
			w.Sector = jobs.Sectors()[k]
		}
		p, err := amount(eligibility.JoinPath(eligibility.IndexPath("work", i), "hourly_pay"), r.pay.Text)
		if err != nil {
			return o, err
		}
		w.HourlyPay = p
		o.Work = append(o.Work, w)
	}
	return o, o.Validate(t.benefits)
}

func (t *outcomesTab) onSave() {
	t.s.u.onInput()
	o, err := t.outcomes()
	if err != nil {
		t.problem.set(t.s.u.tr, notice{id: "casework.outcomes.invalid", data: map[string]any{"Row": outcomeRow(err)}})
		return
	}
	t.s.c.Outcomes = o
	t.problem.set(t.s.u.tr, notice{id: "casework.outcomes.saved", info: true})
	t.s.overview.dates.showDeadlines(t.s.u.tr) // a decided claim may start a deadline
	t.s.saveCase()
}

// outcomeRow is the 1-based row an outcomes error names, for the sentence shown.
func outcomeRow(err error) int {
	var fe *eligibility.FieldError
	if !errors.As(err, &fe) {
		return 1
	}
	f := fe.Field
	if i := strings.IndexByte(f, '['); i >= 0 {
		if j := strings.IndexByte(f[i:], ']'); j > 0 {
			if n, err := strconv.Atoi(f[i+1 : i+j]); err == nil {
				return n + 1
			}
		}
	}
	return 1
}
