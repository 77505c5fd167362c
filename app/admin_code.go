package app

import (
	"errors"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// maxAdviserName is the longest adviser name storage accepts, in characters.
const maxAdviserName = 64

// addAdviserDialog asks for a new adviser's name and role, adds the account (waiting for its
// first passphrase) and hands over to the one-time code.
type addAdviserDialog struct {
	a        *adviserSection
	dlg      *dialog.CustomDialog
	name     *inputEntry
	role     *widget.RadioGroup
	problem  *noticeLabel
	progress *working
	create   *widget.Button
	cancel   *widget.Button
	busy     bool
}

// roleChoices are the roles offered, in the order of the role buttons.
var roleChoices = []storage.Role{storage.RoleAdviser, storage.RoleAdmin}

func (a *adviserSection) onAdd() {
	u := a.s.u
	u.onInput()
	if a.busy || u.session == nil {
		return
	}
	d := &addAdviserDialog{a: a, name: newInputEntry(u.onInput), problem: newNoticeLabel(), progress: newWorking()}
	tr := u.tr
	nameL, nameHint, roleL, roleHint := fieldLabel(), paragraph(), fieldLabel(), paragraph()
	nameL.SetText(tr.T("admin.add.name"))
	nameHint.SetText(tr.T("admin.add.name_hint"))
	roleL.SetText(tr.T("admin.add.role"))
	roleHint.SetText(tr.T("admin.add.role_hint"))
	var roles []string
	for _, r := range roleChoices {
		roles = append(roles, tr.T(roleID(r)))
	}
	d.role = widget.NewRadioGroup(roles, func(string) { u.onInput() })
	d.role.Required = true
	d.role.Horizontal = true
	d.role.SetSelected(roles[0])
	d.name.OnSubmitted = func(string) { d.onCreate() }
	d.create = widget.NewButton(tr.T("admin.add.create"), d.onCreate)
	d.create.Importance = widget.HighImportance
	d.cancel = widget.NewButton(tr.T("common.cancel"), func() {
		if !d.busy {
			d.dlg.Hide()
		}
	})
	form := container.NewVBox(nameL, d.name, nameHint, roleL, d.role, roleHint, d.problem.label, d.progress.box)
	d.dlg = dialog.NewCustomWithoutButtons(tr.T("admin.add.title"), newInputWatch(form, u.onInput), u.win)
	d.dlg.SetButtons([]fyne.CanvasObject{d.cancel, d.create})
	d.dlg.SetOnClosed(func() {
		if a.adding == d {
			a.adding = nil
		}
	})
	a.adding = d
	u.openDialog(d.dlg)
	d.dlg.Resize(fyne.NewSize(pageWidth, d.dlg.MinSize().Height))
	u.win.Canvas().Focus(d.name)
}

// chosenRole is the role picked, an adviser unless an administrator is.
func (d *addAdviserDialog) chosenRole() storage.Role {
	for i, label := range d.role.Options {
		if label == d.role.Selected && i < len(roleChoices) {
			return roleChoices[i]
		}
	}
	return storage.RoleAdviser
}

// onCreate checks the name here (the same rules storage applies, worded for a person) and
// adds the account off the UI goroutine: making its code's key takes about half a second.
func (d *addAdviserDialog) onCreate() {
	u := d.a.s.u
	u.onInput()
	if d.busy || u.session == nil {
		return
	}
	name := strings.TrimSpace(d.name.Text)
	switch {
	case name == "":
		d.refuse(notice{id: "admin.add.need_name"})
		return
	case utf8.RuneCountInString(name) > maxAdviserName || strings.EqualFold(name, recoveryName) || hasControl(name):
		d.refuse(notice{id: "admin.add.bad_name", data: map[string]any{"Max": maxAdviserName}})
		return
	case d.a.taken(name):
		d.refuse(notice{err: storage.ErrAdviserExists})
		return
	}
	sess, role, epoch := u.session, d.chosenRole(), u.epoch
	d.setBusy(true)
	var (
		code string
		err  error
	)
	u.run(func() {
		code, err = sess.InviteAdviser(name, role)
		releaseMemory()
	}, func() {
		if u.epoch != epoch {
			return
		}
		d.setBusy(false)
		if err != nil {
			logUnexpected("add adviser", err)
			if errors.Is(err, storage.ErrInvalid) {
				d.refuse(notice{id: "admin.add.bad_name", data: map[string]any{"Max": maxAdviserName}})
			} else {
				d.refuse(adminNotice(err))
			}
			return
		}
		d.dlg.Hide()
		d.a.problem.set(u.tr, notice{id: "admin.add.done", data: map[string]any{"Name": name}, info: true})
		d.a.code = showCode(u, name, code)
		if d.a.s.current() {
			d.a.load()
		}
	})
}

func (d *addAdviserDialog) refuse(n notice) {
	d.problem.set(d.a.s.u.tr, n)
	d.a.s.u.win.Canvas().Focus(d.name)
}

func (d *addAdviserDialog) setBusy(busy bool) {
	d.busy = busy
	for _, w := range []fyne.Disableable{d.name, d.role, d.create, d.cancel} {
		if busy {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if busy {
		d.problem.set(d.a.s.u.tr, notice{})
		d.progress.start(d.a.s.u.tr.T("admin.add.working"))
	} else {
		d.progress.stop()
	}
}

// taken reports whether an account already has name (as storage compares names).
func (a *adviserSection) taken(name string) bool {
	for _, o := range a.list {
		if strings.EqualFold(o.Name, name) {
			return true
		}
	}
	return false
}

// hasControl reports whether s holds a control character, which storage refuses in a name.
func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) })
}

// codeDialog shows a one-time code once, with what to do with it and a button to copy it. The
// clipboard is emptied after 30 seconds if it still holds the code, and the dialog forgets
// the code when it closes or the vault locks.
type codeDialog struct {
	dlg    *dialog.CustomDialog
	give   *widget.Label
	code   *widget.Label
	copied *noticeLabel
	copy   *widget.Button
	done   *widget.Button
}

// showCode opens the one-time code for name.
func showCode(u *ui, name, code string) *codeDialog {
	tr := u.tr
	data := map[string]any{"Name": name}
	c := &codeDialog{give: paragraph(), code: widget.NewLabel(code), copied: newNoticeLabel()}
	c.give.SetText(tr.T("admin.code.give", data))
	c.code.TextStyle = fyne.TextStyle{Monospace: true}
	c.code.SizeName = theme.SizeNameSubHeadingText
	c.code.Alignment = fyne.TextAlignCenter
	how := paragraph()
	how.SetText(tr.T("admin.code.how", data))
	c.copy = widget.NewButtonWithIcon(tr.T("admin.code.copy"), theme.ContentCopyIcon(), func() {
		u.onInput()
		cb := u.app.Clipboard()
		cb.SetContent(c.code.Text)
		guardClipboard(cb)
		c.copied.set(u.tr, notice{id: "admin.code.copied", info: true})
	})
	c.done = widget.NewButton(tr.T("admin.code.done"), func() { c.dlg.Hide() })
	c.done.Importance = widget.HighImportance
	content := container.NewVBox(c.give, c.code, how, c.copied.label)
	c.dlg = dialog.NewCustomWithoutButtons(tr.T("admin.code.title", data), newInputWatch(content, u.onInput), u.win)
	c.dlg.SetButtons([]fyne.CanvasObject{c.copy, c.done})
	u.openDialog(c.dlg)
	c.dlg.SetOnClosed(c.forget)
	c.dlg.Resize(fyne.NewSize(pageWidth, c.dlg.MinSize().Height))
	return c
}

// forget takes the code off the dialog.
func (c *codeDialog) forget() { c.code.SetText("") }
