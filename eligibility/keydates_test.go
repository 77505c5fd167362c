package eligibility

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

const fullKeyDates = `{
  "reasonable_grounds": "2026-03-01",
  "conclusive_grounds": "2026-06-10",
  "leave_granted": "2026-09-01",
  "leave_expires": "2031-08-31",
  "benefit_decisions": [
    {"benefit": "universal_credit", "decided": "2026-10-01", "refused": true},
    {"benefit": "child_benefit", "decided": "2028-02-29", "refused": false}
  ]
}`

func TestDecodeKeyDates(t *testing.T) {
	k, err := DecodeKeyDates([]byte(fullKeyDates))
	if err != nil {
		t.Fatal(err)
	}
	want := KeyDates{
		ReasonableGrounds: "2026-03-01", ConclusiveGrounds: "2026-06-10",
		LeaveGranted: "2026-09-01", LeaveExpires: "2031-08-31",
		BenefitDecisions: []BenefitDecision{
			{Benefit: "universal_credit", Decided: "2026-10-01", Refused: true},
			{Benefit: "child_benefit", Decided: "2028-02-29"},
		},
	}
	if !reflect.DeepEqual(k, want) {
		t.Errorf("got %+v\nwant %+v", k, want)
	}
	for _, doc := range []string{`{}`, `{"reasonable_grounds": null, "benefit_decisions": null}`, `{"benefit_decisions": []}`, "\xef\xbb\xbf{}"} {
		k, err := DecodeKeyDates([]byte(doc))
		if err != nil || !k.IsEmpty() || k.BenefitDecisions != nil {
			t.Errorf("%q: %+v, %v; want empty key dates", doc, k, err)
		}
	}
}

// TestDecodeKeyDatesRejects: every mistake is a *FieldError naming the field, never a panic,
// never a silently ignored key.
func TestDecodeKeyDatesRejects(t *testing.T) {
	many := `{"benefit_decisions": [` + strings.Repeat(`{"benefit": "pip", "decided": "2026-01-01", "refused": true},`, MaxBenefitDecisions) +
		`{"benefit": "pip", "decided": "2026-01-01", "refused": true}]}`
	cases := []struct {
		name, doc, field string
		problem          Problem
		want             string
	}{
		{"a typo in a key is unknown, not ignored", `{"leave_expire": "2026-12-31"}`, "leave_expire", ProblemUnknown, ""},
		{"a key in capitals is unknown (no case folding)", `{"Leave_Expires": "2026-12-31"}`, "Leave_Expires", ProblemUnknown, ""},
		{"a key given twice", `{"leave_expires": "2026-12-31", "leave_expires": "2027-12-31"}`, "leave_expires", ProblemValue, WantOnce},
		{"29 February in a common year is not a date", `{"reasonable_grounds": "2026-02-29"}`, "reasonable_grounds", ProblemDate, WantDate},
		{"a date without leading zeros", `{"leave_granted": "2026-9-1"}`, "leave_granted", ProblemDate, WantDate},
		{"a date written the British way", `{"leave_expires": "31/12/2026"}`, "leave_expires", ProblemDate, WantDate},
		{"an empty date", `{"conclusive_grounds": ""}`, "conclusive_grounds", ProblemDate, WantDate},
		{"a date as a number", `{"leave_expires": 20261231}`, "leave_expires", ProblemType, WantText},
		{"decisions not a list", `{"benefit_decisions": {"benefit": "pip"}}`, "benefit_decisions", ProblemType, WantList},
		{"a decision that is null", `{"benefit_decisions": [null]}`, "benefit_decisions[0]", ProblemMissing, ""},
		{"a decision that is a string", `{"benefit_decisions": ["pip"]}`, "benefit_decisions[0]", ProblemType, WantObject},
		{"a decision without its benefit", `{"benefit_decisions": [{"decided": "2026-01-01", "refused": true}]}`, "benefit_decisions[0].benefit", ProblemMissing, ""},
		{"a decision without its date", `{"benefit_decisions": [{"benefit": "pip", "refused": true}]}`, "benefit_decisions[0].decided", ProblemMissing, ""},
		{"a decision without its outcome", `{"benefit_decisions": [{"benefit": "pip", "decided": "2026-01-01"}]}`, "benefit_decisions[0].refused", ProblemMissing, ""},
		{"an outcome given as text", `{"benefit_decisions": [{"benefit": "pip", "decided": "2026-01-01", "refused": "yes"}]}`, "benefit_decisions[0].refused", ProblemType, WantBool},
		{"a benefit name in words", `{"benefit_decisions": [{"benefit": "Universal Credit", "decided": "2026-01-01", "refused": true}]}`, "benefit_decisions[0].benefit", ProblemValue, WantBenefitID},
		{"a bad date in the second decision", `{"benefit_decisions": [{"benefit": "pip", "decided": "2026-01-01", "refused": true}, {"benefit": "pip", "decided": "2026-13-01", "refused": true}]}`, "benefit_decisions[1].decided", ProblemDate, WantDate},
		{"an unknown key in a decision", `{"benefit_decisions": [{"benefit": "pip", "decided": "2026-01-01", "refused": true, "amount": 5}]}`, "benefit_decisions[0].amount", ProblemUnknown, ""},
		{"more decisions than the limit", many, "benefit_decisions", ProblemTooLong, WantUnitItems},
		{"a conclusive decision before the reasonable grounds one", `{"reasonable_grounds": "2026-03-01", "conclusive_grounds": "2026-02-28"}`, "conclusive_grounds", ProblemValue, WantNotBeforeReasonableGrounds},
		{"leave that expires before it was granted", `{"leave_granted": "2026-03-01", "leave_expires": "2026-02-28"}`, "leave_expires", ProblemValue, WantNotBeforeLeaveGranted},
		{"a list at the top", `[]`, "", ProblemType, WantObject},
		{"null at the top", `null`, "", ProblemType, WantObject},
		{"data after the object", `{} {}`, "", ProblemSyntax, ""},
		{"not JSON", `{"leave_expires": }`, "", ProblemSyntax, ""},
		{"too big", `{"leave_expires": "` + strings.Repeat(" ", MaxKeyDatesBytes) + `"}`, "", ProblemTooLong, WantUnitBytes},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := DecodeKeyDates([]byte(c.doc))
			var fe *FieldError
			if !errors.As(err, &fe) || !errors.Is(err, ErrBadInput) {
				t.Fatalf("err = %v (%T), want a *FieldError", err, err)
			}
			if fe.Field != c.field || fe.Problem != c.problem || fe.Want != c.want {
				t.Errorf("got field %q problem %q want %q; expected %q %q %q (%v)", fe.Field, fe.Problem, fe.Want, c.field, c.problem, c.want, err)
			}
			checkRejection(t, err)
		})
	}
}

// TestReadKeyDatesNested: embedded in a case file, a mistake names its full path.
func TestReadKeyDatesNested(t *testing.T) {
	r, err := NewJSONReader([]byte(`{"key_dates": {"benefit_decisions": [{"benefit": "pip", "decided": "2026-02-30", "refused": true}]}}`), 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Object("", func(key, kp string) error {
		_, _, err := ReadKeyDates(r, kp)
		return err
	})
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "key_dates.benefit_decisions[0].decided" {
		t.Errorf("err = %v, want key_dates.benefit_decisions[0].decided", err)
	}
	r, _ = NewJSONReader([]byte(`{"key_dates": {"reasonable_grounds": "2026-03-01", "conclusive_grounds": "2026-01-01"}}`), 0)
	_, err = r.Object("", func(key, kp string) error {
		_, _, err := ReadKeyDates(r, kp)
		return err
	})
	if !errors.As(err, &fe) || fe.Field != "key_dates.conclusive_grounds" {
		t.Errorf("err = %v, want key_dates.conclusive_grounds", err)
	}
}

// TestKeyDatesValidate: key dates built in code meet the same contract, first mistake first.
func TestKeyDatesValidate(t *testing.T) {
	good := BenefitDecision{Benefit: "pip", Decided: "2026-01-01", Refused: true}
	cases := []struct {
		name  string
		k     KeyDates
		field string
		prob  Problem
	}{
		{"nothing entered is valid", KeyDates{}, "", ""},
		{"every date entered is valid", KeyDates{ReasonableGrounds: "2026-03-01", ConclusiveGrounds: "2026-03-01", LeaveGranted: "2028-02-29", LeaveExpires: "2028-02-29", BenefitDecisions: []BenefitDecision{good}}, "", ""},
		{"a half-typed date", KeyDates{LeaveExpires: "2026-12"}, "leave_expires", ProblemDate},
		{"the first bad date in contract order", KeyDates{ReasonableGrounds: "x", LeaveExpires: "y"}, "reasonable_grounds", ProblemDate},
		{"conclusive before reasonable grounds", KeyDates{ReasonableGrounds: "2026-03-01", ConclusiveGrounds: "2026-02-01"}, "conclusive_grounds", ProblemValue},
		{"expiry before grant", KeyDates{LeaveGranted: "2026-03-01", LeaveExpires: "2026-03-01T00:00"}, "leave_expires", ProblemDate},
		{"expiry the day before grant", KeyDates{LeaveGranted: "2026-03-01", LeaveExpires: "2026-02-28"}, "leave_expires", ProblemValue},
		{"a decision without a benefit", KeyDates{BenefitDecisions: []BenefitDecision{good, {Decided: "2026-01-01"}}}, "benefit_decisions[1].benefit", ProblemMissing},
		{"a decision without a date", KeyDates{BenefitDecisions: []BenefitDecision{{Benefit: "pip"}}}, "benefit_decisions[0].decided", ProblemMissing},
		{"a decision with a bad date", KeyDates{BenefitDecisions: []BenefitDecision{{Benefit: "pip", Decided: "2027-02-29"}}}, "benefit_decisions[0].decided", ProblemDate},
		{"a benefit id with a capital", KeyDates{BenefitDecisions: []BenefitDecision{{Benefit: "PIP", Decided: "2026-01-01"}}}, "benefit_decisions[0].benefit", ProblemValue},
		{"too many decisions", KeyDates{BenefitDecisions: make([]BenefitDecision, MaxBenefitDecisions+1)}, "benefit_decisions", ProblemTooLong},
	}
	for _, c := range cases {
		err := c.k.Validate()
		if c.field == "" {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || fe.Problem != c.prob {
			t.Errorf("%s: err = %v, want %s %s", c.name, err, c.field, c.prob)
		}
	}
}

// benefitsPack is the least of a Pack, for ValidateFor.
type benefitsPack []string

func (benefitsPack) ID() string                            { return "bp" }
func (benefitsPack) Version() string                       { return "1" }
func (benefitsPack) Reviewed() time.Time                   { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }
func (b benefitsPack) Benefits() []string                  { return append([]string(nil), b...) }
func (benefitsPack) Evaluate(f Facts, d time.Time) Outcome { return Outcome{} }

func TestKeyDatesValidateFor(t *testing.T) {
	p := benefitsPack{"pip", "universal_credit"}
	ok := KeyDates{BenefitDecisions: []BenefitDecision{{Benefit: "universal_credit", Decided: "2026-01-01"}}}
	if err := ok.ValidateFor(p); err != nil {
		t.Errorf("a declared benefit: %v", err)
	}
	bad := KeyDates{BenefitDecisions: []BenefitDecision{{Benefit: "pip", Decided: "2026-01-01"}, {Benefit: "kinderbijslag", Decided: "2026-01-01"}}}
	var fe *FieldError
	if err := bad.ValidateFor(p); !errors.As(err, &fe) || fe.Field != "benefit_decisions[1].benefit" || !reflect.DeepEqual(fe.Allowed, []string(p)) {
		t.Errorf("an undeclared benefit: %v", err)
	}
	if err := (KeyDates{LeaveExpires: "bad"}).ValidateFor(p); !errors.As(err, &fe) || fe.Field != "leave_expires" {
		t.Errorf("ValidateFor skips Validate: %v", err)
	}
}

func TestEncodeKeyDates(t *testing.T) {
	k, err := DecodeKeyDates([]byte(fullKeyDates))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := EncodeKeyDates(k)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeKeyDates(enc)
	if err != nil || !reflect.DeepEqual(back, k) {
		t.Errorf("round trip: %+v, %v", back, err)
	}
	if enc, err := EncodeKeyDates(KeyDates{}); err != nil || string(enc) != "{}" {
		t.Errorf("empty key dates encode as %s, %v; want {}", enc, err)
	}
	if _, err := EncodeKeyDates(KeyDates{LeaveExpires: "2026-02-30"}); !errors.Is(err, ErrBadInput) {
		t.Errorf("invalid key dates encoded: %v", err)
	}
}

// FuzzDecodeKeyDates checks that no input makes DecodeKeyDates panic, that every rejection is
// a one-line *FieldError, and that every accepted input validates, encodes and decodes back to
// the same key dates with a stable encoding.
func FuzzDecodeKeyDates(f *testing.F) {
	for _, seed := range []string{
		fullKeyDates, `{}`, `null`, `[]`, `{"leave_expires": "2028-02-29"}`,
		`{"reasonable_grounds": "2026-03-01", "conclusive_grounds": "2026-02-28"}`,
		`{"benefit_decisions": [{"benefit": "pip", "decided": "2026-01-31", "refused": true}]}`,
		`{"benefit_decisions": [{"benefit": "pip", "decided": "2026-01-31"}]}`,
		`{"benefit_decisions": [null, 1, "x"]}`, `{"leave_granted": "0000-01-01"}`,
		`{"leave_expires": "2026-12-31", "leave_expires": null}`, "\xef\xbb\xbf{\"leave_expires\":\"2026-12-31\"}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		k, err := DecodeKeyDates(data)
		if err != nil {
			checkRejection(t, err)
			return
		}
		if err := k.Validate(); err != nil {
			t.Fatalf("accepted key dates do not validate: %v", err)
		}
		enc, err := EncodeKeyDates(k)
		if err != nil {
			t.Fatalf("accepted key dates do not encode: %v", err)
		}
		back, err := DecodeKeyDates(enc)
		if err != nil {
			t.Fatalf("encoded key dates %s do not decode: %v", enc, err)
		}
		if !reflect.DeepEqual(back, k) {
			t.Fatalf("round trip changed the key dates:\n%+v\n%+v", k, back)
		}
		enc2, err := EncodeKeyDates(back)
		if err != nil || !bytes.Equal(enc, enc2) {
			t.Fatalf("encoding is not stable: %s then %s (%v)", enc, enc2, err)
		}
	})
}

// ExampleDecodeKeyDates shows the one-line error an adviser's file gets for a slipped date.
func ExampleDecodeKeyDates() {
	_, err := DecodeKeyDates([]byte(`{"benefit_decisions": [{"benefit": "pip", "decided": "2026-02-30", "refused": true}]}`))
	fmt.Println(err)
	// Output: benefit_decisions[0].decided: not a real date, want YYYY-MM-DD
}
