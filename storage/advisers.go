package storage

import (
	"database/sql"
	"errors"
	"fmt"
)

// AddAdviser gives a new adviser a key slot wrapping this session's data key under their
// passphrase. Admin only. Errors: ErrNotAdmin, ErrAdviserExists, ErrWeakPassphrase,
// ErrInvalid. Audits "add_adviser".
func (s *Session) AddAdviser(name string, role Role, pass []byte) error {
	k, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	if err := s.requireAdmin("add adviser"); err != nil {
		return err
	}
	if err := validateAdviserName(name); err != nil {
		return fmt.Errorf("add adviser: %w", err)
	}
	if !role.valid() {
		return fmt.Errorf("add adviser: unknown role: %w", ErrInvalid)
	}
	if err := checkPassphrase(pass); err != nil {
		return fmt.Errorf("add adviser: %w", err)
	}
	var taken int
	if err := s.v.db.QueryRow("SELECT count(*) FROM key_slots WHERE name = ?", name).Scan(&taken); err != nil {
		return fmt.Errorf("add adviser: %w", sqliteErr(err))
	}
	if taken > 0 { // checked before the slow derivation; the insert checks again
		return fmt.Errorf("add adviser: %w", ErrAdviserExists)
	}
	slot, err := newPassphraseSlot(pass, k.data, s.v.newSlotParams(), name, role)
	if err != nil {
		return fmt.Errorf("add adviser: %w", err)
	}
	err = s.writeTx(func(tx *sql.Tx) error {
		if _, err := tx.Exec("INSERT INTO key_slots (name, role, slot) VALUES (?, ?, ?)", name, string(role), slot.marshal()); err != nil {
			if isUniqueViolation(err) {
				return ErrAdviserExists
			}
			return sqliteErr(err)
		}
		return appendAudit(tx, k, s.record(ActionAddAdviser, "", name), false)
	})
	if err != nil {
		return fmt.Errorf("add adviser: %w", err)
	}
	return nil
}

// RemoveAdviser deletes an adviser's account. Admin only; neither your own account nor the last
// active admin can be removed, so the vault always has someone who can manage it. Audits
// "remove_adviser".
func (s *Session) RemoveAdviser(name string) error {
	return s.retire("remove adviser", name, "DELETE FROM key_slots WHERE name = ?")
}

// retire runs stmt (which takes the account's stored name) on name's account, if
// checkCanRetire allows it, with its audit row, then scrubs the file so the old key slot's
// bytes linger in no free page or WAL frame.
func (s *Session) retire(what, name, stmt string) error {
	k, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	if err := s.requireAdmin(what); err != nil {
		return err
	}
	err = s.writeTx(func(tx *sql.Tx) error {
		stored, err := s.checkCanRetire(tx, name)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(stmt, stored); err != nil {
			return sqliteErr(err)
		}
		return appendAudit(tx, k, s.record(ActionRemoveAdviser, "", stored), false)
	})
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := scrub(s.v.db); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// checkCanRetire refuses to disable or remove your own account or the last active admin, and
// returns the account's stored name.
func (s *Session) checkCanRetire(tx *sql.Tx, name string) (string, error) {
	var stored, role, status string
	err := tx.QueryRow("SELECT name, role, status FROM key_slots WHERE name = ?", name).Scan(&stored, &role, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrUnknownAdviser
	}
	if err != nil {
		return "", sqliteErr(err)
	}
	if asciiFoldEqual(stored, s.adviser.Name) {
		return "", fmt.Errorf("your own account: %w", ErrInvalid)
	}
	if Role(role) == RoleAdmin && AdviserStatus(status) == AdviserActive {
		var others int
		err := tx.QueryRow("SELECT count(*) FROM key_slots WHERE role = ? AND status = 'active' AND name <> ?",
			string(RoleAdmin), stored).Scan(&others)
		if err != nil {
			return "", sqliteErr(err)
		}
		if others == 0 {
			return "", fmt.Errorf("the last active admin: %w", ErrInvalid)
		}
	}
	return stored, nil
}

// ChangePassphrase re-wraps this adviser's own slot under a new passphrase. Only the slot
// changes: every record stays byte-for-byte as it was. old must open the slot
// (ErrWrongPassphrase otherwise); new must be long enough (ErrWeakPassphrase). A recovery
// session has no slot of its own (ErrInvalid): use ResetPassphrase. Audits
// "change_passphrase".
func (s *Session) ChangePassphrase(old, new []byte) error {
	k, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	if s.adviser.Name == recoverySlotName {
		return fmt.Errorf("change passphrase: a recovery session has no passphrase: %w", ErrInvalid)
	}
	if err := checkPassphrase(new); err != nil {
		return fmt.Errorf("change passphrase: %w", err)
	}
	stored, role, slot, err := s.v.readSlot(s.v.db, s.adviser.Name)
	if err != nil {
		return fmt.Errorf("change passphrase: %w", err)
	}
	dataKey, err := unlockPassphraseSlot(slot, old, s.v.cfg.kdf.Max, stored, role)
	if err != nil {
		return fmt.Errorf("change passphrase: %w", err)
	}
	same := sameKey(dataKey, k.data)
	zero(dataKey)
	if !same {
		return fmt.Errorf("change passphrase: slot holds another key: %w", ErrCorrupt)
	}
	if err := s.rewrap(k, stored, role, new); err != nil {
		return fmt.Errorf("change passphrase: %w", err)
	}
	return nil
}

// ResetPassphrase gives another adviser a new passphrase, for when they have forgotten
// theirs; an invited or disabled account becomes active with it. IssueCode is the better way
// in the app, since the adviser then chooses their own. Admin only (a recovery-key session is an admin). Audits "change_passphrase" with
// the adviser as subject.
func (s *Session) ResetPassphrase(name string, pass []byte) error {
	k, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	if err := s.requireAdmin("reset passphrase"); err != nil {
		return err
	}
	if err := checkPassphrase(pass); err != nil {
		return fmt.Errorf("reset passphrase: %w", err)
	}
	a, err := s.v.readAccount(s.v.db, name)
	if err != nil {
		return fmt.Errorf("reset passphrase: %w", err)
	}
	if err := s.rewrap(k, a.Name, a.Role, pass); err != nil {
		return fmt.Errorf("reset passphrase: %w", err)
	}
	return nil
}

// rewrap replaces name's slot with one for pass, calibrated now, and audits it.
func (s *Session) rewrap(k *sessionKeys, name string, role Role, pass []byte) error {
	slot, err := newPassphraseSlot(pass, k.data, s.v.newSlotParams(), name, role)
	if err != nil {
		return err
	}
	return s.writeTx(func(tx *sql.Tx) error {
		res, err := tx.Exec("UPDATE key_slots SET slot = ?, status = 'active' WHERE name = ? AND role = ?", slot.marshal(), name, string(role))
		if err != nil {
			return sqliteErr(err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != 1 {
			return ErrUnknownAdviser
		}
		return appendAudit(tx, k, s.record(ActionChangePassphrase, "", name), false)
	})
}

// The idle lock: minutes without input before the app locks the session.
var idleLock = intSetting{name: "idle_lock_minutes", what: "idle lock", unset: 5, min: 1, max: 120}

// IdleLockMinutes returns how long the app waits without input before locking (5 unless an
// admin changed it). The setting is sealed, so it cannot be lengthened by editing the file.
func (s *Session) IdleLockMinutes() (int, error) { return s.readInt(idleLock) }

// SetIdleLockMinutes sets the idle-lock period, 1 to 120 minutes. Admin only. Audits
// "change_settings".
func (s *Session) SetIdleLockMinutes(n int) error { return s.writeInt(idleLock, n) }
