package planpdf

import (
	"strings"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// vietnamese is every vowel of Vietnamese with each of its five tone marks, composed (NFC),
// plus đ: the letters a Vietnamese plan needs.
func vietnamese() string {
	var sb strings.Builder
	for _, v := range "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" {
		sb.WriteRune(v)
		for _, tone := range []rune{0x300, 0x309, 0x303, 0x301, 0x323} {
			sb.WriteString(norm.NFC.String(string([]rune{v, tone})))
		}
	}
	return sb.String() + "Đđ"
}

// scripts are the letters of the languages a survivor in the UK is likely to read, beyond
// English.
var scripts = map[string]string{
	"Romanian":   "ĂăÂâÎîȘșȚț",
	"Polish":     "ĄąĆćĘęŁłŃńÓóŚśŹźŻż„”",
	"Bulgarian":  "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯабвгдежзийклмнопрстуфхцчшщъьюяЍѝ",
	"Lithuanian": "ĄČĘĖĮŠŲŪŽąčęėįšųūž",
	"Vietnamese": vietnamese(),
	"Albanian":   "ÇçËë",
	"Ukrainian":  "ҐґЄєІіЇї",
	"typography": "£€–—’“”…·",
}

// missing lists the runes of s that font has no glyph for.
func missing(t *testing.T, font []byte, s string) string {
	t.Helper()
	f, err := sfnt.Parse(font)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	var out []rune
	for _, r := range s {
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			out = append(out, r)
		}
	}
	return string(out)
}

// TestFontCoverage records the measurement behind the choice of font: Liberation Sans, which the
// plan embeds, and DejaVu Sans both have every letter of these languages, so the smaller,
// faster Liberation Sans is used. It lacks the ballot-box characters, which is why tick boxes
// are drawn.
func TestFontCoverage(t *testing.T) {
	fonts := map[string][]byte{
		"Liberation Sans": fontRegular, "Liberation Sans Bold": fontBold,
		"DejaVu Sans": dejavusans.TTF, "DejaVu Sans Bold": dejavusansbold.TTF,
	}
	for name, font := range fonts {
		for lang, letters := range scripts {
			if m := missing(t, font, letters); m != "" {
				t.Errorf("%s lacks %s letters %q", name, lang, m)
			}
		}
	}
	if m := missing(t, fontRegular, "☐☑"); m != "☐☑" {
		t.Errorf("Liberation Sans has ballot boxes now (%q missing): typing them could replace the drawn boxes", m)
	}
}

func TestGlyphChecker(t *testing.T) {
	g, err := newGlyphChecker()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		ok   bool
	}{
		{"Ștefan Țurcanu", true},
		{"Zażółć gęślą jaźń", true},
		{"Нгуен", true},
		{"Nguyễn Thị Ánh", true},
		{"1\u00a0234,50 £", true},
		{"王芳", false},
		{"ქართული", false},
		{"🙂", false},
	} {
		err := g.check("name", tc.text)
		if (err == nil) != tc.ok {
			t.Errorf("check(%q) = %v, want ok=%v", tc.text, err, tc.ok)
		}
	}
}

// TestEveryPrintedRuneHasAGlyph reads back the text of every golden plan and looks each rune up
// in the embedded fonts directly, so a letter printed as an empty box fails here.
func TestEveryPrintedRuneHasAGlyph(t *testing.T) {
	seen := map[rune]bool{}
	for _, g := range goldens {
		in := sampleInput(t, g.lang, g.safe)
		in.Page = g.page
		for _, page := range pdfText(t, renderBytes(t, in)) {
			for _, r := range page {
				if r != '\n' {
					seen[r] = true
				}
			}
		}
	}
	var all strings.Builder
	for r := range seen {
		all.WriteRune(r)
	}
	for _, font := range [][]byte{fontRegular, fontBold} {
		if m := missing(t, font, all.String()); m != "" {
			t.Errorf("printed runes without a glyph: %q", m)
		}
	}
	if !seen['ș'] || !seen['ł'] {
		t.Error("the goldens no longer print Romanian and Polish letters, so this test checks too little")
	}
}
