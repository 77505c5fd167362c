package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// unlockScreen opens the vault for one adviser: choose a name, type the passphrase, press Enter.
// The key is derived off the UI goroutine (about half a second by design) with a spinner, and a
// wrong passphrase is said plainly and cleared so the next try starts clean.
type unlockScreen struct {
	u *ui

	lang         *languagePicker
	title        *widget.Label
	locked       *noticeLabel // why the vault was locked, after an idle lock
	adviserLabel *widget.Label
	adviser      *widget.Select
	passLabel    *widget.Label
	pass         *inputEntry
	problem      *noticeLabel
	progress     *working
	unlock       *widget.Button
	loaded       bool // the adviser list has come back from the vault
	busy         bool
}

func newUnlockScreen(u *ui) *unlockScreen {
	s := &unlockScreen{u: u}
	s.lang = newLanguagePicker(u)
	s.title = heading()
	s.locked = newNoticeLabel()
	s.adviserLabel = fieldLabel()
	s.adviser = widget.NewSelect(nil, s.onAdviserChosen)
	s.adviser.Disable()
	s.passLabel = fieldLabel()
	s.pass = newInputPassword(u.onInput)
	s.pass.OnSubmitted = func(string) { s.onUnlock() }
	s.problem = newNoticeLabel()
	s.progress = newWorking()
	s.unlock = widget.NewButton("", s.onUnlock)
	s.unlock.Importance = widget.HighImportance
	s.loadAdvisers()
	return s
}

func (s *unlockScreen) view() fyne.CanvasObject {
	return page(
		s.lang.view(),
		s.title, s.locked.label,
		s.adviserLabel, s.adviser,
		s.passLabel, s.pass,
		s.problem.label, s.progress.box,
		rightAligned(s.unlock),
	)
}

func (s *unlockScreen) focus() fyne.Focusable { return s.pass }
func (s *unlockScreen) leave()                { s.pass.SetText("") }

func (s *unlockScreen) translate() {
	tr := s.u.tr
	s.lang.translate()
	s.title.SetText(tr.T("app.unlock.title"))
	s.locked.translate(tr)
	s.adviserLabel.SetText(tr.T("app.unlock.adviser"))
	s.adviser.PlaceHolder = tr.T("app.unlock.adviser_placeholder")
	s.adviser.Refresh()
	s.passLabel.SetText(tr.T("app.unlock.passphrase"))
	s.problem.translate(tr)
	s.unlock.SetText(tr.T("app.unlock.unlock"))
	if s.busy {
		s.progress.start(tr.T("app.unlock.working"))
	}
}

// lockedAfter says on the screen that the vault locked itself after limit without input, so an
// adviser coming back knows why the case they had open is gone.
func (s *unlockScreen) lockedAfter(limit time.Duration) {
	s.locked.set(s.u.tr, notice{
		id:     "app.unlock.idle_locked",
		plural: true,
		count:  int(limit / time.Minute),
		info:   true,
	})
}

// loadAdvisers fills the adviser list from the vault off the UI goroutine; with one adviser,
// that name is chosen already.
func (s *unlockScreen) loadAdvisers() {
	v := s.u.vault
	if v == nil {
		return
	}
	var (
		list []storage.Adviser
		err  error
	)
	s.u.run(func() {
		list, err = v.Advisers()
	}, func() {
		s.loaded = true
		if err != nil {
			logUnexpected("list advisers", err)
			s.problem.set(s.u.tr, notice{err: err})
			return
		}
		names := make([]string, len(list))
		for i, a := range list {
			names[i] = a.Name
		}
		s.adviser.SetOptions(names)
		s.adviser.Enable()
		if len(names) == 1 {
			s.adviser.SetSelectedIndex(0)
		}
		if s.u.current == s {
			s.u.win.Canvas().Focus(s.pass)
		}
	})
}

// onAdviserChosen moves on to the passphrase.
func (s *unlockScreen) onAdviserChosen(string) {
	if s.u.current == s {
		s.u.win.Canvas().Focus(s.pass)
	}
}

// onUnlock derives the key for the chosen adviser off the UI goroutine.
func (s *unlockScreen) onUnlock() {
	if s.busy || s.u.vault == nil {
		return
	}
	name := s.adviser.Selected
	switch {
	case name == "":
		s.problem.set(s.u.tr, notice{id: "app.unlock.need_adviser"})
		return
	case s.pass.Text == "":
		s.problem.set(s.u.tr, notice{id: "app.unlock.need_passphrase"})
		s.u.win.Canvas().Focus(s.pass)
		return
	}
	pass := []byte(s.pass.Text)
	v := s.u.vault
	s.setBusy(true)
	var (
		sess    *storage.Session
		minutes int
		err     error
	)
	s.u.run(func() {
		sess, err = v.Unlock(name, pass)
		clear(pass)
		releaseMemory() // the key derivation's working memory, refused or not
		if err == nil {
			minutes = readIdleMinutes(sess)
		}
	}, func() {
		s.onUnlocked(sess, minutes, err)
	})
}

func (s *unlockScreen) onUnlocked(sess *storage.Session, minutes int, err error) {
	s.setBusy(false)
	if s.u.current != s {
		// The window moved on while the key was derived; never leave a session open unseen.
		if sess != nil {
			sess.Lock()
		}
		return
	}
	if err != nil {
		logUnexpected("unlock", err)
		s.pass.SetText("")
		s.problem.set(s.u.tr, notice{err: err})
		s.u.win.Canvas().Focus(s.pass)
		return
	}
	s.u.opened(sess, minutes)
	s.u.show(newCasesScreen(s.u))
}

func (s *unlockScreen) setBusy(busy bool) {
	s.busy = busy
	for _, w := range []fyne.Disableable{s.pass, s.unlock, s.lang.choice} {
		if busy {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if busy {
		s.adviser.Disable()
		s.locked.set(s.u.tr, notice{})
		s.problem.set(s.u.tr, notice{})
		s.progress.start(s.u.tr.T("app.unlock.working"))
		return
	}
	if s.loaded {
		s.adviser.Enable()
	}
	s.progress.stop()
}
