package storage

import (
	"crypto/cipher"
	"errors"
	"fmt"
	"io"

	"golang.org/x/crypto/chacha20poly1305"
)

// maxChunks bounds the chunk counter far below the nonce space (2^88): 2^40 chunks of 64 KiB
// is 64 PiB, more than any vault.
const maxChunks = 1 << 40

// streamWriter encrypts everything written to it as STREAM chunks. A full buffer is sealed
// only when more data arrives, so the chunk sealed by Close (the last) is never empty unless
// nothing at all was written.
type streamWriter struct {
	size    int // plaintext bytes per chunk: chunkSize in files; smaller only in fuzz tests
	aead    cipher.AEAD
	w       io.Writer
	buf     []byte
	counter uint64
	closed  bool
}

func newStreamWriter(key []byte, w io.Writer, size int) (*streamWriter, error) {
	a, err := chacha20poly1305.New(key)
	if err != nil {
		return nil, fmt.Errorf("backup stream: %w", err)
	}
	return &streamWriter{size: size, aead: a, w: w, buf: make([]byte, 0, size+tagSize)}, nil
}

func (s *streamWriter) Write(p []byte) (int, error) {
	if s.closed {
		return 0, errStreamClosed
	}
	n := 0
	for len(p) > 0 {
		if len(s.buf) == s.size {
			if err := s.flush(false); err != nil {
				return n, err
			}
		}
		k := copy(s.buf[len(s.buf):s.size], p)
		s.buf = s.buf[:len(s.buf)+k]
		p = p[k:]
		n += k
	}
	return n, nil
}

// Close seals the last chunk. It does not close the underlying writer.
func (s *streamWriter) Close() error {
	if s.closed {
		return errStreamClosed
	}
	s.closed = true
	return s.flush(true)
}

func (s *streamWriter) flush(last bool) error {
	if s.counter >= maxChunks {
		return fmt.Errorf("backup stream: too many chunks")
	}
	out := s.aead.Seal(s.buf[:0], streamNonce(s.counter, last), s.buf, nil)
	if _, err := s.w.Write(out); err != nil {
		return err
	}
	s.counter++
	s.buf = s.buf[:0]
	return nil
}

// streamReader authenticates and decrypts STREAM chunks. It reads one byte past each full
// chunk to learn whether that chunk should be the last; anything that fails to open,
// including a stream cut at a chunk boundary or with bytes after the last chunk, is
// ErrCorrupt. Read never returns plaintext that has not been authenticated.
type streamReader struct {
	size    int // encrypted bytes per full chunk
	aead    cipher.AEAD
	r       io.Reader
	enc     []byte // size+1: one chunk and one byte of look-ahead
	have    int    // look-ahead bytes carried into enc
	plain   []byte // decrypted, not yet returned
	counter uint64
	done    bool
	err     error
}

func newStreamReader(key []byte, r io.Reader, size int) (*streamReader, error) {
	a, err := chacha20poly1305.New(key)
	if err != nil {
		return nil, fmt.Errorf("backup stream: %w", err)
	}
	return &streamReader{size: size + tagSize, aead: a, r: r, enc: make([]byte, size+tagSize+1)}, nil
}

func (s *streamReader) Read(p []byte) (int, error) {
	for len(s.plain) == 0 {
		if s.err != nil {
			return 0, s.err
		}
		if s.done {
			return 0, io.EOF
		}
		if err := s.next(); err != nil {
			s.err = err
			return 0, err
		}
	}
	n := copy(p, s.plain)
	s.plain = s.plain[n:]
	return n, nil
}

// next reads and opens one chunk.
func (s *streamReader) next() error {
	n, err := io.ReadFull(s.r, s.enc[s.have:])
	total := s.have + n
	last := false
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		last = true
	case err != nil:
		return fmt.Errorf("backup stream: %w", err)
	}
	chunk := s.enc[:total]
	if !last {
		chunk = s.enc[:s.size]
	}
	if len(chunk) < tagSize {
		return fmt.Errorf("backup stream: chunk %d truncated: %w", s.counter, ErrCorrupt)
	}
	if s.counter >= maxChunks {
		return fmt.Errorf("backup stream: too many chunks: %w", ErrCorrupt)
	}
	plain, err := s.aead.Open(chunk[:0], streamNonce(s.counter, last), chunk, nil)
	if err != nil {
		return fmt.Errorf("backup stream: chunk %d failed authentication: %w", s.counter, ErrCorrupt)
	}
	if last && len(plain) == 0 && s.counter > 0 {
		return fmt.Errorf("backup stream: empty last chunk: %w", ErrCorrupt)
	}
	s.counter++
	s.plain = plain
	if last {
		s.done = true
		s.have = 0
		return nil
	}
	// Keep the look-ahead byte for the next chunk. plain aliases enc, so copy it out before
	// the look-ahead byte moves to enc[0].
	s.plain = append([]byte(nil), plain...)
	s.enc[0] = s.enc[s.size]
	s.have = 1
	return nil
}
