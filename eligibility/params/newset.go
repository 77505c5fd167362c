package params

import (
	"errors"
	"fmt"
	"sort"
	"time"
)

// NewSet builds a set from parameters held as Go values: a pack's generated literals,
// transcribed from its parameter files by a generator that ran Load. Parsing YAML was most of
// the start-up time of `waymark check`; a pack that starts from generated literals skips it,
// while its tests keep Load on the files and fail if the literals drift from them.
//
// NewSet checks only what is cheap and what look-ups rely on: every parameter is present and
// has a name of its own, and its values' dates strictly ascend (by calendar day, as look-ups
// compare them). Everything else (sources, units, figures) is Load's job on the files. Errors
// wrap ErrInvalid; every problem is reported at once. The set takes ownership of the
// parameters: callers must not change them afterwards.
func NewSet(list []*Parameter) (*Set, error) {
	if len(list) == 0 {
		return nil, fmt.Errorf("new parameter set: no parameters: %w", ErrInvalid)
	}
	var errs []error
	s := &Set{byName: make(map[string]*Parameter, len(list)), names: make([]string, 0, len(list))}
	for i, p := range list {
		switch {
		case p == nil:
			errs = append(errs, fmt.Errorf("parameter %d: missing: %w", i, ErrInvalid))
			continue
		case p.Name == "":
			errs = append(errs, fmt.Errorf("parameter %d (%s): no name: %w", i, p.File, ErrInvalid))
			continue
		}
		if _, dup := s.byName[p.Name]; dup {
			errs = append(errs, fmt.Errorf("parameter %s: given twice: %w", p.Name, ErrInvalid))
			continue
		}
		if len(p.Values) == 0 {
			errs = append(errs, fmt.Errorf("parameter %s: no values: %w", p.Name, ErrInvalid))
		}
		for j := range p.Values {
			v := &p.Values[j]
			v.fromDay = dayNumber(v.From)
			if j > 0 && v.fromDay <= p.Values[j-1].fromDay {
				errs = append(errs, fmt.Errorf("parameter %s: value from %s: dates must ascend (it follows %s): %w",
					p.Name, v.From.Format(time.DateOnly), p.Values[j-1].From.Format(time.DateOnly), ErrInvalid))
			}
		}
		s.byName[p.Name] = p
		s.names = append(s.names, p.Name)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if !sort.StringsAreSorted(s.names) {
		sort.Strings(s.names)
	}
	return s, nil
}
