package storage

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// kdfParamsLen is the encoded size of KDFParams: memory (4), time (4), threads (1), big-endian.
const kdfParamsLen = 9

// hardMaxKDF bounds every policy: no Options can make the package attempt more than this.
var hardMaxKDF = DefaultKDFPolicy.Max

// inTest reports whether this is a test binary; a variable so a test can play production.
var inTest = testing.Testing

// argon2Derivations counts Argon2id runs, so tests can prove that refused parameters are
// refused before any derivation.
var argon2Derivations atomic.Int64

// valid reports whether p is a usable Argon2id setting no larger than max.
func (p KDFParams) valid(max KDFParams) bool {
	if p.MemoryKiB == 0 || p.Time == 0 || p.Threads == 0 {
		return false
	}
	if p.MemoryKiB < 8*uint32(p.Threads) { // Argon2 needs 8 KiB per lane
		return false
	}
	return p.within(max)
}

// within reports whether no component of p exceeds max.
func (p KDFParams) within(max KDFParams) bool {
	return p.MemoryKiB <= max.MemoryKiB && p.Time <= max.Time && p.Threads <= max.Threads
}

// weakerThan reports whether any component of p is below floor.
func (p KDFParams) weakerThan(floor KDFParams) bool {
	return p.MemoryKiB < floor.MemoryKiB || p.Time < floor.Time || p.Threads < floor.Threads
}

// marshal encodes p in the 9-byte form stored in key slots.
func (p KDFParams) marshal() []byte {
	b := make([]byte, kdfParamsLen)
	binary.BigEndian.PutUint32(b[0:4], p.MemoryKiB)
	binary.BigEndian.PutUint32(b[4:8], p.Time)
	b[8] = p.Threads
	return b
}

// parseKDFParams decodes stored parameters and refuses any that could not have been written
// by this package (zero, or above the hard cap) with an error matching both ErrKDFParams and
// ErrCorrupt.
func parseKDFParams(b []byte) (KDFParams, error) {
	if len(b) != kdfParamsLen {
		return KDFParams{}, fmt.Errorf("kdf parameters: %d bytes: %w", len(b), ErrCorrupt)
	}
	p := KDFParams{
		MemoryKiB: binary.BigEndian.Uint32(b[0:4]),
		Time:      binary.BigEndian.Uint32(b[4:8]),
		Threads:   b[8],
	}
	if !p.valid(hardMaxKDF) {
		return KDFParams{}, fmt.Errorf("kdf parameters m=%d t=%d p=%d: %w", p.MemoryKiB, p.Time, p.Threads, errKDFFromDisk)
	}
	return p, nil
}

// resolvePolicy returns the policy to use for opt: the default when unset, and a checked copy
// otherwise. A policy weaker than the default floor is refused outside tests.
func resolvePolicy(pol KDFPolicy) (KDFPolicy, error) {
	if pol == (KDFPolicy{}) {
		return DefaultKDFPolicy, nil
	}
	if !pol.Max.valid(hardMaxKDF) {
		return KDFPolicy{}, fmt.Errorf("kdf policy: maximum above the hard cap: %w", ErrKDFParams)
	}
	if !pol.Floor.valid(pol.Max) {
		return KDFPolicy{}, fmt.Errorf("kdf policy: floor invalid or above the maximum: %w", ErrKDFParams)
	}
	if pol.Target < 0 || pol.Target > time.Minute {
		return KDFPolicy{}, fmt.Errorf("kdf policy: target %v out of range: %w", pol.Target, ErrKDFParams)
	}
	if pol.Floor.weakerThan(DefaultKDFPolicy.Floor) && !inTest() {
		return KDFPolicy{}, fmt.Errorf("kdf policy: floor below the default outside tests: %w", ErrKDFParams)
	}
	return pol, nil
}

// deriveSlotSecret runs Argon2id over pass and salt with p, after checking p against max.
// Refused parameters never reach Argon2id. The passphrase is put in Unicode NFC first, so
// "ș" typed as one code point on one keyboard and as s + combining comma on another opens the
// same slot.
func deriveSlotSecret(pass, salt []byte, p, max KDFParams) ([]byte, error) {
	if !p.valid(max) {
		return nil, fmt.Errorf("derive key: m=%d t=%d p=%d: %w", p.MemoryKiB, p.Time, p.Threads, ErrKDFParams)
	}
	nfc := norm.NFC.Append(make([]byte, 0, len(pass)+8), pass...)
	defer zero(nfc)
	argon2Derivations.Add(1)
	return argon2.IDKey(nfc, salt, p.Time, p.MemoryKiB, p.Threads, keySize), nil
}

// calibrate picks the parameters for a new slot: the policy floor, with the time cost raised
// until one derivation takes about pol.Target on this machine. measure runs one derivation
// with the given parameters and reports how long it took; cost is linear in Time.
func calibrate(pol KDFPolicy, measure func(KDFParams) time.Duration) KDFParams {
	p := pol.Floor
	if pol.Target <= 0 {
		return p
	}
	// The fastest of three runs: a laptop busy with something else at set-up makes one run
	// slow, which would calibrate a weaker slot than the target.
	d := min(measure(p), measure(p), measure(p))
	if d >= pol.Target {
		return p
	}
	if d <= 0 {
		d = 1
	}
	t := (uint64(p.Time)*uint64(pol.Target) + uint64(d)/2) / uint64(d)
	if t < uint64(p.Time) {
		t = uint64(p.Time)
	}
	if t > uint64(pol.Max.Time) {
		t = uint64(pol.Max.Time)
	}
	p.Time = uint32(t)
	return p
}

// measureArgon2 times one derivation over throwaway input.
func measureArgon2(p KDFParams) time.Duration {
	var pass, salt [16]byte
	_, _ = rand.Read(pass[:])
	_, _ = rand.Read(salt[:])
	start := time.Now()
	k, err := deriveSlotSecret(pass[:], salt[:], p, hardMaxKDF)
	d := time.Since(start)
	if err != nil {
		return 0
	}
	zero(k)
	return d
}
