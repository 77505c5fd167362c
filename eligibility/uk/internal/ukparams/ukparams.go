// Package ukparams holds the rules the UK parameter files are checked against. It is shared
// by the pack (whose health test loads the files with them) and by the generator that turns
// the files into Go literals, so a file the pack's tests would refuse is never transcribed.
package ukparams

import "waymark/eligibility/params"

// Options limit sources to the statute book and official publishers: a parameter's legal
// basis must be on legislation.gov.uk or GOV.UK, and the figure itself must have been
// confirmed there, on the Scottish Government's site or in Parliament's own publications.
// Each call returns fresh lists, so no caller can widen another's.
func Options() params.Options {
	return params.Options{
		BasisHosts: []string{"www.legislation.gov.uk", "www.gov.uk"},
		SourceHosts: []string{
			"www.legislation.gov.uk", "www.gov.uk", "www.gov.scot",
			"commonslibrary.parliament.uk", "hansard.parliament.uk",
		},
	}
}
