package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"waymark/app/message"
	"waymark/locales"
	"waymark/storage"
)

func TestLanguageSwitchRedrawsUnlockInPolish(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	s := h.unlockScreen()
	test.Type(s.pass, "wrong passphrase")
	test.Tap(s.unlock)
	h.run.flush()
	test.Type(s.pass, "half typ")

	s.lang.choice.SetSelected("Polski")

	pl := locales.New("pl")
	checks := []struct{ name, got, want string }{
		{"title", s.title.Text, pl.T("app.unlock.title")},
		{"button", s.unlock.Text, pl.T("app.unlock.unlock")},
		{"adviser label", s.adviserLabel.Text, pl.T("app.unlock.adviser")},
		{"error", s.problem.label.Text, message.ForError(pl, storage.ErrWrongPassphrase)},
		{"language label", s.lang.label.Text, pl.T("app.language.label")},
		{"menu", h.u.lockItem.Label, pl.T("app.menu.lock")},
		{"window title", h.u.win.Title(), pl.T("app.name")},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if s.title.Text == locales.New("en").T("app.unlock.title") {
		t.Error("title still in English")
	}
	if s.pass.Text != "half typ" {
		t.Error("the redraw lost what was typed")
	}
	if got := h.app.Preferences().String(prefLanguage); got != "pl" {
		t.Errorf("remembered language = %q, want pl", got)
	}
}

func TestLanguageIsRememberedAcrossStarts(t *testing.T) {
	path := newVault(t)
	h := newHarness(t, path, "ro")
	s := h.unlockScreen()
	if want := locales.New("ro").T("app.unlock.title"); s.title.Text != want {
		t.Errorf("title = %q, want %q", s.title.Text, want)
	}
	if s.lang.choice.Selected != "Română" {
		t.Errorf("picker shows %q, want Română", s.lang.choice.Selected)
	}
}

func TestLanguageSwitchOnSetUp(t *testing.T) {
	h := newHarness(t, freshPath(t), "en")
	s := h.setup()
	test.Type(s.name, adminName)
	s.lang.choice.SetSelected("Română")
	ro := locales.New("ro")
	if s.title.Text != ro.T("app.setup.title") || s.create.Text != ro.T("app.setup.create") {
		t.Errorf("set-up not redrawn in Romanian: %q / %q", s.title.Text, s.create.Text)
	}
	if s.hint.Text != ro.N("app.setup.passphrase_hint", storage.MinPassphraseLen) {
		t.Errorf("hint = %q", s.hint.Text)
	}
	if s.name.Text != adminName {
		t.Error("the redraw lost the name typed")
	}
}

func TestUnknownPreferenceFallsBack(t *testing.T) {
	h := newHarness(t, newVault(t), "xx")
	if !locales.IsShipped(h.u.tr.Lang()) {
		t.Errorf("language %q is not shipped", h.u.tr.Lang())
	}
}
