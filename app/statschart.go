package app

import (
	"image"
	"image/png"
	"io"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"waymark/locales"
	"waymark/storage"
)

// statsChart shows a period's statistics in the app: a bar chart by month, the same counts as
// a table, and the splits by nationality and by sector, with "Save chart as picture…" for a
// funder's report. Everything it shows is already suppressed by storage.Statistics; it only
// words and draws it.
type statsChart struct {
	u        *ui
	stats    storage.Stats
	series   chartSeries
	body     fyne.CanvasObject // the tabs with the notice and progress under them
	dlg      dialog.Dialog
	raster   *canvas.Raster
	tabs     *container.AppTabs
	save     *widget.Button
	problem  *noticeLabel
	progress *working
	busy     bool
}

// The picture saved for funders: large enough for a slide, text at a size that reads there.
const (
	pictureWidth  = 1600
	pictureHeight = 900
	pictureText   = 22
)

// newStatsChart builds the chart of st in the interface language.
func newStatsChart(u *ui, st storage.Stats) *statsChart {
	c := &statsChart{u: u, stats: st, series: newChartSeries(u.tr, st), problem: newNoticeLabel(), progress: newWorking()}
	c.raster = canvas.NewRaster(c.drawOnScreen)
	c.raster.SetMinSize(fyne.NewSize(560, 300))
	tr := u.tr
	c.tabs = container.NewAppTabs(
		container.NewTabItem(tr.T("reports.chart.tab.chart"), c.raster),
		container.NewTabItem(tr.T("reports.chart.tab.months"), container.NewVScroll(c.monthTable())),
		container.NewTabItem(tr.T("reports.chart.tab.nationality"), container.NewVScroll(c.breakdownTable(
			st.Nationality, "reports.stats.nationality_intro", "interview.label.nationality", nationalityName))),
		container.NewTabItem(tr.T("reports.chart.tab.sector"), container.NewVScroll(c.breakdownTable(
			st.Sector, "reports.stats.sector_intro", "jobs.profile.sector", sectorName))),
	)
	c.save = widget.NewButtonWithIcon(tr.T("reports.chart.save"), theme.DocumentSaveIcon(), c.onSave)
	c.save.Importance = widget.HighImportance
	c.body = container.NewBorder(nil, container.NewVBox(c.problem.label, c.progress.box), nil, nil, c.tabs)
	return c
}

// open shows the chart in a dialog as large as the window allows.
func (c *statsChart) open() {
	u, tr := c.u, c.u.tr
	closeB := widget.NewButton(tr.T("reports.chart.close"), func() {
		if !c.busy {
			c.dlg.Hide()
		}
	})
	dl := dialog.NewCustomWithoutButtons(tr.T("reports.chart.title", c.period()), newInputWatch(c.body, u.onInput), u.win)
	dl.SetButtons([]fyne.CanvasObject{closeB, c.save})
	c.dlg = dl
	u.openDialog(dl)
	size := u.win.Canvas().Size()
	dl.Resize(fyne.NewSize(min(1000, size.Width-48), min(640, size.Height-48)))
}

// period is the months the statistics cover, for the titles.
func (c *statsChart) period() map[string]any {
	month := func(d string) string {
		if len(d) >= 7 {
			return d[:7]
		}
		return d
	}
	return map[string]any{"From": month(c.stats.From), "To": month(c.stats.To)}
}

// drawOnScreen draws the chart at the raster's pixel size in the theme's colours; the dialog's
// title names the period, so the chart itself has none.
func (c *statsChart) drawOnScreen(w, h int) image.Image {
	scale := float32(1)
	if size := c.raster.Size(); size.Width > 0 {
		scale = float32(w) / size.Width
	}
	settings := fyne.CurrentApp().Settings()
	th, v := settings.Theme(), settings.ThemeVariant()
	p := chartPalette{Text: th.Color(theme.ColorNameForeground, v), Grid: th.Color(theme.ColorNameSeparator, v)}
	return drawChart(c.series, w, h, float64(th.Size(theme.SizeNameText)*scale), p)
}

// pictureSeries is the chart as saved, with the period as its title.
func (c *statsChart) pictureSeries() chartSeries {
	s := c.series
	s.Title = c.u.tr.T("reports.chart.picture_title", c.period())
	return s
}

// picture draws the chart as saved: black on white, at a slide's size.
func picture(s chartSeries) image.Image {
	return drawChart(s, pictureWidth, pictureHeight, pictureText, pictureColours)
}

// monthTable is the chart's counts as numbers, one row a month and the totals last. The header
// is a grid of its own, so its wrapped names do not make every row as tall as they are.
func (c *statsChart) monthTable() fyne.CanvasObject {
	tr := c.u.tr
	head := []fyne.CanvasObject{tableCell(tr.T("reports.stats.month"), true, true)}
	for _, name := range c.series.Legend {
		head = append(head, tableCell(name, true, true))
	}
	var cells []fyne.CanvasObject
	rows := append(append([]storage.MonthStats{}, c.stats.Months...), c.stats.Total)
	for _, m := range rows {
		label, bold := m.Month, false
		if m.Month == "total" {
			label, bold = tr.T("reports.stats.total"), true
		}
		cells = append(cells, tableCell(label, bold, false))
		for _, n := range monthCounts(m) {
			cells = append(cells, tableCell(countText(tr, n), bold, false))
		}
	}
	cols := len(chartMeasures) + 1
	return container.NewPadded(container.NewVBox(container.NewGridWithColumns(cols, head...),
		widget.NewSeparator(), container.NewGridWithColumns(cols, cells...)))
}

// breakdownTable is one split of the period's counts: a sentence on what is counted, then a
// row per group and the total, or a sentence saying why the split is held back.
func (c *statsChart) breakdownTable(b storage.Breakdown, introID, headID string, name func(*locales.Translator, string) string) fyne.CanvasObject {
	tr := c.u.tr
	limit := map[string]any{"Limit": storage.SuppressBelow}
	intro := paragraph()
	intro.SetText(tr.T(introID, limit))
	if b.Withheld {
		why := paragraph()
		why.SetText(tr.T("reports.stats.split_withheld", limit))
		return container.NewPadded(container.NewVBox(intro, why))
	}
	head := container.NewGridWithColumns(2, tableCell(tr.T(headID), true, true), tableCell(tr.T("reports.stats.count"), true, true))
	var cells []fyne.CanvasObject
	for _, g := range b.Groups {
		cells = append(cells, tableCell(name(tr, g.ID), false, false), tableCell(countText(tr, g.Count), false, false))
	}
	cells = append(cells, tableCell(tr.T("reports.stats.total"), true, false), tableCell(countText(tr, b.Total), true, false))
	return container.NewPadded(container.NewVBox(intro, head, widget.NewSeparator(), container.NewGridWithColumns(2, cells...)))
}

// tableCell is one cell of a table; a header cell wraps, a figure stays on one line.
func tableCell(text string, bold, wrap bool) *widget.Label {
	l := widget.NewLabel(text)
	if wrap {
		l.Wrapping = fyne.TextWrapWord
	}
	l.TextStyle = fyne.TextStyle{Bold: bold}
	return l
}

// countText words a published count: the number, "fewer than 5", or "held back".
func countText(tr *locales.Translator, n storage.Count) string {
	switch {
	case n.Suppressed:
		return tr.T("reports.stats.fewer", map[string]any{"Limit": storage.SuppressBelow})
	case n.Withheld:
		return tr.T("reports.stats.withheld")
	}
	return strconv.Itoa(n.Value)
}

// groupName words the two groups every split can have.
func groupName(tr *locales.Translator, id string) (string, bool) {
	switch id {
	case storage.CombinedGroup:
		return tr.T("reports.stats.group.combined"), true
	case storage.UnknownGroup:
		return tr.T("reports.stats.group.unknown"), true
	}
	return "", false
}

// nationalityName is a country in the interface language with its code, "Romania (RO)".
func nationalityName(tr *locales.Translator, id string) string {
	if s, ok := groupName(tr, id); ok {
		return s
	}
	return countryName(tr, id)
}

// countryName is the country of an ISO 3166 code in tr's language, with the code after it;
// the code alone when the name is not known.
func countryName(tr *locales.Translator, code string) string {
	region, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	name := display.Regions(language.Make(tr.Lang())).Name(region)
	if name == "" || name == code {
		return code
	}
	return name + " (" + code + ")"
}

// sectorName is a work sector's words.
func sectorName(tr *locales.Translator, id string) string {
	if s, ok := groupName(tr, id); ok {
		return s
	}
	if locales.Has("jobs.sector." + id) {
		return tr.T("jobs.sector." + id)
	}
	return id
}

func (c *statsChart) onSave() {
	c.u.onInput()
	if c.busy {
		return
	}
	fd := dialog.NewFileSave(c.onChosen, c.u.win)
	fd.SetFileName(c.u.tr.T("reports.chart.file_name"))
	fd.SetFilter(fynestorage.NewExtensionFileFilter([]string{".png"}))
	c.u.openDialog(fd)
}

func (c *statsChart) onChosen(w fyne.URIWriteCloser, err error) {
	if err != nil {
		logUnexpected("choose where to save the chart", err)
		c.problem.set(c.u.tr, notice{err: err})
		return
	}
	if w != nil {
		c.write(w)
	}
}

// write draws and saves the picture off the UI goroutine; a failure leaves no file behind.
// The counts were audited as an export when they were read from the vault.
func (c *statsChart) write(w fyne.URIWriteCloser) {
	u, epoch := c.u, c.u.epoch
	uri := w.URI()
	c.busy = true
	c.save.Disable()
	c.problem.set(u.tr, notice{})
	c.progress.start(u.tr.T("reports.chart.saving"))
	series := c.pictureSeries()
	var err error
	u.run(func() {
		err = saveTo(w, func(out io.Writer) error { return png.Encode(out, picture(series)) })
	}, func() {
		if u.epoch != epoch {
			return
		}
		c.busy = false
		c.save.Enable()
		c.progress.stop()
		if err != nil {
			logUnexpected("save the statistics chart", err)
			c.problem.set(u.tr, notice{err: err})
			return
		}
		c.problem.set(u.tr, notice{id: "reports.chart.saved", data: map[string]any{"File": uri.Name()}, info: true})
	})
}
