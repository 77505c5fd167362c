// Package storage is Waymark's encrypted vault: one SQLite file holding advisers' key slots,
// survivors' case records, settings and an audit trail, all sealed before they reach SQLite.
//
// # Keys
//
// A random 256-bit data key encrypts every record with XChaCha20-Poly1305 under a fresh
// random nonce; the associated data binds the format version, the record kind and the record
// id, so a ciphertext copied into another row fails to open (ErrCorrupt). The data key is
// wrapped once per adviser under Argon2id(passphrase), with the parameters stored in the slot
// and calibrated when it is made (DefaultKDFPolicy), and once under the recovery key shown at
// set-up. Changing a passphrase rewraps one slot; records are never re-encrypted.
//
// # What is on disk in the clear
//
// Adviser names and roles (for the unlock screen; the role is bound into the slot), random
// case ids, record kinds, audit actions and day dates, and keyed MACs (the case-reference MAC
// that enforces uniqueness, the audit chain). Names, references, facts, plans and settings
// are sealed.
//
// # Durability
//
// WAL with synchronous=FULL: a call that returned has its change on disk, and a crash at any
// moment leaves the last committed state. Each change and its audit row commit together.
// Erasing a case checkpoints and vacuums so no byte of it remains in the database, WAL or
// shared-memory file.
//
// # Compatibility
//
// PRAGMA application_id marks a vault; PRAGMA user_version is its schema version, and every
// released schema migrates forward (testdata/v1.vault must always open). Record, key-slot and
// backup formats carry a version byte; a build refuses versions it does not know rather than
// guess.
package storage
