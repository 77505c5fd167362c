package app

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"waymark/locales"
	"waymark/storage"
)

// The statistics chart is worked out here, away from any widget: the counts come back from the
// vault as the funders' CSV (storage.Session.ExportStatistics, already suppressed and audited),
// are read into storage.Stats, and become a chartSeries of bars, labels and an axis that
// drawChart only places. Nothing here can turn a suppressed count back into its number: a
// storage.Count that is Suppressed holds no number to show.

// errBadStatistics means the statistics did not come back in the form storage writes them.
var errBadStatistics = errors.New("statistics are not in the expected form")

// readStatsCSV reads what storage.Stats.WriteCSV wrote back into Stats (From and To are not in
// the file: the caller knows the period it asked for).
func readStatsCSV(r io.Reader) (storage.Stats, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	rows, err := cr.ReadAll()
	if err != nil {
		return storage.Stats{}, fmt.Errorf("read statistics: %w", errors.Join(errBadStatistics, err))
	}
	bad := func(what string) (storage.Stats, error) {
		return storage.Stats{}, fmt.Errorf("read statistics: %s: %w", what, errBadStatistics)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], storage.StatsColumns) {
		return bad("no monthly table")
	}
	var s storage.Stats
	i := 1
	for ; i < len(rows) && !slices.Equal(rows[i], storage.BreakdownColumns); i++ {
		row := rows[i]
		if len(row) != len(storage.StatsColumns) {
			return bad("monthly row of the wrong width")
		}
		var c [5]storage.Count
		for k := range c {
			if c[k], err = parseCount(row[k+1]); err != nil {
				return bad("monthly count")
			}
		}
		m := storage.MonthStats{Month: row[0], CasesOpened: c[0], CasesClosed: c[1],
			BenefitsApplied: c[2], BenefitsAwarded: c[3], JobsStarted: c[4]}
		if row[0] == "total" {
			s.Total = m
		} else {
			s.Months = append(s.Months, m)
		}
	}
	if s.Total.Month != "total" || i == len(rows) {
		return bad("no total or no breakdown table")
	}
	for _, row := range rows[i+1:] {
		if len(row) != len(storage.BreakdownColumns) {
			return bad("breakdown row of the wrong width")
		}
		var b *storage.Breakdown
		switch row[0] {
		case "nationality":
			b = &s.Nationality
		case "sector":
			b = &s.Sector
		default:
			return bad("unknown breakdown")
		}
		n, err := parseCount(row[2])
		if err != nil {
			return bad("breakdown count")
		}
		if row[1] == "total" {
			b.Total, b.Withheld = n, n.Withheld
		} else {
			b.Groups = append(b.Groups, storage.Group{ID: row[1], Count: n})
		}
	}
	return s, nil
}

// parseCount reads a published figure: a number, "<5" or "withheld" (storage.Count.String).
func parseCount(s string) (storage.Count, error) {
	switch s {
	case storage.Count{Suppressed: true}.String():
		return storage.Count{Suppressed: true}, nil
	case storage.Count{Withheld: true}.String():
		return storage.Count{Withheld: true}, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || strconv.Itoa(n) != s {
		return storage.Count{}, errBadStatistics
	}
	return storage.Count{Value: n}, nil
}

// chartMeasures are the measures drawn, in the CSV's column order; their words are the
// messages "reports.chart.measure.<id>".
var chartMeasures = storage.StatsColumns[1:]

// monthCounts are a month's counts in chartMeasures order.
func monthCounts(m storage.MonthStats) []storage.Count {
	return []storage.Count{m.CasesOpened, m.CasesClosed, m.BenefitsApplied, m.BenefitsAwarded, m.JobsStarted}
}

// chartBar is one bar: its height as a fraction of the axis, and the label above it. A
// suppressed bar is drawn hollow up to SuppressBelow, which says "somewhere under 5" and no more.
type chartBar struct {
	Height     float64 // 0..1 of the axis top
	Suppressed bool
	Label      string // "12", "0" or "<5"
}

// chartGroup is one month's bars with the words under them; Label and Year are empty for a
// month left unlabelled so that labels never overlap.
type chartGroup struct {
	Label, Year string
	Bars        []chartBar
}

// chartSeries is everything drawChart places: it decides nothing itself.
type chartSeries struct {
	Title  string   // drawn above the chart; "" on screen, where the dialog's title says it
	Legend []string // the measures' names, in chartMeasures order
	Groups []chartGroup
	Top    int    // the axis runs from 0 to Top
	Ticks  []int  // the values marked on the axis, 0 first
	Note   string // what a hollow bar and "<5" mean; "" when no bar is suppressed
	Empty  string // said across the chart when every count is 0
}

// maxMonthLabels is how many month labels the chart shows at most; with more months, every
// second (third…) month is labelled.
const maxMonthLabels = 12

// newChartSeries works out the chart of s in tr's language.
func newChartSeries(tr *locales.Translator, s storage.Stats) chartSeries {
	limit := map[string]any{"Limit": storage.SuppressBelow}
	out := chartSeries{}
	for _, m := range chartMeasures {
		out.Legend = append(out.Legend, tr.T("reports.chart.measure."+m))
	}
	highest, suppressed := 0, false
	for _, m := range s.Months {
		for _, c := range monthCounts(m) {
			switch {
			case c.Suppressed:
				highest, suppressed = max(highest, storage.SuppressBelow), true
			default:
				highest = max(highest, c.Value)
			}
		}
	}
	step := axisStep(highest)
	out.Top = (max(highest, storage.SuppressBelow) + step - 1) / step * step
	for v := 0; v <= out.Top; v += step {
		out.Ticks = append(out.Ticks, v)
	}
	every := (len(s.Months) + maxMonthLabels - 1) / maxMonthLabels
	lastYear := ""
	for i, m := range s.Months {
		g := chartGroup{}
		if year, month, ok := strings.Cut(m.Month, "-"); ok && i%every == 0 {
			g.Label = tr.T("reports.month." + strings.TrimLeft(month, "0"))
			if year != lastYear {
				g.Year, lastYear = year, year
			}
		}
		for _, c := range monthCounts(m) {
			b := chartBar{Label: strconv.Itoa(c.Value)}
			if c.Suppressed {
				b = chartBar{Suppressed: true, Height: float64(storage.SuppressBelow) / float64(out.Top),
					Label: tr.T("reports.chart.suppressed", limit)}
			} else {
				b.Height = float64(c.Value) / float64(out.Top)
			}
			g.Bars = append(g.Bars, b)
		}
		out.Groups = append(out.Groups, g)
	}
	if suppressed {
		out.Note = tr.T("reports.chart.note", limit)
	}
	if highest == 0 {
		out.Empty = tr.T("reports.chart.empty")
	}
	return out
}

// axisStep is the distance between the axis marks for counts up to highest: 1, 2 or 5 times a
// power of ten, so that the axis has at most five steps. A chart of nothing still gets an axis
// up to SuppressBelow.
func axisStep(highest int) int {
	highest = max(highest, storage.SuppressBelow)
	for base := 1; ; base *= 10 {
		for _, f := range []int{1, 2, 5} {
			if step := f * base; (highest+step-1)/step <= 5 {
				return step
			}
		}
	}
}
