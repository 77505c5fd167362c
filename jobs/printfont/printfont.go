// Package printfont holds the face every printed page is set in, Liberation Sans (SIL Open
// Font License), and answers whether it can draw a character. The plan, the recovery sheet and
// the person's data report print in it, so a character one of them can show the others can
// too; a character it lacks would print as an empty box, so printers check first.
package printfont

import (
	"fmt"
	"sync"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font/sfnt"
)

// The embedded TrueType faces, for gofpdf's AddUTF8FontFromBytes.
var (
	Regular = liberationsansregular.TTF
	Bold    = liberationsansbold.TTF
)

// faces are the embedded fonts parsed once for glyph look-ups; sfnt.Font is safe for concurrent
// use as long as each caller brings its own sfnt.Buffer.
var faces = sync.OnceValues(func() ([]*sfnt.Font, error) {
	var out []*sfnt.Font
	for _, data := range [][]byte{Regular, Bold} {
		f, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("parse embedded font: %w", err)
		}
		out = append(out, f)
	}
	return out, nil
})

// Coverage answers "can both faces draw this rune?" for one document, remembering answers. It
// is not safe for concurrent use; make one per document.
type Coverage struct {
	fonts []*sfnt.Font
	buf   sfnt.Buffer
	known map[rune]bool
}

// NewCoverage returns a Coverage over the embedded faces.
func NewCoverage() (*Coverage, error) {
	fonts, err := faces()
	if err != nil {
		return nil, err
	}
	return &Coverage{fonts: fonts, known: map[rune]bool{}}, nil
}

// Covered reports whether r can be printed: a space (which layout turns into a gap) or a rune
// with a real glyph in both faces. Runes beyond the Basic Multilingual Plane never are:
// gofpdf's width tables stop there.
func (c *Coverage) Covered(r rune) bool {
	if r == ' ' {
		return true
	}
	if ok, seen := c.known[r]; seen {
		return ok
	}
	ok := r > 0 && r <= 0xFFFF
	for _, f := range c.fonts {
		if !ok {
			break
		}
		idx, err := f.GlyphIndex(&c.buf, r)
		ok = err == nil && idx != 0
	}
	c.known[r] = ok
	return ok
}
