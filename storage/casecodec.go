package storage

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"waymark/eligibility"
	"waymark/jobs"
)

// A case is two sealed records with the case id as record id: the summary the case list
// reads, and the detail (facts, plan, profile) read when the case is opened. JSON inside the
// seal: unknown fields are ignored, so a later build may add fields without breaking this one,
// and fields added later (the profile and review date; the adviser and the copies the home
// screen reads) are optional, so records written before them still open, with those empty.
type summaryRecord struct {
	Reference string     `json:"r"`
	Name      string     `json:"n,omitempty"`
	Language  string     `json:"l,omitempty"`
	Status    CaseStatus `json:"s"`
	Opened    string     `json:"o"`
	Review    string     `json:"rv,omitempty"` // a copy of the detail's, for the case list
	Closed    string     `json:"cl,omitempty"`
	Reason    string     `json:"cr,omitempty"`
	Adviser   string     `json:"a,omitempty"`
	// Dates are the copies the home screen reads (CaseDates) in the compact form of
	// encodeDates, and NextText the adviser's own wording of the next step: JSON objects for
	// them made the case list three times slower to read.
	Dates    string `json:"h,omitempty"`
	NextText string `json:"nt,omitempty"`
}

type detailRecord struct {
	Facts    eligibility.Facts     `json:"facts"`
	Steps    []jobs.Step           `json:"steps,omitempty"`
	Profile  *jobs.Profile         `json:"profile,omitempty"` // nil when nothing is recorded
	Review   string                `json:"review,omitempty"`
	Consent  *consentRecord        `json:"consent,omitempty"`
	Contact  *contactRecord        `json:"contact,omitempty"`
	Notes    []noteRecord          `json:"notes,omitempty"`
	Outcomes *jobs.Outcomes        `json:"outcomes,omitempty"`
	KeyDates *eligibility.KeyDates `json:"dates,omitempty"`
}

type consentRecord struct {
	Given bool   `json:"g"`
	Date  string `json:"d,omitempty"`
}

type contactRecord struct {
	Phone     string `json:"p,omitempty"`
	Email     string `json:"e,omitempty"`
	Address   string `json:"a,omitempty"`
	SafePhone bool   `json:"sp,omitempty"`
	SafeText  bool   `json:"st,omitempty"`
	SafePost  bool   `json:"sa,omitempty"`
	SafeEmail bool   `json:"se,omitempty"`
	CodeWord  string `json:"c,omitempty"`
	Notes     string `json:"n,omitempty"`
}

type noteRecord struct {
	Date    string `json:"d"`
	Adviser string `json:"a,omitempty"`
	Text    string `json:"t"`
}

// Limits of the case's own text beyond the plan.
const (
	maxContactRunes = 300  // a phone number, email, code word, contact note
	maxAddressRunes = 500  // a postal address over several lines
	maxNoteRunes    = 4000 // one note
	maxNotes        = 1000
)

// Limits on free-text fields: generous for real use, small enough that a record stays small.
const (
	maxReferenceRunes = 100
	maxNameRunes      = 200
	maxLanguageLen    = 35 // the longest BCP 47 tag in practice
)

// validateCase checks the fields the vault relies on. Errors name the field, never its value.
func validateCase(c Case) error {
	if err := checkText("reference", c.Reference, maxReferenceRunes); err != nil {
		return err
	}
	if c.Reference == "" {
		return fmt.Errorf("reference: empty: %w", ErrInvalid)
	}
	if err := checkText("name", c.Name, maxNameRunes); err != nil {
		return err
	}
	if len(c.Language) > maxLanguageLen {
		return fmt.Errorf("language: too long: %w", ErrInvalid)
	}
	for _, r := range c.Language {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return fmt.Errorf("language: not a language code: %w", ErrInvalid)
		}
	}
	if c.Status != CaseOpen && c.Status != CaseClosed {
		return fmt.Errorf("status: must be %q or %q: %w", CaseOpen, CaseClosed, ErrInvalid)
	}
	if _, err := time.Parse(time.DateOnly, c.Opened); err != nil {
		return fmt.Errorf("opened: not a YYYY-MM-DD date: %w", ErrInvalid)
	}
	if err := checkText("adviser", c.Adviser, maxNameRunes); err != nil {
		return err
	}
	if err := checkClosed(c); err != nil {
		return err
	}
	if err := checkCaseText(c); err != nil {
		return err
	}
	if err := c.KeyDates.Validate(); err != nil {
		return fmt.Errorf("%w: %w", eligibility.WithPrefix(err, "dates"), ErrInvalid)
	}
	if err := c.Outcomes.Validate(nil); err != nil {
		return fmt.Errorf("%w: %w", eligibility.WithPrefix(err, "outcomes"), ErrInvalid)
	}
	if err := jobs.CheckReview("review", c.Review); err != nil {
		return fmt.Errorf("%w: %w", err, ErrInvalid)
	}
	if err := c.Profile.Validate(); err != nil {
		return fmt.Errorf("%w: %w", eligibility.WithPrefix(err, "profile"), ErrInvalid)
	}
	return nil
}

// checkClosed keeps the closing day and reason in step with the status: both empty while the
// case is open. A closed case may lack them (cases closed before they were recorded), but what
// is given must be a real day, not before the opening, and a known reason.
func checkClosed(c Case) error {
	if c.Status == CaseOpen {
		if c.Closed != "" || c.CloseReason != "" {
			return fmt.Errorf("closed: set on an open case: %w", ErrInvalid)
		}
		return nil
	}
	if c.Closed != "" {
		if _, err := time.Parse(time.DateOnly, c.Closed); err != nil || (c.Opened != "" && c.Closed < c.Opened) {
			return fmt.Errorf("closed: not a YYYY-MM-DD date on or after the opening: %w", ErrInvalid)
		}
	}
	if c.CloseReason != "" && !slices.Contains(CloseReasons(), c.CloseReason) {
		return fmt.Errorf("close reason: not one of the reasons: %w", ErrInvalid)
	}
	return nil
}

// checkCaseText checks the consent, contact and notes.
func checkCaseText(c Case) error {
	if c.Consent.Date != "" {
		if _, err := time.Parse(time.DateOnly, c.Consent.Date); err != nil {
			return fmt.Errorf("consent date: not a YYYY-MM-DD date: %w", ErrInvalid)
		}
	}
	for _, f := range []struct {
		name, text string
		max        int
	}{
		{"contact phone", c.Contact.Phone, maxContactRunes},
		{"contact email", c.Contact.Email, maxContactRunes},
		{"contact code word", c.Contact.CodeWord, maxContactRunes},
		{"contact notes", c.Contact.Notes, maxContactRunes},
	} {
		if err := checkText(f.name, f.text, f.max); err != nil {
			return err
		}
	}
	if err := checkMultiline("contact address", c.Contact.Address, maxAddressRunes); err != nil {
		return err
	}
	if len(c.Notes) > maxNotes {
		return fmt.Errorf("notes: more than %d: %w", maxNotes, ErrInvalid)
	}
	for i, n := range c.Notes {
		if _, err := time.Parse(time.DateOnly, n.Date); err != nil {
			return fmt.Errorf("notes[%d] date: not a YYYY-MM-DD date: %w", i, ErrInvalid)
		}
		if err := checkText(fmt.Sprintf("notes[%d] adviser", i), n.Adviser, maxNameRunes); err != nil {
			return err
		}
		if err := checkMultiline(fmt.Sprintf("notes[%d] text", i), n.Text, maxNoteRunes); err != nil {
			return err
		}
		if n.Text == "" {
			return fmt.Errorf("notes[%d] text: empty: %w", i, ErrInvalid)
		}
	}
	return nil
}

// checkMultiline is checkText allowing line breaks.
func checkMultiline(field, s string, maxRunes int) error {
	return checkText(field, strings.NewReplacer("\r\n", " ", "\n", " ").Replace(s), maxRunes)
}

// checkText refuses invalid UTF-8, control characters and over-long text.
func checkText(field, s string, maxRunes int) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s: not valid text: %w", field, ErrInvalid)
	}
	if utf8.RuneCountInString(s) > maxRunes {
		return fmt.Errorf("%s: longer than %d characters: %w", field, maxRunes, ErrInvalid)
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Errorf("%s: control character: %w", field, ErrInvalid)
		}
	}
	return nil
}

// sealCase encodes and seals a case's two records.
func sealCase(k *sessionKeys, c Case) (summary, detail []byte, err error) {
	sp, err := json.Marshal(newSummaryRecord(c))
	if err != nil {
		return nil, nil, fmt.Errorf("encode case: %w", err)
	}
	defer zero(sp)
	d := detailRecord{Facts: c.Facts, Steps: c.Steps, Review: c.Review}
	if !c.Profile.IsZero() {
		d.Profile = &c.Profile
	}
	if c.Consent != (Consent{}) {
		d.Consent = &consentRecord{Given: c.Consent.Given, Date: c.Consent.Date}
	}
	if c.Contact != (Contact{}) {
		ct := contactRecord(c.Contact)
		d.Contact = &ct
	}
	for _, n := range c.Notes {
		d.Notes = append(d.Notes, noteRecord(n))
	}
	if !c.Outcomes.IsZero() {
		d.Outcomes = &c.Outcomes
	}
	if !c.KeyDates.IsEmpty() {
		d.KeyDates = &c.KeyDates
	}
	dp, err := json.Marshal(d)
	if err != nil {
		return nil, nil, fmt.Errorf("encode case: %w", err)
	}
	defer zero(dp)
	if summary, err = sealRecord(k.aead, kindCaseSummary, c.ID, sp); err != nil {
		return nil, nil, err
	}
	if detail, err = sealRecord(k.aead, kindCaseDetail, c.ID, dp); err != nil {
		return nil, nil, err
	}
	return summary, detail, nil
}

// newSummaryRecord is what the case list keeps of a case: its own summary fields and the
// copies the home screen works out deadlines and overdue steps from.
func newSummaryRecord(c Case) summaryRecord {
	r := summaryRecord{Reference: c.Reference, Name: c.Name, Language: c.Language,
		Status: c.Status, Opened: c.Opened, Review: c.Review, Closed: c.Closed,
		Reason: string(c.CloseReason), Adviser: c.Adviser}
	if d := caseDates(c); d != nil {
		r.Dates, r.NextText = encodeDates(d), d.NextStep.Text
	}
	return r
}

// openSummary authenticates and decodes a case summary.
func openSummary(k *sessionKeys, id string, b []byte) (CaseSummary, error) {
	r, err := openSummaryRecord(k, id, b)
	if err != nil {
		return CaseSummary{}, err
	}
	s := CaseSummary{ID: id, Reference: r.Reference, Name: r.Name, Language: r.Language, Status: r.Status,
		Opened: r.Opened, Review: r.Review, Closed: r.Closed, Adviser: r.Adviser}
	if r.Dates == "" {
		return s, nil
	}
	if s.Dates, err = decodeDates(r.Dates); err != nil {
		return CaseSummary{}, fmt.Errorf("case %s: %w", id, err)
	}
	s.Dates.NextStep.Text = r.NextText
	return s, nil
}

func openSummaryRecord(k *sessionKeys, id string, b []byte) (summaryRecord, error) {
	p, err := openRecord(k.aead, kindCaseSummary, id, b)
	if err != nil {
		return summaryRecord{}, fmt.Errorf("case %s: %w", id, err)
	}
	defer zero(p)
	var r summaryRecord
	if err := json.Unmarshal(p, &r); err != nil {
		return summaryRecord{}, fmt.Errorf("case %s: malformed summary: %w", id, ErrCorrupt)
	}
	return r, nil
}

// openCase authenticates and decodes both of a case's records.
func openCase(k *sessionKeys, id string, summary, detail []byte) (Case, error) {
	sum, err := openSummaryRecord(k, id, summary)
	if err != nil {
		return Case{}, err
	}
	p, err := openRecord(k.aead, kindCaseDetail, id, detail)
	if err != nil {
		return Case{}, fmt.Errorf("case %s: %w", id, err)
	}
	defer zero(p)
	var d detailRecord
	if err := json.Unmarshal(p, &d); err != nil {
		return Case{}, fmt.Errorf("case %s: malformed detail: %w", id, ErrCorrupt)
	}
	c := Case{
		ID: id, Reference: sum.Reference, Name: sum.Name, Language: sum.Language,
		Status: sum.Status, Opened: sum.Opened, Facts: d.Facts, Steps: d.Steps, Review: d.Review,
		Closed: sum.Closed, CloseReason: CloseReason(sum.Reason), Adviser: sum.Adviser,
	}
	if d.Profile != nil {
		c.Profile = *d.Profile
	}
	if d.Consent != nil {
		c.Consent = Consent{Given: d.Consent.Given, Date: d.Consent.Date}
	}
	if d.Contact != nil {
		c.Contact = Contact(*d.Contact)
	}
	for _, n := range d.Notes {
		c.Notes = append(c.Notes, Note(n))
	}
	if d.Outcomes != nil {
		c.Outcomes = *d.Outcomes
	}
	if d.KeyDates != nil {
		c.KeyDates = *d.KeyDates
	}
	return c, nil
}
