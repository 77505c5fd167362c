package storage

import (
	"path/filepath"
	"testing"
)

// withMigrations swaps in a longer schema history for one test.
func withMigrations(t *testing.T, extra ...migration) {
	t.Helper()
	saved, savedVersion := migrations, schemaVersion
	migrations = append(append([]migration(nil), saved...), extra...)
	schemaVersion = migrations[len(migrations)-1].version
	t.Cleanup(func() { migrations, schemaVersion = saved, savedVersion })
}

func TestMigrationsUpgradeTheV1Fixture(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vault.db")
	if err := copyFile(v1FixturePath, path); err != nil {
		t.Fatal(err)
	}
	withMigrations(t,
		migration{version: schemaVersion + 1, stmts: []string{"CREATE TABLE v2_marker (x INTEGER) STRICT"}},
		migration{version: schemaVersion + 2, stmts: []string{"INSERT INTO v2_marker VALUES (3)"}},
	)
	v, err := Open(path, fastOptions())
	if err != nil {
		t.Fatalf("Open with pending migrations: %v", err)
	}
	defer v.Close()
	if got, _ := pragmaInt(v.db, "user_version"); got != schemaVersion {
		t.Errorf("user_version = %d, want %d", got, schemaVersion)
	}
	var x int
	if err := v.db.QueryRow("SELECT x FROM v2_marker").Scan(&x); err != nil || x != 3 {
		t.Errorf("migrations did not run in order: %d, %v", x, err)
	}
	if _, err := v.Unlock("Alice", []byte(v1AdminPass)); err != nil {
		t.Errorf("Unlock after migration: %v", err)
	}
}

func TestFailedMigrationLeavesTheVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vault.db")
	if err := copyFile(v1FixturePath, path); err != nil {
		t.Fatal(err)
	}
	base := schemaVersion
	withMigrations(t, migration{version: base + 1, stmts: []string{
		"CREATE TABLE half_done (x INTEGER)",
		"THIS IS NOT SQL",
	}})
	if _, err := Open(path, fastOptions()); err == nil {
		t.Fatal("Open succeeded with a failing migration")
	}
	migrations, schemaVersion = migrations[:len(migrations)-1], base
	v, err := Open(path, fastOptions())
	if err != nil {
		t.Fatalf("Open after failed migration: %v", err)
	}
	defer v.Close()
	if got, _ := pragmaInt(v.db, "user_version"); got != base {
		t.Errorf("user_version = %d after a failed migration, want %d", got, base)
	}
	var n int
	if err := v.db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").Scan(&n); err != nil || n != 0 {
		t.Errorf("half of a failed migration was kept: %d, %v", n, err)
	}
}
