package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The keyboard shortcuts, shown beside their menu items (Cmd on a Mac). The main menu is asked
// before the focused widget, so a text field cannot swallow them; the canvas has them too, for
// drivers without a menu.
var (
	newCaseShortcut  = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	findShortcut     = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	printShortcut    = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
	settingsShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyComma, Modifier: fyne.KeyModifierShortcutDefault}
)

// menuItems are the Vault menu's items besides Lock.
type menuItems struct {
	newCase, find, print, settings, stats, admin *fyne.MenuItem
	// quit is Waymark's own Quit item, so its label is in the interface language: Fyne adds one
	// in the computer's language to a first menu that has none. Fyne gives it the action of
	// closing the window, which saves what is on its way as any close does.
	quit *fyne.MenuItem
}

// buildMenu makes the Vault menu: Lock first (the one an adviser reaches for in a hurry), then
// the case actions and the settings.
func (u *ui) buildMenu() {
	u.items.newCase = u.menuItem(newCaseShortcut, u.onNewCaseKey)
	u.items.find = u.menuItem(findShortcut, u.onFindKey)
	u.items.print = u.menuItem(printShortcut, u.onPrintKey)
	u.items.settings = u.menuItem(settingsShortcut, u.onSettingsKey)
	u.items.stats = fyne.NewMenuItem("", func() { u.onInput(); u.openStatistics() })
	u.items.admin = fyne.NewMenuItem("", func() { u.onInput(); u.openAdmin(adminAdvisers) })
	u.items.quit = fyne.NewMenuItem("", nil)
	u.items.quit.IsQuit = true
	u.menu = fyne.NewMenu("", u.lockItem, fyne.NewMenuItemSeparator(),
		u.items.newCase, u.items.find, u.items.print, fyne.NewMenuItemSeparator(),
		u.items.settings, u.items.stats, u.items.admin, fyne.NewMenuItemSeparator(), u.items.quit)
	u.win.SetMainMenu(fyne.NewMainMenu(u.menu))
	u.win.Canvas().AddShortcut(lockShortcut, func(fyne.Shortcut) { u.onLock() })
}

func (u *ui) menuItem(sc *desktop.CustomShortcut, action func()) *fyne.MenuItem {
	item := fyne.NewMenuItem("", func() {
		u.onInput()
		action()
	})
	item.Shortcut = sc
	u.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) {
		if !item.Disabled {
			item.Action()
		}
	})
	return item
}

func (u *ui) translateMenu() {
	u.items.newCase.Label = u.tr.T("casework.menu.new_case")
	u.items.find.Label = u.tr.T("casework.menu.find")
	u.items.print.Label = u.tr.T("casework.menu.print")
	u.items.settings.Label = u.tr.T("casework.menu.settings")
	u.items.stats.Label = u.tr.T("casework.menu.stats")
	u.items.admin.Label = u.tr.T("admin.menu")
	u.items.quit.Label = u.tr.T("app.menu.quit")
}

// updateMenu enables what makes sense where the adviser is: case actions once unlocked, Print
// on an open case, the organisation's statistics and administration for administrators.
func (u *ui) updateMenu() {
	locked := u.session == nil
	u.items.newCase.Disabled = locked
	u.items.find.Disabled = locked
	u.items.stats.Disabled = !u.isAdmin()
	u.items.admin.Disabled = !u.isAdmin()
	cs, onCase := u.current.(*caseScreen)
	u.items.print.Disabled = locked || !onCase || cs.iv == nil
}

// onNewCaseKey opens the New case dialog from anywhere, going back to the case list first.
func (u *ui) onNewCaseKey() {
	if u.session == nil {
		return
	}
	list, ok := u.current.(*casesScreen)
	if !ok {
		list = newCasesScreen(u)
		u.show(list)
	}
	list.onNewCase()
}

// onFindKey puts the keyboard in the case search, going back to the case list first.
func (u *ui) onFindKey() {
	if u.session == nil {
		return
	}
	if _, ok := u.current.(*casesScreen); !ok {
		u.show(newCasesScreen(u))
	}
	if f, ok := u.current.(interface{ focusSearch() }); ok {
		f.focusSearch()
	}
}

// onPrintKey prints the plan of the case on screen.
func (u *ui) onPrintKey() {
	if cs, ok := u.current.(*caseScreen); ok {
		cs.onPrint()
	}
}

// onSettingsKey opens the settings.
func (u *ui) onSettingsKey() { u.openSettings() }
