// Package params holds a rule pack's parameters — rates, thresholds, ages and durations — as
// data with dates and sources, in the spirit of OpenFisca's parameter files. April's uprating
// is then a change to a data file that a reviewer can check line by line against the law,
// never a change to rule code.
//
// Every parameter is one YAML file; its name is its path with "/" read as "." and without
// ".yaml" ("uc/standard_allowance/single_under_25.yaml" is
// "uc.standard_allowance.single_under_25"). A file holds:
//
//	description: Universal Credit standard allowance, single claimant aged under 25
//	unit: currency-GBP        # currency-XXX, /1 (a ratio), days, weeks or years
//	period: month             # for amounts of money paid over time: hour, day, week, month, year
//	reference:                # the legal basis: at least one
//	  - title: The Universal Credit Regulations 2013, reg. 36
//	    href: https://www.legislation.gov.uk/uksi/2013/376/regulation/36
//	values:                   # effective-from dates, strictly ascending
//	  2025-04-07:
//	    value: 316.98
//	    confidence: H         # H read in a primary source; M secondary or arithmetic. No L.
//	    reference:            # where this figure was confirmed: at least one
//	      - title: Benefit and pension rates 2025 to 2026
//	        href: https://www.gov.uk/...
//	  2026-04-06:
//	    value: null           # no confirmed value from this date on
//	    note: why the value ends
//
// Load validates every file when the pack starts, and the pack's health test runs the same
// load, so a missing source, dates out of order or a malformed figure fail the build's tests
// rather than reaching an adviser.
package params

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

// Errors callers branch on with errors.Is.
var (
	// ErrInvalid marks every problem found while loading parameter files.
	ErrInvalid = errors.New("invalid parameter file")
	// ErrUnknown: no parameter has this name.
	ErrUnknown = errors.New("unknown parameter")
	// ErrNotInForce: the parameter has no value on that date (before its first value, or
	// after a null ended it). Rules answer need_info rather than use a stale figure.
	ErrNotInForce = errors.New("no value in force")
)

// Reference points to the legislation or official guidance behind a parameter or a value.
type Reference struct {
	Title string
	Href  string
}

// Value is one dated value of a parameter.
type Value struct {
	// From is the first day the value applies (midnight UTC).
	From time.Time
	// Amount is the figure, in the parameter's unit.
	Amount float64
	// Ended is true for a null entry: from From on there is no confirmed value.
	Ended bool
	// Confidence is "H" (read in a primary or official source) or "M" (reputable secondary
	// source or checked arithmetic); empty for an ended entry.
	Confidence string
	// References are the sources that confirm this figure and its date.
	References []Reference
	// Note explains anything a reviewer should know about the date or figure.
	Note string

	fromDay int64 // From as days since 1970-01-01, for fast lookups
}

// Parameter is one rate, threshold, age or duration with its history.
type Parameter struct {
	Name        string
	Description string
	Unit        string
	Period      string
	References  []Reference
	Values      []Value // strictly ascending by From
	File        string  // path of the file it was read from
}

// ValueAt returns the value in force on date: the last value whose From is on or before the
// date's calendar day. A null entry, or a date before the first value, is ErrNotInForce.
func (p *Parameter) ValueAt(date time.Time) (Value, error) {
	day := dayNumber(date)
	for i := len(p.Values) - 1; i >= 0; i-- {
		v := &p.Values[i]
		if v.fromDay <= day {
			if v.Ended {
				break
			}
			return *v, nil
		}
	}
	return Value{}, fmt.Errorf("parameter %s on %s: %w", p.Name, date.Format(time.DateOnly), ErrNotInForce)
}

// At returns the amount in force on date.
func (p *Parameter) At(date time.Time) (float64, error) {
	day := dayNumber(date)
	for i := len(p.Values) - 1; i >= 0; i-- {
		v := &p.Values[i]
		if v.fromDay <= day {
			if v.Ended {
				break
			}
			return v.Amount, nil
		}
	}
	return 0, fmt.Errorf("parameter %s on %s: %w", p.Name, date.Format(time.DateOnly), ErrNotInForce)
}

// Set is every parameter of one pack, by name. It also records which parameters the pack's
// rules declare they use (Use), so the health test can find a file no rule reads and a rule
// that reads a parameter no file defines.
type Set struct {
	byName map[string]*Parameter
	names  []string

	mu       sync.Mutex
	declared map[string]bool
}

// EmptySet returns a set with no parameters, for a pack whose files failed to load: every
// look-up fails (ErrUnknown), so its rules answer need_info instead of using a figure.
func EmptySet() *Set {
	return &Set{byName: map[string]*Parameter{}}
}

// Lookup returns the parameter with this name.
func (s *Set) Lookup(name string) (*Parameter, bool) {
	p, ok := s.byName[name]
	return p, ok
}

// Names returns every parameter name, sorted.
func (s *Set) Names() []string {
	return append([]string(nil), s.names...)
}

// At returns the amount of parameter name in force on date.
func (s *Set) At(name string, date time.Time) (float64, error) {
	p, ok := s.byName[name]
	if !ok {
		return 0, fmt.Errorf("parameter %s: %w", name, ErrUnknown)
	}
	return p.At(date)
}

// ValueAt returns the value of parameter name in force on date, with its sources.
func (s *Set) ValueAt(name string, date time.Time) (Value, error) {
	p, ok := s.byName[name]
	if !ok {
		return Value{}, fmt.Errorf("parameter %s: %w", name, ErrUnknown)
	}
	return p.ValueAt(date)
}

// Handle is a rule's declared use of one parameter. Rules hold handles in package-level
// variables, so every parameter a rule reads is declared in one place at start-up and the
// lookup skips the name map.
type Handle struct {
	name string
	p    *Parameter
}

// Use declares that a rule reads parameter name and returns a handle to it. A name with no
// file still gives a handle (whose lookups fail with ErrUnknown) so the health test, not a
// start-up panic, reports the mistake.
func (s *Set) Use(name string) Handle {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.declared == nil {
		s.declared = map[string]bool{}
	}
	s.declared[name] = true
	return Handle{name: name, p: s.byName[name]}
}

// Name is the parameter's name.
func (h Handle) Name() string { return h.name }

// At returns the amount in force on date.
func (h Handle) At(date time.Time) (float64, error) {
	if h.p == nil {
		return 0, fmt.Errorf("parameter %s: %w", h.name, ErrUnknown)
	}
	return h.p.At(date)
}

// ValueAt returns the value in force on date, with its sources.
func (h Handle) ValueAt(date time.Time) (Value, error) {
	if h.p == nil {
		return Value{}, fmt.Errorf("parameter %s: %w", h.name, ErrUnknown)
	}
	return h.p.ValueAt(date)
}

// Parameter returns the parameter behind the handle, or nil when no file defines it.
func (h Handle) Parameter() *Parameter { return h.p }

// Health lists what the load alone cannot catch: parameter files no rule declares (dead data
// that a reviewer would keep uprating for nothing) and declared names with no file.
func (s *Set) Health() []error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	for _, n := range s.names {
		if !s.declared[n] {
			errs = append(errs, fmt.Errorf("parameter %s (%s) is not used by any rule", n, s.byName[n].File))
		}
	}
	var missing []string
	for n := range s.declared {
		if _, ok := s.byName[n]; !ok {
			missing = append(missing, n)
		}
	}
	sort.Strings(missing)
	for _, n := range missing {
		errs = append(errs, fmt.Errorf("parameter %s is used by a rule but has no file: %w", n, ErrUnknown))
	}
	return errs
}

// dayNumber counts days from 1970-01-01 to the calendar day of t (in t's location), without
// building a time.Time: a lookup is a loop of integer comparisons.
func dayNumber(t time.Time) int64 {
	y, m, d := t.Date()
	return daysFromCivil(int64(y), int64(m), int64(d))
}

// daysFromCivil is the proleptic Gregorian day count of Howard Hinnant's chrono algorithms
// (days_from_civil), valid for every year time.Time can hold.
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}
