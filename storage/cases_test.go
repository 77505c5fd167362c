package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestCreateCaseValidation(t *testing.T) {
	_, s, _ := newTestVault(t)
	mustCreateCase(t, s, sampleCase("WM-001"))
	with := func(f func(*Case)) Case {
		c := sampleCase("WM-NEW")
		f(&c)
		return c
	}
	tests := []struct {
		name    string
		c       Case
		wantErr error
	}{
		{"duplicate reference", sampleCase("WM-001"), ErrDuplicateReference},
		{"duplicate ignoring case", sampleCase("wm-001"), ErrDuplicateReference},
		{"duplicate ignoring spaces", sampleCase("  WM-001 "), ErrDuplicateReference},
		{"empty reference", with(func(c *Case) { c.Reference = "  " }), ErrInvalid},
		{"reference too long", with(func(c *Case) { c.Reference = strings.Repeat("x", 101) }), ErrInvalid},
		{"reference with newline", with(func(c *Case) { c.Reference = "WM\n2" }), ErrInvalid},
		{"invalid utf-8 name", with(func(c *Case) { c.Name = "\xff" }), ErrInvalid},
		{"bad language", with(func(c *Case) { c.Language = "ro; drop" }), ErrInvalid},
		{"bad status", with(func(c *Case) { c.Status = "pending" }), ErrInvalid},
		{"closed is fine", with(func(c *Case) { c.Status = CaseClosed }), nil},
		{"no name is fine", with(func(c *Case) { c.Reference = "WM-002"; c.Name = "" }), nil},
		{"100-rune reference is fine", with(func(c *Case) { c.Reference = strings.Repeat("ș", 100) }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.CreateCase(tt.c); !errors.Is(err, tt.wantErr) {
				t.Errorf("CreateCase: %v, want %v", err, tt.wantErr)
			}
		})
	}
}

func TestSaveCase(t *testing.T) {
	_, s, _ := newTestVault(t)
	a := mustCreateCase(t, s, sampleCase("A-1"))
	b := mustCreateCase(t, s, sampleCase("B-2"))

	a.Reference, a.Name, a.Status, a.Opened = "A-1-renamed", "Ana", CaseClosed, ""
	a.Steps[0].Done = true
	if err := s.SaveCase(a); err != nil {
		t.Fatal(err)
	}
	got, err := s.Case(a.ID)
	a.Opened = "2026-11-23" // an empty Opened keeps the stored date
	if err != nil || !reflect.DeepEqual(got, a) {
		t.Errorf("after save: %+v, %v\nwant %+v", got, err, a)
	}
	// The old reference is free again; b cannot take a's new one.
	b2 := b
	b2.Reference = "a-1-RENAMED"
	if err := s.SaveCase(b2); !errors.Is(err, ErrDuplicateReference) {
		t.Errorf("save with taken reference: %v", err)
	}
	b2.Reference = "A-1"
	if err := s.SaveCase(b2); err != nil {
		t.Errorf("save with freed reference: %v", err)
	}
	missing := a
	missing.ID = strings.Repeat("0", caseIDLen)
	for name, c := range map[string]Case{"unknown id": missing, "malformed id": {ID: "x", Reference: "Z"}} {
		if err := s.SaveCase(c); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: %v, want ErrNotFound", name, err)
		}
		if _, err := s.Case(c.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("Case(%s): %v, want ErrNotFound", name, err)
		}
	}
	if err := s.RecordPrint(a.ID); err != nil {
		t.Errorf("RecordPrint: %v", err)
	}
	if err := s.RecordPrint(missing.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("RecordPrint(missing): %v", err)
	}
}

func TestListCasesSorted(t *testing.T) {
	_, s, _ := newTestVault(t)
	for _, ref := range []string{"wm-10", "WM-02", "Beta", "alpha", "WM-1"} {
		mustCreateCase(t, s, sampleCase(ref))
	}
	list, err := s.ListCases()
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, c := range list {
		refs = append(refs, c.Reference)
		if c.Name != "Maria Popescu" || c.Language != "ro" || c.Status != CaseOpen || c.Opened != "2026-11-23" {
			t.Errorf("summary %+v", c)
		}
	}
	if want := []string{"alpha", "Beta", "WM-02", "WM-1", "wm-10"}; !reflect.DeepEqual(refs, want) {
		t.Errorf("order %v, want %v", refs, want)
	}
}
