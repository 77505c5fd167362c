package jobs

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"waymark/eligibility"
)

// FuzzDecodeCaseFile checks that no input makes DecodeCaseFile panic, that every rejection is a
// one-line *eligibility.FieldError, and that every accepted case file encodes and decodes back
// to the same value. Seeds are in testdata/fuzz/FuzzDecodeCaseFile and run with `go test`.
func FuzzDecodeCaseFile(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := DecodeCaseFile(data)
		if err != nil {
			var fe *eligibility.FieldError
			if !errors.As(err, &fe) || !errors.Is(err, eligibility.ErrBadInput) {
				t.Fatalf("rejection %v (%T) is not a *FieldError", err, err)
			}
			if msg := err.Error(); !utf8.ValidString(msg) || strings.ContainsAny(msg, "\n\r") {
				t.Fatalf("error message is not one clean line: %q", msg)
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("accepted case file does not validate: %v", err)
		}
		enc, err := EncodeCaseFile(c)
		if err != nil {
			t.Fatalf("accepted case file does not encode: %v", err)
		}
		back, err := DecodeCaseFile(enc)
		if err != nil {
			t.Fatalf("encoded case file %s does not decode: %v", enc, err)
		}
		if !reflect.DeepEqual(back, c) {
			t.Fatalf("round trip changed the case file:\n%+v\n%+v", c, back)
		}
		enc2, err := EncodeCaseFile(back)
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("encoding is not stable: %s then %s (%v)", enc, enc2, err)
		}
	})
}

// FuzzDecodeProfile checks that no input makes DecodeProfile panic, that every rejection is a
// one-line *eligibility.FieldError, and that every accepted profile validates and encodes and
// decodes back to the same value. Seeds are in testdata/fuzz/FuzzDecodeProfile.
func FuzzDecodeProfile(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := DecodeProfile(data)
		if err != nil {
			var fe *eligibility.FieldError
			if !errors.As(err, &fe) || !errors.Is(err, eligibility.ErrBadInput) {
				t.Fatalf("rejection %v (%T) is not a *FieldError", err, err)
			}
			if msg := err.Error(); !utf8.ValidString(msg) || strings.ContainsAny(msg, "\n\r") {
				t.Fatalf("error message is not one clean line: %q", msg)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("accepted profile does not validate: %v", err)
		}
		enc, err := EncodeProfile(p)
		if err != nil {
			t.Fatalf("accepted profile does not encode: %v", err)
		}
		back, err := DecodeProfile(enc)
		if err != nil {
			t.Fatalf("encoded profile %s does not decode: %v", enc, err)
		}
		if !reflect.DeepEqual(back, p) {
			t.Fatalf("round trip changed the profile:\n%+v\n%+v", p, back)
		}
	})
}
