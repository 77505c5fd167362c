package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// auditSection checks the audit trail's chain: every row's link to the one before, and the
// chain's head, so an entry edited, removed or added outside Waymark is found, and says at which
// entry. It reads the whole trail, so it runs off the UI goroutine.
type auditSection struct {
	s *adminScreen

	intro   *widget.Label
	check   *widget.Button
	working *working
	result  *noticeLabel
	busy    bool
}

func newAuditSection(s *adminScreen) *auditSection {
	a := &auditSection{s: s, intro: paragraph(), working: newWorking(), result: newNoticeLabel()}
	a.check = widget.NewButtonWithIcon("", theme.ConfirmIcon(), a.onCheck)
	a.check.Importance = widget.HighImportance
	return a
}

func (a *auditSection) view() fyne.CanvasObject {
	return adminPage(a.intro, container.NewHBox(a.check), a.working.box, a.result.label)
}

func (a *auditSection) translate() {
	tr := a.s.u.tr
	a.intro.SetText(tr.T("admin.audit.intro"))
	a.check.SetText(tr.T("admin.audit.check"))
	a.result.translate(tr)
	if a.busy {
		a.working.start(tr.T("admin.audit.working"))
	}
}

// onCheck verifies the chain and, when it is whole, counts the entries it covers.
func (a *auditSection) onCheck() {
	u := a.s.u
	u.onInput()
	if a.busy || u.session == nil {
		return
	}
	sess := u.session
	a.busy = true
	a.check.Disable()
	a.result.set(u.tr, notice{})
	a.working.start(u.tr.T("admin.audit.working"))
	var (
		entries int
		err     error
	)
	u.run(func() {
		if err = sess.VerifyAudit(); err != nil {
			return
		}
		// Reading the trail again to count it costs about what checking it did; a count that
		// cannot be read leaves the sentence without it rather than failing a good check.
		if list, lerr := sess.Audit(""); lerr == nil {
			entries = len(list)
		}
	}, func() {
		if !a.s.current() {
			return
		}
		a.busy = false
		a.check.Enable()
		a.working.stop()
		a.result.set(u.tr, auditVerdict(entries, err))
	})
}

// auditVerdict words the result of a check: whole (with the number of entries when known), the
// entry where the chain breaks, or the error's own sentence.
func auditVerdict(entries int, err error) notice {
	var brk *storage.AuditBreakError
	switch {
	case err == nil && entries > 0:
		return notice{id: "admin.audit.whole", plural: true, count: entries, info: true}
	case err == nil:
		return notice{id: "admin.audit.whole_plain", info: true}
	case errors.As(err, &brk):
		return notice{id: "admin.audit.broken", data: map[string]any{"Seq": brk.Seq}}
	}
	logUnexpected("verify audit", err)
	return notice{err: err}
}
