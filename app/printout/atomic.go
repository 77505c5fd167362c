package printout

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
)

// WriteFile writes a file at path all at once or not at all: fill writes the content into a
// temporary file in the same folder, which is flushed to disk and then renamed over path. If
// fill fails (or panics), or anything after it does, the temporary file is removed and path is
// left as it was, so a failed print never leaves a half-written PDF that looks like a plan.
//
// fill's own error is returned unchanged, so a caller can still tell bad input from a full disk.
// The file is created readable and writable by its owner only (0600 where the system has such
// permissions), because what Waymark writes is about a person.
func WriteFile(path string, fill func(io.Writer) error) error {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("create temporary file: %w", err)
	}
	done := false
	defer func() {
		if !done {
			// Best effort: the write already failed, and that is the error to report.
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err := fill(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("flush file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close file: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replace file: %w", err)
	}
	done = true
	syncDir(dir)
	return nil
}

// syncDir flushes a folder's entries so the rename survives a power cut, as far as the system
// allows. It is best effort: by now the complete file is in place, some file systems and
// network shares cannot flush a folder, and Windows can neither open one for this nor needs to.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
