package app

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"waymark/app/message"
	"waymark/storage"
)

// addCase fills the New case dialog and saves it.
func (h *harness) addCase(ref, name, langNative string) *caseForm {
	h.t.Helper()
	c := h.cases()
	test.Tap(c.newCase)
	f := h.openForm()
	test.Type(f.reference, ref)
	test.Type(f.name, name)
	if langNative != "" {
		f.language.SetSelected(langNative)
	}
	test.Tap(f.save)
	h.run.flush()
	return f
}

// openForm is the New case dialog on screen.
func (h *harness) openForm() *caseForm {
	h.t.Helper()
	f := h.cases().form
	if f == nil {
		h.t.Fatal("no New case dialog open")
	}
	if _, ok := h.u.dialogs[f.dlg]; !ok {
		h.t.Fatal("the New case dialog is not among the open dialogs")
	}
	return f
}

func tableRefs(c *casesScreen) []string {
	var refs []string
	for _, s := range c.cases.rows {
		refs = append(refs, s.Reference)
	}
	return refs
}

// cellText is what the table shows at row, col.
func cellText(c *casesScreen, row, col int) string {
	l := newCell().(*widget.Label)
	c.updateCell(widget.TableCellID{Row: row, Col: col}, l)
	return l.Text
}

func TestNewCaseAppearsInListAtOnce(t *testing.T) {
	h := unlocked(t)
	c := h.cases()
	h.addCase("WM-0002", "Maria", "Română")
	if len(h.u.dialogs) != 0 || c.form != nil {
		t.Error("New case dialog still open after saving")
	}
	if got := tableRefs(c); !slices.Equal(got, []string{"WM-0002"}) {
		t.Fatalf("list = %q", got)
	}
	want := []string{"WM-0002", "Maria", "2026-11-23", "", h.u.tr.T("app.case.status.open"), "Română"}
	for col, w := range want {
		if got := cellText(c, 0, col); got != w {
			t.Errorf("column %d = %q, want %q", col, got, w)
		}
	}
	if c.count.Text != h.u.tr.N("app.cases.count", 1) || c.empty.Visible() {
		t.Errorf("count = %q, empty note visible %v", c.count.Text, c.empty.Visible())
	}

	h.addCase("WM-0001", "", "Polski")
	if got := tableRefs(c); !slices.Equal(got, []string{"WM-0001", "WM-0002"}) {
		t.Errorf("list = %q, want sorted by reference", got)
	}
}

func TestNewCaseShowsRefusalsInTheDialog(t *testing.T) {
	tests := []struct {
		name     string
		ref      string
		lang     string
		wantText func(h *harness) string
	}{
		{"no reference", "  ", "English", func(h *harness) string { return h.u.tr.T("app.newcase.need_reference") }},
		{"no language", "WM-9", "", func(h *harness) string { return h.u.tr.T("app.newcase.need_language") }},
		{"reference in use", "WM-1", "English", func(h *harness) string {
			return message.ForError(h.u.tr, storage.ErrDuplicateReference)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := unlocked(t)
			h.addCase("WM-1", "", "English")
			f := h.addCase(tc.ref, "Someone", tc.lang)
			if len(h.u.dialogs) != 1 {
				t.Fatal("the dialog closed on a refusal; what was typed is lost")
			}
			if got, want := f.problem.label.Text, tc.wantText(h); got != want || !f.problem.label.Visible() {
				t.Errorf("problem = %q, want %q", got, want)
			}
			if f.name.Text != "Someone" || f.save.Disabled() {
				t.Error("form not left as typed and ready to try again")
			}
			if got := tableRefs(h.cases()); !slices.Equal(got, []string{"WM-1"}) {
				t.Errorf("list = %q after a refusal", got)
			}
		})
	}
}

func TestNewCaseFormIsDisabledWhileSaving(t *testing.T) {
	h := unlocked(t)
	test.Tap(h.cases().newCase)
	f := h.openForm()
	test.Type(f.reference, "WM-3")
	f.language.SetSelected("English")
	test.Tap(f.save)
	if !f.save.Disabled() || !f.cancel.Disabled() || !f.progress.box.Visible() {
		t.Error("form not disabled with progress while saving")
	}
	test.Tap(f.save)
	if h.run.pending() != 1 {
		t.Errorf("%d saves queued, want 1", h.run.pending())
	}
	h.run.flush()
}

func TestNewCaseCancelAddsNothing(t *testing.T) {
	h := unlocked(t)
	test.Tap(h.cases().newCase)
	f := h.openForm()
	test.Type(f.reference, "WM-4")
	test.Tap(f.cancel)
	h.run.flush()
	if len(h.u.dialogs) != 0 || len(tableRefs(h.cases())) != 0 {
		t.Error("cancel left the dialog open or added a case")
	}
}
