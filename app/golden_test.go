package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Markup goldens of the main screen states, in testdata/. A change that moves or rewords a
// screen fails here and writes the new rendering to testdata/failed/ for review; copy it over
// the golden only after looking at it.

// assertMarkup lays the window out again, as the desktop driver does on its next frame after a
// part was shown or hidden (the test canvas does not), and compares it with the golden.
func assertMarkup(t *testing.T, h *harness, golden string) {
	t.Helper()
	c := h.canvas()
	relayout(c.Content())
	for _, o := range c.Overlays().List() {
		relayout(o)
	}
	test.AssertRendersToMarkup(t, golden, c)
}

// relayout runs the layout of o and of everything inside it, innermost first.
func relayout(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			relayout(c)
		}
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		for _, c := range r.Objects() {
			relayout(c)
		}
		r.Layout(x.Size())
	}
}

// goldenKey is a made-up recovery key in the real format, so the golden never holds a real one.
const goldenKey = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789-ABCD-EFGH-JKLM-NPQR-STUV"

func TestGoldenSetUp(t *testing.T) {
	h := newHarness(t, freshPath(t), "en")
	assertMarkup(t, h, "setup_empty.xml")

	s := h.setup()
	test.Type(s.name, adminName)
	test.Type(s.pass, adminPass)
	test.Type(s.again, adminPass+"?")
	test.Tap(s.create)
	assertMarkup(t, h, "setup_mismatch.xml")
}

func TestGoldenRecoveryKey(t *testing.T) {
	h := newHarness(t, freshPath(t), "en")
	h.u.show(newRecoveryScreen(h.u, goldenKey))
	assertMarkup(t, h, "recovery.xml")
}

func TestGoldenUnlock(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	s := h.unlockScreen()
	test.Type(s.pass, "not it at all")
	test.Tap(s.unlock)
	h.run.flush()
	assertMarkup(t, h, "unlock_wrong_passphrase.xml")

	s.lang.choice.SetSelected("Polski")
	assertMarkup(t, h, "unlock_polish.xml")
}

func TestGoldenCaseList(t *testing.T) {
	h := unlocked(t)
	assertMarkup(t, h, "cases_empty.xml")

	h.addCase("WM-0002", "Maria", "Română")
	h.addCase("WM-0001", "", "Polski")
	assertMarkup(t, h, "cases_two.xml")

	test.Tap(h.cases().newCase)
	assertMarkup(t, h, "new_case.xml")
}
