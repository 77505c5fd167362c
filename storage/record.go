package storage

import (
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"sync/atomic"

	"golang.org/x/crypto/chacha20poly1305"
)

// Record envelope, version 1:
//
//	version (1 byte) || nonce (24 bytes) || XChaCha20-Poly1305 ciphertext and tag
//
// The associated data binds the version, the record kind and the record id, so a ciphertext
// moved to another row, another column or another kind fails to open.
const (
	recordVersion  = 1
	keySize        = chacha20poly1305.KeySize
	nonceSize      = chacha20poly1305.NonceSizeX
	tagSize        = chacha20poly1305.Overhead
	envelopeHeader = 1 + nonceSize
	minEnvelopeLen = envelopeHeader + tagSize
	maxRecordLen   = 16 << 20 // no single record is ever near this; bigger means tampering
)

// Record kinds: part of the associated data, never reused for another meaning.
const (
	kindCaseSummary = "case.summary"
	kindCaseDetail  = "case.detail"
	kindAuditEntry  = "audit.entry"
	kindSetting     = "setting"
)

// recordOpens counts record decryptions attempted, so tests can prove a failed unlock
// decrypted nothing.
var recordOpens atomic.Int64

// envelope is a parsed record envelope. Fields alias the input.
type envelope struct {
	version    byte
	nonce      []byte
	ciphertext []byte
}

// parseEnvelope splits stored bytes into an envelope, refusing anything this version did not
// write. It does not authenticate; openRecord does.
func parseEnvelope(b []byte) (envelope, error) {
	if len(b) < minEnvelopeLen {
		return envelope{}, fmt.Errorf("record envelope: %d bytes is too short: %w", len(b), ErrCorrupt)
	}
	if len(b) > maxRecordLen+minEnvelopeLen {
		return envelope{}, fmt.Errorf("record envelope: %d bytes is too long: %w", len(b), ErrCorrupt)
	}
	if b[0] != recordVersion {
		return envelope{}, fmt.Errorf("record envelope: unknown version %d: %w", b[0], ErrCorrupt)
	}
	return envelope{version: b[0], nonce: b[1:envelopeHeader], ciphertext: b[envelopeHeader:]}, nil
}

// recordAD is the associated data for a record: a domain label, the version, the kind and the
// id, each length-prefixed so no two (kind, id) pairs share an encoding.
func recordAD(version byte, kind, id string) []byte {
	ad := make([]byte, 0, 32+len(kind)+len(id))
	ad = append(ad, "waymark-record"...)
	ad = append(ad, version)
	ad = appendLP(ad, []byte(kind))
	ad = appendLP(ad, []byte(id))
	return ad
}

// appendLP appends b with a 4-byte big-endian length prefix.
func appendLP(dst, b []byte) []byte {
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(b)))
	return append(dst, b...)
}

// sealRecord encrypts plaintext as a record of kind with id under a fresh random nonce.
func sealRecord(aead cipher.AEAD, kind, id string, plaintext []byte) ([]byte, error) {
	if len(plaintext) > maxRecordLen {
		return nil, fmt.Errorf("seal %s record: too large", kind)
	}
	out := make([]byte, envelopeHeader, envelopeHeader+len(plaintext)+tagSize)
	out[0] = recordVersion
	if _, err := rand.Read(out[1:envelopeHeader]); err != nil {
		return nil, fmt.Errorf("seal %s record: nonce: %w", kind, err)
	}
	return aead.Seal(out, out[1:envelopeHeader], plaintext, recordAD(recordVersion, kind, id)), nil
}

// openRecord authenticates and decrypts a record of kind with id. Any failure is ErrCorrupt:
// the key is already known to be right, so a failing tag means the bytes changed.
func openRecord(aead cipher.AEAD, kind, id string, stored []byte) ([]byte, error) {
	env, err := parseEnvelope(stored)
	if err != nil {
		return nil, err
	}
	recordOpens.Add(1)
	pt, err := aead.Open(nil, env.nonce, env.ciphertext, recordAD(env.version, kind, id))
	if err != nil {
		return nil, fmt.Errorf("open %s record: authentication failed: %w", kind, ErrCorrupt)
	}
	return pt, nil
}

// newRecordAEAD returns the XChaCha20-Poly1305 instance for a record key.
func newRecordAEAD(key []byte) (cipher.AEAD, error) {
	a, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, fmt.Errorf("record cipher: %w", err)
	}
	return a, nil
}

// subkey derives a purpose-specific key from the data key, so the record, reference-MAC and
// audit keys are independent and none of them is the data key itself.
func subkey(dataKey, salt []byte, purpose string) ([]byte, error) {
	k, err := hkdf.Key(sha256.New, dataKey, salt, "waymark/v1/"+purpose, keySize)
	if err != nil {
		return nil, fmt.Errorf("derive %s key: %w", purpose, err)
	}
	return k, nil
}

// randomBytes returns n bytes from the system's secure source.
func randomBytes(n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("random bytes: %w", err)
	}
	return b, nil
}

// zero overwrites b. Used on every copy of key material this package makes.
func zero(b []byte) {
	clear(b)
}
