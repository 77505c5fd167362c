package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Vault is an open vault file, still locked: it can list advisers and unlock sessions, and
// nothing else. Close it when done; Close locks every session it unlocked.
type Vault struct {
	path string
	db   *sql.DB
	cfg  config

	mu       sync.Mutex
	sessions map[*Session]struct{}
	closed   bool
}

// config is Options resolved and checked.
type config struct {
	kdf KDFPolicy
	now func() time.Time
}

// resolveOptions applies defaults and refuses a weakened KDF policy outside tests.
func resolveOptions(opt *Options) (config, error) {
	var o Options
	if opt != nil {
		o = *opt
	}
	pol, err := resolvePolicy(o.KDF)
	if err != nil {
		return config{}, err
	}
	c := config{kdf: pol, now: o.Now}
	if c.now == nil {
		c.now = time.Now
	}
	return c, nil
}

// DefaultPath is WAYMARK_VAULT if set, else <os.UserConfigDir()>/Waymark/vault.db.
func DefaultPath() (string, error) {
	if p := os.Getenv("WAYMARK_VAULT"); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("default vault path: %w", err)
	}
	return filepath.Join(dir, "Waymark", "vault.db"), nil
}

// Exists reports whether a vault file is at path, so the app can choose between first-run
// set-up and the unlock screen. A file that is not a vault still counts: Open then reports
// ErrCorrupt rather than set-up overwriting it.
func Exists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// Open opens an existing vault, locked. It checks the file is a Waymark vault before SQLite
// touches it, and runs any pending migrations. Errors: ErrNoVault, ErrTooNew, ErrCorrupt,
// ErrKDFParams (for a refused policy in opt).
func Open(path string, opt *Options) (*Vault, error) {
	cfg, err := resolveOptions(opt)
	if err != nil {
		return nil, fmt.Errorf("open vault: %w", err)
	}
	v, err := openVault(path, cfg)
	if err != nil {
		return nil, fmt.Errorf("open vault: %w", err)
	}
	return v, nil
}

// openVault is Open with resolved options.
func openVault(path string, cfg config) (*Vault, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNoVault
	}
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file: %w", ErrCorrupt)
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	tightenPerms(path)
	db, err := openDB(path)
	if err != nil {
		return nil, err
	}
	if err := checkSchema(db); err != nil {
		db.Close()
		return nil, err
	}
	return &Vault{path: path, db: db, cfg: cfg, sessions: map[*Session]struct{}{}}, nil
}

// checkSchema confirms the application id through SQLite, migrates, and checks the tables
// every version has are readable.
func checkSchema(db *sql.DB) error {
	id, err := pragmaInt(db, "application_id")
	if err != nil {
		return err
	}
	if id != applicationID {
		return fmt.Errorf("not a waymark vault: %w", ErrCorrupt)
	}
	if err := migrate(db, false); err != nil {
		return err
	}
	var n int64
	if err := db.QueryRow("SELECT count(*) FROM key_slots").Scan(&n); err != nil {
		return fmt.Errorf("key slots: %w", errors.Join(ErrCorrupt, sqliteErr(err)))
	}
	return nil
}

// Path returns the vault file's path.
func (v *Vault) Path() string { return v.path }

// Close locks every session of this vault and closes the file. SQLite checkpoints and removes
// the WAL when the last connection closes.
func (v *Vault) Close() error {
	v.mu.Lock()
	if v.closed {
		v.mu.Unlock()
		return nil
	}
	v.closed = true
	open := v.sessions
	v.sessions = nil
	v.mu.Unlock()
	for s := range open {
		s.Lock()
	}
	if err := v.db.Close(); err != nil {
		return fmt.Errorf("close vault: %w", err)
	}
	return nil
}

// register adds an unlocked session, unless the vault was closed meanwhile.
func (v *Vault) register(adviser Adviser, k *sessionKeys) (*Session, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.closed {
		k.wipe()
		return nil, fmt.Errorf("vault closed: %w", ErrLocked)
	}
	s := &Session{v: v, adviser: adviser, keys: k}
	v.sessions[s] = struct{}{}
	return s, nil
}

// forget drops a locked session.
func (v *Vault) forget(s *Session) {
	v.mu.Lock()
	delete(v.sessions, s)
	v.mu.Unlock()
}

// Advisers lists every account by name, whatever its status: the unlock screen shows the
// active and invited ones, the administration screen all of them.
func (v *Vault) Advisers() ([]Adviser, error) {
	rows, err := v.db.Query("SELECT name, role, status FROM key_slots ORDER BY name")
	if err != nil {
		return nil, fmt.Errorf("list advisers: %w", sqliteErr(err))
	}
	defer rows.Close()
	var out []Adviser
	for rows.Next() {
		var a Adviser
		if err := rows.Scan(&a.Name, &a.Role, &a.Status); err != nil {
			return nil, fmt.Errorf("list advisers: %w", errors.Join(ErrCorrupt, err))
		}
		if !a.Role.valid() || !a.Status.valid() {
			return nil, fmt.Errorf("list advisers: unknown role or status: %w", ErrCorrupt)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list advisers: %w", sqliteErr(err))
	}
	return out, nil
}

// valid reports whether r is a known role.
func (r Role) valid() bool { return r == RoleAdmin || r == RoleAdviser }

// validateAdviserName refuses names that would be confusing on the unlock screen or clash
// with the recovery session's name.
func validateAdviserName(name string) error {
	n := utf8.RuneCountInString(name)
	switch {
	case !utf8.ValidString(name):
		return fmt.Errorf("adviser name: not valid text: %w", ErrInvalid)
	case n == 0 || n > 64:
		return fmt.Errorf("adviser name: must be 1 to 64 characters: %w", ErrInvalid)
	case strings.TrimSpace(name) != name:
		return fmt.Errorf("adviser name: leading or trailing space: %w", ErrInvalid)
	case strings.EqualFold(name, recoverySlotName):
		return fmt.Errorf("adviser name: %q is reserved: %w", recoverySlotName, ErrInvalid)
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return fmt.Errorf("adviser name: control character: %w", ErrInvalid)
		}
	}
	return nil
}

// checkPassphrase refuses passphrases shorter than MinPassphraseLen runes.
func checkPassphrase(pass []byte) error {
	if utf8.RuneCount(pass) < MinPassphraseLen {
		return fmt.Errorf("passphrase: fewer than %d characters: %w", MinPassphraseLen, ErrWeakPassphrase)
	}
	return nil
}
