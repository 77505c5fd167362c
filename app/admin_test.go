package app

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"waymark/storage"
)

// The accounts the administration tests work with, besides the admin Ana Popescu.
const (
	invitedName  = "Piotr Nowak"      // waits for his first passphrase
	activeName   = "Maria Ionescu"    // an adviser with a passphrase
	disabledName = "Jan Kowalski"     // disabled by the admin
	activePass   = "copper harbour 9" // Maria's passphrase
)

// codeFormat is a one-time code as storage writes it: groups of four base32 letters.
var codeFormat = regexp.MustCompile(`^[A-Z2-9]{4}(-[A-Z2-9]{4})+$`)

// asAdmin opens the vault at path as the admin, runs fn, and closes the vault again, so a test
// can put the accounts and cases it needs in place before the window opens.
func asAdmin(t *testing.T, path string, opts *storage.Options, fn func(admin *storage.Session)) {
	t.Helper()
	v, err := storage.Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := v.Unlock(adminName, []byte(adminPass))
	if err != nil {
		t.Fatal(err)
	}
	fn(admin)
	admin.Lock()
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
}

// vaultWithAccounts is a vault with the admin, one invited adviser (whose code it returns), one
// active adviser and one disabled adviser.
func vaultWithAccounts(t *testing.T) (path, code string) {
	t.Helper()
	path = newVault(t)
	asAdmin(t, path, testOptions(), func(admin *storage.Session) {
		var err error
		if code, err = admin.InviteAdviser(invitedName, storage.RoleAdviser); err != nil {
			t.Fatal(err)
		}
		if err := admin.AddAdviser(activeName, storage.RoleAdviser, []byte(activePass)); err != nil {
			t.Fatal(err)
		}
		if _, err := admin.InviteAdviser(disabledName, storage.RoleAdviser); err != nil {
			t.Fatal(err)
		}
		if err := admin.DisableAdviser(disabledName); err != nil {
			t.Fatal(err)
		}
	})
	return path, code
}

// unlockAs chooses name on the unlock screen and unlocks with pass.
func (h *harness) unlockAs(name, pass string) {
	h.t.Helper()
	h.unlockScreen().adviser.SetSelected(name)
	h.unlock(pass)
}

// adminScreen is the Administration screen on show.
func (h *harness) admin() *adminScreen {
	h.t.Helper()
	s, ok := h.u.current.(*adminScreen)
	if !ok {
		h.t.Fatalf("screen is %T, want the Administration screen", h.u.current)
	}
	return s
}

// openAdministration goes to the Administration screen through the menu and lets it load.
func (h *harness) openAdministration() *adminScreen {
	h.t.Helper()
	if h.u.items.admin.Disabled {
		h.t.Fatal("Administration is disabled in the menu")
	}
	h.u.items.admin.Action()
	h.run.flush()
	return h.admin()
}

// accounts reads the vault's accounts by name.
func (h *harness) accounts() map[string]storage.Adviser {
	h.t.Helper()
	list, err := h.u.vault.Advisers()
	if err != nil {
		h.t.Fatal(err)
	}
	out := map[string]storage.Adviser{}
	for _, a := range list {
		out[a.Name] = a
	}
	return out
}

func TestAdvisersListEveryAccountWithRoleAndStatus(t *testing.T) {
	path, _ := vaultWithAccounts(t)
	h := newHarness(t, path, "en")
	h.unlockAs(adminName, adminPass)
	s := h.openAdministration()
	a := s.advisers
	want := map[string]string{
		adminName:    "Ana Popescu (you)|Administrator · Active",
		activeName:   "Maria Ionescu|Adviser · Active",
		invitedName:  "Piotr Nowak|Adviser · Waiting for their first passphrase",
		disabledName: "Jan Kowalski|Adviser · Disabled",
	}
	if len(a.byName) != len(want) {
		t.Fatalf("%d rows, want %d", len(a.byName), len(want))
	}
	for name, w := range want {
		r := a.byName[name]
		if r == nil {
			t.Errorf("no row for %s", name)
			continue
		}
		if got := r.name.Text + "|" + r.details.Text; got != w {
			t.Errorf("row %s = %q, want %q", name, got, w)
		}
	}
	if !a.byName[disabledName].disable.Disabled() {
		t.Error("Disable is offered for an account that is disabled already")
	}
	if h.canvas().Focused() != a.add {
		t.Error("the keyboard is not on Add an adviser")
	}
}

func TestAddAdviserShowsTheCodeOnceAndItWorks(t *testing.T) {
	var scheduled []func()
	old := afterFunc
	afterFunc = func(_ time.Duration, f func()) { scheduled = append(scheduled, f) }
	t.Cleanup(func() { afterFunc = old })

	h := unlocked(t)
	a := h.openAdministration().advisers
	test.Tap(a.add)
	d := a.adding
	if d == nil {
		t.Fatal("Add an adviser did not open its dialog")
	}
	test.Type(d.name, "  Ioana Marin ")
	d.role.SetSelected(h.u.tr.T("admin.role.admin"))
	test.Tap(d.create)
	if h.run.pending() != 1 || !d.create.Disabled() || !d.progress.box.Visible() {
		t.Fatal("adding did not start off the UI goroutine with the button disabled")
	}
	h.run.flush()

	c := a.code
	if c == nil || !h.showing(c.dlg) {
		t.Fatal("no one-time code shown after adding")
	}
	code := c.code.Text
	if !codeFormat.MatchString(code) {
		t.Fatalf("code %q is not in the one-time code format", code)
	}
	if want := h.u.tr.T("admin.code.give", map[string]any{"Name": "Ioana Marin"}); c.give.Text != want {
		t.Errorf("instruction = %q, want %q", c.give.Text, want)
	}
	test.Tap(c.copy)
	cb := h.app.Clipboard()
	if cb.Content() != code || len(scheduled) != 1 {
		t.Fatalf("clipboard %q with %d clearings scheduled, want the code and one", cb.Content(), len(scheduled))
	}
	scheduled[0]()
	if cb.Content() != "" {
		t.Error("the code stayed on the clipboard after 30 seconds")
	}
	test.Tap(c.done)
	if c.code.Text != "" || h.showing(c.dlg) {
		t.Error("the code is still held after Done")
	}

	acc := h.accounts()["Ioana Marin"]
	if acc.Role != storage.RoleAdmin || acc.Status != storage.AdviserInvited {
		t.Fatalf("new account = %+v, want an invited administrator", acc)
	}
	if r := a.byName["Ioana Marin"]; r == nil || !strings.Contains(r.details.Text, "Waiting") {
		t.Error("the list does not show the new adviser waiting for a passphrase")
	}
	sess, err := h.u.vault.AcceptInvitation("Ioana Marin", code, []byte("a passphrase of her own"))
	if err != nil {
		t.Fatalf("the code shown does not open the account: %v", err)
	}
	sess.Lock()
}

func TestAddAdviserRefusesBadNames(t *testing.T) {
	h := unlocked(t)
	a := h.openAdministration().advisers
	cases := []struct{ name, want string }{
		{"   ", h.u.tr.T("admin.add.need_name")},
		{"Recovery", h.u.tr.T("admin.add.bad_name", map[string]any{"Max": maxAdviserName})},
		{strings.Repeat("a", 65), h.u.tr.T("admin.add.bad_name", map[string]any{"Max": maxAdviserName})},
		{"ana popescu", notice{err: storage.ErrAdviserExists}.text(h.u.tr)},
	}
	for _, c := range cases {
		test.Tap(a.add)
		d := a.adding
		test.Type(d.name, c.name)
		test.Tap(d.create)
		if h.run.pending() != 0 {
			t.Fatalf("%q: storage was asked", c.name)
		}
		if d.problem.label.Text != c.want {
			t.Errorf("%q: said %q, want %q", c.name, d.problem.label.Text, c.want)
		}
		test.Tap(d.cancel)
	}
	if len(h.accounts()) != 1 {
		t.Error("an account was added")
	}
}

func TestDisableAndRemoveAskFirstThenAct(t *testing.T) {
	path, _ := vaultWithAccounts(t)
	h := newHarness(t, path, "en")
	h.unlockAs(adminName, adminPass)
	a := h.openAdministration().advisers

	test.Tap(a.byName[activeName].disable)
	if a.asking == nil || !h.showing(a.asking.dlg) {
		t.Fatal("Disable did not ask first")
	}
	if !strings.Contains(a.asking.text.Text, activeName) || !strings.Contains(a.asking.text.Text, "can no longer unlock") {
		t.Errorf("the question does not say what disabling does: %q", a.asking.text.Text)
	}
	test.Tap(a.asking.no)
	if h.run.pending() != 0 || h.accounts()[activeName].Status != storage.AdviserActive {
		t.Fatal("cancelling disabled the account")
	}

	test.Tap(a.byName[activeName].disable)
	test.Tap(a.asking.yes)
	h.run.flush()
	if got := h.accounts()[activeName].Status; got != storage.AdviserDisabled {
		t.Fatalf("status after disabling = %q", got)
	}
	if !strings.HasSuffix(a.byName[activeName].details.Text, "Disabled") {
		t.Errorf("row not updated: %q", a.byName[activeName].details.Text)
	}
	if a.problem.label.Text != h.u.tr.T("admin.disable.done", map[string]any{"Name": activeName}) {
		t.Errorf("after disabling the screen says %q", a.problem.label.Text)
	}

	test.Tap(a.byName[invitedName].remove)
	if !strings.Contains(a.asking.text.Text, "deleted") {
		t.Errorf("the question does not say what removing does: %q", a.asking.text.Text)
	}
	test.Tap(a.asking.yes)
	h.run.flush()
	if _, ok := h.accounts()[invitedName]; ok {
		t.Fatal("the account is still there after Remove")
	}
	if _, ok := a.byName[invitedName]; ok {
		t.Error("the removed account is still listed")
	}
}

func TestYourselfAndTheLastAdminAreRefused(t *testing.T) {
	path, key := newVaultWithKey(t)
	h := newHarness(t, path, "en")
	h.unlockAs(adminName, adminPass)
	a := h.openAdministration().advisers
	me := a.byName[adminName]
	if !me.disable.Disabled() || !me.remove.Disabled() || !me.issue.Disabled() {
		t.Error("your own row offers New code, Disable or Remove")
	}
	// Reached another way (a keyboard shortcut, a stale list), the actions still refuse in words.
	for _, b := range []struct {
		name   string
		tap    func()
		wantID string
	}{
		{"disable yourself", func() { a.onDisable(me.a) }, "admin.refuse.self"},
		{"remove yourself", func() { a.onRemove(me.a) }, "admin.refuse.self"},
		{"a code for yourself", func() { a.onIssue(me.a) }, "admin.refuse.self_code"},
	} {
		a.asking = nil
		b.tap()
		if a.asking != nil || h.run.pending() != 0 {
			t.Errorf("%s: asked or acted instead of refusing", b.name)
		}
		if a.problem.n.id != b.wantID {
			t.Errorf("%s: said %q", b.name, a.problem.label.Text)
		}
	}

	// Opened with the recovery key, Ana is no longer "you", but still the last admin.
	h.u.lock(lockAsked)
	rec := h.unlockWithRecovery(key)
	a = rec.advisers
	test.Tap(a.byName[adminName].remove)
	want := h.u.tr.T("admin.refuse.last_admin", map[string]any{"Name": adminName})
	if a.asking != nil || a.problem.label.Text != want {
		t.Errorf("removing the last admin: asked %v, said %q", a.asking != nil, a.problem.label.Text)
	}
	if len(h.accounts()) != 1 {
		t.Error("the last admin was removed")
	}
}

func TestNewCodeLetsADisabledAdviserBackIn(t *testing.T) {
	path, _ := vaultWithAccounts(t)
	h := newHarness(t, path, "en")
	h.unlockAs(adminName, adminPass)
	a := h.openAdministration().advisers
	test.Tap(a.byName[disabledName].issue)
	if want := h.u.tr.T("admin.issue.explain_disabled", map[string]any{"Name": disabledName}); a.asking.text.Text != want {
		t.Errorf("question = %q, want %q", a.asking.text.Text, want)
	}
	test.Tap(a.asking.yes)
	h.run.flush()
	if a.code == nil {
		t.Fatal("no code shown")
	}
	code := a.code.code.Text
	if got := h.accounts()[disabledName].Status; got != storage.AdviserInvited {
		t.Fatalf("status after a new code = %q, want invited", got)
	}
	sess, err := h.u.vault.AcceptInvitation(disabledName, code, []byte("back again at last"))
	if err != nil {
		t.Fatalf("the new code does not let Jan back in: %v", err)
	}
	sess.Lock()
}

func TestAuditCheckSaysWholeWithTheCount(t *testing.T) {
	h := unlocked(t)
	s := h.openAdministration()
	s.tab = adminAudit
	h.u.redraw()
	test.Tap(s.audit.check)
	if h.run.pending() != 1 || !s.audit.check.Disabled() || !s.audit.working.box.Visible() {
		t.Fatal("the check did not start off the UI goroutine with its spinner")
	}
	h.run.flush()
	entries, err := h.u.session.Audit("")
	if err != nil {
		t.Fatal(err)
	}
	want := h.u.tr.N("admin.audit.whole", len(entries))
	// The check itself adds nothing to the trail, so the count read back is the count checked.
	if s.audit.result.label.Text != want {
		t.Errorf("result = %q, want %q", s.audit.result.label.Text, want)
	}
}

func TestAuditVerdictWords(t *testing.T) {
	tr := newHarness(t, newVault(t), "en").u.tr
	cases := []struct {
		name    string
		entries int
		err     error
		want    string
	}{
		{"whole with a count", 12, nil, "The audit trail is whole (12 entries checked)."},
		{"whole, one entry", 1, nil, "The audit trail is whole (1 entry checked)."},
		{"whole without a count", 0, nil, "The audit trail is whole."},
		{"broken", 0, &storage.AuditBreakError{Seq: 7}, tr.T("admin.audit.broken", map[string]any{"Seq": 7})},
		{"other damage", 0, storage.ErrCorrupt, notice{err: storage.ErrCorrupt}.text(tr)},
	}
	for _, c := range cases {
		if got := auditVerdict(c.entries, c.err).text(tr); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if !strings.Contains(tr.T("admin.audit.broken", map[string]any{"Seq": 7}), "entry 7") {
		t.Error("the broken sentence does not name the entry")
	}
}

func TestAdministrationIsForAdminsOnly(t *testing.T) {
	path, _ := vaultWithAccounts(t)
	h := newHarness(t, path, "en")
	if !h.u.items.admin.Disabled {
		t.Error("Administration is enabled while locked")
	}
	h.unlockAs(activeName, activePass)
	if h.u.session == nil || h.u.session.Adviser().Name != activeName {
		t.Fatal("Maria could not unlock")
	}
	if !h.u.items.admin.Disabled {
		t.Error("Administration is enabled for an adviser")
	}
	h.u.openAdmin(adminAdvisers)
	h.cases() // still on the case list
}

func TestGoldenAdvisers(t *testing.T) {
	path, _ := vaultWithAccounts(t)
	h := newHarness(t, path, "en")
	h.unlockAs(adminName, adminPass)
	h.openAdministration()
	assertMarkup(t, h, "admin_advisers.xml")
}

// showing reports whether d is open over the window.
func (h *harness) showing(d dialog.Dialog) bool {
	_, ok := h.u.dialogs[d]
	return ok
}

func TestStorageRefusalAfterTheListChangedIsWorded(t *testing.T) {
	path, key := newVaultWithKey(t)
	asAdmin(t, path, testOptions(), func(admin *storage.Session) {
		if err := admin.AddAdviser("Elena Dumitru", storage.RoleAdmin, []byte("thistle river 77")); err != nil {
			t.Fatal(err)
		}
	})
	h := newHarness(t, path, "en")
	a := h.unlockWithRecovery(key).advisers
	test.Tap(a.byName[adminName].remove) // two active admins on the list: no refusal here
	if a.asking == nil {
		t.Fatal("removing one of two admins was refused")
	}
	// Meanwhile the other admin is disabled, so Ana is now the last one.
	if err := h.u.session.DisableAdviser("Elena Dumitru"); err != nil {
		t.Fatal(err)
	}
	test.Tap(a.asking.yes)
	h.run.flush()
	want := h.u.tr.T("admin.refuse.last_admin", map[string]any{"Name": adminName})
	if a.problem.label.Text != want {
		t.Errorf("storage's refusal reads %q, want %q", a.problem.label.Text, want)
	}
	if _, ok := h.accounts()[adminName]; !ok {
		t.Error("the last active admin was removed")
	}
}
