package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// newFlags makes the flag set for one command. The standard package parses values; its own
// messages and usage text are discarded because they are English and name Go types, and parse
// below reports each mistake as one translated line instead.
func (c *ctx) newFlags(command string) *flag.FlagSet {
	fs := flag.NewFlagSet(command, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// passphraseFlags are names someone might try in order to pass a passphrase as an argument; they
// get a sentence explaining why that is refused rather than a bare "unknown flag".
var passphraseFlags = map[string]bool{"passphrase": true, "password": true, "pass": true, "passwd": true, "pw": true}

// parse reads args for the command whose flags are in fs, allowing flags before and after the
// positional arguments ("--" ends the flags), and returns the positional arguments. Every
// mistake becomes a usageError naming the flag; -h or --help prints the usage line and returns
// errHelp. Values are never echoed back: one might be a passphrase typed in the wrong place.
func (c *ctx) parse(fs *flag.FlagSet, args []string, minPos, maxPos int) ([]string, error) {
	command := fs.Name()
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		if name == "" || strings.HasPrefix(name, "-") {
			return nil, c.usageErr("cli.err.bad_flag", map[string]any{"Command": command})
		}
		f := fs.Lookup(name)
		switch {
		case f == nil && (name == "h" || name == "help"):
			fmt.Fprintln(c.env.Stdout, c.tr.T("cli.usage", map[string]any{"Usage": c.tr.T(usageIDs[command])}))
			return nil, errHelp
		case f == nil && passphraseFlags[strings.ToLower(name)]:
			return nil, c.usageErr("cli.err.passphrase_argument", map[string]any{"Command": command, "Flag": "--" + name})
		case f == nil:
			return nil, c.usageErr("cli.err.unknown_flag", map[string]any{"Command": command, "Flag": "--" + name})
		}
		if isBool(f) {
			if hasValue {
				if _, err := strconv.ParseBool(value); err != nil {
					return nil, c.usageErr("cli.err.flag_bool", map[string]any{"Command": command, "Flag": "--" + name})
				}
			}
			flags = append(flags, a)
			continue
		}
		if !hasValue {
			if i+1 >= len(args) {
				return nil, c.usageErr("cli.err.flag_value", map[string]any{"Command": command, "Flag": "--" + name})
			}
			i++
			value = args[i]
		}
		if value == "" {
			// An empty value is almost always an unset shell variable ("--vault $VAULT"); going on
			// with the default would act on the wrong vault.
			return nil, c.usageErr("cli.err.flag_value", map[string]any{"Command": command, "Flag": "--" + name})
		}
		flags = append(flags, "--"+name+"="+value)
	}
	if err := fs.Parse(flags); err != nil {
		// parse checked every name and boolean above, so this is a value the flag itself refused.
		return nil, c.usageErr("cli.err.bad_flag", map[string]any{"Command": command})
	}
	switch {
	case len(pos) < minPos:
		return nil, c.usageErr(missingArgIDs[command], map[string]any{"Command": command})
	case len(pos) > maxPos && maxPos == 0:
		return nil, c.usageErr("cli.err.no_arguments", map[string]any{"Command": command})
	case len(pos) > maxPos:
		return nil, c.usageErr("cli.err.too_many_arguments", map[string]any{"Command": command})
	}
	return pos, nil
}

// missingArgIDs name what a command's positional argument is, for the "missing" line.
var missingArgIDs = map[string]string{
	"case import": "cli.err.missing_case_file",
	"restore":     "cli.err.missing_backup_file",
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// require returns a usageError when a required string flag was not given.
func (c *ctx) require(command, flag, value string) error {
	if value == "" {
		return c.usageErr("cli.err.flag_required", map[string]any{"Command": command, "Flag": "--" + flag})
	}
	return nil
}

// isHelp reports whether a is a request for usage rather than an argument.
func isHelp(a string) bool {
	switch a {
	case "-h", "-help", "--help", "help":
		return true
	}
	return false
}
