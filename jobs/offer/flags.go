package offer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"waymark/eligibility"
)

// Severity says how urgently an adviser should act on a flag. It is a stable identifier in the
// JSON contract; the words come from the message "offer.severity.<severity>".
type Severity string

// The severities of the offer contract.
const (
	// High: a strong sign of forced labour or a clear breach of the law; act before the worker
	// accepts or goes back.
	High Severity = "high"
	// Medium: a breach or a warning sign that needs checking with the worker.
	Medium Severity = "medium"
	// Low: a note on what Waymark could not check, and what to check by hand.
	Low Severity = "low"
)

func (s Severity) rank() int {
	switch s {
	case High:
		return 0
	case Medium:
		return 1
	}
	return 2
}

// ILOIndicator is one of the ILO's eleven indicators of forced labour (ILO, "Indicators of
// Forced Labour", 2012), with the ids of DESIGN.md. The words come from "offer.ilo.<id>".
type ILOIndicator string

// The eleven indicators, in the ILO booklet's order.
const (
	AbuseOfVulnerability              ILOIndicator = "abuse_of_vulnerability"
	Deception                         ILOIndicator = "deception"
	RestrictionOfMovement             ILOIndicator = "restriction_of_movement"
	Isolation                         ILOIndicator = "isolation"
	PhysicalAndSexualViolence         ILOIndicator = "physical_and_sexual_violence"
	IntimidationAndThreats            ILOIndicator = "intimidation_and_threats"
	RetentionOfIdentityDocuments      ILOIndicator = "retention_of_identity_documents"
	WithholdingOfWages                ILOIndicator = "withholding_of_wages"
	DebtBondage                       ILOIndicator = "debt_bondage"
	AbusiveWorkingAndLivingConditions ILOIndicator = "abusive_working_and_living_conditions"
	ExcessiveOvertime                 ILOIndicator = "excessive_overtime"
)

// ILOIndicators returns the eleven indicator ids in the booklet's order.
func ILOIndicators() []ILOIndicator {
	return []ILOIndicator{
		AbuseOfVulnerability, Deception, RestrictionOfMovement, Isolation,
		PhysicalAndSexualViolence, IntimidationAndThreats, RetentionOfIdentityDocuments,
		WithholdingOfWages, DebtBondage, AbusiveWorkingAndLivingConditions, ExcessiveOvertime,
	}
}

// The flag codes. They are stable identifiers: scripts, tests and the app branch on them.
const (
	CodeChildWorker                = "child_worker"
	CodeBelowMinimumWage           = "below_minimum_wage"
	CodeDocumentsHeld              = "documents_held_by_employer"
	CodeNotFreeToLeave             = "not_free_to_leave"
	CodeThreatsOrViolence          = "threats_or_violence"
	CodeDebtToEmployer             = "debt_to_employer"
	CodeRecruitmentFee             = "recruitment_fee_charged"
	CodeDeceivedAboutJob           = "deceived_about_job"
	CodeUnlicensedLabourProvider   = "unlicensed_labour_provider"
	CodeYoungWorkerHours           = "young_worker_hours"
	CodeIsolated                   = "isolated"
	CodeNoWrittenContract          = "no_written_contract"
	CodeNoPayslips                 = "no_payslips"
	CodeExcessiveHours             = "excessive_hours"
	CodeMinimumWageRateUnknown     = "minimum_wage_rate_unknown"
	CodeAccommodationOffsetUnknown = "accommodation_offset_unconfirmed"
	CodePayCheckIncomplete         = "pay_check_incomplete"
	CodeAccommodationNotEmployer   = "accommodation_charge_not_employer"
	CodeGLAALicenceUnknown         = "glaa_licence_unknown"
)

// Sources. Each flag cites the legislation, official guidance or ILO publication it rests on.
const (
	srcNMWRates        = "https://www.gov.uk/national-minimum-wage-rates"
	srcAccommodation   = "https://www.gov.uk/national-minimum-wage-accommodation"
	srcNMWDeductions   = "https://www.legislation.gov.uk/uksi/2015/621/regulation/12"
	srcAccomNotEmpl    = "https://www.gov.uk/hmrc-internal-manuals/national-minimum-wage-manual/nmwm11040"
	srcChildEmployment = "https://www.gov.uk/child-employment"
	srcAgencyFees      = "https://www.legislation.gov.uk/ukpga/1973/35/section/6"
	srcGangmasters     = "https://www.legislation.gov.uk/ukpga/2004/11/section/6"
	srcGLAARegister    = "https://www.gla.gov.uk/i-am-a/i-use-workers/labour-user-guidance-for-basic-public-register-checks-and-formal-active-check/"
	srcWrittenTerms    = "https://www.legislation.gov.uk/ukpga/1996/18/section/1"
	srcPayslips        = "https://www.legislation.gov.uk/ukpga/1996/18/section/8"
	srcWorkingTime     = "https://www.legislation.gov.uk/uksi/1998/1833/regulation/4"
	srcYoungWorkers    = "https://www.legislation.gov.uk/uksi/1998/1833/regulation/5A"
	srcILO             = "https://www.ilo.org/wcmsp5/groups/public/---ed_norm/---declaration/documents/publication/wcms_203832.pdf"
)

// flagSpec is what every flag with one code shares.
type flagSpec struct {
	severity Severity
	ilo      ILOIndicator // empty for a note that is not a forced-labour indicator
	source   string
}

// specs holds every code's severity, ILO indicator and source. A test checks that every code
// has messages in every shipped language.
var specs = map[string]flagSpec{
	CodeChildWorker:                {High, AbuseOfVulnerability, srcChildEmployment},
	CodeBelowMinimumWage:           {High, WithholdingOfWages, srcNMWRates},
	CodeDocumentsHeld:              {High, RetentionOfIdentityDocuments, srcILO},
	CodeNotFreeToLeave:             {High, RestrictionOfMovement, srcILO},
	CodeThreatsOrViolence:          {High, IntimidationAndThreats, srcILO},
	CodeDebtToEmployer:             {High, DebtBondage, srcILO},
	CodeRecruitmentFee:             {High, DebtBondage, srcAgencyFees},
	CodeDeceivedAboutJob:           {High, Deception, srcILO},
	CodeUnlicensedLabourProvider:   {High, AbuseOfVulnerability, srcGangmasters},
	CodeYoungWorkerHours:           {High, ExcessiveOvertime, srcYoungWorkers},
	CodeIsolated:                   {Medium, Isolation, srcILO},
	CodeNoWrittenContract:          {Medium, Deception, srcWrittenTerms},
	CodeNoPayslips:                 {Medium, WithholdingOfWages, srcPayslips},
	CodeExcessiveHours:             {Medium, ExcessiveOvertime, srcWorkingTime},
	CodeMinimumWageRateUnknown:     {Low, "", srcNMWRates},
	CodeAccommodationOffsetUnknown: {Low, "", srcAccommodation},
	CodePayCheckIncomplete:         {Low, "", srcNMWDeductions},
	CodeAccommodationNotEmployer:   {Low, "", srcAccomNotEmpl},
	CodeGLAALicenceUnknown:         {Low, "", srcGLAARegister},
}

// Codes returns every flag code, sorted, for tests and documentation.
func Codes() []string {
	out := make([]string, 0, len(specs))
	for c := range specs {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// Flag is one red flag or note. Check fills everything but Text, which Localize fills in the
// reader's language, so one check can be shown to the adviser and printed in another language.
type Flag struct {
	// Code is a stable identifier, one of the Code... constants.
	Code string
	// Severity is high, medium or low.
	Severity Severity
	// ILOIndicator is the forced-labour indicator the flag maps to; empty for a note about
	// what could not be checked.
	ILOIndicator ILOIndicator
	// MessageID is the locales message explaining the flag: what it means and what to do.
	MessageID string
	// Data fills the message's {{.Placeholders}}. Values of type fieldNames and Sector are
	// translated by Localize.
	Data map[string]any
	// Text is the translated message; empty until Localize runs.
	Text string
	// Source is the URL of the legislation, official guidance or ILO publication behind it.
	Source string
}

// flagJSON is a flag as the contract writes it: ilo_indicator is null for a note.
type flagJSON struct {
	Code         string        `json:"code"`
	Severity     Severity      `json:"severity"`
	ILOIndicator *ILOIndicator `json:"ilo_indicator"`
	Text         string        `json:"text"`
	Source       string        `json:"source"`
}

// MarshalJSON writes the flag in the contract's shape. Text is not HTML-escaped ("&" stays
// "&"), so a script reads the words as written, as with the rest of the command's output.
func (f Flag) MarshalJSON() ([]byte, error) {
	j := flagJSON{Code: f.Code, Severity: f.Severity, Text: f.Text, Source: f.Source}
	if f.ILOIndicator != "" {
		ilo := f.ILOIndicator
		j.ILOIndicator = &ilo
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(j); err != nil {
		return nil, fmt.Errorf("encode flag %s: %w", f.Code, err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// newFlag builds the flag for code with its spec; message is the message id's last part when it
// differs from the code (a variant wording of the same flag).
func newFlag(code, message string, data map[string]any) Flag {
	s := specs[code]
	if message == "" {
		message = code
	}
	return Flag{
		Code: code, Severity: s.severity, ILOIndicator: s.ilo,
		MessageID: "offer.flag." + message, Data: data, Source: s.source,
	}
}

// fieldNames is a list of offer fields in a flag's data; Localize writes their labels
// ("offer.field.<name>") joined by commas.
type fieldNames []string

// Localize fills the Text of every flag from its message in t's language, translating field
// names and sectors in the data into words.
func (r *Result) Localize(t eligibility.Translator) {
	for i := range r.Flags {
		f := &r.Flags[i]
		data := f.Data
		if needsWords(data) {
			data = make(map[string]any, len(f.Data))
			for k, v := range f.Data {
				switch v := v.(type) {
				case fieldNames:
					labels := make([]string, len(v))
					for j, name := range v {
						labels[j] = t.T("offer.field." + name)
					}
					data[k] = strings.Join(labels, ", ")
				case Sector:
					data[k] = t.T("offer.sector." + string(v))
				default:
					data[k] = v
				}
			}
		}
		f.Text = t.T(f.MessageID, data)
	}
}

func needsWords(data map[string]any) bool {
	for _, v := range data {
		switch v.(type) {
		case fieldNames, Sector:
			return true
		}
	}
	return false
}
