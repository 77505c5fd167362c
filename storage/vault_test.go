package storage

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

func TestCreateOpenUnlockRoundTrip(t *testing.T) {
	path, s, rk := newTestVault(t)
	if got := len(strings.Split(rk, "-")); got != 8 {
		t.Errorf("recovery key has %d groups, want 8: %q", got, rk)
	}
	want := mustCreateCase(t, s, sampleCase("WM-001"))
	if want.ID == "" || want.Opened != "2026-11-23" || want.Status != CaseOpen {
		t.Fatalf("CreateCase set ID=%q Opened=%q Status=%q", want.ID, want.Opened, want.Status)
	}
	if err := s.Vault().Close(); err != nil {
		t.Fatal(err)
	}
	if !s.Locked() {
		t.Error("closing the vault did not lock its session")
	}

	v, err := Open(path, fastOptions())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer v.Close()
	advisers, err := v.Advisers()
	if err != nil || !reflect.DeepEqual(advisers, []Adviser{{Name: "Alice", Role: RoleAdmin, Status: AdviserActive}}) {
		t.Fatalf("Advisers() = %v, %v", advisers, err)
	}
	s2, err := v.Unlock("alice", adminPass) // names match without regard to case
	if err != nil {
		t.Fatalf("Unlock: %v", err)
	}
	if s2.Adviser() != (Adviser{Name: "Alice", Role: RoleAdmin, Status: AdviserActive}) {
		t.Errorf("Adviser() = %v", s2.Adviser())
	}
	got, err := s2.Case(want.ID)
	if err != nil {
		t.Fatalf("Case: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Case() = %+v\nwant %+v", got, want)
	}

	rs, err := v.UnlockWithRecoveryKey(strings.ToLower(strings.ReplaceAll(rk, "-", " ")))
	if err != nil {
		t.Fatalf("UnlockWithRecoveryKey: %v", err)
	}
	if rs.Adviser() != (Adviser{Name: "recovery", Role: RoleAdmin, Status: AdviserActive}) {
		t.Errorf("recovery session adviser = %v", rs.Adviser())
	}
	if _, err := rs.Case(want.ID); err != nil {
		t.Errorf("recovery session Case: %v", err)
	}
}

func TestUnlockErrors(t *testing.T) {
	path, s, rk := newTestVault(t)
	mustCreateCase(t, s, sampleCase("WM-001"))
	if err := s.AddAdviser("Bob", RoleAdviser, adviserPass); err != nil {
		t.Fatal(err)
	}
	s.Vault().Close()
	v, err := Open(path, fastOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	otherKey := []byte(rk)
	otherKey[0] ^= 1 // a different, well-formed key
	if otherKey[0] == '-' || !strings.ContainsRune("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", rune(otherKey[0])) {
		otherKey[0] = 'A'
		if rk[0] == 'A' {
			otherKey[0] = 'B'
		}
	}
	tests := []struct {
		name    string
		unlock  func() (*Session, error)
		wantErr error
	}{
		{"wrong passphrase", func() (*Session, error) { return v.Unlock("Alice", []byte("not the passphrase")) }, ErrWrongPassphrase},
		{"other adviser's passphrase", func() (*Session, error) { return v.Unlock("Alice", adviserPass) }, ErrWrongPassphrase},
		{"empty passphrase", func() (*Session, error) { return v.Unlock("Alice", nil) }, ErrWrongPassphrase},
		{"unknown adviser", func() (*Session, error) { return v.Unlock("Mallory", adminPass) }, ErrUnknownAdviser},
		{"wrong recovery key", func() (*Session, error) { return v.UnlockWithRecoveryKey(string(otherKey)) }, ErrWrongPassphrase},
		{"malformed recovery key", func() (*Session, error) { return v.UnlockWithRecoveryKey("not a key") }, ErrWrongPassphrase},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := recordOpens.Load()
			s, err := tt.unlock()
			if !errors.Is(err, tt.wantErr) || s != nil {
				t.Fatalf("got %v, %v; want %v", s, err, tt.wantErr)
			}
			if errors.Is(err, ErrCorrupt) {
				t.Errorf("%v also matches ErrCorrupt", err)
			}
			if n := recordOpens.Load() - before; n != 0 {
				t.Errorf("%d records decrypted by a failed unlock", n)
			}
		})
	}
}

func TestCreateRefuses(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "existing.db")
	if err := os.WriteFile(existing, []byte("something"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, admin string
		pass              []byte
		opt               *Options
		wantErr           error
	}{
		{"existing file", existing, "Alice", adminPass, fastOptions(), ErrVaultExists},
		{"short passphrase", filepath.Join(dir, "a.db"), "Alice", []byte("ninechars"), fastOptions(), ErrWeakPassphrase},
		{"ten runes is enough", filepath.Join(dir, "b.db"), "Alice", []byte("ąćęłńóśźżą"), fastOptions(), nil},
		{"empty admin name", filepath.Join(dir, "c.db"), "", adminPass, fastOptions(), ErrInvalid},
		{"reserved admin name", filepath.Join(dir, "d.db"), "Recovery", adminPass, fastOptions(), ErrInvalid},
		{"control character in name", filepath.Join(dir, "e.db"), "Al\nice", adminPass, fastOptions(), ErrInvalid},
		{"kdf floor above max", filepath.Join(dir, "f.db"), "Alice", adminPass,
			&Options{KDF: KDFPolicy{Floor: KDFParams{64, 200, 1}, Max: KDFParams{1024, 100, 4}}}, ErrKDFParams},
		{"kdf max above hard cap", filepath.Join(dir, "g.db"), "Alice", adminPass,
			&Options{KDF: KDFPolicy{Floor: KDFParams{64, 1, 1}, Max: KDFParams{2 << 20, 100, 4}}}, ErrKDFParams},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadDir(dir)
			s, rk, err := Create(tt.path, tt.admin, tt.pass, tt.opt)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Create: %v, want %v", err, tt.wantErr)
			}
			if err == nil {
				s.Vault().Close()
				if rk == "" {
					t.Error("no recovery key")
				}
				return
			}
			after, _ := os.ReadDir(dir)
			if len(after) != len(before) {
				t.Errorf("failed Create left files behind: %v", after)
			}
		})
	}
}

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(filepath.Join(dir, "missing.db"), fastOptions()); !errors.Is(err, ErrNoVault) {
		t.Errorf("missing file: %v, want ErrNoVault", err)
	}
	if _, err := Open(dir, fastOptions()); !errors.Is(err, ErrCorrupt) {
		t.Errorf("folder: %v, want ErrCorrupt", err)
	}
}

func TestSessionLock(t *testing.T) {
	_, s, _ := newTestVault(t)
	c := mustCreateCase(t, s, sampleCase("WM-001"))
	keys := s.keys
	s.Lock()
	s.Lock() // idempotent
	if !s.Locked() {
		t.Fatal("Locked() false after Lock")
	}
	for _, b := range [][]byte{keys.data, keys.record, keys.refMAC, keys.audit} {
		for _, x := range b {
			if x != 0 {
				t.Fatal("key material not zeroed by Lock")
			}
		}
	}
	calls := map[string]func() error{
		"Case":               func() error { _, err := s.Case(c.ID); return err },
		"CreateCase":         func() error { _, err := s.CreateCase(sampleCase("X")); return err },
		"SaveCase":           func() error { return s.SaveCase(c) },
		"ListCases":          func() error { _, err := s.ListCases(); return err },
		"EraseCase":          func() error { return s.EraseCase(c.ID) },
		"AddAdviser":         func() error { return s.AddAdviser("Bob", RoleAdviser, adviserPass) },
		"ChangePassphrase":   func() error { return s.ChangePassphrase(adminPass, adviserPass) },
		"IdleLockMinutes":    func() error { _, err := s.IdleLockMinutes(); return err },
		"SetIdleLockMinutes": func() error { return s.SetIdleLockMinutes(10) },
		"Audit":              func() error { _, err := s.Audit(""); return err },
		"VerifyAudit":        func() error { return s.VerifyAudit() },
		"Backup":             func() error { return s.Backup(filepath.Join(t.TempDir(), "b")) },
		"RecordPrint":        func() error { return s.RecordPrint(c.ID) },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, ErrLocked) {
			t.Errorf("%s after Lock: %v, want ErrLocked", name, err)
		}
	}
}

func TestFilePermissions(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no unix file modes")
	}
	path, s, _ := newTestVault(t)
	mustCreateCase(t, s, sampleCase("WM-001")) // the WAL and shared memory now exist
	fi, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if m := fi.Mode().Perm(); m != 0o700 {
		t.Errorf("vault folder mode %o, want 700", m)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		fi, err := os.Stat(path + suffix)
		if err != nil {
			t.Fatalf("%s: %v", suffix, err)
		}
		if m := fi.Mode().Perm(); m != 0o600 {
			t.Errorf("vault%s mode %o, want 600", suffix, m)
		}
	}
	backup := filepath.Join(t.TempDir(), "backup.wmb")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(backup); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode: %v %v, want 600", fi.Mode(), err)
	}
}

func TestEveryConnectionHasPragmas(t *testing.T) {
	_, s, _ := newTestVault(t)
	db := s.Vault().db
	want := map[string]string{
		"journal_mode": "wal", "synchronous": "2", "foreign_keys": "1", "secure_delete": "1",
		"temp_store": "2", "application_id": strconv.Itoa(applicationID), "user_version": strconv.FormatInt(schemaVersion, 10),
	}
	for range 3 { // fresh connections each round
		db.SetMaxIdleConns(0)
		db.SetMaxIdleConns(1)
		for p, w := range want {
			var got string
			if err := db.QueryRow("PRAGMA " + p).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != w {
				t.Errorf("PRAGMA %s = %s, want %s", p, got, w)
			}
		}
	}
}

func TestAdvisersAndRoles(t *testing.T) {
	path, s, _ := newTestVault(t)
	if err := s.AddAdviser("Bob", RoleAdviser, adviserPass); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		err     error
		wantErr error
	}{
		{"duplicate name", s.AddAdviser("bob", RoleAdviser, adviserPass), ErrAdviserExists},
		{"weak passphrase", s.AddAdviser("Carol", RoleAdviser, []byte("short")), ErrWeakPassphrase},
		{"unknown role", s.AddAdviser("Carol", Role("root"), adviserPass), ErrInvalid},
		{"idle lock too low", s.SetIdleLockMinutes(0), ErrInvalid},
		{"idle lock too high", s.SetIdleLockMinutes(121), ErrInvalid},
		{"remove last admin", s.RemoveAdviser("Alice"), ErrInvalid},
		{"remove unknown", s.RemoveAdviser("Zed"), ErrUnknownAdviser},
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, tt.wantErr) {
			t.Errorf("%s: %v, want %v", tt.name, tt.err, tt.wantErr)
		}
	}
	if n, err := s.IdleLockMinutes(); n != 5 || err != nil {
		t.Errorf("default idle lock = %d, %v", n, err)
	}
	if err := s.SetIdleLockMinutes(120); err != nil {
		t.Fatal(err)
	}
	if n, err := s.IdleLockMinutes(); n != 120 || err != nil {
		t.Errorf("idle lock = %d, %v", n, err)
	}

	bob, err := s.Vault().Unlock("Bob", adviserPass)
	if err != nil {
		t.Fatal(err)
	}
	for name, err := range map[string]error{
		"AddAdviser":         bob.AddAdviser("Carol", RoleAdviser, adviserPass),
		"SetIdleLockMinutes": bob.SetIdleLockMinutes(10),
		"RemoveAdviser":      bob.RemoveAdviser("Alice"),
		"ResetPassphrase":    bob.ResetPassphrase("Alice", adviserPass),
		"Restore":            restoreAs(t, s, path, "Bob", adviserPass),
	} {
		if !errors.Is(err, ErrNotAdmin) {
			t.Errorf("adviser %s: %v, want ErrNotAdmin", name, err)
		}
	}
	if n, err := bob.IdleLockMinutes(); n != 120 || err != nil {
		t.Errorf("adviser reads idle lock = %d, %v", n, err)
	}

	newPass := []byte("bob's new passphrase")
	if err := s.ResetPassphrase("Bob", newPass); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Vault().Unlock("Bob", newPass); err != nil {
		t.Errorf("Unlock after reset: %v", err)
	}
	if err := s.RemoveAdviser("Bob"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Vault().Unlock("Bob", newPass); !errors.Is(err, ErrUnknownAdviser) {
		t.Errorf("Unlock removed adviser: %v", err)
	}
}

// restoreAs backs up s's vault and restores it over path as adviser.
func restoreAs(t *testing.T, s *Session, path, adviser string, pass []byte) error {
	t.Helper()
	b := filepath.Join(t.TempDir(), "backup.wmb")
	if err := s.Backup(b); err != nil {
		t.Fatal(err)
	}
	return Restore(b, filepath.Join(t.TempDir(), "restored.db"), adviser, pass, fastOptions())
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("WAYMARK_VAULT", "/some/where/vault.db")
	if p, err := DefaultPath(); p != "/some/where/vault.db" || err != nil {
		t.Errorf("DefaultPath() = %q, %v", p, err)
	}
	t.Setenv("WAYMARK_VAULT", "")
	p, err := DefaultPath()
	if err != nil {
		t.Skipf("no user config dir here: %v", err)
	}
	if filepath.Base(p) != "vault.db" || filepath.Base(filepath.Dir(p)) != "Waymark" {
		t.Errorf("DefaultPath() = %q", p)
	}
}

func TestConcurrentUseAndLock(t *testing.T) {
	_, s, _ := newTestVault(t)
	c := mustCreateCase(t, s, sampleCase("WM-001"))
	other, err := s.Vault().Unlock("Alice", adminPass)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 40)
	for i := range 40 {
		go func() {
			var err error
			switch i % 4 {
			case 0:
				_, err = s.ListCases()
			case 1:
				_, err = s.Case(c.ID)
			case 2:
				cc := c
				cc.Name = "n"
				err = s.SaveCase(cc)
			case 3:
				_, err = other.CreateCase(sampleCase("P-" + strconv.Itoa(i)))
			}
			done <- err
		}()
		if i == 20 {
			s.Lock()
		}
	}
	for range 40 {
		if err := <-done; err != nil && !errors.Is(err, ErrLocked) {
			t.Errorf("concurrent call: %v", err)
		}
	}
	if err := other.VerifyAudit(); err != nil {
		t.Errorf("VerifyAudit after concurrent writes: %v", err)
	}
}
