package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"waymark/storage"
)

// runBackup writes an encrypted copy of the whole vault to --out. Storage writes it to a
// temporary file and renames it into place, so a failure leaves no partial file.
func (c *ctx) runBackup(args []string) error {
	const command = "backup"
	fs := c.newFlags(command)
	var v vaultFlags
	v.register(fs)
	adviser := fs.String("adviser", "", "")
	out := fs.String("out", "", "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if err := c.require(command, "adviser", *adviser); err != nil {
		return err
	}
	if err := c.require(command, "out", *out); err != nil {
		return err
	}
	path, err := c.vaultPath(v)
	if err != nil {
		return err
	}
	if samePath(path, *out) {
		return c.usageErr("cli.err.out_is_vault", map[string]any{"Command": command})
	}
	v.path = path
	s, done, err := c.unlock(command, v, *adviser)
	if err != nil {
		return err
	}
	defer done()
	if err := s.Backup(*out); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintln(c.env.Stdout, c.tr.T("cli.backup.done", map[string]any{"Path": *out}))
	return nil
}

// runRestore replaces (or creates) the vault at --vault from a backup file. Storage checks the
// whole backup, and that the adviser is an administrator in it, before touching the vault.
func (c *ctx) runRestore(args []string) error {
	const command = "restore"
	fs := c.newFlags(command)
	var v vaultFlags
	v.register(fs)
	adviser := fs.String("adviser", "", "")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if err := c.require(command, "adviser", *adviser); err != nil {
		return err
	}
	backup := pos[0]
	path, err := c.vaultPath(v)
	if err != nil {
		return err
	}
	if samePath(path, backup) {
		return c.usageErr("cli.err.backup_is_vault", map[string]any{"Command": command})
	}
	if err := c.checkPassphraseSource(command, v.fromStdin); err != nil {
		return err
	}
	// Check the file is there before asking for a passphrase that could not be used.
	if _, err := os.Stat(backup); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	pass, err := c.passphrase(command, v.fromStdin, *adviser)
	if err != nil {
		return err
	}
	err = storage.Restore(backup, path, *adviser, pass, c.env.Storage)
	wipe(pass)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	fmt.Fprintln(c.env.Stdout, c.tr.T("cli.restore.done", map[string]any{"Path": path}))
	return nil
}

// samePath reports whether a and b name the same file, so a backup is never written over the
// live vault nor a vault restored from itself.
func samePath(a, b string) bool {
	if fa, err := os.Stat(a); err == nil {
		if fb, err := os.Stat(b); err == nil {
			return os.SameFile(fa, fb)
		}
	}
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && absA == absB
}
