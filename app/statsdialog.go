package app

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// statsDialog is the administrator's statistics for funders: whole months from and to, saved
// as a CSV or shown as a chart (statschart.go), in which counts under 5 are suppressed
// (storage.Statistics). The counting happens in the vault; this asks for the months.
type statsDialog struct {
	u        *ui
	dlg      dialog.Dialog
	intro    *widget.Label
	fromL    *widget.Label
	toL      *widget.Label
	from, to *inputEntry
	problem  *noticeLabel
	progress *working
	save     *widget.Button
	show     *widget.Button // "Show chart"
	chart    *statsChart    // the chart last shown, while its dialog may be open
	busy     bool
}

// openStatistics opens the statistics for an administrator, and returns the dialog (nil for
// anyone else) so a test can work it.
func (u *ui) openStatistics() *statsDialog {
	if u.session == nil || u.session.Adviser().Role != storage.RoleAdmin {
		return nil
	}
	d := &statsDialog{u: u, intro: paragraph(), fromL: fieldLabel(), toL: fieldLabel(),
		from: newInputEntry(u.onInput), to: newInputEntry(u.onInput), problem: newNoticeLabel(), progress: newWorking()}
	now := u.now()
	d.from.SetText(now.Format("2006") + "-01")
	d.to.SetText(now.Format("2006-01"))
	d.save = widget.NewButton(u.tr.T("casework.stats.save"), d.onSave)
	d.save.Importance = widget.HighImportance
	d.show = widget.NewButton(u.tr.T("reports.stats.show_chart"), d.onShowChart)
	cancel := widget.NewButton(u.tr.T("common.cancel"), func() {
		if !d.busy {
			d.dlg.Hide()
		}
	})
	d.intro.SetText(u.tr.T("casework.stats.intro"))
	d.fromL.SetText(u.tr.T("casework.stats.from"))
	d.toL.SetText(u.tr.T("casework.stats.to"))
	form := container.NewVBox(d.intro, d.fromL, d.from, d.toL, d.to, d.problem.label, d.progress.box)
	dl := dialog.NewCustomWithoutButtons(u.tr.T("casework.stats.title"), newInputWatch(form, u.onInput), u.win)
	dl.SetButtons([]fyne.CanvasObject{cancel, d.show, d.save})
	d.dlg = dl
	u.openDialog(dl)
	dl.Resize(fyne.NewSize(max(pageWidth, dl.MinSize().Width), dl.MinSize().Height))
	return d
}

// period reads the two months as the first day of the first and the last day of the second.
func (d *statsDialog) period() (from, to time.Time, ok bool) {
	f, err1 := time.Parse("2006-01", strings.TrimSpace(d.from.Text))
	t, err2 := time.Parse("2006-01", strings.TrimSpace(d.to.Text))
	if err1 != nil || err2 != nil || t.Before(f) {
		return time.Time{}, time.Time{}, false
	}
	return f, t.AddDate(0, 1, -1), true
}

func (d *statsDialog) onSave() {
	d.u.onInput()
	if d.busy {
		return
	}
	if _, _, ok := d.period(); !ok {
		d.problem.set(d.u.tr, notice{id: "casework.stats.bad_months"})
		return
	}
	fd := dialog.NewFileSave(d.onChosen, d.u.win)
	fd.SetFileName(d.u.tr.T("casework.stats.file_name"))
	fd.SetFilter(fynestorage.NewExtensionFileFilter([]string{".csv"}))
	d.u.openDialog(fd)
}

func (d *statsDialog) onChosen(w fyne.URIWriteCloser, err error) {
	if err != nil {
		logUnexpected("choose where to save statistics", err)
		d.problem.set(d.u.tr, notice{err: err})
		return
	}
	if w != nil {
		d.write(w)
	}
}

// write counts and saves off the UI goroutine; a failure leaves no file behind.
func (d *statsDialog) write(w fyne.URIWriteCloser) {
	u, sess, epoch := d.u, d.u.session, d.u.epoch
	from, to, _ := d.period()
	uri := w.URI()
	d.setBusy(true)
	d.problem.set(u.tr, notice{})
	d.progress.start(u.tr.T("casework.stats.saving"))
	var err error
	u.run(func() {
		err = saveTo(w, func(out io.Writer) error { return sess.ExportStatistics(out, from, to) })
	}, func() {
		if u.epoch != epoch {
			return
		}
		d.setBusy(false)
		d.progress.stop()
		if err != nil {
			logUnexpected("export statistics", err)
			d.problem.set(u.tr, notice{err: err})
			return
		}
		d.problem.set(u.tr, notice{id: "casework.stats.saved", data: map[string]any{"File": uri.Name()}, info: true})
	})
}

// onShowChart counts the period off the UI goroutine and shows the chart. Counting reads every
// case, so the vault audits it as an export of statistics, like the CSV.
func (d *statsDialog) onShowChart() {
	u := d.u
	u.onInput()
	if d.busy || u.session == nil {
		return
	}
	from, to, ok := d.period()
	if !ok {
		d.problem.set(u.tr, notice{id: "casework.stats.bad_months"})
		return
	}
	sess, epoch := u.session, u.epoch
	d.setBusy(true)
	d.problem.set(u.tr, notice{})
	d.progress.start(u.tr.T("casework.stats.saving"))
	var (
		st  storage.Stats
		err error
	)
	u.run(func() { st, err = countStatistics(sess, from, to) }, func() {
		if u.epoch != epoch {
			return
		}
		d.setBusy(false)
		d.progress.stop()
		if err != nil {
			logUnexpected("count statistics", err)
			d.problem.set(u.tr, notice{err: err})
			return
		}
		d.chart = newStatsChart(u, st)
		d.chart.open()
	})
}

func (d *statsDialog) setBusy(busy bool) {
	d.busy = busy
	for _, b := range []*widget.Button{d.save, d.show} {
		switch {
		case b == nil:
		case busy:
			b.Disable()
		default:
			b.Enable()
		}
	}
}

// countStatistics has the vault count the period and reads the counts back. It does I/O: call
// it off the UI goroutine.
func countStatistics(sess *storage.Session, from, to time.Time) (storage.Stats, error) {
	var buf bytes.Buffer
	if err := sess.ExportStatistics(&buf, from, to); err != nil {
		return storage.Stats{}, fmt.Errorf("count statistics: %w", err)
	}
	st, err := readStatsCSV(&buf)
	if err != nil {
		return storage.Stats{}, err
	}
	st.From, st.To = from.Format(time.DateOnly), to.Format(time.DateOnly)
	return st, nil
}
