package cli

import (
	"flag"
	"fmt"

	"waymark/storage"
)

// vaultFlags are the flags every vault command takes.
type vaultFlags struct {
	path      string
	fromStdin bool
}

func (v *vaultFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&v.path, "vault", "", "")
	fs.BoolVar(&v.fromStdin, "passphrase-stdin", false, "")
}

// vaultPath is --vault, else WAYMARK_VAULT (read through Env so tests control it), else the
// default place in the user's configuration folder.
func (c *ctx) vaultPath(v vaultFlags) (string, error) {
	if v.path != "" {
		return v.path, nil
	}
	if p := c.env.Getenv("WAYMARK_VAULT"); p != "" {
		return p, nil
	}
	p, err := storage.DefaultPath()
	if err != nil {
		return "", c.fail("cli.err.no_default_path", nil)
	}
	return p, nil
}

// unlock opens the vault and unlocks it as adviser. The vault is opened before the passphrase
// is asked for, so a wrong path is reported without making anyone type a passphrase for
// nothing. The returned function locks the session and closes the vault.
func (c *ctx) unlock(command string, v vaultFlags, adviser string) (*storage.Session, func(), error) {
	if err := c.checkPassphraseSource(command, v.fromStdin); err != nil {
		return nil, nil, err
	}
	path, err := c.vaultPath(v)
	if err != nil {
		return nil, nil, err
	}
	vault, err := storage.Open(path, c.env.Storage)
	if err != nil {
		return nil, nil, fmt.Errorf("open vault: %w", err)
	}
	pass, err := c.passphrase(command, v.fromStdin, adviser)
	if err != nil {
		_ = vault.Close()
		return nil, nil, err
	}
	s, err := vault.Unlock(adviser, pass)
	wipe(pass)
	if err != nil {
		_ = vault.Close()
		return nil, nil, fmt.Errorf("unlock vault: %w", err)
	}
	return s, func() {
		s.Lock()
		_ = vault.Close()
	}, nil
}

// runVaultInit creates a vault with its first administrator and shows the recovery key, the
// only time it is ever shown.
func (c *ctx) runVaultInit(args []string) error {
	const command = "vault init"
	fs := c.newFlags(command)
	var v vaultFlags
	v.register(fs)
	admin := fs.String("admin", "", "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if err := c.require(command, "admin", *admin); err != nil {
		return err
	}
	path, err := c.vaultPath(v)
	if err != nil {
		return err
	}
	if storage.Exists(path) {
		return fmt.Errorf("vault init: %w", storage.ErrVaultExists)
	}
	if err := c.checkPassphraseSource(command, v.fromStdin); err != nil {
		return err
	}
	pass, err := c.newPassphrase(command, v.fromStdin, *admin)
	if err != nil {
		return err
	}
	s, recovery, err := storage.Create(path, *admin, pass, c.env.Storage)
	wipe(pass)
	if err != nil {
		return fmt.Errorf("create vault: %w", err)
	}
	// The vault exists from here on, so the recovery key is printed before anything else can
	// fail: it is never shown again.
	out := c.env.Stdout
	fmt.Fprintln(out, c.tr.T("cli.init.created", map[string]any{"Path": path, "Name": *admin}))
	fmt.Fprintln(out, c.tr.T("cli.init.recovery_heading"))
	fmt.Fprintln(out, recovery)
	fmt.Fprintln(out, c.tr.T("cli.init.recovery_advice"))
	s.Lock()
	if err := s.Vault().Close(); err != nil {
		return fmt.Errorf("close new vault: %w", err)
	}
	return nil
}
