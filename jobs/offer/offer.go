// Package offer is Waymark's job-offer safety check: it compares a job offer with the UK
// minimum-wage rules for the worker's age and the date (the accommodation offset and
// deductions included), the rules on recruitment fees and GLAA licensing, and the ILO's eleven
// indicators of forced labour, and says which red flags the offer raises and why.
//
// The offer is the JSON contract of `waymark offer-check` in DESIGN.md, read strictly by
// Decode. Check does no I/O: minimum-wage rates and the accommodation offset come from the UK
// pack's dated, sourced parameters (eligibility/uk, parameters/nmw), so April's uprating is a
// data change. Where a figure is not confirmed for the date, Check says so with a flag and
// leaves the effective pay unworked rather than use another year's figure.
//
// Reading an offer: a field left out is not known. Booleans that raise a red flag (documents
// held, no contract ...) raise it only when given. For the pay sums, an amount left out
// (accommodation charge, other deductions) counts as nothing taken, and accommodation_by_employer
// left out counts as no accommodation from the employer, because that is what an offer that
// says nothing about them offers; the adviser enters what the worker was told.
package offer

import (
	"slices"

	"waymark/eligibility"
	"waymark/jobs"
)

// Sector is the kind of work on offer. Three sectors need a GLAA licence to supply workers.
type Sector string

// The sectors of the offer contract, in contract order.
const (
	SectorAgriculture    Sector = "agriculture"
	SectorFoodProcessing Sector = "food_processing"
	SectorShellfish      Sector = "shellfish"
	SectorConstruction   Sector = "construction"
	SectorHospitality    Sector = "hospitality"
	SectorCare           Sector = "care"
	SectorCleaning       Sector = "cleaning"
	SectorCarWash        Sector = "car_wash"
	SectorNailBar        Sector = "nail_bar"
	SectorWarehouse      Sector = "warehouse"
	SectorManufacturing  Sector = "manufacturing"
	SectorOther          Sector = "other"
)

// sectors are the work sectors shared with the employability profile (jobs.Sectors), so a
// sector to avoid matches an offer's; the constants above name the ones the rules test.
var sectors = jobs.Sectors()

// Sectors returns the sector ids in contract order, for pickers and error messages. The slice
// is a fresh copy.
func Sectors() []string { return slices.Clone(sectors) }

// NeedsGLAALicence reports whether supplying workers in the sector needs a licence from the
// Gangmasters and Labour Abuse Authority: agricultural work, gathering shellfish, and
// processing or packaging produce from agriculture, fish or shellfish (Gangmasters (Licensing)
// Act 2004, s. 3).
func (s Sector) NeedsGLAALicence() bool {
	return s == SectorAgriculture || s == SectorFoodProcessing || s == SectorShellfish
}

// The limits of the offer contract: wide enough for any real offer, narrow enough to catch a
// slipped digit.
const (
	MaxHourlyPay    = 10000.0               // hourly_pay, pounds
	MaxWeeklyHours  = 168.0                 // weekly_hours: the hours in a week
	MaxWeeklyAmount = 100000.0              // accommodation_charge_weekly, other_deductions_weekly
	MaxFee          = eligibility.MaxAmount // recruitment_fee, pounds
	MaxOfferBytes   = 64 << 10              // the largest offer file Decode reads
)

// Offer is one job offer as DESIGN.md's offer table describes it. A nil field is not known.
// The JSON tags are the contract's names; Encode and Decode are the only ways in and out.
type Offer struct {
	// Date is the day the pay applies, YYYY-MM-DD; empty means the day of the check.
	Date                      string   `json:"date,omitempty"`
	WorkerAge                 *int     `json:"worker_age,omitempty"`
	ApprenticeFirstYear       *bool    `json:"apprentice_first_year,omitempty"`
	HourlyPay                 *float64 `json:"hourly_pay,omitempty"`
	WeeklyHours               *float64 `json:"weekly_hours,omitempty"`
	AccommodationByEmployer   *bool    `json:"accommodation_by_employer,omitempty"`
	AccommodationChargeWeekly *float64 `json:"accommodation_charge_weekly,omitempty"`
	OtherDeductionsWeekly     *float64 `json:"other_deductions_weekly,omitempty"`
	RecruitmentFee            *float64 `json:"recruitment_fee,omitempty"`
	Sector                    *Sector  `json:"sector,omitempty"`
	LabourProviderLicensed    *bool    `json:"labour_provider_licensed,omitempty"`
	DocumentsHeldByEmployer   *bool    `json:"documents_held_by_employer,omitempty"`
	WrittenContract           *bool    `json:"written_contract,omitempty"`
	Payslips                  *bool    `json:"payslips,omitempty"`
	FreeToLeave               *bool    `json:"free_to_leave,omitempty"`
	DebtToEmployer            *bool    `json:"debt_to_employer,omitempty"`
	DeceivedAboutJob          *bool    `json:"deceived_about_job,omitempty"`
	ThreatsOrViolence         *bool    `json:"threats_or_violence,omitempty"`
	Isolated                  *bool    `json:"isolated,omitempty"`
}

// Fields returns the JSON names of the offer contract in contract order, for forms and help.
// The slice is a fresh copy.
func Fields() []string {
	names := make([]string, len(fieldTable))
	for i, f := range fieldTable {
		names[i] = f.name
	}
	return names
}
