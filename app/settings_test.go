package app

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"waymark/app/message"
	"waymark/locales"
	"waymark/storage"
)

const (
	adviserName = "Piotr Nowak"
	adviserPass = "harbour kettle saffron 7"
)

// settings is the open Settings dialog.
func (h *harness) settings() *settingsDialog {
	h.t.Helper()
	s := h.u.settingsOpen()
	if s == nil {
		h.t.Fatal("the Settings dialog is not open")
	}
	return s
}

// unlockedAsAdviser opens the window on a vault with an admin and an adviser (not an admin),
// and unlocks it as the adviser.
func unlockedAsAdviser(t *testing.T) *harness {
	t.Helper()
	path := newVault(t)
	v, err := storage.Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	sess, err := v.Unlock(adminName, []byte(adminPass))
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.AddAdviser(adviserName, storage.RoleAdviser, []byte(adviserPass)); err != nil {
		t.Fatal(err)
	}
	sess.Lock()
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, path, "en")
	h.unlockScreen().adviser.SetSelected(adviserName)
	h.unlock(adviserPass)
	h.cases()
	if h.u.session.Adviser().Role != storage.RoleAdviser {
		t.Fatalf("unlocked as %+v, want an adviser", h.u.session.Adviser())
	}
	return h
}

func TestSettingsOpensFromTheMenuLockedAndUnlocked(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	if h.u.items.settings.Disabled {
		t.Fatal("Settings is disabled in the menu while locked")
	}
	h.pressShortcut(settingsShortcut)
	s := h.settings()
	if s.idleBox.Visible() {
		t.Error("the vault's idle time is shown while the vault is locked")
	}
	if h.canvas().Focused() != s.language {
		t.Error("the keyboard is not in the first setting")
	}
	h.u.openSettings()
	if n := len(h.u.dialogs); n != 1 {
		t.Errorf("opening Settings twice gave %d dialogs", n)
	}
	test.Tap(s.close)
	if h.u.settingsOpen() != nil || len(h.canvas().Overlays().List()) != 0 {
		t.Error("Close left the dialog open")
	}

	h.unlock(adminPass)
	h.u.openSettings()
	if s := h.settings(); !s.idleBox.Visible() || s.idle.Disabled() {
		t.Error("an unlocked admin does not see the idle time, or cannot change it")
	}
}

func TestSettingsTextSizeAndColoursApplyAndAreRemembered(t *testing.T) {
	tests := []struct {
		name string
		look appearance
	}{
		{"large", appearance{textLarge, coloursSystem}},
		{"larger", appearance{textLarger, coloursSystem}},
		{"light", appearance{textNormal, coloursLight}},
		{"dark", appearance{textNormal, coloursDark}},
		{"high contrast, larger", appearance{textLarger, coloursContrast}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := unlocked(t)
			base := h.app.Settings().Theme()
			baseText := theme.TextSize()
			s := h.u.showSettings()
			s.size.SetSelected(s.size.Options[slices.Index(textSizes, tc.look.text)])
			s.colours.SetSelected(s.colours.Options[slices.Index(colourChoices, tc.look.colours)])

			w, ok := h.app.Settings().Theme().(*appearanceTheme)
			if !ok || w.look != tc.look || w.base != base {
				t.Fatalf("theme in use %T %+v, want %+v over the app's theme", h.app.Settings().Theme(), w, tc.look)
			}
			if got, want := theme.TextSize(), baseText*tc.look.text.scale(); got != want {
				t.Errorf("text size in use %v, want %v", got, want)
			}
			if tc.look.colours == coloursContrast {
				if got := theme.Color(theme.ColorNameBackground); contrastRatio(got, hcBlack) != 1 {
					t.Errorf("background in use %v, want black", got)
				}
			}
			if got := loadAppearance(h.app.Preferences()); got != tc.look {
				t.Errorf("remembered %+v, want %+v", got, tc.look)
			}

			// The next start, on this laptop account, looks the same.
			next := test.NewTempApp(t)
			nextBase := next.Settings().Theme()
			look := loadAppearance(h.app.Preferences())
			look.save(next.Preferences())
			applyAppearance(next)
			if w, ok := next.Settings().Theme().(*appearanceTheme); !ok || w.look != tc.look || w.base != nextBase {
				t.Errorf("the next start has theme %T, want %+v", next.Settings().Theme(), tc.look)
			}
		})
	}
}

func TestSettingsBackToPlainRestoresTheAppTheme(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	base := h.app.Settings().Theme()
	s := h.u.showSettings()
	s.colours.SetSelected(s.colours.Options[3])
	s.size.SetSelected(s.size.Options[2])
	s.colours.SetSelected(s.colours.Options[0])
	s.size.SetSelected(s.size.Options[0])
	if got := h.app.Settings().Theme(); got != base {
		t.Errorf("theme %T after choosing the plain look again, want the app's own", got)
	}
	if got := loadAppearance(h.app.Preferences()); got != plain {
		t.Errorf("remembered %+v, want plain", got)
	}
}

func TestSettingsLanguageSwitchesEverything(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	under := h.unlockScreen()
	test.Type(under.pass, "half")
	h.u.openSettings()
	h.settings().language.SetSelected("Polski")

	pl := locales.New("pl")
	s := h.settings()
	checks := []struct{ name, got, want string }{
		{"preference", h.app.Preferences().String(prefLanguage), "pl"},
		{"translator", h.u.tr.Lang(), "pl"},
		{"settings label", s.langLabel.Text, pl.T("settings.language")},
		{"text size option", s.size.Options[1], pl.T("settings.text_size.large")},
		{"close", s.close.Text, pl.T("settings.close")},
		{"screen under the dialog", under.title.Text, pl.T("app.unlock.title")},
		{"menu", h.u.items.settings.Label, pl.T("casework.menu.settings")},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if s.language.Selected != "Polski" || h.canvas().Focused() != s.language {
		t.Errorf("the reopened dialog shows %q, focus on %T", s.language.Selected, h.canvas().Focused())
	}
	if n := len(h.u.dialogs); n != 1 {
		t.Errorf("%d dialogs open after the switch, want 1", n)
	}
	if under.pass.Text != "half" || h.u.current != under {
		t.Error("switching language lost the screen under the dialog")
	}
}

func TestSettingsKeepChoicesWhenRelabelled(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	s := h.u.showSettings()
	s.size.SetSelected(s.size.Options[1])
	s.colours.SetSelected(s.colours.Options[2])
	h.u.tr = locales.New("ro")
	s.translate()
	ro := locales.New("ro")
	if s.size.Selected != ro.T("settings.text_size.large") || s.colours.Selected != ro.T("settings.colours.dark") {
		t.Errorf("after relabelling: size %q, colours %q", s.size.Selected, s.colours.Selected)
	}
	if got := loadAppearance(h.app.Preferences()); got != (appearance{textLarge, coloursDark}) {
		t.Errorf("relabelling changed the remembered look to %+v", got)
	}
}

func TestSettingsAdminChangesIdleMinutesAndTheTimerUsesThem(t *testing.T) {
	h := unlocked(t)
	if got := h.u.idle.Limit(); got != 5*time.Minute {
		t.Fatalf("idle limit at unlock %v, want the vault's default 5m", got)
	}
	s := h.u.showSettings()
	if want := h.u.tr.N("settings.idle_minutes", 5); s.idle.Selected != want {
		t.Errorf("idle shows %q, want %q", s.idle.Selected, want)
	}

	h.clock.advance(4 * time.Minute) // most of the old limit gone: the new one counts from the change
	s.idle.SetSelected(h.u.tr.N("settings.idle_minutes", 10))
	if h.run.pending() != 1 || !s.idle.Disabled() || s.idleNote.label.Text != h.u.tr.T("settings.idle_saving") {
		t.Fatalf("while saving: %d jobs, disabled %v, note %q", h.run.pending(), s.idle.Disabled(), s.idleNote.label.Text)
	}
	if h.u.idle.Limit() != 5*time.Minute {
		t.Error("the timer changed before the vault stored the new time")
	}
	h.run.flush()
	if got := h.u.idle.Limit(); got != 10*time.Minute {
		t.Fatalf("idle limit after saving %v, want 10m", got)
	}
	if s.idle.Disabled() || s.idleNote.label.Text != h.u.tr.N("settings.idle_saved", 10) {
		t.Errorf("after saving: disabled %v, note %q", s.idle.Disabled(), s.idleNote.label.Text)
	}
	if n, err := h.u.session.IdleLockMinutes(); err != nil || n != 10 {
		t.Errorf("vault holds %d (%v), want 10", n, err)
	}

	h.clock.advance(10*time.Minute - time.Second)
	h.u.checkIdle()
	if h.u.session == nil {
		t.Fatal("locked before the new limit")
	}
	h.clock.advance(time.Second)
	h.u.checkIdle()
	if h.u.session != nil {
		t.Fatal("not locked at the new limit")
	}
	if h.u.settingsOpen() != nil {
		t.Error("the Settings dialog stayed open over the locked vault")
	}
	want := h.u.tr.N("app.unlock.idle_locked", 10)
	if got := h.unlockScreen().locked.label.Text; got != want {
		t.Errorf("unlock screen says %q, want %q", got, want)
	}

	// The next unlock reads the new time from the vault.
	h.run.flush() // the unlock screen's adviser list
	h.unlock(adminPass)
	if got := h.u.idle.Limit(); got != 10*time.Minute {
		t.Errorf("idle limit after unlocking again %v, want 10m", got)
	}
}

func TestSettingsAdviserCannotChangeIdleMinutes(t *testing.T) {
	h := unlockedAsAdviser(t)
	s := h.u.showSettings()
	if !s.idleBox.Visible() {
		t.Fatal("an adviser does not see the idle time")
	}
	if !s.idle.Disabled() {
		t.Error("an adviser can change the idle time")
	}
	if got, want := s.idleNote.label.Text, h.u.tr.T("settings.idle_admin_only"); got != want || !s.idleNote.label.Visible() {
		t.Errorf("note %q (visible %v), want %q", got, s.idleNote.label.Visible(), want)
	}

	// Even if the choice is made programmatically, nothing is written and the timer is unchanged.
	s.idle.SetSelected(h.u.tr.N("settings.idle_minutes", 60))
	h.run.flush()
	if got := h.u.idle.Limit(); got != 5*time.Minute {
		t.Errorf("idle limit %v, want 5m unchanged", got)
	}
	if want := h.u.tr.N("settings.idle_minutes", 5); s.idle.Selected != want {
		t.Errorf("idle shows %q, want it back at %q", s.idle.Selected, want)
	}
	if got, want := s.idleNote.label.Text, message.ForError(h.u.tr, storage.ErrNotAdmin); got != want {
		t.Errorf("note %q, want %q", got, want)
	}
	if n, err := h.u.session.IdleLockMinutes(); err != nil || n != 5 {
		t.Errorf("vault holds %d (%v), want 5", n, err)
	}
}

func TestSettingsIdleRefusedByTheVault(t *testing.T) {
	h := unlocked(t)
	s := h.u.showSettings()
	sess := h.u.session
	s.idle.SetSelected(h.u.tr.N("settings.idle_minutes", 30))
	sess.Lock() // the vault refuses the write (as it would a damaged file) after the choice was made
	h.run.flush()
	if got := h.u.idle.Limit(); got != 5*time.Minute {
		t.Errorf("idle limit %v after a refused save, want 5m", got)
	}
	if want := h.u.tr.N("settings.idle_minutes", 5); s.idle.Selected != want || s.idle.Disabled() {
		t.Errorf("idle shows %q (disabled %v), want %q", s.idle.Selected, s.idle.Disabled(), want)
	}
	if got, want := s.idleNote.label.Text, message.ForError(h.u.tr, storage.ErrLocked); got != want {
		t.Errorf("note %q, want %q", got, want)
	}
}

func TestSettingsIdleSaveFinishingAfterALockIsDropped(t *testing.T) {
	h := unlocked(t)
	s := h.u.showSettings()
	s.idle.SetSelected(h.u.tr.N("settings.idle_minutes", 15))
	h.pressShortcut(lockShortcut)
	h.run.flush()
	if h.u.idle.Limit() != 0 {
		t.Error("a save finishing after the lock restarted the idle timer")
	}
	if h.u.settingsOpen() != nil || len(h.canvas().Overlays().List()) != 0 {
		t.Error("the Settings dialog survived the lock")
	}
}

func TestSettingsIdleListsAnUnusualValue(t *testing.T) {
	h := unlocked(t)
	if err := h.u.session.SetIdleLockMinutes(7); err != nil {
		t.Fatal(err)
	}
	h.u.idle.Start(idleMinutes(7))
	s := h.u.showSettings()
	if want := h.u.tr.N("settings.idle_minutes", 7); s.idle.Selected != want {
		t.Errorf("idle shows %q, want %q", s.idle.Selected, want)
	}
	for i := 1; i < len(s.idleValues); i++ {
		if s.idleValues[i] <= s.idleValues[i-1] {
			t.Fatalf("idle choices out of order: %v", s.idleValues)
		}
	}
	for _, m := range s.idleValues {
		if m < 1 || m > 120 {
			t.Errorf("offers %d minutes, outside what the vault accepts", m)
		}
	}
}

func TestSettingsIdleWordsInEveryLanguage(t *testing.T) {
	for _, l := range locales.Shipped() {
		tr := locales.New(l.Code)
		for _, m := range idleChoices {
			if got := tr.N("settings.idle_minutes", m); got == "" || got[0] == '[' {
				t.Errorf("%s: %d minutes reads %q", l.Code, m, got)
			}
		}
	}
}

func TestWindowSizeIsRememberedAcrossStarts(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	rememberWindowSize(h.u)
	h.u.win.Resize(fyne.NewSize(1280, 900))
	h.u.win.Close()
	p := h.app.Preferences()
	if w, hh := p.Float(prefWindowWidth), p.Float(prefWindowHeight); w != 1280 || hh != 900 {
		t.Fatalf("saved %vx%v, want 1280x900", w, hh)
	}

	next := newHarness(t, newVault(t), "en")
	next.app.Preferences().SetFloat(prefWindowWidth, p.Float(prefWindowWidth))
	next.app.Preferences().SetFloat(prefWindowHeight, p.Float(prefWindowHeight))
	restoreWindowSize(next.u)
	if got := next.u.win.Canvas().Size(); got != fyne.NewSize(1280, 900) {
		t.Errorf("restored %v, want 1280x900", got)
	}
}

func TestRememberedWindowSize(t *testing.T) {
	tests := []struct {
		name string
		w, h float64 // 0 for not saved
		want fyne.Size
	}{
		{"first start", 0, 0, defaultWindowSize},
		{"saved", 1366, 768, fyne.NewSize(1366, 768)},
		{"smaller than the design size but usable", 900, 640, fyne.NewSize(900, 640)},
		{"at the smallest kept", 400, 300, fyne.NewSize(400, 300)},
		{"minimised as it closed", 399, 300, defaultWindowSize},
		{"no height", 1200, 0, defaultWindowSize},
		{"damaged", -5, 800, defaultWindowSize},
		{"absurd", 100000, 800, defaultWindowSize},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			if tc.w != 0 || tc.h != 0 {
				a.Preferences().SetFloat(prefWindowWidth, tc.w)
				a.Preferences().SetFloat(prefWindowHeight, tc.h)
			}
			if got := rememberedWindowSize(a.Preferences()); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
