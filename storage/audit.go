package storage

import (
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// The audit trail. Each row carries mac = HMAC(auditKey, prevMAC || row), so editing,
// removing, inserting or reordering a row breaks the chain at that row. The chain head
// (last seq and mac, with its own HMAC) sits in meta, so removing rows from the end is
// detected too. If the head is missing or fails its HMAC, new rows still chain on from the
// last row but the head is left as it is: access to the records goes on, and the evidence of
// tampering is never overwritten.
const (
	auditHeadName = "audit_head"
	macSize       = sha256.Size
	auditHeadLen  = 8 + macSize + macSize
)

// auditRecord is the sealed part of an audit row.
type auditRecord struct {
	Time    time.Time `json:"t"`
	Adviser string    `json:"by"`
	Action  string    `json:"a"`
	CaseID  string    `json:"c,omitempty"`
	Subject string    `json:"s,omitempty"`
}

// auditRow is one row as stored.
type auditRow struct {
	seq    int64
	day    string
	action string
	caseID string
	entry  []byte
	mac    []byte
}

// auditMAC computes a row's chain link.
func auditMAC(key, prev []byte, r auditRow) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(prev)
	m.Write(binary.BigEndian.AppendUint64(nil, uint64(r.seq)))
	m.Write(appendLP(nil, []byte(r.day)))
	m.Write(appendLP(nil, []byte(r.action)))
	m.Write(appendLP(nil, []byte(r.caseID)))
	m.Write(appendLP(nil, r.entry))
	return m.Sum(nil)
}

// headMAC authenticates the chain head.
func headMAC(key []byte, seq int64, last []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte("waymark-audit-head"))
	m.Write(binary.BigEndian.AppendUint64(nil, uint64(seq)))
	m.Write(last)
	return m.Sum(nil)
}

// auditHead is the parsed chain head.
type auditHead struct {
	seq int64
	mac []byte
}

// readHead returns the head and whether it is present and authentic.
func readHead(q querier, key []byte) (auditHead, bool, error) {
	var v []byte
	err := q.QueryRow("SELECT value FROM meta WHERE name = ?", auditHeadName).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return auditHead{}, false, nil
	}
	if err != nil {
		return auditHead{}, false, fmt.Errorf("read audit head: %w", sqliteErr(err))
	}
	if len(v) != auditHeadLen {
		return auditHead{}, false, nil
	}
	h := auditHead{seq: int64(binary.BigEndian.Uint64(v[:8])), mac: v[8 : 8+macSize]}
	if h.seq < 1 || !hmac.Equal(v[8+macSize:], headMAC(key, h.seq, h.mac)) {
		return auditHead{}, false, nil
	}
	return h, true, nil
}

// querier is what both *sql.DB and *sql.Tx offer for reads.
type querier interface {
	QueryRow(string, ...any) *sql.Row
	Query(string, ...any) (*sql.Rows, error)
}

// appendAudit adds one row inside tx. genesis is set only when the vault is made: it is the
// one time a missing head is expected.
func appendAudit(tx *sql.Tx, k *sessionKeys, rec auditRecord, genesis bool) error {
	head, ok, err := readHead(tx, k.audit)
	if err != nil {
		return err
	}
	// The next seq is past both the head and any row beyond it (rows an attacker added), so an
	// insert never collides and a tampered trail never stops the vault working.
	var last sql.NullInt64
	var lastMAC []byte
	err = tx.QueryRow("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1").Scan(&last, &lastMAC)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("audit: %w", sqliteErr(err))
	}
	prev, seq := make([]byte, macSize), last.Int64+1
	switch {
	case ok:
		prev, seq = head.mac, max(head.seq, last.Int64)+1
	case last.Valid && !genesis:
		prev = lastMAC
	}
	writeHead := ok || genesis
	plain, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	r := auditRow{seq: seq, day: rec.Time.UTC().Format(time.DateOnly), action: rec.Action, caseID: rec.CaseID}
	if r.entry, err = sealRecord(k.aead, kindAuditEntry, auditID(seq), plain); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	r.mac = auditMAC(k.audit, prev, r)
	if _, err := tx.Exec("INSERT INTO audit (seq, day, action, case_id, entry, mac) VALUES (?, ?, ?, ?, ?, ?)",
		r.seq, r.day, r.action, r.caseID, r.entry, r.mac); err != nil {
		return fmt.Errorf("audit: %w", sqliteErr(err))
	}
	if !writeHead {
		return nil
	}
	v := binary.BigEndian.AppendUint64(nil, uint64(seq))
	v = append(v, r.mac...)
	v = append(v, headMAC(k.audit, seq, r.mac)...)
	if _, err := tx.Exec("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", auditHeadName, v); err != nil {
		return fmt.Errorf("audit head: %w", sqliteErr(err))
	}
	return nil
}

// auditID is the record id of an audit entry, bound into its associated data.
func auditID(seq int64) string { return "audit/" + strconv.FormatInt(seq, 10) }

// audit writes one row for action in its own transaction.
func (s *Session) audit(k *sessionKeys, action, caseID, subject string) error {
	tx, err := s.v.db.Begin()
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	defer tx.Rollback()
	if err := appendAudit(tx, k, s.record(action, caseID, subject), false); err != nil {
		return err
	}
	return tx.Commit()
}

// record builds an audit record stamped now, by this session's adviser.
func (s *Session) record(action, caseID, subject string) auditRecord {
	return auditRecord{Time: s.v.cfg.now(), Adviser: s.adviser.Name, Action: action, CaseID: caseID, Subject: subject}
}

// Audit returns the audit trail in order, for one case or, with caseID "", for the whole
// vault. A row that fails to open is ErrCorrupt; VerifyAudit says which link broke.
func (s *Session) Audit(caseID string) ([]AuditEntry, error) {
	k, err := s.acquire()
	if err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	q := "SELECT seq, day, action, case_id, entry, mac FROM audit ORDER BY seq"
	args := []any{}
	if caseID != "" {
		q = "SELECT seq, day, action, case_id, entry, mac FROM audit WHERE case_id = ? ORDER BY seq"
		args = append(args, caseID)
	}
	var out []AuditEntry
	err = eachAuditRow(s.v.db, q, args, func(r auditRow) error {
		rec, err := openAuditRow(k, r)
		if err != nil {
			return err
		}
		out = append(out, AuditEntry{Seq: r.seq, Time: rec.Time, Adviser: rec.Adviser, Action: rec.Action, CaseID: rec.CaseID, Subject: rec.Subject})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read audit: %w", err)
	}
	return out, nil
}

// openAuditRow decrypts a row's entry and checks it agrees with the plaintext columns.
func openAuditRow(k *sessionKeys, r auditRow) (auditRecord, error) {
	plain, err := openRecord(k.aead, kindAuditEntry, auditID(r.seq), r.entry)
	if err != nil {
		return auditRecord{}, fmt.Errorf("entry %d: %w", r.seq, err)
	}
	var rec auditRecord
	if err := json.Unmarshal(plain, &rec); err != nil {
		return auditRecord{}, fmt.Errorf("entry %d: malformed: %w", r.seq, ErrCorrupt)
	}
	if rec.Action != r.action || rec.CaseID != r.caseID {
		return auditRecord{}, fmt.Errorf("entry %d: columns disagree with the sealed entry: %w", r.seq, ErrCorrupt)
	}
	return rec, nil
}

// eachAuditRow runs fn over the rows q selects.
func eachAuditRow(q querier, query string, args []any, fn func(auditRow) error) error {
	rows, err := q.Query(query, args...)
	if err != nil {
		return sqliteErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r auditRow
		if err := rows.Scan(&r.seq, &r.day, &r.action, &r.caseID, &r.entry, &r.mac); err != nil {
			return fmt.Errorf("malformed audit row: %w", ErrCorrupt)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return sqliteErr(rows.Err())
}

// VerifyAudit walks the whole chain and returns nil, or an *AuditBreakError naming the first
// row that fails (errors.Is(err, ErrCorrupt) is true).
func (s *Session) VerifyAudit() error {
	k, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	return verifyAudit(s.v.db, k)
}

// verifyAudit checks every link, every sealed entry and the head.
func verifyAudit(q querier, k *sessionKeys) error {
	prev := make([]byte, macSize)
	var last int64
	err := eachAuditRow(q, "SELECT seq, day, action, case_id, entry, mac FROM audit ORDER BY seq", nil, func(r auditRow) error {
		if !hmac.Equal(r.mac, auditMAC(k.audit, prev, r)) {
			return &AuditBreakError{Seq: r.seq}
		}
		if _, err := openAuditRow(k, r); err != nil {
			return &AuditBreakError{Seq: r.seq}
		}
		prev, last = r.mac, r.seq
		return nil
	})
	if err != nil {
		return fmt.Errorf("verify audit: %w", err)
	}
	head, ok, err := readHead(q, k.audit)
	if err != nil {
		return fmt.Errorf("verify audit: %w", err)
	}
	switch {
	case !ok:
		return fmt.Errorf("verify audit: chain head missing or altered: %w", &AuditBreakError{Seq: max(last, 1)})
	case head.seq > last:
		return fmt.Errorf("verify audit: entries missing at the end: %w", &AuditBreakError{Seq: last + 1})
	case head.seq < last:
		return fmt.Errorf("verify audit: entries beyond the chain head: %w", &AuditBreakError{Seq: head.seq + 1})
	case !hmac.Equal(head.mac, prev):
		return fmt.Errorf("verify audit: chain head does not match the last entry: %w", &AuditBreakError{Seq: last})
	}
	return nil
}
