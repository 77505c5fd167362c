package params

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// copyParameter returns a deep copy of p with the look-up days cleared, as generated Go
// literals (which cannot set unexported fields) would hold it.
func copyParameter(p *Parameter) *Parameter {
	c := *p
	c.References = append([]Reference(nil), p.References...)
	c.Values = make([]Value, len(p.Values))
	for i, v := range p.Values {
		v.References = append([]Reference(nil), v.References...)
		v.fromDay = 0
		c.Values[i] = v
	}
	return &c
}

// TestNewSetMatchesLoad: a set built from the loaded parameters, in any order and without
// their look-up days, is the loaded set field for field and answers look-ups alike.
func TestNewSetMatchesLoad(t *testing.T) {
	loaded := loadGood(t)
	names := loaded.Names()
	var list []*Parameter
	for i := len(names) - 1; i >= 0; i-- { // reverse order: NewSet sorts the names
		p, _ := loaded.Lookup(names[i])
		list = append(list, copyParameter(p))
	}
	s, err := NewSet(list)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(s.byName, loaded.byName) || !reflect.DeepEqual(s.names, loaded.names) {
		t.Fatalf("NewSet differs from Load:\n got %+v\nwant %+v", s.byName, loaded.byName)
	}
	for _, d := range []string{"2025-04-06", "2025-04-07", "2026-04-05", "2026-04-06", "2027-04-05"} {
		a, errA := s.At("benefit.weekly_rate", date(d))
		b, errB := loaded.At("benefit.weekly_rate", date(d))
		if a != b || (errA == nil) != (errB == nil) || errors.Is(errA, ErrNotInForce) != errors.Is(errB, ErrNotInForce) {
			t.Errorf("At(%s): NewSet %v, %v; Load %v, %v", d, a, errA, b, errB)
		}
	}
	h := s.Use("benefit.taper")
	if got, err := h.At(date("2030-01-01")); err != nil || got != 0.55 {
		t.Errorf("handle on a NewSet: %v, %v", got, err)
	}
	if errs := s.Health(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "benefit.weekly_rate") {
		t.Errorf("Health = %v; want only benefit.weekly_rate unused", errs)
	}
}

// TestNewSetRefuses lists what NewSet checks: each case must fail with ErrInvalid and a
// message naming the problem.
func TestNewSetRefuses(t *testing.T) {
	at := func(s string) Value {
		return Value{From: date(s), Amount: 1, Confidence: "H", References: []Reference{{"t", "https://www.gov.uk/x"}}}
	}
	prm := func(name string, vals ...Value) *Parameter {
		return &Parameter{Name: name, Unit: "/1", File: name + ".yaml", Values: vals}
	}
	cases := []struct {
		name string
		list []*Parameter
		want string
	}{
		{"empty", nil, "no parameters"},
		{"nil parameter", []*Parameter{prm("a", at("2025-01-01")), nil}, "parameter 1: missing"},
		{"no name", []*Parameter{prm("", at("2025-01-01"))}, "no name"},
		{"twice", []*Parameter{prm("a", at("2025-01-01")), prm("a", at("2026-01-01"))}, "a: given twice"},
		{"no values", []*Parameter{prm("a")}, "a: no values"},
		{"same day", []*Parameter{prm("a", at("2025-01-01"), at("2025-01-01"))}, "dates must ascend (it follows 2025-01-01)"},
		{"descending", []*Parameter{prm("a", at("2026-01-01"), at("2025-01-01"))}, "value from 2025-01-01: dates must ascend"},
		{"same calendar day, later hour", []*Parameter{prm("a",
			Value{From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)},
			Value{From: time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)})}, "dates must ascend"},
		{"every problem at once", []*Parameter{prm("a"), prm("b", at("2026-01-01"), at("2025-01-01"))}, "a: no values: invalid parameter file\nparameter b: value from"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := NewSet(c.list)
			if s != nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("NewSet = %v, %v; want ErrInvalid containing %q", s, err, c.want)
			}
		})
	}
}

func BenchmarkNewSet(b *testing.B) {
	loaded := loadGood(b)
	var src []*Parameter
	for _, n := range loaded.Names() {
		p, _ := loaded.Lookup(n)
		src = append(src, p)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewSet(src); err != nil {
			b.Fatal(err)
		}
	}
}
