package jobs

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"waymark/eligibility"
	"waymark/eligibility/uk"
	"waymark/locales"
)

var suggestDay = time.Date(2026, 11, 23, 15, 4, 0, 0, time.UTC)

// codesOf lists the step codes of suggestions, in order.
func codesOf(ss []Suggestion) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Step.Code)
	}
	return out
}

func whyOf(ss []Suggestion, code string) string {
	for _, s := range ss {
		if s.Step.Code == code {
			return s.WhyID
		}
	}
	return ""
}

func status(s eligibility.ImmigrationStatus) eligibility.Facts {
	return eligibility.Facts{ImmigrationStatus: &s}
}

func TestSuggestFromResults(t *testing.T) {
	results := eligibility.Results{
		Results: []eligibility.Result{
			{Benefit: "universal_credit", Status: eligibility.Eligible},
			{Benefit: "child_benefit", Status: eligibility.NeedInfo},
			{Benefit: "pip", Status: eligibility.NotEligible},
			{Benefit: "victim_support", Status: eligibility.Eligible},
			{Benefit: "council_tax_reduction", Status: eligibility.Eligible},
			{Benefit: "netherlands_toeslag", Status: eligibility.Eligible}, // another pack's benefit: no step
		},
		NextSteps: []eligibility.NextStep{
			{Code: "uc_advance"},
			{Code: "apply_nino"},
			{Code: "sar_exemption", Data: map[string]any{"Age": 35}},
			{Code: "some_future_step"},
			{Code: "alternative_payment_arrangements", MessageID: "elig.step.alternative_payment_arrangements.scotland"},
		},
	}
	got := Suggest(results, eligibility.Facts{}, Profile{}, suggestDay)
	want := []string{"apply_nino", "ask_uc_advance", "payment_arrangements", "sar_exemption",
		"claim_universal_credit", "claim_council_tax_reduction", "ask_victim_support"}
	if !reflect.DeepEqual(codesOf(got), want) {
		t.Fatalf("codes %v\nwant  %v", codesOf(got), want)
	}
	if w := whyOf(got, "claim_universal_credit"); w != "jobs.why.eligible" {
		t.Errorf("claim why = %q", w)
	}
	for _, s := range got {
		if s.Step.Code == "sar_exemption" {
			if s.WhyID != "jobs.why.sar_exemption" || s.WhyData["Age"] != 35 {
				t.Errorf("sar_exemption why %q %v", s.WhyID, s.WhyData)
			}
			// The suggestion holds its own copy of the data.
			s.WhyData["Age"] = 1
			if results.NextSteps[2].Data["Age"] != 35 {
				t.Error("Suggest shares the next step's data map")
			}
		}
	}
	first := got[0].Step
	if want := (Step{Code: "apply_nino", Text: "Apply for a National Insurance number.", Owner: OwnerSurvivor, Due: "2026-12-07"}); first != want {
		t.Errorf("first step %+v, want %+v", first, want)
	}
}

func TestSuggestFromProfile(t *testing.T) {
	tests := []struct {
		name  string
		facts eligibility.Facts
		p     Profile
		want  []string
		why   map[string]string
	}{
		{"nothing", eligibility.Facts{}, Profile{}, nil, nil},
		{"every barrier", status(eligibility.Refugee),
			Profile{Barriers: []Barrier{BarrierTrauma, BarrierCriminalRecord, BarrierDebt, BarrierChildcare,
				BarrierHealth, BarrierHousing, BarrierNoBankAccount, BarrierNoNINO, BarrierNoID}},
			[]string{"apply_nino", "open_bank_account", "get_photo_id", "ask_housing_help", "register_gp",
				"mental_health_support", "ask_childcare_help", "debt_advice", "criminal_record_advice"},
			map[string]string{"apply_nino": "jobs.why.no_nino", "register_gp": "jobs.why.health", "mental_health_support": "jobs.why.trauma"}},
		{"no nino, asylum seeker", status(eligibility.AsylumSeeker), Profile{Barriers: []Barrier{BarrierNoNINO}},
			[]string{"immigration_advice"}, map[string]string{"immigration_advice": "jobs.why.rtw_no"}},
		{"no bank, no leave", status(eligibility.NoLeave), Profile{Barriers: []Barrier{BarrierNoBankAccount}},
			[]string{"immigration_advice"}, nil},
		{"no bank, asylum seeker", status(eligibility.AsylumSeeker), Profile{Barriers: []Barrier{BarrierNoBankAccount}},
			[]string{"open_bank_account"}, nil},
		{"work, may work", status(eligibility.EUSSPreSettled), Profile{Goals: []Goal{GoalWork}},
			[]string{"job_search_support", "check_job_offers"},
			map[string]string{"job_search_support": "jobs.why.goal_work", "check_job_offers": "jobs.why.check_job_offers"}},
		{"work, may not work", status(eligibility.NoLeave), Profile{Goals: []Goal{GoalWork}},
			[]string{"immigration_advice"}, map[string]string{"immigration_advice": "jobs.why.rtw_no"}},
		{"work, status unknown", eligibility.Facts{}, Profile{Goals: []Goal{GoalWork}},
			[]string{"immigration_advice", "check_job_offers"}, map[string]string{"immigration_advice": "jobs.why.rtw_unknown"}},
		{"work, leave conditions", status(eligibility.LeaveNoPublicFunds), Profile{Goals: []Goal{GoalWork}},
			[]string{"immigration_advice", "check_job_offers"}, map[string]string{"immigration_advice": "jobs.why.rtw_unknown"}},
		{"every goal", status(eligibility.BritishOrIrish),
			Profile{Goals: []Goal{GoalSelfEmployment, GoalVolunteering, GoalEducation, GoalTraining, GoalEnglish, GoalWork}},
			[]string{"english_classes", "job_search_support", "check_job_offers", "find_training", "find_volunteering",
				"education_advice", "self_employment_advice"},
			map[string]string{"english_classes": "jobs.why.goal_english"}},
		{"english A2", eligibility.Facts{}, Profile{EnglishLevel: LevelA2}, []string{"english_classes"},
			map[string]string{"english_classes": "jobs.why.english_level"}},
		{"english B1", eligibility.Facts{}, Profile{EnglishLevel: LevelB1}, nil, nil},
		{"english not assessed", eligibility.Facts{}, Profile{}, nil, nil},
		{"qualifications without a goal", eligibility.Facts{}, Profile{Qualifications: []string{"Diploma"}}, nil, nil},
		{"qualifications and training", eligibility.Facts{}, Profile{Qualifications: []string{"Diploma"}, Goals: []Goal{GoalTraining}},
			[]string{"compare_qualifications", "find_training"}, map[string]string{"compare_qualifications": "jobs.why.qualifications"}},
		{"past exploitation", eligibility.Facts{}, Profile{WorkHistory: []Job{{Sector: "care"}, {Sector: "car_wash", Exploitative: true}}},
			[]string{"workers_rights"}, map[string]string{"workers_rights": "jobs.why.past_exploitation"}},
		{"past work, not exploitative", eligibility.Facts{}, Profile{WorkHistory: []Job{{Sector: "care"}}}, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Suggest(eligibility.Results{}, tc.facts, tc.p, suggestDay)
			if !reflect.DeepEqual(codesOf(got), tc.want) {
				t.Fatalf("codes %v\nwant  %v", codesOf(got), tc.want)
			}
			for code, why := range tc.why {
				if got := whyOf(got, code); got != why {
					t.Errorf("%s why %q, want %q", code, got, why)
				}
			}
		})
	}
}

// TestSuggestDedupesAcrossSources checks that a step asked for by the eligibility next steps
// and by the profile appears once, with the first reason.
func TestSuggestDedupesAcrossSources(t *testing.T) {
	results := eligibility.Results{NextSteps: []eligibility.NextStep{{Code: "apply_nino"}, {Code: "photo_id"}}}
	p := Profile{Barriers: []Barrier{BarrierNoNINO, BarrierNoID}, Goals: []Goal{GoalEnglish}, EnglishLevel: LevelA1}
	got := Suggest(results, status(eligibility.Refugee), p, suggestDay)
	if want := []string{"apply_nino", "get_photo_id", "english_classes"}; !reflect.DeepEqual(codesOf(got), want) {
		t.Fatalf("codes %v, want %v", codesOf(got), want)
	}
	if w := whyOf(got, "english_classes"); w != "jobs.why.goal_english" {
		t.Errorf("english_classes why %q", w)
	}
}

// TestSuggestWithUKPack runs the real rules: the full case-file example.
func TestSuggestWithUKPack(t *testing.T) {
	cf := mustReadCaseFile(t, "testdata/case_full.json")
	p := mustReadProfile(t, "testdata/profile_full.json")
	results := eligibility.Evaluate(uk.Pack{}, cf.Facts, suggestDay)
	got := Suggest(results, cf.Facts, p, suggestDay)
	codes := codesOf(got)
	for _, want := range []string{"apply_nino", "open_bank_account", "debt_advice", "english_classes",
		"job_search_support", "check_job_offers", "compare_qualifications", "workers_rights"} {
		if !slices.Contains(codes, want) {
			t.Errorf("missing %s in %v", want, codes)
		}
	}
	again := Suggest(results, cf.Facts, p, suggestDay)
	if !reflect.DeepEqual(got, again) {
		t.Error("Suggest is not deterministic")
	}
	en := locales.New("en")
	for _, s := range got {
		if err := s.Step.Validate(); err != nil {
			t.Errorf("%s: suggested step does not validate: %v", s.Step.Code, err)
		}
		if txt := en.T(s.WhyID, s.WhyData); txt == "" || txt[0] == '[' || containsTemplate(txt) {
			t.Errorf("%s: why %q renders as %q", s.Step.Code, s.WhyID, txt)
		}
	}
}

// TestEveryWhyHasAMessage checks every reason Suggest can give against the message files.
func TestEveryWhyHasAMessage(t *testing.T) {
	whys := []string{"eligible", "english_level", "goal_work", "check_job_offers", "rtw_no", "rtw_unknown",
		"qualifications", "past_exploitation"}
	for _, m := range nextStepCodes {
		whys = append(whys, m.why)
	}
	for _, m := range barrierCodes {
		whys = append(whys, m.why)
	}
	for _, m := range goalCodes {
		whys = append(whys, m.why)
	}
	for _, w := range whys {
		if !locales.Has("jobs.why." + w) {
			t.Errorf("no message jobs.why.%s", w)
		}
	}
	for _, code := range claimCodes {
		if !IsStepCode(code) {
			t.Errorf("claim code %q is not a step code", code)
		}
	}
	if len(barrierCodes) != len(Barriers()) {
		t.Errorf("%d barriers have steps, %d barriers exist", len(barrierCodes), len(Barriers()))
	}
}

func TestRightToWork(t *testing.T) {
	tests := []struct {
		status eligibility.ImmigrationStatus
		want   eligibility.Tri
		reason string
	}{
		{eligibility.BritishOrIrish, eligibility.Yes, "british_or_irish"},
		{eligibility.EUSSSettled, eligibility.Yes, "euss_status"},
		{eligibility.EUSSPreSettled, eligibility.Yes, "euss_status"},
		{eligibility.EUSSPending, eligibility.Yes, "euss_pending"},
		{eligibility.IndefiniteLeave, eligibility.Yes, "indefinite_leave"},
		{eligibility.Refugee, eligibility.Yes, "protection"},
		{eligibility.HumanitarianProtection, eligibility.Yes, "protection"},
		{eligibility.VTSLeave, eligibility.Yes, "vts_leave"},
		{eligibility.LeaveWithPublicFunds, eligibility.Unknown, "leave_conditions"},
		{eligibility.LeaveNoPublicFunds, eligibility.Unknown, "leave_conditions"},
		{eligibility.AsylumSeeker, eligibility.No, "asylum_seeker"},
		{eligibility.NoLeave, eligibility.No, "no_leave"},
	}
	if len(tests) != len(eligibility.AllowedValues("immigration_status")) {
		t.Fatalf("%d statuses tested, the contract has %d", len(tests), len(eligibility.AllowedValues("immigration_status")))
	}
	for _, tc := range tests {
		got := RightToWorkFrom(status(tc.status))
		if got.Answer != tc.want || got.Reason != tc.reason || got.Source == "" {
			t.Errorf("%s: %+v, want %v %s", tc.status, got, tc.want, tc.reason)
		}
	}
	if got := RightToWorkFrom(eligibility.Facts{}); got.Answer != eligibility.Unknown || got.Reason != "unknown" {
		t.Errorf("no status: %+v", got)
	}
	for _, r := range RightToWorkReasons() {
		if !locales.Has(RightToWork{Reason: r}.MessageID()) {
			t.Errorf("no message for right-to-work reason %q", r)
		}
	}
}

func BenchmarkSuggest(b *testing.B) {
	cf := mustReadCaseFile(b, "testdata/case_full.json")
	p := mustReadProfile(b, "testdata/profile_full.json")
	results := eligibility.Evaluate(uk.Pack{}, cf.Facts, suggestDay)
	b.ReportAllocs()
	for b.Loop() {
		Suggest(results, cf.Facts, p, suggestDay)
	}
}
