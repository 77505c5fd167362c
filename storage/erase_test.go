package storage

import (
	"errors"
	"reflect"
	"testing"
)

func TestEraseLeavesNoCiphertext(t *testing.T) {
	path, s, _ := newTestVault(t)
	keep := mustCreateCase(t, s, sampleCase("KEEP-1"))
	gone := mustCreateCase(t, s, sampleCase("GONE-2"))
	var old [][]byte // every version of the erased case's records ever written
	capture := func() {
		old = append(old,
			rawBlob(t, s.Vault(), "SELECT summary FROM cases WHERE id = ?", gone.ID),
			rawBlob(t, s.Vault(), "SELECT detail FROM case_details WHERE id = ?", gone.ID))
	}
	capture()
	for _, name := range []string{"first edit", "second edit", "third edit"} {
		gone.Name = name
		if err := s.SaveCase(gone); err != nil {
			t.Fatal(err)
		}
		capture()
	}
	if err := s.EraseCase(gone.ID); err != nil {
		t.Fatalf("EraseCase: %v", err)
	}
	check := func(stage string) {
		files := vaultFiles(t, path)
		for i, ct := range old {
			mid := len(ct) / 2
			for _, slice := range [][]byte{ct[envelopeHeader : envelopeHeader+32], ct[mid-16 : mid+16], ct[len(ct)-32:]} {
				mustNotContain(t, files, slice, stage+": ciphertext of erased record version "+string(rune('0'+i)))
			}
		}
	}
	check("open")
	if _, err := s.Case(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Case(erased) = %v, want ErrNotFound", err)
	}
	if got, err := s.Case(keep.ID); err != nil || !reflect.DeepEqual(got, keep) {
		t.Errorf("Case(kept) = %+v, %v", got, err)
	}
	if err := s.EraseCase(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second EraseCase = %v, want ErrNotFound", err)
	}
	if err := s.EraseCase("not-an-id"); !errors.Is(err, ErrNotFound) {
		t.Errorf("EraseCase(bad id) = %v, want ErrNotFound", err)
	}
	entries, err := s.Audit(gone.ID)
	if err != nil || len(entries) == 0 || entries[len(entries)-1].Action != ActionErase {
		t.Errorf("audit for erased case: %+v, %v", entries, err)
	}
	if err := s.VerifyAudit(); err != nil {
		t.Errorf("VerifyAudit after erase: %v", err)
	}
	// A new reference equal to the erased one is free again.
	mustCreateCase(t, s, sampleCase("GONE-2"))
	s.Vault().Close()
	check("closed")
}
