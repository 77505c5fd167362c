package app

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// unlockScreen opens the vault for one adviser: choose a name, type the passphrase, press Enter.
// The key is derived off the UI goroutine (about half a second by design) with a spinner, and a
// wrong passphrase is said plainly and cleared so the next try starts clean.
//
// The same screen has the two other ways in. An adviser whose account waits for its first
// passphrase types the one-time code an administrator gave them and chooses a passphrase
// (invitation.go); and an administrator who has lost theirs opens the vault with the recovery
// key, landing on the Administration screen to issue a new code.
type unlockScreen struct {
	u *ui

	lang         *languagePicker
	title        *widget.Label
	locked       *noticeLabel // why the vault was locked (idle), or what a restore did
	toldErr      error        // the error a restore failed with, worded into locked in each language
	adviserLabel *widget.Label
	adviser      *widget.Select
	statuses     map[string]storage.AdviserStatus // the listed accounts' statuses, by name
	passLabel    *widget.Label
	pass         *inputEntry
	problem      *noticeLabel
	progress     *working
	unlock       *widget.Button
	forgot       *widget.Button
	invite       *invitationForm
	rescue       *recoveryForm
	mode         unlockMode
	loaded       bool // the adviser list has come back from the vault
	busy         bool
}

// unlockMode is the way in the screen offers.
type unlockMode int

const (
	modePassphrase unlockMode = iota // an active account's passphrase
	modeInvitation                   // an invited account's one-time code and a new passphrase
	modeRecovery                     // the vault's recovery key
)

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
	s.forgot = widget.NewButton("", s.onForgot)
	s.forgot.Importance = widget.LowImportance
	s.invite = newInvitationForm(s)
	s.rescue = newRecoveryForm(s)
	s.loadAdvisers()
	return s
}

func (s *unlockScreen) view() fyne.CanvasObject {
	parts := []fyne.CanvasObject{s.lang.view(), s.title, s.locked.label}
	switch s.mode {
	case modeRecovery:
		parts = append(parts, s.rescue.view()...)
		parts = append(parts, s.problem.label, s.progress.box, rightAligned(s.rescue.back, s.rescue.open))
	case modeInvitation:
		parts = append(parts, s.adviserLabel, s.adviser)
		parts = append(parts, s.invite.view()...)
		parts = append(parts, s.problem.label, s.progress.box, rightAligned(s.forgot, s.invite.accept))
	default:
		parts = append(parts, s.adviserLabel, s.adviser, s.passLabel, s.pass,
			s.problem.label, s.progress.box, rightAligned(s.forgot, s.unlock))
	}
	return page(parts...)
}

func (s *unlockScreen) focus() fyne.Focusable {
	switch s.mode {
	case modeRecovery:
		return s.rescue.key
	case modeInvitation:
		return s.invite.code
	}
	return s.pass
}

func (s *unlockScreen) leave() {
	s.pass.SetText("")
	s.invite.clear()
	s.rescue.clear()
}

func (s *unlockScreen) translate() {
	tr := s.u.tr
	s.lang.translate()
	s.title.SetText(tr.T("app.unlock.title"))
	if s.toldErr != nil {
		s.locked.set(tr, notice{id: s.locked.n.id, data: map[string]any{"Problem": adminNotice(s.toldErr).text(tr)}})
	} else {
		s.locked.translate(tr)
	}
	s.adviserLabel.SetText(tr.T("app.unlock.adviser"))
	s.adviser.PlaceHolder = tr.T("app.unlock.adviser_placeholder")
	s.adviser.Refresh()
	s.passLabel.SetText(tr.T("app.unlock.passphrase"))
	s.problem.translate(tr)
	s.unlock.SetText(tr.T("app.unlock.unlock"))
	s.forgot.SetText(tr.T("admin.unlock.forgot"))
	s.invite.translate()
	s.rescue.translate()
	if s.busy {
		s.progress.start(tr.T(s.workingID()))
	}
}

// workingID is the sentence shown while the way in chosen is being tried.
func (s *unlockScreen) workingID() string {
	switch s.mode {
	case modeInvitation:
		return "admin.unlock.setting"
	case modeRecovery:
		return "admin.unlock.opening_recovery"
	}
	return "app.unlock.working"
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

// tell shows n above the form: what a restore did. err, when not nil, is worded into n's
// {{.Problem}} in each language.
func (s *unlockScreen) tell(n notice, err error) {
	s.toldErr = err
	if err != nil {
		n.data = map[string]any{"Problem": adminNotice(err).text(s.u.tr)}
	}
	s.locked.set(s.u.tr, n)
}

// loadAdvisers fills the adviser list from the vault off the UI goroutine: the accounts that
// can be opened, by passphrase or by one-time code, and not the disabled ones. With one such
// account, that name is chosen already.
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
		var names []string
		s.statuses = make(map[string]storage.AdviserStatus, len(list))
		for _, a := range list {
			if a.Status == storage.AdviserDisabled {
				continue
			}
			names = append(names, a.Name)
			s.statuses[a.Name] = a.Status
		}
		s.adviser.SetOptions(names)
		if !s.busy {
			s.adviser.Enable()
		}
		if len(names) == 1 {
			s.adviser.SetSelectedIndex(0)
		}
		if s.u.current == s {
			s.u.win.Canvas().Focus(s.focus())
		}
	})
}

// onAdviserChosen offers the chosen account's way in: the one-time code for an account that
// waits for its first passphrase, else the passphrase.
func (s *unlockScreen) onAdviserChosen(name string) {
	mode := modePassphrase
	if s.statuses[name] == storage.AdviserInvited {
		mode = modeInvitation
	}
	s.setMode(mode)
}

// setMode switches the way in, clearing what was typed for the other one.
func (s *unlockScreen) setMode(mode unlockMode) {
	if mode != s.mode {
		s.mode = mode
		s.problem.set(s.u.tr, notice{})
		s.pass.SetText("")
		s.invite.clear()
		s.rescue.clear()
		if s.u.current == s {
			s.u.redraw()
		}
		return
	}
	if s.u.current == s {
		s.u.win.Canvas().Focus(s.focus())
	}
}

// onForgot offers the recovery key.
func (s *unlockScreen) onForgot() {
	s.u.onInput()
	if !s.busy {
		s.setMode(modeRecovery)
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
	s.open(func() (*storage.Session, error) {
		defer clear(pass)
		return v.Unlock(name, pass)
	}, s.onUnlocked)
}

// open runs a way in off the UI goroutine with the spinner showing, reads the idle setting of
// the session it gives, and hands both to done on the UI goroutine.
func (s *unlockScreen) open(way func() (*storage.Session, error), done func(*storage.Session, int, error)) {
	s.setBusy(true)
	var (
		sess    *storage.Session
		minutes int
		err     error
	)
	s.u.run(func() {
		sess, err = way()
		if err != nil {
			releaseMemory() // the key derivation's working memory
		} else {
			minutes = readIdleMinutes(sess)
		}
	}, func() {
		s.setBusy(false)
		// On success the derivation's memory is handed back with the case list's, once the
		// home screen has read and indexed it: one release instead of two.
		s.u.releaseAfterList = err == nil
		if s.u.current != s {
			// The window moved on while the key was derived; never leave a session open unseen.
			if sess != nil {
				sess.Lock()
			}
			return
		}
		done(sess, minutes, err)
	})
}

func (s *unlockScreen) onUnlocked(sess *storage.Session, minutes int, err error) {
	switch {
	case errors.Is(err, storage.ErrInvitationPending):
		// The account was given a new code since the list was read.
		if s.statuses != nil {
			s.statuses[s.adviser.Selected] = storage.AdviserInvited
		}
		s.setMode(modeInvitation)
		s.problem.set(s.u.tr, adminNotice(err))
		return
	case err != nil:
		logUnexpected("unlock", err)
		s.pass.SetText("")
		s.problem.set(s.u.tr, adminNotice(err))
		s.u.win.Canvas().Focus(s.pass)
		return
	}
	s.u.opened(sess, minutes)
	s.u.show(newCasesScreen(s.u))
}

func (s *unlockScreen) setBusy(busy bool) {
	s.busy = busy
	ws := []fyne.Disableable{s.pass, s.unlock, s.forgot, s.lang.choice}
	ws = append(ws, s.invite.fields()...)
	ws = append(ws, s.rescue.fields()...)
	for _, w := range ws {
		if busy {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if busy {
		s.adviser.Disable()
		s.locked.set(s.u.tr, notice{})
		s.toldErr = nil
		s.problem.set(s.u.tr, notice{})
		s.progress.start(s.u.tr.T(s.workingID()))
		return
	}
	if s.loaded {
		s.adviser.Enable()
	}
	s.progress.stop()
}
