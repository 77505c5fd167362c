package offer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"waymark/eligibility"
)

// FuzzDecode checks that no input makes Decode or Check panic, that every rejection is a
// one-line *eligibility.FieldError, that every accepted offer encodes and decodes back to the
// same value, and that Check on it gives only known flags with sources. The scenario offers
// and a few malformed inputs are the seeds.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		fullOffer, `{}`, `null`, `[]`, `{"worker_age": 30.0}`, `{"date": "2026-02-29"}`,
		`{"sector": "agriculture", "labour_provider_licensed": false}`, `{"hourly_pay": 1e-320}`,
		`{"a": {"b": [1, 2, {"c": null}]}}`, "\xef\xbb\xbf{\"isolated\": true}", `{"worker_age": 1, "worker_age": 2}`,
	} {
		f.Add([]byte(seed))
	}
	files, _ := filepath.Glob("testdata/scenarios/*.json")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, part := range bytes.Split(data, []byte(`"offer": `)) {
			if end := bytes.IndexByte(part, '}'); end > 0 && part[0] == '{' {
				f.Add(part[:end+1])
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		o, err := Decode(data)
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
		if err := o.Validate(); err != nil {
			t.Fatalf("accepted offer does not validate: %v", err)
		}
		enc, err := Encode(o)
		if err != nil {
			t.Fatalf("accepted offer does not encode: %v", err)
		}
		back, err := Decode(enc)
		if err != nil {
			t.Fatalf("encoded offer %s does not decode: %v", enc, err)
		}
		if !reflect.DeepEqual(back, o) {
			t.Fatalf("round trip changed the offer:\n%+v\n%+v", o, back)
		}
		res := Check(o, checkDay)
		if res.Flags == nil {
			t.Fatalf("flags are nil")
		}
		for _, fl := range res.Flags {
			if _, ok := specs[fl.Code]; !ok || fl.Source == "" || fl.MessageID == "" {
				t.Fatalf("flag %+v is not a known, sourced flag", fl)
			}
		}
		for _, p := range []*float64{res.EffectiveHourlyPay, res.MinimumHourlyPay} {
			if p != nil && (*p != *p || *p > MaxHourlyPay+MaxWeeklyAmount*2) {
				t.Fatalf("pay figure %v is not a sensible number", *p)
			}
		}
	})
}
