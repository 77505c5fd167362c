package app

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/locales"
	"waymark/storage"
)

// overviewTab is the case's own details: the name and language, consent to keep the person's
// information (with the day it was recorded), how to reach them safely (each way marked safe
// or not, a code word, contact notes), and the advisers' dated notes. The details are saved
// with Save; a note is saved as soon as it is added.
type overviewTab struct {
	s *caseScreen

	nameLabel, langLabel, consentHead, contactHead, notesHead *widget.Label
	name                                                      *inputEntry
	language                                                  *widget.Select
	langCodes                                                 []string
	consent                                                   *widget.Check
	consentDate                                               *widget.Label
	phone, email, codeWord, contactNotes                      *inputEntry
	address                                                   *widget.Entry
	phoneLabel, emailLabel, addressLabel, codeLabel, cNotesLb *widget.Label
	safePhone, safeText, safePost, safeEmail                  *widget.Check
	unsafe                                                    *widget.Label
	noteList                                                  *fyne.Container
	newNote                                                   *widget.Entry
	addNote                                                   *widget.Button
	dates                                                     *keyDatesForm
	subject                                                   *subjectData
	save                                                      *widget.Button
	problem                                                   *noticeLabel
	content                                                   fyne.CanvasObject
}

func newOverviewTab(s *caseScreen) *overviewTab {
	use := s.u.onInput
	t := &overviewTab{s: s}
	t.nameLabel, t.langLabel = fieldLabel(), fieldLabel()
	t.consentHead, t.contactHead, t.notesHead = heading(), heading(), heading()
	t.name = newInputEntry(use)
	var names []string
	for _, l := range locales.Shipped() {
		t.langCodes = append(t.langCodes, l.Code)
		names = append(names, l.Native)
	}
	t.language = widget.NewSelect(names, func(string) { use() })
	t.consent = widget.NewCheck("", t.onConsent)
	t.consentDate = paragraph()
	t.phone, t.email, t.codeWord, t.contactNotes = newInputEntry(use), newInputEntry(use), newInputEntry(use), newInputEntry(use)
	t.address = multiLine(use)
	t.phoneLabel, t.emailLabel, t.addressLabel, t.codeLabel, t.cNotesLb = fieldLabel(), fieldLabel(), fieldLabel(), fieldLabel(), fieldLabel()
	refresh := func(bool) { use(); t.showSafety() }
	t.safePhone, t.safeText = widget.NewCheck("", refresh), widget.NewCheck("", refresh)
	t.safePost, t.safeEmail = widget.NewCheck("", refresh), widget.NewCheck("", refresh)
	t.unsafe = paragraph()
	t.unsafe.Importance = widget.DangerImportance
	t.unsafe.TextStyle = fyne.TextStyle{Bold: true}
	t.noteList = container.NewVBox()
	t.newNote = multiLine(use)
	t.addNote = widget.NewButtonWithIcon("", theme.ContentAddIcon(), t.onAddNote)
	t.dates = newKeyDatesForm(s)
	t.subject = newSubjectData(s)
	t.save = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), t.onSave)
	t.save.Importance = widget.HighImportance
	t.problem = newNoticeLabel()
	form := container.NewVBox(
		t.nameLabel, t.name, t.langLabel, t.language,
		t.consentHead, t.consent, t.consentDate,
		t.dates.box,
		t.contactHead, t.unsafe,
		t.phoneLabel, t.phone, container.NewHBox(t.safePhone, t.safeText),
		t.emailLabel, t.email, t.safeEmail,
		t.addressLabel, t.address, t.safePost,
		t.codeLabel, t.codeWord, t.cNotesLb, t.contactNotes,
		widget.NewSeparator(),
		t.notesHead, t.noteList, t.newNote, leftAligned(t.addNote),
		widget.NewSeparator(),
		t.subject.box,
	)
	t.content = container.NewBorder(nil,
		container.NewPadded(container.NewBorder(nil, nil, nil, t.save, t.problem.label)),
		nil, nil, container.NewVScroll(container.NewPadded(form)))
	return t
}

func (t *overviewTab) view() fyne.CanvasObject { return t.content }

// show puts the case's details in the form.
func (t *overviewTab) show(c storage.Case) {
	t.name.SetText(c.Name)
	t.language.SetSelectedIndex(slices.Index(t.langCodes, c.Language))
	t.consent.Checked = c.Consent.Given
	t.consent.Refresh()
	ct := c.Contact
	t.phone.SetText(ct.Phone)
	t.email.SetText(ct.Email)
	t.address.SetText(ct.Address)
	t.codeWord.SetText(ct.CodeWord)
	t.contactNotes.SetText(ct.Notes)
	t.safePhone.SetChecked(ct.SafePhone)
	t.safeText.SetChecked(ct.SafeText)
	t.safePost.SetChecked(ct.SafePost)
	t.safeEmail.SetChecked(ct.SafeEmail)
	t.dates.show(c.KeyDates)
}

func (t *overviewTab) translate() {
	tr := t.s.u.tr
	t.nameLabel.SetText(tr.T("casework.overview.name"))
	t.langLabel.SetText(tr.T("casework.overview.language"))
	t.consentHead.SetText(tr.T("casework.overview.consent"))
	t.consent.SetText(tr.T("casework.overview.consent_given"))
	t.contactHead.SetText(tr.T("casework.overview.contact"))
	t.phoneLabel.SetText(tr.T("casework.overview.phone"))
	t.emailLabel.SetText(tr.T("casework.overview.email"))
	t.addressLabel.SetText(tr.T("casework.overview.address"))
	t.codeLabel.SetText(tr.T("casework.overview.code_word"))
	t.cNotesLb.SetText(tr.T("casework.overview.contact_notes"))
	t.safePhone.SetText(tr.T("casework.overview.safe_phone"))
	t.safeText.SetText(tr.T("casework.overview.safe_text"))
	t.safePost.SetText(tr.T("casework.overview.safe_post"))
	t.safeEmail.SetText(tr.T("casework.overview.safe_email"))
	t.notesHead.SetText(tr.T("casework.overview.notes"))
	t.addNote.SetText(tr.T("casework.overview.add_note"))
	t.save.SetText(tr.T("casework.overview.save"))
	t.problem.translate(tr)
	t.dates.translate()
	t.subject.translate()
	t.showConsent()
	t.showSafety()
	t.showNotes()
}

func (t *overviewTab) showConsent() {
	c := t.s.c.Consent
	switch {
	case c.Given && c.Date != "":
		t.consentDate.SetText(t.s.u.tr.T("casework.overview.consent_on", map[string]any{"Date": c.Date}))
	case c.Given:
		t.consentDate.SetText("")
	default:
		t.consentDate.SetText(t.s.u.tr.T("casework.overview.consent_none"))
	}
}

// showSafety warns, above the contact details, of every way that is not safe to use.
func (t *overviewTab) showSafety() {
	tr := t.s.u.tr
	var unsafe []string
	for _, w := range []struct {
		check *widget.Check
		id    string
	}{{t.safePhone, "phone"}, {t.safeText, "text"}, {t.safeEmail, "email"}, {t.safePost, "post"}} {
		if !w.check.Checked {
			unsafe = append(unsafe, tr.T("casework.overview.way."+w.id))
		}
	}
	if len(unsafe) == 0 {
		t.unsafe.Hide()
		return
	}
	t.unsafe.SetText(tr.T("casework.overview.unsafe", map[string]any{"Ways": strings.Join(unsafe, ", ")}))
	t.unsafe.Show()
}

func (t *overviewTab) showNotes() {
	tr := t.s.u.tr
	t.noteList.Objects = nil
	if len(t.s.c.Notes) == 0 {
		l := paragraph()
		l.SetText(tr.T("casework.overview.no_notes"))
		t.noteList.Add(l)
	}
	for i := len(t.s.c.Notes) - 1; i >= 0; i-- { // newest first
		n := t.s.c.Notes[i]
		head := widget.NewLabel(tr.T("casework.overview.note_by", map[string]any{"Date": n.Date, "Adviser": n.Adviser}))
		head.TextStyle = fyne.TextStyle{Bold: true}
		text := paragraph()
		text.SetText(n.Text)
		t.noteList.Add(container.NewVBox(head, text))
	}
	t.noteList.Refresh()
}

// onConsent records the day consent is given, and forgets it when it is withdrawn.
func (t *overviewTab) onConsent(given bool) {
	t.s.u.onInput()
	if given {
		t.s.c.Consent = storage.Consent{Given: true, Date: t.s.u.now().Format(time.DateOnly)}
	} else {
		t.s.c.Consent = storage.Consent{}
	}
	t.showConsent()
	t.s.saveCase()
}

// onSave saves the name, language, key dates and contact details.
func (t *overviewTab) onSave() {
	t.s.u.onInput()
	dates := t.dates.value()
	if err := dates.Validate(); err != nil {
		t.problem.set(t.s.u.tr, notice{id: "casework.dates.invalid"})
		return
	}
	c := &t.s.c
	c.KeyDates = dates
	c.Name = strings.TrimSpace(t.name.Text)
	if i := t.language.SelectedIndex(); i >= 0 {
		c.Language = t.langCodes[i]
	}
	c.Contact = storage.Contact{
		Phone: strings.TrimSpace(t.phone.Text), Email: strings.TrimSpace(t.email.Text),
		Address: strings.TrimSpace(t.address.Text), CodeWord: strings.TrimSpace(t.codeWord.Text),
		Notes:     strings.TrimSpace(t.contactNotes.Text),
		SafePhone: t.safePhone.Checked, SafeText: t.safeText.Checked,
		SafePost: t.safePost.Checked, SafeEmail: t.safeEmail.Checked,
	}
	t.problem.set(t.s.u.tr, notice{id: "casework.overview.saved", info: true})
	t.s.saveCase()
	t.s.translate() // the title line shows the language
}

func (t *overviewTab) onAddNote() {
	t.s.u.onInput()
	text := strings.TrimSpace(t.newNote.Text)
	if text == "" {
		t.problem.set(t.s.u.tr, notice{id: "casework.overview.need_note"})
		return
	}
	adviser := ""
	if sess := t.s.u.session; sess != nil {
		adviser = sess.Adviser().Name
	}
	t.s.c.Notes = append(slices.Clone(t.s.c.Notes), storage.Note{
		Date: t.s.u.now().Format(time.DateOnly), Adviser: adviser, Text: text})
	t.newNote.SetText("")
	t.problem.set(t.s.u.tr, notice{})
	t.showNotes()
	t.s.saveCase()
}
