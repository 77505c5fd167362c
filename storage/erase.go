package storage

import (
	"database/sql"
	"fmt"
)

// EraseCase deletes a case so that no byte of its records remains in the database, WAL or
// shared-memory file: the rows are deleted (secure_delete zeroes them) with an "erase" audit
// row in one transaction, then the WAL is checkpointed and truncated, the database vacuumed
// (rewriting every page, so free pages holding older versions are gone) and the WAL truncated
// again. Errors: ErrNotFound; ErrVaultBusy if another process kept the WAL in use, in which
// case the erase is committed and the old bytes go at that process's next checkpoint or a
// later erase.
func (s *Session) EraseCase(id string) error {
	k, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	if !validCaseID(id) {
		return fmt.Errorf("erase case: %w", ErrNotFound)
	}
	err = s.writeTx(func(tx *sql.Tx) error {
		if _, err := tx.Exec("DELETE FROM case_details WHERE id = ?", id); err != nil {
			return sqliteErr(err)
		}
		res, err := tx.Exec("DELETE FROM cases WHERE id = ?", id)
		if err != nil {
			return sqliteErr(err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return ErrNotFound
		}
		return appendAudit(tx, k, s.record(ActionErase, id, ""), false)
	})
	if err != nil {
		return fmt.Errorf("erase case: %w", err)
	}
	if err := scrub(s.v.db); err != nil {
		return fmt.Errorf("erase case: %w", err)
	}
	return nil
}

// scrub rewrites the database so deleted content survives nowhere in its files.
func scrub(db *sql.DB) error {
	if err := checkpoint(db); err != nil {
		return err
	}
	if _, err := db.Exec("VACUUM"); err != nil {
		return fmt.Errorf("vacuum: %w", sqliteErr(err))
	}
	return checkpoint(db)
}
