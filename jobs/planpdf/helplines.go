package planpdf

import (
	"slices"

	"waymark/eligibility"
)

// Helpline is a phone number printed on every plan, so a survivor who loses touch with their
// adviser still knows who to call. Words come from the messages "plan.helpline.<ID>.name",
// ".about" and ".hours"; a line whose name or purpose would reveal what happened to the survivor
// also has ".safe_name" / ".safe_about", used in a safe print.
type Helpline struct {
	// ID names the line's messages.
	ID string
	// Number is the number to dial, spaced as the service writes it.
	Number string
	// Nations are the parts of the UK the line serves; empty means all of the UK. A line for
	// some nations is printed only when the survivor's nation is known to be one of them.
	Nations []eligibility.Nation
	// Sensitive lines have a name or purpose that names trafficking or exploitation; a safe
	// print shows them under their safe name and purpose instead.
	Sensitive bool
	// Source is where the number, hours and cost were checked.
	Source string
}

// helplines are printed in this order: danger first, then the specialist line, then support and
// work rights. Checked 2026 against the sources given; a number that changes is a data change
// here and a test in helplines_test.go.
var helplines = []Helpline{
	{
		// 999 for an emergency, with the police's 101 for what is not one, in one entry.
		ID: "emergency", Number: "999",
		Source: "https://www.btp.police.uk/advice_and_information-1/keeping_yourself_safe/modern_slavery.aspx",
	},
	{
		// Run by the charity Unseen: free, confidential, 24 hours, over 200 languages.
		ID: "modern_slavery_helpline", Number: "08000 121 700", Sensitive: true,
		Source: "https://www.modernslaveryhelpline.org/about/what-happens-when-you-call-the-helpline",
	},
	{
		// The Salvation Army's referral line into support in England and Wales, 24 hours.
		ID: "salvation_army", Number: "0800 808 3733", Sensitive: true,
		Nations: []eligibility.Nation{eligibility.England, eligibility.Wales},
		Source:  "https://www.salvationarmy.org.uk/modern-slavery/supporting-survivors",
	},
	{
		// Funded by the Scottish Government to support adult survivors other than women
		// exploited sexually (whom TARA supports). Daytime number; out of hours in the message.
		ID: "migrant_help_scotland", Number: "0141 884 7900", Sensitive: true,
		Nations: []eligibility.Nation{eligibility.Scotland},
		Source:  "https://www.gov.scot/publications/human-trafficking-exploitation-health-workers-need-know/pages/14/",
	},
	{
		ID: "samaritans", Number: "116 123",
		Source: "https://www.samaritans.org/how-we-can-help/contact-samaritan/",
	},
	{
		// Pay, the minimum wage and rights at work in Great Britain; costs as a normal call.
		ID: "acas", Number: "0300 123 1100",
		Nations: []eligibility.Nation{eligibility.England, eligibility.Scotland, eligibility.Wales},
		Source:  "https://www.nibusinessinfo.co.uk/content/national-minimum-wage-and-national-living-wage-acas-helpline",
	},
	{
		// Northern Ireland's counterpart of Acas for rights at work.
		ID: "lra", Number: "03300 555 300",
		Nations: []eligibility.Nation{eligibility.NorthernIreland},
		Source:  "https://www.nibusinessinfo.co.uk/content/national-minimum-wage-and-national-living-wage-acas-helpline",
	},
}

// Helplines returns every helpline the plan can print, in print order, so the app can show the
// adviser the numbers and their sources. The slice is a fresh copy.
func Helplines() []Helpline {
	out := make([]Helpline, len(helplines))
	for i, h := range helplines {
		h.Nations = slices.Clone(h.Nations)
		out[i] = h
	}
	return out
}

// HelplinesFor returns the helplines printed for a survivor in nation ("" when not known): the
// UK-wide lines always, and a nation's own lines only when the nation is known, so a plan never
// sends someone to a service that does not cover where they live.
func HelplinesFor(nation eligibility.Nation) []Helpline {
	var out []Helpline
	for _, h := range Helplines() {
		if len(h.Nations) == 0 || (nation != "" && slices.Contains(h.Nations, nation)) {
			out = append(out, h)
		}
	}
	return out
}
