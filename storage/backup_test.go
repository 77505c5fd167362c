package storage

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"waymark/jobs"
)

// bigVault makes a vault large enough for a backup of several chunks, backs it up and
// closes it. It returns the vault path, the backup path and the cases.
func bigVault(t *testing.T) (string, string, []Case) {
	t.Helper()
	path, s, _ := newTestVault(t)
	if err := s.AddAdviser("Bob", RoleAdviser, adviserPass); err != nil {
		t.Fatal(err)
	}
	var cases []Case
	for i := range 40 {
		c := sampleCase(fmt.Sprintf("WM-%03d", i))
		c.Steps = append(c.Steps, jobs.Step{Text: strings.Repeat("long step text ", 200), Owner: jobs.OwnerOther})
		cases = append(cases, mustCreateCase(t, s, c))
	}
	backup := filepath.Join(t.TempDir(), "backup.wmb")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	if err := s.Vault().Close(); err != nil {
		t.Fatal(err)
	}
	return path, backup, cases
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	path, backup, cases := bigVault(t)
	if fi, _ := os.Stat(backup); fi.Size() < 3*encChunkSize {
		t.Fatalf("backup is %d bytes; the test wants at least three chunks", fi.Size())
	}
	// Change the live vault after the backup; restoring must bring back the backed-up state.
	v, err := Open(path, fastOptions())
	if err != nil {
		t.Fatal(err)
	}
	s, err := v.Unlock("Alice", adminPass)
	if err != nil {
		t.Fatal(err)
	}
	mustCreateCase(t, s, sampleCase("AFTER-BACKUP"))
	if err := s.EraseCase(cases[0].ID); err != nil {
		t.Fatal(err)
	}
	v.Close()

	for _, target := range []string{path, filepath.Join(t.TempDir(), "new", "vault.db")} {
		if err := Restore(backup, target, "alice", adminPass, fastOptions()); err != nil {
			t.Fatalf("Restore to %s: %v", target, err)
		}
		v, err := Open(target, fastOptions())
		if err != nil {
			t.Fatal(err)
		}
		for _, who := range []struct {
			name string
			pass []byte
		}{{"Alice", adminPass}, {"Bob", adviserPass}} {
			s, err := v.Unlock(who.name, who.pass)
			if err != nil {
				t.Fatalf("Unlock %s after restore: %v", who.name, err)
			}
			list, err := s.ListCases()
			if err != nil || len(list) != len(cases) {
				t.Fatalf("ListCases after restore: %d, %v", len(list), err)
			}
			got, err := s.Case(cases[0].ID)
			if err != nil || !reflect.DeepEqual(got, cases[0]) {
				t.Errorf("restored case: %v", err)
			}
			if err := s.VerifyAudit(); err != nil {
				t.Errorf("VerifyAudit after restore: %v", err)
			}
			entries, _ := s.Audit("")
			var actions []string
			for _, e := range entries {
				actions = append(actions, e.Action)
			}
			if !strings.Contains(strings.Join(actions, ","), ActionRestore) {
				t.Errorf("no restore row in the audit: %v", actions)
			}
		}
		v.Close()
		if fi, err := os.Stat(target); err == nil && fi.Mode().Perm() != fileMode && !isWindows() {
			t.Errorf("restored vault mode %o", fi.Mode().Perm())
		}
		assertNoTempFiles(t, filepath.Dir(target))
	}
}

// assertNoTempFiles fails if a temporary file or folder of this package is left in dir.
func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind in %s: %s", dir, e.Name())
		}
	}
}

func TestRestoreFailureLeavesVaultUntouched(t *testing.T) {
	path, backup, _ := bigVault(t)
	good := fileBytes(t, backup)
	h, err := readBackupHeader(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	headerLen := len(h.covered) + macSize
	body := good[headerLen:]
	nChunks := (len(body) + encChunkSize - 1) / encChunkSize
	mutate := func(f func([]byte) []byte) []byte { return f(bytes.Clone(good)) }
	random := make([]byte, 200_000)
	rand.Read(random)

	tests := []struct {
		name    string
		data    []byte
		adviser string
		pass    []byte
		wantErr error
	}{
		{"wrong passphrase", good, "Alice", []byte("not the passphrase"), ErrWrongPassphrase},
		{"unknown adviser", good, "Mallory", adminPass, ErrUnknownAdviser},
		{"adviser is not an admin", good, "Bob", adviserPass, ErrNotAdmin},
		{"empty file", nil, "Alice", adminPass, ErrCorrupt},
		{"random bytes", random, "Alice", adminPass, ErrCorrupt},
		{"not a backup", []byte("WMBACKUQ" + strings.Repeat("x", 500)), "Alice", adminPass, ErrCorrupt},
		{"header byte flipped (salt)", mutate(func(b []byte) []byte { b[12] ^= 1; return b }), "Alice", adminPass, ErrCorrupt},
		{"header mac flipped", mutate(func(b []byte) []byte { b[headerLen-1] ^= 1; return b }), "Alice", adminPass, ErrCorrupt},
		{"first chunk byte flipped", mutate(func(b []byte) []byte { b[headerLen+100] ^= 1; return b }), "Alice", adminPass, ErrCorrupt},
		{"last byte flipped", mutate(func(b []byte) []byte { b[len(b)-1] ^= 1; return b }), "Alice", adminPass, ErrCorrupt},
		{"truncated to the header", good[:headerLen], "Alice", adminPass, ErrCorrupt},
		{"truncated inside the header", good[:headerLen/2], "Alice", adminPass, ErrCorrupt},
		{"truncated at a chunk boundary", good[:headerLen+encChunkSize], "Alice", adminPass, ErrCorrupt},
		{"truncated at the last chunk boundary", good[:headerLen+(nChunks-1)*encChunkSize], "Alice", adminPass, ErrCorrupt},
		{"truncated by half", good[:len(good)/2], "Alice", adminPass, ErrCorrupt},
		{"last byte missing", good[:len(good)-1], "Alice", adminPass, ErrCorrupt},
		{"trailing byte", append(bytes.Clone(good), 0), "Alice", adminPass, ErrCorrupt},
		{"chunks swapped", mutate(func(b []byte) []byte {
			c0 := bytes.Clone(b[headerLen : headerLen+encChunkSize])
			copy(b[headerLen:], b[headerLen+encChunkSize:headerLen+2*encChunkSize])
			copy(b[headerLen+encChunkSize:], c0)
			return b
		}), "Alice", adminPass, ErrCorrupt},
		{"chunk dropped", append(bytes.Clone(good[:headerLen+encChunkSize]), good[headerLen+2*encChunkSize:]...), "Alice", adminPass, ErrCorrupt},
	}
	live := vaultFiles(t, path)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := filepath.Join(t.TempDir(), "bad.wmb")
			if err := os.WriteFile(bad, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			err := Restore(bad, path, tt.adviser, tt.pass, fastOptions())
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Restore: %v, want %v", err, tt.wantErr)
			}
			// A corruption found while restoring is the backup's fault, never the live vault's,
			// and says so; other failures (passphrase, role) must not claim the file is bad.
			if got, want := errors.Is(err, ErrBadBackup), errors.Is(tt.wantErr, ErrCorrupt); got != want {
				t.Errorf("Restore: errors.Is(%v, ErrBadBackup) = %v, want %v", err, got, want)
			}
			if !reflect.DeepEqual(vaultFiles(t, path), live) {
				t.Error("live vault files changed")
			}
			assertNoTempFiles(t, filepath.Dir(path))
		})
	}
	t.Run("vault open elsewhere", func(t *testing.T) {
		v, err := Open(path, fastOptions())
		if err != nil {
			t.Fatal(err)
		}
		defer v.Close()
		s, err := v.Unlock("Alice", adminPass)
		if err != nil {
			t.Fatal(err)
		}
		mustCreateCase(t, s, sampleCase("WHILE-OPEN"))
		before := vaultFiles(t, path)
		if err := Restore(backup, path, "Alice", adminPass, fastOptions()); !errors.Is(err, ErrVaultBusy) {
			t.Errorf("Restore over an open vault: %v, want ErrVaultBusy", err)
		}
		// The database and WAL are untouched; only SQLite's shared-memory read marks (in
		// -shm, which holds no content) may move when a connection looks at the vault.
		after := vaultFiles(t, path)
		for _, f := range []string{"db", "db-wal"} {
			if !bytes.Equal(after[f], before[f]) {
				t.Errorf("open vault's %s changed", f)
			}
		}
		if _, err := s.ListCases(); err != nil {
			t.Errorf("open vault unusable after refused restore: %v", err)
		}
		assertNoTempFiles(t, filepath.Dir(path))
	})
	t.Run("damaged vault at the target is replaced", func(t *testing.T) {
		target := filepath.Join(t.TempDir(), "vault.db")
		damaged := append(bytes.Clone(fileBytes(t, path)[:100]), bytes.Repeat([]byte{0xEE}, 8192)...)
		if err := os.WriteFile(target, damaged, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target+"-wal", []byte("stale"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := Restore(backup, target, "Alice", adminPass, fastOptions()); err != nil {
			t.Fatalf("Restore over a damaged vault: %v", err)
		}
		v, err := Open(target, fastOptions())
		if err != nil {
			t.Fatal(err)
		}
		defer v.Close()
		if _, err := v.Unlock("Alice", adminPass); err != nil {
			t.Errorf("Unlock restored vault: %v", err)
		}
	})
	t.Run("not a vault at the target", func(t *testing.T) {
		target := filepath.Join(t.TempDir(), "thesis.docx")
		content := []byte("months of work")
		if err := os.WriteFile(target, content, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := Restore(backup, target, "Alice", adminPass, fastOptions()); !errors.Is(err, ErrCorrupt) {
			t.Errorf("Restore over a non-vault file: %v, want ErrCorrupt", err)
		}
		if !bytes.Equal(fileBytes(t, target), content) {
			t.Error("non-vault file replaced")
		}
	})
}

// failingWriter fails once more than n bytes have been written.
type failingWriter struct {
	w io.Writer
	n int
}

var errInjected = errors.New("injected write failure")

func (f *failingWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		n, _ := f.w.Write(p[:f.n])
		f.n = 0
		return n, errInjected
	}
	f.n -= len(p)
	return f.w.Write(p)
}

func TestBackupWriteFailureLeavesNothing(t *testing.T) {
	path, s, _ := newTestVault(t)
	for i := range 30 {
		c := sampleCase(fmt.Sprintf("WM-%03d", i))
		c.Steps = append(c.Steps, jobs.Step{Text: strings.Repeat("x", 4000)})
		mustCreateCase(t, s, c)
	}
	outDir := t.TempDir()
	existing := filepath.Join(outDir, "existing.wmb")
	if err := os.WriteFile(existing, []byte("an older backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	defer func() { backupWriterHook = nil }()
	for _, n := range []int{0, 1, 100, 300, encChunkSize, 2*encChunkSize + 5} {
		for _, out := range []string{filepath.Join(outDir, "new.wmb"), existing} {
			t.Run(fmt.Sprintf("after %d bytes to %s", n, filepath.Base(out)), func(t *testing.T) {
				before := fileBytes(t, out)
				backupWriterHook = func(w io.Writer) io.Writer { return &failingWriter{w: w, n: n} }
				err := s.Backup(out)
				backupWriterHook = nil
				if !errors.Is(err, errInjected) {
					t.Fatalf("Backup: %v, want the injected failure", err)
				}
				if !bytes.Equal(fileBytes(t, out), before) {
					t.Error("output path changed by a failed backup")
				}
				assertNoTempFiles(t, outDir)
				assertNoTempFiles(t, filepath.Dir(path))
			})
		}
	}
	for _, out := range []string{path, path + "-wal", filepath.Join(filepath.Dir(path), ".", filepath.Base(path))} {
		if err := s.Backup(out); !errors.Is(err, ErrInvalid) {
			t.Errorf("Backup over the vault itself (%s): %v, want ErrInvalid", out, err)
		}
	}
	// And with no failure injected, the same call works and replaces the older backup.
	if err := s.Backup(existing); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(fileBytes(t, existing), []byte("an older backup")) {
		t.Error("backup did not replace the older file")
	}
}
