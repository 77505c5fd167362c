package storage

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// Benchmarks for the performance targets:
//
//	unlock = key derivation + under 50 ms   BenchmarkUnlockOverhead, BenchmarkArgon2id*
//	case list of 10,000 cases < 150 ms      BenchmarkListCases10k, BenchmarkListCases10kWithDeadlines
//	save a case < 10 ms                     BenchmarkSaveCase
//	encryption overhead per 4 KB < 20 µs    BenchmarkSealOpen4KB

// BenchmarkUnlockOverhead is Unlock with a negligible KDF: everything but the derivation
// (reading and unwrapping the slot, deriving session keys, the audited commit).
func BenchmarkUnlockOverhead(b *testing.B) {
	path, s, _ := newTestVault(b)
	s.Vault().Close()
	v, err := Open(path, fastOptions())
	if err != nil {
		b.Fatal(err)
	}
	defer v.Close()
	for b.Loop() {
		s, err := v.Unlock("Alice", adminPass)
		if err != nil {
			b.Fatal(err)
		}
		s.Lock()
	}
}

// BenchmarkArgon2idDefaultFloor is one derivation at the policy floor (m=64 MiB, t=3, p=4).
func BenchmarkArgon2idDefaultFloor(b *testing.B) {
	salt := make([]byte, slotSaltLen)
	for b.Loop() {
		if _, err := deriveSlotSecret(adminPass, salt, DefaultKDFPolicy.Floor, hardMaxKDF); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkArgon2idCalibrated is one derivation with the parameters DefaultKDFPolicy
// calibrates to on this machine: the KDF part of a real unlock.
func BenchmarkArgon2idCalibrated(b *testing.B) {
	p := calibrate(DefaultKDFPolicy, measureArgon2)
	salt := make([]byte, slotSaltLen)
	b.ResetTimer()
	for b.Loop() {
		if _, err := deriveSlotSecret(adminPass, salt, p, hardMaxKDF); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(p.Time), "t")
}

// insertCases adds n cases in one transaction, without audit rows, to build a large vault fast.
func insertCases(b testing.TB, s *Session, n int) {
	b.Helper()
	insertCasesLike(b, s, n, sampleCase)
}

// insertCasesLike is insertCases with the cases made by sample.
func insertCasesLike(b testing.TB, s *Session, n int, sample func(ref string) Case) {
	b.Helper()
	tx, err := s.v.db.Begin()
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	for i := range n {
		c := sample(fmt.Sprintf("WM-%06d", i))
		c.ID, _ = newCaseID()
		c.Status, c.Opened = CaseOpen, "2026-11-23"
		sum, det, err := sealCase(s.keys, c)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec("INSERT INTO cases (id, ref_mac, summary) VALUES (?, ?, ?)", c.ID, referenceMAC(s.keys.refMAC, c.Reference), sum); err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec("INSERT INTO case_details (id, detail) VALUES (?, ?)", c.ID, det); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkListCases10k(b *testing.B) {
	benchListCases(b, sampleCase)
}

// BenchmarkListCases10kWithDeadlines lists 10,000 cases whose summaries all carry key dates,
// a refused claim and dated plan steps for the home screen: the largest summaries there are.
func BenchmarkListCases10kWithDeadlines(b *testing.B) {
	benchListCases(b, deadlineCase)
}

func benchListCases(b *testing.B, sample func(ref string) Case) {
	path, s, _ := newTestVault(b)
	insertCasesLike(b, s, 10_000, sample)
	s.Vault().Close()
	// Measure on a freshly opened vault, as the app sees it after unlock.
	v, err := Open(path, fastOptions())
	if err != nil {
		b.Fatal(err)
	}
	defer v.Close()
	s, err = v.Unlock("Alice", adminPass)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		list, err := s.ListCases()
		if err != nil || len(list) != 10_000 {
			b.Fatalf("%d, %v", len(list), err)
		}
	}
}

func BenchmarkSaveCase(b *testing.B) {
	_, s, _ := newTestVault(b)
	insertCases(b, s, 1000)
	c := mustCreateCase(b, s, sampleCase("BENCH"))
	i := 0
	for b.Loop() {
		i++
		c.Name = fmt.Sprint("name ", i)
		if err := s.SaveCase(c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSealOpen4KB(b *testing.B) {
	k, err := newSessionKeys(bytes.Repeat([]byte{1}, keySize))
	if err != nil {
		b.Fatal(err)
	}
	plain := bytes.Repeat([]byte("x"), 4096)
	b.SetBytes(int64(len(plain)))
	for b.Loop() {
		sealed, err := sealRecord(k.aead, kindCaseDetail, "0123456789abcdef0123456789abcdef", plain)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := openRecord(k.aead, kindCaseDetail, "0123456789abcdef0123456789abcdef", sealed); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreateVault is Create with the default policy: calibration plus one derivation.
func BenchmarkCreateVault(b *testing.B) {
	if testing.Short() {
		b.Skip("slow")
	}
	for b.Loop() {
		start := time.Now()
		s, _, err := Create(b.TempDir()+"/vault.db", "Alice", adminPass, nil)
		if err != nil {
			b.Fatal(err)
		}
		s.Vault().Close()
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms/create")
	}
}
