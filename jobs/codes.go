package jobs

import "waymark/eligibility"

// stepSpec is what the plan knows about one suggested step: the English words (the same as the
// message "jobs.step.<code>", which a test checks), who usually does it, how many days from the
// day it is suggested it should be done by (0: no date), whether "jobs.bring.<code>" says what
// to bring, and whether its words reveal trafficking or immigration details.
type stepSpec struct {
	code      string
	text      string
	owner     Owner
	dueDays   int
	bring     bool
	sensitive bool
}

// stepSpecs lists every step code in the order suggestions are made: practical documents and
// money first, then claims, then support and work; the steps only deadlines suggest come last
// (deadlines.go), since their suggestions are ordered by day instead.
var stepSpecs = append([]stepSpec{
	{"apply_nino", "Apply for a National Insurance number.", OwnerSurvivor, 14, true, false},
	{"open_bank_account", "Open a basic bank account.", OwnerSurvivor, 14, true, false},
	{"payment_exception_service", "Ask the Jobcentre to pay you without a bank account.", OwnerAdviser, 7, false, false},
	{"get_photo_id", "Get an ID document with your photo.", OwnerAdviser, 14, true, false},
	{"ask_uc_advance", "Ask the Jobcentre for an advance on your Universal Credit.", OwnerSurvivor, 7, true, false},
	{"payment_arrangements", "Ask the Jobcentre to pay Universal Credit in a way that helps you.", OwnerAdviser, 14, false, false},
	{"sar_exemption", "Ask the council or Jobcentre for help with rent at the one-bedroom rate.", OwnerAdviser, 14, true, true},
	{"claim_universal_credit", "Claim Universal Credit.", OwnerSurvivor, 7, true, false},
	{"claim_new_style_jsa", "Claim New Style Jobseeker’s Allowance.", OwnerSurvivor, 7, true, false},
	{"claim_new_style_esa", "Claim New Style Employment and Support Allowance.", OwnerSurvivor, 7, true, false},
	{"claim_pip", "Claim Personal Independence Payment (PIP).", OwnerSurvivor, 14, true, false},
	{"claim_adult_disability_payment", "Claim Adult Disability Payment.", OwnerSurvivor, 14, true, false},
	{"claim_housing_benefit", "Claim Housing Benefit from the council.", OwnerSurvivor, 7, true, false},
	{"claim_council_tax_reduction", "Ask the council for Council Tax Reduction.", OwnerSurvivor, 14, true, false},
	{"claim_child_benefit", "Claim Child Benefit.", OwnerSurvivor, 14, true, false},
	{"claim_pension_credit", "Claim Pension Credit.", OwnerSurvivor, 14, true, false},
	{"claim_scottish_child_payment", "Claim Scottish Child Payment.", OwnerSurvivor, 14, true, false},
	{"claim_healthy_start", "Apply for Healthy Start: money for milk, fruit and vegetables.", OwnerSurvivor, 14, false, false},
	{"ask_victim_support", "Ask for recovery support: a safe place to stay, money and a support worker.", OwnerAdviser, 3, false, true},
	{"ask_council_support", "Ask the council’s social services for help with housing and money.", OwnerAdviser, 3, true, true},
	{"apply_asylum_support", "Apply for asylum support: a place to stay and money.", OwnerAdviser, 3, true, true},
	{"ask_housing_help", "Ask the council for help with housing.", OwnerAdviser, 7, true, false},
	{"register_gp", "Register with a doctor (GP). It is free.", OwnerSurvivor, 14, true, false},
	{"mental_health_support", "Talk to a doctor about how you feel. Help is free.", OwnerSurvivor, 28, false, false},
	{"ask_childcare_help", "Ask about help with childcare.", OwnerAdviser, 28, false, false},
	{"debt_advice", "Get free advice about your debts.", OwnerSurvivor, 28, true, false},
	{"criminal_record_advice", "Ask a lawyer about your criminal record.", OwnerAdviser, 28, true, false},
	{"immigration_advice", "Get free legal advice about your right to stay and work.", OwnerAdviser, 14, true, true},
	{"english_classes", "Join a free English class (ESOL).", OwnerSurvivor, 28, true, false},
	{"compare_qualifications", "Find out what your qualifications are worth in the UK.", OwnerAdviser, 42, true, false},
	{"job_search_support", "Meet a work coach to look for safe work.", OwnerSurvivor, 28, true, false},
	{"workers_rights", "Learn your rights at work: fair pay, a contract and payslips.", OwnerAdviser, 28, false, false},
	{"check_job_offers", "Before you accept a job, show the offer to your adviser.", OwnerSurvivor, 0, false, false},
	{"find_training", "Find a free training course.", OwnerSurvivor, 42, false, false},
	{"find_volunteering", "Find volunteering to get UK work experience.", OwnerSurvivor, 42, false, false},
	{"education_advice", "Get advice about college or university.", OwnerOther, 42, true, false},
	{"self_employment_advice", "Get advice before you start working for yourself.", OwnerOther, 42, false, false},
}, deadlineStepSpecs...)

// stepIndex finds a code's position in stepSpecs, which is also its place in suggestion order.
var stepIndex = func() map[string]int {
	m := make(map[string]int, len(stepSpecs))
	for i, s := range stepSpecs {
		m[s.code] = i
	}
	return m
}()

// StepCodes lists every code a step may carry, in suggestion order, for pickers, error
// messages and the message-file test. The slice is a fresh copy.
func StepCodes() []string {
	out := make([]string, len(stepSpecs))
	for i, s := range stepSpecs {
		out[i] = s.code
	}
	return out
}

// IsStepCode reports whether code names a suggested step, so a case file or a stored plan with
// a code this build does not know is caught rather than printed as a missing message.
func IsStepCode(code string) bool {
	_, ok := stepIndex[code]
	return ok
}

// HasBring reports whether the step with this code has a "what to bring" message
// ("jobs.bring.<code>"), so the printed plan lists documents only where there are some.
func HasBring(code string) bool {
	i, ok := stepIndex[code]
	return ok && stepSpecs[i].bring
}

// Sensitive reports whether a step's words, printed, would reveal that the survivor is a
// victim of trafficking or has an insecure immigration status (victim support, asylum support,
// immigration advice, no recourse to public funds, the Shared Accommodation Rate exemption that
// follows a positive conclusive grounds decision). A safe print leaves such steps out.
func Sensitive(code string) bool {
	i, ok := stepIndex[code]
	return ok && stepSpecs[i].sensitive
}

// StepText returns the English words of a suggested step (the same as the message
// "jobs.step.<code>"), and false for an unknown code.
func StepText(code string) (string, bool) {
	i, ok := stepIndex[code]
	if !ok {
		return "", false
	}
	return stepSpecs[i].text, true
}

// checkCode accepts an empty code (a step in the adviser's own words) or one of StepCodes.
func checkCode(path, code string) error {
	if code == "" || IsStepCode(code) {
		return nil
	}
	return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemValue, Allowed: StepCodes()}
}
