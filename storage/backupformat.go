package storage

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Backup file, version 1:
//
//	magic "WMBACKUP" (8) || version (1) || salt (32) ||
//	slot count (2) || per slot: name (2-byte length + bytes), role (1-byte length + bytes),
//	                            key slot (2-byte length + bytes) ||
//	recovery slot (2-byte length + bytes; length 0 when there is none) ||
//	HMAC-SHA256(header key, everything above) (32) ||
//	chunks
//
// The key slots are copied from the vault, so the backup opens with any adviser's
// passphrase. The header and stream keys come from HKDF(data key, salt). The chunks are a
// STREAM construction (as in age): ChaCha20-Poly1305 over 64 KiB pieces of the database
// snapshot, nonce = 11-byte big-endian chunk counter || last-chunk flag, so dropping,
// reordering, truncating or extending chunks fails authentication.
const (
	backupMagic      = "WMBACKUP"
	backupVersion    = 1
	backupSaltLen    = 32
	maxBackupSlots   = 1024
	maxBackupNameLen = 256
	maxBackupRoleLen = 16
	maxBackupSlotLen = 512
	chunkSize        = 64 << 10
	encChunkSize     = chunkSize + tagSize
	streamNonceSize  = 12
	lastChunkFlag    = 0x01
)

// backupSlot is one adviser's key slot as carried in a backup header.
type backupSlot struct {
	name string
	role Role
	slot []byte
}

// backupHeader is a parsed header. covered is every byte the MAC covers.
type backupHeader struct {
	salt     []byte
	slots    []backupSlot
	recovery []byte
	covered  []byte
	mac      []byte
}

// marshalBackupHeader encodes the header body (without MAC).
func marshalBackupHeader(salt []byte, slots []backupSlot, recovery []byte) []byte {
	b := append([]byte(backupMagic), backupVersion)
	b = append(b, salt...)
	b = binary.BigEndian.AppendUint16(b, uint16(len(slots)))
	for _, s := range slots {
		b = binary.BigEndian.AppendUint16(b, uint16(len(s.name)))
		b = append(b, s.name...)
		b = append(b, byte(len(s.role)))
		b = append(b, s.role...)
		b = binary.BigEndian.AppendUint16(b, uint16(len(s.slot)))
		b = append(b, s.slot...)
	}
	b = binary.BigEndian.AppendUint16(b, uint16(len(recovery)))
	return append(b, recovery...)
}

// backupKeys derives the header MAC key and the stream key for one backup.
func backupKeys(dataKey, salt []byte) (headerKey, streamKey []byte, err error) {
	if headerKey, err = subkey(dataKey, salt, "backup-header"); err != nil {
		return nil, nil, err
	}
	if streamKey, err = subkey(dataKey, salt, "backup-stream"); err != nil {
		zero(headerKey)
		return nil, nil, err
	}
	return headerKey, streamKey, nil
}

// headerMAC authenticates the header body.
func backupHeaderMAC(key, body []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(body)
	return m.Sum(nil)
}

// countingReader records what it reads, so the MAC can be checked over the exact bytes.
type recordingReader struct {
	r   io.Reader
	buf bytes.Buffer
}

func (r *recordingReader) next(n int) ([]byte, error) {
	b := make([]byte, n)
	if _, err := io.ReadFull(r.r, b); err != nil {
		return nil, fmt.Errorf("backup header: truncated: %w", ErrCorrupt)
	}
	r.buf.Write(b)
	return b, nil
}

func (r *recordingReader) u16() (int, error) {
	b, err := r.next(2)
	if err != nil {
		return 0, err
	}
	return int(binary.BigEndian.Uint16(b)), nil
}

// readBackupHeader parses a backup header from r, leaving r at the first chunk. Every length
// is bounded and every key slot parsed; nothing is authenticated yet (that needs a key).
func readBackupHeader(r io.Reader) (backupHeader, error) {
	rr := &recordingReader{r: r}
	magic, err := rr.next(len(backupMagic) + 1)
	if err != nil {
		return backupHeader{}, err
	}
	if string(magic[:len(backupMagic)]) != backupMagic {
		return backupHeader{}, fmt.Errorf("backup header: not a waymark backup: %w", ErrCorrupt)
	}
	if magic[len(backupMagic)] != backupVersion {
		return backupHeader{}, fmt.Errorf("backup header: unknown version %d: %w", magic[len(backupMagic)], ErrCorrupt)
	}
	var h backupHeader
	if h.salt, err = rr.next(backupSaltLen); err != nil {
		return backupHeader{}, err
	}
	n, err := rr.u16()
	if err != nil {
		return backupHeader{}, err
	}
	if n == 0 || n > maxBackupSlots {
		return backupHeader{}, fmt.Errorf("backup header: %d key slots: %w", n, ErrCorrupt)
	}
	for range n {
		s, err := readBackupSlot(rr)
		if err != nil {
			return backupHeader{}, err
		}
		h.slots = append(h.slots, s)
	}
	rn, err := rr.u16()
	if err != nil {
		return backupHeader{}, err
	}
	if rn > maxBackupSlotLen {
		return backupHeader{}, fmt.Errorf("backup header: recovery slot too long: %w", ErrCorrupt)
	}
	if rn > 0 {
		if h.recovery, err = rr.next(rn); err != nil {
			return backupHeader{}, err
		}
		if _, err := parseKeySlot(h.recovery); err != nil {
			return backupHeader{}, fmt.Errorf("backup header: recovery %w", err)
		}
	}
	h.covered = bytes.Clone(rr.buf.Bytes())
	if h.mac, err = rr.next(macSize); err != nil {
		return backupHeader{}, err
	}
	return h, nil
}

// readBackupSlot parses one slot entry.
func readBackupSlot(rr *recordingReader) (backupSlot, error) {
	nl, err := rr.u16()
	if err != nil {
		return backupSlot{}, err
	}
	if nl == 0 || nl > maxBackupNameLen {
		return backupSlot{}, fmt.Errorf("backup header: adviser name length %d: %w", nl, ErrCorrupt)
	}
	name, err := rr.next(nl)
	if err != nil {
		return backupSlot{}, err
	}
	if !utf8.Valid(name) {
		return backupSlot{}, fmt.Errorf("backup header: adviser name not text: %w", ErrCorrupt)
	}
	rl, err := rr.next(1)
	if err != nil {
		return backupSlot{}, err
	}
	if int(rl[0]) > maxBackupRoleLen {
		return backupSlot{}, fmt.Errorf("backup header: role too long: %w", ErrCorrupt)
	}
	role, err := rr.next(int(rl[0]))
	if err != nil {
		return backupSlot{}, err
	}
	if !Role(role).valid() {
		return backupSlot{}, fmt.Errorf("backup header: unknown role: %w", ErrCorrupt)
	}
	sl, err := rr.u16()
	if err != nil {
		return backupSlot{}, err
	}
	if sl > maxBackupSlotLen {
		return backupSlot{}, fmt.Errorf("backup header: key slot too long: %w", ErrCorrupt)
	}
	slot, err := rr.next(sl)
	if err != nil {
		return backupSlot{}, err
	}
	if _, err := parseKeySlot(slot); err != nil {
		return backupSlot{}, fmt.Errorf("backup header: %w", err)
	}
	return backupSlot{name: string(name), role: Role(role), slot: slot}, nil
}

// streamNonce is the nonce of chunk counter, flagged if it is the last.
func streamNonce(counter uint64, last bool) []byte {
	n := make([]byte, streamNonceSize)
	binary.BigEndian.PutUint64(n[3:11], counter)
	if last {
		n[11] = lastChunkFlag
	}
	return n
}

// errStreamClosed is returned for writes after Close.
var errStreamClosed = errors.New("backup stream already closed")
