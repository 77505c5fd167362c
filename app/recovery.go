package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/app/printout"
)

// recoveryScreen shows the recovery key once, right after the vault is made. The key lives only
// in this screen and its labels: never in a log, the preferences or the clipboard. Continue stays
// disabled until the adviser says the key is stored.
type recoveryScreen struct {
	u   *ui
	key string

	title    *widget.Label
	intro    *widget.Label
	keep     *widget.Label
	keyLines []*canvas.Text
	save     *widget.Button
	saved    *noticeLabel
	progress *working
	stored   *widget.Check
	cont     *widget.Button
	busy     bool
}

func newRecoveryScreen(u *ui, key string) *recoveryScreen {
	s := &recoveryScreen{u: u, key: key}
	s.title = heading()
	s.intro = paragraph()
	s.keep = paragraph()
	s.keep.TextStyle = fyne.TextStyle{Bold: true}
	for _, line := range printout.KeyLines(key, printout.KeyGroupsPerLine) {
		l := canvas.NewText(line, theme.Color(theme.ColorNameForeground))
		l.Alignment = fyne.TextAlignCenter
		l.TextSize = keyTextSize
		l.TextStyle = fyne.TextStyle{Monospace: true}
		s.keyLines = append(s.keyLines, l)
	}
	s.save = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), s.onSave)
	s.saved = newNoticeLabel()
	s.progress = newWorking()
	s.stored = widget.NewCheck("", s.onStored)
	s.cont = widget.NewButton("", s.onContinue)
	s.cont.Importance = widget.HighImportance
	s.cont.Disable()
	return s
}

// keyTextSize is the recovery key's type size: large enough to copy by hand without mistakes.
const keyTextSize float32 = 30

func (s *recoveryScreen) view() fyne.CanvasObject {
	keyBox := container.NewVBox()
	for _, l := range s.keyLines {
		keyBox.Add(l)
	}
	return page(
		s.title, s.intro,
		widget.NewCard("", "", keyBox),
		s.keep,
		container.NewHBox(s.save), s.saved.label, s.progress.box,
		widget.NewSeparator(),
		s.stored,
		rightAligned(s.cont),
	)
}

func (s *recoveryScreen) focus() fyne.Focusable { return s.stored }

// leave forgets the key, so nothing keeps it once the screen is gone.
func (s *recoveryScreen) leave() {
	s.key = ""
	for _, l := range s.keyLines {
		l.Text = ""
		l.Refresh()
	}
}

func (s *recoveryScreen) translate() {
	tr := s.u.tr
	s.title.SetText(tr.T("app.recovery.title"))
	s.intro.SetText(tr.T("app.recovery.intro"))
	s.keep.SetText(tr.T("app.recovery.keep"))
	s.save.SetText(tr.T("app.recovery.save"))
	s.saved.translate(tr)
	if s.busy {
		s.progress.start(tr.T("app.recovery.saving"))
	}
	s.stored.Text = tr.T("app.recovery.stored")
	s.stored.Refresh()
	s.cont.SetText(tr.T("app.recovery.continue"))
}

// sheet is the printed page, in the interface language.
func (s *recoveryScreen) sheet() printout.RecoverySheet {
	tr := s.u.tr
	now := s.u.now()
	return printout.RecoverySheet{
		Title: tr.T("app.sheet.title"),
		Paragraphs: []string{
			tr.T("app.sheet.what"),
			tr.T("app.sheet.once"),
			tr.T("app.sheet.keep"),
		},
		KeyLabel: tr.T("app.sheet.key"),
		Key:      s.key,
		WriteIns: []string{
			tr.T("app.sheet.organisation"),
			tr.T("app.sheet.laptop"),
			tr.T("app.sheet.stored_by"),
			tr.T("app.sheet.stored_where"),
		},
		Footer:  tr.T("app.sheet.footer", map[string]any{"Date": tr.Date(now)}),
		Created: now,
	}
}

// onSave asks where to save the sheet for printing, then writes the PDF off the UI goroutine.
func (s *recoveryScreen) onSave() {
	if s.busy || s.key == "" {
		return
	}
	d := dialog.NewFileSave(s.onSaveChosen, s.u.win)
	d.SetFileName(s.u.tr.T("app.recovery.file_name"))
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".pdf"}))
	s.u.openDialog(d)
}

func (s *recoveryScreen) onSaveChosen(w fyne.URIWriteCloser, err error) {
	if err != nil {
		logUnexpected("choose where to save the recovery sheet", err)
		s.saved.set(s.u.tr, notice{err: err})
		return
	}
	if w == nil {
		return // cancelled
	}
	s.write(w)
}

// write lays out the sheet and saves it where the dialog chose, off the UI goroutine (saveTo).
func (s *recoveryScreen) write(w fyne.URIWriteCloser) {
	sheet := s.sheet()
	name := w.URI().Name()
	s.setBusy(true)
	var err error
	s.u.run(func() {
		// A file on this laptop is written readable by this account only (the key must not
		// be readable by every account, as Fyne would create it), whole, then renamed.
		err = saveTo(w, sheet.Write)
	}, func() {
		s.setBusy(false)
		if err != nil {
			logUnexpected("save the recovery sheet", err)
			s.saved.set(s.u.tr, notice{err: err})
			return
		}
		s.saved.set(s.u.tr, notice{id: "app.recovery.saved", data: map[string]any{"File": name}, info: true})
	})
}

func (s *recoveryScreen) setBusy(busy bool) {
	s.busy = busy
	if busy {
		s.save.Disable()
		s.saved.set(s.u.tr, notice{})
		s.progress.start(s.u.tr.T("app.recovery.saving"))
		return
	}
	s.save.Enable()
	s.progress.stop()
}

// onStored enables Continue once the adviser confirms the key is stored.
func (s *recoveryScreen) onStored(stored bool) {
	if stored {
		s.cont.Enable()
	} else {
		s.cont.Disable()
	}
}

func (s *recoveryScreen) onContinue() {
	if !s.stored.Checked || s.u.session == nil {
		return
	}
	s.u.show(newCasesScreen(s.u))
}
