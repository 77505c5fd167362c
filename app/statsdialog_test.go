package app

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"waymark/storage"
)

// seedStats stores statsCases through the session. The vault sets every case's opening day to
// today (23 November 2026), so all seven count as opened in November.
func (h *harness) seedStats() {
	h.t.Helper()
	for _, c := range statsCases() {
		if c.Closed != "" {
			c.Closed = "2026-11-23" // not before the day the vault opens it
		}
		if _, err := h.u.session.CreateCase(c); err != nil {
			h.t.Fatal(err)
		}
	}
}

// statisticsExports counts the audit rows for statistics read out of the vault.
func (h *harness) statisticsExports() int {
	h.t.Helper()
	entries, err := h.u.session.Audit("")
	if err != nil {
		h.t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Action == storage.ActionExport && e.Subject == "statistics" {
			n++
		}
	}
	return n
}

func TestStatisticsChartIsCountedShownAndSaved(t *testing.T) {
	h := unlocked(t)
	h.seedStats()
	d := h.u.openStatistics()
	if d == nil || len(h.u.dialogs) != 1 {
		t.Fatal("the statistics dialog did not open for the admin")
	}
	d.from.SetText("2026-10")
	d.to.SetText("2026-11")
	test.Tap(d.show)
	if h.run.pending() != 1 || !d.progress.box.Visible() || !d.show.Disabled() || !d.save.Disabled() {
		t.Fatal("counting is not under way off the UI goroutine, with its progress shown")
	}
	h.run.flush()
	c := d.chart
	if c == nil || d.busy || d.progress.box.Visible() || len(h.u.dialogs) != 2 {
		t.Fatalf("no chart dialog after counting (problem %q)", d.problem.label.Text)
	}
	if got := c.stats.Months; len(got) != 2 || got[1].CasesOpened.Value != 7 || !got[1].CasesClosed.Suppressed {
		t.Errorf("months counted: %+v", got)
	}
	if c.stats.From != "2026-10-01" || c.stats.To != "2026-11-30" {
		t.Errorf("period %s to %s", c.stats.From, c.stats.To)
	}
	if n := h.statisticsExports(); n != 1 {
		t.Errorf("%d statistics exports audited, want 1 for the chart", n)
	}
	if len(c.tabs.Items) != 4 || c.tabs.Items[2].Text != "By nationality" {
		t.Fatalf("tabs %d", len(c.tabs.Items))
	}

	path := filepath.Join(t.TempDir(), "chart.png")
	w, err := fynestorage.Writer(fynestorage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	c.write(w)
	if !c.progress.box.Visible() || !c.save.Disabled() {
		t.Error("no progress while the picture is saved")
	}
	h.run.flush()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("saved picture: %v", err)
	}
	if b := img.Bounds(); b.Dx() != pictureWidth || b.Dy() != pictureHeight {
		t.Errorf("picture is %v", b)
	}
	if c.problem.n.id != "reports.chart.saved" || c.save.Disabled() {
		t.Errorf("after saving the chart says %q", c.problem.label.Text)
	}
	if n := h.statisticsExports(); n != 1 {
		t.Errorf("saving the picture of counts already read audited again (%d)", n)
	}
}

func TestStatisticsChartRefusesBadMonths(t *testing.T) {
	h := unlocked(t)
	d := h.u.openStatistics()
	for _, months := range [][2]string{{"2026-13", "2026-11"}, {"2026-11", "2026-10"}, {"", "2026-10"}} {
		d.from.SetText(months[0])
		d.to.SetText(months[1])
		test.Tap(d.show)
		if h.run.pending() != 0 || d.problem.n.id != "casework.stats.bad_months" || d.chart != nil {
			t.Errorf("months %q were counted (problem %q)", months, d.problem.label.Text)
		}
	}
}

func TestLockingWhileCountingShowsNoChart(t *testing.T) {
	h := unlocked(t)
	h.seedStats()
	d := h.u.openStatistics()
	test.Tap(d.show)
	h.u.onLock()
	h.run.flush()
	if d.chart != nil || len(h.u.dialogs) != 0 {
		t.Error("counts reached the screen after the vault was locked")
	}
	if h.u.openStatistics() != nil {
		t.Error("statistics open with the vault locked")
	}
}

// TestGoldenStatisticsChart is the chart dialog's body at the size it has in a 1024×700
// window: the chart tab, and the nationality tab with its small groups pooled.
func TestGoldenStatisticsChart(t *testing.T) {
	h := unlocked(t)
	cases := statsCases()
	for i, nat := range []string{"RO", "RO", "RO", "PL", "PL", "PL", "PL", "PL", "PL", "BG", "BG", "LT", "LT"} {
		nat := nat
		c := storage.Case{Opened: fmt.Sprintf("2026-10-%02d", i+1)}
		c.Facts.Nationality = &nat
		cases = append(cases, c)
	}
	// RO 8 and PL 6 are named; BG 2, LT 2 and 1 not recorded are pooled (5).
	st := storage.Statistics(cases, statsFrom, statsTo)
	c := newStatsChart(h.u, st)
	w := test.NewWindow(c.body)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(952, 560))
	test.AssertRendersToMarkup(t, "stats_chart.xml", w.Canvas())
	c.tabs.SelectIndex(2)
	test.AssertRendersToMarkup(t, "stats_nationality.xml", w.Canvas())
}
