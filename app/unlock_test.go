package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"waymark/app/message"
	"waymark/storage"
)

func TestUnlockChoosesTheOnlyAdviser(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	s := h.unlockScreen()
	if s.adviser.Selected != adminName {
		t.Errorf("adviser = %q, want %q chosen already", s.adviser.Selected, adminName)
	}
	if s.adviser.Disabled() {
		t.Error("adviser list still disabled after loading")
	}
}

func TestUnlockWrongPassphraseSaysSoAndStaysLocked(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	s := h.unlockScreen()
	test.Type(s.pass, "not the passphrase")
	test.Tap(s.unlock)

	if h.run.pending() != 1 {
		t.Fatalf("%d jobs queued, want the key derivation", h.run.pending())
	}
	if !s.unlock.Disabled() || !s.pass.Disabled() || !s.progress.box.Visible() {
		t.Error("button not disabled with progress shown while the key is derived")
	}
	h.run.flush()

	if h.u.session != nil {
		t.Fatal("a session is open after a wrong passphrase")
	}
	h.unlockScreen()
	want := message.ForError(h.u.tr, storage.ErrWrongPassphrase)
	if s.problem.label.Text != want || !s.problem.label.Visible() {
		t.Errorf("problem = %q (visible %v), want %q", s.problem.label.Text, s.problem.label.Visible(), want)
	}
	if s.pass.Text != "" {
		t.Error("the wrong passphrase was left in the field")
	}
	if s.unlock.Disabled() || s.progress.box.Visible() {
		t.Error("button still disabled or spinner still shown after the answer")
	}
	if h.canvas().Focused() != s.pass {
		t.Error("the keyboard is not back in the passphrase field")
	}
}

func TestUnlockRightPassphraseShowsCaseList(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	h.unlock(adminPass)
	c := h.cases()
	if h.u.session == nil || h.u.session.Adviser().Name != adminName {
		t.Fatal("no session for the admin")
	}
	if h.u.lockItem.Disabled {
		t.Error("Lock in the menu is disabled while unlocked")
	}
	if c.who.Text != h.u.tr.T("app.cases.signed_in", map[string]any{"Name": adminName}) {
		t.Errorf("signed-in line = %q", c.who.Text)
	}
	if h.u.idle.Limit() != idleMinutes(5) {
		t.Errorf("idle limit = %v, want the vault default of 5 minutes", h.u.idle.Limit())
	}
}

func TestUnlockEmptyPassphraseAsksForIt(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	s := h.unlockScreen()
	test.Tap(s.unlock)
	if h.run.pending() != 0 {
		t.Fatal("key derivation started with no passphrase")
	}
	if s.problem.label.Text != h.u.tr.T("app.unlock.need_passphrase") {
		t.Errorf("problem = %q", s.problem.label.Text)
	}
}

func TestDamagedVaultIsExplained(t *testing.T) {
	path := freshPath(t)
	writeFile(t, path, []byte("this is not a Waymark vault, only some text in a file"))
	h := newHarness(t, path, "en")
	p, ok := h.u.current.(*problemScreen)
	if !ok {
		t.Fatalf("screen is %T, want the problem screen", h.u.current)
	}
	if want := message.ForError(h.u.tr, storage.ErrCorrupt); p.text.Text != want {
		t.Errorf("problem text = %q, want %q", p.text.Text, want)
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestUnlockWithSeveralAdvisersAsksWhoIsThere(t *testing.T) {
	path := newVault(t)
	v, err := storage.Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	admin, err := v.Unlock(adminName, []byte(adminPass))
	if err != nil {
		t.Fatal(err)
	}
	const otherPass = "harbour thistle copper 7"
	if err := admin.AddAdviser("Piotr Nowak", storage.RoleAdviser, []byte(otherPass)); err != nil {
		t.Fatal(err)
	}
	admin.Lock()
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}

	h := newHarness(t, path, "en")
	s := h.unlockScreen()
	if s.adviser.Selected != "" || len(s.adviser.Options) != 2 {
		t.Fatalf("adviser list = %q, chosen %q; want two names and none chosen", s.adviser.Options, s.adviser.Selected)
	}
	test.Type(s.pass, otherPass)
	test.Tap(s.unlock)
	if h.run.pending() != 0 || s.problem.label.Text != h.u.tr.T("app.unlock.need_adviser") {
		t.Fatalf("unlocking without a name: queued %d, said %q", h.run.pending(), s.problem.label.Text)
	}
	s.adviser.SetSelected("Piotr Nowak")
	h.unlock("")
	if h.u.session == nil || h.u.session.Adviser().Name != "Piotr Nowak" {
		t.Fatal("the second adviser could not unlock with their own passphrase")
	}
}
