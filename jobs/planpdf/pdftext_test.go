package planpdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// pdfText reads back what a plan shows, page by page, from its content streams. gofpdf writes
// text in a UTF-8 font as UTF-16BE strings shown with Tj, so decompressing each page stream and
// decoding those strings gives the page's text, one string per line drawn. Streams without
// text operators (fonts, images) are skipped.
func pdfText(t *testing.T, pdf []byte) []string {
	t.Helper()
	var pages []string
	for _, stream := range pdfStreams(t, pdf) {
		if !bytes.Contains(stream, []byte("BT ")) || !bytes.Contains(stream, []byte("Tj")) {
			continue
		}
		var lines []string
		for _, m := range tjString.FindAllSubmatch(stream, -1) {
			lines = append(lines, decodeUTF16(t, unescapePDF(m[1])))
		}
		pages = append(pages, strings.Join(lines, "\n"))
	}
	return pages
}

// tjString matches a literal string shown with Tj; the body allows escaped parentheses.
var tjString = regexp.MustCompile(`(?s)\(((?:\\.|[^\\)])*)\) ?Tj`)

// pdfStreams returns every stream of the file, inflated when it is compressed.
func pdfStreams(t *testing.T, pdf []byte) [][]byte {
	t.Helper()
	var out [][]byte
	rest := pdf
	for {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			return out
		}
		rest = rest[i+len("stream\n"):]
		j := bytes.Index(rest, []byte("\nendstream"))
		if j < 0 {
			t.Fatal("stream without endstream")
		}
		raw := rest[:j]
		rest = rest[j+len("\nendstream"):]
		if zr, err := zlib.NewReader(bytes.NewReader(raw)); err == nil {
			if data, err := io.ReadAll(zr); err == nil {
				out = append(out, data)
				continue
			}
		}
		out = append(out, raw)
	}
}

// unescapePDF undoes the escapes of a PDF literal string.
func unescapePDF(s []byte) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			out = append(out, c)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			end := i + 1
			for end < len(s) && end < i+3 && s[end] >= '0' && s[end] <= '7' {
				end++
			}
			v, _ := strconv.ParseUint(string(s[i:end]), 8, 8)
			out = append(out, byte(v))
			i = end - 1
		default:
			out = append(out, e)
		}
	}
	return out
}

// decodeUTF16 decodes big-endian UTF-16, without a byte-order mark, as gofpdf writes page text.
func decodeUTF16(t *testing.T, b []byte) string {
	t.Helper()
	if len(b)%2 != 0 {
		t.Fatalf("odd-length UTF-16 string % x", b)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// pdfInfo returns the document information dictionary, with its UTF-16 strings decoded, so a
// test can read the metadata as text.
func pdfInfo(t *testing.T, pdf []byte) string {
	t.Helper()
	i := bytes.Index(pdf, []byte("/CreationDate"))
	if i < 0 {
		t.Fatal("no document information dictionary")
	}
	start := bytes.LastIndex(pdf[:i], []byte("<<"))
	end := bytes.Index(pdf[i:], []byte(">>"))
	dict := pdf[start : i+end+2]
	// Strings set with isUTF8 are written as (FE FF + UTF-16BE), escaped.
	var out []byte
	for {
		i := bytes.Index(dict, []byte("(\xfe\xff"))
		if i < 0 {
			return string(append(out, dict...))
		}
		out = append(out, dict[:i+1]...)
		j := i + 3
		for j < len(dict) && dict[j] != ')' {
			if dict[j] == '\\' {
				j++
			}
			j++
		}
		out = append(out, decodeUTF16(t, unescapePDF(dict[i+3:j]))...)
		dict = dict[j:]
	}
}

func TestUnescapePDF(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`plain`, "plain"},
		{`a\(b\)c`, "a(b)c"},
		{`back\\slash`, `back\slash`},
		{`\r\n`, "\r\n"},
		{`\101\0`, "A\x00"},
	} {
		if got := string(unescapePDF([]byte(tc.in))); got != tc.want {
			t.Errorf("unescapePDF(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
