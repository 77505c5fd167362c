package storage

import (
	"crypto/hkdf"
	"crypto/sha256"
	"crypto/subtle"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
)

// Key slot, version 1. The data key is wrapped once per adviser (and once for the recovery
// key), never stored in the clear:
//
//	version (1) || kind (1) || [kind 1 only: KDF params (9)] || salt (32) || check (16) ||
//	nonce (24) || wrapped data key (32 + 16 tag)
//
// The slot secret comes from Argon2id(passphrase, salt, params) for kind 1, or from
// HKDF(recovery key, salt) for kind 2. From it come a wrapping key and a 16-byte check value:
// a wrong passphrase fails the check (ErrWrongPassphrase), while a right passphrase with a
// failing tag means the slot, its name or its role was edited (ErrCorrupt). The associated
// data binds the slot's name and role, so promoting an adviser by editing the role column
// breaks the slot instead of granting admin rights.
const (
	slotVersion        = 1
	slotKindPassphrase = 1
	slotKindRecovery   = 2
	slotSaltLen        = 32
	slotCheckLen       = 16
	slotWrappedLen     = keySize + tagSize
	slotTailLen        = slotSaltLen + slotCheckLen + nonceSize + slotWrappedLen
	passphraseSlotLen  = 2 + kdfParamsLen + slotTailLen
	recoverySlotLen    = 2 + slotTailLen
)

// recoverySlotName and the admin role are bound into the recovery slot's associated data, and
// name the session a recovery key opens.
const recoverySlotName = "recovery"

// keySlot is a parsed key slot. Byte fields alias the parsed input.
type keySlot struct {
	kind    byte
	params  KDFParams // kind 1 only
	salt    []byte
	check   []byte
	nonce   []byte
	wrapped []byte
}

// parseKeySlot decodes a stored slot, refusing unknown versions, kinds and lengths with
// ErrCorrupt, and out-of-range KDF parameters with ErrKDFParams (also ErrCorrupt).
func parseKeySlot(b []byte) (keySlot, error) {
	if len(b) < 2 {
		return keySlot{}, fmt.Errorf("key slot: %d bytes: %w", len(b), ErrCorrupt)
	}
	if b[0] != slotVersion {
		return keySlot{}, fmt.Errorf("key slot: unknown version %d: %w", b[0], ErrCorrupt)
	}
	s := keySlot{kind: b[1]}
	rest := b[2:]
	switch s.kind {
	case slotKindPassphrase:
		if len(b) != passphraseSlotLen {
			return keySlot{}, fmt.Errorf("key slot: %d bytes for a passphrase slot: %w", len(b), ErrCorrupt)
		}
		p, err := parseKDFParams(rest[:kdfParamsLen])
		if err != nil {
			return keySlot{}, fmt.Errorf("key slot: %w", err)
		}
		s.params = p
		rest = rest[kdfParamsLen:]
	case slotKindRecovery:
		if len(b) != recoverySlotLen {
			return keySlot{}, fmt.Errorf("key slot: %d bytes for a recovery slot: %w", len(b), ErrCorrupt)
		}
	default:
		return keySlot{}, fmt.Errorf("key slot: unknown kind %d: %w", s.kind, ErrCorrupt)
	}
	s.salt, rest = rest[:slotSaltLen], rest[slotSaltLen:]
	s.check, rest = rest[:slotCheckLen], rest[slotCheckLen:]
	s.nonce, rest = rest[:nonceSize], rest[nonceSize:]
	s.wrapped = rest
	return s, nil
}

// marshal encodes the slot.
func (s keySlot) marshal() []byte {
	b := make([]byte, 0, passphraseSlotLen)
	b = append(b, slotVersion, s.kind)
	if s.kind == slotKindPassphrase {
		b = append(b, s.params.marshal()...)
	}
	b = append(b, s.salt...)
	b = append(b, s.check...)
	b = append(b, s.nonce...)
	return append(b, s.wrapped...)
}

// ad is the associated data for wrapping: everything in the slot but the ciphertext, plus the
// slot's name and role from their columns.
func (s keySlot) ad(name string, role Role) []byte {
	ad := []byte("waymark-slot")
	ad = append(ad, slotVersion, s.kind)
	if s.kind == slotKindPassphrase {
		ad = append(ad, s.params.marshal()...)
	}
	ad = append(ad, s.salt...)
	ad = appendLP(ad, []byte(name))
	return appendLP(ad, []byte(role))
}

// slotKeys splits a slot secret into the wrapping key and the check value.
func slotKeys(secret []byte) (wrapKey, check []byte, err error) {
	wrapKey, err = hkdf.Expand(sha256.New, secret, "waymark/v1/slot-wrap", keySize)
	if err != nil {
		return nil, nil, fmt.Errorf("slot key: %w", err)
	}
	check, err = hkdf.Expand(sha256.New, secret, "waymark/v1/slot-check", slotCheckLen)
	if err != nil {
		zero(wrapKey)
		return nil, nil, fmt.Errorf("slot check: %w", err)
	}
	return wrapKey, check, nil
}

// recoverySecret derives a recovery slot's secret. The recovery key is 160 random bits, so a
// plain HKDF is enough; no stretching is needed.
func recoverySecret(key, salt []byte) ([]byte, error) {
	s, err := hkdf.Key(sha256.New, key, salt, "waymark/v1/recovery-slot", keySize)
	if err != nil {
		return nil, fmt.Errorf("recovery secret: %w", err)
	}
	return s, nil
}

// sealSlot wraps dataKey under secret into a slot of kind with params and salt already set.
func sealSlot(s keySlot, secret, dataKey []byte, name string, role Role) (keySlot, error) {
	wrapKey, check, err := slotKeys(secret)
	if err != nil {
		return keySlot{}, err
	}
	defer zero(wrapKey)
	aead, err := chacha20poly1305.NewX(wrapKey)
	if err != nil {
		return keySlot{}, fmt.Errorf("wrap data key: %w", err)
	}
	s.check = check
	if s.nonce, err = randomBytes(nonceSize); err != nil {
		return keySlot{}, fmt.Errorf("wrap data key: %w", err)
	}
	s.wrapped = aead.Seal(nil, s.nonce, dataKey, s.ad(name, role))
	return s, nil
}

// openSlot unwraps the data key with secret. A check mismatch is ErrWrongPassphrase; a tag
// failure after a matching check is ErrCorrupt.
func openSlot(s keySlot, secret []byte, name string, role Role) ([]byte, error) {
	wrapKey, check, err := slotKeys(secret)
	if err != nil {
		return nil, err
	}
	defer zero(wrapKey)
	if subtle.ConstantTimeCompare(check, s.check) != 1 {
		return nil, ErrWrongPassphrase
	}
	aead, err := chacha20poly1305.NewX(wrapKey)
	if err != nil {
		return nil, fmt.Errorf("unwrap data key: %w", err)
	}
	dataKey, err := aead.Open(nil, s.nonce, s.wrapped, s.ad(name, role))
	if err != nil {
		return nil, fmt.Errorf("unwrap data key: key slot was altered: %w", ErrCorrupt)
	}
	return dataKey, nil
}

// newPassphraseSlot makes a slot for pass with params (already calibrated).
func newPassphraseSlot(pass, dataKey []byte, params KDFParams, name string, role Role) (keySlot, error) {
	salt, err := randomBytes(slotSaltLen)
	if err != nil {
		return keySlot{}, err
	}
	secret, err := deriveSlotSecret(pass, salt, params, hardMaxKDF)
	if err != nil {
		return keySlot{}, err
	}
	defer zero(secret)
	return sealSlot(keySlot{kind: slotKindPassphrase, params: params, salt: salt}, secret, dataKey, name, role)
}

// newRecoverySlot makes the recovery slot for the raw recovery key.
func newRecoverySlot(recoveryKey, dataKey []byte) (keySlot, error) {
	salt, err := randomBytes(slotSaltLen)
	if err != nil {
		return keySlot{}, err
	}
	secret, err := recoverySecret(recoveryKey, salt)
	if err != nil {
		return keySlot{}, err
	}
	defer zero(secret)
	return sealSlot(keySlot{kind: slotKindRecovery, salt: salt}, secret, dataKey, recoverySlotName, RoleAdmin)
}

// unlockPassphraseSlot opens a passphrase slot: parameters are checked against max before
// Argon2id runs.
func unlockPassphraseSlot(s keySlot, pass []byte, max KDFParams, name string, role Role) ([]byte, error) {
	if s.kind != slotKindPassphrase {
		return nil, fmt.Errorf("key slot: not a passphrase slot: %w", ErrCorrupt)
	}
	if !s.params.valid(max) {
		return nil, fmt.Errorf("key slot: %w", errKDFFromDisk)
	}
	secret, err := deriveSlotSecret(pass, s.salt, s.params, max)
	if err != nil {
		return nil, err
	}
	defer zero(secret)
	return openSlot(s, secret, name, role)
}

// unlockRecoverySlot opens the recovery slot with the raw recovery key.
func unlockRecoverySlot(s keySlot, key []byte) ([]byte, error) {
	if s.kind != slotKindRecovery {
		return nil, fmt.Errorf("recovery slot: wrong kind: %w", ErrCorrupt)
	}
	secret, err := recoverySecret(key, s.salt)
	if err != nil {
		return nil, err
	}
	defer zero(secret)
	return openSlot(s, secret, recoverySlotName, RoleAdmin)
}
