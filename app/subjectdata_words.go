package app

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"waymark/app/printout"
	"waymark/eligibility"
	"waymark/jobs"
	"waymark/locales"
	"waymark/storage"
)

// subjectExport is the data-subject JSON of storage.Session.ExportCase, read back to be worded.
// Its fields follow that export one for one (a test decodes a real export strictly into it), so
// nothing the JSON gives the person is missing from the PDF.
type subjectExport struct {
	Exported    string                     `json:"exported"`
	Reference   string                     `json:"reference"`
	Name        string                     `json:"name"`
	Language    string                     `json:"language"`
	Status      storage.CaseStatus         `json:"status"`
	Opened      string                     `json:"opened"`
	Adviser     string                     `json:"adviser"`
	Closed      string                     `json:"closed"`
	CloseReason storage.CloseReason        `json:"close_reason"`
	Consent     storage.Consent            `json:"consent"`
	Contact     storage.Contact            `json:"contact"`
	Facts       map[string]json.RawMessage `json:"facts"`
	KeyDates    eligibility.KeyDates       `json:"key_dates"`
	Profile     jobs.Profile               `json:"profile"`
	Steps       []jobs.Step                `json:"plan_steps"`
	Review      string                     `json:"plan_review"`
	Outcomes    jobs.Outcomes              `json:"outcomes"`
	Notes       []storage.Note             `json:"notes"`
	History     []struct {
		Time    string `json:"time"`
		Adviser string `json:"adviser"`
		Action  string `json:"action"`
	} `json:"history"`
}

// subjectReport words a case export for the person it is about, in tr's language: details,
// consent, contact and which ways are safe, key dates, the eligibility answers in words, the
// plan, the work profile, outcomes, notes and the history of who opened or changed the record.
// Contact details of a way marked unsafe are not printed (paper can be found); the sentence in
// their place says the JSON export holds them.
func subjectReport(tr *locales.Translator, data []byte, now time.Time) (printout.SubjectReport, error) {
	var x subjectExport
	if err := json.Unmarshal(data, &x); err != nil {
		return printout.SubjectReport{}, fmt.Errorf("read case export: %w", err)
	}
	b := reportWords{tr: tr}
	return printout.SubjectReport{
		Title: tr.T("reports.pdf.title"),
		Intro: []string{tr.T("reports.pdf.intro", map[string]any{"Date": b.date(x.Exported)}), tr.T("reports.pdf.rights")},
		Sections: []printout.SubjectSection{
			b.section("reports.pdf.details", b.details(x)),
			b.section("reports.pdf.consent", b.consent(x.Consent)),
			b.section("reports.pdf.contact", b.contact(x.Contact)),
			b.section("reports.pdf.key_dates", b.keyDates(x.KeyDates)),
			b.section("reports.pdf.answers", b.answers(x.Facts)),
			b.section("reports.pdf.plan", b.plan(x.Review, x.Steps)),
			b.section("reports.pdf.profile", b.profile(x.Profile)),
			b.section("reports.pdf.outcomes", b.outcomes(x.Outcomes)),
			b.section("reports.pdf.notes", b.notes(x.Notes)),
			b.section("reports.pdf.history", b.history(x)),
		},
		Footer: tr.T("reports.pdf.footer", map[string]any{"Reference": x.Reference,
			"Page": printout.PagePlaceholder, "Pages": printout.PageCountAlias}),
		Replaced: tr.T("reports.pdf.replaced", map[string]any{"Mark": printout.ReplacementMark}),
		DocTitle: tr.T("reports.pdf.doc_title"),
		Created:  now,
	}, nil
}

// reportWords turns the export's ids and dates into the reader's words.
type reportWords struct{ tr *locales.Translator }

type row = printout.SubjectRow

func (b reportWords) section(id string, rows []row) printout.SubjectSection {
	return printout.SubjectSection{Heading: b.tr.T(id), Rows: rows, Empty: b.tr.T("reports.pdf.none")}
}

// row is a labelled row, with "Not recorded" for an empty value.
func (b reportWords) row(labelID, value string) row {
	if strings.TrimSpace(value) == "" {
		value = b.tr.T("reports.pdf.not_recorded")
	}
	return row{Label: b.tr.T(labelID), Value: value}
}

// date is a YYYY-MM-DD day as people write it, "23 November 2026"; anything else as it is.
func (b reportWords) date(d string) string { return locales.DateText(b.tr, d) }

func (b reportWords) details(x subjectExport) []row {
	status := b.tr.T("app.case.status.open")
	if x.Status == storage.CaseClosed {
		status = b.tr.T("app.case.status.closed")
		if x.Closed != "" {
			status = b.tr.T("reports.pdf.closed_on", map[string]any{"Date": b.date(x.Closed)})
		}
		if x.CloseReason != "" {
			status += " " + b.tr.T("casework.close.reason."+string(x.CloseReason)) + "."
		}
	}
	return []row{
		b.row("reports.pdf.reference", x.Reference), b.row("reports.pdf.name", x.Name),
		b.row("reports.pdf.language", languageIn(b.tr, x.Language)),
		b.row("reports.pdf.opened", b.date(x.Opened)), b.row("reports.pdf.adviser", x.Adviser),
		b.row("reports.pdf.status", status),
	}
}

func (b reportWords) consent(c storage.Consent) []row {
	switch {
	case c.Given && c.Date != "":
		return []row{{Value: b.tr.T("reports.pdf.consent_on", map[string]any{"Date": b.date(c.Date)})}}
	case c.Given:
		return []row{{Value: b.tr.T("reports.pdf.consent_given")}}
	}
	return []row{{Value: b.tr.T("reports.pdf.consent_none")}}
}

// contact prints each way with whether it is safe; the detail of a way that is not safe is
// left off the paper.
func (b reportWords) contact(c storage.Contact) []row {
	detail := func(labelID, value string, safe bool) row {
		if value != "" && !safe {
			return row{Label: b.tr.T(labelID), Value: b.tr.T("reports.pdf.unsafe_detail")}
		}
		return b.row(labelID, value)
	}
	way := func(labelID string, safe bool) row {
		if safe {
			return row{Label: b.tr.T(labelID), Value: b.tr.T("reports.pdf.safe")}
		}
		return row{Label: b.tr.T(labelID), Value: b.tr.T("reports.pdf.not_safe")}
	}
	return []row{
		detail("casework.overview.phone", c.Phone, c.SafePhone || c.SafeText),
		way("reports.pdf.way.phone", c.SafePhone), way("reports.pdf.way.text", c.SafeText),
		detail("casework.overview.email", c.Email, c.SafeEmail), way("reports.pdf.way.email", c.SafeEmail),
		detail("casework.overview.address", c.Address, c.SafePost), way("reports.pdf.way.post", c.SafePost),
		b.row("reports.pdf.code_word", c.CodeWord), b.row("reports.pdf.contact_notes", c.Notes),
	}
}

func (b reportWords) keyDates(k eligibility.KeyDates) []row {
	var rows []row
	for _, d := range []struct{ id, value string }{
		{"casework.dates.reasonable_grounds", k.ReasonableGrounds}, {"casework.dates.conclusive_grounds", k.ConclusiveGrounds},
		{"casework.dates.leave_granted", k.LeaveGranted}, {"casework.dates.leave_expires", k.LeaveExpires},
	} {
		if d.value != "" {
			rows = append(rows, row{Label: b.tr.T(d.id), Value: b.date(d.value)})
		}
	}
	for _, d := range k.BenefitDecisions {
		id := "reports.pdf.decision_awarded"
		if d.Refused {
			id = "reports.pdf.decision_refused"
		}
		rows = append(rows, row{Label: benefitName(d.Benefit), Value: b.tr.T(id, map[string]any{"Date": b.date(d.Decided)})})
	}
	return rows
}

// answers are the eligibility answers in the order of the facts' contract, worded as the
// interview shows them.
func (b reportWords) answers(facts map[string]json.RawMessage) []row {
	var rows []row
	for _, f := range eligibility.FactFields() {
		raw, ok := facts[f]
		if !ok || string(raw) == "null" {
			continue
		}
		spec, _ := eligibility.DescribeFact(f)
		value := answerText(b.tr, spec, raw)
		if spec.Kind == eligibility.WantCountryCode {
			value = countryName(b.tr, value)
		}
		rows = append(rows, row{Label: b.tr.T("interview.label." + f), Value: value})
	}
	return rows
}

func (b reportWords) plan(review string, steps []jobs.Step) []row {
	var rows []row
	if review != "" {
		rows = append(rows, row{Label: b.tr.T("reports.pdf.review"), Value: b.date(review)})
	}
	for _, s := range steps {
		text := s.Text
		if id := "jobs.step." + s.Code; s.Code != "" && locales.Has(id) {
			text = b.tr.T(id)
		}
		state := b.tr.T("reports.pdf.step_open")
		if s.Done {
			state = b.tr.T("reports.pdf.step_done")
		}
		due := b.tr.T("reports.pdf.no_date")
		if s.Due != "" {
			due = b.tr.T("reports.pdf.due", map[string]any{"Date": b.date(s.Due)})
		}
		who := ""
		if id := "plan.owner." + string(s.Owner); locales.Has(id) {
			who = b.tr.T(id) + " " // "Who: you." as the printed plan says it
		}
		rows = append(rows, row{Label: due, Value: text + "\n" + who + state})
	}
	return rows
}

func (b reportWords) profile(p jobs.Profile) []row {
	var rows []row
	add := func(labelID string, items []string) {
		if len(items) > 0 {
			rows = append(rows, row{Label: b.tr.T(labelID), Value: strings.Join(items, "\n")})
		}
	}
	var langs, history, barriers, goals, avoid []string
	for _, l := range p.Languages {
		name := languageIn(b.tr, l.Code)
		if l.Level != "" {
			name += " (" + b.tr.T("jobs.level."+string(l.Level)) + ")"
		}
		langs = append(langs, name)
	}
	for _, j := range p.WorkHistory {
		parts := []string{sectorName(b.tr, j.Sector)}
		if j.Role != "" {
			parts = append(parts, j.Role)
		}
		if j.Months > 0 {
			parts = append(parts, b.tr.N("interview.unit.months", j.Months))
		}
		if j.Exploitative {
			parts = append(parts, b.tr.T("jobs.profile.exploitative"))
		}
		history = append(history, strings.Join(parts, ", "))
	}
	for _, x := range p.Barriers {
		barriers = append(barriers, b.tr.T("jobs.barrier."+string(x)))
	}
	for _, g := range p.Goals {
		goals = append(goals, b.tr.T("jobs.goal."+string(g)))
	}
	for _, s := range p.AvoidSectors {
		avoid = append(avoid, sectorName(b.tr, s))
	}
	add("jobs.profile.languages", langs)
	if p.EnglishLevel != "" {
		add("jobs.profile.english_level", []string{b.tr.T("jobs.level." + string(p.EnglishLevel))})
	}
	add("jobs.profile.skills", p.Skills)
	add("jobs.profile.work_history", history)
	add("jobs.profile.qualifications", p.Qualifications)
	add("jobs.profile.barriers", barriers)
	add("jobs.profile.goals", goals)
	add("jobs.profile.avoid_sectors", avoid)
	return rows
}

func (b reportWords) outcomes(o jobs.Outcomes) []row {
	var rows []row
	for _, c := range o.Benefits {
		parts := []string{b.tr.T("casework.outcomes.status." + string(c.Status))}
		if c.Applied != "" {
			parts = append(parts, b.tr.T("reports.pdf.applied_on", map[string]any{"Date": b.date(c.Applied)}))
		}
		if c.Decided != "" {
			parts = append(parts, b.tr.T("reports.pdf.decided_on", map[string]any{"Date": b.date(c.Decided)}))
		}
		if c.Monthly != nil {
			parts = append(parts, b.tr.T("reports.pdf.monthly", map[string]any{"Amount": b.money(*c.Monthly)}))
		}
		rows = append(rows, row{Label: benefitName(c.Benefit), Value: strings.Join(parts, "\n")})
	}
	for _, w := range o.Work {
		parts := []string{b.tr.T("reports.pdf.started_on", map[string]any{"Date": b.date(w.Started)})}
		if w.HourlyPay != nil {
			parts = append(parts, b.tr.T("reports.pdf.hourly", map[string]any{"Amount": b.money(*w.HourlyPay)}))
		}
		checked := "reports.pdf.pay_not_checked"
		if w.PayChecked {
			checked = "casework.outcomes.pay_checked"
		}
		parts = append(parts, b.tr.T(checked))
		rows = append(rows, row{Label: sectorName(b.tr, w.Sector), Value: strings.Join(parts, "\n")})
	}
	return rows
}

func (b reportWords) money(x float64) string { return locales.Money(b.tr, x) }

func (b reportWords) notes(notes []storage.Note) []row {
	var rows []row
	for _, n := range notes {
		rows = append(rows, row{Label: b.date(n.Date), Value: b.tr.T("reports.pdf.note", map[string]any{"Adviser": n.Adviser, "Text": n.Text})})
	}
	return rows
}

// history is the audit trail of the case grouped as the History tab shows it, newest first.
func (b reportWords) history(x subjectExport) []row {
	var entries []storage.AuditEntry
	for _, h := range x.History {
		t, err := time.Parse(time.RFC3339, h.Time)
		if err != nil {
			continue
		}
		entries = append(entries, storage.AuditEntry{Time: t, Adviser: h.Adviser, Action: h.Action})
	}
	var rows []row
	for _, l := range storage.History(entries) {
		rows = append(rows, row{Value: historyText(b.tr, l)})
	}
	return rows
}

// benefitName is a benefit's official English name, as letters and forms use it.
func benefitName(id string) string {
	if name, ok := locales.TermName(id); ok {
		return name
	}
	return id
}

// languageIn is a language code's name in tr's language, "Romanian"; the code when unknown.
func languageIn(tr *locales.Translator, code string) string {
	if code == "" {
		return ""
	}
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	if name := display.Languages(language.Make(tr.Lang())).Name(tag); name != "" {
		return name
	}
	return code
}
