package planpdf

import (
	"errors"
	"fmt"
	"sync"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"
)

// The plan is set in Liberation Sans (SIL Open Font License), embedded as Unicode TrueType
// fonts. Measured against DejaVu Sans for the languages a survivor is likely to read (see
// fonts_test.go): both have every letter of Romanian (ș ț with comma below), Polish, Bulgarian
// Cyrillic, Lithuanian and Vietnamese (precomposed, NFC), so the smaller Liberation Sans is used,
// the same face as the recovery sheet: a two-page plan renders in about two thirds of the time
// and is a fifth smaller than with DejaVu Sans. Liberation Sans has no ballot-box characters, so
// tick boxes are drawn, not typed.
var (
	fontRegular = liberationsansregular.TTF
	fontBold    = liberationsansbold.TTF
)

// ErrMissingGlyph means some text has a character the embedded font cannot draw, which would
// print as an empty box. Render returns a *GlyphError that matches it with errors.Is.
var ErrMissingGlyph = errors.New("planpdf: text has a character the print font cannot show")

// GlyphError says which part of the plan has a character the font lacks: "name", "reference",
// "steps[2].text" or "message" (words from the message files, which tests keep covered). It
// never holds the text itself, which may be personal.
type GlyphError struct {
	Field string
}

func (e *GlyphError) Error() string {
	return fmt.Sprintf("planpdf: %s has a character the print font cannot show", e.Field)
}

// Is makes errors.Is(err, ErrMissingGlyph) true for a *GlyphError.
func (e *GlyphError) Is(target error) bool { return target == ErrMissingGlyph }

// faces are the embedded fonts parsed once for glyph look-ups; sfnt.Font is safe for concurrent
// use as long as each caller brings its own sfnt.Buffer.
var faces = sync.OnceValues(func() ([]*sfnt.Font, error) {
	var out []*sfnt.Font
	for _, data := range [][]byte{fontRegular, fontBold} {
		f, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("parse embedded font: %w", err)
		}
		out = append(out, f)
	}
	return out, nil
})

// glyphChecker answers "can every face draw this rune?", remembering answers for one document.
type glyphChecker struct {
	fonts []*sfnt.Font
	buf   sfnt.Buffer
	known map[rune]bool
}

func newGlyphChecker() (*glyphChecker, error) {
	fonts, err := faces()
	if err != nil {
		return nil, err
	}
	return &glyphChecker{fonts: fonts, known: map[rune]bool{}}, nil
}

// covered reports whether r can be printed: white space (which the layout turns into gaps) or
// a rune with a real glyph in every face. Runes beyond the Basic Multilingual Plane are never
// covered: gofpdf's width tables stop there.
func (g *glyphChecker) covered(r rune) bool {
	if r == ' ' {
		return true
	}
	if ok, seen := g.known[r]; seen {
		return ok
	}
	ok := r > 0 && r <= 0xFFFF
	for _, f := range g.fonts {
		if !ok {
			break
		}
		idx, err := f.GlyphIndex(&g.buf, r)
		ok = err == nil && idx != 0
	}
	g.known[r] = ok
	return ok
}

// check returns a *GlyphError naming field when s has a rune the fonts cannot draw.
func (g *glyphChecker) check(field, s string) error {
	for _, r := range s {
		if !g.covered(r) {
			return &GlyphError{Field: field}
		}
	}
	return nil
}
