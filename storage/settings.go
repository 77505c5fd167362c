package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// intSetting is an organisation-wide whole-number setting, sealed in the meta table under its
// name so it can be neither read nor changed by editing the file, nor swapped with another.
type intSetting struct {
	name     string // meta row, and the sealed record's id
	what     string // for error context
	unset    int    // the value before an admin sets one
	min, max int
}

// maxSettingLength bounds a sealed setting's plaintext: a longer one is not one we wrote.
const maxSettingLength = 64

// readInt returns the setting's value, or its unset value when there is none.
func (s *Session) readInt(set intSetting) (int, error) {
	k, err := s.acquire()
	if err != nil {
		return 0, err
	}
	defer s.mu.Unlock()
	var b []byte
	err = s.v.db.QueryRow("SELECT value FROM meta WHERE name = ?", set.name).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return set.unset, nil
	}
	if err != nil {
		return 0, fmt.Errorf("%s: %w", set.what, sqliteErr(err))
	}
	p, err := openRecord(k.aead, kindSetting, set.name, b)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", set.what, err)
	}
	n, err := strconv.Atoi(string(p))
	if err != nil || n < set.min || n > set.max || len(p) > maxSettingLength {
		return 0, fmt.Errorf("%s: malformed setting: %w", set.what, ErrCorrupt)
	}
	return n, nil
}

// writeInt seals n as the setting's value, with its audit row. Admin only; a value outside
// min..max is ErrInvalid.
func (s *Session) writeInt(set intSetting, n int) error {
	k, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	if err := s.requireAdmin("set " + set.what); err != nil {
		return err
	}
	if n < set.min || n > set.max {
		return fmt.Errorf("set %s: %d is outside %d..%d: %w", set.what, n, set.min, set.max, ErrInvalid)
	}
	b, err := sealRecord(k.aead, kindSetting, set.name, []byte(strconv.Itoa(n)))
	if err != nil {
		return fmt.Errorf("set %s: %w", set.what, err)
	}
	err = s.writeTx(func(tx *sql.Tx) error {
		if _, err := tx.Exec("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", set.name, b); err != nil {
			return sqliteErr(err)
		}
		return appendAudit(tx, k, s.record(ActionChangeSettings, "", set.name), false)
	})
	if err != nil {
		return fmt.Errorf("set %s: %w", set.what, err)
	}
	return nil
}
