package printout

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"waymark/jobs/printfont"
)

// ReplacementMark is printed in place of a character the report's font cannot draw (a white
// square, which Liberation Sans has), so a reader sees that something is there.
const ReplacementMark = "□"

// glyphs replaces what the print font cannot draw, for one document.
type glyphs struct{ *printfont.Coverage }

func newGlyphs() (*glyphs, error) {
	c, err := printfont.NewCoverage()
	if err != nil {
		return nil, err
	}
	return &glyphs{c}, nil
}

// Covered reports whether every rune of s can be printed in the report's faces. Tests use it
// to check that every translated word of the report is covered.
func Covered(s string) (bool, error) {
	g, err := newGlyphs()
	if err != nil {
		return false, err
	}
	for _, r := range s {
		if r != '\n' && !g.Covered(r) {
			return false, nil
		}
	}
	return true, nil
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
		case g.Covered(r):
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
