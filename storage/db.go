package storage

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// applicationID marks a SQLite file as a Waymark vault ("WMRK"). It is set when the vault is
// made and never changes, so it can be read from the file header before SQLite opens it.
const applicationID = 0x574D524B

// driverName is the database/sql driver with Waymark's connection settings.
const driverName = "waymark-sqlite3"

// connPragmas run on every new connection. WAL with synchronous=FULL makes every
// acknowledged commit durable; secure_delete zeroes freed content; temp_store keeps sorts and
// VACUUM's scratch copy in memory; trusted_schema and cell_size_check harden against a
// tampered file.
var connPragmas = []string{
	"PRAGMA journal_mode = WAL",
	"PRAGMA synchronous = FULL",
	"PRAGMA foreign_keys = ON",
	"PRAGMA secure_delete = ON",
	"PRAGMA temp_store = MEMORY",
	"PRAGMA trusted_schema = OFF",
	"PRAGMA cell_size_check = ON",
}

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			for _, p := range connPragmas {
				if _, err := c.Exec(p, nil); err != nil {
					return fmt.Errorf("%s: %w", p, err)
				}
			}
			return nil
		},
	})
}

// dsn builds a SQLite URI for path. Characters with a meaning in URIs are escaped so any
// path works; BEGIN IMMEDIATE takes the write lock up front, so two processes never
// deadlock upgrading a read to a write.
func dsn(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/...
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	return "file://" + p + "?_txlock=immediate&_busy_timeout=5000", nil
}

// openDB opens path with Waymark's settings and one connection, so every statement sees the
// same pragmas and transactions never interleave inside the process.
func openDB(path string) (*sql.DB, error) {
	name, err := dsn(path)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(driverName, name)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, sqliteErr(err)
	}
	return db, nil
}

// sqliteErr maps SQLite's corruption codes to ErrCorrupt and leaves other errors as they are.
func sqliteErr(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		return fmt.Errorf("%v: %w", se.Code, ErrCorrupt)
	}
	return err
}

// isUniqueViolation reports a UNIQUE or PRIMARY KEY constraint failure.
func isUniqueViolation(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey)
}

// checkHeader reads the first 100 bytes of path and refuses anything that is not a SQLite
// database carrying Waymark's application id, before SQLite is allowed to touch the file.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return ErrNoVault
		}
		return err
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return fmt.Errorf("file header: %w", ErrCorrupt)
	}
	if !bytes.Equal(h[:16], []byte("SQLite format 3\x00")) {
		return fmt.Errorf("file header: not a sqlite database: %w", ErrCorrupt)
	}
	id := uint32(h[68])<<24 | uint32(h[69])<<16 | uint32(h[70])<<8 | uint32(h[71])
	if id != applicationID {
		return fmt.Errorf("file header: not a waymark vault: %w", ErrCorrupt)
	}
	return nil
}

// pragmaInt reads an integer pragma.
func pragmaInt(q interface{ QueryRow(string, ...any) *sql.Row }, name string) (int64, error) {
	var v int64
	if err := q.QueryRow("PRAGMA " + name).Scan(&v); err != nil {
		return 0, sqliteErr(fmt.Errorf("read %s: %w", name, err))
	}
	return v, nil
}

// checkpoint moves the WAL into the database and truncates the WAL file to zero bytes. It
// fails if another connection keeps the WAL in use, since then old frames may survive.
func checkpoint(db *sql.DB) error {
	var busy, logFrames, done int64
	if err := db.QueryRow("PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logFrames, &done); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if busy != 0 {
		return fmt.Errorf("checkpoint: wal in use: %w", ErrVaultBusy)
	}
	return nil
}
