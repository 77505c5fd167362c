package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/term"

	"waymark/storage"
)

// Terminal is where a passphrase is asked for when standard input is a person at a keyboard.
// Tests supply a fake; the program uses the real terminal with echo turned off.
type Terminal interface {
	// IsTerminal reports whether standard input is an interactive terminal.
	IsTerminal() bool
	// ReadPassword shows prompt and reads one line without echoing it.
	ReadPassword(prompt string) ([]byte, error)
}

// processTerminal is the terminal on this process's standard input, with the prompt on
// standard error so that standard output stays clean for scripts.
type processTerminal struct{}

func (processTerminal) IsTerminal() bool { return term.IsTerminal(int(os.Stdin.Fd())) }

func (processTerminal) ReadPassword(prompt string) ([]byte, error) {
	fmt.Fprint(os.Stderr, prompt)
	pass, err := term.ReadPassword(int(os.Stdin.Fd()))
	// Echo is off, so the Enter key printed nothing; end the prompt's line ourselves.
	fmt.Fprintln(os.Stderr)
	if err != nil {
		return nil, fmt.Errorf("read passphrase from terminal: %w", err)
	}
	return pass, nil
}

// maxPassphraseBytes bounds the line read from standard input, so a wrong pipe (a whole file
// fed in by mistake) is refused rather than read into memory as a passphrase.
const maxPassphraseBytes = 4096

// readStdinLine reads the first line of r, without its line ending, one byte at a time so that
// no copy of the passphrase is left behind in a buffer it cannot wipe.
func readStdinLine(r io.Reader) ([]byte, error) {
	line := make([]byte, 0, 128)
	var b [1]byte
	for {
		n, err := r.Read(b[:])
		if n == 1 {
			if b[0] == '\n' {
				break
			}
			if len(line) == maxPassphraseBytes {
				wipe(line)
				return nil, errTooLong
			}
			line = append(line, b[0])
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			wipe(line)
			return nil, fmt.Errorf("read passphrase from standard input: %w", err)
		}
	}
	if len(line) > 0 && line[len(line)-1] == '\r' {
		line[len(line)-1] = 0
		line = line[:len(line)-1]
	}
	return line, nil
}

var errTooLong = errors.New("passphrase line too long")

// wipe overwrites a passphrase once it is no longer needed.
func wipe(b []byte) {
	for i := range b {
		b[i] = 0
	}
}

// checkPassphraseSource refuses, as bad input, a run that has no way to get a passphrase: no
// --passphrase-stdin and nobody at a terminal. It is checked before the vault is touched.
func (c *ctx) checkPassphraseSource(command string, fromStdin bool) error {
	if fromStdin || c.env.Terminal.IsTerminal() {
		return nil
	}
	return c.usageErr("cli.err.no_terminal", map[string]any{"Command": command})
}

// passphrase gets the passphrase of adviser for unlocking: the first line of standard input with
// --passphrase-stdin, else typed on the terminal. The caller wipes it.
func (c *ctx) passphrase(command string, fromStdin bool, adviser string) ([]byte, error) {
	if fromStdin {
		return c.stdinPassphrase(command)
	}
	if !c.env.Terminal.IsTerminal() {
		return nil, c.usageErr("cli.err.no_terminal", map[string]any{"Command": command})
	}
	pass, err := c.env.Terminal.ReadPassword(c.tr.T("cli.prompt.passphrase", map[string]any{"Name": adviser}))
	if err != nil {
		return nil, c.fail("cli.err.terminal", nil)
	}
	return pass, nil
}

// newPassphrase gets a passphrase for a new vault. On a terminal it is typed twice, because a
// typing mistake there would lock the organisation out; a short one is refused before the
// second prompt rather than after.
func (c *ctx) newPassphrase(command string, fromStdin bool, admin string) ([]byte, error) {
	if fromStdin {
		return c.stdinPassphrase(command)
	}
	if !c.env.Terminal.IsTerminal() {
		return nil, c.usageErr("cli.err.no_terminal", map[string]any{"Command": command})
	}
	first, err := c.env.Terminal.ReadPassword(c.tr.N("cli.prompt.new_passphrase", storage.MinPassphraseLen,
		map[string]any{"Name": admin}))
	if err != nil {
		return nil, c.fail("cli.err.terminal", nil)
	}
	if utf8.RuneCount(first) < storage.MinPassphraseLen {
		wipe(first)
		return nil, fmt.Errorf("new passphrase: %w", storage.ErrWeakPassphrase)
	}
	second, err := c.env.Terminal.ReadPassword(c.tr.T("cli.prompt.repeat"))
	if err != nil {
		wipe(first)
		return nil, c.fail("cli.err.terminal", nil)
	}
	defer wipe(second)
	if !bytes.Equal(first, second) {
		wipe(first)
		return nil, c.fail("cli.err.mismatch", nil)
	}
	return first, nil
}

func (c *ctx) stdinPassphrase(command string) ([]byte, error) {
	pass, err := readStdinLine(c.env.Stdin)
	switch {
	case errors.Is(err, errTooLong):
		return nil, c.usageErr("cli.err.stdin_too_long", map[string]any{"Command": command})
	case err != nil:
		return nil, c.fail("cli.err.stdin_read", nil)
	case len(pass) == 0:
		return nil, c.usageErr("cli.err.stdin_empty", map[string]any{"Command": command})
	}
	return pass, nil
}
