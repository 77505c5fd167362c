package storage

import (
	"crypto/subtle"
	"database/sql"
	"errors"
	"fmt"
)

// Unlock opens name's key slot with pass and returns a session. Errors: ErrUnknownAdviser,
// ErrWrongPassphrase, ErrCorrupt (the slot, its name or its role was altered), ErrKDFParams
// (stored parameters out of range; refused before any derivation). A slot weaker than the
// policy floor is re-wrapped with calibrated parameters, in the same transaction as the
// "unlock" audit row. pass is not retained; the caller should zero it.
func (v *Vault) Unlock(name string, pass []byte) (*Session, error) {
	stored, role, slot, err := v.readSlot(v.db, name)
	if err != nil {
		return nil, fmt.Errorf("unlock: %w", err)
	}
	dataKey, err := unlockPassphraseSlot(slot, pass, v.cfg.kdf.Max, stored, role)
	if err != nil {
		return nil, fmt.Errorf("unlock: %w", err)
	}
	keys, err := newSessionKeys(dataKey)
	if err != nil {
		zero(dataKey)
		return nil, fmt.Errorf("unlock: %w", err)
	}
	adviser := Adviser{Name: stored, Role: role, Status: AdviserActive}
	if err := v.recordUnlock(keys, adviser, slot, pass); err != nil {
		keys.wipe()
		return nil, fmt.Errorf("unlock: %w", err)
	}
	s, err := v.register(adviser, keys)
	if err != nil {
		return nil, fmt.Errorf("unlock: %w", err)
	}
	return s, nil
}

// UnlockWithRecoveryKey opens the recovery slot and returns an admin session named
// "recovery". The key is parsed tolerantly (case, spaces, dashes); anything that does not
// open the slot is ErrWrongPassphrase.
func (v *Vault) UnlockWithRecoveryKey(key string) (*Session, error) {
	raw, err := parseRecoveryKey(key)
	if err != nil {
		return nil, fmt.Errorf("unlock with recovery key: %w", err)
	}
	defer zero(raw)
	var b []byte
	err = v.db.QueryRow("SELECT slot FROM recovery_slot WHERE id = 1").Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("unlock with recovery key: no recovery slot: %w", ErrCorrupt)
	}
	if err != nil {
		return nil, fmt.Errorf("unlock with recovery key: %w", sqliteErr(err))
	}
	slot, err := parseKeySlot(b)
	if err != nil {
		return nil, fmt.Errorf("unlock with recovery key: %w", err)
	}
	dataKey, err := unlockRecoverySlot(slot, raw)
	if err != nil {
		return nil, fmt.Errorf("unlock with recovery key: %w", err)
	}
	keys, err := newSessionKeys(dataKey)
	if err != nil {
		zero(dataKey)
		return nil, fmt.Errorf("unlock with recovery key: %w", err)
	}
	adviser := Adviser{Name: recoverySlotName, Role: RoleAdmin, Status: AdviserActive}
	if err := v.recordUnlock(keys, adviser, keySlot{}, nil); err != nil {
		keys.wipe()
		return nil, fmt.Errorf("unlock with recovery key: %w", err)
	}
	s, err := v.register(adviser, keys)
	if err != nil {
		return nil, fmt.Errorf("unlock with recovery key: %w", err)
	}
	return s, nil
}

// readSlot loads and parses an active adviser's slot. The stored name (matched without regard
// to ASCII case) and role are what the slot's associated data binds. An invited account is
// ErrInvitationPending and a disabled one ErrAdviserDisabled: neither opens with a passphrase.
func (v *Vault) readSlot(q querier, name string) (string, Role, keySlot, error) {
	a, err := v.readAccount(q, name)
	if err != nil {
		return "", "", keySlot{}, err
	}
	switch a.Status {
	case AdviserInvited:
		return "", "", keySlot{}, ErrInvitationPending
	case AdviserDisabled:
		return "", "", keySlot{}, ErrAdviserDisabled
	}
	return a.Name, a.Role, a.slot, nil
}

// account is one key_slots row as read: the slot is parsed unless the account is disabled,
// when it holds no key at all.
type account struct {
	Adviser
	slot keySlot
}

// readAccount loads name's row whatever its status.
func (v *Vault) readAccount(q querier, name string) (account, error) {
	var stored, role, status string
	var b []byte
	err := q.QueryRow("SELECT name, role, status, slot FROM key_slots WHERE name = ?", name).Scan(&stored, &role, &status, &b)
	if errors.Is(err, sql.ErrNoRows) {
		return account{}, ErrUnknownAdviser
	}
	if err != nil {
		return account{}, sqliteErr(err)
	}
	a := account{Adviser: Adviser{Name: stored, Role: Role(role), Status: AdviserStatus(status)}}
	if !a.Role.valid() {
		return account{}, fmt.Errorf("key slot: unknown role: %w", ErrCorrupt)
	}
	if !a.Status.valid() {
		return account{}, fmt.Errorf("key slot: unknown status: %w", ErrCorrupt)
	}
	if a.Status == AdviserDisabled {
		return a, nil
	}
	if a.slot, err = parseKeySlot(b); err != nil {
		return account{}, err
	}
	return a, nil
}

// recordUnlock writes the "unlock" audit row and, for a passphrase slot below the policy
// floor, the re-wrapped slot, in one transaction.
func (v *Vault) recordUnlock(keys *sessionKeys, a Adviser, slot keySlot, pass []byte) error {
	var upgraded []byte
	if slot.kind == slotKindPassphrase && slot.params.weakerThan(v.cfg.kdf.Floor) {
		ns, err := newPassphraseSlot(pass, keys.data, v.upgradeParams(slot.params), a.Name, a.Role)
		if err != nil {
			return fmt.Errorf("upgrade key slot: %w", err)
		}
		upgraded = ns.marshal()
	}
	tx, err := v.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if upgraded != nil {
		if _, err := tx.Exec("UPDATE key_slots SET slot = ? WHERE name = ?", upgraded, a.Name); err != nil {
			return fmt.Errorf("upgrade key slot: %w", sqliteErr(err))
		}
	}
	rec := auditRecord{Time: v.cfg.now(), Adviser: a.Name, Action: ActionUnlock}
	if err := appendAudit(tx, keys, rec, false); err != nil {
		return err
	}
	return tx.Commit()
}

// upgradeParams calibrates new parameters no weaker than either the policy floor or the
// slot's current parameters in any component.
func (v *Vault) upgradeParams(old KDFParams) KDFParams {
	pol := v.cfg.kdf
	pol.Floor = KDFParams{
		MemoryKiB: max(pol.Floor.MemoryKiB, old.MemoryKiB),
		Time:      max(pol.Floor.Time, old.Time),
		Threads:   max(pol.Floor.Threads, old.Threads),
	}
	return calibrate(pol, measureArgon2)
}

// newSlotParams calibrates parameters for a slot made now.
func (v *Vault) newSlotParams() KDFParams {
	return calibrate(v.cfg.kdf, measureArgon2)
}

// sameKey reports whether two data keys are equal, in constant time.
func sameKey(a, b []byte) bool {
	return len(a) == len(b) && subtle.ConstantTimeCompare(a, b) == 1
}
