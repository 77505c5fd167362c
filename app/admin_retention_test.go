package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"waymark/storage"
)

// vaultWithClosedCases is a vault whose cases were opened on 1 January 2020: two closed long
// before the test day (2026-11-23), one closed last month, and one still open.
func vaultWithClosedCases(t *testing.T) string {
	t.Helper()
	path := newVault(t)
	early := &storage.Options{KDF: storage.FastTestKDF, Now: func() time.Time {
		return time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC)
	}}
	asAdmin(t, path, early, func(admin *storage.Session) {
		for _, c := range []struct{ ref, closed string }{
			{"WM-2021-7", "2021-05-01"},
			{"WM-2020-3", "2020-02-01"},
			{"WM-2026-9", "2026-10-30"},
			{"WM-OPEN", ""},
		} {
			made, err := admin.CreateCase(storage.Case{Reference: c.ref, Language: "ro"})
			if err != nil {
				t.Fatal(err)
			}
			if c.closed == "" {
				continue
			}
			made.Status, made.Closed, made.CloseReason = storage.CaseClosed, c.closed, storage.CloseGoalsMet
			if err := admin.SaveCase(made); err != nil {
				t.Fatal(err)
			}
		}
	})
	return path
}

// retention opens the Administration screen's Retention tab.
func (h *harness) retention() *retentionSection {
	h.t.Helper()
	s := h.openAdministration()
	s.tab = adminRetention
	h.u.redraw()
	return s.retention
}

// dueRefs lists the references of cases.
func dueRefs(cases []storage.CaseSummary) []string {
	var refs []string
	for _, c := range cases {
		refs = append(refs, c.Reference)
	}
	return refs
}

func TestRetentionNotSetListsNothing(t *testing.T) {
	h := newHarness(t, vaultWithClosedCases(t), "en")
	h.unlock(adminPass)
	r := h.retention()
	if r.months.Text != "0" || len(r.due) != 0 {
		t.Fatalf("months %q, %d due; want 0 and none", r.months.Text, len(r.due))
	}
	if r.dueCount.Text != h.u.tr.T("admin.retention.not_set") || !r.erase.Disabled() {
		t.Errorf("with no period: %q, erase enabled %v", r.dueCount.Text, !r.erase.Disabled())
	}
	if r.zero.Text == "" {
		t.Error("the screen does not say what 0 means")
	}
}

func TestRetentionMonthsAreChecked(t *testing.T) {
	h := newHarness(t, vaultWithClosedCases(t), "en")
	h.unlock(adminPass)
	r := h.retention()
	for _, typed := range []string{"241", "-1", "twelve", ""} {
		r.months.SetText(typed)
		test.Tap(r.save)
		if h.run.pending() != 0 || r.saved.n.id != "admin.retention.bad" {
			t.Errorf("%q: queued %d, said %q", typed, h.run.pending(), r.saved.label.Text)
		}
	}
}

func TestRetentionSaveListsAndErasesDueCases(t *testing.T) {
	h := newHarness(t, vaultWithClosedCases(t), "en")
	h.unlock(adminPass)
	r := h.retention()
	r.months.SetText("12")
	r.months.TypedKey(&keyReturn)
	h.run.flush()
	if n, err := h.u.session.RetentionMonths(); err != nil || n != 12 {
		t.Fatalf("retention in the vault = %d, %v", n, err)
	}
	if r.saved.label.Text != "Saved: closed cases are kept for 12 months." {
		t.Errorf("after saving: %q", r.saved.label.Text)
	}
	if got := dueRefs(r.due); len(got) != 2 || got[0] != "WM-2020-3" || got[1] != "WM-2021-7" {
		t.Fatalf("due = %q, want the two old closed cases, oldest closure first", got)
	}
	if want := "WM-2020-3 · closed on 2020-02-01"; r.rowText(r.due[0]) != want {
		t.Errorf("row = %q, want %q", r.rowText(r.due[0]), want)
	}
	if r.erase.Text != "Erase these 2 cases…" || r.erase.Disabled() {
		t.Errorf("erase button %q, disabled %v", r.erase.Text, r.erase.Disabled())
	}

	// A wrong number erases nothing.
	test.Tap(r.erase)
	if r.asking == nil || !h.showing(r.asking.dlg) {
		t.Fatal("Erase did not ask to confirm")
	}
	test.Type(r.confirm, "3")
	test.Tap(r.asking.yes)
	if h.run.pending() != 0 || r.result.n.id != "admin.retention.mismatch" {
		t.Fatalf("a wrong number: queued %d, said %q", h.run.pending(), r.result.label.Text)
	}

	// The word for erase, in any case, confirms; the bar moves with each case.
	test.Tap(r.erase)
	test.Type(r.confirm, "erase")
	test.Tap(r.asking.yes)
	if h.run.pending() != 1 || !r.bar.Visible() || !r.erase.Disabled() {
		t.Fatal("erasing did not start off the UI goroutine with a progress bar")
	}
	h.run.step()
	if r.result.label.Text != "2 cases were erased." {
		t.Errorf("result = %q", r.result.label.Text)
	}
	if r.bar.Visible() {
		t.Error("the bar is still shown")
	}
	h.run.flush()
	list, err := h.u.session.ListCases()
	if err != nil {
		t.Fatal(err)
	}
	if got := dueRefs(list); len(got) != 2 {
		t.Errorf("cases left = %q, want the recent closed one and the open one", got)
	}
	if len(r.due) != 0 || r.dueCount.Text != h.u.tr.T("admin.retention.due_none") {
		t.Errorf("after erasing: %d due, %q", len(r.due), r.dueCount.Text)
	}
}

func TestRetentionConfirmAcceptsTheNumber(t *testing.T) {
	cases := []struct {
		typed string
		want  bool
	}{
		{"2", true}, {" 2 ", true}, {"ERASE", true}, {"Erase", true},
		{"3", false}, {"", false}, {"ERASED", false}, {"two", false},
	}
	h := newHarness(t, vaultWithClosedCases(t), "en")
	h.unlock(adminPass)
	r := h.retention()
	r.due = make([]storage.CaseSummary, 2)
	for _, c := range cases {
		if got := r.confirmed(c.typed); got != c.want {
			t.Errorf("%q: confirmed %v, want %v", c.typed, got, c.want)
		}
	}
	h.u.setLanguage("ro")
	if !r.confirmed("ȘTERGE") || r.confirmed("ERASE") {
		t.Error("the word to type does not follow the interface language")
	}
}
