package eligibility

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// JSONReader reads one JSON document field by field and reports every mistake as a
// *FieldError naming the field. encoding/json's Unmarshal would ignore unknown keys, match keys
// case-insensitively and keep the last of two equal keys; for a facts file any of those could
// silently give a survivor a wrong answer, so the contract decoders (facts here, case files and
// offers in package jobs) read through this instead.
//
// A JSONReader stops at the first mistake: callers return the first error they get.
type JSONReader struct {
	dec *json.Decoder
}

// NewJSONReader checks that data is at most maxBytes long and is exactly one valid JSON value
// (a leading UTF-8 byte-order mark, as some Windows editors write, is allowed), and returns a
// reader positioned before that value. Syntax errors are reported with their line and column.
func NewJSONReader(data []byte, maxBytes int) (*JSONReader, error) {
	if maxBytes > 0 && len(data) > maxBytes {
		return nil, &FieldError{Problem: ProblemTooLong, Max: strconv.Itoa(maxBytes), Want: WantUnitBytes}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !json.Valid(data) {
		return nil, syntaxError(data)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return &JSONReader{dec: dec}, nil
}

// syntaxError locates the first syntax mistake in data, which json.Valid has rejected.
func syntaxError(data []byte) *FieldError {
	fe := &FieldError{Problem: ProblemSyntax}
	var raw json.RawMessage
	var se *json.SyntaxError
	if err := json.Unmarshal(data, &raw); !errors.As(err, &se) {
		return fe
	}
	// Offset counts the bytes read, including the offending one.
	pos := int(se.Offset) - 1
	pos = max(0, min(pos, len(data)))
	before := data[:pos]
	fe.Line = 1 + bytes.Count(before, []byte("\n"))
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	fe.Column = 1 + utf8.RuneCount(before[lineStart:])
	return fe
}

// token reads the next token. The document was validated up front, so a failure here is a
// program error rather than bad input; it is still reported as bad input at path rather than
// allowed to panic.
func (r *JSONReader) token(path string) (json.Token, error) {
	t, err := r.dec.Token()
	if err != nil {
		return nil, &FieldError{Field: path, Problem: ProblemSyntax}
	}
	return t, nil
}

// Object reads an object at path, calling field once for each key in document order with the
// key and the key's path; field must read the value (with one of the reader's methods) or
// return an error, typically r.Unknown(path). A key given twice is a ProblemValue with
// Want WantOnce. present is false when the value is JSON null.
func (r *JSONReader) Object(path string, field func(key, path string) error) (present bool, err error) {
	t, err := r.token(path)
	if err != nil {
		return false, err
	}
	if t == nil {
		return false, nil
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return false, typeError(path, WantObject)
	}
	seen := make(map[string]bool)
	for r.dec.More() {
		kt, err := r.token(path)
		if err != nil {
			return false, err
		}
		key, _ := kt.(string)
		kp := JoinPath(path, key)
		if seen[key] {
			return false, &FieldError{Field: kp, Problem: ProblemValue, Want: WantOnce}
		}
		seen[key] = true
		if err := field(key, kp); err != nil {
			return false, err
		}
	}
	if _, err := r.token(path); err != nil { // the closing brace
		return false, err
	}
	return true, nil
}

// List reads a list at path, calling item for each element with its index and path; item must
// read the element. want names the expected type for a ProblemType (WantList or
// WantWholeNumberList); more than maxItems elements is a ProblemTooLong (maxItems <= 0 means no
// limit). present is false when the value is JSON null.
func (r *JSONReader) List(path, want string, maxItems int, item func(i int, path string) error) (present bool, err error) {
	t, err := r.token(path)
	if err != nil {
		return false, err
	}
	if t == nil {
		return false, nil
	}
	if d, ok := t.(json.Delim); !ok || d != '[' {
		return false, typeError(path, want)
	}
	for i := 0; r.dec.More(); i++ {
		if maxItems > 0 && i >= maxItems {
			return false, &FieldError{Field: path, Problem: ProblemTooLong, Max: strconv.Itoa(maxItems), Want: WantUnitItems}
		}
		if err := item(i, IndexPath(path, i)); err != nil {
			return false, err
		}
	}
	if _, err := r.token(path); err != nil { // the closing bracket
		return false, err
	}
	return true, nil
}

// String reads a JSON string at path. present is false when the value is JSON null.
func (r *JSONReader) String(path string) (s string, present bool, err error) {
	t, err := r.token(path)
	if err != nil || t == nil {
		return "", false, err
	}
	s, ok := t.(string)
	if !ok {
		return "", false, typeError(path, WantText)
	}
	return s, true, nil
}

// Bool reads true or false at path. present is false when the value is JSON null.
func (r *JSONReader) Bool(path string) (b bool, present bool, err error) {
	t, err := r.token(path)
	if err != nil || t == nil {
		return false, false, err
	}
	b, ok := t.(bool)
	if !ok {
		return false, false, typeError(path, WantBool)
	}
	return b, true, nil
}

// WholeNumber reads a whole number in [lo, hi] at path. A number written with a zero fraction
// or an exponent (30.0, 3e1) is accepted when its value is whole, because spreadsheets and
// other tools write numbers that way; 30.5 is a ProblemType. present is false for JSON null.
func (r *JSONReader) WholeNumber(path string, lo, hi int) (n int, present bool, err error) {
	t, err := r.token(path)
	if err != nil || t == nil {
		return 0, false, err
	}
	num, ok := t.(json.Number)
	if !ok {
		return 0, false, typeError(path, WantWholeNumber)
	}
	if i, err := strconv.ParseInt(string(num), 10, 64); err == nil {
		if i < int64(lo) || i > int64(hi) {
			return 0, false, RangeError(path, float64(lo), float64(hi))
		}
		return int(i), true, nil
	}
	f, err := strconv.ParseFloat(string(num), 64)
	if err != nil && !math.IsInf(f, 0) {
		return 0, false, typeError(path, WantWholeNumber)
	}
	if !math.IsInf(f, 0) && f != math.Trunc(f) {
		return 0, false, typeError(path, WantWholeNumber)
	}
	if f < float64(lo) || f > float64(hi) {
		return 0, false, RangeError(path, float64(lo), float64(hi))
	}
	return int(f), true, nil
}

// Number reads a finite number in [lo, hi] at path. present is false for JSON null.
func (r *JSONReader) Number(path string, lo, hi float64) (f float64, present bool, err error) {
	t, err := r.token(path)
	if err != nil || t == nil {
		return 0, false, err
	}
	num, ok := t.(json.Number)
	if !ok {
		return 0, false, typeError(path, WantNumber)
	}
	f, err = strconv.ParseFloat(string(num), 64)
	if err != nil && !math.IsInf(f, 0) {
		return 0, false, typeError(path, WantNumber)
	}
	if math.IsInf(f, 0) || f < lo || f > hi {
		return 0, false, RangeError(path, lo, hi)
	}
	if f == 0 {
		f = 0 // no negative zero: it would print as -0
	}
	return f, true, nil
}

// Unknown is the error for a key that the object at path's parent does not have.
func (r *JSONReader) Unknown(path string) error {
	return &FieldError{Field: path, Problem: ProblemUnknown}
}

// RangeError is the ProblemValue for a number outside the inclusive range [lo, hi].
func RangeError(path string, lo, hi float64) *FieldError {
	return &FieldError{Field: path, Problem: ProblemValue, Min: formatNumber(lo), Max: formatNumber(hi)}
}

func typeError(path, want string) *FieldError {
	return &FieldError{Field: path, Problem: ProblemType, Want: want}
}

func formatNumber(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// JoinPath gives the path of key inside the object at parent, as FieldError.Field spells it:
// "facts" + "age" is "facts.age". A key that is not a plain name (letters, digits, _ and -, at
// most 64 characters) is quoted, so a stray key can never break the one-line error message.
func JoinPath(parent, key string) string {
	if !plainKey(key) {
		if utf8.RuneCountInString(key) > 64 {
			key = string([]rune(key)[:64]) + "…"
		}
		key = strconv.QuoteToASCII(key)
	}
	if parent == "" {
		return key
	}
	return parent + "." + key
}

// IndexPath gives the path of element i of the list at parent: "steps" and 2 is "steps[2]".
func IndexPath(parent string, i int) string {
	return fmt.Sprintf("%s[%d]", parent, i)
}

func plainKey(key string) bool {
	if key == "" || len(key) > 64 {
		return false
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
