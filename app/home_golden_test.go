package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestGoldenHomeWithDeadlines is the home screen at the smallest supported window with what is
// due: a passed reconsideration deadline, one coming up, a grant of leave running out, and two
// cases with plan steps past their date. The deadlines list is open.
func TestGoldenHomeWithDeadlines(t *testing.T) {
	h := unlocked(t)
	h.u.win.Resize(smallestWindow)
	h.seed(dueCases()[:2]...)
	c := h.home()
	test.Tap(c.deadlines.header)
	assertMarkup(t, h, "home_deadlines.xml")

	test.Tap(c.steps.header)
	assertMarkup(t, h, "home_overdue_steps.xml")
}
