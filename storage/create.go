package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Create makes a new vault at path (parent folders 0700, files 0600) with one admin, and
// returns an unlocked session and the recovery key, formatted "XXXX-XXXX-..." (shown once;
// it is not stored anywhere). The vault is built at a temporary path and moved into place
// only when complete, so a failure leaves nothing behind, and an existing file is never
// replaced (ErrVaultExists). pass is not retained; the caller should zero it.
func Create(path, adminName string, pass []byte, opt *Options) (*Session, string, error) {
	cfg, err := resolveOptions(opt)
	if err != nil {
		return nil, "", fmt.Errorf("create vault: %w", err)
	}
	if err := validateAdviserName(adminName); err != nil {
		return nil, "", fmt.Errorf("create vault: %w", err)
	}
	if err := checkPassphrase(pass); err != nil {
		return nil, "", fmt.Errorf("create vault: %w", err)
	}
	if _, err := os.Lstat(path); err == nil {
		return nil, "", fmt.Errorf("create vault: %w", ErrVaultExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, "", fmt.Errorf("create vault: %w", err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return nil, "", fmt.Errorf("create vault: folder: %w", err)
	}

	dataKey, err := randomBytes(keySize)
	if err != nil {
		return nil, "", fmt.Errorf("create vault: %w", err)
	}
	keys, err := newSessionKeys(dataKey)
	if err != nil {
		zero(dataKey)
		return nil, "", fmt.Errorf("create vault: %w", err)
	}
	recovery, err := randomBytes(recoveryKeyLen)
	if err != nil {
		keys.wipe()
		return nil, "", fmt.Errorf("create vault: %w", err)
	}
	defer zero(recovery)

	if err := buildVault(path, adminName, pass, recovery, keys, cfg); err != nil {
		keys.wipe()
		return nil, "", fmt.Errorf("create vault: %w", err)
	}
	v, err := openVault(path, cfg)
	if err != nil {
		keys.wipe()
		removeDB(path) // made a moment ago and never handed out: leave nothing behind
		return nil, "", fmt.Errorf("create vault: reopen: %w", err)
	}
	s, err := v.register(Adviser{Name: adminName, Role: RoleAdmin, Status: AdviserActive}, keys)
	if err != nil {
		v.Close()
		return nil, "", fmt.Errorf("create vault: %w", err)
	}
	return s, formatRecoveryKey(recovery), nil
}

// buildVault writes a complete vault to a temporary file beside path and moves it into
// place. On any failure the temporary file and its sidecars are removed.
func buildVault(path, adminName string, pass, recovery []byte, keys *sessionKeys, cfg config) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".waymark-new-*.db")
	if err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	tmp := f.Name()
	f.Close()
	defer func() {
		if err != nil {
			removeDB(tmp)
		}
	}()
	if err := os.Chmod(tmp, fileMode); err != nil {
		return err
	}
	db, err := openDB(tmp)
	if err != nil {
		return err
	}
	defer func() {
		if db != nil {
			db.Close()
		}
	}()
	if _, err := db.Exec(fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
		return fmt.Errorf("application id: %w", err)
	}
	if err := migrate(db, true); err != nil {
		return err
	}

	params := calibrate(cfg.kdf, measureArgon2)
	slot, err := newPassphraseSlot(pass, keys.data, params, adminName, RoleAdmin)
	if err != nil {
		return err
	}
	rslot, err := newRecoverySlot(recovery, keys.data)
	if err != nil {
		return err
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.Exec("INSERT INTO key_slots (name, role, slot) VALUES (?, ?, ?)", adminName, string(RoleAdmin), slot.marshal()); err != nil {
		return fmt.Errorf("admin slot: %w", err)
	}
	if _, err := tx.Exec("INSERT INTO recovery_slot (id, slot) VALUES (1, ?)", rslot.marshal()); err != nil {
		return fmt.Errorf("recovery slot: %w", err)
	}
	rec := auditRecord{Time: cfg.now(), Adviser: adminName, Action: ActionCreate, Subject: adminName}
	if err := appendAudit(tx, keys, rec, true); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	if err := checkpoint(db); err != nil {
		return err
	}
	closeErr := db.Close()
	db = nil
	if closeErr != nil {
		return fmt.Errorf("close: %w", closeErr)
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	// A WAL or shared-memory file with no database beside it belongs to nothing; left in
	// place it would be replayed into the new vault.
	for _, suffix := range sidecars {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("stale %s file: %w", suffix, err)
		}
	}
	if err := placeNew(tmp, path); err != nil {
		return err
	}
	if err := syncDir(filepath.Dir(path)); err != nil {
		removeDB(path) // ours, made a moment ago: leave nothing half-durable behind
		return err
	}
	return nil
}
