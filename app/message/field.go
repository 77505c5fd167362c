package message

import (
	"strconv"
	"strings"

	"waymark/eligibility"
	"waymark/locales"
)

// wantIDs translates FieldError.Want when it names a type (ProblemType). The decoder's Want
// values are stable identifiers, so an unknown one falls back to a sentence without it.
var wantIDs = map[string]string{
	eligibility.WantWholeNumber:     "err.want.whole_number",
	eligibility.WantBool:            "err.want.bool",
	eligibility.WantNumber:          "err.want.number",
	eligibility.WantText:            "err.want.text",
	eligibility.WantWholeNumberList: "err.want.whole_number_list",
	eligibility.WantObject:          "err.want.object",
	eligibility.WantList:            "err.want.list",
	eligibility.WantDate:            "err.want.date",
}

// tooLongIDs picks the plural message for a ProblemTooLong by the unit of its limit.
var tooLongIDs = map[string]string{
	eligibility.WantUnitChars: "err.field.too_long_chars",
	eligibility.WantUnitItems: "err.field.too_long_items",
	eligibility.WantUnitBytes: "err.field.too_long_bytes",
}

// forField names the field and what is wrong with it, from the error's structured fields only:
// a FieldError never carries the offending value, and this sentence must not either.
func forField(tr *locales.Translator, fe *eligibility.FieldError) string {
	field := fe.Field
	if field == "" {
		field = tr.T("err.field.input")
	}
	data := map[string]any{"Field": field}
	switch fe.Problem {
	case eligibility.ProblemSyntax:
		if fe.Line > 0 {
			return tr.T("err.field.syntax_at", map[string]any{"Line": fe.Line, "Column": fe.Column})
		}
		return tr.T("err.field.syntax")
	case eligibility.ProblemUnknown:
		return tr.T("err.field.unknown", data)
	case eligibility.ProblemType:
		if id, ok := wantIDs[fe.Want]; ok {
			data["Want"] = tr.T(id)
			return tr.T("err.field.type", data)
		}
		return tr.T("err.field.type_plain", data)
	case eligibility.ProblemValue:
		return valueMessage(tr, fe, data)
	case eligibility.ProblemDate:
		return tr.T("err.field.date", data)
	case eligibility.ProblemMissing:
		return tr.T("err.field.missing", data)
	case eligibility.ProblemTooLong:
		if id, ok := tooLongIDs[fe.Want]; ok {
			if n, err := strconv.Atoi(fe.Max); err == nil && n >= 0 {
				return tr.N(id, n, data)
			}
		}
		return tr.T("err.field.too_long", data)
	}
	return tr.T("err.field.invalid", data)
}

// valueMessage explains a ProblemValue: the allowed values of an enum, a numeric range, or the
// shape the text must have.
func valueMessage(tr *locales.Translator, fe *eligibility.FieldError, data map[string]any) string {
	switch {
	case len(fe.Allowed) > 0:
		data["Allowed"] = strings.Join(fe.Allowed, ", ")
		return tr.T("err.field.value_allowed", data)
	case fe.Min != "" && fe.Max != "":
		data["Min"], data["Max"] = fe.Min, fe.Max
		return tr.T("err.field.value_range", data)
	case fe.Min != "":
		data["Min"] = fe.Min
		return tr.T("err.field.value_min", data)
	case fe.Max != "":
		data["Max"] = fe.Max
		return tr.T("err.field.value_max", data)
	}
	switch fe.Want {
	case eligibility.WantCountryCode:
		return tr.T("err.field.value_country", data)
	case eligibility.WantLanguageCode:
		return tr.T("err.field.value_language", data)
	case eligibility.WantNoControl:
		return tr.T("err.field.value_control", data)
	case eligibility.WantOnce:
		return tr.T("err.field.value_once", data)
	}
	return tr.T("err.field.value", data)
}
