package jobs

import "waymark/eligibility"

// RightToWork is whether the survivor may work in the UK, derived from their immigration
// status. It is three-valued like every eligibility answer: Unknown when the status is not
// known or when the status alone does not settle it (most leave allows work, some does not).
// It is guidance for the adviser, not a right-to-work check, which only the employer can do.
type RightToWork struct {
	// Answer is Yes, No or Unknown.
	Answer eligibility.Tri
	// Reason is a stable code for why; the adviser reads the message "jobs.rtw.<reason>".
	Reason string
	// Source is the official guidance or legislation the answer rests on; empty for
	// "unknown", which rests on nothing.
	Source string
}

// MessageID is the locales message that explains the answer to the adviser.
func (r RightToWork) MessageID() string { return "jobs.rtw." + r.Reason }

// The sources behind the right-to-work answers.
const (
	srcEmployerGuide = "https://www.gov.uk/government/publications/right-to-work-checks-employers-guide"
	srcEUSSEmployers = "https://www.gov.uk/government/publications/eu-settlement-scheme-introduction-for-employers/eu-settlement-scheme-introduction-for-employers"
	srcVTS           = "https://www.gov.uk/government/publications/temporary-permission-to-stay-for-victims-of-human-trafficking-and-slavery-caseworker-guidance"
	srcAsylumWork    = "https://www.gov.uk/guidance/immigration-rules/immigration-rules-part-11b-asylum"
	srcIllegalWork   = "https://www.legislation.gov.uk/ukpga/1971/77/section/24B"
)

// rightToWork maps each immigration status in the facts contract to its answer.
var rightToWork = map[eligibility.ImmigrationStatus]RightToWork{
	eligibility.BritishOrIrish:         {eligibility.Yes, "british_or_irish", srcEmployerGuide},
	eligibility.EUSSSettled:            {eligibility.Yes, "euss_status", srcEUSSEmployers},
	eligibility.EUSSPreSettled:         {eligibility.Yes, "euss_status", srcEUSSEmployers},
	eligibility.EUSSPending:            {eligibility.Yes, "euss_pending", srcEUSSEmployers},
	eligibility.IndefiniteLeave:        {eligibility.Yes, "indefinite_leave", srcEmployerGuide},
	eligibility.Refugee:                {eligibility.Yes, "protection", srcEmployerGuide},
	eligibility.HumanitarianProtection: {eligibility.Yes, "protection", srcEmployerGuide},
	eligibility.VTSLeave:               {eligibility.Yes, "vts_leave", srcVTS},
	eligibility.LeaveWithPublicFunds:   {eligibility.Unknown, "leave_conditions", srcEmployerGuide},
	eligibility.LeaveNoPublicFunds:     {eligibility.Unknown, "leave_conditions", srcEmployerGuide},
	eligibility.AsylumSeeker:           {eligibility.No, "asylum_seeker", srcAsylumWork},
	eligibility.NoLeave:                {eligibility.No, "no_leave", srcIllegalWork},
}

// RightToWorkFrom derives the right to work from the facts' immigration status.
func RightToWorkFrom(f eligibility.Facts) RightToWork {
	if f.ImmigrationStatus != nil {
		if r, ok := rightToWork[*f.ImmigrationStatus]; ok {
			return r
		}
	}
	return RightToWork{Answer: eligibility.Unknown, Reason: "unknown"}
}

// RightToWorkReasons lists every reason code, for the message-file test and documentation.
func RightToWorkReasons() []string {
	return []string{"british_or_irish", "euss_status", "euss_pending", "indefinite_leave",
		"protection", "vts_leave", "leave_conditions", "asylum_seeker", "no_leave", "unknown"}
}
