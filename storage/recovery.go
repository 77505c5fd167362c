package storage

import (
	"encoding/base32"
	"fmt"
	"strings"
)

// The recovery key is 160 random bits written as 32 base32 characters in eight groups of
// four, "ABCD-EFGH-...". It is shown once at set-up and opens its own key slot.
const (
	recoveryKeyLen    = 20
	recoveryGroupLen  = 4
	recoveryTextChars = 32
	maxRecoveryText   = 256 // generous room for spaces and dashes; anything longer is not a key
)

var recoveryEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// formatRecoveryKey writes raw as dash-separated groups.
func formatRecoveryKey(raw []byte) string {
	s := recoveryEncoding.EncodeToString(raw)
	var b strings.Builder
	for i := 0; i < len(s); i += recoveryGroupLen {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(s[i:min(i+recoveryGroupLen, len(s))])
	}
	return b.String()
}

// parseRecoveryKey reads a typed recovery key. Text that cannot be a recovery key is
// ErrWrongPassphrase: it came from a person, not from disk.
func parseRecoveryKey(text string) ([]byte, error) {
	clean, err := cleanBase32(text, recoveryTextChars)
	if err != nil {
		return nil, fmt.Errorf("recovery key: %w", err)
	}
	defer zero(clean)
	raw := make([]byte, recoveryKeyLen)
	n, err := recoveryEncoding.Decode(raw, clean)
	if err != nil || n != recoveryKeyLen {
		zero(raw)
		return nil, fmt.Errorf("recovery key: not valid base32: %w", ErrWrongPassphrase)
	}
	return raw, nil
}

// cleanBase32 reads a typed base32 key of want characters, tolerant of case, spaces, dashes,
// and the digits 0, 1 and 8 typed for O, I and B (base32 has none of those digits). Anything
// else is ErrWrongPassphrase.
func cleanBase32(text string, want int) ([]byte, error) {
	if len(text) > maxRecoveryText {
		return nil, fmt.Errorf("too long: %w", ErrWrongPassphrase)
	}
	clean := make([]byte, 0, want)
	for _, r := range text {
		switch {
		case r == ' ' || r == '-' || r == '\t' || r == '\n' || r == '\r':
			continue
		case r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		case r == '0':
			r = 'O'
		case r == '1':
			r = 'I'
		case r == '8':
			r = 'B'
		}
		if !(r >= 'A' && r <= 'Z' || r >= '2' && r <= '7') {
			zero(clean)
			return nil, fmt.Errorf("unexpected character: %w", ErrWrongPassphrase)
		}
		clean = append(clean, byte(r))
	}
	if len(clean) != want {
		zero(clean)
		return nil, fmt.Errorf("%d characters, want %d: %w", len(clean), want, ErrWrongPassphrase)
	}
	return clean, nil
}
