package app

import (
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"waymark/jobs/planpdf"
	"waymark/locales"
)

// printDialog asks how to print the plan (the survivor's language, the name on it, safe print,
// paper) and saves it as a PDF for printing. Safe print is on unless the adviser turns it off:
// a plan can end up where an exploiter sees it. The PDF is laid out completely before anything
// is written, written to a temporary file and renamed, and the print is recorded in the audit
// trail.
type printDialog struct {
	s *caseScreen

	dlg       dialog.Dialog
	langLabel *widget.Label
	language  *widget.Select
	langCodes []string
	nameLabel *widget.Label
	name      *inputEntry
	safe      *widget.Check
	safeHint  *widget.Label
	paper     *widget.RadioGroup
	problem   *noticeLabel
	progress  *working
	cancel    *widget.Button
	save      *widget.Button
	busy      bool
}

func newPrintDialog(s *caseScreen) *printDialog {
	u := s.u
	p := &printDialog{s: s}
	p.langLabel = fieldLabel()
	var names []string
	for _, l := range locales.Shipped() {
		p.langCodes = append(p.langCodes, l.Code)
		names = append(names, l.Native)
	}
	p.language = widget.NewSelect(names, func(string) { u.onInput() })
	p.language.SetSelectedIndex(max(0, indexOf(p.langCodes, s.c.Language)))
	p.nameLabel = fieldLabel()
	p.name = newInputEntry(u.onInput)
	p.name.SetText(givenName(s.c.Name))
	p.safe = widget.NewCheck("", func(bool) { u.onInput() })
	p.safe.SetChecked(true)
	p.safeHint = paragraph()
	p.paper = widget.NewRadioGroup([]string{string(planpdf.A4), string(planpdf.Letter)}, func(string) { u.onInput() })
	p.paper.Horizontal = true
	p.paper.Required = true
	p.paper.SetSelected(string(planpdf.A4))
	p.problem = newNoticeLabel()
	p.progress = newWorking()
	p.cancel = widget.NewButton("", func() {
		if !p.busy {
			p.dlg.Hide()
		}
	})
	p.save = widget.NewButton("", p.onSave)
	p.save.Importance = widget.HighImportance
	form := container.NewVBox(p.langLabel, p.language, p.nameLabel, p.name, p.safe, p.safeHint,
		p.paper, p.problem.label, p.progress.box)
	d := dialog.NewCustomWithoutButtons(u.tr.T("casework.print.title"), newInputWatch(form, u.onInput), u.win)
	d.SetButtons([]fyne.CanvasObject{p.cancel, p.save})
	p.dlg = d
	p.translate()
	return p
}

// givenName is the first word of a name, the part a safe print may show; the adviser can
// change it where a family name comes first.
func givenName(name string) string {
	if f := strings.Fields(name); len(f) > 0 {
		return f[0]
	}
	return ""
}

func (p *printDialog) open() {
	p.s.u.openDialog(p.dlg)
	p.dlg.Resize(fyne.NewSize(pageWidth, p.dlg.MinSize().Height))
}

func (p *printDialog) translate() {
	tr := p.s.u.tr
	p.langLabel.SetText(tr.T("casework.print.language"))
	p.nameLabel.SetText(tr.T("casework.print.name"))
	p.safe.SetText(tr.T("casework.print.safe"))
	p.safeHint.SetText(tr.T("casework.print.safe_hint"))
	p.problem.translate(tr)
	p.cancel.SetText(tr.T("common.cancel"))
	p.save.SetText(tr.T("casework.print.save"))
}

// input is what the plan is printed from: the case as it stands, with today's results.
func (p *printDialog) input() planpdf.Input {
	s := p.s
	in := planpdf.Input{
		Reference: s.c.Reference,
		GivenName: strings.TrimSpace(p.name.Text),
		FullName:  s.c.Name,
		Language:  p.langCodes[max(0, p.language.SelectedIndex())],
		Date:      s.u.now(),
		Review:    s.c.Review,
		Results:   s.iv.Results(),
		Steps:     s.c.Steps,
		Safe:      p.safe.Checked,
		Page:      planpdf.PageSize(p.paper.Selected),
	}
	if n := s.iv.Facts().Nation; n != nil {
		in.Nation = *n
	}
	return in
}

func (p *printDialog) onSave() {
	p.s.u.onInput()
	if p.busy {
		return
	}
	d := dialog.NewFileSave(p.onChosen, p.s.u.win)
	d.SetFileName(p.s.u.tr.T("casework.print.file_name"))
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".pdf"}))
	p.s.u.openDialog(d)
}

func (p *printDialog) onChosen(w fyne.URIWriteCloser, err error) {
	if err != nil {
		logUnexpected("choose where to save the plan", err)
		p.problem.set(p.s.u.tr, notice{err: err})
		return
	}
	if w == nil {
		return // cancelled
	}
	p.write(w)
}

// write lays the plan out and saves it off the UI goroutine. For a file on this laptop the
// PDF goes to a temporary file renamed over the one chosen; anything that fails half-way
// leaves no file behind.
func (p *printDialog) write(w fyne.URIWriteCloser) {
	u := p.s.u
	sess, id := u.session, p.s.id
	in := p.input()
	survivor, english := locales.New(in.Language), locales.New(locales.Source)
	uri := w.URI()
	epoch := p.s.epoch
	p.setBusy(true)
	var err error
	u.run(func() {
		err = saveTo(w, func(out io.Writer) error { return planpdf.Render(out, in, survivor, english) })
		if err != nil {
			return
		}
		if sess != nil {
			err = sess.RecordPrint(id)
		}
	}, func() {
		if u.epoch != epoch {
			return
		}
		p.setBusy(false)
		if err != nil {
			logUnexpected("save the plan", err)
			p.problem.set(u.tr, notice{err: err})
			return
		}
		p.problem.set(u.tr, notice{id: "casework.print.saved", data: map[string]any{"File": uri.Name()}, info: true})
	})
}

func (p *printDialog) setBusy(busy bool) {
	p.busy = busy
	for _, w := range []fyne.Disableable{p.language, p.name, p.safe, p.paper, p.cancel, p.save} {
		if busy {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if busy {
		p.problem.set(p.s.u.tr, notice{})
		p.progress.start(p.s.u.tr.T("casework.print.saving"))
		return
	}
	p.progress.stop()
}
