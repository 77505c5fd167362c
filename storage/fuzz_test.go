package storage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// Every parser of bytes from disk (or typed by a person) has a fuzz test. The seed corpora in
// testdata/fuzz/ run in every plain `go test`; `go test -fuzz FuzzXxx` explores from them.
// Fixed keys let valid seeds get past authentication into the code behind it.
var (
	fuzzRecordKey = bytes.Repeat([]byte{0x11}, keySize)
	fuzzStreamKey = bytes.Repeat([]byte{0x22}, keySize)
	fuzzSecret    = bytes.Repeat([]byte{0x33}, keySize)
	fuzzPass      = []byte("fuzz passphrase")
	fuzzMaxKDF    = KDFParams{MemoryKiB: 64, Time: 2, Threads: 1} // keeps derivations instant
)

// fuzzChunkSize is the stream chunk size under fuzzing: small, so seeds of a few chunks stay
// small and the fuzzer reaches chunk boundaries often. The logic is the same at any size.
const fuzzChunkSize = 64

// mustBeKnown fails unless err is nil or one of the package's sentinel errors.
func mustBeKnown(t *testing.T, err error, allowed ...error) {
	t.Helper()
	if err == nil {
		return
	}
	for _, a := range allowed {
		if errors.Is(err, a) {
			return
		}
	}
	t.Fatalf("unexpected error kind: %v", err)
}

func FuzzParseEnvelope(f *testing.F) {
	aead, err := newRecordAEAD(fuzzRecordKey)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		env, err := parseEnvelope(b)
		mustBeKnown(t, err, ErrCorrupt)
		if err != nil {
			return
		}
		if len(env.nonce) != nonceSize || len(env.ciphertext) < tagSize {
			t.Fatalf("parsed envelope with nonce %d, ciphertext %d", len(env.nonce), len(env.ciphertext))
		}
		pt, err := openRecord(aead, kindCaseSummary, "fuzz", b)
		mustBeKnown(t, err, ErrCorrupt)
		if err != nil && pt != nil {
			t.Fatal("plaintext returned with an error")
		}
	})
}

func FuzzParseKeySlot(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := parseKeySlot(b)
		mustBeKnown(t, err, ErrCorrupt)
		if err != nil {
			return
		}
		if !bytes.Equal(s.marshal(), b) {
			t.Fatal("slot does not re-encode to its input")
		}
		var key []byte
		switch s.kind {
		case slotKindPassphrase:
			key, err = unlockPassphraseSlot(s, fuzzPass, fuzzMaxKDF, "fuzz", RoleAdmin)
			mustBeKnown(t, err, ErrWrongPassphrase, ErrCorrupt, ErrKDFParams)
		case slotKindRecovery:
			key, err = unlockRecoverySlot(s, fuzzSecret[:recoveryKeyLen])
			mustBeKnown(t, err, ErrWrongPassphrase, ErrCorrupt)
		}
		if err == nil && len(key) != keySize {
			t.Fatalf("unwrapped a %d-byte key", len(key))
		}
	})
}

func FuzzParseKDFParams(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := parseKDFParams(b)
		mustBeKnown(t, err, ErrCorrupt)
		if err != nil {
			if errors.Is(err, ErrKDFParams) && !errors.Is(err, ErrCorrupt) {
				t.Fatal("parameters from disk refused without ErrCorrupt")
			}
			return
		}
		if !p.valid(hardMaxKDF) || !bytes.Equal(p.marshal(), b) {
			t.Fatalf("accepted %+v", p)
		}
	})
}

func FuzzReadBackupHeader(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := readBackupHeader(bytes.NewReader(b))
		mustBeKnown(t, err, ErrCorrupt)
		if err != nil {
			return
		}
		if !bytes.Equal(marshalBackupHeader(h.salt, h.slots, h.recovery), h.covered) {
			t.Fatal("header does not re-encode to the bytes its MAC covers")
		}
		if !bytes.Equal(append(bytes.Clone(h.covered), h.mac...), b[:len(h.covered)+macSize]) {
			t.Fatal("covered bytes are not the input's prefix")
		}
	})
}

func FuzzStreamReader(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := newStreamReader(fuzzStreamKey, bytes.NewReader(b), fuzzChunkSize)
		if err != nil {
			t.Fatal(err)
		}
		pt, err := io.ReadAll(r)
		mustBeKnown(t, err, ErrCorrupt)
		if err == nil && len(pt)+tagSize*max(1, (len(pt)+fuzzChunkSize-1)/fuzzChunkSize) != len(b) {
			t.Fatalf("accepted %d bytes of stream for %d of plaintext", len(b), len(pt))
		}
	})
}

func FuzzParseRecoveryKey(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		raw, err := parseRecoveryKey(s)
		mustBeKnown(t, err, ErrWrongPassphrase)
		if err != nil {
			return
		}
		again, err := parseRecoveryKey(formatRecoveryKey(raw))
		if err != nil || !bytes.Equal(again, raw) {
			t.Fatalf("formatted key does not parse back: %v", err)
		}
	})
}

// TestGenerateFuzzSeeds writes the seed corpora from real encoder output plus hand-made
// adversarial cases (truncated, oversized, over the KDF cap, trailing bytes).
func TestGenerateFuzzSeeds(t *testing.T) {
	if !*updateFixture {
		t.Skip("run with -args -update-fixture to regenerate")
	}
	aead, err := newRecordAEAD(fuzzRecordKey)
	if err != nil {
		t.Fatal(err)
	}
	record, err := sealRecord(aead, kindCaseSummary, "fuzz", []byte(`{"r":"WM-1","s":"open","o":"2026-11-23"}`))
	if err != nil {
		t.Fatal(err)
	}
	dataKey := bytes.Repeat([]byte{0x44}, keySize)
	pslot, err := newPassphraseSlot(fuzzPass, dataKey, FastTestKDF.Floor, "fuzz", RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	rslot, err := newRecoverySlot(fuzzSecret[:recoveryKeyLen], dataKey)
	if err != nil {
		t.Fatal(err)
	}
	overCap := bytes.Clone(pslot.marshal())
	copy(overCap[2:], KDFParams{MemoryKiB: 1 << 21, Time: 1, Threads: 1}.marshal())
	salt := bytes.Repeat([]byte{0x55}, backupSaltLen)
	header := marshalBackupHeader(salt, []backupSlot{
		{name: "Alice", role: RoleAdmin, slot: pslot.marshal()},
		{name: "Bob", role: RoleAdviser, slot: pslot.marshal()},
	}, rslot.marshal())
	header = append(header, bytes.Repeat([]byte{0x66}, macSize)...)

	var stream bytes.Buffer
	sw, _ := newStreamWriter(fuzzStreamKey, &stream, fuzzChunkSize)
	sw.Write(bytes.Repeat([]byte("snapshot"), (2*fuzzChunkSize+24)/8))
	sw.Close()
	var short bytes.Buffer
	sw, _ = newStreamWriter(fuzzStreamKey, &short, fuzzChunkSize)
	sw.Write([]byte("SQLite format 3\x00"))
	sw.Close()
	var empty bytes.Buffer
	sw, _ = newStreamWriter(fuzzStreamKey, &empty, fuzzChunkSize)
	sw.Close()

	seeds := map[string]map[string]any{
		"FuzzParseEnvelope": {
			"valid": record, "truncated": record[:minEnvelopeLen-1], "version2": append([]byte{2}, record[1:]...),
			"trailing": append(bytes.Clone(record), 0), "empty": []byte{},
		},
		"FuzzParseKeySlot": {
			"passphrase": pslot.marshal(), "recovery": rslot.marshal(), "over-cap": overCap,
			"truncated": pslot.marshal()[:40], "unknown-kind": append([]byte{1, 9}, pslot.marshal()[2:]...),
		},
		"FuzzParseKDFParams": {
			"floor": DefaultKDFPolicy.Floor.marshal(), "cap": hardMaxKDF.marshal(),
			"over-cap": KDFParams{1<<20 + 1, 1, 1}.marshal(), "zero": make([]byte, kdfParamsLen), "short": []byte{1, 2},
		},
		"FuzzReadBackupHeader": {
			"valid": header, "truncated": header[:len(header)/2], "bad-magic": append([]byte("WMBACKUQ"), header[8:]...),
			"no-slots": append(append([]byte(backupMagic), backupVersion), append(bytes.Clone(salt), 0, 0)...),
		},
		"FuzzStreamReader": {
			"three-chunks": stream.Bytes(), "one-chunk": short.Bytes(), "empty-stream": empty.Bytes(),
			"cut-at-boundary": stream.Bytes()[:fuzzChunkSize+tagSize], "trailing": append(bytes.Clone(short.Bytes()), 1),
		},
		"FuzzParseRecoveryKey": {
			"canonical": formatRecoveryKey(fuzzSecret[:recoveryKeyLen]), "lower-spaced": "gmzt gmzt gmzt gmzt gmzt gmzt gmzt gmzt",
			"confusable-digits": "0000-1111-8888-2222-3333-4444-5555-6666", "short": "ABCD-EFGH", "bad-char": "ABCD-EFG!-ABCD-EFGH-ABCD-EFGH-ABCD-EFGH",
		},
	}
	for target, files := range seeds {
		dir := filepath.Join("testdata", "fuzz", target)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, v := range files {
			var line string
			switch v := v.(type) {
			case []byte:
				line = "[]byte(" + strconv.Quote(string(v)) + ")"
			case string:
				line = "string(" + strconv.Quote(v) + ")"
			default:
				t.Fatalf("seed type %T", v)
			}
			body := fmt.Sprintf("go test fuzz v1\n%s\n", line)
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
