package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"waymark/storage"
)

// Passphrases used throughout; long enough for storage.MinPassphraseLen.
const (
	adminPass   = "correct horse battery staple"
	adviserPass = "blue kettle under the stairs"
)

// testDay is the date the vault's clock reads in tests, so "opened" is predictable.
var testDay = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// fakeTerminal stands in for the keyboard: it answers prompts from a list and records them.
type fakeTerminal struct {
	tty     bool
	answers []string
	prompts []string
}

func (f *fakeTerminal) IsTerminal() bool { return f.tty }

func (f *fakeTerminal) ReadPassword(prompt string) ([]byte, error) {
	f.prompts = append(f.prompts, prompt)
	if len(f.answers) == 0 {
		return nil, errors.New("fake terminal: no more answers")
	}
	a := f.answers[0]
	f.answers = f.answers[1:]
	return []byte(a), nil
}

// result is what one in-process run of the command line produced.
type result struct {
	code           int
	stdout, stderr string
}

// call describes one run: arguments, standard input, terminal and environment.
type call struct {
	args  []string
	stdin string
	term  *fakeTerminal
	env   map[string]string
}

// run executes Main in-process with the cheap test KDF and a pinned clock. Unless the call sets
// its own, the terminal is absent (as in a script) and messages are English.
func run(t *testing.T, c call) result {
	t.Helper()
	if c.term == nil {
		c.term = &fakeTerminal{}
	}
	env := map[string]string{"WAYMARK_LANG": "en"}
	for k, v := range c.env {
		env[k] = v
	}
	var stdout, stderr bytes.Buffer
	code := Main(c.args, Env{
		Stdin:    strings.NewReader(c.stdin),
		Stdout:   &stdout,
		Stderr:   &stderr,
		Getenv:   func(k string) string { return env[k] },
		Storage:  &storage.Options{KDF: storage.FastTestKDF, Now: func() time.Time { return testDay }},
		Terminal: c.term,
	})
	r := result{code: code, stdout: stdout.String(), stderr: stderr.String()}
	checkOutputShape(t, c.args, r)
	return r
}

// checkOutputShape enforces the contract every run shares: success is silent on standard error;
// a failure is exactly one line there, translated and free of Go error text.
func checkOutputShape(t *testing.T, args []string, r result) {
	t.Helper()
	if r.code == 0 {
		if r.stderr != "" {
			t.Errorf("%q: exit 0 but stderr %q", args, r.stderr)
		}
		return
	}
	lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
	if len(lines) != 1 || lines[0] == "" {
		t.Errorf("%q: exit %d, want one line on stderr, got %q", args, r.code, r.stderr)
	}
	for _, bad := range []string{"[cli.", "[err.", "<no value>", "%!", "panic", "goroutine", "storage:", "unlock vault", "open vault"} {
		if strings.Contains(r.stderr, bad) {
			t.Errorf("%q: stderr %q contains %q", args, r.stderr, bad)
		}
	}
}

func (r result) want(t *testing.T, code int, stderrHas ...string) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, code, r.stdout, r.stderr)
	}
	for _, s := range stderrHas {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("stderr %q does not contain %q", r.stderr, s)
		}
	}
}

// newVault creates a vault with admin "ana" through the command line and returns its path.
func newVault(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "vault", "vault.db")
	run(t, call{args: []string{"vault", "init", "--admin", "ana", "--vault", path, "--passphrase-stdin"},
		stdin: adminPass + "\n"}).want(t, 0)
	return path
}

// writeFile writes a case file (or anything else) into a fresh temporary folder.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// caseFile is a valid case file with the given reference.
func caseFile(ref string) string {
	return `{"reference": "` + ref + `", "name": "Maria Popescu", "language": "ro",
  "facts": {"nation": "england", "age": 34, "nationality": "RO"},
  "steps": [{"text": "Apply for a National Insurance number", "owner": "survivor", "due": "2026-12-15", "done": false}]}`
}

// importCase adds a case through the command line as ana.
func importCase(t *testing.T, vault, ref string) {
	t.Helper()
	file := writeFile(t, "case.json", caseFile(ref))
	run(t, call{args: []string{"case", "import", "--adviser", "ana", "--vault", vault, "--passphrase-stdin", file},
		stdin: adminPass + "\n"}).want(t, 0)
}

// listRefs unlocks the vault directly through storage and returns the case references in it.
func listRefs(t *testing.T, vault string) []string {
	t.Helper()
	v, err := storage.Open(vault, &storage.Options{KDF: storage.FastTestKDF})
	if err != nil {
		t.Fatalf("open vault: %v", err)
	}
	defer v.Close()
	s, err := v.Unlock("ana", []byte(adminPass))
	if err != nil {
		t.Fatalf("unlock: %v", err)
	}
	defer s.Lock()
	list, err := s.ListCases()
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	refs := []string{}
	for _, c := range list {
		refs = append(refs, c.Reference)
	}
	return refs
}

// addAdviser gives the vault a second account, "ben", with the plain adviser role.
func addAdviser(t *testing.T, vault string) {
	t.Helper()
	v, err := storage.Open(vault, &storage.Options{KDF: storage.FastTestKDF})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	s, err := v.Unlock("ana", []byte(adminPass))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Lock()
	if err := s.AddAdviser("ben", storage.RoleAdviser, []byte(adviserPass)); err != nil {
		t.Fatal(err)
	}
}

// dirNames lists a folder, to prove a failed command left no file (temporary or otherwise).
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
