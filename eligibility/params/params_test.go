package params

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func loadGood(t testing.TB) *Set {
	t.Helper()
	s, err := Load(os.DirFS("testdata/good"), ".", testOptions)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestAtBoundaries looks the rate up on the day before and the day of each change, and after
// the null that ends it.
func TestAtBoundaries(t *testing.T) {
	s := loadGood(t)
	cases := []struct {
		date string
		want float64
		err  error
	}{
		{"2025-04-06", 0, ErrNotInForce},
		{"2025-04-07", 10.00, nil},
		{"2026-04-05", 10.00, nil},
		{"2026-04-06", 11.50, nil},
		{"2027-04-04", 11.50, nil},
		{"2027-04-05", 0, ErrNotInForce},
		{"2030-01-01", 0, ErrNotInForce},
	}
	for _, c := range cases {
		got, err := s.At("benefit.weekly_rate", date(c.date))
		if !errors.Is(err, c.err) || (c.err == nil && got != c.want) {
			t.Errorf("At(%s) = %v, %v; want %v, %v", c.date, got, err, c.want, c.err)
		}
		v, err := s.ValueAt("benefit.weekly_rate", date(c.date))
		if !errors.Is(err, c.err) || (c.err == nil && (v.Amount != c.want || len(v.References) == 0)) {
			t.Errorf("ValueAt(%s) = %+v, %v; want %v with its sources", c.date, v, err, c.want)
		}
	}
}

// TestAtUsesTheCalendarDay: a time late on the day before a change, or early on the day of it
// in another zone, is the calendar day it names, not an instant converted to UTC.
func TestAtUsesTheCalendarDay(t *testing.T) {
	s := loadGood(t)
	east := time.FixedZone("UTC+14", 14*3600)
	west := time.FixedZone("UTC-12", -12*3600)
	cases := []struct {
		when time.Time
		want float64
	}{
		{time.Date(2026, 4, 5, 23, 59, 59, 0, west), 10.00},
		{time.Date(2026, 4, 6, 0, 0, 1, 0, east), 11.50},
		{time.Date(2026, 4, 6, 0, 30, 0, 0, time.UTC), 11.50},
	}
	for _, c := range cases {
		got, err := s.At("benefit.weekly_rate", c.when)
		if err != nil || got != c.want {
			t.Errorf("At(%v) = %v, %v; want %v", c.when, got, err, c.want)
		}
	}
}

func TestUnknownParameter(t *testing.T) {
	s := loadGood(t)
	if _, err := s.At("benefit.weekly_rat", date("2026-01-01")); !errors.Is(err, ErrUnknown) {
		t.Errorf("At of a misspelt name: err = %v, want ErrUnknown", err)
	}
	if _, err := s.ValueAt("nope", date("2026-01-01")); !errors.Is(err, ErrUnknown) {
		t.Errorf("ValueAt of a missing name: err = %v, want ErrUnknown", err)
	}
}

// TestHealthFindsUnusedAndUndeclared checks the "every parameter is used" rule and its mirror.
func TestHealthFindsUnusedAndUndeclared(t *testing.T) {
	s := loadGood(t)
	errs := s.Health()
	if len(errs) != 2 {
		t.Fatalf("before any Use: %v; want both parameters reported unused", errs)
	}
	rate := s.Use("benefit.weekly_rate")
	errs = s.Health()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "benefit.taper") {
		t.Fatalf("after using one: %v; want only benefit.taper unused", errs)
	}
	s.Use("benefit.taper")
	if errs := s.Health(); len(errs) != 0 {
		t.Fatalf("all used: %v", errs)
	}
	typo := s.Use("benefit.tapr")
	errs = s.Health()
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "benefit.tapr") || !errors.Is(errs[0], ErrUnknown) {
		t.Fatalf("declared name without a file: %v", errs)
	}
	if _, err := typo.At(date("2026-01-01")); !errors.Is(err, ErrUnknown) {
		t.Errorf("handle without a file: err = %v", err)
	}
	if got, err := rate.At(date("2026-04-06")); err != nil || got != 11.50 || rate.Name() != "benefit.weekly_rate" {
		t.Errorf("handle At = %v, %v", got, err)
	}
	if v, err := rate.ValueAt(date("2025-04-07")); err != nil || v.Amount != 10 || v.Confidence != "H" {
		t.Errorf("handle ValueAt = %+v, %v", v, err)
	}
}

// TestDayNumberMatchesTime compares the integer day count with the time package across
// leap years, century years and far dates.
func TestDayNumberMatchesTime(t *testing.T) {
	for _, start := range []time.Time{
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1899, 12, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1999, 12, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2096, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		for d := start; d.Before(start.AddDate(6, 0, 0)); d = d.AddDate(0, 0, 1) {
			want := d.Unix() / 86400
			if d.Unix() < 0 && d.Unix()%86400 != 0 {
				want--
			}
			if got := dayNumber(d); got != want {
				t.Fatalf("dayNumber(%s) = %d, want %d", d.Format(time.DateOnly), got, want)
			}
		}
	}
}

func TestMustLoadPanicsOnBrokenFiles(t *testing.T) {
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "do not load") {
			t.Errorf("recover() = %v", r)
		}
	}()
	MustLoad(os.DirFS("testdata/bad"), ".", testOptions)
}

func BenchmarkParameterAt(b *testing.B) {
	s := loadGood(b)
	d := date("2026-11-23")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.At("benefit.weekly_rate", d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHandleAt(b *testing.B) {
	s := loadGood(b)
	h := s.Use("benefit.weekly_rate")
	d := date("2026-11-23")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.At(d); err != nil {
			b.Fatal(err)
		}
	}
}
