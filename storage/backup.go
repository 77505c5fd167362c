package storage

import (
	"bufio"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// backupWriterHook, when set (by tests), wraps the writer a backup file is written through,
// so a failing disk can be simulated.
var backupWriterHook func(io.Writer) io.Writer

// Backup writes an encrypted copy of the whole vault to outPath, which opens with any
// admin's passphrase (see Restore). A consistent snapshot is taken with VACUUM INTO inside a
// private temporary folder beside the vault, encrypted into a temporary file beside outPath,
// synced and renamed into place; on any failure neither the temporary file nor the snapshot
// is left behind, and an existing outPath is untouched. Audits "export".
//
// The export is audited before the file is written: an audit row for an export that then
// failed is harmless, while a backup on disk with no audit row would be an unrecorded copy of
// every case.
func (s *Session) Backup(outPath string) error {
	return s.BackupWithProgress(outPath, nil)
}

func (s *Session) backup(k *sessionKeys, outPath string, p Progress) error {
	tmpDir, err := privateTempDir(s.v.path, ".waymark-snapshot-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmpDir)
	snap := filepath.Join(tmpDir, "snapshot.db")
	if err := createEmpty(snap); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	if _, err := s.v.db.Exec("VACUUM INTO ?", snap); err != nil {
		return fmt.Errorf("snapshot: %w", sqliteErr(err))
	}
	slots, recovery, err := snapshotSlots(snap)
	if err != nil {
		return err
	}
	salt, err := randomBytes(backupSaltLen)
	if err != nil {
		return err
	}
	headerKey, streamKey, err := backupKeys(k.data, salt)
	if err != nil {
		return err
	}
	defer zero(headerKey)
	defer zero(streamKey)
	header := marshalBackupHeader(salt, slots, recovery)
	header = append(header, backupHeaderMAC(headerKey, header)...)
	return writeAtomically(outPath, func(w io.Writer) error {
		if _, err := w.Write(header); err != nil {
			return err
		}
		return encryptFile(w, streamKey, snap, p)
	})
}

// overlapsVault reports whether out names the vault file or one of its sidecars, which a
// backup must never replace.
func overlapsVault(out, vault string) bool {
	ao, err1 := filepath.Abs(out)
	av, err2 := filepath.Abs(vault)
	if err1 != nil || err2 != nil {
		return true
	}
	for _, suffix := range append([]string{""}, sidecars...) {
		if ao == av+suffix {
			return true
		}
		fo, erro := os.Stat(ao)
		fv, errv := os.Stat(av + suffix)
		if erro == nil && errv == nil && os.SameFile(fo, fv) {
			return true
		}
	}
	return false
}

// snapshotSlots reads the key slots from the snapshot itself, so the header always matches
// the data it protects. The snapshot is only read.
func snapshotSlots(snap string) ([]backupSlot, []byte, error) {
	db, err := openDB(snap)
	if err != nil {
		return nil, nil, fmt.Errorf("snapshot: %w", err)
	}
	defer db.Close()
	// Only active accounts can restore: an invited one has no passphrase yet and a disabled one
	// no key.
	rows, err := db.Query("SELECT name, role, slot FROM key_slots WHERE status = 'active' ORDER BY name")
	if err != nil {
		return nil, nil, fmt.Errorf("snapshot slots: %w", sqliteErr(err))
	}
	defer rows.Close()
	var slots []backupSlot
	for rows.Next() {
		var bs backupSlot
		if err := rows.Scan(&bs.name, &bs.role, &bs.slot); err != nil {
			return nil, nil, fmt.Errorf("snapshot slots: %w", errors.Join(ErrCorrupt, err))
		}
		if len(bs.name) > maxBackupNameLen || len(bs.slot) > maxBackupSlotLen || !bs.role.valid() {
			return nil, nil, fmt.Errorf("snapshot slots: malformed slot: %w", ErrCorrupt)
		}
		slots = append(slots, bs)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("snapshot slots: %w", sqliteErr(err))
	}
	if len(slots) == 0 || len(slots) > maxBackupSlots {
		return nil, nil, fmt.Errorf("snapshot slots: %d slots: %w", len(slots), ErrCorrupt)
	}
	var recovery []byte
	err = db.QueryRow("SELECT slot FROM recovery_slot WHERE id = 1").Scan(&recovery)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("snapshot recovery slot: %w", sqliteErr(err))
	}
	if len(recovery) > maxBackupSlotLen {
		return nil, nil, fmt.Errorf("snapshot recovery slot: %w", ErrCorrupt)
	}
	return slots, recovery, nil
}

// encryptFile streams path's contents through a STREAM writer into w.
func encryptFile(w io.Writer, key []byte, path string, p Progress) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	sw, err := newStreamWriter(key, w, chunkSize)
	if err != nil {
		return err
	}
	if _, err := io.Copy(sw, withProgress(f, st.Size(), p)); err != nil {
		return err
	}
	return sw.Close()
}

// writeAtomically writes outPath through fill: to a private temporary file beside it, then
// sync, close, rename and sync the folder. On any failure the temporary file is removed and
// outPath is as it was.
func writeAtomically(outPath string, fill func(io.Writer) error) (err error) {
	dir := filepath.Dir(outPath)
	f, err := os.CreateTemp(dir, "."+filepath.Base(outPath)+".tmp-*")
	if err != nil {
		return fmt.Errorf("output file: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err := f.Chmod(fileMode); err != nil && !isWindows() {
		return fmt.Errorf("output file: %w", err)
	}
	var w io.Writer = f
	if backupWriterHook != nil {
		w = backupWriterHook(w)
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	if err := fill(bw); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close: %w", err)
	}
	if err := os.Rename(tmp, outPath); err != nil {
		return fmt.Errorf("rename: %w", err)
	}
	return syncDir(dir)
}
