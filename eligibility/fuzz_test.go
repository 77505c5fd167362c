package eligibility

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecodeFacts checks that no input makes DecodeFacts panic, that every rejection is a
// one-line *FieldError, and that every accepted input encodes and decodes back to the same
// facts. Seeds are in testdata/fuzz/FuzzDecodeFacts and run with plain `go test`.
func FuzzDecodeFacts(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		facts, err := DecodeFacts(data)
		if err != nil {
			checkRejection(t, err)
			return
		}
		if err := facts.Validate(); err != nil {
			t.Fatalf("accepted facts do not validate: %v", err)
		}
		enc, err := EncodeFacts(facts)
		if err != nil {
			t.Fatalf("accepted facts do not encode: %v", err)
		}
		back, err := DecodeFacts(enc)
		if err != nil {
			t.Fatalf("encoded facts %s do not decode: %v", enc, err)
		}
		if !reflect.DeepEqual(back, facts) {
			t.Fatalf("round trip changed the facts:\n%+v\n%+v", facts, back)
		}
		enc2, err := EncodeFacts(back)
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("encoding is not stable: %s then %s (%v)", enc, enc2, err)
		}
	})
}

func checkRejection(t *testing.T, err error) {
	t.Helper()
	var fe *FieldError
	if !errors.As(err, &fe) || !errors.Is(err, ErrBadInput) {
		t.Fatalf("rejection %v (%T) is not a *FieldError", err, err)
	}
	msg := err.Error()
	if !utf8.ValidString(msg) || strings.ContainsAny(msg, "\n\r") {
		t.Fatalf("error message is not one clean line: %q", msg)
	}
	if fe.Problem == ProblemSyntax && fe.Line < 1 {
		t.Fatalf("syntax error without a position: %v", err)
	}
}
