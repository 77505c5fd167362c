package app

import (
	"errors"
	"net/url"
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

// profileTab is the survivor's employability profile: the right to work (worked out from the
// immigration status, not asked), languages, skills, work history, qualifications, barriers,
// goals and sectors to avoid. The form holds the profile being edited; Save checks it with
// jobs.Profile.Validate and hands it to the case screen, which saves it through the vault.
type profileTab struct {
	tr    func() *locales.Translator
	onUse func()
	save  func(jobs.Profile) // the case screen saves it and redraws the plan's suggestions

	rtwLabel, rtwAnswer, rtw *widget.Label
	rtwSource                *widget.Hyperlink
	englishLabel             *widget.Label
	english                  *widget.Select
	langLabel                *widget.Label
	langRows                 *fyne.Container
	langs                    []*languageRow
	addLang                  *widget.Button
	skillsLabel              *widget.Label
	skills                   *widget.Entry
	qualLabel                *widget.Label
	quals                    *widget.Entry
	workLabel                *widget.Label
	workRows                 *fyne.Container
	work                     []*jobRow
	addWork                  *widget.Button
	barrierLabel             *widget.Label
	barriers                 *idChecks
	goalLabel                *widget.Label
	goals                    *idChecks
	avoidLabel               *widget.Label
	avoid                    *idChecks
	problem                  *noticeLabel
	saveBtn                  *widget.Button
	content                  fyne.CanvasObject
}

func newProfileTab(tr func() *locales.Translator, onUse func(), save func(jobs.Profile)) *profileTab {
	t := &profileTab{tr: tr, onUse: onUse, save: save}
	t.rtwLabel, t.rtw = fieldLabel(), paragraph()
	t.rtwAnswer = widget.NewLabel("")
	t.rtwAnswer.TextStyle = fyne.TextStyle{Bold: true}
	t.rtwSource = widget.NewHyperlink("", nil)
	t.rtwSource.SizeName = theme.SizeNameCaptionText
	t.englishLabel = fieldLabel()
	t.english = widget.NewSelect(nil, func(string) { onUse() })
	t.langLabel = fieldLabel()
	t.langRows = container.NewVBox()
	t.addLang = widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { t.addLanguage(jobs.Language{}) })
	t.skillsLabel, t.skills = fieldLabel(), multiLine(onUse)
	t.qualLabel, t.quals = fieldLabel(), multiLine(onUse)
	t.workLabel = fieldLabel()
	t.workRows = container.NewVBox()
	t.addWork = widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { t.addJob(jobs.Job{}) })
	t.barrierLabel, t.barriers = fieldLabel(), newIDChecks(jobs.Barriers(), "jobs.barrier.", 2, onUse)
	t.goalLabel, t.goals = fieldLabel(), newIDChecks(jobs.Goals(), "jobs.goal.", 2, onUse)
	t.avoidLabel, t.avoid = fieldLabel(), newIDChecks(jobs.Sectors(), "jobs.sector.", 3, onUse)
	t.problem = newNoticeLabel()
	t.saveBtn = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), t.onSave)
	t.saveBtn.Importance = widget.HighImportance
	form := container.NewVBox(
		t.rtwLabel, t.rtwAnswer, t.rtw, t.rtwSource,
		t.englishLabel, t.english,
		t.langLabel, t.langRows, leftAligned(t.addLang),
		t.skillsLabel, t.skills,
		t.qualLabel, t.quals,
		t.workLabel, t.workRows, leftAligned(t.addWork),
		t.barrierLabel, t.barriers.box,
		t.goalLabel, t.goals.box,
		t.avoidLabel, t.avoid.box,
	)
	t.content = container.NewBorder(nil,
		container.NewPadded(container.NewBorder(nil, nil, nil, t.saveBtn, t.problem.label)),
		nil, nil, container.NewVScroll(container.NewPadded(form)))
	return t
}

func (t *profileTab) view() fyne.CanvasObject { return t.content }

// show puts a saved profile in the form, and the right to work the facts give.
func (t *profileTab) show(p jobs.Profile, facts eligibility.Facts) {
	t.langs, t.work = nil, nil
	t.langRows.Objects, t.workRows.Objects = nil, nil
	for _, l := range p.Languages {
		t.addLanguage(l)
	}
	for _, j := range p.WorkHistory {
		t.addJob(j)
	}
	t.skills.SetText(strings.Join(p.Skills, "\n"))
	t.quals.SetText(strings.Join(p.Qualifications, "\n"))
	t.barriers.set(idStrings(p.Barriers))
	t.goals.set(idStrings(p.Goals))
	t.avoid.set(p.AvoidSectors)
	t.english.SetSelectedIndex(slices.Index(jobs.Levels(), string(p.EnglishLevel)))
	t.showRightToWork(facts)
	t.problem.set(t.tr(), notice{})
}

// showRightToWork words the right to work the immigration status gives.
func (t *profileTab) showRightToWork(facts eligibility.Facts) {
	tr := t.tr()
	r := jobs.RightToWorkFrom(facts)
	answer := map[eligibility.Tri]string{eligibility.Yes: "yes", eligibility.No: "no", eligibility.Unknown: "unknown"}[r.Answer]
	t.rtwAnswer.SetText(tr.T("jobs.rtw.answer." + answer))
	t.rtwAnswer.Importance = map[eligibility.Tri]widget.Importance{
		eligibility.Yes: widget.SuccessImportance, eligibility.No: widget.DangerImportance,
		eligibility.Unknown: widget.WarningImportance}[r.Answer]
	t.rtwAnswer.Refresh()
	t.rtw.SetText(tr.T(r.MessageID()))
	if u, err := url.Parse(r.Source); err == nil && r.Source != "" {
		t.rtwSource.SetText(tr.T("results.source", map[string]any{"Source": strings.TrimPrefix(u.Host+u.Path, "www.")}))
		_ = t.rtwSource.SetURLFromString(r.Source)
		t.rtwSource.Show()
	} else {
		t.rtwSource.Hide()
	}
}

func (t *profileTab) translate(facts eligibility.Facts) {
	tr := t.tr()
	t.rtwLabel.SetText(tr.T("jobs.profile.right_to_work"))
	t.showRightToWork(facts)
	t.englishLabel.SetText(tr.T("jobs.profile.english_level"))
	relabelSelect(t.english, levelLabels(tr), tr.T("jobs.profile.not_assessed"))
	t.langLabel.SetText(tr.T("jobs.profile.languages"))
	t.addLang.SetText(tr.T("casework.profile.add_language"))
	for _, r := range t.langs {
		r.translate(tr)
	}
	t.skillsLabel.SetText(tr.T("jobs.profile.skills") + " " + tr.T("casework.one_per_line"))
	t.qualLabel.SetText(tr.T("jobs.profile.qualifications") + " " + tr.T("casework.one_per_line"))
	t.workLabel.SetText(tr.T("jobs.profile.work_history"))
	t.addWork.SetText(tr.T("casework.profile.add_job"))
	for _, r := range t.work {
		r.translate(tr)
	}
	t.barrierLabel.SetText(tr.T("jobs.profile.barriers"))
	t.barriers.translate(tr)
	t.goalLabel.SetText(tr.T("jobs.profile.goals"))
	t.goals.translate(tr)
	t.avoidLabel.SetText(tr.T("jobs.profile.avoid_sectors"))
	t.avoid.translate(tr)
	t.saveBtn.SetText(tr.T("casework.profile.save"))
	t.problem.translate(tr)
}

// profile reads the form. Text boxes hold one item a line; blank lines are dropped.
func (t *profileTab) profile() (jobs.Profile, error) {
	var p jobs.Profile
	if i := t.english.SelectedIndex(); i >= 0 {
		p.EnglishLevel = jobs.Level(jobs.Levels()[i])
	}
	for _, r := range t.langs {
		p.Languages = append(p.Languages, r.value())
	}
	p.Skills = lines(t.skills.Text)
	p.Qualifications = lines(t.quals.Text)
	for i, r := range t.work {
		j, err := r.value(i)
		if err != nil {
			return jobs.Profile{}, err
		}
		p.WorkHistory = append(p.WorkHistory, j)
	}
	for _, b := range t.barriers.selected() {
		p.Barriers = append(p.Barriers, jobs.Barrier(b))
	}
	for _, g := range t.goals.selected() {
		p.Goals = append(p.Goals, jobs.Goal(g))
	}
	p.AvoidSectors = t.avoid.selected()
	return p, p.Validate()
}

func (t *profileTab) onSave() {
	t.onUse()
	p, err := t.profile()
	if err != nil {
		t.problem.set(t.tr(), notice{id: "casework.profile.invalid", data: map[string]any{"Field": fieldName(t.tr(), err)}})
		return
	}
	t.problem.set(t.tr(), notice{id: "casework.profile.saved", info: true})
	t.save(p)
}

func (t *profileTab) addLanguage(l jobs.Language) {
	r := newLanguageRow(t.tr(), l, t.onUse, func(r *languageRow) {
		t.langs = slices.DeleteFunc(t.langs, func(x *languageRow) bool { return x == r })
		t.langRows.Remove(r.box)
	})
	t.langs = append(t.langs, r)
	t.langRows.Add(r.box)
}

func (t *profileTab) addJob(j jobs.Job) {
	r := newJobRow(t.tr(), j, t.onUse, func(r *jobRow) {
		t.work = slices.DeleteFunc(t.work, func(x *jobRow) bool { return x == r })
		t.workRows.Remove(r.box)
	})
	t.work = append(t.work, r)
	t.workRows.Add(r.box)
}

// fieldName words the field a profile error names: "Work history 2: Sector".
func fieldName(tr *locales.Translator, err error) string {
	var fe *eligibility.FieldError
	if !errors.As(err, &fe) {
		return ""
	}
	var parts []string
	for _, seg := range strings.Split(fe.Field, ".") {
		name, idx, _ := strings.Cut(seg, "[")
		label := tr.T("jobs.profile." + profileLabel(name))
		if idx != "" {
			if n, err := strconv.Atoi(strings.TrimSuffix(idx, "]")); err == nil {
				label += " " + strconv.Itoa(n+1)
			}
		}
		parts = append(parts, label)
	}
	return strings.Join(parts, ": ")
}

// profileLabel maps a profile JSON name to its label message.
func profileLabel(name string) string {
	switch name {
	case "code":
		return "language"
	case "avoid_sectors", "english_level", "work_history", "languages", "skills", "qualifications",
		"barriers", "goals", "sector", "role", "months", "level", "exploitative":
		return name
	}
	return "title"
}

func levelLabels(tr *locales.Translator) []string {
	var out []string
	for _, l := range jobs.Levels() {
		out = append(out, tr.T("jobs.level."+l))
	}
	return out
}

func idStrings[T ~string](ids []T) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return out
}

// lines splits a text box into its non-blank lines, trimmed.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func multiLine(onUse func()) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.SetMinRowsVisible(3)
	e.Wrapping = fyne.TextWrapWord
	e.OnChanged = func(string) { onUse() }
	return e
}

func leftAligned(o fyne.CanvasObject) fyne.CanvasObject { return container.NewHBox(o) }
