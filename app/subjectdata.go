package app

import (
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// subjectData is the Overview's "The person's data" part, for requests under data-protection
// law: export everything the vault holds about the person, as JSON they can be given, and
// erase the case on request, after typing its reference to confirm.
type subjectData struct {
	s       *caseScreen
	head    *widget.Label
	intro   *widget.Label
	export  *widget.Button
	erase   *widget.Button
	problem *noticeLabel
	box     *fyne.Container
	confirm *inputEntry // the reference typed to confirm erasing, while the dialog is open
}

func newSubjectData(s *caseScreen) *subjectData {
	d := &subjectData{s: s, head: heading(), intro: paragraph(), problem: newNoticeLabel()}
	d.export = widget.NewButton("", d.onExport)
	d.erase = widget.NewButton("", d.onErase)
	d.erase.Importance = widget.DangerImportance
	d.box = container.NewVBox(d.head, d.intro, container.NewHBox(d.export, d.erase), d.problem.label)
	return d
}

func (d *subjectData) translate() {
	tr := d.s.u.tr
	d.head.SetText(tr.T("casework.subject.title"))
	d.intro.SetText(tr.T("casework.subject.intro"))
	d.export.SetText(tr.T("casework.subject.export"))
	d.erase.SetText(tr.T("casework.subject.erase"))
	d.problem.translate(tr)
}

func (d *subjectData) onExport() {
	u := d.s.u
	u.onInput()
	if u.session == nil || d.s.iv == nil {
		return
	}
	fd := dialog.NewFileSave(d.onChosen, u.win)
	fd.SetFileName(u.tr.T("casework.subject.file_name"))
	fd.SetFilter(fynestorage.NewExtensionFileFilter([]string{".json"}))
	u.openDialog(fd)
}

func (d *subjectData) onChosen(w fyne.URIWriteCloser, err error) {
	if err != nil {
		logUnexpected("choose where to export the case", err)
		d.problem.set(d.s.u.tr, notice{err: err})
		return
	}
	if w != nil {
		d.write(w)
	}
}

// write exports off the UI goroutine, atomically for a file on this laptop.
func (d *subjectData) write(w fyne.URIWriteCloser) {
	u, sess, id, epoch := d.s.u, d.s.u.session, d.s.id, d.s.epoch
	uri := w.URI()
	var err error
	u.run(func() {
		err = saveTo(w, func(out io.Writer) error { return sess.ExportCase(id, out) })
	}, func() {
		if u.epoch != epoch {
			return
		}
		if err != nil {
			logUnexpected("export case", err)
			d.problem.set(u.tr, notice{err: err})
			return
		}
		d.problem.set(u.tr, notice{id: "casework.subject.exported", data: map[string]any{"File": uri.Name()}, info: true})
	})
}

// onErase asks the adviser to type the case reference before erasing it for good.
func (d *subjectData) onErase() {
	u := d.s.u
	u.onInput()
	if u.session == nil || d.s.iv == nil {
		return
	}
	text := paragraph()
	text.SetText(u.tr.T("casework.subject.erase_explain", map[string]any{"Reference": d.s.c.Reference}))
	d.confirm = newInputEntry(u.onInput)
	dl := dialog.NewCustomConfirm(u.tr.T("casework.subject.erase_title"), u.tr.T("casework.subject.erase_confirm"),
		u.tr.T("common.cancel"), container.NewVBox(text, d.confirm), d.onEraseConfirmed, u.win)
	u.openDialog(dl)
	dl.Resize(fyne.NewSize(pageWidth, dl.MinSize().Height))
}

// onEraseConfirmed erases the case when the reference typed matches, then shows the list.
func (d *subjectData) onEraseConfirmed(ok bool) {
	u := d.s.u
	if !ok || d.confirm == nil || u.session == nil {
		return
	}
	if strings.TrimSpace(d.confirm.Text) != d.s.c.Reference {
		d.problem.set(u.tr, notice{id: "casework.subject.erase_mismatch"})
		return
	}
	sess, id, epoch := u.session, d.s.id, d.s.epoch
	d.s.saver = nil // nothing more is saved for a case being erased
	var err error
	u.run(func() { err = sess.EraseCase(id) }, func() {
		if u.epoch != epoch {
			return
		}
		if err != nil {
			logUnexpected("erase case", err)
			d.problem.set(u.tr, notice{err: err})
			return
		}
		u.show(newCasesScreen(u))
	})
}
