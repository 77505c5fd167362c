package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"waymark/eligibility"
	"waymark/locales"
	"waymark/storage"
)

// The window's smallest supported size (issue 5): every screen must fit it in every language.
var smallestWindow = fyne.NewSize(1024, 700)

// TestMainScreensFitInEveryLanguage renders the unlock screen, the home screen and every tab of
// a case in each shipped language at 1024×700 and fails where a screen needs more room than
// the window has (so something is pushed off it) or a piece of text is drawn narrower than
// it needs (so it is clipped). Labels that are meant to shorten with an ellipsis (a long name
// in a list) are allowed to.
func TestMainScreensFitInEveryLanguage(t *testing.T) {
	for _, lang := range locales.Shipped() {
		t.Run(lang.Code, func(t *testing.T) {
			h := newHarness(t, newVault(t), lang.Code)
			h.u.win.Resize(smallestWindow)
			assertFits(t, h, "unlock screen")
			h.unlock(adminPass)
			h.seed(sampleCases()...)
			h.home()
			assertFits(t, h, "home screen")
			age, cap := 34, 1250.0
			s := h.openCase("LAYOUT-1", eligibility.Facts{Age: &age, Capital: &cap})
			tabs := findTabs(h.canvas().Content())
			if tabs == nil {
				t.Fatal("the case screen has no tabs")
			}
			for i := range tabs.Items {
				tabs.SelectIndex(i)
				assertFits(t, h, "case tab "+tabs.Items[i].Text)
			}
			_ = s
		})
	}
}

// assertFits lays the window out and checks that its content fits and no text is squeezed.
func assertFits(t *testing.T, h *harness, where string) {
	t.Helper()
	c := h.canvas()
	relayout(c.Content())
	size := c.Size()
	if min := c.Content().MinSize(); min.Width > size.Width+0.5 || min.Height > size.Height+0.5 {
		t.Errorf("%s needs %.0f×%.0f, the window is %.0f×%.0f", where, min.Width, min.Height, size.Width, size.Height)
	}
	walkTexts(c.Content(), fyne.NewPos(0, 0), false, func(txt *canvas.Text, at fyne.Position, mayShorten bool) {
		if txt.Text == "" || !txt.Visible() || mayShorten {
			return
		}
		need := txt.MinSize().Width
		if txt.Size().Width+0.5 < need {
			t.Errorf("%s: %q is drawn %.0f wide, needs %.0f", where, txt.Text, txt.Size().Width, need)
		}
		if at.X+need > size.Width+0.5 {
			t.Errorf("%s: %q runs past the window's right edge (%.0f > %.0f)", where, txt.Text, at.X+need, size.Width)
		}
	})
}

// walkTexts calls fn for every canvas.Text inside o that is shown, with its position in the
// window, and whether it belongs to a label that deliberately shortens with an ellipsis.
// Scrolled content is skipped: a scroller shows what does not fit by design.
func walkTexts(o fyne.CanvasObject, origin fyne.Position, mayShorten bool, fn func(*canvas.Text, fyne.Position, bool)) {
	if o == nil || !o.Visible() {
		return
	}
	at := origin.Add(o.Position())
	switch x := o.(type) {
	case *canvas.Text:
		fn(x, at, mayShorten)
	case *container.Scroll:
		return
	case *widget.Label:
		short := mayShorten || x.Truncation != fyne.TextTruncateOff || x.Wrapping != fyne.TextWrapOff
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkTexts(c, at, short, fn)
		}
	case *widget.Entry, *widget.Select, *widget.SelectEntry, *widget.List, *widget.Table:
		// Fields scroll their own text; lists and tables scroll their rows.
		return
	case *fyne.Container:
		for _, c := range x.Objects {
			walkTexts(c, at, mayShorten, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walkTexts(c, at, mayShorten, fn)
		}
	}
}

// findTabs returns the first AppTabs inside o.
func findTabs(o fyne.CanvasObject) *container.AppTabs {
	switch x := o.(type) {
	case *container.AppTabs:
		return x
	case *fyne.Container:
		for _, c := range x.Objects {
			if t := findTabs(c); t != nil {
				return t
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			if t := findTabs(c); t != nil {
				return t
			}
		}
	}
	return nil
}

// sampleCases are a few cases with long names and every status, for the home screen.
func sampleCases() []storage.Case {
	var out []storage.Case
	for i, name := range []string{"Ștefan Ionescu-Popescu", "Małgorzata Wiśniewska", "Nguyễn Thị Hương"} {
		out = append(out, storage.Case{Reference: fmt.Sprintf("WM-2026-%03d", i+1), Name: name, Language: "ro"})
	}
	return out
}
