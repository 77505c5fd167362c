package app

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// setupScreen is the first run: it creates the organisation's vault with its first
// administrator, whose passphrase is typed twice and graded as it is typed.
type setupScreen struct {
	u *ui

	lang       *languagePicker
	title      *widget.Label
	intro      *widget.Label
	nameLabel  *widget.Label
	name       *inputEntry
	passLabel  *widget.Label
	pass       *inputEntry
	hint       *widget.Label
	strength   *strengthMeter
	againLabel *widget.Label
	again      *inputEntry
	mismatch   *widget.Label
	problem    *noticeLabel
	progress   *working
	create     *widget.Button
	busy       bool
}

func newSetupScreen(u *ui) *setupScreen {
	s := &setupScreen{u: u}
	s.lang = newLanguagePicker(u)
	s.title = heading()
	s.intro = paragraph()
	s.nameLabel = fieldLabel()
	s.name = newInputEntry(u.onInput)
	s.name.OnSubmitted = func(string) { u.win.Canvas().Focus(s.pass) }
	s.passLabel = fieldLabel()
	s.pass = newInputPassword(u.onInput)
	s.pass.OnChanged = s.onPassChanged
	s.pass.OnSubmitted = func(string) { u.win.Canvas().Focus(s.again) }
	s.hint = paragraph()
	s.strength = newStrengthMeter()
	s.againLabel = fieldLabel()
	s.again = newInputPassword(u.onInput)
	s.again.OnChanged = func(string) { s.onPassChanged(s.pass.Text) }
	s.again.OnSubmitted = func(string) { s.onCreate() }
	s.mismatch = paragraph()
	s.mismatch.Importance = widget.WarningImportance
	s.mismatch.Hide()
	s.problem = newNoticeLabel()
	s.progress = newWorking()
	s.create = widget.NewButton("", s.onCreate)
	s.create.Importance = widget.HighImportance
	return s
}

func (s *setupScreen) view() fyne.CanvasObject {
	return page(
		s.lang.view(),
		s.title, s.intro,
		s.nameLabel, s.name,
		s.passLabel, s.pass, s.strength, s.hint,
		s.againLabel, s.again, s.mismatch,
		s.problem.label, s.progress.box,
		rightAligned(s.create),
	)
}

func (s *setupScreen) focus() fyne.Focusable { return s.name }

func (s *setupScreen) leave() {
	s.pass.SetText("")
	s.again.SetText("")
}

func (s *setupScreen) translate() {
	tr := s.u.tr
	s.lang.translate()
	s.title.SetText(tr.T("app.setup.title"))
	s.intro.SetText(tr.T("app.setup.intro"))
	s.nameLabel.SetText(tr.T("app.setup.name"))
	s.name.SetPlaceHolder(tr.T("app.setup.name_placeholder"))
	s.passLabel.SetText(tr.T("app.setup.passphrase"))
	s.hint.SetText(tr.N("app.setup.passphrase_hint", storage.MinPassphraseLen))
	s.againLabel.SetText(tr.T("app.setup.again"))
	s.mismatch.SetText(tr.T("app.setup.mismatch"))
	s.problem.translate(tr)
	s.create.SetText(tr.T("app.setup.create"))
	if s.busy {
		s.progress.start(tr.T("app.setup.creating"))
	}
	s.onPassChanged(s.pass.Text)
}

func strengthID(st storage.Strength) string {
	switch {
	case st <= 0:
		return "app.strength.very_weak"
	case st == 1:
		return "app.strength.weak"
	case st == 2:
		return "app.strength.fair"
	case st == 3:
		return "app.strength.good"
	}
	return "app.strength.strong"
}

// onPassChanged moves the meter and says, once the second copy is as long as the first, whether
// the two differ.
func (s *setupScreen) onPassChanged(pass string) {
	st := storage.PassphraseStrength([]byte(pass))
	words := ""
	if pass != "" {
		words = s.u.tr.T(strengthID(st))
	}
	s.strength.set(pass == "", st, words)
	differ := s.again.Text != "" && utf8.RuneCountInString(s.again.Text) >= utf8.RuneCountInString(pass) && s.again.Text != pass
	if differ {
		s.mismatch.Show()
	} else {
		s.mismatch.Hide()
	}
}

// onCreate checks the form and creates the vault off the UI goroutine.
func (s *setupScreen) onCreate() {
	if s.busy {
		return
	}
	name := strings.TrimSpace(s.name.Text)
	switch {
	case name == "":
		s.refuse(notice{id: "app.setup.need_name"}, s.name)
		return
	case utf8.RuneCountInString(s.pass.Text) < storage.MinPassphraseLen:
		// storage.Create refuses it too; asking here answers at once, in the same words.
		s.refuse(notice{err: storage.ErrWeakPassphrase}, s.pass)
		return
	case s.pass.Text != s.again.Text:
		s.again.SetText("")
		s.refuse(notice{id: "app.setup.mismatch_retype"}, s.again)
		return
	}
	pass := []byte(s.pass.Text)
	s.setBusy(true)
	var (
		sess    *storage.Session
		key     string
		minutes int
		err     error
	)
	s.u.run(func() {
		sess, key, err = storage.Create(s.u.path, name, pass, s.u.opts)
		clear(pass)
		releaseMemory() // the calibration's and key derivation's working memory
		if err == nil {
			minutes = readIdleMinutes(sess)
		}
	}, func() {
		s.onCreated(sess, key, minutes, err)
	})
}

func (s *setupScreen) refuse(n notice, field fyne.Focusable) {
	s.problem.set(s.u.tr, n)
	s.u.win.Canvas().Focus(field)
}

func (s *setupScreen) onCreated(sess *storage.Session, key string, minutes int, err error) {
	s.setBusy(false)
	if err != nil {
		logUnexpected("create vault", err)
		s.problem.set(s.u.tr, notice{err: err})
		return
	}
	s.u.vault = sess.Vault()
	s.u.opened(sess, minutes)
	s.u.show(newRecoveryScreen(s.u, key))
}

func (s *setupScreen) setBusy(busy bool) {
	s.busy = busy
	for _, w := range []fyne.Disableable{s.name, s.pass, s.again, s.create, s.lang.choice} {
		if busy {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if busy {
		s.problem.set(s.u.tr, notice{})
		s.progress.start(s.u.tr.T("app.setup.creating"))
	} else {
		s.progress.stop()
	}
}

// readIdleMinutes is the vault's idle-lock setting, or the default when it cannot be read.
func readIdleMinutes(sess *storage.Session) int {
	n, err := sess.IdleLockMinutes()
	if err != nil {
		logUnexpected("read idle setting", err)
		return fallbackIdleMinutes
	}
	return n
}

// opened makes sess the window's session and starts the idle lock.
func (u *ui) opened(sess *storage.Session, minutes int) {
	u.session = sess
	u.idle.Start(idleMinutes(minutes))
}
