package storage

import (
	"crypto/cipher"
	"fmt"
	"sync"
)

// Session is an unlocked view of a vault: it holds the data key and the keys derived from it
// until Lock. Its methods are safe for concurrent use; each runs to completion before Lock
// can wipe the keys under it.
type Session struct {
	v       *Vault
	adviser Adviser

	mu   sync.Mutex
	keys *sessionKeys // nil once locked
}

// sessionKeys is every secret a session holds. wipe zeroes all of it.
type sessionKeys struct {
	data   []byte      // the vault's data key
	record []byte      // seals records
	refMAC []byte      // keys the case-reference MAC
	audit  []byte      // keys the audit chain
	aead   cipher.AEAD // XChaCha20-Poly1305 under record
}

// newSessionKeys derives the session's keys from dataKey and takes ownership of dataKey.
func newSessionKeys(dataKey []byte) (*sessionKeys, error) {
	k := &sessionKeys{data: dataKey}
	var err error
	if k.record, err = subkey(dataKey, nil, "record"); err != nil {
		k.wipe()
		return nil, err
	}
	if k.refMAC, err = subkey(dataKey, nil, "reference-mac"); err != nil {
		k.wipe()
		return nil, err
	}
	if k.audit, err = subkey(dataKey, nil, "audit"); err != nil {
		k.wipe()
		return nil, err
	}
	if k.aead, err = newRecordAEAD(k.record); err != nil {
		k.wipe()
		return nil, err
	}
	return k, nil
}

// wipe zeroes every key this package holds a slice of. The cipher's own copy of the record
// key lives inside x/crypto, out of reach; dropping the reference lets it be collected.
func (k *sessionKeys) wipe() {
	zero(k.data)
	zero(k.record)
	zero(k.refMAC)
	zero(k.audit)
	k.aead = nil
}

// Vault returns the vault this session unlocked.
func (s *Session) Vault() *Vault { return s.v }

// Adviser returns who unlocked the session; a recovery-key session is
// Adviser{Name: "recovery", Role: RoleAdmin}.
func (s *Session) Adviser() Adviser { return s.adviser }

// Lock zeroes the session's key material. Every later call returns ErrLocked; unlock again
// to continue. Lock is idempotent.
func (s *Session) Lock() {
	s.mu.Lock()
	if s.keys != nil {
		s.keys.wipe()
		s.keys = nil
	}
	s.mu.Unlock()
	s.v.forget(s)
}

// Locked reports whether Lock was called (or the vault closed).
func (s *Session) Locked() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.keys == nil
}

// acquire locks the session for one operation and returns its keys, or ErrLocked. The caller
// must call s.mu.Unlock.
func (s *Session) acquire() (*sessionKeys, error) {
	s.mu.Lock()
	if s.keys == nil {
		s.mu.Unlock()
		return nil, ErrLocked
	}
	return s.keys, nil
}

// requireAdmin refuses the action for a non-admin session.
func (s *Session) requireAdmin(action string) error {
	if s.adviser.Role != RoleAdmin {
		return fmt.Errorf("%s: %w", action, ErrNotAdmin)
	}
	return nil
}
