package storage

import (
	"encoding/binary"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"waymark/eligibility"
	"waymark/jobs"
)

// updateFixture regenerates the committed test fixtures:
//
//	go test ./storage/ -run 'TestGenerate' -args -update-fixture
//
// testdata/v1.vault is a compatibility promise: once released it is never regenerated, only
// opened by every later build.
var updateFixture = flag.Bool("update-fixture", false, "regenerate testdata/v1.vault and the fuzz seed corpora")

const (
	v1FixturePath   = "testdata/v1.vault"
	v1RecoveryPath  = "testdata/v1.recovery.txt"
	v1AdminPass     = "v1 fixture admin passphrase"
	v1AdviserPass   = "v1 fixture adviser passphrase"
	v1IdleLock      = 15
	v1FixtureOpened = "2026-11-23"
)

// v1Cases is what the v1 fixture holds, written out literally: if a later change to the
// case types alters what these decode to, this test must fail.
func v1Cases() []Case {
	age, hours, capital := 29, 16.5, 120.0
	nat, ni := "PL", true
	status, nation := eligibility.EUSSSettled, eligibility.Scotland
	rg := eligibility.RGPositive
	return []Case{
		{
			Reference: "WM-2026-001", Name: "Anna Kowalska", Language: "pl", Status: CaseOpen, Opened: v1FixtureOpened,
			Facts: eligibility.Facts{Age: &age, Nationality: &nat, ImmigrationStatus: &status, Nation: &nation, WeeklyHours: &hours, Capital: &capital, HasNINO: &ni},
			Steps: []jobs.Step{
				{Text: "Open a basic bank account", Owner: jobs.OwnerSurvivor, Due: "2026-12-05"},
				{Text: "Book a Jobcentre appointment", Owner: jobs.OwnerAdviser, Done: true},
			},
		},
		{
			Reference: "WM-2026-002", Name: "Ion Popescu", Language: "ro", Status: CaseClosed, Opened: v1FixtureOpened,
			Facts: eligibility.Facts{NRMReasonableGrounds: &rg},
		},
		{Reference: "WM-2026-003", Language: "en", Status: CaseOpen, Opened: v1FixtureOpened},
	}
}

func TestGenerateV1Fixture(t *testing.T) {
	if !*updateFixture {
		t.Skip("run with -args -update-fixture to regenerate")
	}
	path := filepath.Join(t.TempDir(), "v1.vault")
	opt := &Options{KDF: FastTestKDF, Now: func() time.Time { return time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC) }}
	s, rk, err := Create(path, "Alice", []byte(v1AdminPass), opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddAdviser("Bob", RoleAdviser, []byte(v1AdviserPass)); err != nil {
		t.Fatal(err)
	}
	if err := s.SetIdleLockMinutes(v1IdleLock); err != nil {
		t.Fatal(err)
	}
	for _, c := range v1Cases() {
		if _, err := s.CreateCase(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Vault().Close(); err != nil {
		t.Fatal(err)
	}
	if err := copyFile(path, v1FixturePath); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(v1RecoveryPath, []byte(rk+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestOpenV1Fixture(t *testing.T) {
	raw, err := os.ReadFile(v1FixturePath)
	if err != nil {
		t.Fatalf("the v1 fixture must be committed: %v", err)
	}
	if v := binary.BigEndian.Uint32(raw[60:64]); v != 1 {
		t.Fatalf("fixture has schema version %d, want 1", v)
	}
	path := filepath.Join(t.TempDir(), "vault.db")
	if err := copyFile(v1FixturePath, path); err != nil {
		t.Fatal(err)
	}
	v, err := Open(path, fastOptions())
	if err != nil {
		t.Fatalf("Open v1 fixture: %v", err)
	}
	defer v.Close()
	if got, _ := pragmaInt(v.db, "user_version"); got != schemaVersion {
		t.Errorf("after Open user_version = %d, want %d", got, schemaVersion)
	}
	advisers, err := v.Advisers()
	if want := []Adviser{{"Alice", RoleAdmin, AdviserActive}, {"Bob", RoleAdviser, AdviserActive}}; err != nil || !reflect.DeepEqual(advisers, want) {
		t.Errorf("Advisers() = %v, %v; want %v", advisers, err, want)
	}
	s, err := v.Unlock("Alice", []byte(v1AdminPass))
	if err != nil {
		t.Fatalf("Unlock v1 fixture: %v", err)
	}
	list, err := s.ListCases()
	if err != nil || len(list) != len(v1Cases()) {
		t.Fatalf("ListCases = %d cases, %v", len(list), err)
	}
	for i, want := range v1Cases() {
		want.ID = list[i].ID
		got, err := s.Case(list[i].ID)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("case %d = %+v, %v\nwant %+v", i, got, err, want)
		}
	}
	if n, err := s.IdleLockMinutes(); n != v1IdleLock || err != nil {
		t.Errorf("IdleLockMinutes = %d, %v", n, err)
	}
	if err := s.VerifyAudit(); err != nil {
		t.Errorf("VerifyAudit: %v", err)
	}
	if _, err := v.Unlock("Bob", []byte(v1AdviserPass)); err != nil {
		t.Errorf("Unlock Bob: %v", err)
	}
	rk, err := os.ReadFile(v1RecoveryPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := v.UnlockWithRecoveryKey(strings.TrimSpace(string(rk))); err != nil {
		t.Errorf("UnlockWithRecoveryKey: %v", err)
	}
}

// copyFile copies src to a new private file dst.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
