// Package eligibility holds the facts an adviser gathers about one person and the engine that
// turns them into benefit results through a jurisdiction's rule pack: three-valued conditions
// that record the facts they still wait for, results that explain themselves, and the choice
// of the next question. It does no I/O, so every rule is tested exactly and fast.
package eligibility

// Facts is everything the rules may ask about one person. Every field is a pointer (or a nil
// slice pointer) because "not asked yet" is a real state: the engine answers need_info for it
// rather than guessing. The JSON names are the command-line contract in DESIGN.md and are never
// renamed.
type Facts struct {
	Nation                  *Nation            `json:"nation,omitempty"`
	Age                     *int               `json:"age,omitempty"`
	StatePensionAge         *bool              `json:"state_pension_age,omitempty"`
	Nationality             *string            `json:"nationality,omitempty"`
	ImmigrationStatus       *ImmigrationStatus `json:"immigration_status,omitempty"`
	RightToReside           *RightToReside     `json:"right_to_reside,omitempty"`
	HabituallyResident      *bool              `json:"habitually_resident,omitempty"`
	NRMReasonableGrounds    *NRMReasonable     `json:"nrm_reasonable_grounds,omitempty"`
	NRMConclusiveGrounds    *NRMConclusive     `json:"nrm_conclusive_grounds,omitempty"`
	Couple                  *bool              `json:"couple,omitempty"`
	PartnerAge              *int               `json:"partner_age,omitempty"`
	ChildrenAges            *[]int             `json:"children_ages,omitempty"`
	Capital                 *float64           `json:"capital,omitempty"`
	MonthlyEarnings         *float64           `json:"monthly_earnings,omitempty"`
	WeeklyHours             *float64           `json:"weekly_hours,omitempty"`
	LimitedCapabilityWork   *bool              `json:"limited_capability_for_work,omitempty"`
	DailyLivingDifficulty   *bool              `json:"daily_living_difficulty,omitempty"`
	MobilityDifficulty      *bool              `json:"mobility_difficulty,omitempty"`
	ConditionMonths         *int               `json:"condition_months,omitempty"`
	Housing                 *Housing           `json:"housing,omitempty"`
	MonthlyRent             *float64           `json:"monthly_rent,omitempty"`
	LiableForCouncilTax     *bool              `json:"liable_for_council_tax,omitempty"`
	NIContributionsRecent   *bool              `json:"ni_contributions_recent,omitempty"`
	Pregnant                *bool              `json:"pregnant,omitempty"`
	UKPresenceWeeks         *int               `json:"uk_presence_weeks,omitempty"`
	Destitute               *bool              `json:"destitute,omitempty"`
	CareNeeds               *bool              `json:"care_needs,omitempty"`
	LookedAfterOrCareLeaver *bool              `json:"looked_after_or_care_leaver,omitempty"`
	HasNINO                 *bool              `json:"has_nino,omitempty"`
	HasBankAccount          *bool              `json:"has_bank_account,omitempty"`
	HasPhotoID              *bool              `json:"has_photo_id,omitempty"`
}

// Nation is the part of the UK whose rules apply; several benefits differ between them.
type Nation string

// The nations, as spelled in the facts contract.
const (
	England         Nation = "england"
	Wales           Nation = "wales"
	Scotland        Nation = "scotland"
	NorthernIreland Nation = "northern_ireland"
)

// ImmigrationStatus decides access to public funds before any other rule is looked at.
type ImmigrationStatus string

// The immigration statuses, as spelled in the facts contract.
const (
	BritishOrIrish         ImmigrationStatus = "british_or_irish"
	EUSSSettled            ImmigrationStatus = "euss_settled"
	EUSSPreSettled         ImmigrationStatus = "euss_pre_settled"
	EUSSPending            ImmigrationStatus = "euss_pending"
	IndefiniteLeave        ImmigrationStatus = "indefinite_leave"
	Refugee                ImmigrationStatus = "refugee"
	HumanitarianProtection ImmigrationStatus = "humanitarian_protection"
	VTSLeave               ImmigrationStatus = "vts_leave"
	LeaveWithPublicFunds   ImmigrationStatus = "leave_with_public_funds"
	LeaveNoPublicFunds     ImmigrationStatus = "leave_no_public_funds"
	AsylumSeeker           ImmigrationStatus = "asylum_seeker"
	NoLeave                ImmigrationStatus = "no_leave"
)

// RightToReside matters for EEA nationals without settled status: pre-settled status alone
// is not a qualifying right to reside for means-tested benefits.
type RightToReside string

// The rights to reside, as spelled in the facts contract.
const (
	RTRWorker             RightToReside = "worker"
	RTRSelfEmployed       RightToReside = "self_employed"
	RTRRetainedWorker     RightToReside = "retained_worker"
	RTRJobseeker          RightToReside = "jobseeker"
	RTRFamilyOfWorker     RightToReside = "family_member_of_worker"
	RTRPermanentResidence RightToReside = "permanent_residence"
	RTRNone               RightToReside = "none"
)

// NRMReasonable is the state of the National Referral Mechanism's first decision.
type NRMReasonable string

// The reasonable-grounds states, as spelled in the facts contract.
const (
	RGPositive    NRMReasonable = "positive"
	RGNegative    NRMReasonable = "negative"
	RGPending     NRMReasonable = "pending"
	RGNotReferred NRMReasonable = "not_referred"
)

// NRMConclusive is the state of the National Referral Mechanism's final decision.
type NRMConclusive string

// The conclusive-grounds states, as spelled in the facts contract.
const (
	CGPositive NRMConclusive = "positive"
	CGNegative NRMConclusive = "negative"
	CGPending  NRMConclusive = "pending"
)

// Housing decides whether rent is met through Universal Credit or Housing Benefit, or not at all.
type Housing string

// The housing situations, as spelled in the facts contract.
const (
	HousingMSVCC              Housing = "msvcc_accommodation"
	HousingAsylum             Housing = "asylum_accommodation"
	HousingTemporary          Housing = "temporary_accommodation"
	HousingSupportedExempt    Housing = "supported_exempt_accommodation"
	HousingPrivateRented      Housing = "private_rented"
	HousingSocialRented       Housing = "social_rented"
	HousingStayingWithFriends Housing = "staying_with_friends"
	HousingHomeless           Housing = "homeless"
	HousingOwner              Housing = "owner"
)
