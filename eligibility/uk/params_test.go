package uk

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"waymark/eligibility/params"
)

func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatalf("bad test date %q", s)
	}
	return d
}

// TestParameterHealth is the code-health gate for the UK data, on the YAML files and on the
// generated set the pack runs on alike: every file loads (each has a legal basis and sources on
// official hosts, dates ascend, figures are well formed and carry a confidence of H or M), every
// file is declared in Param, and every declared name has a file. TestGeneratedParameters then
// checks the two sets are the same.
func TestParameterHealth(t *testing.T) {
	fromYAML, err := LoadParameters()
	if err != nil {
		t.Fatalf("parameter files do not load:\n%v", err)
	}
	if err := ParametersErr(); err != nil {
		t.Fatalf("generated parameters do not build a set (regenerate with %s): %v", regenerate, err)
	}
	for _, name := range parameters.Names() {
		p, _ := parameters.Lookup(name)
		if len(p.References) == 0 {
			t.Errorf("generated %s: no legal basis", name)
		}
		for i, v := range p.Values {
			if i > 0 && !v.From.After(p.Values[i-1].From) {
				t.Errorf("generated %s: value from %s does not follow %s", name, v.From.Format(time.DateOnly), p.Values[i-1].From.Format(time.DateOnly))
			}
			if !v.Ended && (len(v.References) == 0 || (v.Confidence != "H" && v.Confidence != "M")) {
				t.Errorf("generated %s from %s: a figure needs a source and a confidence of H or M", name, v.From.Format(time.DateOnly))
			}
		}
	}
	for _, err := range parameters.Health() {
		t.Error("generated:", err)
	}
	// A field added to Param but left out of its initialiser would be a zero handle that
	// Health cannot see. The same declarations, made on the YAML set, check it too.
	v := reflect.ValueOf(Param)
	for i := 0; i < v.NumField(); i++ {
		h := v.Field(i).Interface().(params.Handle)
		if h.Name() == "" || h.Parameter() == nil {
			t.Errorf("Param.%s is not bound to a parameter file", v.Type().Field(i).Name)
		}
		fromYAML.Use(h.Name())
	}
	for _, err := range fromYAML.Health() {
		t.Error("YAML:", err)
	}
}

// TestEveryChangeBoundary checks, for every parameter and every dated value, the day before
// the change (the previous value, or nothing in force) and the day of it.
func TestEveryChangeBoundary(t *testing.T) {
	for _, name := range parameters.Names() {
		p, _ := parameters.Lookup(name)
		for i, v := range p.Values {
			before := v.From.AddDate(0, 0, -1)
			got, err := p.At(before)
			switch {
			case i == 0 || p.Values[i-1].Ended:
				if !errors.Is(err, params.ErrNotInForce) {
					t.Errorf("%s on %s: got %v, %v; want nothing in force", name, before.Format(time.DateOnly), got, err)
				}
			case err != nil || got != p.Values[i-1].Amount:
				t.Errorf("%s on %s: got %v, %v; want %v", name, before.Format(time.DateOnly), got, err, p.Values[i-1].Amount)
			}
			got, err = p.At(v.From)
			switch {
			case v.Ended:
				if !errors.Is(err, params.ErrNotInForce) {
					t.Errorf("%s on %s: got %v, %v; want nothing in force after a null", name, v.From.Format(time.DateOnly), got, err)
				}
			case err != nil || got != v.Amount:
				t.Errorf("%s on %s: got %v, %v; want %v", name, v.From.Format(time.DateOnly), got, err, v.Amount)
			}
		}
	}
}

// TestAprilChanges pins the figures advisers will check most, on the day before and the day
// of each April change, against the sources in /work/shared/reference/uk-rules.md.
func TestAprilChanges(t *testing.T) {
	notInForce := -1.0
	cases := []struct {
		h    params.Handle
		date string
		want float64
	}{
		{Param.UCStandardAllowanceSingle25OrOver, "2025-04-06", notInForce},
		{Param.UCStandardAllowanceSingle25OrOver, "2025-04-07", 400.14},
		{Param.UCStandardAllowanceSingle25OrOver, "2026-04-05", 400.14},
		{Param.UCStandardAllowanceSingle25OrOver, "2026-04-06", 424.90},
		{Param.UCStandardAllowanceSingleUnder25, "2026-04-05", 316.98},
		{Param.UCStandardAllowanceSingleUnder25, "2026-04-06", 338.58},
		{Param.UCStandardAllowanceCoupleBothUnder25, "2026-04-05", 497.55},
		{Param.UCStandardAllowanceCoupleBothUnder25, "2026-04-06", 528.34},
		{Param.UCStandardAllowanceCoupleOneOrBoth25OrOver, "2026-04-05", 628.10},
		{Param.UCStandardAllowanceCoupleOneOrBoth25OrOver, "2026-04-06", 666.97},
		{Param.UCWorkAllowanceWithHousing, "2026-04-05", 411},
		{Param.UCWorkAllowanceWithHousing, "2026-04-06", 427},
		{Param.UCWorkAllowanceWithoutHousing, "2026-04-05", 684},
		{Param.UCWorkAllowanceWithoutHousing, "2026-04-06", 710},
		{Param.UCTaperRate, "2021-11-23", notInForce},
		{Param.UCTaperRate, "2021-11-24", 0.55},
		{Param.UCLCWRAElementStandard, "2026-04-05", 423.27},
		{Param.UCLCWRAElementStandard, "2026-04-06", 217.26},
		{Param.UCLCWRAElementProtected, "2026-04-06", 429.80},
		{Param.UCChildElementPerChild, "2026-04-06", 303.94},
		{Param.UCChildElementFirstChildBornBefore20170406, "2026-04-06", 351.88},
		{Param.UCChildElementTwoChildLimit, "2017-04-05", notInForce},
		{Param.UCChildElementTwoChildLimit, "2017-04-06", 1},
		{Param.UCChildElementTwoChildLimit, "2026-04-05", 1},
		{Param.UCChildElementTwoChildLimit, "2026-04-06", 0},
		{Param.JSANewStyle25OrOver, "2026-04-05", 92.05},
		{Param.JSANewStyle25OrOver, "2026-04-06", 95.55},
		{Param.PensionCreditStandardMinimumGuaranteeSingle, "2026-04-05", 227.10},
		{Param.PensionCreditStandardMinimumGuaranteeSingle, "2026-04-06", 238.00},
		{Param.ScottishChildPaymentWeeklyRate, "2026-03-31", 27.15},
		{Param.ScottishChildPaymentWeeklyRate, "2026-04-01", 28.20},
		{Param.NMW21OrOver, "2026-03-31", 12.21},
		{Param.NMW21OrOver, "2026-04-01", 12.71},
		{Param.NMWAccommodationOffsetDaily, "2026-03-31", 10.66},
		{Param.NMWAccommodationOffsetDaily, "2026-04-01", notInForce},
	}
	for _, c := range cases {
		got, err := c.h.At(day(t, c.date))
		if c.want == notInForce {
			if !errors.Is(err, params.ErrNotInForce) {
				t.Errorf("%s on %s = %v, %v; want no value in force", c.h.Name(), c.date, got, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s on %s = %v, %v; want %v", c.h.Name(), c.date, got, err, c.want)
		}
	}
}

// TestSwitchParameters checks that a parameter read as an on/off switch holds only 0 or 1, so a
// mistyped 0.5 or 2 cannot silently turn a rule the wrong way.
func TestSwitchParameters(t *testing.T) {
	for _, h := range []params.Handle{Param.UCChildElementTwoChildLimit} {
		p := h.Parameter()
		if p == nil {
			t.Errorf("%s: no parameter file", h.Name())
			continue
		}
		if p.Unit != "/1" {
			t.Errorf("%s: unit %q, want /1 for a switch", h.Name(), p.Unit)
		}
		for _, v := range p.Values {
			if !v.Ended && v.Amount != 0 && v.Amount != 1 {
				t.Errorf("%s from %s is %v; a switch is 0 or 1", h.Name(), v.From.Format(time.DateOnly), v.Amount)
			}
		}
	}
}

// TestSameFactsEachYear is the example: the same day in two tax years gives each
// year's figures.
func TestSameFactsEachYear(t *testing.T) {
	cases := []struct {
		h          params.Handle
		y2025      float64
		y2026      float64
		unchanging bool
	}{
		{h: Param.UCStandardAllowanceSingle25OrOver, y2025: 400.14, y2026: 424.90},
		{h: Param.UCCarerElement, y2025: 201.68, y2026: 209.34},
		{h: Param.PIPDailyLivingEnhanced, y2025: 110.40, y2026: 114.60},
		{h: Param.PIPMobilityStandard, y2025: 29.20, y2026: 30.30},
		{h: Param.ChildBenefitEldestOrOnly, y2025: 26.05, y2026: 27.05},
		{h: Param.ESANewStyleSupportComponent, y2025: 48.50, y2026: 50.35},
		{h: Param.UCCapitalUpperLimit, y2025: 16000, y2026: 16000, unchanging: true},
		{h: Param.UCCapitalTariffAmount, y2025: 4.35, y2026: 4.35, unchanging: true},
		{h: Param.NRMScotlandSupportPeriod, y2025: 90, y2026: 90, unchanging: true},
	}
	for _, c := range cases {
		a, errA := c.h.At(day(t, "2025-11-23"))
		b, errB := c.h.At(day(t, "2026-11-23"))
		if errA != nil || errB != nil || a != c.y2025 || b != c.y2026 {
			t.Errorf("%s: 2025-11-23 = %v (%v), 2026-11-23 = %v (%v); want %v and %v", c.h.Name(), a, errA, b, errB, c.y2025, c.y2026)
		}
		if !c.unchanging && a == b {
			t.Errorf("%s: the same figure in both years", c.h.Name())
		}
	}
}

// TestKnownBadFiguresAbsent guards against the errors listed at the top of uk-rules.md
// (PolicyEngine's 2025/26 Pension Credit and PIP figures).
func TestKnownBadFiguresAbsent(t *testing.T) {
	bad := map[string][]float64{
		"pension_credit.standard_minimum_guarantee.single": {221.85},
		"pension_credit.standard_minimum_guarantee.couple": {338.61},
		"pip.daily_living.standard":                        {73.89},
		"pip.mobility.standard":                            {29.19},
		"pip.mobility.enhanced":                            {77.04},
	}
	for name, figures := range bad {
		p, ok := parameters.Lookup(name)
		if !ok {
			t.Errorf("%s: no such parameter", name)
			continue
		}
		for _, v := range p.Values {
			for _, f := range figures {
				if !v.Ended && v.Amount == f {
					t.Errorf("%s from %s is %v, a known-bad figure", name, v.From.Format(time.DateOnly), f)
				}
			}
		}
	}
}

func BenchmarkParameterAt(b *testing.B) {
	d := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Param.UCStandardAllowanceSingle25OrOver.At(d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParameterAtByName(b *testing.B) {
	d := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parameters.At("uc.standard_allowance.single_25_or_over", d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadParameters(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadParameters(); err != nil {
			b.Fatal(err)
		}
	}
}
