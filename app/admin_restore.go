package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// restoreDialog asks whose passphrase opens the chosen backup: an administrator's at the time
// the backup was made, which need not be anyone's now.
type restoreDialog struct {
	b       *backupSection
	dlg     *dialog.CustomDialog
	path    string // the backup file
	file    string // its name, for the sentences
	name    *inputEntry
	pass    *inputEntry
	problem *noticeLabel
	next    *widget.Button
}

// onRestore asks for the backup file.
func (b *backupSection) onRestore() {
	u := b.s.u
	u.onInput()
	if b.busy || u.session == nil {
		return
	}
	fd := dialog.NewFileOpen(b.onOpenChosen, u.win)
	u.openDialog(fd)
}

func (b *backupSection) onOpenChosen(r fyne.URIReadCloser, err error) {
	u := b.s.u
	if err != nil {
		logUnexpected("choose a backup", err)
		b.problem.set(u.tr, notice{err: err})
		return
	}
	if r == nil {
		return
	}
	uri := r.URI()
	_ = r.Close()
	if uri.Scheme() != "file" {
		b.problem.set(u.tr, notice{id: "admin.backup.not_local"})
		return
	}
	b.askPassphrase(uri.Path(), uri.Name())
}

// askPassphrase opens the form for the backup at path.
func (b *backupSection) askPassphrase(path, file string) {
	u := b.s.u
	tr := u.tr
	d := &restoreDialog{b: b, path: path, file: file, name: newInputEntry(u.onInput),
		pass: newInputPassword(u.onInput), problem: newNoticeLabel()}
	if !u.recoverySession() && u.session != nil {
		d.name.SetText(u.session.Adviser().Name)
	}
	intro, nameL, passL := paragraph(), fieldLabel(), fieldLabel()
	intro.SetText(tr.T("admin.restore.form_intro", map[string]any{"File": file}))
	nameL.SetText(tr.T("admin.restore.who"))
	passL.SetText(tr.T("admin.restore.pass"))
	d.name.OnSubmitted = func(string) { u.win.Canvas().Focus(d.pass) }
	d.pass.OnSubmitted = func(string) { d.onNext() }
	d.next = widget.NewButton(tr.T("admin.restore.next"), d.onNext)
	d.next.Importance = widget.HighImportance
	cancel := widget.NewButton(tr.T("common.cancel"), func() { d.dlg.Hide() })
	form := container.NewVBox(intro, nameL, d.name, passL, d.pass, d.problem.label)
	d.dlg = dialog.NewCustomWithoutButtons(tr.T("admin.restore.title"), newInputWatch(form, u.onInput), u.win)
	d.dlg.SetButtons([]fyne.CanvasObject{cancel, d.next})
	d.dlg.SetOnClosed(func() {
		if b.asking == d {
			b.asking = nil
		}
		d.forget()
	})
	b.asking = d
	u.openDialog(d.dlg)
	d.dlg.Resize(fyne.NewSize(pageWidth, d.dlg.MinSize().Height))
	if d.name.Text == "" {
		u.win.Canvas().Focus(d.name)
	} else {
		u.win.Canvas().Focus(d.pass)
	}
}

// forget empties the passphrase field.
func (d *restoreDialog) forget() { d.pass.SetText("") }

// onNext checks the form and the passphrase against the backup, then asks, once more,
// whether the vault is to be replaced.
func (d *restoreDialog) onNext() {
	b := d.b
	u := b.s.u
	u.onInput()
	name := strings.TrimSpace(d.name.Text)
	switch {
	case name == "":
		d.problem.set(u.tr, notice{id: "admin.restore.need_name"})
		u.win.Canvas().Focus(d.name)
		return
	case d.pass.Text == "":
		d.problem.set(u.tr, notice{id: "admin.restore.need_pass"})
		u.win.Canvas().Focus(d.pass)
		return
	}
	pass := []byte(d.pass.Text)
	path := d.path
	// The passphrase is tried against the backup's header first, so a slip is said here, with
	// the form still open, rather than after the window has locked.
	d.next.Disable()
	d.problem.set(u.tr, notice{id: "admin.restore.checking", info: true})
	epoch, opts := u.epoch, u.opts
	var err error
	u.run(func() { err = storage.CheckBackup(path, name, pass, opts) }, func() {
		d.next.Enable()
		if u.epoch != epoch || b.asking != d {
			clear(pass)
			return
		}
		if err != nil {
			clear(pass)
			n := restoreFailure(err)
			if n.id == "admin.restore.failed" { // not one restoreFailure words: say the error's own sentence
				logUnexpected("check backup", err)
				n = notice{err: err}
			}
			d.problem.set(u.tr, n)
			d.pass.SetText("")
			u.win.Canvas().Focus(d.pass)
			return
		}
		d.confirm(name, pass)
	})
}

// confirm asks, once more, whether the vault is to be replaced, with a passphrase the backup
// has accepted.
func (d *restoreDialog) confirm(name string, pass []byte) {
	b := d.b
	u := b.s.u
	path, file := d.path, d.file
	d.dlg.Hide() // forgets the typed passphrase; pass holds it until the restore clears it
	data := map[string]any{"File": file}
	b.sure = b.s.confirm(u.tr.T("admin.restore.confirm_title"), u.tr.T("admin.restore.confirm_explain", data),
		u.tr.T("admin.restore.confirm"), nil, func() { u.restoreVault(path, file, name, pass) })
	sure := b.sure
	sure.dlg.SetOnClosed(func() {
		if !sure.chosen {
			clear(pass)
		}
	})
}

// restoreVault replaces the vault with the backup at path. The window locks first and closes
// its vault, because storage restores only a vault nobody has open; a screen with a bar shows
// while the backup is checked and decrypted. Then the vault is opened again and the unlock
// screen says whether it was restored, or why not (the vault is then as it was).
func (u *ui) restoreVault(path, file, adviser string, pass []byte) {
	if u.session == nil {
		clear(pass)
		return
	}
	u.flushScreen()
	u.epoch++
	u.idle.Stop()
	u.session.Lock()
	u.session = nil
	u.closeDialogs()
	if u.vault != nil {
		if err := u.vault.Close(); err != nil {
			logUnexpected("close vault for restore", err)
		}
		u.vault = nil
	}
	rs := newRestoreScreen(u)
	u.show(rs)
	epoch := u.epoch
	progress := barProgress(rs.bar, func() bool { return u.epoch == epoch })
	vaultPath, opts := u.path, u.opts
	var (
		v              *storage.Vault
		err, reopenErr error
	)
	u.run(func() {
		err = storage.RestoreWithProgress(path, vaultPath, adviser, pass, opts, progress)
		clear(pass)
		releaseMemory()
		v, reopenErr = storage.Open(vaultPath, opts)
	}, func() {
		if reopenErr != nil {
			logUnexpected("open vault after restore", reopenErr)
			u.show(newProblemScreen(u, reopenErr))
			return
		}
		u.vault = v
		s := newUnlockScreen(u)
		if err != nil {
			logUnexpected("restore", err)
			s.tell(restoreFailure(err), err)
		} else {
			s.tell(notice{id: "admin.restore.done", data: map[string]any{"File": file}, info: true}, nil)
		}
		u.show(s)
	})
}

// restoreFailure says in one sentence why a restore did not happen. Each sentence says the
// vault is unchanged, which storage guarantees for every failure; the last, for any other
// error, takes the error's own sentence as {{.Problem}} (filled in by unlockScreen.tell).
func restoreFailure(err error) notice {
	switch {
	case errors.Is(err, storage.ErrWrongPassphrase):
		return notice{id: "admin.restore.wrong_passphrase"}
	case errors.Is(err, storage.ErrUnknownAdviser):
		return notice{id: "admin.restore.unknown_adviser"}
	case errors.Is(err, storage.ErrNotAdmin):
		return notice{id: "admin.restore.not_admin"}
	case errors.Is(err, storage.ErrBadBackup):
		return notice{id: "admin.restore.bad_backup"}
	case errors.Is(err, storage.ErrVaultBusy):
		return notice{id: "admin.restore.busy"}
	}
	return notice{id: "admin.restore.failed"}
}

// restoreScreen is what the window shows while a backup replaces the vault: nothing can be
// done until it is finished, and closing Waymark then would leave the old vault in place.
type restoreScreen struct {
	u     *ui
	title *widget.Label
	text  *widget.Label
	bar   *widget.ProgressBar
}

func newRestoreScreen(u *ui) *restoreScreen {
	return &restoreScreen{u: u, title: heading(), text: paragraph(), bar: widget.NewProgressBar()}
}

func (s *restoreScreen) view() fyne.CanvasObject { return page(s.title, s.text, s.bar) }
func (s *restoreScreen) focus() fyne.Focusable   { return nil }
func (s *restoreScreen) leave()                  {}

func (s *restoreScreen) translate() {
	s.title.SetText(s.u.tr.T("admin.restoring.title"))
	s.text.SetText(s.u.tr.T("admin.restoring.text"))
}
