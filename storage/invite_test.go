package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInvitationLifecycle(t *testing.T) {
	_, s, _ := newTestVault(t)
	v := s.Vault()
	code, err := s.InviteAdviser("Bob", RoleAdviser)
	if err != nil {
		t.Fatalf("InviteAdviser: %v", err)
	}
	if len(strings.ReplaceAll(code, "-", "")) != inviteCodeChars || strings.Count(code, "-") != 5 {
		t.Fatalf("code %q is not six groups of four", code)
	}
	if got := statusOf(t, v, "Bob"); got != AdviserInvited {
		t.Fatalf("status after invite = %q", got)
	}
	// The code is not a passphrase: Unlock points the adviser to the invitation.
	if _, err := v.Unlock("Bob", []byte(code)); !errors.Is(err, ErrInvitationPending) {
		t.Fatalf("Unlock on an invited account: %v, want ErrInvitationPending", err)
	}
	// A short passphrase is refused before any derivation; a wrong code does not open it.
	if _, err := v.AcceptInvitation("Bob", code, []byte("short")); !errors.Is(err, ErrWeakPassphrase) {
		t.Fatalf("weak passphrase: %v", err)
	}
	wrong := "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"
	if _, err := v.AcceptInvitation("Bob", wrong, adviserPass); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("wrong code: %v", err)
	}
	if _, err := v.AcceptInvitation("Bob", "not a code", adviserPass); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("malformed code: %v", err)
	}
	// Typed loosely: lower case, spaces for dashes.
	typed := strings.ToLower(strings.ReplaceAll(code, "-", " "))
	bob, err := v.AcceptInvitation("bob", typed, adviserPass)
	if err != nil {
		t.Fatalf("AcceptInvitation: %v", err)
	}
	if a := bob.Adviser(); a.Name != "Bob" || a.Role != RoleAdviser || a.Status != AdviserActive {
		t.Errorf("session adviser = %+v", a)
	}
	if _, err := bob.ListCases(); err != nil {
		t.Errorf("the new session does not work: %v", err)
	}
	// One time only.
	if _, err := v.AcceptInvitation("Bob", code, []byte("a different passphrase")); !errors.Is(err, ErrNotInvited) {
		t.Fatalf("second use of the code: %v, want ErrNotInvited", err)
	}
	if _, err := v.Unlock("Bob", adviserPass); err != nil {
		t.Fatalf("Unlock with the chosen passphrase: %v", err)
	}
	if _, err := v.AcceptInvitation("Nobody", code, adviserPass); !errors.Is(err, ErrUnknownAdviser) {
		t.Errorf("unknown adviser: %v", err)
	}
}

func TestInviteRefusals(t *testing.T) {
	_, s, _ := newTestVault(t)
	if _, err := s.InviteAdviser("alice", RoleAdviser); !errors.Is(err, ErrAdviserExists) {
		t.Errorf("invite an existing name: %v", err)
	}
	if _, err := s.InviteAdviser("recovery", RoleAdviser); !errors.Is(err, ErrInvalid) {
		t.Errorf("invite the reserved name: %v", err)
	}
	if _, err := s.InviteAdviser("Bob", Role("owner")); !errors.Is(err, ErrInvalid) {
		t.Errorf("invite with an unknown role: %v", err)
	}
	code, err := s.InviteAdviser("Bob", RoleAdviser)
	if err != nil {
		t.Fatal(err)
	}
	bob, err := s.Vault().AcceptInvitation("Bob", code, adviserPass)
	if err != nil {
		t.Fatal(err)
	}
	for name, call := range map[string]func() error{
		"invite":  func() error { _, err := bob.InviteAdviser("Carol", RoleAdviser); return err },
		"code":    func() error { _, err := bob.IssueCode("Alice"); return err },
		"disable": func() error { return bob.DisableAdviser("Alice") },
		"retain":  func() error { return bob.SetRetentionMonths(12) },
	} {
		if err := call(); !errors.Is(err, ErrNotAdmin) {
			t.Errorf("%s by an adviser: %v, want ErrNotAdmin", name, err)
		}
	}
}

func TestDisableDestroysTheKey(t *testing.T) {
	path, s, _ := newTestVault(t)
	v := s.Vault()
	if err := s.AddAdviser("Bob", RoleAdviser, adviserPass); err != nil {
		t.Fatal(err)
	}
	before := rawBlob(t, v, "SELECT slot FROM key_slots WHERE name = 'Bob'")
	if err := s.DisableAdviser("Bob"); err != nil {
		t.Fatalf("DisableAdviser: %v", err)
	}
	if _, err := v.Unlock("Bob", adviserPass); !errors.Is(err, ErrAdviserDisabled) {
		t.Fatalf("Unlock a disabled account: %v", err)
	}
	// Editing the status back does not bring the key back.
	rawExec(t, v, "UPDATE key_slots SET status = 'active' WHERE name = 'Bob'")
	if _, err := v.Unlock("Bob", adviserPass); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Unlock after editing the status: %v, want ErrCorrupt", err)
	}
	rawExec(t, v, "UPDATE key_slots SET status = 'disabled' WHERE name = 'Bob'")
	// The old wrapped key is nowhere in the files.
	mustNotContain(t, vaultFiles(t, path), before[len(before)-32:], "the disabled adviser's wrapped key")
	advisers, err := v.Advisers()
	if err != nil || len(advisers) != 2 || advisers[1].Status != AdviserDisabled {
		t.Fatalf("Advisers() = %+v, %v", advisers, err)
	}
	// A new code lets Bob back in with a passphrase he chooses.
	code, err := s.IssueCode("Bob")
	if err != nil {
		t.Fatalf("IssueCode: %v", err)
	}
	if _, err := v.AcceptInvitation("Bob", code, []byte("bob's new passphrase")); err != nil {
		t.Fatalf("AcceptInvitation after disable: %v", err)
	}
	if _, err := v.Unlock("Bob", adviserPass); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("the old passphrase still opens: %v", err)
	}
}

func TestIssueCodeReplacesAForgottenPassphrase(t *testing.T) {
	_, s, _ := newTestVault(t)
	v := s.Vault()
	if err := s.AddAdviser("Bob", RoleAdviser, adviserPass); err != nil {
		t.Fatal(err)
	}
	code, err := s.IssueCode("Bob")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.Unlock("Bob", adviserPass); !errors.Is(err, ErrInvitationPending) {
		t.Errorf("old passphrase after a new code: %v", err)
	}
	if _, err := s.IssueCode("Alice"); !errors.Is(err, ErrInvalid) {
		t.Errorf("IssueCode for yourself: %v", err)
	}
	if _, err := s.IssueCode("Nobody"); !errors.Is(err, ErrUnknownAdviser) {
		t.Errorf("IssueCode for nobody: %v", err)
	}
	if _, err := v.AcceptInvitation("Bob", code, adviserPass); err != nil {
		t.Errorf("AcceptInvitation: %v", err)
	}
}

func TestRetireLimits(t *testing.T) {
	_, s, rk := newTestVault(t)
	v := s.Vault()
	if err := s.DisableAdviser("Alice"); !errors.Is(err, ErrInvalid) {
		t.Errorf("disable yourself: %v", err)
	}
	if err := s.RemoveAdviser("Alice"); !errors.Is(err, ErrInvalid) {
		t.Errorf("remove yourself: %v", err)
	}
	if err := s.AddAdviser("Carol", RoleAdmin, adviserPass); err != nil {
		t.Fatal(err)
	}
	carol, err := v.Unlock("Carol", adviserPass)
	if err != nil {
		t.Fatal(err)
	}
	// Carol may disable Alice while Carol is an active admin; then Alice is not the last.
	if err := carol.DisableAdviser("Alice"); err != nil {
		t.Fatalf("disable another admin: %v", err)
	}
	// A recovery session may not disable Carol, the last active admin.
	rs, err := v.UnlockWithRecoveryKey(rk)
	if err != nil {
		t.Fatal(err)
	}
	if err := rs.DisableAdviser("Carol"); !errors.Is(err, ErrInvalid) {
		t.Errorf("disable the last active admin: %v", err)
	}
	if err := rs.RemoveAdviser("Carol"); !errors.Is(err, ErrInvalid) {
		t.Errorf("remove the last active admin: %v", err)
	}
	// A disabled admin may be removed: Carol stays.
	if err := rs.RemoveAdviser("Alice"); err != nil {
		t.Errorf("remove a disabled admin: %v", err)
	}
}

func TestBackupCarriesOnlyActiveAccounts(t *testing.T) {
	path, s, _ := newTestVault(t)
	if _, err := s.InviteAdviser("Bartholomew", RoleAdmin); err != nil {
		t.Fatal(err)
	}
	if err := s.AddAdviser("Carolina", RoleAdviser, adviserPass); err != nil {
		t.Fatal(err)
	}
	if err := s.DisableAdviser("Carolina"); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "backup.wmk")
	var calls int
	var last, total int64
	err := s.BackupWithProgress(out, func(done, all int64) { calls++; last, total = done, all })
	if err != nil {
		t.Fatalf("BackupWithProgress: %v", err)
	}
	if calls < 2 || last != total || total == 0 {
		t.Errorf("progress: %d calls, last %d of %d", calls, last, total)
	}
	if bytes.Contains(fileBytes(t, out), []byte("Carolina")) || bytes.Contains(fileBytes(t, out), []byte("Bartholomew")) {
		t.Error("the backup header names an account that cannot restore")
	}
	s.Vault().Close()
	var rcalls int
	err = RestoreWithProgress(out, path, "Alice", adminPass, fastOptions(), func(done, all int64) { rcalls++; last, total = done, all })
	if err != nil {
		t.Fatalf("RestoreWithProgress: %v", err)
	}
	if rcalls < 2 || last != total {
		t.Errorf("restore progress: %d calls, last %d of %d", rcalls, last, total)
	}
	v, err := Open(path, fastOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	for name, want := range map[string]AdviserStatus{"Alice": AdviserActive, "Bartholomew": AdviserInvited, "Carolina": AdviserDisabled} {
		if got := statusOf(t, v, name); got != want {
			t.Errorf("%s after restore: %q, want %q", name, got, want)
		}
	}
}

func statusOf(t *testing.T, v *Vault, name string) AdviserStatus {
	t.Helper()
	advisers, err := v.Advisers()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range advisers {
		if a.Name == name {
			return a.Status
		}
	}
	t.Fatalf("no adviser %q", name)
	return ""
}

func TestCheckBackupBeforeRestoring(t *testing.T) {
	_, s, _ := newTestVault(t)
	if err := s.AddAdviser("Bob", RoleAdviser, adviserPass); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "backup.wmk")
	if err := s.Backup(out); err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(t.TempDir(), "cut.wmk")
	if err := os.WriteFile(cut, fileBytes(t, out)[:40], 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, adviser string
		pass                []byte
		want                error
	}{
		{"right", out, "alice", adminPass, nil},
		{"wrong passphrase", out, "Alice", []byte("not the passphrase at all"), ErrWrongPassphrase},
		{"not in the backup", out, "Zoe", adminPass, ErrUnknownAdviser},
		{"not an admin", out, "Bob", adviserPass, ErrNotAdmin},
		{"cut short", cut, "Alice", adminPass, ErrBadBackup},
		{"no file", filepath.Join(t.TempDir(), "none.wmk"), "Alice", adminPass, os.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckBackup(tt.path, tt.adviser, tt.pass, fastOptions())
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("CheckBackup = %v, want %v", err, tt.want)
			}
		})
	}
}
