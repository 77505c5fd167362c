package app

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"waymark/storage"
)

// newVaultWithKey makes a vault with one admin, like newVault, and returns its recovery key too.
func newVaultWithKey(t *testing.T) (path, key string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "vault.db")
	sess, key, err := storage.Create(path, adminName, []byte(adminPass), testOptions())
	if err != nil {
		t.Fatalf("create vault: %v", err)
	}
	v := sess.Vault()
	sess.Lock()
	if err := v.Close(); err != nil {
		t.Fatalf("close vault: %v", err)
	}
	return path, key
}

// unlockWithRecovery opens the vault with the recovery key from the unlock screen and returns
// the Administration screen it lands on.
func (h *harness) unlockWithRecovery(key string) *adminScreen {
	h.t.Helper()
	s := h.unlockScreen()
	test.Tap(s.forgot)
	test.Type(s.rescue.key, key)
	test.Tap(s.rescue.open)
	h.run.flush()
	return h.admin()
}

func TestUnlockListsActiveAndInvitedButNotDisabled(t *testing.T) {
	path, _ := vaultWithAccounts(t)
	h := newHarness(t, path, "en")
	s := h.unlockScreen()
	want := []string{adminName, activeName, invitedName}
	got := slices.Clone(s.adviser.Options)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("advisers offered = %q, want %q", got, want)
	}
	if s.mode != modePassphrase {
		t.Error("the screen does not start with the passphrase")
	}
}

func TestInvitedAdviserChoosesAPassphraseWithTheCode(t *testing.T) {
	path, code := vaultWithAccounts(t)
	h := newHarness(t, path, "en")
	s := h.unlockScreen()
	s.adviser.SetSelected(invitedName)
	if s.mode != modeInvitation {
		t.Fatal("choosing an invited adviser does not ask for the code")
	}
	f := s.invite
	if f.intro.Text != h.u.tr.T("admin.unlock.invited") || !f.code.Visible() {
		t.Errorf("the first-time sentence is %q", f.intro.Text)
	}
	if h.canvas().Focused() != f.code {
		t.Error("the keyboard is not in the code field")
	}

	const mine = "my own river passphrase"
	steps := []struct {
		name     string
		code     string
		pass     string
		again    string
		wantID   string
		wantWork bool
	}{
		{"no code", "", mine, mine, "admin.unlock.need_code", false},
		{"short passphrase", code, "short", "short", "", false},
		{"passphrases differ", code, mine, mine + "!", "admin.unlock.mismatch_retype", false},
		{"wrong code", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", mine, mine, "admin.unlock.wrong_code", true},
	}
	for _, st := range steps {
		f.clear()
		test.Type(f.code, st.code)
		test.Type(f.pass, st.pass)
		test.Type(f.again, st.again)
		test.Tap(f.accept)
		if (h.run.pending() > 0) != st.wantWork {
			t.Fatalf("%s: work queued %d", st.name, h.run.pending())
		}
		h.run.flush()
		if st.wantID != "" && s.problem.n.id != st.wantID {
			t.Errorf("%s: said %q", st.name, s.problem.label.Text)
		}
		if h.u.session != nil {
			t.Fatalf("%s: unlocked", st.name)
		}
	}
	if f.code.Text != "" {
		t.Error("the wrong code was left in the field")
	}
	if s.problem.n.err != nil || s.problem.label.Text == "" {
		t.Error("no sentence after a wrong code")
	}

	f.clear()
	test.Type(f.code, code)
	test.Type(f.pass, mine)
	test.Type(f.again, mine)
	f.again.TypedKey(&keyReturn)
	h.run.flush()
	if h.u.session == nil || h.u.session.Adviser().Name != invitedName {
		t.Fatal("the invited adviser is not signed in with the right code")
	}
	h.cases()

	// Next time Piotr unlocks with the passphrase he chose; the code no longer works.
	h.u.onLock()
	h.run.flush()
	s = h.unlockScreen()
	s.adviser.SetSelected(invitedName)
	if s.mode != modePassphrase {
		t.Fatal("an active account is still asked for a code")
	}
	h.unlock(mine)
	if h.u.session == nil {
		t.Fatal("the chosen passphrase does not unlock")
	}
	if _, err := h.u.vault.AcceptInvitation(invitedName, code, []byte(mine)); err == nil {
		t.Error("the one-time code worked twice")
	}
}

func TestInvitationStrengthMeterAndMismatch(t *testing.T) {
	path, _ := vaultWithAccounts(t)
	h := newHarness(t, path, "en")
	s := h.unlockScreen()
	s.adviser.SetSelected(invitedName)
	f := s.invite
	test.Type(f.pass, "correct horse battery staple 42")
	if f.strength.level < 4 || f.strength.text == "" {
		t.Errorf("meter for a long passphrase: level %d, %q", f.strength.level, f.strength.text)
	}
	test.Type(f.again, "correct horse battery staple 43")
	if !f.mismatch.Visible() {
		t.Error("two different passphrases of the same length are not flagged")
	}
}

func TestRecoveryKeyLandsOnTheAdvisers(t *testing.T) {
	path, key := newVaultWithKey(t)
	h := newHarness(t, path, "en")
	s := h.unlockScreen()
	test.Tap(s.forgot)
	if s.mode != modeRecovery || h.canvas().Focused() != s.rescue.key {
		t.Fatal("Forgotten passphrase did not offer the recovery key")
	}
	test.Type(s.rescue.key, "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789-ABCD-EFGH-JKLM-NPQR-STUV")
	test.Tap(s.rescue.open)
	h.run.flush()
	if h.u.session != nil || s.problem.n.id != "admin.unlock.wrong_key" || s.rescue.key.Text != "" {
		t.Fatalf("a wrong key: session %v, said %q, field %q", h.u.session != nil, s.problem.label.Text, s.rescue.key.Text)
	}

	test.Tap(s.rescue.back)
	if s.mode != modePassphrase {
		t.Error("Back does not return to the passphrase")
	}
	a := h.unlockWithRecovery(key)
	if h.u.session.Adviser().Name != recoveryName || a.tab != adminAdvisers {
		t.Fatalf("recovery session %q on tab %d", h.u.session.Adviser().Name, a.tab)
	}
	if a.who.Text != h.u.tr.T("admin.signed_in_recovery") {
		t.Errorf("the screen does not say it was opened with the recovery key: %q", a.who.Text)
	}
	// The reason for a recovery: a new code for the admin who lost their passphrase.
	test.Tap(a.advisers.byName[adminName].issue)
	test.Tap(a.advisers.asking.yes)
	h.run.flush()
	if a.advisers.code == nil || !codeFormat.MatchString(a.advisers.code.code.Text) {
		t.Fatal("no new code for the admin")
	}
}

func TestGoldenUnlockInvited(t *testing.T) {
	path, _ := vaultWithAccounts(t)
	h := newHarness(t, path, "en")
	h.unlockScreen().adviser.SetSelected(invitedName)
	assertMarkup(t, h, "unlock_invited.xml")
}
