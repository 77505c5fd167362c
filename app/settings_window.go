package app

import (
	"fyne.io/fyne/v2"
)

// The window opens at the size it had when it was last closed on this laptop account, so an
// adviser who made it larger (or who uses larger text) does not resize it every morning.
// Its position is not remembered: Fyne 2.8 can ask for a position (desktop.Window.
// RequestPosition) but gives no way to read the window's position, so the window manager
// places it.

// The Fyne preferences holding the window's size when it was last closed.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

// defaultWindowSize is the size on first start: the smallest screen Waymark is made for.
var defaultWindowSize = fyne.NewSize(1024, 700)

// smallestRemembered is the least size worth restoring. Anything smaller is not a size anyone
// chose to work in (a window minimised as it closed, a damaged preference), and the default is
// used instead.
var smallestRemembered = fyne.NewSize(400, 300)

// largestRemembered guards against a damaged preference asking for an absurd window.
var largestRemembered = fyne.NewSize(16384, 16384)

// restoreWindowSize sizes the window as it was when last closed, else at defaultWindowSize.
// Call it once at start, before the window is shown.
func restoreWindowSize(u *ui) {
	u.win.Resize(rememberedWindowSize(u.app.Preferences()))
}

// rememberedWindowSize is the saved window size when it is a sensible one, else the default.
func rememberedWindowSize(p fyne.Preferences) fyne.Size {
	size := fyne.NewSize(
		float32(p.FloatWithFallback(prefWindowWidth, 0)),
		float32(p.FloatWithFallback(prefWindowHeight, 0)),
	)
	if size.Width < smallestRemembered.Width || size.Height < smallestRemembered.Height ||
		size.Width > largestRemembered.Width || size.Height > largestRemembered.Height {
		return defaultWindowSize
	}
	return size
}

// rememberWindowSize has the window save its size when it closes, while it still has one.
// Call it once at start. It takes the window's OnClosed callback; Fyne then writes the
// preferences to disk as the app stops.
func rememberWindowSize(u *ui) {
	u.win.SetOnClosed(func() { saveWindowSize(u) })
}

// saveWindowSize stores the window's present size in the preferences.
func saveWindowSize(u *ui) {
	size := u.win.Canvas().Size()
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	p := u.app.Preferences()
	p.SetFloat(prefWindowWidth, float64(size.Width))
	p.SetFloat(prefWindowHeight, float64(size.Height))
}
