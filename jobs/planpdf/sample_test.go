package planpdf

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"waymark/eligibility"
	_ "waymark/eligibility/uk"
	"waymark/jobs"
	"waymark/locales"
)

// testDay is the day every sample plan is made.
var testDay = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

// sampleFacts is a single Romanian worker in England with pre-settled status, no National
// Insurance number and no bank account, a positive reasonable grounds decision, renting.
const sampleFacts = `{"nation": "england", "age": 29, "nationality": "RO",
  "immigration_status": "euss_pre_settled", "right_to_reside": "worker",
  "habitually_resident": true, "nrm_reasonable_grounds": "positive",
  "nrm_conclusive_grounds": "pending", "couple": false, "children_ages": [],
  "capital": 0, "monthly_earnings": 0, "housing": "private_rented", "monthly_rent": 650,
  "liable_for_council_tax": true, "has_nino": false, "has_bank_account": false,
  "has_photo_id": true, "destitute": true}`

// sampleResults evaluates sampleFacts with the UK pack on testDay.
func sampleResults(t testing.TB) eligibility.Results {
	t.Helper()
	facts, err := eligibility.DecodeFacts([]byte(sampleFacts))
	if err != nil {
		t.Fatal(err)
	}
	pack, ok := eligibility.DefaultRegistry.Lookup("uk")
	if !ok {
		t.Fatal("no uk rule pack")
	}
	return eligibility.Evaluate(pack, facts, testDay)
}

// sensitiveOwnStep is a step in the adviser's own words that names immigration details; a safe
// print must leave it out.
const sensitiveOwnStep = "Ask the Home Office about your visa."

// sampleSteps covers every kind of step: suggested with and without something to bring, done,
// without a due date, in the adviser's own words, and sensitive ones of both kinds.
func sampleSteps() []jobs.Step {
	coded := func(code string, owner jobs.Owner, due string, done bool) jobs.Step {
		text, _ := jobs.StepText(code)
		return jobs.Step{Code: code, Text: text, Owner: owner, Due: due, Done: done}
	}
	return []jobs.Step{
		coded("apply_nino", jobs.OwnerSurvivor, "2026-12-07", false),
		coded("open_bank_account", jobs.OwnerSurvivor, "2026-12-07", true),
		coded("claim_universal_credit", jobs.OwnerSurvivor, "2026-11-30", false),
		coded("ask_victim_support", jobs.OwnerAdviser, "2026-11-26", false),
		{Text: "Meet Ana at the community centre on Tuesday at 10.", Owner: jobs.OwnerOther, Due: "2026-11-24"},
		coded("register_gp", jobs.OwnerSurvivor, "", false),
		coded("immigration_advice", jobs.OwnerAdviser, "2026-12-07", false),
		{Text: sensitiveOwnStep, Owner: jobs.OwnerAdviser},
		coded("english_classes", jobs.OwnerSurvivor, "2026-12-21", false),
		coded("check_job_offers", jobs.OwnerSurvivor, "", false),
	}
}

// sampleInput is a full plan for Maria Ionescu in lang.
func sampleInput(t testing.TB, lang string, safe bool) Input {
	return Input{
		Reference: "WM-2026-014",
		GivenName: "Maria",
		FullName:  "Maria Ionescu",
		Language:  lang,
		Nation:    eligibility.England,
		Date:      testDay,
		Review:    "2027-01-15",
		Results:   sampleResults(t),
		Steps:     sampleSteps(),
		Safe:      safe,
	}
}

// renderBytes renders in with the shipped translators for its language and English.
func renderBytes(t testing.TB, in Input) []byte {
	t.Helper()
	var buf bytesBuffer
	if err := Render(&buf, in, locales.New(in.Language), locales.New("en")); err != nil {
		t.Fatalf("render: %v", err)
	}
	return buf.b
}

// bytesBuffer is a minimal writer that records how many writes it saw.
type bytesBuffer struct {
	b      []byte
	writes int
}

func (w *bytesBuffer) Write(p []byte) (int, error) {
	w.writes++
	w.b = append(w.b, p...)
	return len(p), nil
}

// keep writes pdf to $WAYMARK_PLAN_OUT/name when set, for looking at the plan by eye:
// WAYMARK_PLAN_OUT=/tmp/plans go test ./jobs/planpdf -run Golden
func keep(t *testing.T, name string, pdf []byte) {
	t.Helper()
	dir := os.Getenv("WAYMARK_PLAN_OUT")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o600); err != nil {
		t.Fatal(err)
	}
}
