package jobs

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"waymark/eligibility"
)

// The limits of the case-file contract: long enough for any real reference, name or step,
// short enough that a pasted document or a runaway script is caught.
const (
	MaxReferenceChars = 64
	MaxNameChars      = 200
	MaxStepChars      = 500
	MaxSteps          = 200
	MaxCaseFileBytes  = 1 << 20
)

// Owners lists the allowed step owners in contract order, for pickers and error messages. The
// slice is a fresh copy.
func Owners() []string {
	return []string{string(OwnerSurvivor), string(OwnerAdviser), string(OwnerOther)}
}

// Validate checks a step against the case-file contract: code is empty or one of StepCodes();
// text is required, at most MaxStepChars characters and on one line; owner is one of Owners();
// due is empty or a real YYYY-MM-DD date. Errors are *eligibility.FieldError with paths "code",
// "text", "owner", "due".
func (s Step) Validate() error {
	if err := checkCode("code", s.Code); err != nil {
		return err
	}
	if err := checkText("text", s.Text, MaxStepChars, true); err != nil {
		return err
	}
	if err := checkOwner("owner", s.Owner); err != nil {
		return err
	}
	return checkDue("due", s.Due)
}

// checkText enforces the rules shared by every text field of a case file: present when
// required (blank counts as absent), at most maxChars characters, and no control characters or
// line breaks, which would break a one-line listing or the printed plan's layout.
func checkText(path, s string, maxChars int, required bool) error {
	if required && strings.TrimSpace(s) == "" {
		return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemMissing}
	}
	if utf8.RuneCountInString(s) > maxChars {
		return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemTooLong,
			Max: strconv.Itoa(maxChars), Want: eligibility.WantUnitChars}
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.In(r, unicode.Zl, unicode.Zp) {
			return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemValue, Want: eligibility.WantNoControl}
		}
	}
	return nil
}

// checkLanguage accepts a lower-case ISO 639 code of two or three letters ("ro", "pl", "fil").
// Whether the language is shipped is for the caller to decide: a plan falls back to English.
func checkLanguage(path, s string) error {
	if s == "" {
		return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemMissing}
	}
	if len(s) < 2 || len(s) > 3 || strings.IndexFunc(s, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemValue, Want: eligibility.WantLanguageCode}
	}
	return nil
}

// checkOwner accepts one of Owners().
func checkOwner(path string, o Owner) error {
	if o == "" {
		return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemMissing}
	}
	if !slices.Contains(Owners(), string(o)) {
		return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemValue, Allowed: Owners()}
	}
	return nil
}

// checkDue accepts no date (empty) or a real YYYY-MM-DD date.
func checkDue(path, d string) error {
	if d == "" {
		return nil
	}
	if _, ok := eligibility.ParseDate(d); !ok {
		return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemDate, Want: eligibility.WantDate}
	}
	return nil
}
