package storage

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
)

func TestPassphraseStrength(t *testing.T) {
	tests := []struct {
		pass string
		want Strength
	}{
		{"", StrengthVeryWeak},
		{"Tr0ub4dor", StrengthVeryWeak}, // 9 runes: below the minimum whatever it holds
		{"aaaaaaaaaa", StrengthVeryWeak},
		{"abcdefghij", StrengthVeryWeak},
		{"1234567890", StrengthVeryWeak},
		{"qwertyuiop", StrengthWeak},
		{"Password12", StrengthFair},
		{"Tr0ub4dor&3x", StrengthGood},
		{"correct horse battery staple", StrengthStrong},
		{"zażółć gęślą jaźń", StrengthStrong},
	}
	for _, tt := range tests {
		if got := PassphraseStrength([]byte(tt.pass)); got != tt.want {
			t.Errorf("PassphraseStrength(%q) = %d, want %d", tt.pass, got, tt.want)
		}
	}
	// Longer never grades lower when the extra characters are fresh.
	prev := StrengthVeryWeak
	for n := 1; n <= 40; n++ {
		s := PassphraseStrength([]byte("kq7Vz!mP2x#wR9tLb4Nc$hJ6yDf8Gs3Ae5Ur0Wi@"[:n]))
		if s < prev {
			t.Fatalf("strength fell from %d to %d at length %d", prev, s, n)
		}
		prev = s
	}
}

func TestRecoveryKeyFormatAndParse(t *testing.T) {
	raw := bytes.Repeat([]byte{0xA5}, recoveryKeyLen)
	text := formatRecoveryKey(raw)
	if !regexp.MustCompile(`^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$`).MatchString(text) {
		t.Fatalf("format %q", text)
	}
	ok := []string{
		text,
		strings.ToLower(text),
		strings.ReplaceAll(text, "-", ""),
		strings.ReplaceAll(text, "-", " "),
		"  " + strings.ReplaceAll(text, "-", " - ") + "\n",
	}
	for _, in := range ok {
		got, err := parseRecoveryKey(in)
		if err != nil || !bytes.Equal(got, raw) {
			t.Errorf("parse %q = %x, %v", in, got, err)
		}
	}
	// 0, 1 and 8 are read as O, I and B, which base32 lacks digits for.
	withO := formatRecoveryKey(make([]byte, recoveryKeyLen)) // all 'A'
	if _, err := parseRecoveryKey(strings.ReplaceAll(withO, "A", "0")); err != nil {
		t.Errorf("zeros for O: %v", err)
	}
	bad := []string{"", text[:len(text)-1], text + "A", text[:4] + "!" + text[5:], strings.Repeat("A", 300), "ĄBCD"}
	for _, in := range bad {
		if _, err := parseRecoveryKey(in); !errors.Is(err, ErrWrongPassphrase) {
			t.Errorf("parse %q: %v, want ErrWrongPassphrase", in, err)
		}
	}
}
