package storage

import (
	"errors"
	"path/filepath"
	"testing"
)

// A passphrase with Romanian or Polish letters may reach Waymark composed (U+0219 "ș") from one
// keyboard and decomposed ("s" + U+0326 combining comma below) from another; both must open the
// slot, while a genuinely different letter (cedilla "ş", U+015F) must not.
func TestPassphraseIsUnicodeNormalised(t *testing.T) {
	composed := []byte("\u0219ase mere \u0219i o par\u0103 verde")
	decomposed := []byte("s\u0326ase mere s\u0326i o para\u0306 verde")
	cedilla := []byte("\u015fase mere \u015fi o par\u0103 verde")

	path := filepath.Join(t.TempDir(), "vault", "vault.db")
	s, _, err := Create(path, "Ana", composed, fastOptions())
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	s.Vault().Close()

	v, err := Open(path, fastOptions())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer v.Close()
	if _, err := v.Unlock("Ana", decomposed); err != nil {
		t.Errorf("decomposed form of the same passphrase: %v", err)
	}
	if _, err := v.Unlock("Ana", cedilla); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("cedilla instead of comma below: got %v, want ErrWrongPassphrase", err)
	}
}
