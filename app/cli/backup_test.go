package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestBackupRestoreRoundTrip(t *testing.T) {
	vault := newVault(t)
	importCase(t, vault, "REF-001")
	out := filepath.Join(t.TempDir(), "nightly.wmbk")
	r := run(t, call{args: []string{"backup", "--adviser", "ana", "--vault", vault, "--out", out, "--passphrase-stdin"},
		stdin: adminPass + "\n"})
	r.want(t, 0)
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Fatalf("no backup at --out: %v", err)
	}

	// A change after the backup is undone by restoring it over the live vault.
	importCase(t, vault, "REF-002")
	run(t, call{args: []string{"restore", out, "--adviser", "ana", "--vault", vault, "--passphrase-stdin"},
		stdin: adminPass + "\n"}).want(t, 0)
	if refs := listRefs(t, vault); !reflect.DeepEqual(refs, []string{"REF-001"}) {
		t.Errorf("after restore the vault holds %v, want [REF-001]", refs)
	}

	// Restore also creates a vault where there is none.
	fresh := filepath.Join(t.TempDir(), "new", "vault.db")
	run(t, call{args: []string{"restore", "--adviser", "ana", "--vault", fresh, "--passphrase-stdin", out},
		stdin: adminPass + "\n"}).want(t, 0)
	if refs := listRefs(t, fresh); !reflect.DeepEqual(refs, []string{"REF-001"}) {
		t.Errorf("restored copy holds %v, want [REF-001]", refs)
	}
}

func TestRestoreRefusals(t *testing.T) {
	vault := newVault(t)
	importCase(t, vault, "REF-001")
	addAdviser(t, vault)
	out := filepath.Join(t.TempDir(), "b.wmbk")
	run(t, call{args: []string{"backup", "--adviser", "ana", "--vault", vault, "--out", out, "--passphrase-stdin"},
		stdin: adminPass + "\n"}).want(t, 0)
	importCase(t, vault, "REF-002")
	before, err := os.ReadFile(vault)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		adviser string
		stdin   string
		backup  string
		errHas  string
	}{
		{"not an admin", "ben", adviserPass, out, "Only an administrator"},
		{"wrong passphrase", "ana", adviserPass, out, "does not open"},
		{"no such backup", "ana", adminPass, filepath.Join(t.TempDir(), "missing.wmbk"), "does not exist"},
		{"not a backup", "ana", adminPass, writeFile(t, "junk.wmbk", "this is not a backup"), "damaged"},
	} {
		t.Run(c.name, func(t *testing.T) {
			run(t, call{args: []string{"restore", "--adviser", c.adviser, "--vault", vault, "--passphrase-stdin", c.backup},
				stdin: c.stdin + "\n"}).want(t, 1, c.errHas)
		})
	}
	if after, _ := os.ReadFile(vault); string(after) != string(before) {
		t.Error("a refused restore changed the live vault")
	}
	if refs := listRefs(t, vault); !reflect.DeepEqual(refs, []string{"REF-001", "REF-002"}) {
		t.Errorf("vault holds %v after refused restores", refs)
	}
	run(t, call{args: []string{"restore", "--adviser", "ana", "--vault", vault, vault}}).want(t, 2, "the vault itself")
}

// TestFailedBackupLeavesNothing: however a backup fails, nothing appears at --out and no
// temporary file is left beside it.
func TestFailedBackupLeavesNothing(t *testing.T) {
	vault := newVault(t)
	importCase(t, vault, "REF-001")
	dir := t.TempDir()
	blocker := filepath.Join(dir, "a-file")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "a-folder"), 0o700); err != nil {
		t.Fatal(err)
	}
	before := dirNames(t, dir)
	for _, c := range []struct {
		name, out, stdin string
		code             int
	}{
		{"wrong passphrase", filepath.Join(dir, "b1.wmbk"), "not the passphrase", 1},
		{"unknown adviser", filepath.Join(dir, "b2.wmbk"), adminPass, 1},
		{"folder does not exist", filepath.Join(dir, "no-such-folder", "b3.wmbk"), adminPass, 1},
		{"parent is a file", filepath.Join(blocker, "b4.wmbk"), adminPass, 1},
		{"out is a folder", filepath.Join(dir, "a-folder"), adminPass, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			adviser := "ana"
			if c.name == "unknown adviser" {
				adviser = "zoe"
			}
			r := run(t, call{args: []string{"backup", "--adviser", adviser, "--vault", vault, "--out", c.out, "--passphrase-stdin"},
				stdin: c.stdin + "\n"})
			r.want(t, c.code)
			if fi, err := os.Stat(c.out); err == nil && !fi.IsDir() {
				t.Errorf("a failed backup left a file at %s", c.out)
			}
			if got := dirNames(t, dir); !reflect.DeepEqual(got, before) {
				t.Errorf("folder now holds %v, was %v", got, before)
			}
			if got := dirNames(t, filepath.Join(dir, "a-folder")); len(got) != 0 {
				t.Errorf("a-folder now holds %v", got)
			}
		})
	}
	run(t, call{args: []string{"backup", "--adviser", "ana", "--vault", vault, "--out", vault}}).want(t, 2, "--out")
}
