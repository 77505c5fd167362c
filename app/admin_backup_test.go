package app

import (
	"os"
	"path/filepath"
	"testing"

	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"waymark/storage"
)

// backupSection opens the Administration screen's Backup tab.
func (h *harness) backupTab() *backupSection {
	h.t.Helper()
	s := h.openAdministration()
	s.tab = adminBackup
	h.u.redraw()
	return s.backup
}

// makeBackup writes a backup of the open vault to a new file, as if the save dialog chose it.
func (h *harness) makeBackup(b *backupSection) string {
	h.t.Helper()
	path := filepath.Join(h.t.TempDir(), "backup.wmk")
	w, err := fynestorage.Writer(fynestorage.NewFileURI(path))
	if err != nil {
		h.t.Fatal(err)
	}
	b.onSaveChosen(w, nil)
	if h.run.pending() != 1 || !b.bar.Visible() || !b.create.Disabled() {
		h.t.Fatal("the backup did not start off the UI goroutine with a progress bar")
	}
	h.run.flush()
	return path
}

// caseRefs lists the references in the vault as the session sees them.
func (h *harness) caseRefs() map[string]bool {
	h.t.Helper()
	list, err := h.u.session.ListCases()
	if err != nil {
		h.t.Fatal(err)
	}
	refs := map[string]bool{}
	for _, c := range list {
		refs[c.Reference] = true
	}
	return refs
}

// askRestore fills in the restore form for the backup at path and presses Continue, letting
// the passphrase check against the backup finish. It returns the form.
func (h *harness) askRestore(b *backupSection, path, name, pass string) *restoreDialog {
	h.t.Helper()
	b.askPassphrase(path, filepath.Base(path))
	d := b.asking
	if d == nil || d.name.Text != adminName {
		h.t.Fatal("the restore form did not open with the admin's name filled in")
	}
	d.name.SetText(name)
	test.Type(d.pass, pass)
	test.Tap(d.next)
	if d.problem.n.id != "admin.restore.checking" || !d.next.Disabled() {
		h.t.Errorf("while the passphrase is checked: %q, Continue enabled %v", d.problem.label.Text, !d.next.Disabled())
	}
	h.run.flush()
	return d
}

// restoreFrom goes through the restore form and its confirmation for the backup at path.
func (h *harness) restoreFrom(b *backupSection, path, name, pass string) {
	h.t.Helper()
	h.askRestore(b, path, name, pass)
	if b.sure == nil || !h.showing(b.sure.dlg) {
		h.t.Fatal("no confirmation that the vault will be replaced")
	}
	test.Tap(b.sure.yes)
}

func TestBackupWritesAFileThatRestores(t *testing.T) {
	h := unlocked(t)
	h.addCaseDirect(t, "WM-BEFORE")
	b := h.backupTab()
	path := h.makeBackup(b)
	if info, err := os.Stat(path); err != nil || info.Size() == 0 {
		t.Fatalf("backup file: %v", err)
	}
	if b.result.label.Text != h.u.tr.T("admin.backup.done", map[string]any{"File": "backup.wmk"}) || b.bar.Visible() {
		t.Errorf("after the backup: %q, bar shown %v", b.result.label.Text, b.bar.Visible())
	}

	h.addCaseDirect(t, "WM-AFTER")
	h.restoreFrom(b, path, adminName, adminPass)
	if h.u.session != nil || h.u.vault != nil {
		t.Fatal("the vault is still open while it is restored")
	}
	if _, ok := h.u.current.(*restoreScreen); !ok {
		t.Fatalf("screen is %T while restoring, want the restore screen", h.u.current)
	}
	h.run.flush()
	s := h.unlockScreen()
	if want := h.u.tr.T("admin.restore.done", map[string]any{"File": "backup.wmk"}); s.locked.label.Text != want {
		t.Errorf("unlock screen says %q, want %q", s.locked.label.Text, want)
	}
	h.unlock(adminPass)
	refs := h.caseRefs()
	if !refs["WM-BEFORE"] || refs["WM-AFTER"] {
		t.Errorf("after restoring, cases = %v; want the one from before the backup only", refs)
	}
}

// A passphrase, name or file the backup's header refuses is said in the form, before anything
// is locked; a backup whose body is damaged gets past that and is refused by the restore,
// which leaves the vault as it was and says so on the unlock screen.
func TestRestoreFailuresLeaveTheVaultAndSaySo(t *testing.T) {
	damaged := filepath.Join(t.TempDir(), "damaged.wmk")
	writeFile(t, damaged, []byte("WAYMARK BACKUP? no, only some text that is not one at all"))
	cases := []struct {
		name   string
		who    string
		pass   string
		wantID string
	}{
		{"wrong passphrase", adminName, "not the passphrase", "admin.restore.wrong_passphrase"},
		{"no such adviser", "Nobody Here", adminPass, "admin.restore.unknown_adviser"},
		{"damaged backup", adminName, adminPass, "admin.restore.bad_backup"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := unlocked(t)
			b := h.backupTab()
			path := h.makeBackup(b)
			if c.name == "damaged backup" {
				path = damaged
			}
			h.addCaseDirect(t, "WM-KEPT")
			d := h.askRestore(b, path, c.who, c.pass)
			if d.problem.n.id != c.wantID || d.problem.n.info || d.pass.Text != "" {
				t.Errorf("the form says %q (id %q), passphrase left %q; want %q", d.problem.label.Text, d.problem.n.id, d.pass.Text, c.wantID)
			}
			if b.sure != nil || h.u.session == nil {
				t.Fatal("a refused passphrase went on to the confirmation or locked the vault")
			}
			if !h.caseRefs()["WM-KEPT"] {
				t.Error("the vault changed although the restore was refused")
			}
		})
	}
	t.Run("damaged body", func(t *testing.T) {
		h := unlocked(t)
		b := h.backupTab()
		path := h.makeBackup(b)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		data[len(data)-10] ^= 0xff
		writeFile(t, path, data)
		h.addCaseDirect(t, "WM-KEPT")
		h.restoreFrom(b, path, adminName, adminPass)
		h.run.flush()
		s := h.unlockScreen()
		if s.locked.n.id != "admin.restore.bad_backup" || s.locked.n.info {
			t.Errorf("unlock screen says %q (id %q), want the damaged-backup sentence", s.locked.label.Text, s.locked.n.id)
		}
		h.unlock(adminPass)
		if !h.caseRefs()["WM-KEPT"] {
			t.Error("the vault changed although the restore failed")
		}
	})
}

func TestRestoreFailureSentences(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{storage.ErrWrongPassphrase, "admin.restore.wrong_passphrase"},
		{storage.ErrUnknownAdviser, "admin.restore.unknown_adviser"},
		{storage.ErrNotAdmin, "admin.restore.not_admin"},
		{storage.ErrBadBackup, "admin.restore.bad_backup"},
		{storage.ErrVaultBusy, "admin.restore.busy"},
		{os.ErrNotExist, "admin.restore.failed"},
	}
	for _, c := range cases {
		if got := restoreFailure(c.err); got.id != c.want {
			t.Errorf("%v: %q, want %q", c.err, got.id, c.want)
		}
	}
}

func TestRestoreCancelledDoesNothing(t *testing.T) {
	h := unlocked(t)
	b := h.backupTab()
	path := h.makeBackup(b)
	b.askPassphrase(path, "backup.wmk")
	test.Type(b.asking.pass, adminPass)
	test.Tap(b.asking.next)
	h.run.flush()
	test.Tap(b.sure.no)
	if h.u.session == nil || h.run.pending() != 0 {
		t.Fatal("cancelling the confirmation locked the vault or started a restore")
	}
	h.admin()

	test.Tap(b.restore) // the open dialog; nothing chosen
	b.askPassphrase(path, "backup.wmk")
	test.Tap(b.asking.next)
	if b.asking.problem.n.id != "admin.restore.need_pass" {
		t.Errorf("without a passphrase: %q", b.asking.problem.label.Text)
	}
}
