package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"waymark/locales"
	"waymark/storage"
)

// caseForm is the New case dialog: reference, the survivor's name (optional) and the survivor's
// language. It stays open while the case is saved off the UI goroutine, so a refusal (a
// reference already in use) is shown beside what was typed, and closes only once the case is in
// the vault and the list.
type caseForm struct {
	u     *ui
	list  *casesScreen
	epoch int

	dlg       dialog.Dialog
	refLabel  *widget.Label
	reference *inputEntry
	nameLabel *widget.Label
	name      *inputEntry
	nameHint  *widget.Label
	langLabel *widget.Label
	language  *widget.Select
	langCodes []string
	problem   *noticeLabel
	progress  *working
	cancel    *widget.Button
	save      *widget.Button
	busy      bool
}

func newCaseForm(u *ui, list *casesScreen) *caseForm {
	f := &caseForm{u: u, list: list, epoch: u.epoch}
	f.refLabel = fieldLabel()
	f.reference = newInputEntry(u.onInput)
	f.reference.OnSubmitted = func(string) { u.win.Canvas().Focus(f.name) }
	f.nameLabel = fieldLabel()
	f.name = newInputEntry(u.onInput)
	f.name.OnSubmitted = func(string) { f.onSave() }
	f.nameHint = paragraph()
	f.langLabel = fieldLabel()
	var names []string
	for _, l := range locales.Shipped() {
		f.langCodes = append(f.langCodes, l.Code)
		names = append(names, l.Native)
	}
	f.language = widget.NewSelect(names, func(string) { u.onInput() })
	f.problem = newNoticeLabel()
	f.progress = newWorking()
	f.cancel = widget.NewButton("", f.onCancel)
	f.save = widget.NewButton("", f.onSave)
	f.save.Importance = widget.HighImportance

	form := container.NewVBox(
		f.refLabel, f.reference,
		f.nameLabel, f.name, f.nameHint,
		f.langLabel, f.language,
		f.problem.label, f.progress.box,
	)
	d := dialog.NewCustomWithoutButtons(u.tr.T("app.newcase.title"), newInputWatch(form, u.onInput), u.win)
	d.SetButtons([]fyne.CanvasObject{f.cancel, f.save})
	f.dlg = d
	f.translate()
	return f
}

// open shows the dialog with the keyboard in the reference field.
func (f *caseForm) open() {
	f.dlg.SetOnClosed(func() {
		if f.list.form == f {
			f.list.form = nil
		}
	})
	f.u.openDialog(f.dlg)
	f.dlg.Resize(fyne.NewSize(pageWidth, f.dlg.MinSize().Height))
	f.u.win.Canvas().Focus(f.reference)
}

func (f *caseForm) translate() {
	tr := f.u.tr
	f.refLabel.SetText(tr.T("app.newcase.reference"))
	f.nameLabel.SetText(tr.T("app.newcase.name"))
	f.nameHint.SetText(tr.T("app.newcase.name_hint"))
	f.langLabel.SetText(tr.T("app.newcase.language"))
	f.language.PlaceHolder = tr.T("app.newcase.language_placeholder")
	f.language.Refresh()
	f.problem.translate(tr)
	f.cancel.SetText(tr.T("app.newcase.cancel"))
	f.save.SetText(tr.T("app.newcase.save"))
}

func (f *caseForm) onCancel() {
	if f.busy {
		return
	}
	f.dlg.Hide()
}

// onSave creates the case and re-reads the list off the UI goroutine, so the new case shows in
// the place storage sorts it to.
func (f *caseForm) onSave() {
	f.u.onInput()
	sess := f.u.session
	if f.busy || sess == nil {
		return
	}
	ref := strings.TrimSpace(f.reference.Text)
	idx := f.language.SelectedIndex()
	switch {
	case ref == "":
		f.problem.set(f.u.tr, notice{id: "app.newcase.need_reference"})
		f.u.win.Canvas().Focus(f.reference)
		return
	case idx < 0:
		f.problem.set(f.u.tr, notice{id: "app.newcase.need_language"})
		return
	}
	c := storage.Case{Reference: ref, Name: strings.TrimSpace(f.name.Text), Language: f.langCodes[idx]}
	f.setBusy(true)
	var (
		list           []storage.CaseSummary
		err, listError error
	)
	f.u.run(func() {
		if _, err = sess.CreateCase(c); err == nil {
			list, listError = sess.ListCases()
		}
	}, func() {
		f.onSaved(list, err, listError)
	})
}

func (f *caseForm) onSaved(list []storage.CaseSummary, err, listError error) {
	if f.u.epoch != f.epoch {
		return // locked meanwhile: the dialog is closed and the list gone
	}
	f.setBusy(false)
	if err != nil {
		logUnexpected("create case", err)
		f.problem.set(f.u.tr, notice{err: err})
		if errors.Is(err, storage.ErrDuplicateReference) {
			f.u.win.Canvas().Focus(f.reference)
		}
		return
	}
	f.dlg.Hide()
	f.list.showList(list, listError)
}

func (f *caseForm) setBusy(busy bool) {
	f.busy = busy
	for _, w := range []fyne.Disableable{f.reference, f.name, f.language, f.cancel, f.save} {
		if busy {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if busy {
		f.problem.set(f.u.tr, notice{})
		f.progress.start(f.u.tr.T("app.newcase.saving"))
		return
	}
	f.progress.stop()
}
