// Package pdftext reads back what a PDF made by gofpdf shows, so tests of the printed plan and
// the person's data report can check their words without a PDF library. gofpdf writes text in a
// UTF-8 font as UTF-16BE strings shown with Tj; inflating each page stream and decoding those
// strings gives the page's text, one string per line drawn.
package pdftext

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Pages returns the text of each page, one line per string drawn. Streams without text
// operators (fonts, images) are skipped.
func Pages(pdf []byte) ([]string, error) {
	all, err := Streams(pdf)
	if err != nil {
		return nil, err
	}
	var pages []string
	for _, stream := range all {
		if !bytes.Contains(stream, []byte("BT ")) || !bytes.Contains(stream, []byte("Tj")) {
			continue
		}
		var lines []string
		for _, m := range tjString.FindAllSubmatch(stream, -1) {
			s, err := decodeUTF16(unescape(m[1]))
			if err != nil {
				return nil, err
			}
			lines = append(lines, s)
		}
		pages = append(pages, strings.Join(lines, "\n"))
	}
	return pages, nil
}

// tjString matches a literal string shown with Tj; the body allows escaped parentheses.
var tjString = regexp.MustCompile(`(?s)\(((?:\\.|[^\\)])*)\) ?Tj`)

// Streams returns every stream of the file, inflated when it is compressed.
func Streams(pdf []byte) ([][]byte, error) {
	var out [][]byte
	rest := pdf
	for {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			return out, nil
		}
		rest = rest[i+len("stream\n"):]
		j := bytes.Index(rest, []byte("\nendstream"))
		if j < 0 {
			return nil, errors.New("pdftext: stream without endstream")
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

// unescape undoes the escapes of a PDF literal string.
func unescape(s []byte) []byte {
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
func decodeUTF16(b []byte) (string, error) {
	if len(b)%2 != 0 {
		return "", fmt.Errorf("pdftext: odd-length UTF-16 string % x", b)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u)), nil
}

// Info returns the document information dictionary, with its UTF-16 strings decoded, so a
// test can read the metadata as text.
func Info(pdf []byte) (string, error) {
	i := bytes.Index(pdf, []byte("/CreationDate"))
	if i < 0 {
		return "", errors.New("pdftext: no document information dictionary")
	}
	start := bytes.LastIndex(pdf[:i], []byte("<<"))
	end := bytes.Index(pdf[i:], []byte(">>"))
	dict := pdf[start : i+end+2]
	// Strings set with isUTF8 are written as (FE FF + UTF-16BE), escaped.
	var out []byte
	for {
		i := bytes.Index(dict, []byte("(\xfe\xff"))
		if i < 0 {
			return string(append(out, dict...)), nil
		}
		out = append(out, dict[:i+1]...)
		j := i + 3
		for j < len(dict) && dict[j] != ')' {
			if dict[j] == '\\' {
				j++
			}
			j++
		}
		s, err := decodeUTF16(unescape(dict[i+3 : j]))
		if err != nil {
			return "", err
		}
		out = append(out, s...)
		dict = dict[j:]
	}
}
