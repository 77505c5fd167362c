package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBinaryEndToEnd builds the real waymark binary and drives it as a script would, with the
// production key derivation (about half a second per unlock): the CLI's contract is checked from
// outside, exit statuses and all, not just through Main.
func TestBinaryEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs the real key derivation; skipped in -short")
	}
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(gomod)))
	dir := t.TempDir()
	bin := filepath.Join(dir, "waymark")
	build := exec.Command("go", "build", "-ldflags", "-X waymark/app/cli.Version=9.8.7", "-o", bin, "waymark")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	env := append(os.Environ(), "WAYMARK_LANG=en", "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "WAYMARK_VAULT=")
	waymark := func(stdin string, args ...string) (int, string, string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		cmd.Stdin = strings.NewReader(stdin)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case err == nil:
			return 0, stdout.String(), stderr.String()
		case errors.As(err, &exit):
			return exit.ExitCode(), stdout.String(), stderr.String()
		}
		t.Fatalf("run waymark %q: %v", args, err)
		return 0, "", ""
	}
	expect := func(wantCode int, stdin string, args ...string) string {
		t.Helper()
		code, stdout, stderr := waymark(stdin, args...)
		if code != wantCode {
			t.Fatalf("waymark %q: exit %d, want %d\nstdout: %s\nstderr: %s", args, code, wantCode, stdout, stderr)
		}
		return stdout
	}

	if out := expect(0, "", "version"); out != "Waymark 9.8.7\n" {
		t.Errorf("version printed %q", out)
	}
	vault := filepath.Join(dir, "org", "vault.db")
	pass := adminPass + "\n"
	out := expect(0, pass, "vault", "init", "--admin", "ana", "--vault", vault, "--passphrase-stdin")
	if !recoveryLine.MatchString(out) {
		t.Errorf("vault init printed no recovery key: %q", out)
	}
	if fi, err := os.Stat(vault); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("vault file: %v, mode %v; want 0600", err, fi)
	}

	bad := writeFile(t, "bad.json", `{"reference": "R1", "language": "ro", "steps": [{"text": "x", "owner": "boss"}]}`)
	if code, _, stderr := waymark(pass, "case", "import", "--adviser", "ana", "--vault", vault, "--passphrase-stdin", bad); code != 2 || !strings.Contains(stderr, "steps[0].owner") {
		t.Errorf("bad case file: exit %d, stderr %q; want 2 naming steps[0].owner", code, stderr)
	}
	good := writeFile(t, "good.json", caseFile("REF-E2E"))
	expect(0, pass, "case", "import", good, "--adviser", "ana", "--vault", vault, "--passphrase-stdin")

	var list []map[string]any
	if err := json.Unmarshal([]byte(expect(0, pass, "case", "list", "--adviser", "ana", "--vault", vault, "--passphrase-stdin", "--json")), &list); err != nil {
		t.Fatalf("case list --json: %v", err)
	}
	if len(list) != 1 || list[0]["reference"] != "REF-E2E" || list[0]["status"] != "open" {
		t.Errorf("case list --json gave %v", list)
	}

	backup := filepath.Join(dir, "backups", "nightly.wmbk")
	if err := os.Mkdir(filepath.Dir(backup), 0o700); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := waymark("not the passphrase\n", "backup", "--adviser", "ana", "--vault", vault, "--out", backup, "--passphrase-stdin")
	if code != 1 || stdout != "" || !strings.Contains(stderr, "does not open this vault") {
		t.Errorf("wrong passphrase: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if names := dirNames(t, filepath.Dir(backup)); len(names) != 0 {
		t.Errorf("a refused backup left %v", names)
	}
	expect(0, pass, "backup", "--adviser", "ana", "--vault", vault, "--out", backup, "--passphrase-stdin")
	if raw, err := os.ReadFile(backup); err != nil || bytes.Contains(raw, []byte("Maria Popescu")) || bytes.Contains(raw, []byte("REF-E2E")) {
		t.Errorf("backup missing or not encrypted (err %v)", err)
	}

	restored := filepath.Join(dir, "restored", "vault.db")
	expect(0, pass, "restore", "--adviser", "ana", "--vault", restored, "--passphrase-stdin", backup)
	if out := expect(0, pass, "case", "list", "--adviser", "ana", "--vault", restored, "--passphrase-stdin"); !strings.Contains(out, "REF-E2E") {
		t.Errorf("restored vault lists %q", out)
	}
}
