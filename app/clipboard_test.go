package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestCopiedTextLeavesTheClipboardAfter30Seconds(t *testing.T) {
	a := test.NewTempApp(t)
	var scheduled []func()
	var delay time.Duration
	old := afterFunc
	afterFunc = func(d time.Duration, f func()) { delay, scheduled = d, append(scheduled, f) }
	t.Cleanup(func() { afterFunc = old })

	w := a.NewWindow("")
	e := newInputEntry(func() {})
	w.SetContent(e)
	cb := a.Clipboard()

	e.SetText("WM-2026-014")
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if cb.Content() != "WM-2026-014" || len(scheduled) != 1 || delay != 30*time.Second {
		t.Fatalf("after copying: clipboard %q, %d clearings scheduled after %v", cb.Content(), len(scheduled), delay)
	}
	scheduled[0]()
	if cb.Content() != "" {
		t.Errorf("clipboard still holds %q after 30 s", cb.Content())
	}

	// Something copied later from elsewhere is left alone.
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: cb})
	cb.SetContent("from another program")
	scheduled[len(scheduled)-1]()
	if cb.Content() != "from another program" {
		t.Errorf("the clipboard lost what another program put there: %q", cb.Content())
	}
}
