package storage

import (
	"database/sql"
	"fmt"
)

// migration moves the schema from version-1 to version. Migrations run in order, each in its
// own transaction with the user_version bump, so a crash leaves a whole version or none.
// Entries are never edited once released: every vault ever written must keep opening.
type migration struct {
	version int64
	stmts   []string
}

// migrations is the ordered schema history; PRAGMA user_version is the index of the last one
// applied.
var migrations = []migration{
	{version: 1, stmts: schemaV1},
	{version: 2, stmts: schemaV2},
}

// schemaVersion is the newest schema this build writes.
var schemaVersion = migrations[len(migrations)-1].version

// schemaV1 is the first release. Plaintext columns hold only random ids, record kinds, day
// dates and keyed MACs; everything else is a sealed record.
var schemaV1 = []string{
	// One key slot per adviser. The name is shown on the unlock screen; name and role are
	// bound into the slot's associated data.
	`CREATE TABLE key_slots (
		name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
		role TEXT NOT NULL,
		slot BLOB NOT NULL
	) STRICT`,
	// The recovery key's slot; at most one.
	`CREATE TABLE recovery_slot (
		id   INTEGER PRIMARY KEY CHECK (id = 1),
		slot BLOB NOT NULL
	) STRICT`,
	// The small per-case record the case list reads, and a keyed MAC of the normalised
	// reference so uniqueness is enforced without storing the reference.
	`CREATE TABLE cases (
		id      TEXT PRIMARY KEY NOT NULL,
		ref_mac BLOB NOT NULL UNIQUE,
		summary BLOB NOT NULL
	) STRICT`,
	// Facts and plan steps, read only when a case is opened.
	`CREATE TABLE case_details (
		id     TEXT PRIMARY KEY NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
		detail BLOB NOT NULL
	) STRICT`,
	// The audit trail: each row's mac chains it to the one before.
	`CREATE TABLE audit (
		seq     INTEGER PRIMARY KEY,
		day     TEXT NOT NULL,
		action  TEXT NOT NULL,
		case_id TEXT NOT NULL,
		entry   BLOB NOT NULL,
		mac     BLOB NOT NULL
	) STRICT`,
	`CREATE INDEX audit_by_case ON audit(case_id) WHERE case_id <> ''`,
	// The audit trail is append-only for this program; a determined attacker can drop these
	// triggers, which is why the chain is verified cryptographically as well.
	`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
		BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END`,
	`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
		BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END`,
	// Sealed settings and the MAC'd audit chain head.
	`CREATE TABLE meta (
		name  TEXT PRIMARY KEY NOT NULL,
		value BLOB NOT NULL
	) STRICT`,
}

// schemaV2 gives every account a status, so an adviser can be invited with a one-time code
// (the slot wraps the key under the code) or disabled (the slot holds no key at all). The
// status is plaintext because the keys enforce it: editing it cannot open an account.
var schemaV2 = []string{
	`ALTER TABLE key_slots ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
		CHECK (status IN ('active', 'invited', 'disabled'))`,
}

// migrate brings db up to schemaVersion. A vault newer than this build is refused with
// ErrTooNew before anything is written; a file with no schema at all is ErrCorrupt unless
// fresh is set (Create builds from nothing).
func migrate(db *sql.DB, fresh bool) error {
	v, err := pragmaInt(db, "user_version")
	if err != nil {
		return err
	}
	switch {
	case v > schemaVersion:
		return fmt.Errorf("schema version %d, this build knows %d: %w", v, schemaVersion, ErrTooNew)
	case v < 0:
		return fmt.Errorf("schema version %d: %w", v, ErrCorrupt)
	case v == 0 && !fresh:
		return fmt.Errorf("no schema: %w", ErrCorrupt)
	}
	for _, m := range migrations {
		if m.version <= v {
			continue
		}
		if err := applyMigration(db, m); err != nil {
			return err
		}
	}
	return nil
}

// applyMigration runs one migration and its version bump in a single transaction.
func applyMigration(db *sql.DB, m migration) error {
	tx, err := db.Begin()
	if err != nil {
		return fmt.Errorf("migrate to %d: %w", m.version, err)
	}
	defer tx.Rollback()
	for _, s := range m.stmts {
		if _, err := tx.Exec(s); err != nil {
			return fmt.Errorf("migrate to %d: %w", m.version, sqliteErr(err))
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return fmt.Errorf("migrate to %d: %w", m.version, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate to %d: %w", m.version, err)
	}
	return nil
}
