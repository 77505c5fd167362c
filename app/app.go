// Package app is Waymark's desktop window: the screens that create the vault, show its recovery
// key once, unlock and lock it, list the cases, and open one: the guided eligibility interview
// beside its live results.
//
// The package builds widgets, binds them to state and hands every decision to the packages
// below: storage opens, unlocks and saves; eligibility/interview decides what to ask and
// eligibility what the answers give; locales gives every word; message words every error.
// Slow work (key derivation, the database, the PDF) runs off the UI goroutine through a runner
// and comes back with fyne.Do, so the window never freezes while a key is derived.
package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"waymark/app/assets"
	"waymark/app/message"
	"waymark/locales"
	"waymark/storage"
)

// AppID is Waymark's application id (as in FyneApp.toml); Fyne keeps preferences under it, so it
// must never change once released.
const AppID = "org.waymark.desktop"

// Config says which vault the window opens. main.go fills it from --vault or WAYMARK_VAULT.
type Config struct {
	VaultPath string           // "" means storage.DefaultPath()
	Storage   *storage.Options // nil means the production defaults
}

// Run opens the desktop window on the vault at cfg.VaultPath and returns when it is closed. A
// vault that cannot be opened (damaged, too new) is explained in the window rather than here,
// because a person who started Waymark from an icon never sees standard error.
func Run(cfg Config) error {
	path := cfg.VaultPath
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			return fmt.Errorf("find the vault: %w", err)
		}
		path = p
	}
	tightenGC()
	a := fyneapp.NewWithID(AppID)
	applyAppearance(a)
	a.SetIcon(assets.Icon)
	u := newUI(a, path, cfg.Storage, goRunner, time.Now)
	u.start()
	stop := u.watchIdle()
	rememberWindowSize(u)
	u.win.ShowAndRun()
	stop()
	u.shutdown()
	return nil
}

// runner runs slow work away from the UI goroutine and then calls done back on it. Production
// uses goRunner; tests use one they step by hand so every state in between can be looked at.
type runner func(work, done func())

// goRunner runs work on a new goroutine and done on the UI goroutine through fyne.Do.
func goRunner(work, done func()) {
	go func() {
		work()
		fyne.Do(done)
	}()
}

// screen is one state of the window. Each screen builds its widgets once; translate sets every
// word on them, and view arranges them in fresh containers, so changing the language redraws the
// screen at the new words' sizes without losing what was typed or where the keyboard was.
type screen interface {
	view() fyne.CanvasObject
	translate()
	focus() fyne.Focusable // where the keyboard goes when the screen appears; nil for nowhere
	leave()                // forget what the screen held (passphrases, keys, case data)
}

// ui is the window and what it knows: the vault, the open session if any, the language.
type ui struct {
	app  fyne.App
	win  fyne.Window
	path string
	opts *storage.Options
	run  runner
	now  func() time.Time
	tr   *locales.Translator
	idle *idleTimer

	vault   *storage.Vault
	session *storage.Session
	// epoch counts locks. Work started before a lock carries the old epoch, and its result is
	// dropped when it comes back, so no case data reaches a screen after the vault was locked.
	epoch int
	// home is what the home screen remembers between its visits in this session (home_recent.go).
	home homeMemory

	body     *fyne.Container
	current  screen
	dialogs  map[dialog.Dialog]struct{}
	menu     *fyne.Menu
	lockItem *fyne.MenuItem
	items    menuItems
	// releaseAfterList asks the next case-list load to hand memory back to the system: set by a
	// successful unlock, whose key derivation's working memory is garbage by then.
	releaseAfterList bool
}

func newUI(a fyne.App, path string, opts *storage.Options, run runner, now func() time.Time) *ui {
	u := &ui{
		app:     a,
		path:    path,
		opts:    opts,
		run:     run,
		now:     now,
		tr:      locales.New(startLanguage(a)),
		idle:    newIdleTimer(now),
		dialogs: map[dialog.Dialog]struct{}{},
	}
	u.win = a.NewWindow(u.tr.T("app.name"))
	u.win.SetIcon(assets.Icon)
	u.body = container.NewStack()
	u.win.SetContent(newInputWatch(u.body, u.onInput))
	watchKeys(u.win.Canvas(), u.onInput)
	u.buildLockControls()
	restoreWindowSize(u)
	return u
}

// start shows the first screen: set-up when there is no vault yet, otherwise unlock.
func (u *ui) start() {
	if !storage.Exists(u.path) {
		u.show(newSetupScreen(u))
		return
	}
	v, err := storage.Open(u.path, u.opts)
	if err != nil {
		logUnexpected("open vault", err)
		u.show(newProblemScreen(u, err))
		return
	}
	u.vault = v
	u.show(newUnlockScreen(u))
}

// shutdown locks and closes the vault when the window has gone.
func (u *ui) shutdown() {
	if u.session != nil {
		u.flushScreen()
		u.session.Lock()
		u.session = nil
	}
	if u.vault != nil {
		if err := u.vault.Close(); err != nil {
			logUnexpected("close vault", err)
		}
		u.vault = nil
	}
}

// flushScreen has a screen holding answers not yet in the vault write them now, while the
// vault is still unlocked: before a lock and before the window closes.
func (u *ui) flushScreen() {
	if f, ok := u.current.(interface{ flush() }); ok {
		f.flush()
	}
}

// show replaces the current screen with s.
func (u *ui) show(s screen) {
	if u.current != nil {
		u.current.leave()
	}
	u.current = s
	s.translate()
	u.body.Objects = []fyne.CanvasObject{s.view()}
	u.body.Refresh()
	if f := s.focus(); f != nil {
		u.win.Canvas().Focus(f)
	}
	u.updateLockControls()
}

// redraw lays the current screen out again after it changed what it shows (a case that
// finished loading), keeping it as the current screen.
func (u *ui) redraw() {
	if u.current == nil {
		return
	}
	u.current.translate()
	u.body.Objects = []fyne.CanvasObject{u.current.view()}
	u.body.Refresh()
	if f := u.current.focus(); f != nil {
		u.win.Canvas().Focus(f)
	}
	u.updateLockControls()
}

// onInput is called for every key press and pointer movement in the window.
func (u *ui) onInput() { u.idle.Touch() }

// openDialog shows d and remembers it, so locking can close it.
func (u *ui) openDialog(d dialog.Dialog) {
	u.dialogs[d] = struct{}{}
	d.SetOnClosed(func() { delete(u.dialogs, d) })
	d.Show()
}

// closeDialogs hides every dialog and pop-up over the window.
func (u *ui) closeDialogs() {
	open := make([]dialog.Dialog, 0, len(u.dialogs))
	for d := range u.dialogs {
		open = append(open, d)
	}
	for _, d := range open {
		d.Hide()
	}
	clear(u.dialogs)
	overlays := u.win.Canvas().Overlays()
	for _, o := range overlays.List() {
		overlays.Remove(o)
	}
}

// prefLanguage is the Fyne preference holding the adviser's interface language.
const prefLanguage = "language"

// startLanguage is the remembered interface language, else the system's if Waymark speaks it,
// else English.
func startLanguage(a fyne.App) string {
	if code := a.Preferences().String(prefLanguage); locales.IsShipped(code) {
		return code
	}
	sys, _, _ := strings.Cut(strings.ReplaceAll(string(lang.SystemLocale()), "_", "-"), "-")
	if code := strings.ToLower(sys); locales.IsShipped(code) {
		return code
	}
	return locales.Source
}

// setLanguage switches the interface language, remembers it and redraws what is on screen.
func (u *ui) setLanguage(code string) {
	if code == u.tr.Lang() || !locales.IsShipped(code) {
		return
	}
	u.app.Preferences().SetString(prefLanguage, code)
	u.tr = locales.New(code)
	u.win.SetTitle(u.tr.T("app.name"))
	u.translateLockControls()
	if u.current != nil {
		u.current.translate()
		u.body.Objects = []fyne.CanvasObject{u.current.view()}
		u.body.Refresh()
	}
}

// logUnexpected records an error nobody planned for, for whoever supports the laptop. Storage
// errors carry no personal data or key material (the storage contract), so the text is safe to log.
func logUnexpected(what string, err error) {
	for _, e := range expectedErrors {
		if errors.Is(err, e) {
			return
		}
	}
	fyne.LogError(what, err)
}

// expectedErrors are the errors a person causes and can put right from the screen that
// explains them; they are not worth a log line.
var expectedErrors = []error{
	storage.ErrWrongPassphrase,
	storage.ErrUnknownAdviser,
	storage.ErrDuplicateReference,
	storage.ErrWeakPassphrase,
	storage.ErrVaultExists,
	storage.ErrLocked,
	storage.ErrNotAdmin,
}

// problemScreen explains a vault that cannot be opened at all, and offers to quit.
type problemScreen struct {
	u     *ui
	err   error
	title *widget.Label
	text  *widget.Label
	path  *widget.Label
	quit  *widget.Button
}

func newProblemScreen(u *ui, err error) *problemScreen {
	s := &problemScreen{u: u, err: err}
	s.title = heading()
	s.text = paragraph()
	s.path = paragraph()
	s.path.TextStyle = fyne.TextStyle{Monospace: true}
	s.quit = widget.NewButton("", s.onQuit)
	return s
}

func (s *problemScreen) view() fyne.CanvasObject {
	return page(s.title, s.text, s.path, rightAligned(s.quit))
}

func (s *problemScreen) focus() fyne.Focusable { return s.quit }
func (s *problemScreen) leave()                {}

func (s *problemScreen) translate() {
	tr := s.u.tr
	s.title.SetText(tr.T("app.problem.title"))
	s.text.SetText(message.ForError(tr, s.err))
	s.path.SetText(tr.T("app.problem.path", map[string]any{"Path": s.u.path}))
	s.quit.SetText(tr.T("app.problem.quit"))
}

func (s *problemScreen) onQuit() { s.u.app.Quit() }
