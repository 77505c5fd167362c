package eligibility

import (
	"strings"
	"testing"
)

func codes(rs []Reason) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Code+"="+r.MessageID)
	}
	return strings.Join(out, " ")
}

// TestDecideChoosesTheReasons: eligible shows every check; not_eligible only the failed ones
// (with no missing facts); need_info the open ones with their facts.
func TestDecideChoosesTheReasons(t *testing.T) {
	src := "https://www.legislation.gov.uk/x"
	age := func(c Cond) Check { return Check{Code: "uc.age", Source: src, Cond: c} }
	res := func(c Cond) Check { return Check{Code: "uc.residence", Source: src, Cond: c} }
	cases := []struct {
		name    string
		checks  []Check
		status  Status
		reasons string
		missing string
	}{
		{"all met", []Check{age(Known(true)), res(Known(true))}, Eligible,
			"uc.age=elig.uc.age.met uc.residence=elig.uc.residence.met", ""},
		{"one failed, one open", []Check{age(Known(false)), res(Open(FactHabituallyResident))}, NotEligible,
			"uc.age=elig.uc.age.not_met", ""},
		{"one met, one open", []Check{age(Known(true)), res(Open(FactHabituallyResident, FactRightToReside))}, NeedInfo,
			"uc.residence=elig.uc.residence.open", "right_to_reside,habitually_resident"},
		{"no checks at all", nil, Eligible, "", ""},
	}
	for _, c := range cases {
		r := Decide("universal_credit", c.checks...)
		if r.Benefit != "universal_credit" || r.Status != c.status || codes(r.Reasons) != c.reasons ||
			strings.Join(r.Missing, ",") != c.missing || r.Reasons == nil || r.Missing == nil {
			t.Errorf("%s: %s reasons [%s] missing [%s]", c.name, r.Status, codes(r.Reasons), strings.Join(r.Missing, ","))
		}
	}
	if r := Decide("x", Check{Code: "c", Source: src, Cond: Known(true), Data: map[string]any{"Limit": 16000}}); r.Reasons[0].Data["Limit"] != 16000 || r.Reasons[0].Source != src {
		t.Error("a reason must carry its check's data and source")
	}
}

func TestMessageIDs(t *testing.T) {
	if CheckMessageID("uc.age", Unknown) != "elig.uc.age.open" || CheckMessageID("uc.age", No) != "elig.uc.age.not_met" {
		t.Error("check message ids")
	}
	if r := NewReason("uc.estimate", "https://www.gov.uk/x", nil); r.MessageID != "elig.uc.estimate" {
		t.Errorf("NewReason id %q", r.MessageID)
	}
	if s := NewStep("apply_nino", nil); s.MessageID != "elig.step.apply_nino" || s.Code != "apply_nino" {
		t.Errorf("NewStep %+v", s)
	}
}
