package app

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/eligibility"
	"waymark/eligibility/interview"
	"waymark/jobs/offer"
	"waymark/locales"
)

// offerKinds says how the form asks for each field of the offer contract (DESIGN.md's offer
// table); a test checks it lists exactly offer.Fields().
var offerKinds = map[string]string{
	"date": "date", "worker_age": "age", "apprentice_first_year": "bool", "hourly_pay": "money",
	"weekly_hours": "hours", "accommodation_by_employer": "bool",
	"accommodation_charge_weekly": "money", "other_deductions_weekly": "money",
	"recruitment_fee": "money", "sector": "sector", "labour_provider_licensed": "bool",
	"documents_held_by_employer": "bool", "written_contract": "bool", "payslips": "bool",
	"free_to_leave": "bool", "debt_to_employer": "bool", "deceived_about_job": "bool",
	"threats_or_violence": "bool", "isolated": "bool",
}

// offerField is one question of the offer form: a text box, a sector list or Yes/No (neither
// chosen means not known, which raises no flag but may leave the pay unchecked).
type offerField struct {
	name  string
	kind  string
	label *widget.Label
	entry *inputEntry
	radio *widget.RadioGroup
	sel   *widget.Select
	box   fyne.CanvasObject
}

// offerTab is the job-offer safety check: the offer's facts, and what jobs/offer makes of them
// (the pay that counts against the minimum wage, and each red flag explained with its ILO
// indicator and source). The check is worked out on screen and not kept in the case: an offer
// is weighed in the session, and a record of it is the adviser's call.
type offerTab struct {
	tr    func() *locales.Translator
	onUse func()
	today func() time.Time

	intro   *widget.Label
	fields  []*offerField
	check   *widget.Button
	clear   *widget.Button
	problem *noticeLabel
	results *fyne.Container
	result  *offer.Result
	content fyne.CanvasObject
}

func newOfferTab(tr func() *locales.Translator, onUse func(), today func() time.Time) *offerTab {
	t := &offerTab{tr: tr, onUse: onUse, today: today}
	t.intro = paragraph()
	form := container.NewVBox(t.intro)
	for _, name := range offer.Fields() {
		f := &offerField{name: name, kind: offerKinds[name], label: fieldLabel()}
		switch f.kind {
		case "bool":
			f.radio = widget.NewRadioGroup(nil, func(string) { onUse() })
			f.radio.Horizontal = true
			f.box = f.radio
		case "sector":
			f.sel = widget.NewSelect(nil, func(string) { onUse() })
			f.box = f.sel
		default:
			f.entry = newInputEntry(onUse)
			f.entry.OnSubmitted = func(string) { t.onCheck() }
			f.box = f.entry
			if f.kind == "money" {
				f.box = container.NewBorder(nil, nil, widget.NewLabel("£"), nil, f.entry)
			}
		}
		t.fields = append(t.fields, f)
		form.Add(container.NewVBox(f.label, f.box))
	}
	t.check = widget.NewButtonWithIcon("", theme.SearchIcon(), t.onCheck)
	t.check.Importance = widget.HighImportance
	t.clear = widget.NewButton("", t.onClear)
	t.problem = newNoticeLabel()
	t.results = container.NewVBox()
	left := container.NewBorder(nil, container.NewPadded(container.NewHBox(t.clear, t.check)), nil, nil,
		container.NewVScroll(container.NewPadded(form)))
	right := container.NewVScroll(container.NewPadded(container.NewVBox(t.problem.label, t.results)))
	split := container.NewHSplit(left, right)
	split.Offset = 0.5
	t.content = split
	return t
}

func (t *offerTab) view() fyne.CanvasObject { return t.content }

func (t *offerTab) translate() {
	tr := t.tr()
	t.intro.SetText(tr.T("casework.offer.intro"))
	yesNo := []string{tr.T("interview.yes"), tr.T("interview.no")}
	sectors := sectorLabels(tr) // the offer's sector ids are the profile's (jobs.Sectors)
	for _, f := range t.fields {
		f.label.SetText(tr.T("casework.offer.q." + f.name))
		switch {
		case f.radio != nil:
			i := indexOf(f.radio.Options, f.radio.Selected)
			f.radio.Options = yesNo
			f.radio.Selected = ""
			if i >= 0 {
				f.radio.Selected = yesNo[i]
			}
			f.radio.Refresh()
		case f.sel != nil:
			relabelSelect(f.sel, sectors, tr.T("casework.offer.not_known"))
		case f.kind == "date":
			f.entry.SetPlaceHolder(tr.T("casework.offer.date_hint", map[string]any{"Date": t.today().Format(time.DateOnly)}))
		default:
			f.entry.SetPlaceHolder(tr.T("casework.offer.not_known"))
		}
	}
	t.check.SetText(tr.T("casework.offer.check"))
	t.clear.SetText(tr.T("casework.offer.clear"))
	t.problem.translate(tr)
	t.showResult()
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s && s != "" {
			return i
		}
	}
	return -1
}

// offerJSON reads the form into the offer contract's JSON, reading typed numbers the way the
// interview does; what was left empty is left out, as not known.
func (t *offerTab) offerJSON() ([]byte, error) {
	obj := map[string]json.RawMessage{}
	for _, f := range t.fields {
		switch {
		case f.radio != nil:
			if i := indexOf(f.radio.Options, f.radio.Selected); i >= 0 {
				obj[f.name] = json.RawMessage(strconv.FormatBool(i == 0))
			}
		case f.sel != nil:
			if i := f.sel.SelectedIndex(); i >= 0 {
				obj[f.name] = json.RawMessage(strconv.Quote(offer.Sectors()[i]))
			}
		default:
			text := strings.TrimSpace(f.entry.Text)
			if text == "" {
				continue
			}
			if f.kind == "date" {
				obj[f.name] = json.RawMessage(strconv.Quote(text))
				continue
			}
			spec := eligibility.FactSpec{Name: f.name, Kind: eligibility.WantNumber, Max: eligibility.MaxAmount}
			if f.kind == "age" {
				spec = eligibility.FactSpec{Name: f.name, Kind: eligibility.WantWholeNumber, Max: eligibility.MaxAge}
			}
			v, err := interview.ParseText(spec, text)
			if err != nil {
				return nil, err
			}
			obj[f.name] = v
		}
	}
	return json.Marshal(obj)
}

func (t *offerTab) onCheck() {
	t.onUse()
	data, err := t.offerJSON()
	var o offer.Offer
	if err == nil {
		o, err = offer.Decode(data)
	}
	if err != nil {
		t.result = nil
		t.problem.set(t.tr(), notice{id: "casework.offer.invalid", data: map[string]any{
			"Field": t.tr().T("offer.field." + fieldOf(err)), "Problem": answerProblemText(t.tr(), err)}})
		t.showResult()
		return
	}
	r := offer.Check(o, t.today())
	t.result = &r
	t.problem.set(t.tr(), notice{})
	t.showResult()
}

// fieldOf is the offer field a decoding error names.
func fieldOf(err error) string {
	var fe *eligibility.FieldError
	if !errors.As(err, &fe) {
		return ""
	}
	name, _, _ := strings.Cut(fe.Field, "[")
	return name
}

func (t *offerTab) onClear() {
	t.onUse()
	for _, f := range t.fields {
		switch {
		case f.radio != nil:
			f.radio.SetSelected("")
		case f.sel != nil:
			f.sel.ClearSelected()
		default:
			f.entry.SetText("")
		}
	}
	t.result = nil
	t.problem.set(t.tr(), notice{})
	t.showResult()
}

// showResult draws the last check in the current language.
func (t *offerTab) showResult() {
	t.results.Objects = nil
	defer t.results.Refresh()
	if t.result == nil {
		return
	}
	tr := t.tr()
	r := *t.result
	r.Flags = append([]offer.Flag(nil), r.Flags...)
	r.Localize(tr)
	head := heading()
	head.SetText(tr.T("cli.offer.heading", map[string]any{"Date": r.Date}))
	t.results.Add(head)
	pay := paragraph()
	pay.TextStyle = fyne.TextStyle{Bold: true}
	if r.EffectiveHourlyPay != nil {
		pay.SetText(tr.T("cli.offer.effective", map[string]any{"Pay": interview.Money(*r.EffectiveHourlyPay)}))
	} else {
		pay.SetText(tr.T("cli.offer.effective_unknown"))
	}
	minimum := paragraph()
	minimum.TextStyle = fyne.TextStyle{Bold: true}
	if r.MinimumHourlyPay != nil {
		minimum.SetText(tr.T("cli.offer.minimum", map[string]any{"Pay": interview.Money(*r.MinimumHourlyPay)}))
	} else {
		minimum.SetText(tr.T("cli.offer.minimum_unknown"))
	}
	t.results.Add(pay)
	t.results.Add(minimum)
	if len(r.Flags) == 0 {
		none := paragraph()
		none.SetText(tr.T("cli.offer.no_flags"))
		t.results.Add(none)
	}
	for _, f := range r.Flags {
		sev := widget.NewLabel(tr.T("offer.severity." + string(f.Severity)))
		sev.TextStyle = fyne.TextStyle{Bold: true}
		sev.Importance = map[offer.Severity]widget.Importance{
			"high": widget.DangerImportance, "medium": widget.WarningImportance}[f.Severity]
		parts := []fyne.CanvasObject{sev}
		text := paragraph()
		text.SetText(f.Text)
		parts = append(parts, text)
		if f.ILOIndicator != "" {
			ilo := paragraph()
			ilo.SetText(tr.T("cli.offer.ilo", map[string]any{"Indicator": tr.T("offer.ilo." + string(f.ILOIndicator))}))
			parts = append(parts, ilo)
		}
		if link := sourceLink(tr, f.Source); link != nil {
			parts = append(parts, link)
		}
		parts = append(parts, widget.NewSeparator())
		t.results.Add(container.NewVBox(parts...))
	}
}
