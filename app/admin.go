package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// adminScreen is the organisation's side of Waymark, for administrators only: who can unlock
// the vault, how long closed cases are kept, backups, and the audit trail. Each is a tab; the
// sections do their slow work (key derivations, erasing, encrypting) off the UI goroutine and
// drop its result when the vault was locked meanwhile.
//
// A session opened with the recovery key lands here, on the advisers, because issuing a new
// one-time code is what a recovery is for.
type adminScreen struct {
	u     *ui
	epoch int
	tab   adminTab

	back      *widget.Button
	title     *widget.Label
	who       *widget.Label
	lock      *widget.Button
	advisers  *adviserSection
	retention *retentionSection
	backup    *backupSection
	audit     *auditSection
}

// adminTab is one of the Administration screen's sections, in the order of its tabs.
type adminTab int

const (
	adminAdvisers adminTab = iota
	adminRetention
	adminBackup
	adminAudit
)

// openAdmin shows the Administration screen on tab for an administrator; anyone else is left
// where they are (the menu item is disabled for them too).
func (u *ui) openAdmin(tab adminTab) {
	if !u.isAdmin() {
		return
	}
	if s, ok := u.current.(*adminScreen); ok {
		s.tab = tab
		u.redraw()
		return
	}
	u.show(newAdminScreen(u, tab))
}

// isAdmin reports whether the window's session may use the Administration screen.
func (u *ui) isAdmin() bool {
	return u.session != nil && u.session.Adviser().Role == storage.RoleAdmin
}

// recoverySession reports whether the session was opened with the recovery key rather than an
// adviser's passphrase; it has no account of its own in the adviser list.
func (u *ui) recoverySession() bool {
	return u.session != nil && u.session.Adviser().Name == recoveryName
}

// recoveryName is the name storage gives a session opened with the recovery key (a name no
// adviser may take).
const recoveryName = "recovery"

func newAdminScreen(u *ui, tab adminTab) *adminScreen {
	s := &adminScreen{u: u, epoch: u.epoch, tab: tab}
	s.back = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), s.onBack)
	s.title = heading()
	s.who = paragraph()
	s.lock = widget.NewButtonWithIcon("", lockIcon, u.onLock)
	s.advisers = newAdviserSection(s)
	s.retention = newRetentionSection(s)
	s.backup = newBackupSection(s)
	s.audit = newAuditSection(s)
	s.advisers.load()
	s.retention.load()
	return s
}

func (s *adminScreen) view() fyne.CanvasObject {
	tr := s.u.tr
	bar := container.NewBorder(nil, nil, s.back, s.lock, s.title)
	tabs := container.NewAppTabs(
		container.NewTabItem(tr.T("admin.tab.advisers"), s.advisers.view()),
		container.NewTabItem(tr.T("admin.tab.retention"), s.retention.view()),
		container.NewTabItem(tr.T("admin.tab.backup"), s.backup.view()),
		container.NewTabItem(tr.T("admin.tab.audit"), s.audit.view()),
	)
	tabs.SelectIndex(int(s.tab))
	tabs.OnSelected = func(*container.TabItem) {
		s.u.onInput()
		s.tab = adminTab(tabs.SelectedIndex())
		s.u.win.Canvas().Focus(s.focus()) // the keyboard follows to the section's first action
	}
	return container.NewPadded(container.NewBorder(container.NewVBox(bar, s.who), nil, nil, nil, tabs))
}

// focus puts the keyboard on the section's first action.
func (s *adminScreen) focus() fyne.Focusable {
	switch s.tab {
	case adminRetention:
		return s.retention.months
	case adminBackup:
		return s.backup.create
	case adminAudit:
		return s.audit.check
	}
	return s.advisers.add
}

// leave forgets the advisers, the cases due for erasure and anything typed.
func (s *adminScreen) leave() {
	s.advisers.leave()
	s.retention.leave()
	s.backup.leave()
}

func (s *adminScreen) translate() {
	tr := s.u.tr
	s.back.SetText(tr.T("case.back"))
	s.title.SetText(tr.T("admin.title"))
	s.lock.SetText(tr.T("app.cases.lock", map[string]any{"Keys": lockKeysText()}))
	switch {
	case s.u.recoverySession():
		s.who.SetText(tr.T("admin.signed_in_recovery"))
	case s.u.session != nil:
		s.who.SetText(tr.T("admin.signed_in", map[string]any{"Name": s.u.session.Adviser().Name}))
	}
	s.advisers.translate()
	s.retention.translate()
	s.backup.translate()
	s.audit.translate()
}

// current reports whether the screen is still on show for the session that started some
// work, so the work's result may be shown.
func (s *adminScreen) current() bool {
	return s.u.epoch == s.epoch && s.u.current == s && s.u.session != nil
}

func (s *adminScreen) onBack() {
	s.u.onInput()
	s.u.show(newCasesScreen(s.u))
}

// adminNotice words an error from an administration action: the few storage errors that need
// words of their own here, else the shared sentence for the error.
func adminNotice(err error) notice {
	switch {
	case errors.Is(err, storage.ErrAdviserDisabled):
		return notice{id: "admin.err.disabled"}
	case errors.Is(err, storage.ErrNotInvited):
		return notice{id: "admin.err.not_invited"}
	case errors.Is(err, storage.ErrInvitationPending):
		return notice{id: "admin.err.invitation_pending"}
	}
	return notice{err: err}
}

// adminWidth is how wide an Administration section grows: a row with an adviser's name and
// three buttons beside it, still short enough to read across.
const adminWidth float32 = 760

// adminPage is a section's body: its parts top to bottom in a readable column that scrolls when
// the window is short.
func adminPage(parts ...fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVScroll(container.New(column{width: adminWidth}, container.NewVBox(parts...)))
}

// adminConfirm is a question asked before an action that cannot be taken back: what it does in
// a sentence, Cancel, and a button naming the action. The buttons are the dialog's own, so a
// test taps the same button a person would.
type adminConfirm struct {
	dlg    *dialog.CustomDialog
	text   *widget.Label
	yes    *widget.Button
	no     *widget.Button
	chosen bool // yes was pressed (the dialog is closing to do it)
}

// confirm asks title and text with a button yes that runs then. extra, if not nil, goes under
// the text (a field to type into).
func (s *adminScreen) confirm(title, text, yes string, extra fyne.CanvasObject, then func()) *adminConfirm {
	u := s.u
	c := &adminConfirm{text: paragraph()}
	c.text.SetText(text)
	content := container.NewVBox(c.text)
	if extra != nil {
		content.Add(extra)
	}
	c.dlg = dialog.NewCustomWithoutButtons(title, newInputWatch(content, u.onInput), u.win)
	c.no = widget.NewButton(u.tr.T("common.cancel"), func() { u.onInput(); c.dlg.Hide() })
	c.yes = widget.NewButton(yes, func() {
		u.onInput()
		c.chosen = true
		c.dlg.Hide()
		then()
	})
	c.yes.Importance = widget.DangerImportance
	c.dlg.SetButtons([]fyne.CanvasObject{c.no, c.yes})
	u.openDialog(c.dlg)
	c.dlg.Resize(fyne.NewSize(pageWidth, c.dlg.MinSize().Height))
	return c
}
