package storage

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"testing"
)

func seal(t *testing.T, key, plain []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := newStreamWriter(key, &buf, chunkSize)
	if err != nil {
		t.Fatal(err)
	}
	// Odd write sizes, so chunk boundaries never line up with writes.
	for p := plain; len(p) > 0; {
		n := min(len(p), 7777)
		if _, err := w.Write(p[:n]); err != nil {
			t.Fatal(err)
		}
		p = p[n:]
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte{1}); !errors.Is(err, errStreamClosed) {
		t.Errorf("Write after Close: %v", err)
	}
	return buf.Bytes()
}

func openStream(key, enc []byte) ([]byte, error) {
	r, err := newStreamReader(key, bytes.NewReader(enc), chunkSize)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func TestStreamRoundTripAtBoundaries(t *testing.T) {
	key := bytes.Repeat([]byte{3}, keySize)
	for _, n := range []int{0, 1, chunkSize - 1, chunkSize, chunkSize + 1, 2 * chunkSize, 2*chunkSize + 7} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			plain := make([]byte, n)
			rand.Read(plain)
			enc := seal(t, key, plain)
			wantChunks := max(1, (n+chunkSize-1)/chunkSize)
			if len(enc) != n+wantChunks*tagSize {
				t.Errorf("%d bytes sealed to %d, want %d chunks", n, len(enc), wantChunks)
			}
			got, err := openStream(key, enc)
			if err != nil || !bytes.Equal(got, plain) {
				t.Fatalf("round trip: %d bytes, %v", len(got), err)
			}
			// Every shorter prefix fails: no truncation is ever accepted.
			for _, cut := range []int{len(enc) - 1, len(enc) - tagSize, len(enc) - encChunkSize, 0} {
				if cut < 0 || cut >= len(enc) {
					continue
				}
				if _, err := openStream(key, enc[:cut]); !errors.Is(err, ErrCorrupt) {
					t.Errorf("cut to %d of %d: %v, want ErrCorrupt", cut, len(enc), err)
				}
			}
			if _, err := openStream(key, append(bytes.Clone(enc), 0)); !errors.Is(err, ErrCorrupt) {
				t.Errorf("trailing byte: %v, want ErrCorrupt", err)
			}
			wrong := bytes.Repeat([]byte{4}, keySize)
			if _, err := openStream(wrong, enc); !errors.Is(err, ErrCorrupt) {
				t.Errorf("wrong key: %v, want ErrCorrupt", err)
			}
		})
	}
}

func TestStreamNeverReturnsUnauthenticatedBytes(t *testing.T) {
	key := bytes.Repeat([]byte{5}, keySize)
	plain := bytes.Repeat([]byte("p"), 3*chunkSize)
	enc := seal(t, key, plain)
	enc[2*encChunkSize+10] ^= 1 // damage the third chunk
	r, err := newStreamReader(key, bytes.NewReader(enc), chunkSize)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(r)
	if !errors.Is(err, ErrCorrupt) {
		t.Fatalf("err %v, want ErrCorrupt", err)
	}
	if len(got) != 2*chunkSize || !bytes.Equal(got, plain[:2*chunkSize]) {
		t.Errorf("read %d bytes before the damaged chunk, want exactly the two good chunks", len(got))
	}
}
