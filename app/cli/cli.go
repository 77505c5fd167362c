// Package cli is Waymark's headless command line: the sub-commands an organisation scripts for
// migrations and backups, and that tests use to check the program from outside. The contract —
// commands, flags, output and exit status — is DESIGN.md's "The command line"; scripts depend
// on it, so it changes only by adding.
//
// Exit status: 0 done; 2 bad input (unknown command or flag, missing argument, malformed case
// file), with one line on standard error naming the flag or field; 1 anything else, with one
// translated sentence. Nothing here prints a Go error string, a passphrase or a stack trace.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"waymark/app/message"
	"waymark/eligibility"
	"waymark/locales"
	"waymark/storage"
)

// Version is the version this binary reports; the Makefile sets it from FyneApp.toml with
// -ldflags "-X waymark/app/cli.Version=…", so a build from `go build` alone says "dev".
var Version = "dev"

// Env is everything a command touches outside its arguments, so tests run commands in-process
// with their own input, output, environment, storage options and terminal.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads the environment (WAYMARK_LANG, LC_ALL, LC_MESSAGES, LANG, WAYMARK_VAULT).
	Getenv func(string) string
	// Storage is passed to every storage call; nil gives the production defaults.
	Storage *storage.Options
	// Terminal asks for passphrases; nil uses the process's own terminal.
	Terminal Terminal
}

// DefaultEnv is the environment of the running process, for main.go.
func DefaultEnv() Env {
	return Env{
		Stdin:    os.Stdin,
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
		Getenv:   os.Getenv,
		Terminal: processTerminal{},
	}
}

// withDefaults fills the parts a caller left nil, so Main never dereferences nil.
func (e Env) withDefaults() Env {
	if e.Stdin == nil {
		e.Stdin = strings.NewReader("")
	}
	if e.Stdout == nil {
		e.Stdout = io.Discard
	}
	if e.Stderr == nil {
		e.Stderr = io.Discard
	}
	if e.Getenv == nil {
		e.Getenv = os.Getenv
	}
	if e.Terminal == nil {
		e.Terminal = processTerminal{}
	}
	return e
}

// IsCommand reports whether name is a sub-command this build implements, so main.go can tell a
// headless run from a request to open the window.
func IsCommand(name string) bool {
	switch name {
	case "version", "check", "rules", "offer-check", "plan", "vault", "case", "backup", "restore", "help":
		return true
	}
	return false
}

// Language picks the language for messages: WAYMARK_LANG if it names a shipped language, else
// the language part of the first of LC_ALL, LC_MESSAGES and LANG that is set, if shipped, else
// English. main.go uses it for the window too, so both speak the same language.
func Language(getenv func(string) string) string {
	if l := langPart(getenv("WAYMARK_LANG")); locales.IsShipped(l) {
		return l
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			if l := langPart(v); locales.IsShipped(l) {
				return l
			}
			return locales.Source
		}
	}
	return locales.Source
}

// langPart turns a POSIX locale ("ro_RO.UTF-8", "pl_PL@euro") or a BCP 47 tag ("ro-RO") into
// its language code.
func langPart(v string) string {
	if i := strings.IndexAny(v, "_-.@"); i >= 0 {
		v = v[:i]
	}
	return strings.ToLower(strings.TrimSpace(v))
}

// ctx is one run of Main: its environment and the translator for its messages.
type ctx struct {
	env Env
	tr  *locales.Translator
}

// Main runs the sub-command in args (without the program name) and returns the exit status.
func Main(args []string, env Env) (code int) {
	env = env.withDefaults()
	c := &ctx{env: env, tr: locales.New(Language(env.Getenv))}
	defer func() {
		// A bug must not print a stack trace, which can hold case data; say so plainly instead.
		if r := recover(); r != nil {
			fmt.Fprintln(c.env.Stderr, c.tr.T("err.generic"))
			code = 1
		}
	}()
	return c.report(c.dispatch(args))
}

func (c *ctx) dispatch(args []string) error {
	if len(args) == 0 {
		return c.usageErr("cli.err.no_command", map[string]any{"Commands": commandList})
	}
	name, rest := args[0], args[1:]
	switch name {
	case "version":
		return c.runVersion(rest)
	case "check":
		return c.runCheck(rest)
	case "rules":
		return c.runRules(rest)
	case "offer-check":
		return c.runOfferCheck(rest)
	case "plan":
		return c.runPlan(rest)
	case "vault":
		return c.runSub("vault", rest, map[string]func([]string) error{"init": c.runVaultInit})
	case "case":
		return c.runSub("case", rest, map[string]func([]string) error{
			"import": c.runCaseImport, "list": c.runCaseList})
	case "backup":
		return c.runBackup(rest)
	case "restore":
		return c.runRestore(rest)
	}
	if isHelp(name) {
		c.printHelp()
		return nil
	}
	if isWord(name) {
		return c.usageErr("cli.err.unknown_command", map[string]any{"Command": name, "Commands": commandList})
	}
	return c.usageErr("cli.err.no_command", map[string]any{"Commands": commandList})
}

// commandList is the command names as typed; they are not translated.
const commandList = "version, vault init, case import, case list, backup, restore, check, rules, offer-check, plan"

// runSub runs a two-word command such as "case import".
func (c *ctx) runSub(group string, args []string, subs map[string]func([]string) error) error {
	names := make([]string, 0, len(subs))
	for _, n := range []string{"init", "import", "list"} {
		if _, ok := subs[n]; ok {
			names = append(names, group+" "+n)
		}
	}
	choices := strings.Join(names, ", ")
	if len(args) == 0 {
		return c.usageErr("cli.err.no_subcommand", map[string]any{"Command": group, "Commands": choices})
	}
	if run, ok := subs[args[0]]; ok {
		return run(args[1:])
	}
	if isHelp(args[0]) {
		for _, n := range names {
			fmt.Fprintln(c.env.Stdout, c.tr.T("cli.usage", map[string]any{"Usage": c.tr.T(usageIDs[n])}))
		}
		return nil
	}
	return c.usageErr("cli.err.unknown_subcommand", map[string]any{"Command": group, "Commands": choices})
}

// isWord reports whether s looks like a mistyped command name rather than something else the
// person typed (such as a passphrase), so only the former is echoed back.
func isWord(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return true
}

func (c *ctx) runVersion(args []string) error {
	fs := c.newFlags("version")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	fmt.Fprintln(c.env.Stdout, c.tr.T("cli.version", map[string]any{"Version": Version}))
	return nil
}

// usageIDs are the message ids of each command's usage line.
var usageIDs = map[string]string{
	"version":     "cli.usage.version",
	"check":       "cli.usage.check",
	"rules":       "cli.usage.rules",
	"vault init":  "cli.usage.vault_init",
	"case import": "cli.usage.case_import",
	"case list":   "cli.usage.case_list",
	"backup":      "cli.usage.backup",
	"restore":     "cli.usage.restore",
}

func (c *ctx) printHelp() {
	fmt.Fprintln(c.env.Stdout, c.tr.T("cli.help.heading"))
	for _, n := range []string{"version", "check", "rules", "offer-check", "plan", "vault init", "case import", "case list", "backup", "restore"} {
		fmt.Fprintln(c.env.Stdout, "  "+c.tr.T(usageIDs[n]))
	}
	fmt.Fprintln(c.env.Stdout, c.tr.T("cli.help.passphrase"))
}

// usageError is bad input: Main prints msg, already translated, and exits 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// failure is a problem this package found itself and has already put into words: exit 1.
type failure struct{ msg string }

func (e *failure) Error() string { return e.msg }

// errHelp means the person asked for a usage line, which was printed; exit 0.
var errHelp = errors.New("help shown")

func (c *ctx) usageErr(id string, data map[string]any) error {
	return &usageError{msg: c.tr.T(id, data)}
}

func (c *ctx) fail(id string, data map[string]any) error {
	return &failure{msg: c.tr.T(id, data)}
}

// report prints err as its one line and returns the exit status for it.
func (c *ctx) report(err error) int {
	var ue *usageError
	var f *failure
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintln(c.env.Stderr, ue.msg)
		return 2
	case errors.As(err, &f):
		fmt.Fprintln(c.env.Stderr, f.msg)
		return 1
	case errors.Is(err, eligibility.ErrBadInput), errors.Is(err, storage.ErrInvalid):
		fmt.Fprintln(c.env.Stderr, message.ForError(c.tr, err))
		return 2
	}
	fmt.Fprintln(c.env.Stderr, message.ForError(c.tr, err))
	return 1
}
