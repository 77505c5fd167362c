package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// backupSection makes an encrypted backup of the whole vault to a file the administrator
// chooses, with a bar while it is written, and restores the vault from one: which file, whose
// passphrase opens it, a confirmation that this vault will be replaced, and then the window
// locks while the restore runs (see restoreVault).
type backupSection struct {
	s *adminScreen

	backupHead  *widget.Label
	backupIntro *widget.Label
	create      *widget.Button
	bar         *widget.ProgressBar
	barText     *widget.Label
	result      *noticeLabel
	restoreHead *widget.Label
	restoreInt  *widget.Label
	restore     *widget.Button
	problem     *noticeLabel
	busy        bool

	asking *restoreDialog // the restore form while it is open
	sure   *adminConfirm  // the confirmation that the vault will be replaced
}

func newBackupSection(s *adminScreen) *backupSection {
	b := &backupSection{s: s, backupHead: heading(), backupIntro: paragraph(), result: newNoticeLabel(),
		restoreHead: heading(), restoreInt: paragraph(), problem: newNoticeLabel(),
		bar: widget.NewProgressBar(), barText: paragraph()}
	b.backupHead.SizeName = theme.SizeNameSubHeadingText
	b.restoreHead.SizeName = theme.SizeNameSubHeadingText
	b.create = widget.NewButtonWithIcon("", theme.DocumentSaveIcon(), b.onMake)
	b.create.Importance = widget.HighImportance
	b.restore = widget.NewButtonWithIcon("", theme.HistoryIcon(), b.onRestore)
	b.bar.Hide()
	b.barText.Hide()
	return b
}

func (b *backupSection) view() fyne.CanvasObject {
	return adminPage(
		b.backupHead, b.backupIntro, container.NewHBox(b.create), b.barText, b.bar, b.result.label,
		widget.NewSeparator(),
		b.restoreHead, b.restoreInt, container.NewHBox(b.restore), b.problem.label,
	)
}

func (b *backupSection) translate() {
	tr := b.s.u.tr
	b.backupHead.SetText(tr.T("admin.backup.head"))
	b.backupIntro.SetText(tr.T("admin.backup.intro"))
	b.create.SetText(tr.T("admin.backup.make"))
	b.barText.SetText(tr.T("admin.backup.working"))
	b.result.translate(tr)
	b.restoreHead.SetText(tr.T("admin.restore.head"))
	b.restoreInt.SetText(tr.T("admin.restore.intro"))
	b.restore.SetText(tr.T("admin.restore.choose"))
	b.problem.translate(tr)
}

func (b *backupSection) leave() {
	if b.asking != nil {
		b.asking.forget()
	}
}

// onMake asks where to save the backup.
func (b *backupSection) onMake() {
	u := b.s.u
	u.onInput()
	if b.busy || u.session == nil {
		return
	}
	fd := dialog.NewFileSave(b.onSaveChosen, u.win)
	fd.SetFileName(u.tr.T("admin.backup.file_name", map[string]any{"Date": u.now().Format(time.DateOnly)}))
	u.openDialog(fd)
}

func (b *backupSection) onSaveChosen(w fyne.URIWriteCloser, err error) {
	if err != nil {
		logUnexpected("choose where to save the backup", err)
		b.result.set(b.s.u.tr, notice{err: err})
		return
	}
	if w != nil {
		b.write(w)
	}
}

// write makes the backup at the place chosen, off the UI goroutine. Storage writes it whole
// beside the file and renames it over; the empty file the dialog made is removed if it fails.
func (b *backupSection) write(w fyne.URIWriteCloser) {
	u, sess, epoch := b.s.u, b.s.u.session, b.s.u.epoch
	uri := w.URI()
	_ = w.Close()
	if uri.Scheme() != "file" {
		_ = fynestorage.Delete(uri)
		b.result.set(u.tr, notice{id: "admin.backup.not_local"})
		return
	}
	b.setBusy(true)
	progress := barProgress(b.bar, func() bool { return u.epoch == epoch })
	var err error
	u.run(func() {
		err = sess.BackupWithProgress(uri.Path(), progress)
		if err != nil {
			_ = fynestorage.Delete(uri)
		}
	}, func() {
		if !b.s.current() {
			return
		}
		b.setBusy(false)
		if err != nil {
			logUnexpected("make a backup", err)
			b.result.set(u.tr, notice{err: err})
			return
		}
		b.result.set(u.tr, notice{id: "admin.backup.done", data: map[string]any{"File": uri.Name()}, info: true})
	})
}

func (b *backupSection) setBusy(busy bool) {
	b.busy = busy
	if busy {
		b.create.Disable()
		b.restore.Disable()
		b.result.set(b.s.u.tr, notice{})
		b.bar.SetValue(0)
		b.bar.Show()
		b.barText.Show()
		return
	}
	b.create.Enable()
	b.restore.Enable()
	b.bar.Hide()
	b.barText.Hide()
}

// barProgress is a storage.Progress that moves bar (0 to 1), on the UI goroutine, each time the
// job has gone a further hundredth of the way, while live says the window still wants it.
func barProgress(bar *widget.ProgressBar, live func() bool) func(done, total int64) {
	last := int64(-1)
	return func(done, total int64) {
		if total <= 0 {
			return
		}
		step := done * 100 / total
		if step == last {
			return
		}
		last = step
		fyne.Do(func() {
			if live() {
				bar.SetValue(float64(step) / 100)
			}
		})
	}
}
