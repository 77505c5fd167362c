package storage

import (
	"errors"
	"reflect"
	"testing"
)

func TestDueForErasure(t *testing.T) {
	cases := []CaseSummary{
		{ID: "open", Status: CaseOpen, Closed: ""},
		{ID: "jan31", Status: CaseClosed, Closed: "2025-01-31"},
		{ID: "mar01", Status: CaseClosed, Closed: "2025-03-01"},
		{ID: "recent", Status: CaseClosed, Closed: "2026-10-01"},
		{ID: "undated", Status: CaseClosed, Closed: ""},
	}
	ids := func(cs []CaseSummary) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	tests := []struct {
		name   string
		months int
		today  string
		want   []string
	}{
		{"not set", 0, "2026-11-23", nil},
		{"bad day", 12, "23/11/2026", nil},
		// 31 January + 1 month is 28 February 2025 (not 3 March): due that day, not before.
		{"month end clamps, day before", 1, "2025-02-27", []string{"undated"}},
		{"month end clamps, on the day", 1, "2025-02-28", []string{"undated", "jan31"}},
		{"twenty months", 20, "2026-11-01", []string{"undated", "jan31", "mar01"}},
		{"one day short", 20, "2026-10-31", []string{"undated", "jan31"}},
		{"nothing recent", 2, "2026-11-30", []string{"undated", "jan31", "mar01"}},
		{"recent due", 1, "2026-11-01", []string{"undated", "jan31", "mar01", "recent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(DueForErasure(cases, tt.months, tt.today)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("DueForErasure(%d, %s) = %v, want %v", tt.months, tt.today, got, tt.want)
			}
		})
	}
}

func TestRetentionSetting(t *testing.T) {
	path, s, _ := newTestVault(t)
	if n, err := s.RetentionMonths(); err != nil || n != 0 {
		t.Fatalf("default retention = %d, %v; want 0 (not set)", n, err)
	}
	for _, bad := range []int{-1, 241} {
		if err := s.SetRetentionMonths(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("SetRetentionMonths(%d) = %v", bad, err)
		}
	}
	if err := s.SetRetentionMonths(72); err != nil {
		t.Fatal(err)
	}
	s.Vault().Close()
	v, err := Open(path, fastOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	s2, err := v.Unlock("Alice", adminPass)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s2.RetentionMonths(); err != nil || n != 72 {
		t.Errorf("retention after reopening = %d, %v", n, err)
	}
	entries, err := s2.Audit("")
	if err != nil {
		t.Fatal(err)
	}
	audited := false
	for _, e := range entries {
		audited = audited || e.Action == ActionChangeSettings && e.Subject == retention.name
	}
	if !audited {
		t.Errorf("setting the period was not audited: %+v", entries)
	}
	// The sealed value cannot be moved from another setting.
	if err := s2.SetIdleLockMinutes(10); err != nil {
		t.Fatal(err)
	}
	rawExec(t, v, "UPDATE meta SET value = (SELECT value FROM meta WHERE name = 'idle_lock_minutes') WHERE name = 'retention_months'")
	if _, err := s2.RetentionMonths(); !errors.Is(err, ErrCorrupt) {
		t.Errorf("a swapped setting: %v, want ErrCorrupt", err)
	}
}
