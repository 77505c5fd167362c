package storage

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// The strength grades, for the set-up screen's meter.
const (
	StrengthVeryWeak Strength = iota
	StrengthWeak
	StrengthFair
	StrengthGood
	StrengthStrong
)

// Entropy thresholds, in estimated bits, for each grade above very weak.
var strengthBits = [...]float64{StrengthWeak: 36, StrengthFair: 50, StrengthGood: 64, StrengthStrong: 80}

// PassphraseStrength grades a passphrase for the "strength shown" meter: 0 very weak ..
// 4 strong. It is a rough estimate from length and the kinds of characters used: each
// character adds log2 of the alphabet it draws on, and a character that repeats the one before
// or continues a run (abc, 123) adds one bit only. Anything shorter than MinPassphraseLen is
// very weak whatever it contains. Pure function; pass is not modified.
func PassphraseStrength(pass []byte) Strength {
	if utf8.RuneCount(pass) < MinPassphraseLen {
		return StrengthVeryWeak
	}
	var lower, upper, digit, symbol, other bool
	for _, r := range string(pass) {
		switch {
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		case r < utf8.RuneSelf && (unicode.IsPunct(r) || unicode.IsSymbol(r) || r == ' '):
			symbol = true
		default:
			other = true
		}
	}
	pool := 0
	for _, c := range []struct {
		used bool
		size int
	}{{lower, 26}, {upper, 26}, {digit, 10}, {symbol, 33}, {other, 100}} {
		if c.used {
			pool += c.size
		}
	}
	perChar := math.Log2(float64(pool))
	bits, prev, step := 0.0, rune(-1), rune(0)
	for _, r := range string(pass) {
		switch d := r - prev; {
		case prev >= 0 && (d == 0 || (d == 1 || d == -1) && d == step):
			bits++
		default:
			bits += perChar
		}
		step, prev = r-prev, r
	}
	g := StrengthVeryWeak
	for s := StrengthWeak; s <= StrengthStrong; s++ {
		if bits >= strengthBits[s] {
			g = s
		}
	}
	return g
}
