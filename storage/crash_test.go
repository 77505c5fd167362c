package storage

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"waymark/jobs"
)

// crashChildEnv, when set to a vault path, turns the test binary into the crash child: it
// commits in a loop, printing each commit after it returns, until it is killed.
const crashChildEnv = "WAYMARK_STORAGE_CRASH_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(crashChildEnv); path != "" {
		os.Exit(crashChild(path))
	}
	os.Exit(m.Run())
}

// crashChild creates cases and re-saves the previous one, alternately, forever. Each line
// it prints is an acknowledged commit: "C id" for a created case, "S id n" for a save that
// set the name to "vn".
func crashChild(path string) int {
	v, err := Open(path, &Options{KDF: FastTestKDF})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	s, err := v.Unlock("Alice", adminPass)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 3
	}
	prefix := strconv.Itoa(os.Getpid())
	var last Case
	for i := 0; ; i++ {
		if i%2 == 1 {
			// The same marker goes into both records, so a half-applied save would show.
			last.Name = "v" + strconv.Itoa(i)
			last.Steps = []jobs.Step{{Text: last.Name}}
			if err := s.SaveCase(last); err != nil {
				fmt.Fprintln(os.Stderr, err)
				return 3
			}
			os.Stdout.WriteString("S " + last.ID + " " + strconv.Itoa(i) + "\n")
			continue
		}
		c, err := s.CreateCase(Case{Reference: prefix + "-" + strconv.Itoa(i), Name: "v0", Steps: []jobs.Step{{Text: "v0"}}})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 3
		}
		last = c
		os.Stdout.WriteString("C " + c.ID + "\n")
	}
}

func TestCrashKeepsAcknowledgedCommits(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns 50 processes")
	}
	path := filepath.Join(t.TempDir(), "vault.db")
	s, _, err := Create(path, "Alice", adminPass, fastOptions())
	if err != nil {
		t.Fatal(err)
	}
	s.Vault().Close()

	created := map[string]bool{}
	savedAt := map[string]int{}
	for round := range 50 {
		acks, stderr := runAndKill(t, path, 1+rand.IntN(6), time.Duration(rand.IntN(3000))*time.Microsecond)
		for _, line := range acks {
			f := strings.Fields(line)
			switch {
			case len(f) == 2 && f[0] == "C":
				created[f[1]] = true
			case len(f) == 3 && f[0] == "S":
				n, _ := strconv.Atoi(f[2])
				savedAt[f[1]] = n
			default:
				t.Fatalf("round %d: child printed %q (stderr %q)", round, line, stderr)
			}
		}
		checkAfterCrash(t, path, round, created, savedAt)
	}
	if len(created) < 50 {
		t.Errorf("only %d acknowledged commits over 50 rounds", len(created))
	}
}

// runAndKill starts the crash child, lets it acknowledge at least minAcks commits, waits
// delay more, kills it with SIGKILL and returns every line it printed.
func runAndKill(t *testing.T, path string, minAcks int, delay time.Duration) ([]string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(out)
	for len(lines) < minAcks && sc.Scan() {
		lines = append(lines, sc.Text())
	}
	time.Sleep(delay)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	for sc.Scan() { // lines printed before the kill landed are acknowledged too
		lines = append(lines, sc.Text())
	}
	cmd.Wait()
	if len(lines) < minAcks {
		t.Fatalf("child stopped after %d lines: %s", len(lines), stderr.String())
	}
	return lines, stderr.String()
}

// checkAfterCrash opens the vault as a fresh process would and checks that it is intact and
// holds every acknowledged commit.
func checkAfterCrash(t *testing.T, path string, round int, created map[string]bool, savedAt map[string]int) {
	t.Helper()
	v, err := Open(path, fastOptions())
	if err != nil {
		t.Fatalf("round %d: Open after kill: %v", round, err)
	}
	defer v.Close()
	var res string
	if err := v.db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("round %d: integrity_check = %q, %v", round, res, err)
	}
	s, err := v.Unlock("Alice", adminPass)
	if err != nil {
		t.Fatalf("round %d: Unlock: %v", round, err)
	}
	list, err := s.ListCases()
	if err != nil {
		t.Fatalf("round %d: ListCases: %v", round, err)
	}
	names := map[string]string{}
	for _, c := range list {
		names[c.ID] = c.Name
	}
	for id := range created {
		name, ok := names[id]
		if !ok {
			t.Fatalf("round %d: acknowledged case %s missing", round, id)
		}
		n, _ := strconv.Atoi(strings.TrimPrefix(name, "v"))
		if n < savedAt[id] {
			t.Fatalf("round %d: case %s has save %d, acknowledged %d", round, id, n, savedAt[id])
		}
	}
	if err := s.VerifyAudit(); err != nil {
		t.Fatalf("round %d: VerifyAudit: %v", round, err)
	}
	// Every case's two records come from the same save.
	rows, err := v.db.Query("SELECT c.id, c.summary, d.detail FROM cases c JOIN case_details d ON d.id = c.id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id string
		var sum, det []byte
		if err := rows.Scan(&id, &sum, &det); err != nil {
			t.Fatal(err)
		}
		c, err := openCase(s.keys, id, sum, det)
		if err != nil {
			t.Fatalf("round %d: case %s: %v", round, id, err)
		}
		if len(c.Steps) != 1 || c.Steps[0].Text != c.Name {
			t.Fatalf("round %d: case %s half-saved: summary %q, detail %+v", round, id, c.Name, c.Steps)
		}
		n++
	}
	if n != len(list) {
		t.Fatalf("round %d: %d cases have details, %d have summaries", round, n, len(list))
	}
}

func TestRestoreAgainstAnotherProcess(t *testing.T) {
	path, s, _ := newTestVault(t)
	mustCreateCase(t, s, sampleCase("IN-BACKUP"))
	backup := filepath.Join(t.TempDir(), "backup.wmb")
	if err := s.Backup(backup); err != nil {
		t.Fatal(err)
	}
	s.Vault().Close()

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	if !sc.Scan() {
		t.Fatal("child did not start committing")
	}
	if err := Restore(backup, path, "Alice", adminPass, fastOptions()); !errors.Is(err, ErrVaultBusy) {
		t.Errorf("Restore while another process writes: %v, want ErrVaultBusy", err)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("the killed child left no WAL to test with: %v", err)
	}
	// The dead process left a WAL full of commits; restore must fold it into the old file and
	// never let it be replayed into the restored one.
	if err := Restore(backup, path, "Alice", adminPass, fastOptions()); err != nil {
		t.Fatalf("Restore after the other process died: %v", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("stale %s left beside the restored vault", suffix)
		}
	}
	v, err := Open(path, fastOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	var res string
	if err := v.db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v", res, err)
	}
	rs, err := v.Unlock("Alice", adminPass)
	if err != nil {
		t.Fatal(err)
	}
	list, err := rs.ListCases()
	if err != nil || len(list) != 1 || list[0].Reference != "IN-BACKUP" {
		t.Errorf("restored vault holds %+v, %v; want only the backed-up case", list, err)
	}
}
