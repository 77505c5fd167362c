package eligibility

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
)

// KeyDates are the dates an adviser enters for a case, from which a rule pack works out its
// deadlines (Deadlines). Every date is optional and written YYYY-MM-DD; the empty string means
// not entered. Dates are kept as text, the way they are typed and stored, so a half-typed date
// never turns into a wrong day: Validate (or DecodeKeyDates) refuses anything that is not a
// real calendar date, and a pack ignores a date that does not parse. The outcome of each NRM
// decision is a fact (nrm_reasonable_grounds, nrm_conclusive_grounds), not repeated here.
//
// The JSON names are a contract, as the facts' are: new fields may be added, none renamed.
type KeyDates struct {
	// ReasonableGrounds is the day of the NRM reasonable grounds decision.
	ReasonableGrounds string `json:"reasonable_grounds,omitempty"`
	// ConclusiveGrounds is the day of the NRM conclusive grounds decision; never before
	// ReasonableGrounds.
	ConclusiveGrounds string `json:"conclusive_grounds,omitempty"`
	// LeaveGranted is the day permission to stay (leave) was granted.
	LeaveGranted string `json:"leave_granted,omitempty"`
	// LeaveExpires is the last day of that permission; never before LeaveGranted.
	LeaveExpires string `json:"leave_expires,omitempty"`
	// BenefitDecisions are the benefit decisions received, in the order entered.
	BenefitDecisions []BenefitDecision `json:"benefit_decisions,omitempty"`
}

// BenefitDecision is one decision on a claim. Every field is required: a decision whose
// outcome is unknown cannot start the right clock.
type BenefitDecision struct {
	// Benefit is the benefit id of the pack's results, e.g. "universal_credit".
	Benefit string `json:"benefit"`
	// Decided is the date on the decision letter or journal message, YYYY-MM-DD. Time limits
	// run from the date of notification, which for a letter is the day it was posted: the date
	// on the letter, for all practical purposes.
	Decided string `json:"decided"`
	// Refused is true when the claim was refused (or the award ended), false when it was
	// awarded.
	Refused bool `json:"refused"`
}

// The limits of the key-dates contract.
const (
	MaxKeyDatesBytes    = 64 << 10 // the largest key-dates document DecodeKeyDates reads
	MaxBenefitDecisions = 100      // entries in benefit_decisions
	maxBenefitIDLen     = 64
)

// Want values of the key-dates decoder, beside the FieldError.Want constants.
const (
	// WantBenefitID: a benefit id is lower-case letters, digits and _ (ValidateFor also
	// checks it against the pack's list and reports Allowed).
	WantBenefitID = "benefit id of lower-case letters, digits and _"
	// WantNotBeforeReasonableGrounds: conclusive_grounds falls before reasonable_grounds.
	WantNotBeforeReasonableGrounds = "a date on or after reasonable_grounds"
	// WantNotBeforeLeaveGranted: leave_expires falls before leave_granted.
	WantNotBeforeLeaveGranted = "a date on or after leave_granted"
)

// DecodeKeyDates reads a key-dates document strictly, like DecodeFacts: an unknown key, a
// wrong type, a date that is not a real YYYY-MM-DD day, a decision without its benefit, date
// or outcome, a key given twice or data after the object is a *FieldError naming the field
// ("benefit_decisions[1].decided"). A date that is absent or JSON null is not entered.
func DecodeKeyDates(data []byte) (KeyDates, error) {
	r, err := NewJSONReader(data, MaxKeyDatesBytes)
	if err != nil {
		return KeyDates{}, err
	}
	k, present, err := ReadKeyDates(r, "")
	if err != nil {
		return KeyDates{}, err
	}
	if !present {
		return KeyDates{}, typeError("", WantObject)
	}
	return k, nil
}

// ReadKeyDates reads a key-dates object at path from r with the rules of DecodeKeyDates, so a
// file that embeds key dates (a case file) reports "key_dates.leave_expires". present is false
// when the value is JSON null.
func ReadKeyDates(r *JSONReader, path string) (k KeyDates, present bool, err error) {
	present, err = r.Object(path, func(key, kp string) error {
		switch key {
		case "reasonable_grounds":
			return readDate(r, kp, &k.ReasonableGrounds)
		case "conclusive_grounds":
			return readDate(r, kp, &k.ConclusiveGrounds)
		case "leave_granted":
			return readDate(r, kp, &k.LeaveGranted)
		case "leave_expires":
			return readDate(r, kp, &k.LeaveExpires)
		case "benefit_decisions":
			_, err := r.List(kp, WantList, MaxBenefitDecisions, func(_ int, ip string) error {
				d, err := readDecision(r, ip)
				k.BenefitDecisions = append(k.BenefitDecisions, d)
				return err
			})
			return err
		}
		return r.Unknown(kp)
	})
	if err != nil {
		return KeyDates{}, false, err
	}
	if !present {
		return KeyDates{}, false, nil
	}
	// The order of two dates can only be checked once both are read.
	if err := k.checkOrder(path); err != nil {
		return KeyDates{}, false, err
	}
	return k, true, nil
}

// readDate reads an optional date at path into dst; null leaves it not entered.
func readDate(r *JSONReader, path string, dst *string) error {
	s, present, err := r.String(path)
	if err != nil || !present {
		return err
	}
	if err := checkDate(s, path); err != nil {
		return err
	}
	*dst = s
	return nil
}

// readDecision reads one benefit decision; every field is required.
func readDecision(r *JSONReader, path string) (BenefitDecision, error) {
	var d BenefitDecision
	var hasBenefit, hasDecided, hasRefused bool
	present, err := r.Object(path, func(key, kp string) error {
		switch key {
		case "benefit":
			s, ok, err := r.String(kp)
			if err != nil || !ok {
				return err
			}
			d.Benefit, hasBenefit = s, true
			return checkBenefitID(s, kp)
		case "decided":
			s, ok, err := r.String(kp)
			if err != nil || !ok {
				return err
			}
			d.Decided, hasDecided = s, true
			return checkDate(s, kp)
		case "refused":
			b, ok, err := r.Bool(kp)
			d.Refused, hasRefused = b, ok
			return err
		}
		return r.Unknown(kp)
	})
	switch {
	case err != nil:
		return d, err
	case !present:
		return d, &FieldError{Field: path, Problem: ProblemMissing}
	case !hasBenefit:
		return d, &FieldError{Field: JoinPath(path, "benefit"), Problem: ProblemMissing}
	case !hasDecided:
		return d, &FieldError{Field: JoinPath(path, "decided"), Problem: ProblemMissing}
	case !hasRefused:
		return d, &FieldError{Field: JoinPath(path, "refused"), Problem: ProblemMissing}
	}
	return d, nil
}

// Validate checks key dates built in code (typed into the case screen, or read back from the
// vault) against the contract DecodeKeyDates enforces, and returns the first mistake in
// contract order as a *FieldError.
func (k KeyDates) Validate() error {
	for _, f := range []struct{ name, value string }{
		{"reasonable_grounds", k.ReasonableGrounds},
		{"conclusive_grounds", k.ConclusiveGrounds},
		{"leave_granted", k.LeaveGranted},
		{"leave_expires", k.LeaveExpires},
	} {
		if f.value != "" {
			if err := checkDate(f.value, f.name); err != nil {
				return err
			}
		}
	}
	if err := k.checkOrder(""); err != nil {
		return err
	}
	if len(k.BenefitDecisions) > MaxBenefitDecisions {
		return &FieldError{Field: "benefit_decisions", Problem: ProblemTooLong, Max: strconv.Itoa(MaxBenefitDecisions), Want: WantUnitItems}
	}
	for i, d := range k.BenefitDecisions {
		p := IndexPath("benefit_decisions", i)
		if d.Benefit == "" {
			return &FieldError{Field: p + ".benefit", Problem: ProblemMissing}
		}
		if err := checkBenefitID(d.Benefit, p+".benefit"); err != nil {
			return err
		}
		if d.Decided == "" {
			return &FieldError{Field: p + ".decided", Problem: ProblemMissing}
		}
		if err := checkDate(d.Decided, p+".decided"); err != nil {
			return err
		}
	}
	return nil
}

// ValidateFor is Validate plus a check that every decision names a benefit the pack decides,
// so the case screen can offer the pack's list and a stored decision for a benefit a later
// pack dropped is reported rather than silently ignored.
func (k KeyDates) ValidateFor(p Pack) error {
	if err := k.Validate(); err != nil {
		return err
	}
	benefits := p.Benefits()
	for i, d := range k.BenefitDecisions {
		if !slices.Contains(benefits, d.Benefit) {
			return &FieldError{Field: IndexPath("benefit_decisions", i) + ".benefit", Problem: ProblemValue, Allowed: benefits}
		}
	}
	return nil
}

// EncodeKeyDates writes key dates as the JSON of the contract, dates not entered left out, so
// anything written reads back through DecodeKeyDates unchanged. Key dates that do not validate
// are refused rather than written.
func EncodeKeyDates(k KeyDates) ([]byte, error) {
	if err := k.Validate(); err != nil {
		return nil, fmt.Errorf("encode key dates: %w", err)
	}
	data, err := json.Marshal(k)
	if err != nil {
		return nil, fmt.Errorf("encode key dates: %w", err)
	}
	return data, nil
}

// IsEmpty reports whether no date is entered, so a case file can leave its key dates out.
func (k KeyDates) IsEmpty() bool {
	return k.ReasonableGrounds == "" && k.ConclusiveGrounds == "" && k.LeaveGranted == "" &&
		k.LeaveExpires == "" && len(k.BenefitDecisions) == 0
}

// checkOrder reports a conclusive grounds decision before the reasonable grounds one, or leave
// that expires before it was granted: both are typing slips that would give wrong deadlines.
// Dates that do not parse are left to the field checks.
func (k KeyDates) checkOrder(path string) error {
	pairs := []struct {
		first, then, thenName, want string
	}{
		{k.ReasonableGrounds, k.ConclusiveGrounds, "conclusive_grounds", WantNotBeforeReasonableGrounds},
		{k.LeaveGranted, k.LeaveExpires, "leave_expires", WantNotBeforeLeaveGranted},
	}
	for _, p := range pairs {
		a, okA := ParseDate(p.first)
		b, okB := ParseDate(p.then)
		if okA && okB && b.Before(a) {
			return &FieldError{Field: JoinPath(path, p.thenName), Problem: ProblemValue, Want: p.want}
		}
	}
	return nil
}

func checkDate(s, path string) error {
	if _, ok := ParseDate(s); !ok {
		return &FieldError{Field: path, Problem: ProblemDate, Want: WantDate}
	}
	return nil
}

func checkBenefitID(s, path string) error {
	if len(s) > maxBenefitIDLen || !isIdent(s) {
		return &FieldError{Field: path, Problem: ProblemValue, Want: WantBenefitID}
	}
	return nil
}
