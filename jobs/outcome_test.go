package jobs

import (
	"errors"
	"math"
	"testing"

	"waymark/eligibility"
)

func TestOutcomesValidate(t *testing.T) {
	benefits := []string{"universal_credit", "pip"}
	amount := func(x float64) *float64 { return &x }
	good := Outcomes{
		Benefits: []BenefitOutcome{
			{Benefit: "universal_credit", Status: BenefitAwarded, Applied: "2026-10-01", Decided: "2026-11-05", Monthly: amount(424.9)},
			{Benefit: "pip", Status: BenefitApplied, Applied: "2026-11-01"},
		},
		Work: []WorkOutcome{{Started: "2026-11-20", Sector: "warehouse", HourlyPay: amount(12.71), PayChecked: true}},
	}
	if err := good.Validate(benefits); err != nil {
		t.Fatalf("good outcomes refused: %v", err)
	}
	tests := []struct {
		name string
		edit func(*Outcomes)
		path string
	}{
		{"unknown benefit", func(o *Outcomes) { o.Benefits[0].Benefit = "lottery" }, "benefits[0].benefit"},
		{"unknown status", func(o *Outcomes) { o.Benefits[1].Status = "pending" }, "benefits[1].status"},
		{"not a date", func(o *Outcomes) { o.Benefits[0].Applied = "1/10/2026" }, "benefits[0].applied"},
		{"decided before applied", func(o *Outcomes) { o.Benefits[0].Decided = "2026-09-30" }, "benefits[0].decided"},
		{"negative amount", func(o *Outcomes) { o.Benefits[0].Monthly = amount(-1) }, "benefits[0].monthly"},
		{"NaN amount", func(o *Outcomes) { o.Benefits[0].Monthly = amount(math.NaN()) }, "benefits[0].monthly"},
		{"job with no start", func(o *Outcomes) { o.Work[0].Started = "" }, "work[0].started"},
		{"job in no sector", func(o *Outcomes) { o.Work[0].Sector = "" }, "work[0].sector"},
	}
	for _, tc := range tests {
		o := Outcomes{Benefits: append([]BenefitOutcome(nil), good.Benefits...), Work: append([]WorkOutcome(nil), good.Work...)}
		tc.edit(&o)
		err := o.Validate(benefits)
		var fe *eligibility.FieldError
		if !errors.As(err, &fe) || fe.Field != tc.path {
			t.Errorf("%s: Validate = %v, want a field error at %s", tc.name, err, tc.path)
		}
	}
	if err := good.Validate(nil); err != nil {
		t.Errorf("with no pack, good outcomes refused: %v", err)
	}
	bad := Outcomes{Benefits: []BenefitOutcome{{Benefit: "Universal Credit", Status: BenefitApplied}}}
	if bad.Validate(nil) == nil {
		t.Error("with no pack, a benefit id of the wrong shape was accepted")
	}
	if !(Outcomes{}).IsZero() || good.IsZero() {
		t.Error("IsZero is wrong")
	}
}

func TestDecisionsComeFromDecidedClaims(t *testing.T) {
	o := Outcomes{Benefits: []BenefitOutcome{
		{Benefit: "pip", Status: BenefitApplied, Applied: "2026-10-01"},
		{Benefit: "universal_credit", Status: BenefitRefused, Applied: "2026-10-01", Decided: "2026-11-02"},
		{Benefit: "child_benefit", Status: BenefitAwarded, Decided: "2026-11-03"},
		{Benefit: "housing_benefit", Status: BenefitRefused}, // no day: no deadline can be worked out
	}}
	got := o.Decisions()
	if len(got) != 2 || got[0] != (eligibility.BenefitDecision{Benefit: "universal_credit", Decided: "2026-11-02", Refused: true}) ||
		got[1] != (eligibility.BenefitDecision{Benefit: "child_benefit", Decided: "2026-11-03"}) {
		t.Errorf("Decisions = %+v", got)
	}
}
