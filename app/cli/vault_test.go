package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"waymark/storage"
)

var recoveryLine = regexp.MustCompile(`(?m)^[A-Z2-7]{4}(-[A-Z2-7]{4})+$`)

func TestVaultInitFromStdin(t *testing.T) {
	path := filepath.Join(t.TempDir(), "org", "vault.db")
	r := run(t, call{args: []string{"vault", "init", "--admin", "ana", "--vault", path, "--passphrase-stdin"},
		stdin: adminPass + "\r\n"})
	r.want(t, 0)
	key := recoveryLine.FindString(r.stdout)
	if key == "" {
		t.Fatalf("no recovery key line in %q", r.stdout)
	}
	if !strings.Contains(r.stdout, "will not show it again") {
		t.Errorf("stdout does not say the key is shown once: %q", r.stdout)
	}
	if strings.Contains(r.stdout, adminPass) {
		t.Error("the passphrase was printed")
	}
	// The line ending was stripped: the passphrase without "\r" opens the vault, and so does
	// the recovery key that was printed.
	v, err := storage.Open(path, &storage.Options{KDF: storage.FastTestKDF})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	s, err := v.Unlock("ana", []byte(adminPass))
	if err != nil {
		t.Fatalf("unlock with the piped passphrase: %v", err)
	}
	if s.Adviser().Role != storage.RoleAdmin {
		t.Errorf("ana is %q, want admin", s.Adviser().Role)
	}
	s.Lock()
	if _, err := v.UnlockWithRecoveryKey(key); err != nil {
		t.Errorf("the printed recovery key does not unlock: %v", err)
	}
}

func TestVaultInitOnTerminal(t *testing.T) {
	for _, c := range []struct {
		name    string
		answers []string
		code    int
		prompts int
		errHas  string
		created bool
	}{
		{"typed twice", []string{adminPass, adminPass}, 0, 2, "", true},
		{"mismatch", []string{adminPass, adminPass + "x"}, 1, 2, "do not match", false},
		{"too short, refused before the second prompt", []string{"short"}, 1, 1, "at least 10 characters", false},
		{"terminal fails", nil, 1, 1, "could not be read", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "vault.db")
			term := &fakeTerminal{tty: true, answers: c.answers}
			r := run(t, call{args: []string{"vault", "init", "--vault", path, "--admin", "ana"}, term: term})
			r.want(t, c.code, c.errHas)
			if len(term.prompts) != c.prompts {
				t.Errorf("asked %d times (%q), want %d", len(term.prompts), term.prompts, c.prompts)
			}
			if storage.Exists(path) != c.created {
				t.Errorf("vault exists = %v, want %v", storage.Exists(path), c.created)
			}
			if c.created && !recoveryLine.MatchString(r.stdout) {
				t.Errorf("no recovery key in %q", r.stdout)
			}
		})
	}
}

func TestVaultInitRefusals(t *testing.T) {
	existing := newVault(t)
	before, err := os.ReadFile(existing)
	if err != nil {
		t.Fatal(err)
	}
	fresh := filepath.Join(t.TempDir(), "vault.db")
	for _, c := range []struct {
		name   string
		c      call
		code   int
		errHas string
		path   string
	}{
		{"existing vault", call{args: []string{"vault", "init", "--admin", "zoe", "--vault", existing},
			term: &fakeTerminal{tty: true, answers: []string{adminPass, adminPass}}}, 1, "already exists", existing},
		{"no terminal and no --passphrase-stdin", call{args: []string{"vault", "init", "--admin", "ana", "--vault", fresh}},
			2, "--passphrase-stdin", fresh},
		{"empty standard input", call{args: []string{"vault", "init", "--admin", "ana", "--vault", fresh, "--passphrase-stdin"}},
			2, "standard input is empty", fresh},
		{"weak passphrase from stdin", call{args: []string{"vault", "init", "--admin", "ana", "--vault", fresh, "--passphrase-stdin"},
			stdin: "short\n"}, 1, "too short", fresh},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, c.c)
			r.want(t, c.code, c.errHas)
			if c.c.term != nil && len(c.c.term.prompts) != 0 {
				t.Errorf("asked for a passphrase before refusing: %q", c.c.term.prompts)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
		})
	}
	if after, _ := os.ReadFile(existing); string(after) != string(before) {
		t.Error("refusing to overwrite still changed the existing vault")
	}
	if storage.Exists(fresh) {
		t.Error("a refused init left a vault behind")
	}
}

func TestVaultFromEnvironment(t *testing.T) {
	vault := newVault(t)
	importCase(t, vault, "REF-ENV")
	r := run(t, call{args: []string{"case", "list", "--adviser", "ana", "--passphrase-stdin"},
		stdin: adminPass + "\n", env: map[string]string{"WAYMARK_VAULT": vault}})
	r.want(t, 0)
	if !strings.Contains(r.stdout, "REF-ENV") {
		t.Errorf("WAYMARK_VAULT was not used: %q", r.stdout)
	}
}
