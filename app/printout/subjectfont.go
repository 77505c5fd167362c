package printout

import (
	"fmt"
	"strings"
	"sync"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// ReplacementMark is printed in place of a character the report's font cannot draw (a white
// square, which Liberation Sans has), so a reader sees that something is there.
const ReplacementMark = "□"

// sansFaces are the report's two faces, parsed once for glyph look-ups. sfnt.Font is safe for
// concurrent use as long as each caller brings its own sfnt.Buffer.
var sansFaces = sync.OnceValues(func() ([]*sfnt.Font, error) {
	var out []*sfnt.Font
	for _, data := range [][]byte{liberationsansregular.TTF, liberationsansbold.TTF} {
		f, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("parse embedded font: %w", err)
		}
		out = append(out, f)
	}
	return out, nil
})

// glyphs answers "can both faces draw this rune?" for one document, remembering answers.
type glyphs struct {
	fonts []*sfnt.Font
	buf   sfnt.Buffer
	known map[rune]bool
}

func newGlyphs() (*glyphs, error) {
	fonts, err := sansFaces()
	if err != nil {
		return nil, err
	}
	return &glyphs{fonts: fonts, known: map[rune]bool{}}, nil
}

// Covered reports whether every rune of s can be printed in the report's faces. Tests use it
// to check that every translated word of the report is covered.
func Covered(s string) (bool, error) {
	g, err := newGlyphs()
	if err != nil {
		return false, err
	}
	for _, r := range s {
		if r != '\n' && !g.covered(r) {
			return false, nil
		}
	}
	return true, nil
}

// covered reports whether r has a real glyph in every face. Runes beyond the Basic
// Multilingual Plane never are: gofpdf's width tables stop there.
func (g *glyphs) covered(r rune) bool {
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

// text normalises s for printing: NFC (so a letter typed as base and accent prints as one),
// line ends as "\n", tabs and other control characters as spaces, and any rune the faces lack
// as ReplacementMark. It reports whether it had to replace anything.
func (g *glyphs) text(s string) (string, bool) {
	s = norm.NFC.String(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"))
	var b strings.Builder
	replaced := false
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r < ' ' || r == 0x7f || r == 0xa0:
			b.WriteRune(' ')
		case g.covered(r):
			b.WriteRune(r)
		default:
			b.WriteString(ReplacementMark)
			replaced = true
		}
	}
	return b.String(), replaced
}

// cleaned returns the report with every string made printable by text, and whether any
// character was replaced. The metadata title is kept to one line.
func (r SubjectReport) cleaned() (SubjectReport, bool, error) {
	g, err := newGlyphs()
	if err != nil {
		return SubjectReport{}, false, err
	}
	replaced := false
	fix := func(s string) string {
		out, rep := g.text(s)
		replaced = replaced || rep
		return out
	}
	out := SubjectReport{
		Title: fix(r.Title), Footer: strings.ReplaceAll(fix(r.Footer), "\n", " "),
		DocTitle: strings.ReplaceAll(fix(r.DocTitle), "\n", " "), Created: r.Created,
	}
	for _, p := range r.Intro {
		out.Intro = append(out.Intro, fix(p))
	}
	for _, s := range r.Sections {
		c := SubjectSection{Heading: fix(s.Heading), Empty: fix(s.Empty)}
		for _, row := range s.Rows {
			c.Rows = append(c.Rows, SubjectRow{Label: fix(row.Label), Value: fix(row.Value)})
		}
		out.Sections = append(out.Sections, c)
	}
	out.Replaced, _ = g.text(r.Replaced)
	return out, replaced, nil
}
