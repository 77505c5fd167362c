package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"waymark/eligibility"
	"waymark/jobs"
)

// Test passphrases. Tests zero nothing of theirs; the package must not rely on callers.
var (
	adminPass   = []byte("correct horse battery staple")
	adviserPass = []byte("another long passphrase")
)

// testNow is the pinned clock: 2026-11-23 10:00 UTC.
var testNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// fastOptions lowers the KDF cost through the test-only policy and pins the clock.
func fastOptions() *Options {
	return &Options{KDF: FastTestKDF, Now: func() time.Time { return testNow }}
}

// newTestVault creates a vault in a fresh temporary folder and returns its path, an unlocked
// admin session and the recovery key. The vault is closed when the test ends.
func newTestVault(t testing.TB) (string, *Session, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "vault", "vault.db")
	s, rk, err := Create(path, "Alice", adminPass, fastOptions())
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	t.Cleanup(func() { s.Vault().Close() })
	return path, s, rk
}

// sampleCase is a case with every kind of field filled in.
func sampleCase(ref string) Case {
	age, nat, yes := 34, "RO", true
	status := eligibility.EUSSPreSettled
	return Case{
		Reference: ref,
		Name:      "Maria Popescu",
		Language:  "ro",
		Facts: eligibility.Facts{
			Age: &age, Nationality: &nat, ImmigrationStatus: &status, HasBankAccount: &yes,
		},
		Steps: []jobs.Step{
			{Text: "Apply for a National Insurance number", Owner: jobs.OwnerSurvivor, Due: "2026-12-01"},
			{Text: "Open a basic bank account", Owner: jobs.OwnerAdviser},
		},
	}
}

// mustCreateCase adds a case or fails the test.
func mustCreateCase(t testing.TB, s *Session, c Case) Case {
	t.Helper()
	got, err := s.CreateCase(c)
	if err != nil {
		t.Fatalf("CreateCase(%q): %v", c.Reference, err)
	}
	return got
}

// vaultFiles returns the raw bytes of the database and its sidecars that exist.
func vaultFiles(t testing.TB, path string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		b, err := os.ReadFile(path + suffix)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		out["db"+suffix] = b
	}
	return out
}

// mustNotContain fails if any file holds needle.
func mustNotContain(t testing.TB, files map[string][]byte, needle []byte, what string) {
	t.Helper()
	for name, b := range files {
		if bytes.Contains(b, needle) {
			t.Errorf("%s found in the raw bytes of %s", what, name)
		}
	}
}

// rawExec runs SQL straight against the vault's database, as an attacker with the file would.
func rawExec(t testing.TB, v *Vault, query string, args ...any) {
	t.Helper()
	if _, err := v.db.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// rawBlob reads one blob column.
func rawBlob(t testing.TB, v *Vault, query string, args ...any) []byte {
	t.Helper()
	var b []byte
	if err := v.db.QueryRow(query, args...).Scan(&b); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return b
}

// fileBytes snapshots a file's bytes (nil if absent), for byte-identical comparisons.
func fileBytes(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}
