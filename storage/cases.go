package storage

import (
	"cmp"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// caseIDLen is the length of a case id: 128 random bits in hex.
const caseIDLen = 32

// newCaseID returns a random case id; it says nothing about the case.
func newCaseID() (string, error) {
	b, err := randomBytes(caseIDLen / 2)
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// validCaseID reports whether id has the form newCaseID makes.
func validCaseID(id string) bool {
	if len(id) != caseIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// referenceMAC is the keyed MAC stored beside a case so a duplicate reference is caught
// without storing the reference. References that differ only in case or spacing collide.
func referenceMAC(key []byte, ref string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("waymark-reference"))
	m.Write([]byte(normalizeReference(ref)))
	return m.Sum(nil)
}

// normalizeReference folds case and runs of white space.
func normalizeReference(ref string) string {
	return strings.ToLower(strings.Join(strings.Fields(ref), " "))
}

// CreateCase adds a case: it sets ID, Opened (today), Status (open, if empty) and Adviser (the
// session's adviser, if empty) and returns the stored case. Errors: ErrDuplicateReference,
// ErrInvalid. Audits "create".
func (s *Session) CreateCase(c Case) (Case, error) {
	k, err := s.acquire()
	if err != nil {
		return Case{}, err
	}
	defer s.mu.Unlock()
	c.Reference = strings.TrimSpace(c.Reference)
	if c.Status == "" {
		c.Status = CaseOpen
	}
	if c.Adviser = strings.TrimSpace(c.Adviser); c.Adviser == "" {
		c.Adviser = s.adviser.Name
	}
	c.Opened = s.v.cfg.now().Format("2006-01-02")
	if c.ID, err = newCaseID(); err != nil {
		return Case{}, fmt.Errorf("create case: %w", err)
	}
	if err := validateCase(c); err != nil {
		return Case{}, fmt.Errorf("create case: %w", err)
	}
	summary, detail, err := sealCase(k, c)
	if err != nil {
		return Case{}, fmt.Errorf("create case: %w", err)
	}
	err = s.writeTx(func(tx *sql.Tx) error {
		mac := referenceMAC(k.refMAC, c.Reference)
		if err := checkReferenceFree(tx, mac, c.ID); err != nil {
			return err
		}
		if _, err := tx.Exec("INSERT INTO cases (id, ref_mac, summary) VALUES (?, ?, ?)", c.ID, mac, summary); err != nil {
			if isUniqueViolation(err) {
				return ErrDuplicateReference
			}
			return sqliteErr(err)
		}
		if _, err := tx.Exec("INSERT INTO case_details (id, detail) VALUES (?, ?)", c.ID, detail); err != nil {
			return sqliteErr(err)
		}
		return appendAudit(tx, k, s.record(ActionCreate, c.ID, ""), false)
	})
	if err != nil {
		return Case{}, fmt.Errorf("create case: %w", err)
	}
	return c, nil
}

// Case reads one case. Errors: ErrNotFound; ErrCorrupt if this case's records fail to open
// (other cases are unaffected). Audits "open".
func (s *Session) Case(id string) (Case, error) {
	k, err := s.acquire()
	if err != nil {
		return Case{}, err
	}
	defer s.mu.Unlock()
	if !validCaseID(id) {
		return Case{}, fmt.Errorf("read case: %w", ErrNotFound)
	}
	var c Case
	err = s.writeTx(func(tx *sql.Tx) error {
		var summary, detail []byte
		err := tx.QueryRow("SELECT c.summary, d.detail FROM cases c LEFT JOIN case_details d ON d.id = c.id WHERE c.id = ?", id).Scan(&summary, &detail)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return sqliteErr(err)
		}
		if detail == nil {
			return fmt.Errorf("case %s: detail record missing: %w", id, ErrCorrupt)
		}
		if c, err = openCase(k, id, summary, detail); err != nil {
			return err
		}
		return appendAudit(tx, k, s.record(ActionOpen, id, ""), false)
	})
	if err != nil {
		return Case{}, fmt.Errorf("read case: %w", err)
	}
	return c, nil
}

// SaveCase replaces a case's reference, name, language, status, facts and steps in one
// transaction. An empty Opened keeps the stored date, and an empty Adviser the stored adviser.
// Errors: ErrNotFound, ErrDuplicateReference, ErrInvalid. Audits "change".
func (s *Session) SaveCase(c Case) error {
	k, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	if !validCaseID(c.ID) {
		return fmt.Errorf("save case: %w", ErrNotFound)
	}
	c.Reference = strings.TrimSpace(c.Reference)
	c.Adviser = strings.TrimSpace(c.Adviser)
	if c.Status == "" {
		c.Status = CaseOpen
	}
	err = s.writeTx(func(tx *sql.Tx) error {
		var old []byte
		err := tx.QueryRow("SELECT summary FROM cases WHERE id = ?", c.ID).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return sqliteErr(err)
		}
		if c.Opened == "" || c.Adviser == "" {
			prev, err := openSummary(k, c.ID, old)
			if err != nil {
				return err
			}
			c.Opened = cmp.Or(c.Opened, prev.Opened)
			c.Adviser = cmp.Or(c.Adviser, prev.Adviser)
		}
		if err := validateCase(c); err != nil {
			return err
		}
		summary, detail, err := sealCase(k, c)
		if err != nil {
			return err
		}
		mac := referenceMAC(k.refMAC, c.Reference)
		if err := checkReferenceFree(tx, mac, c.ID); err != nil {
			return err
		}
		if _, err := tx.Exec("UPDATE cases SET ref_mac = ?, summary = ? WHERE id = ?", mac, summary, c.ID); err != nil {
			if isUniqueViolation(err) {
				return ErrDuplicateReference
			}
			return sqliteErr(err)
		}
		if _, err := tx.Exec("INSERT OR REPLACE INTO case_details (id, detail) VALUES (?, ?)", c.ID, detail); err != nil {
			return sqliteErr(err)
		}
		return appendAudit(tx, k, s.record(ActionChange, c.ID, ""), false)
	})
	if err != nil {
		return fmt.Errorf("save case: %w", err)
	}
	return nil
}

// ListCases returns every case's summary, sorted by reference. It reads only the small
// summary records. If some fail to open, the rest are still returned, with a
// *CorruptCasesError (errors.Is(err, ErrCorrupt)) naming the ids that failed.
func (s *Session) ListCases() ([]CaseSummary, error) {
	k, err := s.acquire()
	if err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	rows, err := s.v.db.Query("SELECT id, summary FROM cases")
	if err != nil {
		return nil, fmt.Errorf("list cases: %w", sqliteErr(err))
	}
	defer rows.Close()
	var (
		all   []CaseSummary
		norms []string // the sort keys, computed once per case
		bad   []string
	)
	for rows.Next() {
		var id string
		var b []byte
		if err := rows.Scan(&id, &b); err != nil {
			return nil, fmt.Errorf("list cases: %w", errors.Join(ErrCorrupt, err))
		}
		sum, err := openSummary(k, id, b)
		if err != nil {
			bad = append(bad, id)
			continue
		}
		all = append(all, sum)
		norms = append(norms, normalizeReference(sum.Reference))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list cases: %w", sqliteErr(err))
	}
	// Sort positions rather than the summaries themselves, which are large to move about.
	order := make([]int32, len(all))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Or(cmp.Compare(norms[a], norms[b]), cmp.Compare(all[a].Reference, all[b].Reference), cmp.Compare(all[a].ID, all[b].ID))
	})
	out := make([]CaseSummary, len(all))
	for i, j := range order {
		out[i] = all[j]
	}
	if len(bad) > 0 {
		slices.Sort(bad)
		return out, fmt.Errorf("list cases: %w", &CorruptCasesError{IDs: bad})
	}
	return out, nil
}

// checkReferenceFree returns ErrDuplicateReference if a case other than id has mac.
func checkReferenceFree(tx *sql.Tx, mac []byte, id string) error {
	var other string
	err := tx.QueryRow("SELECT id FROM cases WHERE ref_mac = ? AND id <> ?", mac, id).Scan(&other)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return sqliteErr(err)
	}
	return ErrDuplicateReference
}

// RecordPrint writes a "print" audit row for a case whose plan was printed; printing happens
// outside the vault, so the app reports it here.
func (s *Session) RecordPrint(id string) error {
	k, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	if !validCaseID(id) {
		return fmt.Errorf("record print: %w", ErrNotFound)
	}
	err = s.writeTx(func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRow("SELECT 1 FROM cases WHERE id = ?", id).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return sqliteErr(err)
		}
		return appendAudit(tx, k, s.record(ActionPrint, id, ""), false)
	})
	if err != nil {
		return fmt.Errorf("record print: %w", err)
	}
	return nil
}

// writeTx runs fn in one write transaction and commits it; any error rolls everything back.
func (s *Session) writeTx(fn func(*sql.Tx) error) error {
	tx, err := s.v.db.Begin()
	if err != nil {
		return sqliteErr(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return sqliteErr(err)
	}
	return nil
}
