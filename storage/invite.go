package storage

import (
	"database/sql"
	"fmt"
)

// AdviserStatus says whether an account opens with a passphrase. The keys enforce it, not the
// stored word: an invited account's slot wraps the data key under its one-time code, and a
// disabled account's slot holds no key at all.
type AdviserStatus string

// The account statuses.
const (
	// AdviserActive unlocks with its passphrase.
	AdviserActive AdviserStatus = "active"
	// AdviserInvited waits for its first passphrase, set with a one-time code from an admin.
	AdviserInvited AdviserStatus = "invited"
	// AdviserDisabled had its key destroyed; only a new one-time code lets the adviser back in.
	AdviserDisabled AdviserStatus = "disabled"
)

func (st AdviserStatus) valid() bool {
	return st == AdviserActive || st == AdviserInvited || st == AdviserDisabled
}

// A one-time code is 120 random bits written as 24 base32 characters in six groups of four.
// It is as strong as a long passphrase, so it can stand in for one until the adviser chooses
// their own, and it is typed the way the recovery key is (case, spaces and dashes ignored).
const (
	inviteCodeLen   = 15
	inviteCodeChars = 24
)

// InviteAdviser adds an account that waits for its first passphrase and returns the one-time
// code to give the adviser in person. The code is shown once and never stored: the data key
// is wrapped under it like a passphrase. Admin only. Errors: ErrNotAdmin, ErrAdviserExists,
// ErrInvalid. Audits "add_adviser".
func (s *Session) InviteAdviser(name string, role Role) (string, error) {
	k, err := s.acquire()
	if err != nil {
		return "", err
	}
	defer s.mu.Unlock()
	if err := s.requireAdmin("invite adviser"); err != nil {
		return "", err
	}
	if err := validateAdviserName(name); err != nil {
		return "", fmt.Errorf("invite adviser: %w", err)
	}
	if !role.valid() {
		return "", fmt.Errorf("invite adviser: unknown role: %w", ErrInvalid)
	}
	var taken int
	if err := s.v.db.QueryRow("SELECT count(*) FROM key_slots WHERE name = ?", name).Scan(&taken); err != nil {
		return "", fmt.Errorf("invite adviser: %w", sqliteErr(err))
	}
	if taken > 0 {
		return "", fmt.Errorf("invite adviser: %w", ErrAdviserExists)
	}
	code, slot, err := s.newCodeSlot(k, name, role)
	if err != nil {
		return "", fmt.Errorf("invite adviser: %w", err)
	}
	err = s.writeTx(func(tx *sql.Tx) error {
		_, err := tx.Exec("INSERT INTO key_slots (name, role, status, slot) VALUES (?, ?, ?, ?)",
			name, string(role), string(AdviserInvited), slot)
		if isUniqueViolation(err) {
			return ErrAdviserExists
		}
		if err != nil {
			return sqliteErr(err)
		}
		return appendAudit(tx, k, s.record(ActionAddAdviser, "", name), false)
	})
	if err != nil {
		return "", fmt.Errorf("invite adviser: %w", err)
	}
	return code, nil
}

// IssueCode replaces another account's key with a new one-time code: for an adviser who has
// forgotten their passphrase, or to let a disabled adviser back in. The old passphrase stops
// working at once and the account waits for its new one. Admin only; not your own account
// (ErrInvalid). Errors: ErrNotAdmin, ErrUnknownAdviser. Audits "change_passphrase".
func (s *Session) IssueCode(name string) (string, error) {
	k, err := s.acquire()
	if err != nil {
		return "", err
	}
	defer s.mu.Unlock()
	if err := s.requireAdmin("issue code"); err != nil {
		return "", err
	}
	a, err := s.v.readAccount(s.v.db, name)
	if err != nil {
		return "", fmt.Errorf("issue code: %w", err)
	}
	if asciiFoldEqual(a.Name, s.adviser.Name) {
		return "", fmt.Errorf("issue code: your own account: %w", ErrInvalid)
	}
	code, slot, err := s.newCodeSlot(k, a.Name, a.Role)
	if err != nil {
		return "", fmt.Errorf("issue code: %w", err)
	}
	err = s.writeTx(func(tx *sql.Tx) error {
		res, err := tx.Exec("UPDATE key_slots SET slot = ?, status = ? WHERE name = ? AND role = ?",
			slot, string(AdviserInvited), a.Name, string(a.Role))
		if err != nil {
			return sqliteErr(err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != 1 {
			return ErrUnknownAdviser
		}
		return appendAudit(tx, k, s.record(ActionChangePassphrase, "", a.Name), false)
	})
	if err != nil {
		return "", fmt.Errorf("issue code: %w", err)
	}
	return code, nil
}

// newCodeSlot makes a one-time code and the slot wrapping the data key under it.
func (s *Session) newCodeSlot(k *sessionKeys, name string, role Role) (string, []byte, error) {
	raw, err := randomBytes(inviteCodeLen)
	if err != nil {
		return "", nil, err
	}
	defer zero(raw)
	code := formatRecoveryKey(raw)
	secret := []byte(recoveryEncoding.EncodeToString(raw))
	defer zero(secret)
	slot, err := newPassphraseSlot(secret, k.data, s.v.newSlotParams(), name, role)
	if err != nil {
		return "", nil, err
	}
	return code, slot.marshal(), nil
}

// parseInviteCode reads a typed one-time code into the secret its slot was made with. Text
// that cannot be a code is ErrWrongPassphrase: it came from a person, not from disk.
func parseInviteCode(text string) ([]byte, error) {
	clean, err := cleanBase32(text, inviteCodeChars)
	if err != nil {
		return nil, fmt.Errorf("one-time code: %w", err)
	}
	return clean, nil
}

// AcceptInvitation opens an invited account with its one-time code, sets the adviser's own
// passphrase, marks the account active and returns the session; the code stops working. The
// passphrase is checked first (ErrWeakPassphrase), so a short one costs no derivation. Errors:
// ErrUnknownAdviser, ErrNotInvited, ErrWrongPassphrase (the code does not open the slot),
// ErrCorrupt. Two key derivations: about a second. Audits "change_passphrase" and "unlock".
func (v *Vault) AcceptInvitation(name, code string, pass []byte) (*Session, error) {
	if err := checkPassphrase(pass); err != nil {
		return nil, fmt.Errorf("accept invitation: %w", err)
	}
	a, err := v.readAccount(v.db, name)
	if err != nil {
		return nil, fmt.Errorf("accept invitation: %w", err)
	}
	if a.Status != AdviserInvited {
		return nil, fmt.Errorf("accept invitation: %w", ErrNotInvited)
	}
	secret, err := parseInviteCode(code)
	if err != nil {
		return nil, fmt.Errorf("accept invitation: %w", err)
	}
	defer zero(secret)
	dataKey, err := unlockPassphraseSlot(a.slot, secret, v.cfg.kdf.Max, a.Name, a.Role)
	if err != nil {
		return nil, fmt.Errorf("accept invitation: %w", err)
	}
	keys, err := newSessionKeys(dataKey)
	if err != nil {
		zero(dataKey)
		return nil, fmt.Errorf("accept invitation: %w", err)
	}
	adviser := Adviser{Name: a.Name, Role: a.Role, Status: AdviserActive}
	if err := v.activate(keys, adviser, pass); err != nil {
		keys.wipe()
		return nil, fmt.Errorf("accept invitation: %w", err)
	}
	s, err := v.register(adviser, keys)
	if err != nil {
		return nil, fmt.Errorf("accept invitation: %w", err)
	}
	return s, nil
}

// activate wraps the key under the adviser's new passphrase, only if the account still waits
// for it (a second acceptance racing this one finds it active), and audits both the new
// passphrase and the unlock, in one transaction.
func (v *Vault) activate(keys *sessionKeys, a Adviser, pass []byte) error {
	slot, err := newPassphraseSlot(pass, keys.data, v.newSlotParams(), a.Name, a.Role)
	if err != nil {
		return err
	}
	tx, err := v.db.Begin()
	if err != nil {
		return sqliteErr(err)
	}
	defer tx.Rollback()
	res, err := tx.Exec("UPDATE key_slots SET slot = ?, status = ? WHERE name = ? AND status = ?",
		slot.marshal(), string(AdviserActive), a.Name, string(AdviserInvited))
	if err != nil {
		return sqliteErr(err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n != 1 {
		return ErrNotInvited
	}
	now := v.cfg.now()
	for _, action := range []string{ActionChangePassphrase, ActionUnlock} {
		rec := auditRecord{Time: now, Adviser: a.Name, Action: action, Subject: a.Name}
		if action == ActionUnlock {
			rec.Subject = ""
		}
		if err := appendAudit(tx, keys, rec, false); err != nil {
			return err
		}
	}
	return sqliteErr(tx.Commit())
}

// DisableAdviser destroys an account's key so it can no longer be unlocked, even by someone
// who edits the file, and keeps the name so the audit trail still reads. IssueCode lets the
// adviser back in. Admin only; not your own account and not the last active admin
// (ErrInvalid). Errors: ErrNotAdmin, ErrUnknownAdviser. Audits "remove_adviser".
func (s *Session) DisableAdviser(name string) error {
	return s.retire("disable adviser", name, "UPDATE key_slots SET slot = x'', status = 'disabled' WHERE name = ?")
}
