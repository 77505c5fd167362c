package app

import (
	"errors"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// invitationForm is the unlock screen's first time in: an adviser whose account waits for its
// first passphrase types the one-time code their administrator gave them, then chooses their
// own passphrase, typed twice and graded as it is typed, as at set-up. Storage checks the code,
// sets the passphrase and opens the vault in one step, and the code stops working.
type invitationForm struct {
	s *unlockScreen

	intro      *widget.Label
	codeLabel  *widget.Label
	code       *inputEntry
	passLabel  *widget.Label
	pass       *inputEntry
	strength   *strengthMeter
	hint       *widget.Label
	againLabel *widget.Label
	again      *inputEntry
	mismatch   *widget.Label
	accept     *widget.Button
}

func newInvitationForm(s *unlockScreen) *invitationForm {
	u := s.u
	f := &invitationForm{s: s, intro: paragraph(), codeLabel: fieldLabel(), passLabel: fieldLabel(),
		hint: paragraph(), againLabel: fieldLabel(), mismatch: paragraph(), strength: newStrengthMeter()}
	f.intro.TextStyle = fyne.TextStyle{Bold: true}
	f.code = newInputEntry(u.onInput)
	f.code.OnSubmitted = func(string) { u.win.Canvas().Focus(f.pass) }
	f.pass = newInputPassword(u.onInput)
	f.pass.OnChanged = func(string) { f.onPassChanged() }
	f.pass.OnSubmitted = func(string) { u.win.Canvas().Focus(f.again) }
	f.again = newInputPassword(u.onInput)
	f.again.OnChanged = func(string) { f.onPassChanged() }
	f.again.OnSubmitted = func(string) { f.onAccept() }
	f.mismatch.Importance = widget.WarningImportance
	f.mismatch.Hide()
	f.accept = widget.NewButton("", f.onAccept)
	f.accept.Importance = widget.HighImportance
	return f
}

// view is the form's part of the unlock screen, under the adviser's name.
func (f *invitationForm) view() []fyne.CanvasObject {
	return []fyne.CanvasObject{f.intro, f.codeLabel, f.code, f.passLabel, f.pass, f.strength, f.hint,
		f.againLabel, f.again, f.mismatch}
}

func (f *invitationForm) translate() {
	tr := f.s.u.tr
	f.intro.SetText(tr.T("admin.unlock.invited"))
	f.codeLabel.SetText(tr.T("admin.unlock.code"))
	f.code.SetPlaceHolder(tr.T("admin.unlock.code_placeholder"))
	f.passLabel.SetText(tr.T("admin.unlock.new_pass"))
	f.hint.SetText(tr.N("app.setup.passphrase_hint", storage.MinPassphraseLen))
	f.againLabel.SetText(tr.T("admin.unlock.again"))
	f.mismatch.SetText(tr.T("admin.unlock.mismatch"))
	f.accept.SetText(tr.T("admin.unlock.accept"))
	f.onPassChanged()
}

// fields are the form's controls, disabled while the code is checked.
func (f *invitationForm) fields() []fyne.Disableable {
	return []fyne.Disableable{f.code, f.pass, f.again, f.accept}
}

// clear forgets the code and both passphrases.
func (f *invitationForm) clear() {
	f.code.SetText("")
	f.pass.SetText("")
	f.again.SetText("")
}

// onPassChanged moves the meter and says, once the second copy is as long as the first, whether
// the two differ (as the set-up screen does).
func (f *invitationForm) onPassChanged() {
	pass := f.pass.Text
	st := storage.PassphraseStrength([]byte(pass))
	words := ""
	if pass != "" {
		words = f.s.u.tr.T(strengthID(st))
	}
	f.strength.set(pass == "", st, words)
	again := f.again.Text
	if again != "" && utf8.RuneCountInString(again) >= utf8.RuneCountInString(pass) && again != pass {
		f.mismatch.Show()
	} else {
		f.mismatch.Hide()
	}
}

// onAccept checks the form and opens the account with the code off the UI goroutine: two key
// derivations, about a second.
func (f *invitationForm) onAccept() {
	s := f.s
	u := s.u
	if s.busy || u.vault == nil || s.mode != modeInvitation {
		return
	}
	name, code := s.adviser.Selected, strings.TrimSpace(f.code.Text)
	switch {
	case name == "":
		s.problem.set(u.tr, notice{id: "app.unlock.need_adviser"})
		return
	case code == "":
		f.refuse(notice{id: "admin.unlock.need_code"}, f.code)
		return
	case utf8.RuneCountInString(f.pass.Text) < storage.MinPassphraseLen:
		f.refuse(notice{err: storage.ErrWeakPassphrase}, f.pass)
		return
	case f.pass.Text != f.again.Text:
		f.again.SetText("")
		f.refuse(notice{id: "admin.unlock.mismatch_retype"}, f.again)
		return
	}
	pass := []byte(f.pass.Text)
	v := u.vault
	s.open(func() (*storage.Session, error) {
		defer clear(pass)
		return v.AcceptInvitation(name, code, pass)
	}, f.onAccepted)
}

func (f *invitationForm) refuse(n notice, field fyne.Focusable) {
	f.s.problem.set(f.s.u.tr, n)
	f.s.u.win.Canvas().Focus(field)
}

func (f *invitationForm) onAccepted(sess *storage.Session, minutes int, err error) {
	s := f.s
	u := s.u
	switch {
	case errors.Is(err, storage.ErrWrongPassphrase):
		f.code.SetText("")
		f.refuse(notice{id: "admin.unlock.wrong_code"}, f.code)
		return
	case errors.Is(err, storage.ErrWeakPassphrase):
		f.refuse(notice{err: err}, f.pass)
		return
	case errors.Is(err, storage.ErrNotInvited):
		// Someone finished this account's first unlock meanwhile: it has a passphrase now.
		if s.statuses != nil {
			s.statuses[s.adviser.Selected] = storage.AdviserActive
		}
		s.setMode(modePassphrase)
		s.problem.set(u.tr, adminNotice(err))
		return
	case err != nil:
		logUnexpected("accept invitation", err)
		f.code.SetText("")
		f.refuse(adminNotice(err), f.code)
		return
	}
	u.opened(sess, minutes)
	u.show(newCasesScreen(u))
}

// recoveryForm is the unlock screen's way in with the recovery key, for an administrator who
// has lost their passphrase. The session it opens is an administrator's named "recovery", and
// it lands on the Administration screen's advisers, where a new one-time code is issued.
type recoveryForm struct {
	s *unlockScreen

	intro *widget.Label
	label *widget.Label
	key   *inputEntry
	open  *widget.Button
	back  *widget.Button
}

func newRecoveryForm(s *unlockScreen) *recoveryForm {
	u := s.u
	r := &recoveryForm{s: s, intro: paragraph(), label: fieldLabel()}
	r.key = newInputPassword(u.onInput)
	r.key.OnSubmitted = func(string) { r.onOpen() }
	r.open = widget.NewButton("", r.onOpen)
	r.open.Importance = widget.HighImportance
	r.back = widget.NewButton("", r.onBack)
	return r
}

func (r *recoveryForm) view() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.intro, r.label, r.key}
}

func (r *recoveryForm) translate() {
	tr := r.s.u.tr
	r.intro.SetText(tr.T("admin.unlock.recovery_intro"))
	r.label.SetText(tr.T("admin.unlock.recovery_key"))
	r.open.SetText(tr.T("admin.unlock.recovery_open"))
	r.back.SetText(tr.T("admin.unlock.use_passphrase"))
}

func (r *recoveryForm) fields() []fyne.Disableable {
	return []fyne.Disableable{r.key, r.open, r.back}
}

func (r *recoveryForm) clear() { r.key.SetText("") }

// onBack goes back to the chosen adviser's own way in.
func (r *recoveryForm) onBack() {
	r.s.u.onInput()
	if r.s.busy {
		return
	}
	r.s.onAdviserChosen(r.s.adviser.Selected)
}

// onOpen tries the recovery key off the UI goroutine.
func (r *recoveryForm) onOpen() {
	s := r.s
	u := s.u
	if s.busy || u.vault == nil || s.mode != modeRecovery {
		return
	}
	key := strings.TrimSpace(r.key.Text)
	if key == "" {
		s.problem.set(u.tr, notice{id: "admin.unlock.need_key"})
		u.win.Canvas().Focus(r.key)
		return
	}
	v := u.vault
	s.open(func() (*storage.Session, error) { return v.UnlockWithRecoveryKey(key) }, r.onOpened)
}

func (r *recoveryForm) onOpened(sess *storage.Session, minutes int, err error) {
	s := r.s
	u := s.u
	if err != nil {
		logUnexpected("unlock with recovery key", err)
		r.key.SetText("")
		n := adminNotice(err)
		if errors.Is(err, storage.ErrWrongPassphrase) {
			n = notice{id: "admin.unlock.wrong_key"}
		}
		s.problem.set(u.tr, n)
		u.win.Canvas().Focus(r.key)
		return
	}
	u.opened(sess, minutes)
	u.show(newAdminScreen(u, adminAdvisers))
}
