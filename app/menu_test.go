package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"waymark/eligibility"
	"waymark/locales"
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

func TestStatisticsExportForAnAdmin(t *testing.T) {
	h := unlocked(t)
	h.openCase("WM-41", eligibility.Facts{})
	if h.u.items.stats.Disabled {
		t.Fatal("Statistics is disabled for the admin")
	}
	h.u.items.stats.Action()
	if len(h.u.dialogs) != 1 {
		t.Fatal("Statistics did not open its dialog")
	}
	h.u.closeDialogs()
	d := &statsDialog{u: h.u, from: newInputEntry(func() {}), to: newInputEntry(func() {}),
		problem: newNoticeLabel(), progress: newWorking(), save: widget.NewButton("", nil)}
	d.from.SetText("2026-11")
	d.to.SetText("2026-10")
	if _, _, ok := d.period(); ok {
		t.Error("a period ending before it starts was accepted")
	}
	d.to.SetText("2026-11")
	path := filepath.Join(t.TempDir(), "stats.csv")
	w, err := fynestorage.Writer(fynestorage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	d.write(w)
	h.run.flush()
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(data), "month,cases_opened") || strings.Contains(string(data), "WM-41") {
		t.Fatalf("statistics file = %q, %v", data, err)
	}
	if d.problem.n.id != "casework.stats.saved" {
		t.Errorf("after saving the dialog says %q", d.problem.label.Text)
	}
}

func TestAdministrationSitsBesideStatistics(t *testing.T) {
	h := newHarness(t, newVault(t), "en")
	items := h.u.menu.Items
	at := -1
	for i, it := range items {
		if it == h.u.items.admin {
			at = i
		}
	}
	if at < 1 || items[at-1] != h.u.items.stats {
		t.Fatal("Administration is not in the Vault menu right after Statistics")
	}
	if h.u.items.admin.Label != "Administration…" || !h.u.items.admin.Disabled {
		t.Errorf("while locked: %q, disabled %v", h.u.items.admin.Label, h.u.items.admin.Disabled)
	}
	h.unlock(adminPass)
	if h.u.items.admin.Disabled {
		t.Fatal("Administration is disabled for the admin")
	}
	h.u.items.admin.Action()
	h.run.flush()
	h.admin()
	test.Tap(h.admin().back)
	h.cases()

	h.u.setLanguage("pl")
	if h.u.items.admin.Label != "Administracja…" {
		t.Errorf("in Polish the item reads %q", h.u.items.admin.Label)
	}
	h.pressShortcut(lockShortcut)
	if !h.u.items.admin.Disabled {
		t.Error("Administration stays enabled after Ctrl+L")
	}
}

// The Vault menu ends with Waymark's own Quit, in the interface language, so Fyne does not add
// one in the computer's language.
func TestQuitIsInTheInterfaceLanguage(t *testing.T) {
	h := newHarness(t, newVault(t), "pl")
	items := h.u.menu.Items
	last := items[len(items)-1]
	if !last.IsQuit || last.Label != locales.New("pl").T("app.menu.quit") || last.Label == "Quit" {
		t.Errorf("last item = %q (quit %v), want Polish Quit", last.Label, last.IsQuit)
	}
}
