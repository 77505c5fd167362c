package eligibility

import (
	"errors"
	"strconv"
	"strings"
)

// ErrBadInput marks every error caused by the content of an input file rather than by the
// program, so the command line can exit with status 2 and the desktop app can show the field
// instead of a generic failure. Test with errors.Is(err, ErrBadInput).
var ErrBadInput = errors.New("bad input")

// Problem says what kind of mistake a FieldError reports. It is a stable identifier: the
// interview and the command line translate from it (and the other FieldError fields), never
// from the English text of Error().
type Problem string

// The problems a strict decoder reports.
const (
	// ProblemSyntax: the input is not valid JSON (or has data after the top-level value).
	// Line and Column say where.
	ProblemSyntax Problem = "syntax"
	// ProblemUnknown: the object has no field of this name, usually a typo.
	ProblemUnknown Problem = "unknown"
	// ProblemType: the value has the wrong JSON type; Want names the expected type.
	ProblemType Problem = "type"
	// ProblemValue: the type is right but the value is not allowed. Allowed lists the allowed
	// values of an enum; Min and Max give an allowed range; Want names a required shape
	// (WantCountryCode, WantLanguageCode, WantNoControl) or WantOnce for a repeated key.
	ProblemValue Problem = "value"
	// ProblemDate: the text is not a real calendar date written as YYYY-MM-DD.
	ProblemDate Problem = "date"
	// ProblemMissing: a required field is absent, null or blank.
	ProblemMissing Problem = "missing"
	// ProblemTooLong: text, a list or the whole input is longer than allowed; Max gives the
	// limit and Want its unit (WantUnitChars, WantUnitItems, WantUnitBytes).
	ProblemTooLong Problem = "too_long"
)

// The values FieldError.Want takes. They are stable identifiers as well as English phrases, so
// a caller may switch on them to pick a translated message.
const (
	WantWholeNumber     = "whole number"
	WantBool            = "true or false"
	WantNumber          = "number"
	WantText            = "text"
	WantWholeNumberList = "list of whole numbers"
	WantObject          = "object"
	WantList            = "list"
	WantCountryCode     = "ISO 3166-1 alpha-2 code"
	WantLanguageCode    = "ISO 639 code"
	WantDate            = "YYYY-MM-DD"
	WantNoControl       = "text without control characters"
	WantOnce            = "given once"
	WantUnitChars       = "characters"
	WantUnitItems       = "items"
	WantUnitBytes       = "bytes"
)

// FieldError reports one mistake in an input file, naming the field so an adviser can fix the
// file without guessing. It never carries the offending value, which may be personal data.
type FieldError struct {
	// Field is the path of the field, e.g. "age", "facts.children_ages[1]", "steps[2].owner";
	// empty when the mistake is in the input as a whole (syntax, size, top-level type).
	Field string
	// Problem is the kind of mistake.
	Problem Problem
	// Allowed lists the allowed values of an enum field, in contract order.
	Allowed []string
	// Want names the expected type (ProblemType), shape (ProblemValue) or unit of Max
	// (ProblemTooLong); see the Want... constants.
	Want string
	// Min and Max are the inclusive bounds of a numeric range (ProblemValue) and Max the limit
	// of a ProblemTooLong, written as JSON numbers; empty when they do not apply.
	Min, Max string
	// Line and Column (both from 1) locate a ProblemSyntax; zero otherwise.
	Line, Column int
}

// Error gives one English line for logs and tests. Translated messages are built from the
// fields instead.
func (e *FieldError) Error() string {
	name := e.Field
	if name == "" {
		name = "input"
	}
	var b strings.Builder
	b.WriteString(name)
	b.WriteString(": ")
	switch e.Problem {
	case ProblemSyntax:
		b.WriteString("not valid JSON")
		if e.Line > 0 {
			b.WriteString(" at line ")
			b.WriteString(strconv.Itoa(e.Line))
			b.WriteString(", column ")
			b.WriteString(strconv.Itoa(e.Column))
		}
	case ProblemUnknown:
		b.WriteString("no such field")
	case ProblemType:
		b.WriteString("wrong type, want ")
		b.WriteString(e.Want)
	case ProblemValue:
		switch {
		case len(e.Allowed) > 0:
			b.WriteString("not one of ")
			b.WriteString(strings.Join(e.Allowed, ", "))
		case e.Min != "" || e.Max != "":
			b.WriteString("out of range ")
			b.WriteString(e.Min)
			b.WriteString(" to ")
			b.WriteString(e.Max)
		case e.Want == WantOnce:
			b.WriteString("given more than once")
		case e.Want != "":
			b.WriteString("not allowed, want ")
			b.WriteString(e.Want)
		default:
			b.WriteString("value not allowed")
		}
	case ProblemDate:
		b.WriteString("not a real date, want YYYY-MM-DD")
	case ProblemMissing:
		b.WriteString("required")
	case ProblemTooLong:
		b.WriteString("too long")
		if e.Max != "" {
			b.WriteString(", at most ")
			b.WriteString(e.Max)
			if e.Want != "" {
				b.WriteString(" ")
				b.WriteString(e.Want)
			}
		}
	default:
		b.WriteString("bad input")
	}
	return b.String()
}

// Unwrap returns ErrBadInput so errors.Is(err, ErrBadInput) holds through any wrapping.
func (e *FieldError) Unwrap() error { return ErrBadInput }

// Is reports whether target is ErrBadInput, for callers that compare without unwrapping.
func (e *FieldError) Is(target error) bool { return target == ErrBadInput }

// WithPrefix returns a copy of err with prefix put in front of its field path, so a decoder for
// a nested object (the facts inside a case file) reports "facts.age" rather than "age". Errors
// that are not a *FieldError are returned unchanged.
func WithPrefix(err error, prefix string) error {
	var fe *FieldError
	if prefix == "" || !errors.As(err, &fe) {
		return err
	}
	c := *fe
	c.Allowed = append([]string(nil), fe.Allowed...)
	switch {
	case c.Field == "":
		c.Field = prefix
	case strings.HasPrefix(c.Field, "["):
		c.Field = prefix + c.Field
	default:
		c.Field = prefix + "." + c.Field
	}
	return &c
}
