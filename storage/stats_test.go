package storage

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"waymark/jobs"
)

// statsEvent makes n cases, each with one event of kind on date. group is the nationality of an
// "opened" case or the sector of a "job".
type statsEvent struct {
	kind, date string
	n          int
	group      string
}

func statsCases(events ...statsEvent) []Case {
	var out []Case
	for _, e := range events {
		for range e.n {
			var c Case
			switch e.kind {
			case "opened":
				c.Opened = e.date
				if e.group != "" {
					g := e.group
					c.Facts.Nationality = &g
				}
			case "closed":
				c.Status, c.Closed = CaseClosed, e.date
			case "applied":
				c.Outcomes.Benefits = []jobs.BenefitOutcome{{Benefit: "uc", Status: jobs.BenefitApplied, Applied: e.date}}
			case "refused":
				c.Outcomes.Benefits = []jobs.BenefitOutcome{{Benefit: "uc", Status: jobs.BenefitRefused, Applied: "2024-06-01", Decided: e.date}}
			case "awarded":
				c.Outcomes.Benefits = []jobs.BenefitOutcome{{Benefit: "uc", Status: jobs.BenefitAwarded, Applied: "2024-06-01", Decided: e.date}}
			case "job":
				c.Outcomes.Work = []jobs.WorkOutcome{{Started: e.date, Sector: e.group}}
			default:
				panic("unknown event kind " + e.kind)
			}
			out = append(out, c)
		}
	}
	return out
}

func statsDay(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// statsRow is a month row as published: month, then the five measures.
func statsRow(m MonthStats) []string {
	return []string{m.Month, m.CasesOpened.String(), m.CasesClosed.String(), m.BenefitsApplied.String(),
		m.BenefitsAwarded.String(), m.JobsStarted.String()}
}

func statsRows(s Stats) [][]string {
	var out [][]string
	for _, m := range s.Months {
		out = append(out, statsRow(m))
	}
	return append(out, statsRow(s.Total))
}

func TestStatisticsCountsByMonth(t *testing.T) {
	tests := []struct {
		name  string
		cases []Case
		want  [][]string
	}{
		{"Each measure counts in the month of its own date.",
			statsCases(statsEvent{"opened", "2025-01-03", 5, "PL"}, statsEvent{"closed", "2025-02-28", 6, ""},
				statsEvent{"applied", "2025-03-01", 7, ""}, statsEvent{"awarded", "2025-02-10", 5, ""},
				statsEvent{"job", "2025-01-31", 8, "care"}),
			[][]string{{"2025-01", "5", "0", "0", "0", "8"}, {"2025-02", "0", "6", "0", "5", "0"},
				{"2025-03", "0", "0", "7", "0", "0"}, {"total", "5", "6", "7", "5", "8"}}},
		{"A refused claim counts as applied for but never as awarded.",
			statsCases(statsEvent{"refused", "2025-02-10", 9, ""}),
			[][]string{{"2025-01", "0", "0", "0", "0", "0"}, {"2025-02", "0", "0", "0", "0", "0"},
				{"2025-03", "0", "0", "0", "0", "0"}, {"total", "0", "0", "0", "0", "0"}}},
		{"A claim made and awarded in the period counts once in each of its two months.",
			[]Case{{Outcomes: jobs.Outcomes{Benefits: slices.Repeat([]jobs.BenefitOutcome{
				{Benefit: "pip", Status: jobs.BenefitAwarded, Applied: "2025-01-20", Decided: "2025-03-02"}}, 6)}}},
			[][]string{{"2025-01", "0", "0", "6", "0", "0"}, {"2025-02", "0", "0", "0", "0", "0"},
				{"2025-03", "0", "0", "0", "6", "0"}, {"total", "0", "0", "6", "6", "0"}}},
		{"Every claim and job of one case counts.",
			[]Case{{Opened: "2025-02-01", Outcomes: jobs.Outcomes{
				Benefits: slices.Repeat([]jobs.BenefitOutcome{{Benefit: "uc", Status: jobs.BenefitApplied, Applied: "2025-02-02"}}, 5),
				Work:     slices.Repeat([]jobs.WorkOutcome{{Started: "2025-02-03", Sector: "cleaning"}}, 5)}}},
			[][]string{{"2025-01", "0", "0", "0", "0", "0"}, {"2025-02", "<5", "0", "5", "0", "5"},
				{"2025-03", "0", "0", "0", "0", "0"}, {"total", "withheld", "0", "5", "0", "5"}}},
		{"Dates not written YYYY-MM-DD are left out.",
			statsCases(statsEvent{"opened", "2025-1-05", 5, ""}, statsEvent{"opened", "2025/01/05", 5, ""},
				statsEvent{"opened", "", 5, ""}, statsEvent{"closed", "05-01-2025", 5, ""}, statsEvent{"opened", "2025-01-05", 5, ""}),
			[][]string{{"2025-01", "5", "0", "0", "0", "0"}, {"2025-02", "0", "0", "0", "0", "0"},
				{"2025-03", "0", "0", "0", "0", "0"}, {"total", "5", "0", "0", "0", "0"}}},
		{"No cases give a row of zeros for every month.",
			nil,
			[][]string{{"2025-01", "0", "0", "0", "0", "0"}, {"2025-02", "0", "0", "0", "0", "0"},
				{"2025-03", "0", "0", "0", "0", "0"}, {"total", "0", "0", "0", "0", "0"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := statsRows(Statistics(tt.cases, statsDay("2025-01-01"), statsDay("2025-03-31")))
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("rows\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestStatisticsBoundaryMonths(t *testing.T) {
	// The period runs from the middle of one month to the middle of another.
	from, to := statsDay("2025-01-15"), statsDay("2025-03-10")
	tests := []struct {
		name    string
		date    string
		inMonth string // "" when the event is outside the period
	}{
		{"The day before the period is left out.", "2025-01-14", ""},
		{"The first day of the period counts.", "2025-01-15", "2025-01"},
		{"The last day of the period counts.", "2025-03-10", "2025-03"},
		{"The day after the period is left out.", "2025-03-11", ""},
		{"The last day of the previous year is left out.", "2024-12-31", ""},
		{"The same day a year earlier is left out.", "2024-02-28", ""},
		{"The end of February counts in February.", "2025-02-28", "2025-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Statistics(statsCases(statsEvent{"opened", tt.date, 5, "RO"}, statsEvent{"job", tt.date, 6, "care"}), from, to)
			if got := len(s.Months); got != 3 {
				t.Fatalf("%d months, want 3 (January to March)", got)
			}
			for _, m := range s.Months {
				wantOpened, wantJobs := "0", "0"
				if m.Month == tt.inMonth {
					wantOpened, wantJobs = "5", "6"
				}
				if m.CasesOpened.String() != wantOpened || m.JobsStarted.String() != wantJobs {
					t.Errorf("%s: opened %s jobs %s, want %s and %s", m.Month, m.CasesOpened, m.JobsStarted, wantOpened, wantJobs)
				}
			}
		})
	}

	periods := []struct {
		name     string
		from, to time.Time
		months   []string
	}{
		{"A period across the new year lists December then January.", statsDay("2024-12-31"), statsDay("2025-01-01"),
			[]string{"2024-12", "2025-01"}},
		{"A single day gives its month.", statsDay("2025-06-30"), statsDay("2025-06-30"), []string{"2025-06"}},
		{"A period that ends before it starts has no months.", statsDay("2025-06-30"), statsDay("2025-06-01"), nil},
		{"The ends are read as calendar days where they were given.",
			time.Date(2025, 2, 1, 0, 30, 0, 0, time.FixedZone("CET", 3600)),
			time.Date(2025, 3, 31, 23, 30, 0, 0, time.FixedZone("EST", -5*3600)),
			[]string{"2025-02", "2025-03"}},
	}
	for _, p := range periods {
		t.Run(p.name, func(t *testing.T) {
			s := Statistics(nil, p.from, p.to)
			var got []string
			for _, m := range s.Months {
				got = append(got, m.Month)
			}
			if !slices.Equal(got, p.months) {
				t.Errorf("months %q, want %q", got, p.months)
			}
		})
	}
}

func TestStatisticsSuppressesOneToFour(t *testing.T) {
	for n := range 8 {
		want := fmt.Sprint(n)
		if n >= 1 && n <= 4 {
			want = "<5"
		}
		t.Run(fmt.Sprintf("%d cases opened in a month are published as %q.", n, want), func(t *testing.T) {
			s := Statistics(statsCases(statsEvent{"opened", "2025-05-05", n, "PL"}), statsDay("2025-05-01"), statsDay("2025-05-31"))
			c := s.Months[0].CasesOpened
			if c.String() != want {
				t.Errorf("published %q, want %q", c, want)
			}
			if c.Suppressed != (want == "<5") {
				t.Errorf("Suppressed = %v", c.Suppressed)
			}
			if c.Suppressed && c.Value != 0 {
				t.Errorf("a suppressed count holds its number %d", c.Value)
			}
			var buf bytes.Buffer
			if err := s.WriteCSV(&buf); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), "2025-05,"+want+",") {
				t.Errorf("CSV has no month row with %q:\n%s", want, buf.String())
			}
		})
	}
}

func TestStatisticsWithholdsTotalsThatWouldRevealASuppressedCell(t *testing.T) {
	from, to := statsDay("2025-01-01"), statsDay("2025-02-28")
	tests := []struct {
		name        string
		cases       []Case
		total       []string // the total row
		nationality []string // "id=count" groups then "total=count"
		sector      []string
	}{
		{"A total is withheld when one month of its column is suppressed.",
			statsCases(statsEvent{"opened", "2025-01-10", 10, "PL"}, statsEvent{"opened", "2025-02-10", 3, "PL"}),
			[]string{"total", "withheld", "0", "0", "0", "0"}, []string{"total=withheld"}, []string{"total=0"}},
		{"A total is published when no month of its column is suppressed.",
			statsCases(statsEvent{"opened", "2025-01-10", 10, "PL"}, statsEvent{"opened", "2025-02-10", 5, "RO"}),
			[]string{"total", "15", "0", "0", "0", "0"}, []string{"PL=10", "RO=5", "total=15"}, []string{"total=0"}},
		{"A suppressed month in one column leaves the other columns' totals alone.",
			statsCases(statsEvent{"closed", "2025-01-10", 2, ""}, statsEvent{"job", "2025-01-10", 5, "care"},
				statsEvent{"job", "2025-02-10", 6, "hospitality"}),
			[]string{"total", "0", "withheld", "0", "0", "11"}, []string{"total=0"},
			[]string{"hospitality=6", "care=5", "total=11"}},
		{"The sector breakdown is withheld when a month of jobs started is suppressed.",
			statsCases(statsEvent{"job", "2025-01-10", 9, "care"}, statsEvent{"job", "2025-02-10", 1, "care"}),
			[]string{"total", "0", "0", "0", "0", "withheld"}, []string{"total=0"}, []string{"total=withheld"}},
		{"Small nationalities are pooled, so none from 1 to 4 is named.",
			statsCases(statsEvent{"opened", "2025-01-10", 6, "PL"}, statsEvent{"opened", "2025-01-11", 2, "RO"},
				statsEvent{"opened", "2025-02-11", 3, "LT"}, statsEvent{"opened", "2025-02-12", 5, ""}),
			[]string{"total", "16", "0", "0", "0", "0"}, []string{"PL=6", "unknown=5", "combined=5", "total=16"}, nil},
		{"A pool under five takes in the smallest named group, so it cannot be worked out from the total.",
			statsCases(statsEvent{"opened", "2025-01-10", 7, "PL"}, statsEvent{"opened", "2025-02-10", 6, "RO"},
				statsEvent{"opened", "2025-02-10", 2, "LT"}),
			[]string{"total", "15", "0", "0", "0", "0"}, []string{"PL=7", "combined=8", "total=15"}, nil},
		{"A case with no nationality or a malformed one counts as unknown.",
			statsCases(statsEvent{"opened", "2025-01-10", 3, ""}, statsEvent{"opened", "2025-01-10", 3, "pl"},
				statsEvent{"opened", "2025-02-10", 5, "PL"}),
			[]string{"total", "11", "0", "0", "0", "0"}, []string{"unknown=6", "PL=5", "total=11"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Statistics(tt.cases, from, to)
			if !slices.Equal(statsRow(s.Total), tt.total) {
				t.Errorf("total row %q, want %q", statsRow(s.Total), tt.total)
			}
			for _, b := range []struct {
				name string
				b    Breakdown
				want []string
			}{{"nationality", s.Nationality, tt.nationality}, {"sector", s.Sector, tt.sector}} {
				if b.want == nil {
					continue
				}
				var got []string
				for _, g := range b.b.Groups {
					got = append(got, g.ID+"="+g.Count.String())
				}
				got = append(got, "total="+b.b.Total.String())
				if !slices.Equal(got, b.want) {
					t.Errorf("%s breakdown %q, want %q", b.name, got, b.want)
				}
			}
			// The CSV's total row says the same: a withheld total never appears as its number.
			if !strings.Contains(csvText(t, s), "\n"+strings.Join(tt.total, ",")+"\n") {
				t.Errorf("CSV has no total row %q:\n%s", tt.total, csvText(t, s))
			}
		})
	}
}

// TestStatisticsNeverPublishesARecoverableCount checks the rules on many random case loads
// against a plain recount: every figure shown is right, none is from 1 to 4, and no total is
// shown for a measure with a suppressed month, so nothing can be subtracted out.
func TestStatisticsNeverPublishesARecoverableCount(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for round := range 300 {
		cases := statsRandomCases(r, r.IntN(120))
		from := statsDay("2024-01-01").AddDate(0, 0, r.IntN(400))
		to := from.AddDate(0, 0, r.IntN(200))
		s := Statistics(cases, from, to)
		lo, hi := from.Format(time.DateOnly), to.Format(time.DateOnly)
		in := func(d string) bool { return d != "" && d >= lo && d <= hi }
		want := map[string]*[nMeasures]int{}
		var sum [nMeasures]int
		nations, sectors := map[string]int{}, map[string]int{}
		add := func(d string, m int) {
			if in(d) {
				if want[d[:7]] == nil {
					want[d[:7]] = new([nMeasures]int)
				}
				want[d[:7]][m]++
				sum[m]++
			}
		}
		for _, c := range cases {
			add(c.Opened, mOpened)
			if in(c.Opened) {
				nations[nationality(&c)]++
			}
			add(c.Closed, mClosed)
			for _, b := range c.Outcomes.Benefits {
				add(b.Applied, mApplied)
				if b.Status == jobs.BenefitAwarded {
					add(b.Decided, mAwarded)
				}
			}
			for _, w := range c.Outcomes.Work {
				add(w.Started, mJobs)
				if in(w.Started) {
					sectors[w.Sector]++
				}
			}
		}
		check := func(where string, c Count, n int) {
			t.Helper()
			switch {
			case c.Suppressed && (n < 1 || n > 4 || c.Value != 0):
				t.Fatalf("round %d %s: suppressed %+v, true count %d", round, where, c, n)
			case !c.Suppressed && !c.Withheld && c.Value != n:
				t.Fatalf("round %d %s: published %d, true count %d", round, where, c.Value, n)
			case !c.Suppressed && c.Value >= 1 && c.Value <= 4:
				t.Fatalf("round %d %s: published small count %d", round, where, c.Value)
			}
		}
		var small [nMeasures]bool
		for _, m := range s.Months {
			row := [nMeasures]Count{m.CasesOpened, m.CasesClosed, m.BenefitsApplied, m.BenefitsAwarded, m.JobsStarted}
			var n [nMeasures]int
			if w := want[m.Month]; w != nil {
				n = *w
			}
			for i := range row {
				check(m.Month, row[i], n[i])
				small[i] = small[i] || row[i].Suppressed
			}
		}
		total := [nMeasures]Count{s.Total.CasesOpened, s.Total.CasesClosed, s.Total.BenefitsApplied, s.Total.BenefitsAwarded, s.Total.JobsStarted}
		for i, c := range total {
			if c.Withheld != small[i] {
				t.Fatalf("round %d measure %d: total withheld %v, a month suppressed %v", round, i, c.Withheld, small[i])
			}
			check("total", c, sum[i])
		}
		for _, b := range []struct {
			b      Breakdown
			total  Count
			counts map[string]int
		}{{s.Nationality, s.Total.CasesOpened, nations}, {s.Sector, s.Total.JobsStarted, sectors}} {
			if b.b.Withheld != b.total.Withheld || (b.b.Withheld && b.b.Groups != nil) {
				t.Fatalf("round %d: breakdown %+v with measure total %+v", round, b.b, b.total)
			}
			got := 0
			for _, g := range b.b.Groups {
				if g.ID != CombinedGroup {
					check(g.ID, g.Count, b.counts[g.ID])
				}
				if g.Count.Suppressed || (g.Count.Value >= 1 && g.Count.Value <= 4) {
					t.Fatalf("round %d: breakdown group %s published as %s", round, g.ID, g.Count)
				}
				got += g.Count.Value
			}
			if !b.b.Withheld && got != b.total.Value {
				t.Fatalf("round %d: groups add up to %d, total %d", round, got, b.total.Value)
			}
		}
	}
}

func statsRandomCases(r *rand.Rand, n int) []Case {
	date := func() string {
		if r.IntN(10) == 0 {
			return ""
		}
		return statsDay("2023-10-01").AddDate(0, 0, r.IntN(900)).Format(time.DateOnly)
	}
	nations := []string{"PL", "RO", "LT", "AL", "VN", "", "GB"}
	sectors := jobs.Sectors()
	statuses := []jobs.BenefitStatus{jobs.BenefitApplied, jobs.BenefitAwarded, jobs.BenefitRefused}
	cases := make([]Case, n)
	for i := range cases {
		c := &cases[i]
		c.ID, c.Reference, c.Name = fmt.Sprintf("id%06d", i), fmt.Sprintf("REF-%d", i), "Person"
		c.Opened = date()
		if nat := nations[r.IntN(len(nations))]; nat != "" {
			c.Facts.Nationality = &nat
		}
		if r.IntN(3) == 0 {
			c.Status, c.Closed = CaseClosed, date()
		}
		for range r.IntN(3) {
			c.Outcomes.Benefits = append(c.Outcomes.Benefits, jobs.BenefitOutcome{Benefit: "uc",
				Status: statuses[r.IntN(len(statuses))], Applied: date(), Decided: date()})
		}
		for range r.IntN(2) {
			c.Outcomes.Work = append(c.Outcomes.Work, jobs.WorkOutcome{Started: date(), Sector: sectors[r.IntN(len(sectors))]})
		}
	}
	return cases
}

func TestStatisticsCSVHoldsNoPersonalData(t *testing.T) {
	const day = "2025-04-09"
	canaries := []struct {
		name   string
		canary string
		set    func(c *Case, v string)
	}{
		{"A survivor's name never reaches the CSV.", "Zofiacanary Nowakowska", func(c *Case, v string) { c.Name = v }},
		{"A case reference never reaches the CSV.", "CANARYREF-7731", func(c *Case, v string) { c.Reference = v }},
		{"A case id never reaches the CSV.", "canaryid0c0ffee", func(c *Case, v string) { c.ID = v }},
		{"A note never reaches the CSV.", "canarynote met at the car wash", func(c *Case, v string) {
			c.Notes = []Note{{Date: day, Adviser: "Ana", Text: v}}
		}},
		{"A phone number never reaches the CSV.", "07700900731", func(c *Case, v string) { c.Contact.Phone = v }},
		{"A name typed as the nationality never reaches the CSV.", "Zofia", func(c *Case, v string) { c.Facts.Nationality = &v }},
		{"A name typed as the sector never reaches the CSV.", "Canaryfarm Ltd", func(c *Case, v string) {
			c.Outcomes.Work = []jobs.WorkOutcome{{Started: day, Sector: v}}
		}},
	}
	for _, tt := range canaries {
		t.Run(tt.name, func(t *testing.T) {
			// Enough cases that every row is published, none suppressed.
			cases := make([]Case, 7)
			for i := range cases {
				cases[i] = Case{Status: CaseClosed, Opened: day, Closed: day, Outcomes: jobs.Outcomes{
					Benefits: []jobs.BenefitOutcome{{Benefit: "uc", Status: jobs.BenefitAwarded, Applied: day, Decided: day}},
					Work:     []jobs.WorkOutcome{{Started: day, Sector: "construction"}}}}
				tt.set(&cases[i], tt.canary)
			}
			s := Statistics(cases, statsDay("2025-04-01"), statsDay("2025-04-30"))
			var buf bytes.Buffer
			if err := s.WriteCSV(&buf); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), "2025-04,7,7,7,7,7") {
				t.Fatalf("the cases were not counted:\n%s", buf.String())
			}
			for _, where := range []struct{ what, text string }{{"CSV", buf.String()}, {"Stats", fmt.Sprintf("%#v", s)}} {
				if strings.Contains(strings.ToLower(where.text), strings.ToLower(tt.canary)) {
					t.Errorf("%s holds %q:\n%s", where.what, tt.canary, where.text)
				}
			}
		})
	}
}

func TestStatisticsCSVLayout(t *testing.T) {
	cases := statsCases(statsEvent{"opened", "2025-01-10", 6, "PL"}, statsEvent{"opened", "2025-02-10", 5, "RO"},
		statsEvent{"closed", "2025-02-01", 2, ""}, statsEvent{"job", "2025-01-05", 5, "warehouse"},
		statsEvent{"job", "2025-01-06", 1, "care"})
	s := Statistics(cases, statsDay("2025-01-01"), statsDay("2025-02-28"))
	var buf bytes.Buffer
	if err := s.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&buf)
	r.FieldsPerRecord = -1
	got, err := r.ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read back: %v", err)
	}
	want := [][]string{
		{"month", "cases_opened", "cases_closed", "benefits_applied", "benefits_awarded", "jobs_started"},
		{"2025-01", "6", "0", "0", "0", "6"},
		{"2025-02", "5", "<5", "0", "0", "0"},
		{"total", "11", "withheld", "0", "0", "6"},
		{"breakdown", "group", "count"},
		{"nationality", "PL", "6"},
		{"nationality", "RO", "5"},
		{"nationality", "total", "11"},
		{"sector", "combined", "6"},
		{"sector", "total", "6"},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("CSV\n got %q\nwant %q", got, want)
	}
	if !strings.Contains(csvText(t, s), "\n\nbreakdown,group,count\n") {
		t.Errorf("the two tables are not separated by one empty line")
	}
}

func csvText(t *testing.T, s Stats) string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

type statsFailingWriter struct{}

var errStatsDiskFull = errors.New("disk full")

func (statsFailingWriter) Write([]byte) (int, error) { return 0, errStatsDiskFull }

func TestStatisticsCSVReportsWriteErrors(t *testing.T) {
	err := Statistics(nil, statsDay("2025-01-01"), statsDay("2025-01-31")).WriteCSV(statsFailingWriter{})
	if !errors.Is(err, errStatsDiskFull) {
		t.Fatalf("err = %v, want one wrapping the writer's error", err)
	}
}

func BenchmarkStatistics(b *testing.B) {
	cases := statsRandomCases(rand.New(rand.NewPCG(1, 2)), 10_000)
	from, to := statsDay("2024-01-01"), statsDay("2025-12-31")
	b.ReportAllocs()
	for b.Loop() {
		Statistics(cases, from, to)
	}
}
