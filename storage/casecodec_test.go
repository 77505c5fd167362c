package storage

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"waymark/eligibility"
	"waymark/jobs"
)

// planCase is sampleCase with an employability profile, coded steps and a review date.
func planCase(ref string) Case {
	c := sampleCase(ref)
	c.Steps = append(c.Steps, jobs.Step{Code: "register_gp", Text: "Register with a doctor (GP). It is free.", Owner: jobs.OwnerSurvivor, Due: "2026-12-07"})
	c.Profile = jobs.Profile{
		Languages:      []jobs.Language{{Code: "ro", Level: jobs.LevelNative}},
		EnglishLevel:   jobs.LevelA2,
		Skills:         []string{"Sudură"},
		WorkHistory:    []jobs.Job{{Sector: "construction", Role: "Labourer", Months: 18, Exploitative: true}},
		Qualifications: []string{"Calificare sudor"},
		Barriers:       []jobs.Barrier{jobs.BarrierNoNINO, jobs.BarrierDebt},
		Goals:          []jobs.Goal{jobs.GoalWork},
		AvoidSectors:   []string{"construction"},
	}
	c.Review = "2026-12-21"
	return c
}

func TestCaseProfileAndReviewRoundTrip(t *testing.T) {
	_, s, _ := newTestVault(t)
	c := mustCreateCase(t, s, planCase("WM-P1"))
	got, err := s.Case(c.ID)
	if err != nil || !reflect.DeepEqual(got, c) {
		t.Fatalf("Case = %+v, %v\nwant %+v", got, err, c)
	}
	list, err := s.ListCases()
	if err != nil || len(list) != 1 || list[0].Review != "2026-12-21" {
		t.Fatalf("ListCases = %+v, %v", list, err)
	}

	// Clearing the profile and the review date is saved too.
	c.Profile, c.Review = jobs.Profile{}, ""
	if err := s.SaveCase(c); err != nil {
		t.Fatal(err)
	}
	got, err = s.Case(c.ID)
	if err != nil || !reflect.DeepEqual(got, c) {
		t.Fatalf("after clearing: %+v, %v\nwant %+v", got, err, c)
	}
	if list, _ := s.ListCases(); list[0].Review != "" {
		t.Errorf("summary still has review %q", list[0].Review)
	}
}

func TestCaseProfileValidation(t *testing.T) {
	_, s, _ := newTestVault(t)
	tests := []struct {
		name  string
		edit  func(*Case)
		field string
	}{
		{"review not a date", func(c *Case) { c.Review = "21/12/2026" }, "review"},
		{"review not real", func(c *Case) { c.Review = "2026-11-31" }, "review"},
		{"bad barrier", func(c *Case) { c.Profile.Barriers = []jobs.Barrier{"unknown"} }, "profile.barriers[0]"},
		{"bad level", func(c *Case) { c.Profile.EnglishLevel = "fluent" }, "profile.english_level"},
		{"duplicate goal", func(c *Case) { c.Profile.Goals = []jobs.Goal{jobs.GoalWork, jobs.GoalWork} }, "profile.goals[1]"},
	}
	for _, tc := range tests {
		c := planCase("WM-V")
		tc.edit(&c)
		_, err := s.CreateCase(c)
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: CreateCase = %v, want ErrInvalid", tc.name, err)
			continue
		}
		var fe *eligibility.FieldError
		if !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("%s: error %v does not name %s", tc.name, err, tc.field)
		}
		if strings.Contains(err.Error(), "21/12/2026") || strings.Contains(err.Error(), "fluent") {
			t.Errorf("%s: error carries the value: %v", tc.name, err)
		}
	}
	if list, _ := s.ListCases(); len(list) != 0 {
		t.Errorf("an invalid case was stored: %+v", list)
	}
	ok := mustCreateCase(t, s, planCase("WM-OK"))
	ok.Review = "2026-02-30"
	if err := s.SaveCase(ok); !errors.Is(err, ErrInvalid) {
		t.Errorf("SaveCase with a bad review date: %v", err)
	}
}

// TestOpenCaseWithoutProfile opens records written before the profile and review date
// existed (the v1 record layout, byte for byte as that build wrote them), and checks that an
// empty profile adds nothing to a new record.
func TestOpenCaseWithoutProfile(t *testing.T) {
	k := testAEAD(t)
	const id = "case-old"
	summary, err := sealRecord(k.aead, kindCaseSummary, id, []byte(`{"r":"WM-OLD","n":"Ion","l":"ro","s":"open","o":"2026-11-23"}`))
	if err != nil {
		t.Fatal(err)
	}
	detail, err := sealRecord(k.aead, kindCaseDetail, id, []byte(`{"facts":{"age":40},"steps":[{"text":"Call","owner":"adviser","done":false}]}`))
	if err != nil {
		t.Fatal(err)
	}
	c, err := openCase(k, id, summary, detail)
	if err != nil {
		t.Fatal(err)
	}
	age := 40
	want := Case{ID: id, Reference: "WM-OLD", Name: "Ion", Language: "ro", Status: CaseOpen, Opened: "2026-11-23",
		Facts: eligibility.Facts{Age: &age}, Steps: []jobs.Step{{Text: "Call", Owner: jobs.OwnerAdviser}}}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("old record = %+v\nwant %+v", c, want)
	}
	sum, err := openSummary(k, id, summary)
	if err != nil || sum.Review != "" {
		t.Errorf("old summary = %+v, %v", sum, err)
	}

	c.Steps = nil
	_, det, err := sealCase(k, c)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := openRecord(k.aead, kindCaseDetail, id, det)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(plain, []byte(`{"facts":{"age":40}}`)) {
		t.Errorf("detail without profile or review = %s", plain)
	}
}

func TestCloseAndReopenACase(t *testing.T) {
	_, s, _ := newTestVault(t)
	c := mustCreateCase(t, s, Case{Reference: "WM-C1", Language: "ro"})
	bad := []struct {
		name string
		edit func(*Case)
	}{
		{"closed on a day that does not exist", func(c *Case) {
			c.Status, c.Closed, c.CloseReason = CaseClosed, "2026-02-30", CloseGoalsMet
		}},
		{"closed before it was opened", func(c *Case) {
			c.Status, c.Closed, c.CloseReason = CaseClosed, "2000-01-01", CloseGoalsMet
		}},
		{"open with a reason", func(c *Case) { c.CloseReason = CloseOther }},
		{"closed with an unknown reason", func(c *Case) {
			c.Status, c.Closed, c.CloseReason = CaseClosed, c.Opened, "bored"
		}},
		{"open with a closing day", func(c *Case) { c.Closed = c.Opened }},
	}
	for _, tc := range bad {
		x := c
		tc.edit(&x)
		if err := s.SaveCase(x); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: SaveCase = %v, want ErrInvalid", tc.name, err)
		}
	}
	closed := c
	closed.Status, closed.Closed, closed.CloseReason = CaseClosed, c.Opened, CloseMovedOn
	if err := s.SaveCase(closed); err != nil {
		t.Fatal(err)
	}
	got, err := s.Case(c.ID)
	if err != nil || got.Status != CaseClosed || got.Closed != c.Opened || got.CloseReason != CloseMovedOn {
		t.Fatalf("closed case read back as %+v, %v", got, err)
	}
	list, err := s.ListCases()
	if err != nil || len(list) != 1 || list[0].Closed != c.Opened {
		t.Fatalf("summary = %+v, %v", list, err)
	}
	reopened := got
	reopened.Status, reopened.Closed, reopened.CloseReason = CaseOpen, "", ""
	if err := s.SaveCase(reopened); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Case(c.ID); got.Status != CaseOpen || got.Closed != "" || got.CloseReason != "" {
		t.Errorf("reopened case = %+v", got)
	}
}

func TestConsentContactAndNotesRoundTripAndAreChecked(t *testing.T) {
	_, s, _ := newTestVault(t)
	c := mustCreateCase(t, s, Case{Reference: "WM-N1", Language: "ro"})
	c.Consent = Consent{Given: true, Date: "2026-11-23"}
	c.Contact = Contact{Phone: "07700 900123", Address: "1 High St\nLeeds", SafeText: true, CodeWord: "blue"}
	c.Notes = []Note{{Date: "2026-11-23", Adviser: "Alice", Text: "Prefers mornings.\nBring a letter."}}
	if err := s.SaveCase(c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Case(c.ID)
	if err != nil || !reflect.DeepEqual(got.Consent, c.Consent) || !reflect.DeepEqual(got.Contact, c.Contact) ||
		!reflect.DeepEqual(got.Notes, c.Notes) {
		t.Fatalf("read back %+v %+v %+v, %v", got.Consent, got.Contact, got.Notes, err)
	}
	for name, edit := range map[string]func(*Case){
		"consent on no real day": func(c *Case) { c.Consent.Date = "23/11/2026" },
		"a control character":    func(c *Case) { c.Contact.Phone = "0770\x00" },
		"an empty note":          func(c *Case) { c.Notes = []Note{{Date: "2026-11-23"}} },
		"a note with no day":     func(c *Case) { c.Notes = []Note{{Text: "x"}} },
		"an over-long note":      func(c *Case) { c.Notes = []Note{{Date: "2026-11-23", Text: strings.Repeat("x", 4001)}} },
	} {
		x := c
		edit(&x)
		if err := s.SaveCase(x); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: SaveCase = %v, want ErrInvalid", name, err)
		}
	}
}

func TestOutcomesRoundTripAndAreChecked(t *testing.T) {
	_, s, _ := newTestVault(t)
	c := mustCreateCase(t, s, Case{Reference: "WM-O1", Language: "pl"})
	pay := 12.71
	c.Outcomes = jobs.Outcomes{
		Benefits: []jobs.BenefitOutcome{{Benefit: "universal_credit", Status: jobs.BenefitApplied, Applied: "2026-11-20"}},
		Work:     []jobs.WorkOutcome{{Started: "2026-11-21", Sector: "warehouse", HourlyPay: &pay, PayChecked: true}},
	}
	if err := s.SaveCase(c); err != nil {
		t.Fatal(err)
	}
	got, err := s.Case(c.ID)
	if err != nil || !reflect.DeepEqual(got.Outcomes, c.Outcomes) {
		t.Fatalf("outcomes read back %+v, %v", got.Outcomes, err)
	}
	c.Outcomes.Work[0].Sector = "space"
	if err := s.SaveCase(c); !errors.Is(err, ErrInvalid) {
		t.Errorf("an unknown sector saved: %v", err)
	}
}

func TestKeyDatesRoundTripAndAreChecked(t *testing.T) {
	_, s, _ := newTestVault(t)
	c := mustCreateCase(t, s, Case{Reference: "WM-K1", Language: "ro"})
	c.KeyDates = eligibility.KeyDates{ReasonableGrounds: "2026-10-01", LeaveExpires: "2027-03-01"}
	if err := s.SaveCase(c); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Case(c.ID); err != nil || !reflect.DeepEqual(got.KeyDates, c.KeyDates) {
		t.Fatalf("key dates read back %+v, %v", got.KeyDates, err)
	}
	c.KeyDates.ConclusiveGrounds = "2026-09-01" // before the reasonable grounds decision
	if err := s.SaveCase(c); !errors.Is(err, ErrInvalid) {
		t.Errorf("a conclusive decision before the reasonable one saved: %v", err)
	}
}
