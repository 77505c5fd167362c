package eligibility

import (
	"encoding/json"
	"fmt"
	"time"
)

// DecodeFacts reads a facts file (the input of `waymark check`) strictly: an unknown key, a
// wrong type, a value outside the contract, a key given twice or data after the object is a
// *FieldError naming the field, so a typo never silently turns into an unknown fact. A field
// that is absent or JSON null is an unknown fact (a nil pointer).
func DecodeFacts(data []byte) (Facts, error) {
	r, err := NewJSONReader(data, MaxFactsBytes)
	if err != nil {
		return Facts{}, err
	}
	f, present, err := ReadFacts(r, "")
	if err != nil {
		return Facts{}, err
	}
	if !present {
		return Facts{}, typeError("", WantObject)
	}
	return f, nil
}

// ReadFacts reads a facts object at path from r with the rules of DecodeFacts, so a file that
// embeds facts (a case file) reports "facts.age" for a mistake in the age. present is false
// when the value is JSON null.
func ReadFacts(r *JSONReader, path string) (f Facts, present bool, err error) {
	present, err = r.Object(path, func(key, kp string) error {
		field, ok := factIndex[key]
		if !ok {
			return r.Unknown(kp)
		}
		return field.read(r, kp, &f)
	})
	if err != nil {
		return Facts{}, false, err
	}
	return f, present, nil
}

// Validate checks facts built in code (by the interview, or read back from the vault) against
// the same contract DecodeFacts enforces, and returns the first mistake in contract order as a
// *FieldError.
func (f Facts) Validate() error {
	for i := range factTable {
		if err := factTable[i].check(&f, factTable[i].Name); err != nil {
			return err
		}
	}
	return nil
}

// EncodeFacts writes facts as the JSON of the contract, fields in contract order and unknown
// facts left out, so anything written can be read back by DecodeFacts unchanged. Facts that do
// not validate are refused rather than written.
func EncodeFacts(f Facts) ([]byte, error) {
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("encode facts: %w", err)
	}
	if f.ChildrenAges != nil && *f.ChildrenAges == nil {
		// A pointer to a nil list means "no children"; encoding/json would write null, which
		// reads back as unknown.
		f.ChildrenAges = &[]int{}
	}
	data, err := json.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("encode facts: %w", err)
	}
	return data, nil
}

// IsEmpty reports whether no fact is known, so a case file can leave its facts out.
func (f Facts) IsEmpty() bool {
	return f == Facts{}
}

// ParseDate reads a calendar day written YYYY-MM-DD (the --date flag, plan due dates) and
// reports false unless it is a real date from year 0001 on: 2025-02-29 and 2025-2-1 are refused.
// The time is midnight UTC, because a rule date is a day, not an instant.
func ParseDate(s string) (time.Time, bool) {
	if len(s) != len("2006-01-02") {
		return time.Time{}, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return time.Time{}, false
			}
		} else if c < '0' || c > '9' {
			return time.Time{}, false
		}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Year() < 1 {
		return time.Time{}, false
	}
	return t, true
}
