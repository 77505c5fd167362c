package storage

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestExportStatisticsIsForAdminsAndAuditedOnce(t *testing.T) {
	_, s, _ := newTestVault(t)
	for i, ref := range []string{"WM-S1", "WM-S2", "WM-S3", "WM-S4", "WM-S5"} {
		c := sampleCase(ref)
		c.Name = "CanaryStats-" + string(rune('a'+i))
		mustCreateCase(t, s, c)
	}
	before, err := s.Audit("")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	from, to := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	if err := s.ExportStatistics(&out, from, to); err != nil {
		t.Fatal(err)
	}
	csv := out.String()
	if !strings.Contains(csv, "2026-11,5,") {
		t.Errorf("CSV does not count the five cases opened in November:\n%s", csv)
	}
	if strings.Contains(csv, "CanaryStats") || strings.Contains(csv, "WM-S") {
		t.Error("the statistics CSV holds a name or a reference")
	}
	after, err := s.Audit("")
	if err != nil {
		t.Fatal(err)
	}
	added := after[len(before):]
	if len(added) != 1 || added[0].Action != ActionExport || added[0].CaseID != "" {
		t.Errorf("export wrote audit rows %+v, want one vault-level export", added)
	}

	if err := s.AddAdviser("Bob", RoleAdviser, []byte("a long enough passphrase")); err != nil {
		t.Fatal(err)
	}
	bob, err := s.Vault().Unlock("Bob", []byte("a long enough passphrase"))
	if err != nil {
		t.Fatal(err)
	}
	defer bob.Lock()
	if err := bob.ExportStatistics(&out, from, to); !errors.Is(err, ErrNotAdmin) {
		t.Errorf("an adviser exported statistics: %v", err)
	}
}
