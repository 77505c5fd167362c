package app

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"waymark/app/message"
	"waymark/storage"
)

func freshPath(t *testing.T) string { return filepath.Join(t.TempDir(), "vault", "vault.db") }

func TestFirstRunShowsSetUp(t *testing.T) {
	h := newHarness(t, freshPath(t), "en")
	s := h.setup()
	if got := s.title.Text; got != h.u.tr.T("app.setup.title") {
		t.Errorf("title = %q", got)
	}
	if h.u.lockItem.Disabled != true {
		t.Error("Lock is enabled with no vault unlocked")
	}
}

func TestFirstRunRefusesBadForms(t *testing.T) {
	tr := func(h *harness) func(string) string { return func(id string) string { return h.u.tr.T(id) } }
	tests := []struct {
		name        string
		adviser     string
		pass, again string
		want        func(h *harness) string
		againEmpty  bool // the second passphrase is cleared for retyping
	}{
		{"no name", "  ", adminPass, adminPass, func(h *harness) string { return tr(h)("app.setup.need_name") }, false},
		{"too short", adminName, "short", "short", func(h *harness) string {
			return message.ForError(h.u.tr, storage.ErrWeakPassphrase)
		}, false},
		{"one under the minimum", adminName, strings.Repeat("ș", storage.MinPassphraseLen-1), strings.Repeat("ș", storage.MinPassphraseLen-1), func(h *harness) string {
			return message.ForError(h.u.tr, storage.ErrWeakPassphrase)
		}, false},
		{"mismatch", adminName, adminPass, adminPass + "!", func(h *harness) string { return tr(h)("app.setup.mismatch_retype") }, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, freshPath(t), "en")
			s := h.setup()
			test.Type(s.name, tc.adviser)
			test.Type(s.pass, tc.pass)
			test.Type(s.again, tc.again)
			test.Tap(s.create)
			if h.run.pending() != 0 {
				t.Fatal("the vault is being created from a refused form")
			}
			if got, want := s.problem.label.Text, tc.want(h); got != want || !s.problem.label.Visible() {
				t.Errorf("problem = %q (visible %v), want %q", got, s.problem.label.Visible(), want)
			}
			if tc.againEmpty != (s.again.Text == "") {
				t.Errorf("second passphrase = %q after refusal", s.again.Text)
			}
			if storage.Exists(h.path) {
				t.Error("a vault file exists after a refused form")
			}
		})
	}
}

func TestFirstRunSaysWhenPassphrasesDiffer(t *testing.T) {
	h := newHarness(t, freshPath(t), "en")
	s := h.setup()
	test.Type(s.pass, adminPass)
	test.Type(s.again, adminPass[:5])
	if s.mismatch.Visible() {
		t.Error("mismatch shown while the second copy is still being typed")
	}
	test.Type(s.again, "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
	if !s.mismatch.Visible() {
		t.Error("mismatch not shown for a different second copy")
	}
	s.again.SetText(adminPass)
	if s.mismatch.Visible() {
		t.Error("mismatch still shown once the copies agree")
	}
}

func TestStrengthMeterNamesTheLevel(t *testing.T) {
	h := newHarness(t, freshPath(t), "en")
	s := h.setup()
	if s.strength.text != "" || s.strength.level != 0 {
		t.Errorf("empty passphrase: meter shows level %d %q", s.strength.level, s.strength.text)
	}
	for _, pass := range []string{"a", "password12", adminPass, "correct horse battery staple orchard"} {
		s.pass.SetText(pass)
		want := h.u.tr.T(strengthID(storage.PassphraseStrength([]byte(pass))))
		if s.strength.level != int(storage.PassphraseStrength([]byte(pass)))+1 || s.strength.text != want {
			t.Errorf("%q: meter shows level %d %q", pass, s.strength.level, s.strength.text)
		}
	}
}

var recoveryKeyShape = regexp.MustCompile(`^[A-Z0-9]{4}(-[A-Z0-9]{4})+$`)

func TestFirstRunCreatesVaultThenShowsRecoveryKeyOnce(t *testing.T) {
	h := newHarness(t, freshPath(t), "en")
	s := h.setup()
	test.Type(s.name, adminName)
	test.Type(s.pass, adminPass)
	test.Type(s.again, adminPass)
	test.Tap(s.create)

	// While the key is derived: the button is off, the spinner on, nothing typed can change.
	if h.run.pending() != 1 {
		t.Fatalf("%d jobs queued, want 1", h.run.pending())
	}
	if !s.create.Disabled() || !s.pass.Disabled() || !s.progress.box.Visible() {
		t.Error("form not disabled with progress shown while creating")
	}
	test.Tap(s.create) // a second press must not start a second vault
	if h.run.pending() != 1 {
		t.Fatal("second press queued a second creation")
	}
	h.run.flush()

	r := h.recovery()
	var lines []string
	for _, l := range r.keyLines {
		lines = append(lines, l.Text)
	}
	key := strings.Join(lines, "-")
	if !recoveryKeyShape.MatchString(key) {
		t.Fatalf("recovery key on screen %q is not in groups of four", key)
	}
	if s.pass.Text != "" || s.again.Text != "" {
		t.Error("passphrases still held by the set-up screen")
	}
	if h.u.session == nil || h.u.session.Locked() {
		t.Fatal("no open session after creating the vault")
	}

	// The key on screen is the real one: it opens the vault.
	rs, err := h.u.vault.UnlockWithRecoveryKey(key)
	if err != nil {
		t.Fatalf("the key shown does not open the vault: %v", err)
	}
	rs.Lock()

	if !r.cont.Disabled() {
		t.Fatal("Continue is enabled before the key is confirmed stored")
	}
	test.Tap(r.cont)
	h.recovery()
	test.Tap(r.stored)
	if r.cont.Disabled() {
		t.Fatal("Continue stays disabled after I have stored it")
	}
	test.Tap(r.stored)
	if !r.cont.Disabled() {
		t.Fatal("Continue stays enabled after unticking")
	}
	test.Tap(r.stored)
	test.Tap(r.cont)
	h.run.flush()
	c := h.cases()
	if r.key != "" || r.keyLines[0].Text != "" {
		t.Error("the recovery screen still holds the key after Continue")
	}
	if c.cases.Length() != 0 || !c.empty.Visible() {
		t.Error("new vault: case list not empty or empty note hidden")
	}
}

func TestFirstRunEnterInSecondPassphraseCreates(t *testing.T) {
	h := newHarness(t, freshPath(t), "en")
	s := h.setup()
	test.Type(s.name, adminName)
	test.Type(s.pass, adminPass)
	test.Type(s.again, adminPass)
	s.again.TypedKey(&keyReturn)
	h.run.flush()
	h.recovery()
}
