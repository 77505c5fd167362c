package storage

import (
	"bytes"
	"crypto/rand"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"waymark/jobs"
)

func TestCanaryNeverOnDisk(t *testing.T) {
	path, s, rk := newTestVault(t)
	canaries := []string{"CanaryName-5b1f", "CANARY-REF-77c2", "CanaryFactQ9", "CanaryStep-3e8d", "CanaryName2-a0c4",
		"07700-CanaryPhone", "canary-mail@example.org", "Canary Street 12", "CanaryCodeWord", "CanaryNote-19af"}
	c := sampleCase(canaries[1])
	c.Name = canaries[0]
	c.Facts.Nationality = &canaries[2]
	c.Steps = append(c.Steps, jobs.Step{Text: canaries[3], Owner: jobs.OwnerOther})
	c.Contact = Contact{Phone: canaries[5], Email: canaries[6], Address: canaries[7], CodeWord: canaries[8], SafeText: true}
	c.Notes = []Note{{Date: "2026-11-23", Adviser: "Alice", Text: canaries[9]}}
	c = mustCreateCase(t, s, c)
	c.Name = canaries[4]
	if err := s.SaveCase(c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Case(c.ID); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "backup.wmb")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	secrets := map[string][]byte{
		"passphrase":   adminPass,
		"recovery key": []byte(rk),
		"data key":     bytes.Clone(s.keys.data),
		"record key":   bytes.Clone(s.keys.record),
	}
	check := func(stage string, files map[string][]byte) {
		t.Helper()
		for _, f := range []string{"db-wal", "db-shm"} {
			if _, ok := files[f]; !ok && stage == "open" {
				t.Fatalf("%s: no %s file to check", stage, f)
			}
		}
		for _, cn := range canaries {
			mustNotContain(t, files, []byte(cn), stage+": canary "+cn)
		}
		for what, b := range secrets {
			mustNotContain(t, files, b, stage+": "+what)
		}
	}
	files := vaultFiles(t, path)
	files["backup"] = fileBytes(t, backup)
	check("open", files)
	s.Vault().Close()
	check("closed", vaultFiles(t, path))
}

// corruptByte flips one byte of a stored record in place.
func corruptByte(t *testing.T, v *Vault, table, column, id string, pos int) {
	t.Helper()
	b := rawBlob(t, v, "SELECT "+column+" FROM "+table+" WHERE id = ?", id)
	if pos < 0 {
		pos += len(b)
	}
	b[pos] ^= 0x40
	rawExec(t, v, "UPDATE "+table+" SET "+column+" = ? WHERE id = ?", b, id)
}

func TestFlippedByteIsCorruptForThatRecordOnly(t *testing.T) {
	type place struct{ table, column string }
	summary, detail := place{"cases", "summary"}, place{"case_details", "detail"}
	tests := []struct {
		name  string
		where place
		pos   int
	}{
		{"summary version byte", summary, 0},
		{"summary nonce", summary, 5},
		{"summary ciphertext", summary, envelopeHeader + 3},
		{"summary tag", summary, -1},
		{"detail version byte", detail, 0},
		{"detail nonce", detail, 20},
		{"detail ciphertext", detail, envelopeHeader + 40},
		{"detail tag", detail, -tagSize},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s, _ := newTestVault(t)
			a := mustCreateCase(t, s, sampleCase("A-1"))
			b := mustCreateCase(t, s, sampleCase("B-2"))
			c := mustCreateCase(t, s, sampleCase("C-3"))
			corruptByte(t, s.Vault(), tt.where.table, tt.where.column, b.ID, tt.pos)

			got, err := s.Case(b.ID)
			if !errors.Is(err, ErrCorrupt) || !reflect.DeepEqual(got, Case{}) {
				t.Errorf("Case(damaged) = %+v, %v; want zero Case and ErrCorrupt", got, err)
			}
			for _, ok := range []Case{a, c} {
				if got, err := s.Case(ok.ID); err != nil || !reflect.DeepEqual(got, ok) {
					t.Errorf("Case(undamaged) = %+v, %v", got, err)
				}
			}
			list, err := s.ListCases()
			var cce *CorruptCasesError
			if tt.where == summary {
				if !errors.As(err, &cce) || !errors.Is(err, ErrCorrupt) || !reflect.DeepEqual(cce.IDs, []string{b.ID}) {
					t.Errorf("ListCases error = %v, want CorruptCasesError{%s}", err, b.ID)
				}
				if len(list) != 2 || list[0].ID != a.ID || list[1].ID != c.ID {
					t.Errorf("ListCases = %+v, want the two undamaged cases", list)
				}
			} else if err != nil || len(list) != 3 {
				t.Errorf("ListCases = %d cases, %v; the summaries are intact", len(list), err)
			}
		})
	}
}

func TestCopiedCiphertextFails(t *testing.T) {
	tests := []struct {
		name               string
		fromTable, fromCol string
		toTable, toCol     string
		sameCase           bool
	}{
		{"summary into another case", "cases", "summary", "cases", "summary", false},
		{"detail into another case", "case_details", "detail", "case_details", "detail", false},
		{"summary into the same case's detail", "cases", "summary", "case_details", "detail", true},
		{"detail into the same case's summary", "case_details", "detail", "cases", "summary", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s, _ := newTestVault(t)
			a := mustCreateCase(t, s, sampleCase("A-1"))
			b := mustCreateCase(t, s, sampleCase("B-2"))
			target := b
			if tt.sameCase {
				target = a
			}
			blob := rawBlob(t, s.Vault(), "SELECT "+tt.fromCol+" FROM "+tt.fromTable+" WHERE id = ?", a.ID)
			rawExec(t, s.Vault(), "UPDATE "+tt.toTable+" SET "+tt.toCol+" = ? WHERE id = ?", blob, target.ID)
			if _, err := s.Case(target.ID); !errors.Is(err, ErrCorrupt) {
				t.Errorf("Case after copy: %v, want ErrCorrupt", err)
			}
		})
	}
}

func TestSlotColumnEditsBreakTheSlot(t *testing.T) {
	tests := []struct {
		name, query, unlockAs string
	}{
		{"role promoted", "UPDATE key_slots SET role = 'admin' WHERE name = 'Bob'", "Bob"},
		{"slot renamed", "UPDATE key_slots SET name = 'Eve' WHERE name = 'Bob'", "Eve"},
		{"slots swapped", "UPDATE key_slots SET slot = (SELECT slot FROM key_slots WHERE name = 'Alice') WHERE name = 'Bob'", "Bob"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s, _ := newTestVault(t)
			if err := s.AddAdviser("Bob", RoleAdviser, adviserPass); err != nil {
				t.Fatal(err)
			}
			rawExec(t, s.Vault(), tt.query)
			pass := adviserPass
			if tt.name == "slots swapped" {
				pass = adminPass // Alice's slot under Bob's name: the right secret, the wrong binding
			}
			if _, err := s.Vault().Unlock(tt.unlockAs, pass); !errors.Is(err, ErrCorrupt) {
				t.Errorf("Unlock: %v, want ErrCorrupt", err)
			}
		})
	}
}

func TestSlotParamsOutOfRangeRefusedBeforeDerivation(t *testing.T) {
	tests := []struct {
		name string
		p    KDFParams
	}{
		{"memory above 1 GiB", KDFParams{MemoryKiB: 1<<20 + 1, Time: 1, Threads: 1}},
		{"memory 4 GiB", KDFParams{MemoryKiB: 1<<32 - 1, Time: 1, Threads: 1}},
		{"time above 100", KDFParams{MemoryKiB: 64, Time: 101, Threads: 1}},
		{"threads above 16", KDFParams{MemoryKiB: 1024, Time: 1, Threads: 17}},
		{"zero memory", KDFParams{MemoryKiB: 0, Time: 1, Threads: 1}},
		{"zero time", KDFParams{MemoryKiB: 64, Time: 0, Threads: 1}},
		{"zero threads", KDFParams{MemoryKiB: 64, Time: 1, Threads: 0}},
		{"memory below 8 KiB per thread", KDFParams{MemoryKiB: 31, Time: 1, Threads: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s, _ := newTestVault(t)
			slot := rawBlob(t, s.Vault(), "SELECT slot FROM key_slots WHERE name = 'Alice'")
			copy(slot[2:2+kdfParamsLen], tt.p.marshal())
			rawExec(t, s.Vault(), "UPDATE key_slots SET slot = ? WHERE name = 'Alice'", slot)
			before := argon2Derivations.Load()
			_, err := s.Vault().Unlock("Alice", adminPass)
			if !errors.Is(err, ErrKDFParams) || !errors.Is(err, ErrCorrupt) {
				t.Errorf("Unlock: %v, want ErrKDFParams and ErrCorrupt", err)
			}
			if n := argon2Derivations.Load() - before; n != 0 {
				t.Errorf("%d derivations ran for refused parameters", n)
			}
			before = argon2Derivations.Load()
			if _, err := deriveSlotSecret(adminPass, make([]byte, 32), tt.p, hardMaxKDF); !errors.Is(err, ErrKDFParams) {
				t.Errorf("deriveSlotSecret: %v, want ErrKDFParams", err)
			}
			if n := argon2Derivations.Load() - before; n != 0 {
				t.Errorf("deriveSlotSecret ran %d derivations", n)
			}
		})
	}
}

func TestPolicyMaxBelowSlotRefused(t *testing.T) {
	path, s, _ := newTestVault(t) // slot at m=8 KiB, t=1, p=1
	s.Vault().Close()
	tight := &Options{KDF: KDFPolicy{Floor: KDFParams{8, 1, 1}, Max: KDFParams{8, 1, 1}}}
	v, err := Open(path, tight)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	// Within the policy: unlocks.
	if _, err := v.Unlock("Alice", adminPass); err != nil {
		t.Fatalf("Unlock within max: %v", err)
	}
	slot := rawBlob(t, v, "SELECT slot FROM key_slots WHERE name = 'Alice'")
	copy(slot[2:2+kdfParamsLen], KDFParams{MemoryKiB: 8, Time: 2, Threads: 1}.marshal())
	rawExec(t, v, "UPDATE key_slots SET slot = ? WHERE name = 'Alice'", slot)
	before := argon2Derivations.Load()
	if _, err := v.Unlock("Alice", adminPass); !errors.Is(err, ErrKDFParams) {
		t.Errorf("Unlock above policy max: %v, want ErrKDFParams", err)
	}
	if n := argon2Derivations.Load() - before; n != 0 {
		t.Errorf("%d derivations ran", n)
	}
}

func TestPassphraseChangeKeepsRecords(t *testing.T) {
	path, s, _ := newTestVault(t)
	for _, ref := range []string{"A-1", "B-2", "C-3"} {
		mustCreateCase(t, s, sampleCase(ref))
	}
	records := func() [][]byte {
		var out [][]byte
		rows, err := s.Vault().db.Query("SELECT c.summary, d.detail FROM cases c JOIN case_details d ON d.id = c.id ORDER BY c.id")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var a, b []byte
			if err := rows.Scan(&a, &b); err != nil {
				t.Fatal(err)
			}
			out = append(out, a, b)
		}
		return out
	}
	before := records()
	newPass := []byte("a brand new passphrase")
	for _, tt := range []struct {
		name     string
		old, new []byte
		wantErr  error
	}{
		{"wrong old passphrase", []byte("not my passphrase"), newPass, ErrWrongPassphrase},
		{"new too short", adminPass, []byte("short"), ErrWeakPassphrase},
	} {
		if err := s.ChangePassphrase(tt.old, tt.new); !errors.Is(err, tt.wantErr) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.wantErr)
		}
	}
	if err := s.ChangePassphrase(adminPass, newPass); err != nil {
		t.Fatal(err)
	}
	if after := records(); !reflect.DeepEqual(before, after) {
		t.Error("record ciphertexts changed on passphrase change")
	}
	s.Vault().Close()
	v, err := Open(path, fastOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if _, err := v.Unlock("Alice", adminPass); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("old passphrase: %v, want ErrWrongPassphrase", err)
	}
	s2, err := v.Unlock("Alice", newPass)
	if err != nil {
		t.Fatalf("new passphrase: %v", err)
	}
	if list, err := s2.ListCases(); err != nil || len(list) != 3 {
		t.Errorf("ListCases after change: %d, %v", len(list), err)
	}
}

func TestNotAVault(t *testing.T) {
	dir := t.TempDir()
	path, s, _ := newTestVault(t)
	s.Vault().Close()
	real := fileBytes(t, path)
	random := make([]byte, 8192)
	rand.Read(random)

	foreign := filepath.Join(dir, "foreign.db")
	db, err := sql.Open("sqlite3", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello')"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	tooNew := filepath.Join(dir, "toonew.db")
	if err := os.WriteFile(tooNew, real, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err = sql.Open("sqlite3", tooNew)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	garbageAfterHeader := append(bytes.Clone(real[:100]), random...)
	tests := []struct {
		name    string
		path    string
		wantErr error
	}{
		{"random bytes", write("random.db", random), ErrCorrupt},
		{"empty file", write("empty.db", nil), ErrCorrupt},
		{"text file", write("text.db", []byte("Dear diary, today I wrote a file that is not a database.\n")), ErrCorrupt},
		{"sqlite without waymark id", foreign, ErrCorrupt},
		{"waymark header then garbage", write("garbage.db", garbageAfterHeader), ErrCorrupt},
		{"first page only", write("page1.db", real[:4096]), ErrCorrupt},
		{"header only", write("header.db", real[:100]), ErrCorrupt},
		{"schema too new", tooNew, ErrTooNew},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := fileBytes(t, tt.path)
			v, err := Open(tt.path, fastOptions())
			if err == nil {
				_, err = v.Unlock("Alice", adminPass)
				v.Close()
			}
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("got %v, want %v", err, tt.wantErr)
			}
			if tt.wantErr == ErrTooNew || tt.name == "sqlite without waymark id" || tt.name == "random bytes" {
				if !bytes.Equal(before, fileBytes(t, tt.path)) {
					t.Error("refused file was modified")
				}
			}
		})
	}
}
