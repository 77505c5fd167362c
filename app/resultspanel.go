package app

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/eligibility"
	"waymark/locales"
)

// resultsPanel is the right side of a case: a count of the statuses, then every benefit the
// rule pack decides with its status, monthly estimate, reasons with their sources and the facts
// it still waits for, then the practical next steps. It is drawn again from the results after
// every answer; the results themselves come from the eligibility engine.
type resultsPanel struct {
	title   *widget.Label
	summary *widget.Label
	list    *fyne.Container
	content fyne.CanvasObject
}

func newResultsPanel() *resultsPanel {
	p := &resultsPanel{title: heading(), summary: paragraph(), list: container.NewVBox()}
	p.content = container.NewVScroll(container.NewPadded(container.NewVBox(p.title, p.summary, p.list)))
	return p
}

func (p *resultsPanel) view() fyne.CanvasObject { return p.content }

// show draws r in tr's language. r is localized here on a copy of its reasons, so the
// interview's results are never changed by drawing them.
func (p *resultsPanel) show(tr *locales.Translator, r eligibility.Results) {
	r = localizedCopy(tr, r)
	p.title.SetText(tr.T("results.title"))
	counts := map[eligibility.Status]int{}
	for _, res := range r.Results {
		counts[res.Status]++
	}
	p.summary.SetText(tr.T("results.summary", map[string]any{
		"Eligible":    counts[eligibility.Eligible],
		"NotEligible": counts[eligibility.NotEligible],
		"NeedInfo":    counts[eligibility.NeedInfo],
	}))
	objects := make([]fyne.CanvasObject, 0, len(r.Results)+3)
	for _, res := range r.Results {
		objects = append(objects, benefitCard(tr, res), widget.NewSeparator())
	}
	steps := fieldLabel()
	steps.SetText(tr.T("results.next_steps"))
	objects = append(objects, steps)
	if len(r.NextSteps) == 0 {
		none := paragraph()
		none.SetText(tr.T("results.no_next_steps"))
		objects = append(objects, none)
	}
	for _, s := range r.NextSteps {
		l := paragraph()
		l.SetText("• " + s.Text)
		objects = append(objects, l)
	}
	p.list.Objects = objects
	p.list.Refresh()
}

// localizedCopy fills the texts of a copy of r, whose reason and step slices are its own.
func localizedCopy(tr *locales.Translator, r eligibility.Results) eligibility.Results {
	out := r
	out.Results = make([]eligibility.Result, len(r.Results))
	for i, res := range r.Results {
		res.Reasons = append([]eligibility.Reason(nil), res.Reasons...)
		out.Results[i] = res
	}
	out.NextSteps = append([]eligibility.NextStep(nil), r.NextSteps...)
	out.Localize(tr)
	return out
}

// statusImportance colours a status: green can claim, red cannot, amber needs more.
var statusImportance = map[eligibility.Status]widget.Importance{
	eligibility.Eligible:    widget.SuccessImportance,
	eligibility.NotEligible: widget.DangerImportance,
	eligibility.NeedInfo:    widget.WarningImportance,
}

// benefitCard is one benefit: its name and status, the estimate, every reason with its source,
// and what is still needed.
func benefitCard(tr *locales.Translator, r eligibility.Result) fyne.CanvasObject {
	name := fieldLabel()
	name.SetText(locales.Explain(tr, r.Benefit))
	status := widget.NewLabel(tr.T("elig.status." + string(r.Status)))
	status.Importance = statusImportance[r.Status]
	status.TextStyle = fyne.TextStyle{Bold: true}
	line := container.NewHBox(status)
	if r.MonthlyEstimate != nil {
		est := widget.NewLabel("")
		if *r.MonthlyEstimate > 0 {
			est.SetText(tr.T("results.estimate", map[string]any{"Amount": locales.Number(tr, *r.MonthlyEstimate, 2)}))
		} else {
			est.SetText(tr.T("results.estimate_zero"))
		}
		est.TextStyle = fyne.TextStyle{Bold: true}
		line.Add(est)
	}
	parts := []fyne.CanvasObject{name, line}
	for _, reason := range r.Reasons {
		l := paragraph()
		l.SetText("• " + reason.Text)
		parts = append(parts, l)
		if link := sourceLink(tr, reason.Source); link != nil {
			parts = append(parts, link)
		}
	}
	if len(r.Missing) > 0 {
		names := make([]string, len(r.Missing))
		for i, f := range r.Missing {
			names[i] = tr.T("interview.label." + f)
		}
		l := paragraph()
		l.Importance = widget.WarningImportance
		l.SetText(tr.T("results.missing", map[string]any{"Facts": strings.Join(names, ", ")}))
		parts = append(parts, l)
	} else if r.Status == eligibility.NeedInfo {
		l := paragraph()
		l.Importance = widget.WarningImportance
		l.SetText(tr.T("results.judgement"))
		parts = append(parts, l)
	}
	return container.NewVBox(parts...)
}

// sourceLink shows where a reason comes from as a link an adviser can open when online; the
// text is the address without its scheme, so it can be read and typed from a printout too.
func sourceLink(tr *locales.Translator, source string) fyne.CanvasObject {
	u, err := url.Parse(source)
	if err != nil || u.Host == "" {
		return nil
	}
	text := tr.T("results.source", map[string]any{"Source": strings.TrimPrefix(u.Host+u.Path, "www.")})
	link := widget.NewHyperlink(text, u)
	link.Wrapping = fyne.TextWrapBreak
	link.SizeName = theme.SizeNameCaptionText
	return link
}
