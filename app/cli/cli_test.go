package cli

import (
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	old := Version
	Version = "0.1.0"
	defer func() { Version = old }()
	r := run(t, call{args: []string{"version"}})
	r.want(t, 0)
	if r.stdout != "Waymark 0.1.0\n" {
		t.Errorf("stdout %q, want %q", r.stdout, "Waymark 0.1.0\n")
	}
}

// TestBadInvocations covers exit 2: each mistake gives one line naming the flag or argument.
func TestBadInvocations(t *testing.T) {
	for _, c := range []struct {
		name      string
		args      []string
		stderrHas []string
	}{
		{"no command", nil, []string{"version, vault init"}},
		{"unknown command", []string{"frobnicate"}, []string{`"frobnicate"`}},
		{"command not echoed when it is not a word", []string{"S3cret pass!"}, []string{"Name a command"}},
		{"vault without sub-command", []string{"vault"}, []string{"vault init"}},
		{"unknown sub-command", []string{"case", "export"}, []string{"case import, case list"}},
		{"version with argument", []string{"version", "extra"}, []string{"version"}},
		{"unknown flag", []string{"version", "--verbose"}, []string{"--verbose"}},
		{"unknown flag with value", []string{"case", "list", "--adviser", "ana", "--colour=red"}, []string{"--colour"}},
		{"missing required flag", []string{"vault", "init"}, []string{"--admin"}},
		{"empty required flag", []string{"vault", "init", "--admin="}, []string{"--admin"}},
		{"flag without value", []string{"case", "list", "--adviser"}, []string{"--adviser"}},
		{"empty vault path", []string{"case", "list", "--adviser", "ana", "--vault", ""}, []string{"--vault"}},
		{"bad boolean", []string{"case", "list", "--adviser", "ana", "--json=maybe"}, []string{"--json"}},
		{"missing case file", []string{"case", "import", "--adviser", "ana"}, []string{"CASE.json"}},
		{"two case files", []string{"case", "import", "--adviser", "ana", "a.json", "b.json"}, []string{"one file"}},
		{"missing backup file", []string{"restore", "--adviser", "ana"}, []string{"backup file"}},
		{"missing --out", []string{"backup", "--adviser", "ana"}, []string{"--out"}},
		{"no passphrase source, checked before the vault", []string{"case", "list", "--adviser", "ana", "--vault", "/nonexistent/v.db"}, []string{"--passphrase-stdin"}},
		{"restore without passphrase source", []string{"restore", "--adviser", "ana", "--vault", "/nonexistent/v.db", "/nonexistent/b"}, []string{"--passphrase-stdin"}},
		{"bad flag syntax", []string{"case", "list", "---adviser", "ana"}, []string{"--name VALUE"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			run(t, call{args: c.args}).want(t, 2, c.stderrHas...)
		})
	}
}

// TestPassphraseNeverAnArgument: a passphrase flag is refused as unknown, and its value is
// never repeated back.
func TestPassphraseNeverAnArgument(t *testing.T) {
	vault := newVault(t)
	for _, args := range [][]string{
		{"case", "list", "--adviser", "ana", "--vault", vault, "--passphrase", adminPass},
		{"case", "list", "--adviser", "ana", "--vault", vault, "--passphrase=" + adminPass},
		{"vault", "init", "--admin", "ana", "--vault", vault + "2", "-password", adminPass},
		{"case", "list", "--adviser", "ana", "--vault", vault, adminPass},
	} {
		r := run(t, call{args: args, term: &fakeTerminal{tty: true, answers: []string{adminPass, adminPass}}})
		r.want(t, 2)
		if strings.Contains(r.stderr+r.stdout, "horse") {
			t.Errorf("%q: the passphrase was echoed: %q", args, r.stderr)
		}
		if strings.HasPrefix(args[len(args)-2], "-") && !strings.Contains(r.stderr, "--pass") {
			t.Errorf("%q: stderr %q does not name the flag", args, r.stderr)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"case", "import", "-h"}, {"vault", "--help"}} {
		r := run(t, call{args: args})
		r.want(t, 0)
		if !strings.Contains(r.stdout, "waymark ") {
			t.Errorf("%q: no usage on stdout: %q", args, r.stdout)
		}
	}
}

func TestLanguage(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, "en"},
		{map[string]string{"WAYMARK_LANG": "ro"}, "ro"},
		{map[string]string{"WAYMARK_LANG": "pl", "LANG": "ro_RO.UTF-8"}, "pl"},
		{map[string]string{"WAYMARK_LANG": "xx", "LANG": "ro_RO.UTF-8"}, "ro"},
		{map[string]string{"LANG": "pl_PL.UTF-8"}, "pl"},
		{map[string]string{"LC_MESSAGES": "ro_RO", "LANG": "pl_PL.UTF-8"}, "ro"},
		{map[string]string{"LC_ALL": "de_DE.UTF-8", "LANG": "pl_PL.UTF-8"}, "en"},
		{map[string]string{"LC_ALL": "C", "LANG": "ro_RO.UTF-8"}, "en"},
		{map[string]string{"LANG": "pl_PL@euro"}, "pl"},
		{map[string]string{"WAYMARK_LANG": "ro-RO"}, "ro"},
	} {
		if got := Language(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("Language(%v) = %q, want %q", c.env, got, c.want)
		}
	}
}

// TestMessagesFollowLanguage runs the same mistake in each language.
func TestMessagesFollowLanguage(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"WAYMARK_LANG": "en"}, "is required"},
		{map[string]string{"WAYMARK_LANG": "", "LANG": "ro_RO.UTF-8"}, "este obligatorie"},
		{map[string]string{"WAYMARK_LANG": "", "LC_ALL": "pl_PL.UTF-8"}, "jest wymagana"},
	} {
		run(t, call{args: []string{"vault", "init"}, env: c.env}).want(t, 2, "--admin", c.want)
	}
}

func TestIsCommand(t *testing.T) {
	for name, want := range map[string]bool{
		"version": true, "vault": true, "case": true, "backup": true, "restore": true,
		"check": true, "rules": true, "plan": true, "offer-check": true, "print": false, "": false, "--vault": false,
	} {
		if got := IsCommand(name); got != want {
			t.Errorf("IsCommand(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestReadStdinLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"secret words here\n", "secret words here"},
		{"secret words here\r\nsecond line\n", "secret words here"},
		{"no newline at end", "no newline at end"},
		{"  spaces kept  \n", "  spaces kept  "},
		{"\n", ""},
		{"", ""},
	} {
		got, err := readStdinLine(strings.NewReader(c.in))
		if err != nil || string(got) != c.want {
			t.Errorf("readStdinLine(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, err := readStdinLine(strings.NewReader(strings.Repeat("x", maxPassphraseBytes+1))); err == nil {
		t.Error("an over-long line was accepted")
	}
}
