package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"waymark/storage"
)

// assertLocked checks everything locking promises: the session's key is gone, no dialog or
// case data is left on screen, and the unlock screen is back.
func assertLocked(t *testing.T, h *harness, was *casesScreen) {
	t.Helper()
	if h.u.session != nil {
		t.Fatal("the window still holds a session")
	}
	h.unlockScreen()
	if len(h.u.dialogs) != 0 || len(h.canvas().Overlays().List()) != 0 {
		t.Error("a dialog is still open after locking")
	}
	if was.cases.Length() != 0 || was.form != nil {
		t.Error("the case list still holds cases after locking")
	}
	if !h.u.lockItem.Disabled {
		t.Error("Lock in the menu still enabled while locked")
	}
	if h.u.idle.Limit() != 0 {
		t.Error("idle timer still running while locked")
	}
}

func TestLockWaysAllLock(t *testing.T) {
	ways := []struct {
		name string
		lock func(h *harness, c *casesScreen)
	}{
		{"Ctrl+L", func(h *harness, _ *casesScreen) {
			h.pressShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault})
		}},
		{"toolbar button", func(_ *harness, c *casesScreen) { test.Tap(c.lock) }},
		{"menu item", func(h *harness, _ *casesScreen) { h.u.lockItem.Action() }},
	}
	for _, w := range ways {
		t.Run(w.name, func(t *testing.T) {
			h := unlocked(t)
			h.addCase("WM-1", "Maria", "Română")
			c := h.cases()
			test.Tap(c.newCase) // a dialog open with half-typed data must close too
			test.Type(h.openForm().reference, "WM-2")
			sess := h.u.session
			w.lock(h, c)
			if !sess.Locked() {
				t.Fatal("session not locked")
			}
			assertLocked(t, h, c)
			if s := h.unlockScreen(); s.locked.label.Visible() {
				t.Error("asked-for lock is reported as an idle lock")
			}
		})
	}
}

func TestLockShortcutIsInTheMenu(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	if h.u.lockItem.Shortcut != lockShortcut {
		t.Fatal("the Lock menu item does not show Ctrl+L")
	}
	sc, ok := h.u.lockItem.Shortcut.(interface{ ShortcutName() string })
	if !ok || sc.ShortcutName() != lockShortcut.ShortcutName() {
		t.Error("shortcut name differs")
	}
	if lockShortcut.KeyName != fyne.KeyL || lockShortcut.Modifier != fyne.KeyModifierShortcutDefault {
		t.Errorf("lock shortcut = %v", lockShortcut.ShortcutName())
	}
	main := h.u.win.MainMenu()
	if main == nil || len(main.Items) == 0 || main.Items[0].Items[0] != h.u.lockItem {
		t.Error("Lock is not the first item of the first menu")
	}
}

func TestLockWhileLockedDoesNothing(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	s := h.unlockScreen()
	h.pressShortcut(lockShortcut)
	if h.u.current != s {
		t.Error("locking while locked replaced the unlock screen")
	}
}

func TestResultsAfterLockAreDropped(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	s := h.unlockScreen()
	test.Type(s.pass, adminPass)
	test.Tap(s.unlock)
	h.run.step() // the key derivation comes back; the case list load is queued
	c := h.cases()
	if h.run.pending() != 1 {
		t.Fatalf("%d jobs queued, want the case list load", h.run.pending())
	}
	h.addCaseDirect(t, "WM-7")
	h.u.onLock()
	h.run.flush() // the list load finishes after the lock
	if c.cases.Length() != 0 {
		t.Error("a case list read before the lock reached the screen after it")
	}
	assertLocked(t, h, c)
}

// pressShortcut presses a key combination as the desktop driver handles it: the main menu is
// asked first, whatever has the focus (internal/driver/glfw/window.go, triggerMainMenuShortcut).
// The test canvas offers no way to type a shortcut, so the menu lookup is done here by name.
func (h *harness) pressShortcut(s fyne.Shortcut) {
	h.t.Helper()
	main := h.u.win.MainMenu()
	if main == nil {
		h.t.Fatal("the window has no main menu")
	}
	for _, m := range main.Items {
		for _, item := range m.Items {
			if item.Shortcut != nil && item.Shortcut.ShortcutName() == s.ShortcutName() {
				if !item.Disabled {
					item.Action()
				}
				return
			}
		}
	}
	h.t.Fatalf("no menu item answers %s", s.ShortcutName())
}

// addCaseDirect puts a case in the vault without the window, through the open session.
func (h *harness) addCaseDirect(t *testing.T, ref string) {
	t.Helper()
	if _, err := h.u.session.CreateCase(storage.Case{Reference: ref, Language: "en"}); err != nil {
		t.Fatal(err)
	}
}

func TestIdleLocksAfterTheLimitAndInputPutsItOff(t *testing.T) {
	h := unlocked(t)
	c := h.cases()
	limit := h.u.idle.Limit()

	h.clock.advance(limit - time.Second)
	h.u.checkIdle()
	if h.u.session == nil {
		t.Fatal("locked before the idle limit")
	}

	// Each kind of input starts the quiet period again.
	inputs := []struct {
		name string
		do   func()
	}{
		{"pointer over the window", func() {
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.who)
			test.MoveMouse(h.canvas(), pos.Add(fyne.NewPos(2, 2)))
		}},
		{"key with nothing focused", func() { h.canvas().Unfocus(); test.TypeOnCanvas(h.canvas(), "x") }},
		{"typing in a field", func() {
			test.Tap(c.newCase)
			test.Type(h.openForm().reference, "WM-")
		}},
	}
	for _, in := range inputs {
		h.clock.advance(limit - time.Second)
		in.do()
		h.clock.advance(limit - time.Second)
		h.u.checkIdle()
		if h.u.session == nil {
			t.Fatalf("%s: locked although there was input %v ago", in.name, limit-time.Second)
		}
	}

	h.clock.advance(time.Second)
	h.u.checkIdle()
	assertLocked(t, h, c)
	s := h.unlockScreen()
	want := h.u.tr.N("app.unlock.idle_locked", int(limit/time.Minute))
	if !s.locked.label.Visible() || s.locked.label.Text != want {
		t.Errorf("unlock screen says %q (visible %v), want %q", s.locked.label.Text, s.locked.label.Visible(), want)
	}
}
