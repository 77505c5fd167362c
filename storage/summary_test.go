package storage

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"waymark/eligibility"
	_ "waymark/eligibility/uk" // registers the UK pack, for the deadline-facts check
	"waymark/jobs"
)

// deadlineCase is a case with everything the home screen reads from its summary: key dates, a
// refused claim in its outcomes, the facts the deadlines turn on and a plan with dated steps.
func deadlineCase(ref string) Case {
	c := sampleCase(ref)
	nation, rg := eligibility.England, eligibility.RGPositive
	c.Facts.Nation, c.Facts.NRMReasonableGrounds = &nation, &rg
	c.KeyDates = eligibility.KeyDates{ReasonableGrounds: "2026-10-01", LeaveExpires: "2027-01-31"}
	c.Outcomes = jobs.Outcomes{Benefits: []jobs.BenefitOutcome{
		{Benefit: "universal_credit", Status: jobs.BenefitRefused, Applied: "2026-10-20", Decided: "2026-11-12"},
		{Benefit: "pip", Status: jobs.BenefitApplied, Applied: "2026-11-01"}, // not decided: no deadline
	}}
	c.Steps = []jobs.Step{
		{Code: "mr_pip", Text: "Ask DWP to look again at the PIP decision (mandatory reconsideration).", Owner: jobs.OwnerAdviser, Due: "2026-08-01", Done: true},
		{Text: "Ring the Jobcentre", Owner: jobs.OwnerAdviser, Due: "2026-11-30"},
		{Code: "register_gp", Text: "Register with a doctor (GP). It is free.", Owner: jobs.OwnerSurvivor, Due: "2026-11-20"},
		{Text: "Book an ESOL class", Owner: jobs.OwnerSurvivor},
	}
	return c
}

func TestSummaryCarriesWhatTheHomeScreenNeeds(t *testing.T) {
	_, s, _ := newTestVault(t)
	c := mustCreateCase(t, s, deadlineCase("WM-D1"))
	if c.Adviser != "Alice" {
		t.Errorf("CreateCase set adviser %q, want the session's adviser", c.Adviser)
	}
	list, err := s.ListCases()
	if err != nil || len(list) != 1 {
		t.Fatalf("ListCases = %+v, %v", list, err)
	}
	got := list[0]
	nation, rg := eligibility.England, eligibility.RGPositive
	want := CaseSummary{
		ID: c.ID, Reference: "WM-D1", Name: "Maria Popescu", Language: "ro", Status: CaseOpen,
		Opened: "2026-11-23", Adviser: "Alice", Dates: &CaseDates{
			KeyDates: eligibility.KeyDates{ReasonableGrounds: "2026-10-01", LeaveExpires: "2027-01-31",
				BenefitDecisions: []eligibility.BenefitDecision{{Benefit: "universal_credit", Decided: "2026-11-12", Refused: true}}},
			// The immigration status is kept; the age, nationality and bank account are not.
			DeadlineFacts: eligibility.Facts{Nation: &nation, NRMReasonableGrounds: &rg, ImmigrationStatus: c.Facts.ImmigrationStatus},
			// The step's code and date; its words come from the code.
			NextStep:          jobs.Step{Code: "register_gp", Due: "2026-11-20"},
			DoneDeadlineSteps: []jobs.Step{{Code: "mr_pip", Due: "2026-08-01", Done: true}},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("summary =\n%+v\nwant\n%+v", got, want)
	}
	// The case keeps its own key dates without the decisions, which live in the outcomes.
	back, err := s.Case(c.ID)
	if err != nil || len(back.KeyDates.BenefitDecisions) != 0 || back.Adviser != "Alice" {
		t.Errorf("Case = key dates %+v, adviser %q, %v", back.KeyDates, back.Adviser, err)
	}

	// Saving the case keeps the summary in step: the next step done, the dates cleared.
	c.Steps[2].Done = true
	c.KeyDates, c.Outcomes = eligibility.KeyDates{}, jobs.Outcomes{}
	c.Facts = eligibility.Facts{}
	if err := s.SaveCase(c); err != nil {
		t.Fatal(err)
	}
	list, _ = s.ListCases()
	// An adviser's own step keeps its words.
	if d := list[0].Dates; d == nil || d.NextStep != (jobs.Step{Text: "Ring the Jobcentre", Due: "2026-11-30"}) ||
		!d.KeyDates.IsEmpty() || !d.DeadlineFacts.IsEmpty() {
		t.Errorf("after saving: %+v", d)
	}
	c.Steps = nil
	if err := s.SaveCase(c); err != nil {
		t.Fatal(err)
	}
	if list, _ = s.ListCases(); list[0].Dates != nil {
		t.Errorf("with nothing dated left: %+v", list[0].Dates)
	}
}

func TestSummaryCutsALongStep(t *testing.T) {
	_, s, _ := newTestVault(t)
	c := sampleCase("WM-LONG")
	long := strings.Repeat("ă", 300)
	c.Steps = []jobs.Step{{Text: long, Owner: jobs.OwnerAdviser, Due: "2026-12-01"}}
	c = mustCreateCase(t, s, c)
	list, _ := s.ListCases()
	if got := list[0].Dates.NextStep.Text; got != strings.Repeat("ă", MaxSummaryStepRunes) {
		t.Errorf("summary step text has %d runes, want %d", len([]rune(got)), MaxSummaryStepRunes)
	}
	if back, _ := s.Case(c.ID); back.Steps[0].Text != long {
		t.Error("the plan itself lost the end of the step")
	}
}

// TestOldSummariesStillOpen opens summaries as earlier builds wrote them, byte for byte: before
// the closing date (v1) and before the adviser and the home screen's copies. They read back
// with the new fields empty, and the case opens with no adviser.
func TestOldSummariesStillOpen(t *testing.T) {
	k := testAEAD(t)
	tests := []struct {
		name, json string
		want       CaseSummary
	}{
		{"v1", `{"r":"WM-OLD","n":"Ion","l":"ro","s":"open","o":"2026-11-23"}`,
			CaseSummary{Reference: "WM-OLD", Name: "Ion", Language: "ro", Status: CaseOpen, Opened: "2026-11-23"}},
		{"with review and closing", `{"r":"WM-OLD","s":"closed","o":"2026-01-02","rv":"2026-03-01","cl":"2026-04-01","cr":"moved_on"}`,
			CaseSummary{Reference: "WM-OLD", Status: CaseClosed, Opened: "2026-01-02", Review: "2026-03-01", Closed: "2026-04-01"}},
		{"a later build's field", `{"r":"WM-OLD","s":"open","o":"2026-11-23","zz":{"x":1}}`,
			CaseSummary{Reference: "WM-OLD", Status: CaseOpen, Opened: "2026-11-23"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := "0123456789abcdef0123456789abcdef"
			sealed, err := sealRecord(k.aead, kindCaseSummary, id, []byte(tc.json))
			if err != nil {
				t.Fatal(err)
			}
			got, err := openSummary(k, id, sealed)
			tc.want.ID = id
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("openSummary = %+v, %v\nwant %+v", got, err, tc.want)
			}
			detail, err := sealRecord(k.aead, kindCaseDetail, id, []byte(`{"facts":{}}`))
			if err != nil {
				t.Fatal(err)
			}
			c, err := openCase(k, id, sealed, detail)
			if err != nil || c.Adviser != "" || c.Reference != "WM-OLD" {
				t.Errorf("openCase = %+v, %v", c, err)
			}
		})
	}
}

// TestSummaryOfACaseWithNothingDatedStaysSmall checks that a case without key dates, facts the
// deadlines read or a plan adds nothing to its summary record.
func TestSummaryOfACaseWithNothingDatedStaysSmall(t *testing.T) {
	k := testAEAD(t)
	c := Case{ID: "0123456789abcdef0123456789abcdef", Reference: "WM-1", Status: CaseOpen, Opened: "2026-11-23", Adviser: "Ana"}
	age := 30
	c.Facts.Age = &age
	c.Steps = []jobs.Step{{Text: "No date", Owner: jobs.OwnerAdviser}}
	sum, _, err := sealCase(k, c)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := openRecord(k.aead, kindCaseSummary, c.ID, sum)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"r":"WM-1","s":"open","o":"2026-11-23","a":"Ana"}`; string(plain) != want {
		t.Errorf("summary = %s, want %s", plain, want)
	}
}

func TestCaseAdviser(t *testing.T) {
	_, admin, _ := newTestVault(t)
	if err := admin.AddAdviser("Bogdan", RoleAdviser, adviserPass); err != nil {
		t.Fatal(err)
	}
	bogdan, err := admin.Vault().Unlock("Bogdan", adviserPass)
	if err != nil {
		t.Fatal(err)
	}
	mine := mustCreateCase(t, bogdan, sampleCase("WM-B1"))
	if mine.Adviser != "Bogdan" {
		t.Errorf("case opened by Bogdan has adviser %q", mine.Adviser)
	}
	given := sampleCase("WM-B2")
	given.Adviser = "  Alice "
	handed := mustCreateCase(t, bogdan, given)
	if handed.Adviser != "Alice" {
		t.Errorf("an adviser given when the case is made: %q, want Alice", handed.Adviser)
	}

	// Saving without an adviser keeps the stored one; naming another hands the case over.
	mine.Adviser = ""
	mine.Name = "Changed"
	if err := admin.SaveCase(mine); err != nil {
		t.Fatal(err)
	}
	if got, _ := admin.Case(mine.ID); got.Adviser != "Bogdan" || got.Name != "Changed" {
		t.Errorf("after a save without adviser: %q, %q", got.Adviser, got.Name)
	}
	mine.Adviser = "Alice"
	if err := admin.SaveCase(mine); err != nil {
		t.Fatal(err)
	}
	if got, _ := admin.Case(mine.ID); got.Adviser != "Alice" {
		t.Errorf("after handing over: %q", got.Adviser)
	}

	for _, bad := range []string{"Ana\x00", strings.Repeat("x", maxNameRunes+1)} {
		c := sampleCase("WM-BAD")
		c.Adviser = bad
		if _, err := admin.CreateCase(c); !errors.Is(err, ErrInvalid) {
			t.Errorf("adviser %q: CreateCase = %v, want ErrInvalid", bad, err)
		} else if strings.Contains(err.Error(), bad) {
			t.Errorf("the error carries the value: %v", err)
		}
	}
}

// TestDeadlineFactsAreEnough checks that the UK pack works out the same deadlines from the few
// facts a summary keeps as from all of a case's facts, over many made-up cases: if the pack
// starts reading another fact, this fails and deadlineFacts must keep it too.
func TestDeadlineFactsAreEnough(t *testing.T) {
	pack, ok := eligibility.DefaultRegistry.Lookup("uk")
	if !ok {
		t.Fatal("the UK pack is not registered")
	}
	r := rand.New(rand.NewPCG(5, 23))
	pick := func(vals ...string) string { return vals[r.IntN(len(vals))] }
	date := func() string {
		if r.IntN(4) == 0 {
			return ""
		}
		return fmt.Sprintf("2026-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))
	}
	today := testNow
	for i := range 3000 {
		var f eligibility.Facts
		fields := map[string]string{
			"nation":                 pick("england", "wales", "scotland", "northern_ireland"),
			"immigration_status":     pick("refugee", "euss_settled", "no_leave", "leave_with_public_funds", "asylum_seeker"),
			"nrm_reasonable_grounds": pick("positive", "negative", "pending"),
			"nrm_conclusive_grounds": pick("positive", "negative", "pending"),
			"age":                    fmt.Sprint(16 + r.IntN(60)),
			"couple":                 pick("true", "false"),
			"has_nino":               pick("true", "false"),
			"housing":                pick("msvcc_accommodation", "homeless", "private_rented"),
			"children_ages":          pick("[]", "[3]", "[1,12]"),
		}
		for name, v := range fields {
			if r.IntN(5) == 0 {
				continue // not asked yet
			}
			if name == "nation" || name == "immigration_status" || strings.HasPrefix(name, "nrm") || name == "housing" {
				v = `"` + v + `"`
			}
			var err error
			if f, err = f.WithFact(name, []byte(v)); err != nil {
				t.Fatalf("fact %s=%s: %v", name, v, err)
			}
		}
		k := eligibility.KeyDates{ReasonableGrounds: date(), LeaveGranted: date()}
		if k.ReasonableGrounds != "" && r.IntN(2) == 0 {
			k.ConclusiveGrounds = "2026-12-15"
		}
		if k.LeaveGranted != "" && r.IntN(2) == 0 {
			k.LeaveExpires = "2027-12-31"
		}
		for range r.IntN(3) {
			k.BenefitDecisions = append(k.BenefitDecisions, eligibility.BenefitDecision{
				Benefit: pick("universal_credit", "pip", "housing_benefit", "child_benefit"),
				Decided: "2026-11-0" + fmt.Sprint(1+r.IntN(9)), Refused: r.IntN(2) == 0})
		}
		full := eligibility.Deadlines(pack, k, f, today)
		kept := eligibility.Deadlines(pack, k, deadlineFacts(f), today)
		if !reflect.DeepEqual(full, kept) {
			t.Fatalf("case %d: deadlines from all facts %+v\nfrom the summary's %+v", i, full, kept)
		}
	}
}

func TestDatesLineRoundTrip(t *testing.T) {
	nation, status, rg, cg := eligibility.Scotland, eligibility.Refugee, eligibility.RGPositive, eligibility.CGPending
	tests := []CaseDates{
		{KeyDates: eligibility.KeyDates{ReasonableGrounds: "2026-10-01"}},
		{KeyDates: eligibility.KeyDates{ConclusiveGrounds: "2026-10-02", LeaveGranted: "2026-01-03", LeaveExpires: "2027-01-04",
			BenefitDecisions: []eligibility.BenefitDecision{{Benefit: "pip", Decided: "2026-11-01", Refused: true},
				{Benefit: "universal_credit", Decided: "2026-11-02"}}}},
		{DeadlineFacts: eligibility.Facts{Nation: &nation, ImmigrationStatus: &status, NRMReasonableGrounds: &rg, NRMConclusiveGrounds: &cg}},
		{DeadlineFacts: eligibility.Facts{NRMConclusiveGrounds: &cg}},
		{NextStep: jobs.Step{Code: "register_gp", Due: "2026-11-20"}},
		{NextStep: jobs.Step{Due: "2026-11-20"}},
		{DoneDeadlineSteps: []jobs.Step{{Code: "mr_pip", Due: "2026-12-01", Done: true}, {Code: "extend_leave", Due: "2027-01-01", Done: true}}},
	}
	for i, d := range tests {
		line := encodeDates(&d)
		got, err := decodeDates(line)
		if err != nil || !reflect.DeepEqual(*got, d) {
			t.Errorf("%d: %q reads back as %+v, %v\nwant %+v", i, line, got, err, d)
		}
	}
	// A fact outside the contract cannot break the line: it is left out.
	odd := eligibility.Nation("england;x=1,2")
	line := encodeDates(&CaseDates{DeadlineFacts: eligibility.Facts{Nation: &odd, ImmigrationStatus: &status}})
	if got, err := decodeDates(line); err != nil || got.DeadlineFacts.Nation != nil || *got.DeadlineFacts.ImmigrationStatus != status {
		t.Errorf("%q reads back as %+v, %v", line, got, err)
	}
}

func TestDatesLineFromALaterBuildOrDamaged(t *testing.T) {
	// A part this build does not know is skipped.
	got, err := decodeDates("d=2026-10-01,,,;z=anything:at,all;n=:2026-11-20")
	if err != nil || got.KeyDates.ReasonableGrounds != "2026-10-01" || got.NextStep.Due != "2026-11-20" {
		t.Errorf("with an unknown part: %+v, %v", got, err)
	}
	for _, bad := range []string{"d=2026-10-01", "b=pip:2026-11-01", "garbage", "f=a,b", "n=register_gp", "x=mr_pip"} {
		if _, err := decodeDates(bad); !errors.Is(err, ErrCorrupt) {
			t.Errorf("decodeDates(%q) = %v, want ErrCorrupt", bad, err)
		}
	}
}
