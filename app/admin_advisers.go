package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// adviserSection lists every account with its role and status, and lets an administrator add
// an adviser (who then chooses their own passphrase with a one-time code), issue a new code,
// disable or remove an account. Your own account and the last active administrator are refused
// here before storage is asked, in a sentence that says why.
type adviserSection struct {
	s *adminScreen

	intro   *widget.Label
	add     *widget.Button
	problem *noticeLabel
	working *working
	rows    *fyne.Container
	list    []storage.Adviser
	byName  map[string]*adviserRow
	busy    bool

	adding *addAdviserDialog // the Add dialog while it is open
	asking *adminConfirm     // the confirmation on screen, if any
	code   *codeDialog       // the one-time code on screen, if any
}

// adviserRow is one account in the list: its name, what it is, and what can be done to it.
type adviserRow struct {
	a       storage.Adviser
	name    *widget.Label
	details *widget.Label
	issue   *widget.Button
	disable *widget.Button
	remove  *widget.Button
}

func newAdviserSection(s *adminScreen) *adviserSection {
	a := &adviserSection{s: s, intro: paragraph(), problem: newNoticeLabel(), working: newWorking()}
	a.add = widget.NewButtonWithIcon("", theme.ContentAddIcon(), a.onAdd)
	a.add.Importance = widget.HighImportance
	a.rows = container.NewVBox()
	return a
}

func (a *adviserSection) view() fyne.CanvasObject {
	return adminPage(a.intro, container.NewHBox(a.add), a.problem.label, a.working.box, a.rows)
}

func (a *adviserSection) translate() {
	tr := a.s.u.tr
	a.intro.SetText(tr.T("admin.advisers.intro"))
	a.add.SetText(tr.T("admin.advisers.add"))
	a.problem.translate(tr)
	for _, r := range a.byName {
		a.translateRow(r)
	}
	if a.busy {
		a.working.start(tr.T("admin.advisers.working"))
	}
}

func (a *adviserSection) leave() {
	a.list = nil
	a.byName = nil
	a.rows.RemoveAll()
	if a.code != nil {
		a.code.forget()
	}
}

// load reads the accounts off the UI goroutine.
func (a *adviserSection) load() {
	v := a.s.u.vault
	if v == nil {
		return
	}
	var (
		list []storage.Adviser
		err  error
	)
	a.s.u.run(func() { list, err = v.Advisers() }, func() {
		if !a.s.current() {
			return
		}
		if err != nil {
			logUnexpected("list advisers", err)
			a.problem.set(a.s.u.tr, notice{err: err})
			return
		}
		a.show(list)
	})
}

// show puts the accounts on screen, one row each, in the vault's order (by name).
func (a *adviserSection) show(list []storage.Adviser) {
	a.list = list
	a.byName = make(map[string]*adviserRow, len(list))
	a.rows.RemoveAll()
	for i, acc := range list {
		r := a.newRow(acc)
		a.byName[acc.Name] = r
		if i > 0 {
			a.rows.Add(widget.NewSeparator())
		}
		buttons := container.NewVBox(layout.NewSpacer(), container.NewHBox(r.issue, r.disable, r.remove), layout.NewSpacer())
		a.rows.Add(container.NewBorder(nil, nil, nil, buttons, container.NewVBox(r.name, r.details)))
		a.translateRow(r)
	}
	a.setBusy(a.busy)
	a.rows.Refresh()
}

func (a *adviserSection) newRow(acc storage.Adviser) *adviserRow {
	r := &adviserRow{a: acc, name: widget.NewLabel(""), details: widget.NewLabel("")}
	r.name.TextStyle = fyne.TextStyle{Bold: true}
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.details.SizeName = theme.SizeNameCaptionText
	r.details.Truncation = fyne.TextTruncateEllipsis
	r.issue = widget.NewButton("", func() { a.onIssue(acc) })
	r.disable = widget.NewButton("", func() { a.onDisable(acc) })
	r.remove = widget.NewButton("", func() { a.onRemove(acc) })
	return r
}

func (a *adviserSection) translateRow(r *adviserRow) {
	tr := a.s.u.tr
	if a.isMe(r.a.Name) {
		r.name.SetText(tr.T("admin.advisers.you", map[string]any{"Name": r.a.Name}))
	} else {
		r.name.SetText(r.a.Name)
	}
	r.details.SetText(tr.T("admin.advisers.details", map[string]any{
		"Role":   tr.T(roleID(r.a.Role)),
		"Status": tr.T(statusID(r.a.Status)),
	}))
	r.issue.SetText(tr.T("admin.advisers.issue"))
	r.disable.SetText(tr.T("admin.advisers.disable"))
	r.remove.SetText(tr.T("admin.advisers.remove"))
}

// roleID is the message naming a role.
func roleID(r storage.Role) string {
	if r == storage.RoleAdmin {
		return "admin.role.admin"
	}
	return "admin.role.adviser"
}

// statusID is the message naming an account's status.
func statusID(st storage.AdviserStatus) string {
	switch st {
	case storage.AdviserInvited:
		return "admin.status.invited"
	case storage.AdviserDisabled:
		return "admin.status.disabled"
	}
	return "admin.status.active"
}

// isMe reports whether name is the account this session was opened with.
func (a *adviserSection) isMe(name string) bool {
	sess := a.s.u.session
	return sess != nil && strings.EqualFold(sess.Adviser().Name, name)
}

// lastActiveAdmin reports whether acc is an active administrator and no other account is one.
func (a *adviserSection) lastActiveAdmin(acc storage.Adviser) bool {
	if acc.Role != storage.RoleAdmin || !isActive(acc.Status) {
		return false
	}
	for _, o := range a.list {
		if o.Role == storage.RoleAdmin && isActive(o.Status) && !strings.EqualFold(o.Name, acc.Name) {
			return false
		}
	}
	return true
}

// isActive reads an empty status as active, as storage does.
func isActive(st storage.AdviserStatus) bool {
	return st == storage.AdviserActive || st == ""
}

// refuseRetire says why acc may not be disabled or removed, if it may not.
func (a *adviserSection) refuseRetire(acc storage.Adviser) bool {
	tr := a.s.u.tr
	switch {
	case a.isMe(acc.Name):
		a.problem.set(tr, notice{id: "admin.refuse.self"})
	case a.lastActiveAdmin(acc):
		a.problem.set(tr, notice{id: "admin.refuse.last_admin", data: map[string]any{"Name": acc.Name}})
	default:
		return false
	}
	return true
}

func (a *adviserSection) onIssue(acc storage.Adviser) {
	u := a.s.u
	u.onInput()
	if a.busy {
		return
	}
	if a.isMe(acc.Name) {
		a.problem.set(u.tr, notice{id: "admin.refuse.self_code"})
		return
	}
	data := map[string]any{"Name": acc.Name}
	explain := "admin.issue.explain"
	if acc.Status == storage.AdviserDisabled {
		explain = "admin.issue.explain_disabled"
	}
	a.asking = a.s.confirm(u.tr.T("admin.issue.title", data), u.tr.T(explain, data), u.tr.T("admin.issue.confirm"), nil, func() {
		a.act(func(sess *storage.Session) (string, error) { return sess.IssueCode(acc.Name) }, acc.Name, "", "admin.refuse.self_code")
	})
	a.asking.yes.Importance = widget.HighImportance
}

func (a *adviserSection) onDisable(acc storage.Adviser) {
	u := a.s.u
	u.onInput()
	if a.busy || acc.Status == storage.AdviserDisabled || a.refuseRetire(acc) {
		return
	}
	data := map[string]any{"Name": acc.Name}
	a.asking = a.s.confirm(u.tr.T("admin.disable.title", data), u.tr.T("admin.disable.explain", data), u.tr.T("admin.disable.confirm"), nil, func() {
		a.act(func(sess *storage.Session) (string, error) { return "", sess.DisableAdviser(acc.Name) }, acc.Name, "admin.disable.done", "admin.refuse.last_admin")
	})
}

func (a *adviserSection) onRemove(acc storage.Adviser) {
	u := a.s.u
	u.onInput()
	if a.busy || a.refuseRetire(acc) {
		return
	}
	data := map[string]any{"Name": acc.Name}
	a.asking = a.s.confirm(u.tr.T("admin.remove.title", data), u.tr.T("admin.remove.explain", data), u.tr.T("admin.remove.confirm"), nil, func() {
		a.act(func(sess *storage.Session) (string, error) { return "", sess.RemoveAdviser(acc.Name) }, acc.Name, "admin.remove.done", "admin.refuse.last_admin")
	})
}

// act runs one change to an account off the UI goroutine, then shows the one-time code it gave
// (if any) or the sentence done, and reads the list again. Storage refuses with ErrInvalid what
// was checked here already (your own account, the last active administrator) when the accounts
// changed meanwhile; refused says that in words.
func (a *adviserSection) act(change func(*storage.Session) (string, error), name, done, refused string) {
	u, sess := a.s.u, a.s.u.session
	if sess == nil {
		return
	}
	a.setBusy(true)
	var (
		code string
		err  error
	)
	u.run(func() {
		code, err = change(sess)
		releaseMemory() // a new code's key derivation
	}, func() {
		if !a.s.current() {
			return
		}
		a.setBusy(false)
		switch {
		case errors.Is(err, storage.ErrInvalid):
			a.problem.set(u.tr, notice{id: refused, data: map[string]any{"Name": name}})
			a.load()
			return
		case err != nil:
			logUnexpected("change adviser", err)
			a.problem.set(u.tr, adminNotice(err))
			a.load()
			return
		}
		if done != "" {
			a.problem.set(u.tr, notice{id: done, data: map[string]any{"Name": name}, info: true})
		} else {
			a.problem.set(u.tr, notice{})
		}
		if code != "" {
			a.code = showCode(u, name, code)
		}
		a.load()
	})
}

func (a *adviserSection) setBusy(busy bool) {
	a.busy = busy
	set := func(w fyne.Disableable, on bool) {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	set(a.add, !busy)
	for _, r := range a.byName {
		// Your own account cannot be given a code, disabled or removed from here: the buttons
		// say so by being off (the actions still refuse in words if reached another way).
		me := a.isMe(r.a.Name)
		set(r.issue, !busy && !me)
		set(r.disable, !busy && !me && r.a.Status != storage.AdviserDisabled)
		set(r.remove, !busy && !me)
	}
	if busy {
		a.problem.set(a.s.u.tr, notice{})
		a.working.start(a.s.u.tr.T("admin.advisers.working"))
	} else {
		a.working.stop()
	}
}
