package jobs

import (
	"slices"
	"time"

	"waymark/eligibility"
)

// Suggestion is a step the plan proposes, with the reason it was proposed, so the adviser can
// judge it before accepting it. Nothing is in the plan until the adviser accepts it.
type Suggestion struct {
	// Step is ready to add: Code set, Text the English words, Owner who usually does it, Due
	// a date counted from the day of the suggestion (empty for a step with no deadline).
	Step Step
	// WhyID is the locales message ("jobs.why.…") that tells the adviser why.
	WhyID string
	// WhyData fills WhyID's placeholders; nil when it has none.
	WhyData map[string]any
}

// nextStepCodes maps the eligibility pack's next-step codes (eligibility/uk/steps.go) to plan
// step codes and the reason shown to the adviser.
var nextStepCodes = map[string]struct{ code, why string }{
	"apply_nino":                       {"apply_nino", "no_nino"},
	"basic_bank_account":               {"open_bank_account", "no_bank_account"},
	"payment_exception_service":        {"payment_exception_service", "payment_exception_service"},
	"photo_id":                         {"get_photo_id", "no_photo_id"},
	"uc_advance":                       {"ask_uc_advance", "uc_advance"},
	"alternative_payment_arrangements": {"payment_arrangements", "payment_arrangements"},
	"sar_exemption":                    {"sar_exemption", "sar_exemption"},
}

// claimCodes maps a benefit id to the step that claims it, for results that are eligible.
var claimCodes = map[string]string{
	"universal_credit":             "claim_universal_credit",
	"new_style_jsa":                "claim_new_style_jsa",
	"new_style_esa":                "claim_new_style_esa",
	"pip":                          "claim_pip",
	"adult_disability_payment":     "claim_adult_disability_payment",
	"housing_benefit":              "claim_housing_benefit",
	"council_tax_reduction":        "claim_council_tax_reduction",
	"child_benefit":                "claim_child_benefit",
	"pension_credit":               "claim_pension_credit",
	"scottish_child_payment":       "claim_scottish_child_payment",
	"healthy_start":                "claim_healthy_start",
	"victim_support":               "ask_victim_support",
	"nrpf_local_authority_support": "ask_council_support",
	"asylum_support":               "apply_asylum_support",
}

// barrierCodes maps a profile barrier to the step that tackles it and the reason.
var barrierCodes = map[Barrier]struct{ code, why string }{
	BarrierNoID:           {"get_photo_id", "no_photo_id"},
	BarrierNoNINO:         {"apply_nino", "no_nino"},
	BarrierNoBankAccount:  {"open_bank_account", "no_bank_account"},
	BarrierHousing:        {"ask_housing_help", "housing"},
	BarrierHealth:         {"register_gp", "health"},
	BarrierChildcare:      {"ask_childcare_help", "childcare"},
	BarrierDebt:           {"debt_advice", "debt"},
	BarrierCriminalRecord: {"criminal_record_advice", "criminal_record"},
	BarrierTrauma:         {"mental_health_support", "trauma"},
}

// goalCodes maps the goals that lead straight to one step.
var goalCodes = map[Goal]struct{ code, why string }{
	GoalEnglish:        {"english_classes", "goal_english"},
	GoalTraining:       {"find_training", "goal_training"},
	GoalEducation:      {"education_advice", "goal_education"},
	GoalVolunteering:   {"find_volunteering", "goal_volunteering"},
	GoalSelfEmployment: {"self_employment_advice", "goal_self_employment"},
}

// englishClassesBelow is the English level under which classes are suggested without being
// asked for: B1 is the independent-user level that work with customers, safety instructions
// or written contracts usually needs.
const englishClassesBelow = LevelB1

// Suggest proposes plan steps from the eligibility results (their next steps, and a claim for
// each benefit found eligible), from the immigration status in facts (right to work), and from
// the profile's barriers, goals, English level, qualifications and work history. Each step
// appears once, with the first reason found for it, in a fixed order (the order of StepCodes:
// documents and money, claims, support, then work and learning), so the same case always gives
// the same list. Due dates count from today.
func Suggest(results eligibility.Results, facts eligibility.Facts, p Profile, today time.Time) []Suggestion {
	var b suggester
	for _, ns := range results.NextSteps {
		if m, ok := nextStepCodes[ns.Code]; ok {
			b.add(m.code, m.why, ns.Data)
		}
	}
	for _, r := range results.Results {
		if code, ok := claimCodes[r.Benefit]; ok && r.Status == eligibility.Eligible {
			b.add(code, "eligible", nil)
		}
	}
	rtw := RightToWorkFrom(facts)
	noLeave := facts.ImmigrationStatus != nil && *facts.ImmigrationStatus == eligibility.NoLeave
	for _, id := range Barriers() {
		bar := Barrier(id)
		if !p.HasBarrier(bar) {
			continue
		}
		m := barrierCodes[bar]
		switch {
		case bar == BarrierNoNINO && rtw.Answer == eligibility.No:
			// A number is issued only to someone allowed to work or claiming benefits.
			b.add("immigration_advice", "rtw_no", nil)
		case bar == BarrierNoBankAccount && noLeave:
			// Banks must refuse an account to someone who needs leave and has none
			// (Immigration Act 2014 s.40).
			b.add("immigration_advice", "rtw_no", nil)
		default:
			b.add(m.code, m.why, nil)
		}
	}
	if p.EnglishLevel.Below(englishClassesBelow) && !p.HasGoal(GoalEnglish) {
		b.add("english_classes", "english_level", map[string]any{"Level": string(p.EnglishLevel)})
	}
	if p.HasGoal(GoalWork) {
		switch rtw.Answer {
		case eligibility.Yes:
			b.add("job_search_support", "goal_work", nil)
			b.add("check_job_offers", "check_job_offers", nil)
		case eligibility.No:
			b.add("immigration_advice", "rtw_no", nil)
		default:
			b.add("immigration_advice", "rtw_unknown", nil)
			b.add("check_job_offers", "check_job_offers", nil)
		}
	}
	for _, id := range Goals() {
		if m, ok := goalCodes[Goal(id)]; ok && p.HasGoal(Goal(id)) {
			b.add(m.code, m.why, nil)
		}
	}
	if len(p.Qualifications) > 0 && (p.HasGoal(GoalWork) || p.HasGoal(GoalTraining) || p.HasGoal(GoalEducation)) {
		b.add("compare_qualifications", "qualifications", nil)
	}
	if slices.ContainsFunc(p.WorkHistory, func(j Job) bool { return j.Exploitative }) {
		b.add("workers_rights", "past_exploitation", nil)
	}
	return b.list(today)
}

// suggester collects suggestions, keeping the first reason for each code.
type suggester struct {
	seen map[string]bool
	out  []Suggestion
}

func (b *suggester) add(code, why string, data map[string]any) {
	if b.seen[code] {
		return
	}
	if b.seen == nil {
		b.seen = map[string]bool{}
	}
	b.seen[code] = true
	var d map[string]any
	if len(data) > 0 {
		d = make(map[string]any, len(data))
		for k, v := range data {
			d[k] = v
		}
	}
	b.out = append(b.out, Suggestion{Step: Step{Code: code}, WhyID: "jobs.why." + why, WhyData: d})
}

// list fills in each step from its spec and puts the suggestions in StepCodes order.
func (b *suggester) list(today time.Time) []Suggestion {
	for i := range b.out {
		spec := stepSpecs[stepIndex[b.out[i].Step.Code]]
		b.out[i].Step.Text, b.out[i].Step.Owner = spec.text, spec.owner
		if spec.dueDays > 0 {
			b.out[i].Step.Due = AddDays(today, spec.dueDays)
		}
	}
	slices.SortStableFunc(b.out, func(x, y Suggestion) int {
		return stepIndex[x.Step.Code] - stepIndex[y.Step.Code]
	})
	return b.out
}

// AddDays gives the calendar date n days after the date of t (in t's location), as
// YYYY-MM-DD. Plan dates are days, so the time of day and clock changes never move them.
func AddDays(t time.Time, n int) string {
	y, m, d := t.Date()
	return time.Date(y, m, d+n, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}
