package jobs

import (
	"encoding/json"
	"fmt"
	"strconv"

	"waymark/eligibility"
)

// CaseFile is one case as the command line reads it (the input of `waymark plan` and
// `waymark case import`), decoded by DecodeCaseFile. It has no JSON tags on purpose: the file is
// read and written only through DecodeCaseFile and EncodeCaseFile, which enforce the contract.
type CaseFile struct {
	// Reference is the adviser's case reference: required, at most MaxReferenceChars
	// characters, one line.
	Reference string
	// Name is the survivor's name, optional, at most MaxNameChars characters, one line.
	Name string
	// Language is the survivor's language as a lower-case ISO 639 code, for the printed plan.
	Language string
	// Facts are the survivor's facts; zero when the file has none.
	Facts eligibility.Facts
	// Steps is the agreed action plan, meaningful only when HasSteps is true.
	Steps []Step
	// HasSteps tells a file with "steps": [] (an agreed empty plan) from one without steps
	// (the plan is then suggested from the facts).
	HasSteps bool
	// Profile is the survivor's employability profile; zero when the file has none. It is an
	// optional addition to the contract in DESIGN.md, so suggestions and imported cases can
	// use barriers and goals.
	Profile Profile
	// Review is the plan's review date (YYYY-MM-DD), or empty when none was set; optional.
	Review string
}

// DecodeCaseFile reads a case file strictly: unknown keys anywhere, wrong types, keys given
// twice and values outside the contract are a *eligibility.FieldError naming the field, with
// paths like "reference", "facts.children_ages[1]", "steps[2].code" and "profile.goals[0]".
// Facts follow the rules of eligibility.DecodeFacts and the profile those of DecodeProfile; a
// step's optional "code" must be one of StepCodes. JSON null for an optional field is the same
// as leaving it out.
func DecodeCaseFile(data []byte) (CaseFile, error) {
	r, err := eligibility.NewJSONReader(data, MaxCaseFileBytes)
	if err != nil {
		return CaseFile{}, err
	}
	var c CaseFile
	present, err := r.Object("", func(key, path string) error {
		switch key {
		case "reference":
			return readText(r, path, &c.Reference, MaxReferenceChars, true)
		case "name":
			return readText(r, path, &c.Name, MaxNameChars, false)
		case "language":
			s, ok, err := r.String(path)
			if err != nil || !ok {
				return err
			}
			if err := checkLanguage(path, s); err != nil {
				return err
			}
			c.Language = s
			return nil
		case "facts":
			f, _, err := eligibility.ReadFacts(r, path)
			c.Facts = f
			return err
		case "steps":
			steps := []Step{}
			ok, err := r.List(path, eligibility.WantList, MaxSteps, func(_ int, sp string) error {
				s, err := readStep(r, sp)
				steps = append(steps, s)
				return err
			})
			if err != nil || !ok {
				return err
			}
			c.Steps, c.HasSteps = steps, true
			return nil
		case "profile":
			p, _, err := ReadProfile(r, path)
			c.Profile = p
			return err
		case "review":
			d, ok, err := r.String(path)
			if err != nil || !ok {
				return err
			}
			c.Review = d
			return CheckReview(path, d)
		default:
			return r.Unknown(path)
		}
	})
	if err != nil {
		return CaseFile{}, err
	}
	if !present {
		return CaseFile{}, &eligibility.FieldError{Problem: eligibility.ProblemType, Want: eligibility.WantObject}
	}
	if c.Reference == "" {
		return CaseFile{}, &eligibility.FieldError{Field: "reference", Problem: eligibility.ProblemMissing}
	}
	if c.Language == "" {
		return CaseFile{}, &eligibility.FieldError{Field: "language", Problem: eligibility.ProblemMissing}
	}
	return c, nil
}

// readText reads a text field into dst, applying checkText. A null leaves dst empty, which a
// required field's caller reports as missing.
func readText(r *eligibility.JSONReader, path string, dst *string, maxChars int, required bool) error {
	s, ok, err := r.String(path)
	if err != nil || !ok {
		return err
	}
	if err := checkText(path, s, maxChars, required); err != nil {
		return err
	}
	*dst = s
	return nil
}

// readStep reads one step object at path; null is not a step.
func readStep(r *eligibility.JSONReader, path string) (Step, error) {
	var s Step
	present, err := r.Object(path, func(key, kp string) error {
		switch key {
		case "code":
			c, ok, err := r.String(kp)
			if err != nil || !ok {
				return err
			}
			s.Code = c
			return checkCode(kp, c)
		case "text":
			return readText(r, kp, &s.Text, MaxStepChars, true)
		case "owner":
			o, ok, err := r.String(kp)
			if err != nil || !ok {
				return err
			}
			s.Owner = Owner(o)
			return checkOwner(kp, s.Owner)
		case "due":
			d, ok, err := r.String(kp)
			if err != nil || !ok {
				return err
			}
			s.Due = d
			return checkDue(kp, d)
		case "done":
			b, _, err := r.Bool(kp)
			s.Done = b
			return err
		default:
			return r.Unknown(kp)
		}
	})
	if err != nil {
		return s, err
	}
	if !present {
		return s, &eligibility.FieldError{Field: path, Problem: eligibility.ProblemType, Want: eligibility.WantObject}
	}
	// Text and owner are checked when read; what is left is a field that never came.
	return s, eligibility.WithPrefix(s.Validate(), path)
}

// Validate checks a case file built in code against the contract DecodeCaseFile enforces and
// returns the first mistake as a *eligibility.FieldError.
func (c CaseFile) Validate() error {
	if err := checkText("reference", c.Reference, MaxReferenceChars, true); err != nil {
		return err
	}
	if err := checkText("name", c.Name, MaxNameChars, false); err != nil {
		return err
	}
	if err := checkLanguage("language", c.Language); err != nil {
		return err
	}
	if err := c.Facts.Validate(); err != nil {
		return eligibility.WithPrefix(err, "facts")
	}
	if len(c.Steps) > MaxSteps {
		return &eligibility.FieldError{Field: "steps", Problem: eligibility.ProblemTooLong,
			Max: strconv.Itoa(MaxSteps), Want: eligibility.WantUnitItems}
	}
	for i, s := range c.Steps {
		if err := s.Validate(); err != nil {
			return eligibility.WithPrefix(err, eligibility.IndexPath("steps", i))
		}
	}
	if err := c.Profile.Validate(); err != nil {
		return eligibility.WithPrefix(err, "profile")
	}
	return CheckReview("review", c.Review)
}

// caseFileJSON is the wire form written by EncodeCaseFile, fields in contract order.
type caseFileJSON struct {
	Reference string          `json:"reference"`
	Name      string          `json:"name,omitempty"`
	Language  string          `json:"language"`
	Facts     json.RawMessage `json:"facts,omitempty"`
	Steps     *[]Step         `json:"steps,omitempty"`
	Profile   *Profile        `json:"profile,omitempty"`
	Review    string          `json:"review,omitempty"`
}

// EncodeCaseFile writes a case file in the contract's JSON, so that DecodeCaseFile reads back
// the same value: facts and profile are left out when empty, the review date when unset, and
// steps are written (possibly as []) exactly when HasSteps is true. A case file that does not validate is refused.
func EncodeCaseFile(c CaseFile) ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("encode case file: %w", err)
	}
	w := caseFileJSON{Reference: c.Reference, Name: c.Name, Language: c.Language, Review: c.Review}
	if !c.Profile.IsZero() {
		w.Profile = &c.Profile
	}
	if !c.Facts.IsEmpty() {
		f, err := eligibility.EncodeFacts(c.Facts)
		if err != nil {
			return nil, fmt.Errorf("encode case file: %w", err)
		}
		w.Facts = f
	}
	if c.HasSteps {
		steps := c.Steps
		if steps == nil {
			steps = []Step{}
		}
		w.Steps = &steps
	}
	data, err := json.Marshal(w)
	if err != nil {
		return nil, fmt.Errorf("encode case file: %w", err)
	}
	return data, nil
}
