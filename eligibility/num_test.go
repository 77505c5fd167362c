package eligibility

import (
	"strings"
	"testing"
)

func TestNumArithmeticWaitsForFacts(t *testing.T) {
	rate := Amount(400)
	earnings := OpenNum(FactMonthlyEarnings)
	children := OpenNum(FactChildrenAges)
	cases := []struct {
		name    string
		n       Num
		known   bool
		value   float64
		missing string
	}{
		{"known sum", rate.Add(Amount(100.5)), true, 500.5, ""},
		{"an unknown operand makes it unknown", rate.Sub(earnings), false, 0, "monthly_earnings"},
		{"every unknown operand is listed", rate.Add(children).Sub(earnings), false, 0, "children_ages,monthly_earnings"},
		{"a known zero factor needs no facts", earnings.Mul(Amount(0)), true, 0, ""},
		{"a known factor", Amount(0.5).Mul(Amount(200)), true, 100, ""},
		{"max", Amount(-3).Max(Amount(0)), true, 0, ""},
		{"min with an unknown", Amount(3).Min(earnings), false, 0, "monthly_earnings"},
		{"choose a settled branch", Choose(Known(false), earnings, Amount(7)), true, 7, ""},
		{"choose while open, equal branches", Choose(Open(FactCouple), Amount(7), Amount(7)), true, 7, ""},
		{"choose while open, different branches", Choose(Open(FactCouple), Amount(7), earnings), false, 0, "couple,monthly_earnings"},
	}
	for _, c := range cases {
		v, known := c.n.Value()
		if known != c.known || (known && v != c.value) || strings.Join(c.n.Missing().Names(), ",") != c.missing {
			t.Errorf("%s: %v known=%v missing [%s]; want %v known=%v missing [%s]", c.name, v, known,
				strings.Join(c.n.Missing().Names(), ","), c.value, c.known, c.missing)
		}
	}
	age := 30
	if v, ok := NumFact(FactAge, &age).Value(); !ok || v != 30 {
		t.Error("NumFact of a given int")
	}
	if NumFact[float64](FactCapital, nil).Known() {
		t.Error("NumFact of nil must be unknown")
	}
}

func TestNumComparisons(t *testing.T) {
	limit := Amount(16000)
	cases := []struct {
		c    Cond
		want Tri
	}{
		{Amount(16000).Le(limit), Yes},
		{Amount(16000.01).Le(limit), No},
		{Amount(16000).Lt(limit), No},
		{Amount(6000).Ge(Amount(6000)), Yes},
		{Amount(0).Gt(Amount(0)), No},
		{OpenNum(FactCapital).Le(limit), Unknown},
	}
	for i, c := range cases {
		if c.c.Value() != c.want {
			t.Errorf("case %d: %s, want %s", i, c.c.Value(), c.want)
		}
	}
	if m := OpenNum(FactCapital).Gt(OpenNum(FactMonthlyRent)).Missing().Names(); strings.Join(m, ",") != "capital,monthly_rent" {
		t.Errorf("comparison of two unknowns lists %v", m)
	}
}

func TestNumPtrRoundsToPennies(t *testing.T) {
	if OpenNum(FactAge).Ptr() != nil {
		t.Error("unknown amount must give a nil estimate")
	}
	for in, want := range map[float64]float64{424.9: 424.9, 10.006: 10.01, 0.004: 0, 219.99999999: 220} {
		if got := *Amount(in).Ptr(); got != want {
			t.Errorf("Ptr(%v) = %v, want %v", in, got, want)
		}
	}
}
