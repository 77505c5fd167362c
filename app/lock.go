package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// lockShortcut is Ctrl+L (Cmd+L on a Mac): lock in one keystroke, from any screen, whatever has
// the focus. It lives in the main menu, which the driver asks before the focused widget, so a
// text field that has the focus cannot swallow it; the canvas has it too, for drivers without
// a menu.
var lockShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}

// lockReason says why the vault was locked, so the unlock screen can say so.
type lockReason int

const (
	lockAsked lockReason = iota // the adviser pressed Lock or Ctrl+L
	lockIdle                    // nobody touched the window for the idle period
)

func (u *ui) buildLockControls() {
	u.lockItem = fyne.NewMenuItem("", u.onLock)
	u.lockItem.Shortcut = lockShortcut
	u.buildMenu()
	u.translateLockControls()
}

func (u *ui) translateLockControls() {
	u.menu.Label = u.tr.T("app.menu.vault")
	u.lockItem.Label = u.tr.T("app.menu.lock")
	u.translateMenu()
	u.menu.Refresh()
}

// updateLockControls enables Lock, and the menu items that work on cases, only while the vault
// is unlocked and the screen can do what they ask.
func (u *ui) updateLockControls() {
	u.lockItem.Disabled = u.session == nil
	u.updateMenu()
	u.menu.Refresh()
}

// onLock is the Lock button, the menu item and Ctrl+L.
func (u *ui) onLock() { u.lock(lockAsked) }

// lock clears the data key, closes every dialog and case view, forgets every case the screens
// held and shows the unlock screen. Work still running for the old session finds the epoch
// changed when it returns and shows nothing.
func (u *ui) lock(why lockReason) {
	if u.session == nil {
		return
	}
	u.flushScreen()
	limit := u.idle.Limit()
	u.epoch++
	u.idle.Stop()
	u.session.Lock()
	u.session = nil
	u.closeDialogs()
	s := newUnlockScreen(u)
	if why == lockIdle {
		s.lockedAfter(limit)
	}
	u.show(s) // show calls leave on the screen that held case data
}
