package app

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/eligibility"
	"waymark/jobs"
	"waymark/locales"
)

// idChecks is a grid of check boxes, one per id, labelled through the messages prefix+id.
type idChecks struct {
	ids    []string
	prefix string
	checks []*widget.Check
	box    *fyne.Container
}

func newIDChecks(ids []string, prefix string, columns int, onUse func()) *idChecks {
	c := &idChecks{ids: ids, prefix: prefix}
	objs := make([]fyne.CanvasObject, len(ids))
	for i := range ids {
		c.checks = append(c.checks, widget.NewCheck("", func(bool) { onUse() }))
		objs[i] = c.checks[i]
	}
	c.box = container.NewGridWithColumns(columns, objs...)
	return c
}

func (c *idChecks) translate(tr *locales.Translator) {
	for i, id := range c.ids {
		c.checks[i].SetText(tr.T(c.prefix + id))
	}
}

func (c *idChecks) set(selected []string) {
	for i, id := range c.ids {
		c.checks[i].SetChecked(slices.Contains(selected, id))
	}
}

// selected lists the checked ids in the order of ids.
func (c *idChecks) selected() []string {
	var out []string
	for i, id := range c.ids {
		if c.checks[i].Checked {
			out = append(out, id)
		}
	}
	return out
}

// languageRow is one language the survivor speaks: its code and level, and Remove.
type languageRow struct {
	code   *inputEntry
	level  *widget.Select
	remove *widget.Button
	box    *fyne.Container
}

func newLanguageRow(tr *locales.Translator, l jobs.Language, onUse func(), remove func(*languageRow)) *languageRow {
	r := &languageRow{code: newInputEntry(onUse), level: widget.NewSelect(levelLabels(tr), func(string) { onUse() })}
	r.code.SetText(l.Code)
	r.level.SetSelectedIndex(slices.Index(jobs.Levels(), string(l.Level)))
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { onUse(); remove(r) })
	r.box = container.NewBorder(nil, nil, nil, container.NewHBox(r.level, r.remove), r.code)
	r.translate(tr)
	return r
}

func (r *languageRow) translate(tr *locales.Translator) {
	r.code.SetPlaceHolder(tr.T("casework.profile.language_code"))
	relabelSelect(r.level, levelLabels(tr), tr.T("jobs.profile.level"))
	r.remove.SetText(tr.T("jobs.profile.remove"))
}

func (r *languageRow) value() jobs.Language {
	l := jobs.Language{Code: strings.ToLower(strings.TrimSpace(r.code.Text))}
	if i := r.level.SelectedIndex(); i >= 0 {
		l.Level = jobs.Level(jobs.Levels()[i])
	}
	return l
}

// jobRow is one piece of past work: sector, role, months, whether it was exploitative.
type jobRow struct {
	sector       *widget.Select
	role         *inputEntry
	months       *inputEntry
	exploitative *widget.Check
	remove       *widget.Button
	box          *fyne.Container
}

func newJobRow(tr *locales.Translator, j jobs.Job, onUse func(), remove func(*jobRow)) *jobRow {
	r := &jobRow{
		sector:       widget.NewSelect(nil, func(string) { onUse() }),
		role:         newInputEntry(onUse),
		months:       newInputEntry(onUse),
		exploitative: widget.NewCheck("", func(bool) { onUse() }),
	}
	r.translate(tr)
	r.sector.SetSelectedIndex(slices.Index(jobs.Sectors(), j.Sector))
	r.role.SetText(j.Role)
	if j.Months > 0 {
		r.months.SetText(strconv.Itoa(j.Months))
	}
	r.exploitative.SetChecked(j.Exploitative)
	r.remove = widget.NewButtonWithIcon(tr.T("jobs.profile.remove"), theme.DeleteIcon(), func() { onUse(); remove(r) })
	r.box = container.NewVBox(
		container.NewGridWithColumns(3, r.sector, r.role, r.months),
		container.NewBorder(nil, nil, nil, r.remove, r.exploitative),
		widget.NewSeparator())
	return r
}

func (r *jobRow) translate(tr *locales.Translator) {
	relabelSelect(r.sector, sectorLabels(tr), tr.T("jobs.profile.sector"))
	r.role.SetPlaceHolder(tr.T("jobs.profile.role"))
	r.months.SetPlaceHolder(tr.T("jobs.profile.months"))
	r.exploitative.SetText(tr.T("jobs.profile.exploitative"))
	if r.remove != nil {
		r.remove.SetText(tr.T("jobs.profile.remove"))
	}
}

// value reads the row; i is its place in the list, for the path an error names.
func (r *jobRow) value(i int) (jobs.Job, error) {
	j := jobs.Job{Role: strings.TrimSpace(r.role.Text), Exploitative: r.exploitative.Checked}
	if k := r.sector.SelectedIndex(); k >= 0 {
		j.Sector = jobs.Sectors()[k]
	}
	if m := strings.TrimSpace(r.months.Text); m != "" {
		n, err := strconv.Atoi(m)
		if err != nil || n < 0 {
			path := eligibility.JoinPath(eligibility.IndexPath("work_history", i), "months")
			return jobs.Job{}, &eligibility.FieldError{Field: path, Problem: eligibility.ProblemType, Want: eligibility.WantWholeNumber}
		}
		j.Months = n
	}
	return j, nil
}
