package app

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"waymark/jobs"
	"waymark/locales"
	"waymark/storage"
)

// statsCases makes cases whose counts cover every kind of figure in November 2026: 7 opened
// (published), 3 closed (suppressed), 6 claims applied for of which 5 awarded, and 2 jobs started
// (suppressed); and in October 2026 nothing at all. Nationalities: 5 RO, 2 PL, none given.
func statsCases() []storage.Case {
	ro, pl := "RO", "PL"
	var cases []storage.Case
	for i := range 7 {
		c := storage.Case{Reference: fmt.Sprintf("S-%d", i), Opened: fmt.Sprintf("2026-11-%02d", i+1)}
		switch {
		case i < 5:
			c.Facts.Nationality = &ro
		case i == 5:
			c.Facts.Nationality = &pl
		}
		if i < 3 {
			c.Status, c.Closed = storage.CaseClosed, "2026-11-20"
		}
		cases = append(cases, c)
	}
	for i := range 6 {
		status := jobs.BenefitAwarded
		if i == 5 {
			status = jobs.BenefitApplied
		}
		cases[i].Outcomes.Benefits = []jobs.BenefitOutcome{{Benefit: "universal_credit", Status: status,
			Applied: "2026-11-02", Decided: "2026-11-18"}}
	}
	cases[0].Outcomes.Work = []jobs.WorkOutcome{{Started: "2026-11-10", Sector: "warehouse"}}
	cases[1].Outcomes.Work = []jobs.WorkOutcome{{Started: "2026-11-12", Sector: "care"}}
	return cases
}

var (
	statsFrom = time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	statsTo   = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
)

func TestReadStatsCSVGivesBackWhatStorageWrote(t *testing.T) {
	big := statsCases()
	for i := range 6 { // enough jobs that the sector split is published, not withheld
		big[i].Outcomes.Work = []jobs.WorkOutcome{{Started: "2026-11-14", Sector: "warehouse"}}
	}
	for name, cases := range map[string][]storage.Case{"suppressed": statsCases(), "published": big, "none": nil} {
		t.Run(name, func(t *testing.T) {
			want := storage.Statistics(cases, statsFrom, statsTo)
			var buf bytes.Buffer
			if err := want.WriteCSV(&buf); err != nil {
				t.Fatal(err)
			}
			got, err := readStatsCSV(&buf)
			if err != nil {
				t.Fatalf("readStatsCSV: %v", err)
			}
			got.From, got.To = want.From, want.To
			if !reflect.DeepEqual(got, want) {
				t.Errorf("read back\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

func TestReadStatsCSVRefusesAnythingElse(t *testing.T) {
	header := strings.Join(storage.StatsColumns, ",") + "\n"
	total := "total,0,0,0,0,0\n"
	split := strings.Join(storage.BreakdownColumns, ",") + "\n"
	for name, in := range map[string]string{
		"empty":            "",
		"other header":     "month,opened\n",
		"no total":         header + "2026-11,1,2,3,4,5\n" + split,
		"no split table":   header + total,
		"short month row":  header + "2026-11,5\n" + total + split,
		"number with sign": header + "2026-11,+5,0,0,0,0\n" + total + split,
		"negative":         header + "2026-11,-5,0,0,0,0\n" + total + split,
		"words":            header + "2026-11,five,0,0,0,0\n" + total + split,
		"unknown split":    header + total + split + "religion,x,5\n",
		"short split row":  header + total + split + "sector,total\n",
		"bad split count":  header + total + split + "sector,total,many\n",
		"broken quoting":   header + "\"2026-11,0,0,0,0,0\n",
	} {
		if _, err := readStatsCSV(strings.NewReader(in)); !errors.Is(err, errBadStatistics) {
			t.Errorf("%s: error %v, want errBadStatistics", name, err)
		}
	}
}

func TestChartSeriesNeverShowsASmallCount(t *testing.T) {
	tr := locales.New("en")
	s := newChartSeries(tr, storage.Statistics(statsCases(), statsFrom, statsTo))
	if len(s.Groups) != 2 || len(s.Legend) != 5 || s.Legend[0] != "Cases opened" {
		t.Fatalf("groups %d, legend %q", len(s.Groups), s.Legend)
	}
	oct, nov := s.Groups[0], s.Groups[1]
	if oct.Label != "Oct" || oct.Year != "2026" || nov.Label != "Nov" || nov.Year != "" {
		t.Errorf("month labels %q %q, %q %q", oct.Label, oct.Year, nov.Label, nov.Year)
	}
	// 7 is the highest count: the axis goes to 8 in steps of 2.
	if s.Top != 8 || !reflect.DeepEqual(s.Ticks, []int{0, 2, 4, 6, 8}) {
		t.Errorf("axis to %d with ticks %v, want 8 and 0..8 by 2", s.Top, s.Ticks)
	}
	want := []chartBar{
		{Height: 7.0 / 8, Label: "7"},                    // opened
		{Height: 5.0 / 8, Suppressed: true, Label: "<5"}, // closed: 3
		{Height: 6.0 / 8, Label: "6"},                    // applied
		{Height: 5.0 / 8, Label: "5"},                    // awarded
		{Height: 5.0 / 8, Suppressed: true, Label: "<5"}, // jobs: 2
	}
	if !reflect.DeepEqual(nov.Bars, want) {
		t.Errorf("November bars\n%+v\nwant\n%+v", nov.Bars, want)
	}
	for _, b := range oct.Bars {
		if b.Height != 0 || b.Suppressed || b.Label != "0" {
			t.Errorf("an October bar is %+v, want an empty 0", b)
		}
	}
	if !strings.Contains(s.Note, "fewer than 5") || s.Empty != "" {
		t.Errorf("note %q, empty %q", s.Note, s.Empty)
	}
	for _, b := range append(oct.Bars, nov.Bars...) {
		if strings.ContainsAny(b.Label, "1234") && !strings.HasPrefix(b.Label, "<") {
			t.Errorf("a bar shows a count under 5: %q", b.Label)
		}
	}
}

func TestChartSeriesOfNothing(t *testing.T) {
	s := newChartSeries(locales.New("pl"), storage.Statistics(nil, statsFrom, statsTo))
	if s.Empty == "" || s.Note != "" || s.Top != 5 || s.Groups[0].Label != "paź" {
		t.Errorf("empty chart: %+v", s)
	}
}

func TestChartLabelsThinOutOverLongPeriods(t *testing.T) {
	from := time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2028, 4, 30, 0, 0, 0, 0, time.UTC) // 30 months: every third is labelled
	s := newChartSeries(locales.New("en"), storage.Statistics(nil, from, to))
	var labels, years []string
	for _, g := range s.Groups {
		if g.Label != "" {
			labels = append(labels, g.Label)
		}
		if g.Year != "" {
			years = append(years, g.Year)
		}
	}
	wantLabels := []string{"Nov", "Feb", "May", "Aug", "Nov", "Feb", "May", "Aug", "Nov", "Feb"}
	if !reflect.DeepEqual(labels, wantLabels) || !reflect.DeepEqual(years, []string{"2025", "2026", "2027", "2028"}) {
		t.Errorf("labels %q, years %q", labels, years)
	}
}

func TestAxisStep(t *testing.T) {
	for _, tc := range []struct{ highest, step int }{
		{0, 1}, {3, 1}, {5, 1}, {6, 2}, {10, 2}, {11, 5}, {25, 5}, {26, 10}, {50, 10}, {51, 20}, {101, 50}, {2400, 500},
	} {
		if got := axisStep(tc.highest); got != tc.step {
			t.Errorf("axisStep(%d) = %d, want %d", tc.highest, got, tc.step)
		}
	}
}

func TestChartFontsParse(t *testing.T) {
	if _, err := chartFonts(); err != nil {
		t.Fatal(err)
	}
	if _, ok := chartFace(false, 12).(noFace); ok {
		t.Fatal("no face for 12 px text")
	}
}

// TestChartPicture draws the saved picture and looks at its pixels: a published bar is filled
// in its colour, a suppressed one only outlined, the background white. The whole picture is
// also an image golden (testdata/statschart.png), drawn by pure Go with the embedded font.
func TestChartPicture(t *testing.T) {
	s := newChartSeries(locales.New("en"), storage.Statistics(statsCases(), statsFrom, statsTo))
	s.Title = "Waymark: counts by month, 2026-10 to 2026-11"
	img := drawChart(s, pictureWidth, pictureHeight, pictureText, pictureColours)
	l := layoutChart(s, pictureWidth, pictureHeight, pictureText)
	centre := func(r image.Rectangle) color.Color { return img.At((r.Min.X+r.Max.X)/2, (r.Min.Y+r.Max.Y)/2) }
	same := func(a, b color.Color) bool {
		r1, g1, b1, _ := a.RGBA()
		r2, g2, b2, _ := b.RGBA()
		return r1 == r2 && g1 == g2 && b1 == b2
	}
	if !same(img.At(2, 2), color.White) {
		t.Errorf("background is %v", img.At(2, 2))
	}
	opened, closed := l.bars[1][0], l.bars[1][1]
	if opened.Dy() < 200 || !same(centre(opened), barColours[0]) {
		t.Errorf("opened bar %v is %v inside, want filled %v", opened, centre(opened), barColours[0])
	}
	if inside := centre(closed); same(inside, barColours[1]) || same(inside, color.White) ||
		!same(img.At(closed.Min.X, (closed.Min.Y+closed.Max.Y)/2), barColours[1]) {
		t.Errorf("suppressed bar %v: inside %v, edge %v; want a faint inside with a %v edge", closed,
			inside, img.At(closed.Min.X, closed.Min.Y+4), barColours[1])
	}
	if closed.Dy() != l.bars[1][3].Dy() {
		t.Error("a suppressed bar is not drawn to the height of 5")
	}
	if !l.barLabels {
		t.Error("the labels above the bars do not fit a two-month picture")
	}
	if l.plot.Max.Y >= pictureHeight || len(l.noteLines) == 0 || l.note.Y+len(l.noteLines)*l.line > pictureHeight {
		t.Errorf("plot %v or note at %v runs off the picture", l.plot, l.note)
	}
	test.AssertImageMatches(t, "statschart.png", img)
}

func TestChartOnASmallScreenDropsBarLabels(t *testing.T) {
	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	s := newChartSeries(locales.New("en"), storage.Statistics(statsCases(), from, statsTo))
	l := layoutChart(s, 600, 320, 14)
	if l.barLabels {
		t.Error("labels drawn over bars a few pixels wide")
	}
	img := drawChart(s, 600, 320, 14, chartPalette{Text: color.Black, Grid: color.Gray{Y: 200}})
	if _, _, _, a := img.At(1, 1).RGBA(); a != 0 {
		t.Error("the screen chart paints its own background")
	}
}

// A case with a nationality that is not a code never reaches the split (storage checks it);
// the split's words are a country's name with its code.
func TestGroupNames(t *testing.T) {
	for _, tc := range []struct {
		lang, id string
		name     func(*locales.Translator, string) string
		want     string
	}{
		{"en", "RO", nationalityName, "Romania (RO)"},
		{"ro", "PL", nationalityName, "Polonia (PL)"},
		{"pl", "RO", nationalityName, "Rumunia (RO)"},
		{"en", storage.UnknownGroup, nationalityName, "Not recorded"},
		{"en", storage.CombinedGroup, sectorName, "Smaller groups together"},
		{"en", "warehouse", sectorName, "Warehouse"},
		{"en", "XZ", nationalityName, "XZ"},
	} {
		if got := tc.name(locales.New(tc.lang), tc.id); got != tc.want {
			t.Errorf("%s %s = %q, want %q", tc.lang, tc.id, got, tc.want)
		}
	}
}

func TestCountText(t *testing.T) {
	tr := locales.New("ro")
	for _, tc := range []struct {
		c    storage.Count
		want string
	}{
		{storage.Count{Value: 12}, "12"}, {storage.Count{}, "0"},
		{storage.Count{Suppressed: true}, "mai puțin de 5"}, {storage.Count{Withheld: true}, "nepublicat"},
	} {
		if got := countText(tr, tc.c); got != tc.want {
			t.Errorf("countText(%+v) = %q, want %q", tc.c, got, tc.want)
		}
	}
}
