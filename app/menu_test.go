package app

import (
	"testing"

	"waymark/eligibility"
)

func TestMenuShortcutsWorkWhereTheyMakeSense(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	if !h.u.items.newCase.Disabled || !h.u.items.find.Disabled || !h.u.items.print.Disabled {
		t.Fatal("case actions are enabled while the vault is locked")
	}
	h.unlock(adminPass)
	if h.u.items.newCase.Disabled || h.u.items.find.Disabled {
		t.Error("New case or Find is disabled after unlocking")
	}
	if !h.u.items.print.Disabled {
		t.Error("Print is enabled with no case open")
	}
	s := h.openCase("WM-40", eligibility.Facts{})
	if h.u.items.print.Disabled {
		t.Fatal("Print is disabled on an open case")
	}
	h.pressShortcut(printShortcut)
	if s.printing == nil {
		t.Error("Ctrl+P did not open the print dialog")
	}
	h.u.closeDialogs()

	// Ctrl+N from a case goes back to the list and opens the New case dialog.
	h.pressShortcut(newCaseShortcut)
	if list := h.cases(); list.form == nil {
		t.Error("Ctrl+N did not open the New case dialog")
	}
	h.u.closeDialogs()
	h.pressShortcut(lockShortcut)
	if !h.u.items.newCase.Disabled {
		t.Error("New case stays enabled after locking")
	}
}
