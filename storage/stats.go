package storage

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"waymark/jobs"
)

// SuppressBelow is the smallest count published. Counts from 1 to SuppressBelow-1 are held back
// (shown as "<5") because a funder who knows a little about a small group could otherwise pick
// out one survivor; 0 is published, it identifies no one.
const SuppressBelow = 5

// CombinedGroup is the group id under which a breakdown pools its small groups, so no group of
// fewer than SuppressBelow people is named. It collides with no ISO code and no sector id.
const CombinedGroup = "combined"

// UnknownGroup is the group id for a case with no (or no well-formed) nationality, or a job with
// no known sector.
const UnknownGroup = "unknown"

// Count is one published figure. A suppressed or withheld count never holds its number, so the
// figure cannot leak out of the struct by mistake (a log line, a debugger, a future export).
type Count struct {
	// Value is the count; 0 when Suppressed or Withheld.
	Value int
	// Suppressed marks a count from 1 to SuppressBelow-1 (primary suppression).
	Suppressed bool
	// Withheld marks a total held back because it would let a suppressed count be worked out
	// by subtraction (secondary suppression).
	Withheld bool
}

// String is the figure as it is published: the number, "<5" or "withheld".
func (c Count) String() string {
	switch {
	case c.Suppressed:
		return "<" + strconv.Itoa(SuppressBelow)
	case c.Withheld:
		return "withheld"
	}
	return strconv.Itoa(c.Value)
}

// publish turns a raw count into a Count, suppressing 1..SuppressBelow-1.
func publish(n int) Count {
	if n > 0 && n < SuppressBelow {
		return Count{Suppressed: true}
	}
	return Count{Value: n}
}

// MonthStats is one calendar month's counts, or the period's totals when Month is "total".
type MonthStats struct {
	Month           string // YYYY-MM, or "total"
	CasesOpened     Count
	CasesClosed     Count
	BenefitsApplied Count // claims by the month they were made, whatever became of them
	BenefitsAwarded Count // awarded claims by the month of the decision
	JobsStarted     Count
}

// Group is one row of a breakdown: a nationality (ISO 3166 alpha-2 code), a sector id,
// UnknownGroup or CombinedGroup, and how many.
type Group struct {
	ID    string
	Count Count
}

// Breakdown splits one measure of the period (cases opened, or jobs started) into groups.
// Groups of 1..SuppressBelow-1 are pooled into CombinedGroup; when the pool itself would be
// small, the smallest named group joins it. So every group shown is 0 or at least
// SuppressBelow, and the groups add up to Total. When the measure has a suppressed month, the
// breakdown's total would reveal that month by subtraction, so the whole breakdown is withheld.
type Breakdown struct {
	Groups   []Group // largest first, then by id; CombinedGroup last; nil when Withheld
	Total    Count   // the measure's total for the period
	Withheld bool    // held back: a month of the measure is suppressed
}

// Stats are the organisation's counts for funders over a period. They hold no names,
// references, ids or dates of any one case: only month keys, group ids and counts.
type Stats struct {
	From, To    string       // the period, YYYY-MM-DD, both days included
	Months      []MonthStats // every calendar month the period touches, oldest first
	Total       MonthStats   // Month "total"; a measure's total is withheld when any of its months is suppressed
	Nationality Breakdown    // cases opened in the period by nationality
	Sector      Breakdown    // jobs started in the period by sector
}

// The measures, in column order.
const (
	mOpened = iota
	mClosed
	mApplied
	mAwarded
	mJobs
	nMeasures
)

// Statistics counts cases for funders over the days from..to (both included, taken as
// calendar days in their own locations). Each event counts in the month of its own date:
// cases by Opened and Closed, claims by Applied (any status) and, for awarded claims, by
// Decided, jobs by Started. Events outside the period, and dates that are not YYYY-MM-DD,
// are left out. A month only partly inside the period counts only its days inside it. The
// result is already suppressed (see SuppressBelow, Count and Breakdown) and safe to publish.
func Statistics(cases []Case, from, to time.Time) Stats {
	lo, hi := from.Format(time.DateOnly), to.Format(time.DateOnly)
	s := Stats{From: lo, To: hi}
	var keys []string
	index := map[string]int{}
	if lo <= hi {
		last := time.Date(to.Year(), to.Month(), 1, 0, 0, 0, 0, time.UTC)
		for m := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(last); m = m.AddDate(0, 1, 0) {
			index[m.Format("2006-01")] = len(keys)
			keys = append(keys, m.Format("2006-01"))
		}
	}
	raw := make([][nMeasures]int, len(keys))
	nations, sectors := map[string]int{}, map[string]int{}
	// month gives the row of a date inside the period, or -1.
	month := func(d string) int {
		if !isDate(d) || d < lo || d > hi {
			return -1
		}
		if i, ok := index[d[:7]]; ok {
			return i
		}
		return -1
	}
	for i := range cases {
		c := &cases[i]
		if m := month(c.Opened); m >= 0 {
			raw[m][mOpened]++
			nations[nationality(c)]++
		}
		if m := month(c.Closed); m >= 0 {
			raw[m][mClosed]++
		}
		for _, b := range c.Outcomes.Benefits {
			if m := month(b.Applied); m >= 0 {
				raw[m][mApplied]++
			}
			if b.Status != jobs.BenefitAwarded {
				continue
			}
			if m := month(b.Decided); m >= 0 {
				raw[m][mAwarded]++
			}
		}
		for _, w := range c.Outcomes.Work {
			if m := month(w.Started); m >= 0 {
				raw[m][mJobs]++
				sectors[sector(w.Sector)]++
			}
		}
	}
	var sum [nMeasures]int
	var small [nMeasures]bool
	s.Months = make([]MonthStats, len(keys))
	for i, k := range keys {
		var row [nMeasures]Count
		for m, n := range raw[i] {
			row[m] = publish(n)
			sum[m] += n
			small[m] = small[m] || row[m].Suppressed
		}
		s.Months[i] = monthStats(k, row)
	}
	var total [nMeasures]Count
	for m := range total {
		if small[m] {
			total[m] = Count{Withheld: true}
		} else {
			total[m] = Count{Value: sum[m]}
		}
	}
	s.Total = monthStats("total", total)
	s.Nationality = breakdown(nations, total[mOpened])
	s.Sector = breakdown(sectors, total[mJobs])
	return s
}

func monthStats(month string, c [nMeasures]Count) MonthStats {
	return MonthStats{Month: month, CasesOpened: c[mOpened], CasesClosed: c[mClosed],
		BenefitsApplied: c[mApplied], BenefitsAwarded: c[mAwarded], JobsStarted: c[mJobs]}
}

// breakdown publishes counts by group whose sum is total (a published or withheld measure
// total), pooling small groups as the Breakdown doc says.
func breakdown(counts map[string]int, total Count) Breakdown {
	if total.Withheld {
		return Breakdown{Total: total, Withheld: true}
	}
	var named []Group
	pool := 0
	for id, n := range counts {
		if n >= SuppressBelow {
			named = append(named, Group{ID: id, Count: Count{Value: n}})
		} else {
			pool += n
		}
	}
	slices.SortFunc(named, func(a, b Group) int {
		return cmp.Or(cmp.Compare(b.Count.Value, a.Count.Value), cmp.Compare(a.ID, b.ID))
	})
	// A pool of 1..4 would be suppressed and then recoverable as total minus the named
	// groups, so the smallest named group joins it. The total is 0 or at least SuppressBelow
	// here (a smaller total has a suppressed month and is withheld), so a named group exists.
	if pool > 0 && pool < SuppressBelow && len(named) > 0 {
		pool += named[len(named)-1].Count.Value
		named = named[:len(named)-1]
	}
	if pool > 0 {
		named = append(named, Group{ID: CombinedGroup, Count: publish(pool)})
	}
	return Breakdown{Groups: named, Total: total}
}

// nationality is the case's ISO code, or UnknownGroup; anything not shaped like a code is
// unknown, so free text typed in the wrong place can never reach a funder.
func nationality(c *Case) string {
	n := c.Facts.Nationality
	if n == nil || len(*n) != 2 || !isUpper((*n)[0]) || !isUpper((*n)[1]) {
		return UnknownGroup
	}
	return *n
}

// sector is a known sector id, or UnknownGroup.
func sector(s string) string {
	if slices.Contains(jobs.Sectors(), s) {
		return s
	}
	return UnknownGroup
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// isDate reports whether d has the shape YYYY-MM-DD, so it compares and slices as a date.
func isDate(d string) bool {
	if len(d) != 10 || d[4] != '-' || d[7] != '-' {
		return false
	}
	for i := range len(d) {
		if i != 4 && i != 7 && (d[i] < '0' || d[i] > '9') {
			return false
		}
	}
	return true
}

// StatsColumns are the monthly table's column ids, the CSV header.
var StatsColumns = []string{"month", "cases_opened", "cases_closed", "benefits_applied", "benefits_awarded", "jobs_started"}

// BreakdownColumns are the breakdown table's column ids, its CSV header.
var BreakdownColumns = []string{"breakdown", "group", "count"}

// WriteCSV writes the statistics as two CSV tables separated by one empty line (which CSV
// readers skip; read with FieldsPerRecord = -1):
//
//  1. header StatsColumns, one row per month (YYYY-MM), then a "total" row;
//  2. header BreakdownColumns, rows "nationality,<ISO code|unknown|combined>,<count>" then
//     "nationality,total,<count>", and the same for "sector". A withheld breakdown is the single
//     row "<breakdown>,total,withheld".
//
// Suppressed counts are written "<5" and withheld totals "withheld"; ids are English and
// stable, for funders' spreadsheets, and are not translated.
func (s Stats) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	rows := [][]string{StatsColumns}
	for _, m := range append(slices.Clip(s.Months), s.Total) {
		rows = append(rows, []string{m.Month, m.CasesOpened.String(), m.CasesClosed.String(),
			m.BenefitsApplied.String(), m.BenefitsAwarded.String(), m.JobsStarted.String()})
	}
	rows = append(rows, nil, BreakdownColumns)
	for _, b := range []struct {
		name string
		b    Breakdown
	}{{"nationality", s.Nationality}, {"sector", s.Sector}} {
		for _, g := range b.b.Groups {
			rows = append(rows, []string{b.name, g.ID, g.Count.String()})
		}
		rows = append(rows, []string{b.name, "total", b.b.Total.String()})
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("write statistics csv: %w", err)
	}
	return nil
}
