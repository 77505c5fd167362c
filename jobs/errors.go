package jobs

import (
	"strconv"

	"waymark/eligibility"
)

// The constructors below build the *eligibility.FieldError values the profile checks return,
// so every check reports the same shapes as the facts and case-file decoders.

func missingError(path string) error {
	return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemMissing}
}

func valueError(path string, allowed []string) error {
	return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemValue, Allowed: allowed}
}

func onceError(path string) error {
	return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemValue, Want: eligibility.WantOnce}
}

func tooManyItems(path string) error {
	return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemTooLong,
		Max: strconv.Itoa(MaxProfileItems), Want: eligibility.WantUnitItems}
}
