package app

import (
	"time"

	"fyne.io/fyne/v2"
)

// clipboardLifetime is how long text copied from a Waymark field stays on the clipboard. Case
// details copied into another program should not wait there for the next person at a shared
// laptop.
const clipboardLifetime = 30 * time.Second

// afterFunc schedules f; tests replace it to run the clearing at once.
var afterFunc = func(d time.Duration, f func()) { time.AfterFunc(d, func() { fyne.Do(f) }) }

// guardClipboard empties cb after clipboardLifetime if it still holds what is on it now, so
// something the adviser copied later from elsewhere is left alone.
func guardClipboard(cb fyne.Clipboard) {
	if cb == nil {
		return
	}
	copied := cb.Content()
	if copied == "" {
		return
	}
	afterFunc(clipboardLifetime, func() {
		if cb.Content() == copied {
			cb.SetContent("")
		}
	})
}
