package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
)

func TestExportCaseHoldsEverythingAndIsAudited(t *testing.T) {
	_, s, _ := newTestVault(t)
	c := mustCreateCase(t, s, sampleCase("WM-X1"))
	c.Notes = []Note{{Date: "2026-11-23", Adviser: "Alice", Text: "Prefers mornings."}}
	c.Contact.Phone = "07700 900123"
	if err := s.SaveCase(c); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := s.ExportCase(c.ID, &out); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	for _, key := range []string{"reference", "name", "facts", "plan_steps", "notes", "contact", "history", "outcomes", "key_dates", "profile", "consent"} {
		if _, ok := got[key]; !ok {
			t.Errorf("export lacks %q", key)
		}
	}
	if got["reference"] != "WM-X1" || got["name"] != "Maria Popescu" {
		t.Errorf("export names %v / %v", got["reference"], got["name"])
	}
	entries, err := s.Audit(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if last := entries[len(entries)-1]; last.Action != ActionExport {
		t.Errorf("last audit row for the case = %s, want export", last.Action)
	}
	var none bytes.Buffer
	if err := s.ExportCase("no-such-case", &none); !errors.Is(err, ErrNotFound) || none.Len() != 0 {
		t.Errorf("export of a missing case = %v, wrote %d bytes", err, none.Len())
	}
}
