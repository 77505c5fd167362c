package storage

import (
	"bytes"
	"errors"
	"testing"
)

func testAEAD(t testing.TB) *sessionKeys {
	t.Helper()
	k, err := newSessionKeys(bytes.Repeat([]byte{7}, keySize))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestRecordBinding(t *testing.T) {
	k := testAEAD(t)
	plain := []byte(`{"r":"WM-001"}`)
	sealed, err := sealRecord(k.aead, kindCaseSummary, "id-1", plain)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := openRecord(k.aead, kindCaseSummary, "id-1", sealed); err != nil || !bytes.Equal(got, plain) {
		t.Fatalf("round trip: %q, %v", got, err)
	}
	other := testAEAD(t)
	other.aead, _ = newRecordAEAD(bytes.Repeat([]byte{8}, keySize))
	tests := []struct {
		name     string
		key      *sessionKeys
		kind, id string
		mutate   func([]byte) []byte
	}{
		{"other id", k, kindCaseSummary, "id-2", nil},
		{"other kind", k, kindCaseDetail, "id-1", nil},
		{"id and kind shifted", k, "case.summaryi", "d-1", nil},
		{"other key", other, kindCaseSummary, "id-1", nil},
		{"unknown version", k, kindCaseSummary, "id-1", func(b []byte) []byte { b[0] = 2; return b }},
		{"truncated tag", k, kindCaseSummary, "id-1", func(b []byte) []byte { return b[:len(b)-1] }},
		{"trailing byte", k, kindCaseSummary, "id-1", func(b []byte) []byte { return append(b, 0) }},
		{"header only", k, kindCaseSummary, "id-1", func(b []byte) []byte { return b[:envelopeHeader] }},
		{"empty", k, kindCaseSummary, "id-1", func(b []byte) []byte { return nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := bytes.Clone(sealed)
			if tt.mutate != nil {
				b = tt.mutate(b)
			}
			got, err := openRecord(tt.key.aead, tt.kind, tt.id, b)
			if !errors.Is(err, ErrCorrupt) || got != nil {
				t.Errorf("got %q, %v; want ErrCorrupt and nothing", got, err)
			}
		})
	}
}

func TestRecordEveryByteAuthenticated(t *testing.T) {
	k := testAEAD(t)
	sealed, err := sealRecord(k.aead, kindCaseDetail, "id", bytes.Repeat([]byte("x"), 100))
	if err != nil {
		t.Fatal(err)
	}
	for i := range sealed {
		b := bytes.Clone(sealed)
		b[i] ^= 0x01
		if got, err := openRecord(k.aead, kindCaseDetail, "id", b); !errors.Is(err, ErrCorrupt) || got != nil {
			t.Fatalf("byte %d flipped: got %q, %v", i, got, err)
		}
	}
}

func TestParseEnvelopeBoundaries(t *testing.T) {
	for _, n := range []int{0, 1, minEnvelopeLen - 1, minEnvelopeLen, minEnvelopeLen + 1} {
		b := make([]byte, n)
		if n > 0 {
			b[0] = recordVersion
		}
		_, err := parseEnvelope(b)
		if wantOK := n >= minEnvelopeLen; (err == nil) != wantOK {
			t.Errorf("len %d: err %v, want ok=%v", n, err, wantOK)
		}
	}
}

func TestNoncesNeverRepeat(t *testing.T) {
	const n = 100_000
	k := testAEAD(t)
	seen := make(map[[nonceSize]byte]struct{}, n)
	for i := range n {
		b, err := sealRecord(k.aead, kindCaseSummary, "id", []byte{byte(i)})
		if err != nil {
			t.Fatal(err)
		}
		var nonce [nonceSize]byte
		copy(nonce[:], b[1:envelopeHeader])
		if _, dup := seen[nonce]; dup {
			t.Fatalf("nonce repeated after %d encryptions", i)
		}
		seen[nonce] = struct{}{}
	}
}

func TestSubkeysIndependent(t *testing.T) {
	k := testAEAD(t)
	keys := [][]byte{k.data, k.record, k.refMAC, k.audit}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if bytes.Equal(keys[i], keys[j]) {
				t.Errorf("keys %d and %d are equal", i, j)
			}
		}
	}
}
