package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"time"
)

// ExportStatistics counts every case for the period (see Statistics) and writes the CSV to w,
// for an admin only. Reading every case for counts is one act, so it writes one "export"
// audit row for the vault, not an "open" row per case; the cases themselves never leave this
// function. A case that fails to open stops the export with ErrCorrupt rather than giving
// counts that silently leave it out.
func (s *Session) ExportStatistics(w io.Writer, from, to time.Time) error {
	if err := s.requireAdmin("export statistics"); err != nil {
		return err
	}
	k, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	rows, err := s.v.db.Query("SELECT c.id, c.summary, d.detail FROM cases c LEFT JOIN case_details d ON d.id = c.id")
	if err != nil {
		return fmt.Errorf("export statistics: %w", sqliteErr(err))
	}
	var cases []Case
	for rows.Next() {
		var id string
		var sum, det []byte
		if err := rows.Scan(&id, &sum, &det); err != nil {
			rows.Close()
			return fmt.Errorf("export statistics: %w", errors.Join(ErrCorrupt, err))
		}
		c, err := openCase(k, id, sum, det)
		if err != nil {
			rows.Close()
			return fmt.Errorf("export statistics: %w", err)
		}
		cases = append(cases, c)
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("export statistics: %w", sqliteErr(err))
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export statistics: %w", sqliteErr(err))
	}
	if err := Statistics(cases, from, to).WriteCSV(w); err != nil {
		return fmt.Errorf("export statistics: %w", err)
	}
	err = s.writeTx(func(tx *sql.Tx) error {
		return appendAudit(tx, k, s.record(ActionExport, "", "statistics"), false)
	})
	if err != nil {
		return fmt.Errorf("export statistics: %w", err)
	}
	return nil
}
