package eligibility

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// FactJSON returns one fact's value as JSON (`"scotland"`, `25`, `[3,7]`, `true`), or false
// when the fact is unknown or there is no fact of that name. The interview uses it to show an
// answer already given without a switch over every field.
func (f Facts) FactJSON(name string) (json.RawMessage, bool) {
	fields, err := f.jsonFields()
	if err != nil {
		return nil, false
	}
	v, ok := fields[name]
	return v, ok
}

// Known returns every known fact as its JSON value, by JSON name: FactJSON for all facts at
// once, for a caller that looks up many.
func (f Facts) Known() map[string]json.RawMessage {
	fields, err := f.jsonFields()
	if err != nil {
		return map[string]json.RawMessage{}
	}
	return fields
}

// WithFact returns a copy of f with one fact set from its JSON value, checked exactly as
// DecodeFacts checks a facts file, so an answer typed in the interview can never hold a value
// the command line would refuse. A nil value or JSON null makes the fact unknown again. f is
// not changed; the copy shares no pointers with it.
//
// Errors are *FieldError (matching ErrBadInput) naming the fact: ProblemUnknown for a name
// that is not a fact, and the decoder's problems for a bad value.
func (f Facts) WithFact(name string, value json.RawMessage) (Facts, error) {
	if _, ok := factIndex[name]; !ok {
		return f, &FieldError{Field: name, Problem: ProblemUnknown}
	}
	fields, err := f.jsonFields()
	if err != nil {
		return f, fmt.Errorf("set %s: %w", name, err)
	}
	value = bytes.TrimSpace(value)
	if len(value) == 0 || bytes.Equal(value, []byte("null")) {
		delete(fields, name)
	} else {
		if !json.Valid(value) {
			return f, &FieldError{Field: name, Problem: ProblemSyntax}
		}
		fields[name] = value
	}
	data, err := json.Marshal(fields)
	if err != nil {
		return f, fmt.Errorf("set %s: %w", name, err)
	}
	out, err := DecodeFacts(data)
	if err != nil {
		return f, err
	}
	return out, nil
}

// jsonFields is f as a map from JSON name to JSON value, holding only the known facts.
func (f Facts) jsonFields() (map[string]json.RawMessage, error) {
	data, err := json.Marshal(f)
	if err != nil {
		return nil, fmt.Errorf("encode facts: %w", err)
	}
	fields := map[string]json.RawMessage{}
	if err := json.Unmarshal(data, &fields); err != nil {
		return nil, fmt.Errorf("decode facts: %w", err)
	}
	return fields, nil
}
