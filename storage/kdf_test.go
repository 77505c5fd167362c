package storage

import (
	"errors"
	"testing"
	"time"
)

func TestCalibrate(t *testing.T) {
	floor := DefaultKDFPolicy.Floor
	tests := []struct {
		name     string
		target   time.Duration
		measured time.Duration
		wantTime uint32
	}{
		{"floor already slow enough", 500 * time.Millisecond, 600 * time.Millisecond, 3},
		{"floor exactly on target", 500 * time.Millisecond, 500 * time.Millisecond, 3},
		{"80 ms floor raised to 0.5 s", 500 * time.Millisecond, 80 * time.Millisecond, 19},
		{"100 ms floor raised to 0.5 s", 500 * time.Millisecond, 100 * time.Millisecond, 15},
		{"very fast machine capped at max", 500 * time.Millisecond, time.Millisecond, 100},
		{"zero measurement capped at max", 500 * time.Millisecond, 0, 100},
		{"no target means floor", 0, time.Millisecond, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pol := DefaultKDFPolicy
			pol.Target = tt.target
			calls := 0
			got := calibrate(pol, func(p KDFParams) time.Duration {
				calls++
				if p != floor {
					t.Errorf("measured %v, want the floor %v", p, floor)
				}
				return tt.measured
			})
			want := KDFParams{MemoryKiB: floor.MemoryKiB, Time: tt.wantTime, Threads: floor.Threads}
			if got != want {
				t.Errorf("calibrate = %+v, want %+v", got, want)
			}
			if tt.target == 0 && calls != 0 {
				t.Error("measured without a target")
			}
		})
	}
}

func TestResolvePolicy(t *testing.T) {
	tests := []struct {
		name       string
		pol        KDFPolicy
		production bool
		want       KDFPolicy
		wantErr    error
	}{
		{"zero is the default", KDFPolicy{}, true, DefaultKDFPolicy, nil},
		{"default accepted in production", DefaultKDFPolicy, true, DefaultKDFPolicy, nil},
		{"fast policy accepted in tests", FastTestKDF, false, FastTestKDF, nil},
		{"fast policy refused in production", FastTestKDF, true, KDFPolicy{}, ErrKDFParams},
		{"weaker time refused in production", KDFPolicy{Floor: KDFParams{64 << 10, 2, 4}, Max: DefaultKDFPolicy.Max}, true, KDFPolicy{}, ErrKDFParams},
		{"stronger accepted in production", KDFPolicy{Floor: KDFParams{128 << 10, 4, 4}, Target: time.Second, Max: DefaultKDFPolicy.Max},
			true, KDFPolicy{Floor: KDFParams{128 << 10, 4, 4}, Target: time.Second, Max: DefaultKDFPolicy.Max}, nil},
		{"max above hard cap", KDFPolicy{Floor: FastTestKDF.Floor, Max: KDFParams{1 << 21, 100, 16}}, false, KDFPolicy{}, ErrKDFParams},
		{"floor above max", KDFPolicy{Floor: KDFParams{64, 5, 1}, Max: KDFParams{64, 4, 1}}, false, KDFPolicy{}, ErrKDFParams},
		{"zero floor", KDFPolicy{Max: DefaultKDFPolicy.Max}, false, KDFPolicy{}, ErrKDFParams},
		{"negative target", KDFPolicy{Floor: FastTestKDF.Floor, Target: -1, Max: DefaultKDFPolicy.Max}, false, KDFPolicy{}, ErrKDFParams},
		{"absurd target", KDFPolicy{Floor: FastTestKDF.Floor, Target: time.Hour, Max: DefaultKDFPolicy.Max}, false, KDFPolicy{}, ErrKDFParams},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.production {
				inTest = func() bool { return false }
				defer func() { inTest = testing.Testing }()
			}
			got, err := resolvePolicy(tt.pol)
			if !errors.Is(err, tt.wantErr) || got != tt.want {
				t.Errorf("resolvePolicy = %+v, %v; want %+v, %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestProductionRefusesFastKDF(t *testing.T) {
	inTest = func() bool { return false }
	defer func() { inTest = testing.Testing }()
	path := t.TempDir() + "/vault.db"
	if _, _, err := Create(path, "Alice", adminPass, &Options{KDF: FastTestKDF}); !errors.Is(err, ErrKDFParams) {
		t.Errorf("Create with FastTestKDF outside tests: %v, want ErrKDFParams", err)
	}
	if Exists(path) {
		t.Error("refused Create left a vault")
	}
	if _, err := Open(path, &Options{KDF: FastTestKDF}); !errors.Is(err, ErrKDFParams) {
		t.Errorf("Open with FastTestKDF outside tests: %v, want ErrKDFParams", err)
	}
}

func TestParseKDFParams(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want KDFParams
		ok   bool
	}{
		{"default floor", DefaultKDFPolicy.Floor.marshal(), DefaultKDFPolicy.Floor, true},
		{"hard cap exactly", hardMaxKDF.marshal(), hardMaxKDF, true},
		{"memory one above cap", KDFParams{1<<20 + 1, 1, 1}.marshal(), KDFParams{}, false},
		{"time one above cap", KDFParams{64, 101, 1}.marshal(), KDFParams{}, false},
		{"threads one above cap", KDFParams{1024, 1, 17}.marshal(), KDFParams{}, false},
		{"all zero", make([]byte, kdfParamsLen), KDFParams{}, false},
		{"short", []byte{0, 0, 1}, KDFParams{}, false},
		{"long", append(DefaultKDFPolicy.Floor.marshal(), 0), KDFParams{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseKDFParams(tt.in)
			if tt.ok != (err == nil) || got != tt.want {
				t.Fatalf("parseKDFParams = %+v, %v", got, err)
			}
			if err != nil && !errors.Is(err, ErrCorrupt) {
				t.Errorf("%v does not match ErrCorrupt", err)
			}
		})
	}
}

func TestWeakSlotUpgradedAtUnlock(t *testing.T) {
	path, s, _ := newTestVault(t) // slot at FastTestKDF's floor: m=8 KiB, t=1, p=1
	if err := s.AddAdviser("Bob", RoleAdviser, adviserPass); err != nil {
		t.Fatal(err)
	}
	s.Vault().Close()
	stronger := &Options{KDF: KDFPolicy{Floor: KDFParams{MemoryKiB: 32, Time: 2, Threads: 2}, Max: DefaultKDFPolicy.Max}}
	v, err := Open(path, stronger)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	params := func(name string) KDFParams {
		_, _, slot, err := v.readSlot(v.db, name)
		if err != nil {
			t.Fatal(err)
		}
		return slot.params
	}
	if p := params("Alice"); p != FastTestKDF.Floor {
		t.Fatalf("before unlock: %+v", p)
	}
	if _, err := v.Unlock("Alice", adminPass); err != nil {
		t.Fatal(err)
	}
	if p := params("Alice"); p.weakerThan(stronger.KDF.Floor) {
		t.Errorf("after unlock Alice's slot is still weak: %+v", p)
	}
	if p := params("Bob"); p != FastTestKDF.Floor {
		t.Errorf("Bob's slot changed without Bob unlocking: %+v", p)
	}
	before := argon2Derivations.Load()
	if _, err := v.Unlock("Alice", adminPass); err != nil {
		t.Fatalf("unlock with the upgraded slot: %v", err)
	}
	if n := argon2Derivations.Load() - before; n != 1 {
		t.Errorf("second unlock ran %d derivations, want 1 (no second upgrade)", n)
	}
	if _, err := v.Unlock("Alice", []byte("wrong passphrase")); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("wrong passphrase after upgrade: %v", err)
	}
}

// TestCalibrationUsesFastestRun: a derivation slowed by other work at set-up must not lower
// the calibrated cost; the fastest of the runs decides. (Real timings are measured by
// BenchmarkArgon2idCalibrated, not asserted in a timed test.)
func TestCalibrationUsesFastestRun(t *testing.T) {
	pol := KDFPolicy{Floor: KDFParams{MemoryKiB: 1024, Time: 2, Threads: 1}, Target: 100 * time.Millisecond, Max: DefaultKDFPolicy.Max}
	runs := []time.Duration{80 * time.Millisecond, 20 * time.Millisecond, 50 * time.Millisecond}
	calls := 0
	p := calibrate(pol, func(KDFParams) time.Duration {
		d := runs[calls%len(runs)]
		calls++
		return d
	})
	if calls != 3 {
		t.Errorf("measured %d times, want 3", calls)
	}
	if p.Time != 10 { // 2 passes take 20 ms at best, so 10 passes reach 100 ms
		t.Errorf("calibrated t=%d, want 10 from the fastest run", p.Time)
	}
}
