package storage

import (
	"errors"
	"reflect"
	"testing"
)

// auditFixture makes a vault whose audit trail is: 1 create (vault), 2 create (case),
// 3 open, 4 change, 5 open.
func auditFixture(t *testing.T) (*Session, Case) {
	t.Helper()
	_, s, _ := newTestVault(t)
	c := mustCreateCase(t, s, sampleCase("WM-001"))
	if _, err := s.Case(c.ID); err != nil {
		t.Fatal(err)
	}
	c.Name = "changed"
	if err := s.SaveCase(c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Case(c.ID); err != nil {
		t.Fatal(err)
	}
	return s, c
}

func TestAuditEntries(t *testing.T) {
	s, c := auditFixture(t)
	all, err := s.Audit("")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range all {
		got = append(got, e.Action)
		if !e.Time.Equal(testNow) || e.Adviser != "Alice" {
			t.Errorf("entry %d: time %v adviser %q", e.Seq, e.Time, e.Adviser)
		}
	}
	want := []string{ActionCreate, ActionCreate, ActionOpen, ActionChange, ActionOpen}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("actions %v, want %v", got, want)
	}
	forCase, err := s.Audit(c.ID)
	if err != nil || len(forCase) != 4 || forCase[0].Seq != 2 || forCase[0].CaseID != c.ID {
		t.Errorf("Audit(case) = %+v, %v", forCase, err)
	}
	if err := s.VerifyAudit(); err != nil {
		t.Errorf("VerifyAudit on an untouched trail: %v", err)
	}
}

func TestVerifyAuditFindsFirstBrokenLink(t *testing.T) {
	tests := []struct {
		name    string
		tamper  []string
		wantSeq int64
	}{
		{"edited action", []string{"UPDATE audit SET action = 'print' WHERE seq = 3"}, 3},
		{"edited day", []string{"UPDATE audit SET day = '2020-01-01' WHERE seq = 2"}, 2},
		{"edited case id", []string{"UPDATE audit SET case_id = '' WHERE seq = 2"}, 2},
		{"entry copied from another row", []string{"UPDATE audit SET entry = (SELECT entry FROM audit WHERE seq = 5) WHERE seq = 4"}, 4},
		{"edited mac", []string{"UPDATE audit SET mac = zeroblob(32) WHERE seq = 3"}, 3},
		{"middle row deleted", []string{"DELETE FROM audit WHERE seq = 3"}, 4},
		{"first row deleted", []string{"DELETE FROM audit WHERE seq = 1"}, 2},
		{"last row deleted", []string{"DELETE FROM audit WHERE seq = 5"}, 5},
		{"last two rows deleted", []string{"DELETE FROM audit WHERE seq >= 4"}, 4},
		{"rows reordered", []string{
			"UPDATE audit SET seq = 100 WHERE seq = 2",
			"UPDATE audit SET seq = 2 WHERE seq = 3",
			"UPDATE audit SET seq = 3 WHERE seq = 100",
		}, 2},
		{"row appended by copy", []string{"INSERT INTO audit SELECT 6, day, action, case_id, entry, mac FROM audit WHERE seq = 5"}, 6},
		{"head deleted", []string{"DELETE FROM meta WHERE name = 'audit_head'"}, 5},
		{"every row and the head deleted", []string{"DELETE FROM audit", "DELETE FROM meta WHERE name = 'audit_head'"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, c := auditFixture(t)
			rawExec(t, s.Vault(), "DROP TRIGGER audit_no_update")
			rawExec(t, s.Vault(), "DROP TRIGGER audit_no_delete")
			for _, q := range tt.tamper {
				rawExec(t, s.Vault(), q)
			}
			err := s.VerifyAudit()
			var be *AuditBreakError
			if !errors.As(err, &be) || !errors.Is(err, ErrCorrupt) {
				t.Fatalf("VerifyAudit = %v, want *AuditBreakError", err)
			}
			if be.Seq != tt.wantSeq {
				t.Errorf("break at %d, want %d", be.Seq, tt.wantSeq)
			}
			// Work goes on, and later rows never hide the break.
			if _, err := s.Case(c.ID); err != nil {
				t.Fatalf("Case after tampering: %v", err)
			}
			if err := s.VerifyAudit(); !errors.As(err, &be) {
				t.Errorf("break hidden by a later row: %v", err)
			}
		})
	}
}

func TestAuditIsAppendOnly(t *testing.T) {
	s, _ := auditFixture(t)
	for _, q := range []string{"UPDATE audit SET action = 'x' WHERE seq = 1", "DELETE FROM audit WHERE seq = 1"} {
		if _, err := s.Vault().db.Exec(q); err == nil {
			t.Errorf("%s succeeded", q)
		}
	}
}
