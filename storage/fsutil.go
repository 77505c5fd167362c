package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// File modes. The vault folder is private to the user; every file in it is too.
const (
	dirMode  fs.FileMode = 0o700
	fileMode fs.FileMode = 0o600
)

// sidecars are the files SQLite keeps beside a database in WAL or rollback mode.
var sidecars = []string{"-wal", "-shm", "-journal"}

// syncDir makes a rename or create in dir durable. Windows cannot open a directory for
// syncing and commits renames itself, so it is skipped there.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync folder: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync folder: %w", err)
	}
	return nil
}

// syncFile flushes path's contents to stable storage.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("sync file: %w", err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sync file: %w", err)
	}
	return nil
}

// removeDB removes a database file and its sidecars, ignoring ones that do not exist.
func removeDB(path string) error {
	var errs []error
	for _, suffix := range append([]string{""}, sidecars...) {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// tightenPerms makes an existing vault and its sidecars private to the user. It is best
// effort: a vault on a file system without Unix modes still opens.
func tightenPerms(path string) {
	if runtime.GOOS == "windows" {
		return
	}
	for _, suffix := range append([]string{""}, sidecars...) {
		if fi, err := os.Stat(path + suffix); err == nil && fi.Mode().Perm()&^fileMode != 0 {
			_ = os.Chmod(path+suffix, fileMode)
		}
	}
}

// privateTempDir makes a 0700 folder beside target for intermediate files, so they stay on
// the same file system (renames are atomic) and out of reach of other users.
func privateTempDir(target, pattern string) (string, error) {
	dir, err := os.MkdirTemp(filepath.Dir(target), pattern)
	if err != nil {
		return "", fmt.Errorf("temporary folder: %w", err)
	}
	if err := os.Chmod(dir, dirMode); err != nil && runtime.GOOS != "windows" {
		os.RemoveAll(dir)
		return "", fmt.Errorf("temporary folder: %w", err)
	}
	return dir, nil
}

// createEmpty creates path, which must not exist, as an empty private file.
func createEmpty(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode)
	if err != nil {
		return err
	}
	return f.Close()
}

// placeNew moves the finished file tmp to path without ever replacing an existing file: a
// hard link fails if path exists. File systems without hard links fall back to a checked
// rename.
func placeNew(tmp, path string) error {
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		return os.Remove(tmp)
	case errors.Is(err, fs.ErrExist):
		return ErrVaultExists
	}
	if _, statErr := os.Lstat(path); statErr == nil {
		return ErrVaultExists
	}
	return os.Rename(tmp, path)
}

// isWindows reports whether file modes are meaningless here.
func isWindows() bool { return runtime.GOOS == "windows" }
