package app

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"waymark/locales"
	"waymark/storage"
)

// settingsDialog is the Settings dialog: the interface language, the text size and the colours
// for whoever uses this laptop account, and, once the vault is unlocked, how long the vault waits
// without input before it locks itself. Every choice takes effect as it is made; there is
// nothing to confirm, so Close is the only button.
//
// The idle time is the organisation's rule, kept in the vault: an adviser sees it, and only an
// administrator can change it.
type settingsDialog struct {
	*dialog.CustomDialog
	u *ui

	langLabel  *widget.Label
	langHint   *widget.Label
	language   *widget.Select
	langCodes  []string
	sizeLabel  *widget.Label
	size       *widget.RadioGroup
	themeLabel *widget.Label
	colours    *widget.RadioGroup
	lookHint   *widget.Label
	idleBox    *fyne.Container
	idleLabel  *widget.Label
	idle       *widget.Select
	idleHint   *widget.Label
	idleNote   *noticeLabel
	idleValues []int // minutes, in the order of idle's options
	saving     bool
	close      *widget.Button
	form       *fyne.Container
	scroll     *container.Scroll
}

// idleChoices are the idle periods offered, in minutes, within what the vault accepts (1..120).
var idleChoices = []int{1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120}

// openSettings shows the Settings dialog, or brings the keyboard back to it when it is open.
// It works locked and unlocked: the language, text size and colours matter before anyone has
// unlocked, on the screens they unlock with.
func (u *ui) openSettings() { u.showSettings() }

// showSettings is openSettings returning the dialog, for the tests.
func (u *ui) showSettings() *settingsDialog {
	if s := u.settingsOpen(); s != nil {
		u.win.Canvas().Focus(s.language)
		return s
	}
	s := newSettingsDialog(u)
	u.openDialog(s)
	s.fit()
	u.win.Canvas().Focus(s.language)
	return s
}

// settingsOpen is the Settings dialog if it is open.
func (u *ui) settingsOpen() *settingsDialog {
	for d := range u.dialogs {
		if s, ok := d.(*settingsDialog); ok {
			return s
		}
	}
	return nil
}

func newSettingsDialog(u *ui) *settingsDialog {
	s := &settingsDialog{u: u}
	s.langLabel = fieldLabel()
	s.langHint = paragraph()
	var names []string
	for _, l := range locales.Shipped() {
		s.langCodes = append(s.langCodes, l.Code)
		names = append(names, l.Native) // each language in itself, as on the unlock screen
	}
	s.language = widget.NewSelect(names, nil)
	s.language.SetSelectedIndex(max(0, slices.Index(s.langCodes, u.tr.Lang())))
	s.language.OnChanged = s.onLanguage

	look := loadAppearance(u.app.Preferences())
	s.sizeLabel = fieldLabel()
	s.size = widget.NewRadioGroup(make([]string, len(textSizes)), nil)
	s.size.Required = true
	s.themeLabel = fieldLabel()
	s.colours = widget.NewRadioGroup(make([]string, len(colourChoices)), nil)
	s.colours.Required = true
	s.lookHint = paragraph()

	s.idleLabel = fieldLabel()
	s.idle = widget.NewSelect(nil, nil)
	s.idleHint = paragraph()
	s.idleNote = newNoticeLabel()
	s.idleBox = container.NewVBox(s.idleLabel, s.idle, s.idleHint, s.idleNote.label)

	s.close = widget.NewButton("", func() { s.Hide() })
	s.close.Importance = widget.HighImportance

	s.translate()
	s.size.SetSelected(s.size.Options[slices.Index(textSizes, look.text)])
	s.colours.SetSelected(s.colours.Options[slices.Index(colourChoices, look.colours)])
	s.size.OnChanged = func(string) { s.onAppearance() }
	s.colours.OnChanged = func(string) { s.onAppearance() }
	s.showIdle()
	s.idle.OnChanged = s.onIdle

	// Two columns keep the whole dialog on a 1024x700 screen at the normal text size: what the
	// screens say and how long the vault waits side by side, then how the text looks.
	s.form = container.NewVBox(
		container.NewGridWithColumns(2,
			container.NewVBox(s.langLabel, s.language, s.langHint),
			s.idleBox,
		),
		widget.NewSeparator(),
		container.NewGridWithColumns(2,
			container.NewVBox(s.sizeLabel, s.size),
			container.NewVBox(s.themeLabel, s.colours),
		),
		s.lookHint,
	)
	s.scroll = container.NewVScroll(s.form)
	s.CustomDialog = dialog.NewCustomWithoutButtons(u.tr.T("settings.title"),
		newInputWatch(s.scroll, u.onInput), u.win)
	s.SetButtons([]fyne.CanvasObject{s.close})
	return s
}

// settingsWidth is the dialog's width: two columns of a form, each about as wide as the
// shortest readable line.
const settingsWidth float32 = 760

// fit sizes the dialog to show all its content at settingsWidth, or wider when larger text
// needs it; when the window is too short for that, the content scrolls inside the dialog.
func (s *settingsDialog) fit() {
	least := s.MinSize()
	full := least.Height - s.scroll.MinSize().Height + s.form.MinSize().Height
	win := s.u.win.Canvas().Size()
	w := max(least.Width, min(max(settingsWidth, least.Width), win.Width*0.95))
	s.Resize(fyne.NewSize(w, max(least.Height, min(full, win.Height*0.9))))
}

// translate words every label in the interface language. The radio buttons are relabelled in
// place, keeping the choice.
func (s *settingsDialog) translate() {
	tr := s.u.tr
	s.langLabel.SetText(tr.T("settings.language"))
	s.langHint.SetText(tr.T("settings.language_hint"))
	s.sizeLabel.SetText(tr.T("settings.text_size"))
	relabel(s.size, textLabels(tr))
	s.themeLabel.SetText(tr.T("settings.colours"))
	relabel(s.colours, colourLabels(tr))
	s.lookHint.SetText(tr.T("settings.appearance_hint"))
	s.idleLabel.SetText(tr.T("settings.idle"))
	s.idleHint.SetText(tr.T("settings.idle_hint"))
	s.idleNote.translate(tr)
	s.close.SetText(tr.T("settings.close"))
	if s.idle.Options != nil {
		s.fillIdle(s.currentIdleMinutes())
	}
}

func textLabels(tr *locales.Translator) []string {
	out := make([]string, len(textSizes))
	for i, t := range textSizes {
		out[i] = tr.T("settings.text_size." + string(t))
	}
	return out
}

func colourLabels(tr *locales.Translator) []string {
	out := make([]string, len(colourChoices))
	for i, c := range colourChoices {
		out[i] = tr.T("settings.colours." + string(c))
	}
	return out
}

// relabel gives a radio group new option texts in the same order, keeping which one is chosen
// without calling its OnChanged.
func relabel(g *widget.RadioGroup, labels []string) {
	chosen := slices.Index(g.Options, g.Selected)
	on := g.OnChanged
	g.OnChanged = nil
	g.Options = labels
	if chosen >= 0 {
		g.Selected = labels[chosen]
	}
	g.Refresh()
	g.OnChanged = on
}

// onLanguage switches the interface language as the unlock screen's picker does, and opens the
// dialog again in it (a dialog's title is fixed when it is made).
func (s *settingsDialog) onLanguage(string) {
	s.u.onInput()
	i := s.language.SelectedIndex()
	if i < 0 || s.langCodes[i] == s.u.tr.Lang() {
		return
	}
	s.u.setLanguage(s.langCodes[i])
	s.Hide()
	s.u.showSettings()
}

// onAppearance remembers the text size and colours chosen and applies them at once.
func (s *settingsDialog) onAppearance() {
	s.u.onInput()
	look := loadAppearance(s.u.app.Preferences())
	if i := slices.Index(s.size.Options, s.size.Selected); i >= 0 {
		look.text = textSizes[i]
	}
	if i := slices.Index(s.colours.Options, s.colours.Selected); i >= 0 {
		look.colours = colourChoices[i]
	}
	look.save(s.u.app.Preferences())
	setAppearance(s.u.app, look)
	s.fit()
}

// isAdmin reports whether the unlocked adviser may change the vault's settings.
func (s *settingsDialog) isAdmin() bool {
	return s.u.session != nil && s.u.session.Adviser().Role == storage.RoleAdmin
}

// currentIdleMinutes is the idle period the running timer uses, which is the vault's setting as
// read at unlock or as last saved here.
func (s *settingsDialog) currentIdleMinutes() int {
	if m := int(s.u.idle.Limit() / time.Minute); m > 0 {
		return m
	}
	return fallbackIdleMinutes
}

// showIdle shows the idle period only while the vault is unlocked (it is the vault's), and lets
// only an administrator change it.
func (s *settingsDialog) showIdle() {
	if s.u.session == nil {
		s.idleBox.Hide()
		return
	}
	s.fillIdle(s.currentIdleMinutes())
	if s.isAdmin() {
		s.idle.Enable()
		return
	}
	s.idle.Disable()
	s.idleNote.set(s.u.tr, notice{id: "settings.idle_admin_only", info: true})
}

// fillIdle lists the idle periods with current chosen; a period set another way (from the
// command line) that is not among the usual ones is listed too, in its place.
func (s *settingsDialog) fillIdle(current int) {
	values := append([]int(nil), idleChoices...)
	if slices.Index(values, current) < 0 {
		values = append(values, current)
		slices.Sort(values)
	}
	labels := make([]string, len(values))
	for i, m := range values {
		labels[i] = s.u.tr.N("settings.idle_minutes", m)
	}
	on := s.idle.OnChanged
	s.idle.OnChanged = nil
	s.idleValues = values
	s.idle.SetOptions(labels)
	s.idle.SetSelectedIndex(slices.Index(values, current))
	s.idle.OnChanged = on
}

// onIdle saves a new idle period in the vault, off the UI goroutine, and once it is stored
// restarts the running idle timer with it, so the new limit counts from now.
func (s *settingsDialog) onIdle(string) {
	s.u.onInput()
	i := s.idle.SelectedIndex()
	current := s.currentIdleMinutes()
	if i < 0 || s.saving || s.idleValues[i] == current {
		return
	}
	sess := s.u.session
	if sess == nil || !s.isAdmin() {
		s.fillIdle(current)
		s.idleNote.set(s.u.tr, notice{err: storage.ErrNotAdmin})
		return
	}
	minutes, epoch := s.idleValues[i], s.u.epoch
	s.setSaving(true)
	var err error
	s.u.run(func() {
		err = sess.SetIdleLockMinutes(minutes)
	}, func() {
		s.onIdleSaved(epoch, minutes, err)
	})
}

func (s *settingsDialog) onIdleSaved(epoch, minutes int, err error) {
	if s.u.epoch != epoch {
		return // locked meanwhile: the dialog is gone and the next unlock reads the vault again
	}
	s.setSaving(false)
	if err != nil {
		logUnexpected("save idle setting", err)
		s.fillIdle(s.currentIdleMinutes())
		s.idleNote.set(s.u.tr, notice{err: err})
		return
	}
	s.u.idle.Start(idleMinutes(minutes))
	s.idleNote.set(s.u.tr, notice{id: "settings.idle_saved", plural: true, count: minutes, info: true})
}

func (s *settingsDialog) setSaving(saving bool) {
	s.saving = saving
	if saving {
		s.idle.Disable()
		s.idleNote.set(s.u.tr, notice{id: "settings.idle_saving", info: true})
		return
	}
	s.idle.Enable()
}
