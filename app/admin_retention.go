package app

import (
	"errors"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// maxRetentionMonths is the longest retention period storage accepts: twenty years.
const maxRetentionMonths = 240

// retentionSection sets how long closed cases are kept and lists the cases past that time,
// oldest closure first, with one button that erases them all after the administrator has typed
// how many there are (or the word for erase), so a slip of the mouse erases nothing.
type retentionSection struct {
	s *adminScreen

	intro    *widget.Label
	monthsL  *widget.Label
	months   *inputEntry
	save     *widget.Button
	zero     *widget.Label
	saved    *noticeLabel
	dueHead  *widget.Label
	dueCount *widget.Label
	list     *widget.List
	erase    *widget.Button
	bar      *widget.ProgressBar
	barText  *widget.Label
	result   *noticeLabel
	loading  *working

	setting int                   // the period in the vault
	due     []storage.CaseSummary // the cases due for erasure, on screen
	loaded  bool
	busy    bool
	asking  *adminConfirm // the erase confirmation while it is open
	confirm *inputEntry   // what the administrator types in it
	// stopped is why erasing stopped early, with how far it got, worded again in each language.
	stopped struct {
		err         error
		done, total int
	}
}

func newRetentionSection(s *adminScreen) *retentionSection {
	r := &retentionSection{s: s, intro: paragraph(), monthsL: fieldLabel(), zero: paragraph(),
		saved: newNoticeLabel(), dueHead: fieldLabel(), dueCount: paragraph(), result: newNoticeLabel(),
		loading: newWorking(), barText: paragraph(), bar: widget.NewProgressBar()}
	r.months = newInputEntry(s.u.onInput)
	r.months.OnSubmitted = func(string) { r.onSave() }
	r.save = widget.NewButton("", r.onSave)
	r.erase = widget.NewButton("", r.onErase)
	r.erase.Importance = widget.DangerImportance
	r.erase.Disable()
	r.bar.Hide()
	r.barText.Hide()
	r.list = widget.NewList(
		func() int { return len(r.due) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= 0 && i < len(r.due) {
				o.(*widget.Label).SetText(r.rowText(r.due[i]))
			}
		},
	)
	return r
}

func (r *retentionSection) view() fyne.CanvasObject {
	field := container.NewGridWrap(fyne.NewSize(120, r.months.MinSize().Height), r.months)
	// The list scrolls within a fixed height, so the whole tab scrolls as one page on a small
	// screen and the erase button stays right under the cases it erases.
	floor := canvas.NewRectangle(color.Transparent)
	floor.SetMinSize(fyne.NewSize(0, dueListHeight))
	return adminPage(r.intro, r.monthsL, container.NewHBox(field, r.save), r.zero, r.saved.label,
		widget.NewSeparator(), r.dueHead, r.dueCount, r.loading.box,
		container.NewStack(floor, r.list),
		r.result.label, r.barText, r.bar, container.NewHBox(r.erase))
}

// dueListHeight is the height of the list of cases due for erasure: about four rows.
const dueListHeight float32 = 150

func (r *retentionSection) translate() {
	tr := r.s.u.tr
	r.intro.SetText(tr.T("admin.retention.intro"))
	r.monthsL.SetText(tr.T("admin.retention.months", map[string]any{"Max": maxRetentionMonths}))
	r.save.SetText(tr.T("admin.retention.save"))
	r.zero.SetText(tr.T("admin.retention.zero"))
	r.saved.translate(tr)
	r.dueHead.SetText(tr.T("admin.retention.due_head"))
	if r.stopped.err != nil {
		r.result.set(tr, notice{id: "admin.retention.erase_stopped", data: map[string]any{
			"Done": r.stopped.done, "Total": r.stopped.total, "Problem": adminNotice(r.stopped.err).text(tr)}})
	} else {
		r.result.translate(tr)
	}
	switch {
	case !r.loaded:
		r.loading.start(tr.T("admin.retention.loading"))
		r.dueCount.SetText("")
	case r.setting == 0:
		r.dueCount.SetText(tr.T("admin.retention.not_set"))
	case len(r.due) == 0:
		r.dueCount.SetText(tr.T("admin.retention.due_none"))
	default:
		r.dueCount.SetText(tr.N("admin.retention.due_count", len(r.due)))
	}
	n := max(len(r.due), 1)
	r.erase.SetText(tr.N("admin.retention.erase", n))
	r.list.Refresh()
}

// rowText is one due case: its reference and the day it was closed.
func (r *retentionSection) rowText(c storage.CaseSummary) string {
	closed := c.Closed
	if closed == "" {
		closed = r.s.u.tr.T("admin.retention.closed_unknown")
	}
	return r.s.u.tr.T("admin.retention.row", map[string]any{"Reference": c.Reference, "Closed": closed})
}

func (r *retentionSection) leave() {
	r.due = nil
	r.list.Refresh()
	if r.confirm != nil {
		r.confirm.SetText("")
	}
}

// load reads the period and the case list off the UI goroutine, and works out what is due
// there too: the list may hold thousands of cases.
func (r *retentionSection) load() {
	u, sess := r.s.u, r.s.u.session
	if sess == nil {
		return
	}
	today := u.now().Format(time.DateOnly)
	var (
		months int
		due    []storage.CaseSummary
		err    error
	)
	u.run(func() {
		months, err = sess.RetentionMonths()
		if err != nil {
			return
		}
		var list []storage.CaseSummary
		list, err = sess.ListCases() // with damaged records, the readable ones still count
		due = storage.DueForErasure(list, months, today)
	}, func() {
		if !r.s.current() {
			return
		}
		r.loaded = true
		r.loading.stop()
		if err != nil {
			logUnexpected("read retention", err)
			r.result.set(u.tr, notice{err: err})
		}
		r.setting = months
		r.months.SetText(strconv.Itoa(months))
		r.show(due)
	})
}

// show puts the due cases on screen.
func (r *retentionSection) show(due []storage.CaseSummary) {
	r.due = due
	if len(due) > 0 && !r.busy {
		r.erase.Enable()
	} else {
		r.erase.Disable()
	}
	r.translate()
}

// onSave checks the months typed and saves them off the UI goroutine.
func (r *retentionSection) onSave() {
	u := r.s.u
	u.onInput()
	if r.busy || u.session == nil {
		return
	}
	n, err := strconv.Atoi(strings.TrimSpace(r.months.Text))
	if err != nil || n < 0 || n > maxRetentionMonths {
		r.saved.set(u.tr, notice{id: "admin.retention.bad", data: map[string]any{"Max": maxRetentionMonths}})
		u.win.Canvas().Focus(r.months)
		return
	}
	sess := u.session
	r.save.Disable()
	u.run(func() { err = sess.SetRetentionMonths(n) }, func() {
		if !r.s.current() {
			return
		}
		r.save.Enable()
		if err != nil {
			logUnexpected("set retention", err)
			r.saved.set(u.tr, adminNotice(err))
			return
		}
		if n == 0 {
			r.saved.set(u.tr, notice{id: "admin.retention.saved_none", info: true})
		} else {
			r.saved.set(u.tr, notice{id: "admin.retention.saved", plural: true, count: n, info: true})
		}
		r.stopped.err = nil
		r.result.set(u.tr, notice{})
		r.load()
	})
}

// eraseWord is what may be typed instead of the number of cases, in tr's language.
func (r *retentionSection) eraseWord() string { return r.s.u.tr.T("admin.retention.erase_word") }

// onErase asks the administrator to type the number of cases, or the word for erase.
func (r *retentionSection) onErase() {
	u := r.s.u
	u.onInput()
	if r.busy || len(r.due) == 0 || u.session == nil {
		return
	}
	n := len(r.due)
	r.confirm = newInputEntry(u.onInput)
	data := map[string]any{"Word": r.eraseWord()}
	r.asking = r.s.confirm(u.tr.T("admin.retention.confirm_title"),
		u.tr.N("admin.retention.confirm_explain", n, data),
		u.tr.N("admin.retention.confirm_button", n), r.confirm, r.onEraseConfirmed)
	r.confirm.OnSubmitted = func(string) { r.asking.yes.OnTapped() }
	u.win.Canvas().Focus(r.confirm)
}

// confirmed reports whether typed is the number of cases or the word for erase.
func (r *retentionSection) confirmed(typed string) bool {
	typed = strings.TrimSpace(typed)
	return typed == strconv.Itoa(len(r.due)) || (typed != "" && strings.EqualFold(typed, r.eraseWord()))
}

// onEraseConfirmed erases the due cases one by one off the UI goroutine, moving the bar after
// each, and stops at the first failure, saying how far it got.
func (r *retentionSection) onEraseConfirmed() {
	u := r.s.u
	typed := r.confirm.Text
	r.confirm.SetText("")
	if !r.confirmed(typed) {
		r.stopped.err = nil
		r.result.set(u.tr, notice{id: "admin.retention.mismatch"})
		return
	}
	sess, epoch := u.session, u.epoch
	if sess == nil {
		return
	}
	ids := make([]string, len(r.due))
	for i, c := range r.due {
		ids[i] = c.ID
	}
	total := len(ids)
	r.setBusy(true, total)
	var (
		done int
		err  error
	)
	u.run(func() {
		for _, id := range ids {
			if e := sess.EraseCase(id); e != nil && !errors.Is(e, storage.ErrNotFound) {
				err = e // a case already gone (erased elsewhere meanwhile) counts as erased
				return
			}
			done++
			n := done
			fyne.Do(func() {
				if u.epoch == epoch {
					r.progress(n, total)
				}
			})
		}
	}, func() {
		if !r.s.current() {
			return
		}
		r.setBusy(false, 0)
		if err != nil {
			logUnexpected("erase closed cases", err)
			r.stopped.err, r.stopped.done, r.stopped.total = err, done, total
			r.translate()
		} else {
			r.result.set(u.tr, notice{id: "admin.retention.erased", plural: true, count: done, info: true})
		}
		r.load()
	})
}

// progress shows that done of total cases are erased.
func (r *retentionSection) progress(done, total int) {
	r.bar.Max = float64(total)
	r.bar.SetValue(float64(done))
	r.barText.SetText(r.s.u.tr.T("admin.retention.erasing", map[string]any{"Done": done, "Total": total}))
}

func (r *retentionSection) setBusy(busy bool, total int) {
	r.busy = busy
	if busy {
		r.erase.Disable()
		r.save.Disable()
		r.stopped.err = nil
		r.result.set(r.s.u.tr, notice{})
		r.bar.Show()
		r.barText.Show()
		r.progress(0, total)
		return
	}
	r.save.Enable()
	r.bar.Hide()
	r.barText.Hide()
}
