package eligibility

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestFieldErrorMessage(t *testing.T) {
	tests := []struct {
		err  FieldError
		want string
	}{
		{FieldError{Problem: ProblemSyntax, Line: 3, Column: 7}, "input: not valid JSON at line 3, column 7"},
		{FieldError{Problem: ProblemSyntax}, "input: not valid JSON"},
		{FieldError{Field: "agee", Problem: ProblemUnknown}, "agee: no such field"},
		{FieldError{Field: "age", Problem: ProblemType, Want: WantWholeNumber}, "age: wrong type, want whole number"},
		{FieldError{Field: "nrm_conclusive_grounds", Problem: ProblemValue, Allowed: []string{"positive", "negative", "pending"}},
			"nrm_conclusive_grounds: not one of positive, negative, pending"},
		{FieldError{Field: "facts.children_ages[1]", Problem: ProblemValue, Min: "0", Max: "25"},
			"facts.children_ages[1]: out of range 0 to 25"},
		{FieldError{Field: "nationality", Problem: ProblemValue, Want: WantCountryCode},
			"nationality: not allowed, want ISO 3166-1 alpha-2 code"},
		{FieldError{Field: "age", Problem: ProblemValue, Want: WantOnce}, "age: given more than once"},
		{FieldError{Field: "steps[2].due", Problem: ProblemDate, Want: WantDate}, "steps[2].due: not a real date, want YYYY-MM-DD"},
		{FieldError{Field: "reference", Problem: ProblemMissing}, "reference: required"},
		{FieldError{Field: "reference", Problem: ProblemTooLong, Max: "64", Want: WantUnitChars},
			"reference: too long, at most 64 characters"},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestFieldErrorIsBadInput(t *testing.T) {
	var err error = &FieldError{Field: "age", Problem: ProblemValue}
	wrapped := fmt.Errorf("read facts: %w", err)
	if !errors.Is(err, ErrBadInput) || !errors.Is(wrapped, ErrBadInput) {
		t.Fatal("FieldError is not ErrBadInput")
	}
	var fe *FieldError
	if !errors.As(wrapped, &fe) || fe.Field != "age" {
		t.Fatal("FieldError lost through wrapping")
	}
	if errors.Is(errors.New("disk full"), ErrBadInput) {
		t.Fatal("an unrelated error is ErrBadInput")
	}
}

func TestWithPrefix(t *testing.T) {
	tests := []struct{ field, prefix, want string }{
		{"age", "facts", "facts.age"},
		{"children_ages[1]", "facts", "facts.children_ages[1]"},
		{"", "facts", "facts"},
		{"owner", "steps[2]", "steps[2].owner"},
		{"[0]", "list", "list[0]"},
		{"age", "", "age"},
	}
	for _, tc := range tests {
		orig := &FieldError{Field: tc.field, Problem: ProblemValue, Allowed: []string{"a"}}
		err := WithPrefix(fmt.Errorf("wrapped: %w", orig), tc.prefix)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != tc.want {
			t.Errorf("%q + %q: got %v, want field %q", tc.prefix, tc.field, err, tc.want)
			continue
		}
		if tc.prefix != "" {
			fe.Allowed[0] = "changed"
			if orig.Allowed[0] != "a" || orig.Field != tc.field {
				t.Errorf("WithPrefix changed the original error")
			}
		}
	}
	if WithPrefix(nil, "facts") != nil {
		t.Error("WithPrefix(nil) is not nil")
	}
	plain := errors.New("other")
	if WithPrefix(plain, "facts") != plain {
		t.Error("WithPrefix changed a non-field error")
	}
}

func TestJoinPath(t *testing.T) {
	tests := []struct{ parent, key, want string }{
		{"", "age", "age"},
		{"facts", "age", "facts.age"},
		{"", "", `""`},
		{"", "a.b", `"a.b"`},
		{"", "ţară", `"\u0163ar\u0103"`},
		{"", strings.Repeat("k", 70), `"` + strings.Repeat("k", 64) + `\u2026"`},
	}
	for _, tc := range tests {
		if got := JoinPath(tc.parent, tc.key); got != tc.want {
			t.Errorf("JoinPath(%q, %q) = %q, want %q", tc.parent, tc.key, got, tc.want)
		}
	}
	if got := IndexPath("steps", 12); got != "steps[12]" {
		t.Errorf("IndexPath = %q", got)
	}
}
