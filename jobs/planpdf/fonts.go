package planpdf

import (
	"errors"
	"fmt"

	"waymark/jobs/printfont"
)

// The plan is set in Liberation Sans (printfont), embedded as Unicode TrueType fonts.
// Measured against DejaVu Sans for the languages a survivor is likely to read (see
// fonts_test.go): both have every letter of Romanian (ș ț with comma below), Polish, Bulgarian
// Cyrillic, Lithuanian and Vietnamese (precomposed, NFC), so the smaller Liberation Sans is used,
// the same face as the recovery sheet: a two-page plan renders in about two thirds of the time
// and is a fifth smaller than with DejaVu Sans. Liberation Sans has no ballot-box characters, so
// tick boxes are drawn, not typed.
var (
	fontRegular = printfont.Regular
	fontBold    = printfont.Bold
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

// glyphChecker checks the plan's text against the print font, for one document.
type glyphChecker struct{ *printfont.Coverage }

func newGlyphChecker() (*glyphChecker, error) {
	c, err := printfont.NewCoverage()
	if err != nil {
		return nil, err
	}
	return &glyphChecker{c}, nil
}

// check returns a *GlyphError naming field when s has a rune the fonts cannot draw.
func (g *glyphChecker) check(field, s string) error {
	for _, r := range s {
		if !g.Covered(r) {
			return &GlyphError{Field: field}
		}
	}
	return nil
}
