package app

import (
	"bytes"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/locales"
	"waymark/storage"
)

// subjectData is the Overview's "The person's data" part, for requests under data-protection
// law: export everything the vault holds about the person, as JSON and as a readable PDF they
// can be given (subjectdata_words.go words it), and erase the case on request, after typing its
// reference to confirm.
type subjectData struct {
	s        *caseScreen
	head     *widget.Label
	intro    *widget.Label
	export   *widget.Button
	pdf      *widget.Button
	erase    *widget.Button
	problem  *noticeLabel
	progress *working
	box      *fyne.Container
	confirm  *inputEntry // the reference typed to confirm erasing, while the dialog is open
	busy     bool        // a PDF is being made
}

func newSubjectData(s *caseScreen) *subjectData {
	d := &subjectData{s: s, head: heading(), intro: paragraph(), problem: newNoticeLabel(), progress: newWorking()}
	d.export = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), d.onExport)
	d.pdf = widget.NewButtonWithIcon("", theme.DocumentIcon(), d.onExportPDF)
	d.erase = widget.NewButtonWithIcon("", theme.DeleteIcon(), d.onErase)
	d.erase.Importance = widget.DangerImportance
	// What happened is said above the buttons, where the eye is after pressing one, so it is
	// seen even when the Overview is scrolled to its end.
	d.box = container.NewVBox(d.head, d.intro, d.progress.box, d.problem.label, container.NewHBox(d.export, d.pdf, d.erase))
	return d
}

func (d *subjectData) translate() {
	tr := d.s.u.tr
	d.head.SetText(tr.T("casework.subject.title"))
	d.intro.SetText(tr.T("casework.subject.intro"))
	d.export.SetText(tr.T("casework.subject.export"))
	d.pdf.SetText(tr.T("reports.subject.export_pdf"))
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

// onExportPDF asks where to save the PDF.
func (d *subjectData) onExportPDF() {
	u := d.s.u
	u.onInput()
	if u.session == nil || d.s.iv == nil || d.busy {
		return
	}
	fd := dialog.NewFileSave(d.onChosenPDF, u.win)
	fd.SetFileName(u.tr.T("reports.subject.pdf_file_name"))
	fd.SetFilter(fynestorage.NewExtensionFileFilter([]string{".pdf"}))
	u.openDialog(fd)
}

func (d *subjectData) onChosenPDF(w fyne.URIWriteCloser, err error) {
	if err != nil {
		logUnexpected("choose where to save the case as PDF", err)
		d.problem.set(d.s.u.tr, notice{err: err})
		return
	}
	if w != nil {
		d.writePDF(w)
	}
}

// writePDF makes the PDF off the UI goroutine, in the adviser's interface language, and saves
// it atomically like the JSON. It reads the case through the same export as the JSON, so it
// holds the same data and is audited the same way: an opening and an export of the case.
func (d *subjectData) writePDF(w fyne.URIWriteCloser) {
	u, sess, id, epoch := d.s.u, d.s.u.session, d.s.id, d.s.epoch
	tr, now := u.tr, u.now()
	uri := w.URI()
	d.busy = true
	d.pdf.Disable()
	d.problem.set(tr, notice{})
	d.progress.start(tr.T("reports.subject.pdf_saving"))
	var err error
	u.run(func() {
		err = saveTo(w, func(out io.Writer) error { return writeSubjectPDF(out, sess, id, tr, now) })
	}, func() {
		if u.epoch != epoch {
			return
		}
		d.busy = false
		d.pdf.Enable()
		d.progress.stop()
		if err != nil {
			logUnexpected("export case as PDF", err)
			d.problem.set(u.tr, notice{err: err})
			return
		}
		d.problem.set(u.tr, notice{id: "reports.subject.pdf_saved", data: map[string]any{"File": uri.Name()}, info: true})
	})
}

// writeSubjectPDF exports the case as JSON, the source of truth, and lays that out as the
// person's PDF. The JSON is wiped from memory afterwards, as far as Go allows.
func writeSubjectPDF(out io.Writer, sess *storage.Session, id string, tr *locales.Translator, now time.Time) error {
	var buf bytes.Buffer
	defer func() { b := buf.Bytes(); clear(b[:cap(b)]) }()
	if err := sess.ExportCase(id, &buf); err != nil {
		return err
	}
	report, err := subjectReport(tr, buf.Bytes(), now)
	if err != nil {
		return err
	}
	return report.Write(out)
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
