package storage

import (
	"fmt"
	"io"
)

// Progress is told how far a long job has gone, in bytes, so a window can show a bar while a
// backup is written or restored. It is called from the job's goroutine, often; it must be quick
// and must not call back into the vault.
type Progress func(done, total int64)

// progressReader reports each read to p.
type progressReader struct {
	r     io.Reader
	done  int64
	total int64
	p     Progress
}

func (pr *progressReader) Read(b []byte) (int, error) {
	n, err := pr.r.Read(b)
	pr.done += int64(n)
	if n > 0 {
		pr.p(min(pr.done, pr.total), pr.total)
	}
	return n, err
}

// withProgress wraps r, whose whole length is total, so p hears of every read. A nil p
// returns r as it is.
func withProgress(r io.Reader, total int64, p Progress) io.Reader {
	if p == nil {
		return r
	}
	p(0, total)
	return &progressReader{r: r, total: total, p: p}
}

// BackupWithProgress is Backup, telling p how much of the vault has been encrypted.
func (s *Session) BackupWithProgress(outPath string, p Progress) error {
	k, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	if overlapsVault(outPath, s.v.path) {
		return fmt.Errorf("backup: the output would replace the vault itself: %w", ErrInvalid)
	}
	if err := s.audit(k, ActionExport, "", ""); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := s.backup(k, outPath, p); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// RestoreWithProgress is Restore, telling p how much of the backup has been read.
func RestoreWithProgress(backupPath, vaultPath, adviser string, pass []byte, opt *Options, p Progress) error {
	cfg, err := resolveOptions(opt)
	if err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	if err := restore(backupPath, vaultPath, adviser, pass, cfg, p); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	return nil
}
