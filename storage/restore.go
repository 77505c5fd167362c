package storage

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// Restore replaces (or creates) the vault at vaultPath from a backup. It first checks the
// whole backup: the named adviser's slot opens with pass and is an admin's, the header MAC
// and every chunk authenticate, and the decrypted database is a Waymark vault of a schema this
// build knows that passes integrity_check and carries the same slot. Only then is the
// restored file moved over vaultPath in one rename. Any failure leaves vaultPath untouched.
// Every Vault on vaultPath must be closed first (ErrVaultBusy otherwise): the old vault is
// locked exclusively and its WAL folded in before the rename, so no stale WAL can ever be
// replayed into the restored file. An existing file at vaultPath that is not a Waymark vault
// is never replaced (ErrCorrupt); a Waymark vault too damaged to open is. The restored vault
// records a "restore" audit row.
func Restore(backupPath, vaultPath, adviser string, pass []byte, opt *Options) error {
	cfg, err := resolveOptions(opt)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if err := restore(backupPath, vaultPath, adviser, pass, cfg, nil); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	return nil
}

func restore(backupPath, vaultPath, adviser string, pass []byte, cfg config, p Progress) error {
	f, err := os.Open(backupPath)
	if err != nil {
		return fmt.Errorf("backup file: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("backup file: %w", err)
	}
	br := bufio.NewReaderSize(withProgress(f, st.Size(), p), 256<<10)
	bk, err := openBackup(br, adviser, pass, cfg)
	if err != nil {
		return err
	}
	defer bk.wipe()

	if err := os.MkdirAll(filepath.Dir(vaultPath), dirMode); err != nil {
		return fmt.Errorf("vault folder: %w", err)
	}
	tmpDir, err := privateTempDir(vaultPath, ".waymark-restore-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmpDir)
	snap := filepath.Join(tmpDir, "restored.db")
	if err := decryptTo(snap, bk.streamKey, br); err != nil {
		return inBackup(err)
	}
	if err := prepareRestored(snap, bk.slot, bk.dataKey, cfg); err != nil {
		return inBackup(err)
	}
	return replaceVault(snap, vaultPath)
}

// openedBackup is a backup whose header opened for an admin: the keys to read the rest.
type openedBackup struct {
	slot                          backupSlot
	dataKey, headerKey, streamKey []byte
}

func (b *openedBackup) wipe() {
	zero(b.dataKey)
	zero(b.headerKey)
	zero(b.streamKey)
}

// openBackup reads a backup's header from r, opens adviser's slot with pass, requires an
// admin, and authenticates the header. r is left at the start of the encrypted stream.
func openBackup(r io.Reader, adviser string, pass []byte, cfg config) (*openedBackup, error) {
	h, err := readBackupHeader(r)
	if err != nil {
		return nil, inBackup(err)
	}
	bs, ok := findBackupSlot(h.slots, adviser)
	if !ok {
		return nil, ErrUnknownAdviser
	}
	slot, err := parseKeySlot(bs.slot)
	if err != nil {
		return nil, inBackup(err)
	}
	dataKey, err := unlockPassphraseSlot(slot, pass, cfg.kdf.Max, bs.name, bs.role)
	if err != nil {
		return nil, inBackup(err)
	}
	if bs.role != RoleAdmin {
		zero(dataKey)
		return nil, ErrNotAdmin
	}
	headerKey, streamKey, err := backupKeys(dataKey, h.salt)
	if err != nil {
		zero(dataKey)
		return nil, err
	}
	b := &openedBackup{slot: bs, dataKey: dataKey, headerKey: headerKey, streamKey: streamKey}
	if !hmac.Equal(h.mac, backupHeaderMAC(headerKey, h.covered)) {
		b.wipe()
		return nil, inBackup(fmt.Errorf("backup header failed authentication: %w", ErrCorrupt))
	}
	return b, nil
}

// CheckBackup tells, before anything is locked or replaced, whether Restore would accept
// adviser and pass for the backup at backupPath: the account is in the backup, the passphrase
// opens it, it is an admin's, and the header is authentic. It reads only the header (one key
// derivation); a damaged body is still found by Restore, which changes nothing then either.
// Errors as Restore: ErrUnknownAdviser, ErrWrongPassphrase, ErrNotAdmin, ErrBadBackup.
func CheckBackup(backupPath, adviser string, pass []byte, opt *Options) error {
	cfg, err := resolveOptions(opt)
	if err != nil {
		return fmt.Errorf("check backup: %w", err)
	}
	f, err := os.Open(backupPath)
	if err != nil {
		return fmt.Errorf("check backup: backup file: %w", err)
	}
	defer f.Close()
	bk, err := openBackup(bufio.NewReader(f), adviser, pass, cfg)
	if err != nil {
		return fmt.Errorf("check backup: %w", err)
	}
	bk.wipe()
	return nil
}

// findBackupSlot finds adviser's slot, matching names without regard to ASCII case as the
// vault does.
func findBackupSlot(slots []backupSlot, adviser string) (backupSlot, bool) {
	for _, s := range slots {
		if asciiFoldEqual(s.name, adviser) {
			return s, true
		}
	}
	return backupSlot{}, false
}

// asciiFoldEqual is SQLite's NOCASE equality: ASCII letters fold, nothing else does.
func asciiFoldEqual(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// decryptTo authenticates and decrypts the chunk stream into a new private file at path.
func decryptTo(path string, key []byte, r io.Reader) (err error) {
	sr, err := newStreamReader(key, r, chunkSize)
	if err != nil {
		return err
	}
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode)
	if err != nil {
		return fmt.Errorf("restored file: %w", err)
	}
	defer func() {
		if cerr := out.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("restored file: %w", cerr)
		}
	}()
	if _, err := io.Copy(out, sr); err != nil {
		return err
	}
	if err := out.Sync(); err != nil {
		return fmt.Errorf("restored file: %w", err)
	}
	return nil
}

// prepareRestored checks the decrypted database and records the restore in its audit trail.
func prepareRestored(snap string, bs backupSlot, dataKey []byte, cfg config) error {
	if err := checkHeader(snap); err != nil {
		return err
	}
	db, err := openDB(snap)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkSchema(db); err != nil {
		return err
	}
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		return fmt.Errorf("integrity check: %w", sqliteErr(err))
	}
	if res != "ok" {
		return fmt.Errorf("integrity check failed: %w", ErrCorrupt)
	}
	var role string
	var slot []byte
	if err := db.QueryRow("SELECT role, slot FROM key_slots WHERE name = ? AND status = 'active'", bs.name).Scan(&role, &slot); err != nil {
		return fmt.Errorf("restored key slot: %w", errors.Join(ErrCorrupt, sqliteErr(err)))
	}
	if Role(role) != bs.role || !bytes.Equal(slot, bs.slot) {
		return fmt.Errorf("restored key slot differs from the backup header: %w", ErrCorrupt)
	}
	keys, err := newSessionKeys(bytes.Clone(dataKey))
	if err != nil {
		return err
	}
	defer keys.wipe()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rec := auditRecord{Time: cfg.now(), Adviser: bs.name, Action: ActionRestore}
	if err := appendAudit(tx, keys, rec, false); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if err := checkpoint(db); err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	return syncFile(snap)
}

// replaceVault moves the checked file snap over vaultPath. An existing vault is first locked
// exclusively and switched out of WAL mode, which folds its WAL into the file and deletes it;
// if anyone else has it open that fails and nothing changes. Sidecar files left with no
// database are removed, so none can be replayed into the restored vault.
func replaceVault(snap, vaultPath string) error {
	release, err := quiesce(vaultPath)
	if err != nil {
		return err
	}
	if isWindows() {
		// Windows cannot rename over a file SQLite holds open: let go of the old vault
		// first. Its WAL is already folded in and deleted, so the window is harmless
		// unless another program opens the vault in that instant.
		release()
	} else {
		defer release()
	}
	for _, suffix := range sidecars {
		if err := os.Remove(vaultPath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("stale %s file: %w", suffix, err)
		}
	}
	if err := os.Rename(snap, vaultPath); err != nil {
		return fmt.Errorf("replace vault: %w", err)
	}
	return syncDir(filepath.Dir(vaultPath))
}

// quiesce takes the old vault at path out of use and returns a function releasing it. It
// holds an exclusive lock, in rollback-journal mode, until release, so no other connection
// can write a WAL for it meanwhile.
func quiesce(path string) (func(), error) {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return func() {}, nil
	}
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file at the vault path: %w", ErrCorrupt)
	}
	if fi.Size() == 0 {
		return func() {}, nil
	}
	if err := checkHeader(path); err != nil {
		return nil, fmt.Errorf("refusing to replace a file that is not a waymark vault: %w", err)
	}
	name, err := dsn(path)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite3", strings.Replace(name, "_busy_timeout=5000", "_busy_timeout=1000", 1))
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	var conn *sql.Conn
	closeAll := func() {
		if conn != nil {
			conn.Close()
		}
		db.Close()
	}
	fail := func(step string, err error) (func(), error) {
		closeAll()
		err = lockErr(err)
		if errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrVaultBusy) {
			// A vault too damaged for SQLite to open is what a restore is for; nothing can
			// be using it, and its sidecars go with it.
			return func() {}, nil
		}
		return nil, fmt.Errorf("%s: %w", step, err)
	}
	// One pinned connection holds the lock from start to release.
	if conn, err = db.Conn(ctx); err != nil {
		return fail("lock old vault", err)
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA locking_mode = EXCLUSIVE"); err != nil {
		return fail("lock old vault", err)
	}
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode = DELETE").Scan(&mode); err != nil {
		return fail("fold old wal", err)
	}
	if !strings.EqualFold(mode, "delete") {
		return fail("fold old wal", ErrVaultBusy)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		return fail("lock old vault", err)
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		conn.ExecContext(ctx, "ROLLBACK")
		return fail("old wal still present", ErrVaultBusy)
	}
	return func() {
		conn.ExecContext(ctx, "ROLLBACK")
		closeAll()
	}, nil
}

// lockErr reports SQLite's busy and locked codes as ErrVaultBusy.
func lockErr(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked) {
		return fmt.Errorf("%v: %w", se.Code, ErrVaultBusy)
	}
	return sqliteErr(err)
}
