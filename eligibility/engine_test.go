package eligibility

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// stubPack returns whatever outcome it is given, so tests can feed the engine broken answers.
type stubPack struct {
	id       string
	version  string
	reviewed time.Time
	benefits []string
	outcome  Outcome
}

func (p *stubPack) ID() string                        { return p.id }
func (p *stubPack) Version() string                   { return p.version }
func (p *stubPack) Reviewed() time.Time               { return p.reviewed }
func (p *stubPack) Benefits() []string                { return p.benefits }
func (p *stubPack) Evaluate(Facts, time.Time) Outcome { return p.outcome }
func newStub(benefits ...string) *stubPack {
	return &stubPack{id: "stub", version: "1", reviewed: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), benefits: benefits}
}
func reason(code string) Reason {
	return Reason{Code: code, MessageID: "elig." + code, Source: "https://www.gov.uk/x"}
}
func result(b string, s Status, missing ...string) Result {
	return Result{Benefit: b, Status: s, Reasons: []Reason{reason(b)}, Missing: missing}
}

// TestEvaluateRepairsAPacksOutcome: the engine shows every declared benefit once, in order,
// whatever the pack returned, and normalises lists and estimates.
func TestEvaluateRepairsAPacksOutcome(t *testing.T) {
	p := newStub("a", "b", "c", "d")
	est := 12.346
	p.outcome = Outcome{
		Results: []Result{
			{Benefit: "c", Status: NeedInfo, Missing: []string{"capital", "age", "capital", "not_a_fact"}},
			result("a", Eligible),
			result("a", NotEligible),
			result("zzz", Eligible),
			{Benefit: "b", Status: "maybe"},
			{Benefit: "d", Status: Eligible, MonthlyEstimate: &est, Reasons: []Reason{reason("d")}},
		},
		NextSteps: []NextStep{{Code: "x", MessageID: "elig.step.x"}, {Code: "x", MessageID: "elig.step.x"}, {Code: "y", MessageID: "elig.step.y"}},
	}
	r := Evaluate(p, Facts{}, time.Date(2026, 11, 23, 22, 0, 0, 0, time.FixedZone("x", -5*3600)))
	if r.AssessmentDate != "2026-11-23" || r.Rulepack.Reviewed != "2026-01-02" {
		t.Errorf("dates: %q %q", r.AssessmentDate, r.Rulepack.Reviewed)
	}
	var got []string
	for _, res := range r.Results {
		got = append(got, res.Benefit+":"+string(res.Status)+":"+strings.Join(res.Missing, "+"))
		if res.Reasons == nil || res.Missing == nil {
			t.Errorf("%s: nil reasons or missing", res.Benefit)
		}
	}
	if want := "a:eligible: b:need_info: c:need_info:age+capital d:eligible:"; strings.Join(got, " ") != want {
		t.Errorf("results = %s\nwant      %s", strings.Join(got, " "), want)
	}
	if b := r.Results[1]; len(b.Reasons) != 1 || b.Reasons[0].Code != CodeNotAssessed {
		t.Errorf("a result with an invalid status must become not-assessed: %+v", b)
	}
	if d := r.Results[3]; d.MonthlyEstimate == nil || *d.MonthlyEstimate != 12.35 {
		t.Errorf("estimate = %v, want 12.35", d.MonthlyEstimate)
	}
	if len(r.NextSteps) != 2 || r.NextSteps[0].Code != "x" || r.NextSteps[1].Code != "y" {
		t.Errorf("next steps = %+v", r.NextSteps)
	}

	p.outcome = Outcome{}
	r = Evaluate(p, Facts{}, time.Now())
	for _, res := range r.Results {
		if res.Status != NeedInfo || res.Reasons[0].Code != CodeNotAssessed || res.Reasons[0].MessageID != "elig.engine.not_assessed" {
			t.Errorf("a pack that answers nothing: %+v", res)
		}
	}
}

// TestCheckPackReportsEachBreach feeds CheckPack an outcome with one of each contract breach.
func TestCheckPackReportsEachBreach(t *testing.T) {
	age := 30
	p := newStub("a", "b", "c", "d")
	p.outcome = Outcome{
		Results: []Result{
			result("a", Eligible, "capital"),
			result("a", Eligible),
			result("zzz", Eligible),
			{Benefit: "b", Status: "maybe"},
			{Benefit: "c", Status: NeedInfo, Reasons: []Reason{{Code: "c", MessageID: "c.open", Source: "http://example.org"}},
				Missing: []string{"age", "agee", "capital", "capital"}},
		},
		NextSteps: []NextStep{{Code: "x", MessageID: "step.x"}, {Code: "y", MessageID: "elig.step.y"}, {Code: "y", MessageID: "elig.step.y"}},
	}
	errs := CheckPack(p, Facts{Age: &age}, time.Now())
	var all []string
	for _, e := range errs {
		all = append(all, e.Error())
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{
		`a: status eligible lists missing facts [capital]`,
		`benefit "a" has more than one result`,
		`result for undeclared benefit "zzz"`,
		`b: status "maybe" is not eligible`,
		`b: no reasons`,
		`c: missing "age" is a fact already given`,
		`c: missing "agee" is not a fact`,
		`c: missing "capital" listed twice`,
		`message id "c.open" does not start "elig."`,
		`source "http://example.org" is not an https URL`,
		`no result for declared benefit "d"`,
		`next step "x" needs a code and a message id`,
		`next step "y" given twice`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("CheckPack did not report %q; got:\n%s", want, text)
		}
	}
	good := newStub("a")
	good.outcome = Outcome{Results: []Result{result("a", NeedInfo, "capital")}}
	if errs := CheckPack(good, Facts{}, time.Now()); len(errs) != 0 {
		t.Errorf("a conforming pack: %v", errs)
	}
}

func TestRegistry(t *testing.T) {
	var r Registry
	if err := r.Register(newStub("a")); err != nil {
		t.Fatal(err)
	}
	nl := newStub("x")
	nl.id = "nl"
	if err := r.Register(nl); err != nil {
		t.Fatal(err)
	}
	if err := r.Register(newStub("a")); !errors.Is(err, ErrDuplicatePack) {
		t.Errorf("second pack with the same id: %v", err)
	}
	if p, ok := r.Lookup("nl"); !ok || p != nl {
		t.Error("Lookup")
	}
	if _, ok := r.Lookup("ro"); ok {
		t.Error("Lookup of an unregistered pack")
	}
	if ps := r.Packs(); len(ps) != 2 || ps[0].ID() != "nl" || ps[1].ID() != "stub" {
		t.Errorf("Packs not sorted by id")
	}
	bad := []*stubPack{
		{id: "", version: "1", reviewed: time.Now(), benefits: []string{"a"}},
		{id: "UK", version: "1", reviewed: time.Now(), benefits: []string{"a"}},
		{id: "uk", version: "", reviewed: time.Now(), benefits: []string{"a"}},
		{id: "uk", version: "1", benefits: []string{"a"}},
		{id: "uk", version: "1", reviewed: time.Now()},
		{id: "uk", version: "1", reviewed: time.Now(), benefits: []string{"a", "a"}},
		{id: "uk", version: "1", reviewed: time.Now(), benefits: []string{"Universal Credit"}},
	}
	for i, p := range bad {
		if err := r.Register(p); !errors.Is(err, ErrInvalidPack) {
			t.Errorf("bad pack %d registered: %v", i, err)
		}
	}
	if err := r.Register(nil); !errors.Is(err, ErrInvalidPack) {
		t.Errorf("nil pack: %v", err)
	}
}

func TestMustRegisterPanicsOnDuplicate(t *testing.T) {
	p := newStub("a")
	p.id = "must_register_test"
	MustRegister(p)
	defer func() {
		if recover() == nil {
			t.Error("MustRegister of a taken id did not panic")
		}
	}()
	MustRegister(p)
}
