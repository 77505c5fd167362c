package storage

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"waymark/eligibility"
	"waymark/jobs"
)

// caseExport is one case as the person it is about receives it on request (UK GDPR art. 15
// and 20): everything the vault holds about them, in plain JSON with readable names, and who
// did what with it.
type caseExport struct {
	Exported    string               `json:"exported"`
	Reference   string               `json:"reference"`
	Name        string               `json:"name,omitempty"`
	Language    string               `json:"language,omitempty"`
	Status      CaseStatus           `json:"status"`
	Opened      string               `json:"opened"`
	Adviser     string               `json:"adviser,omitempty"`
	Closed      string               `json:"closed,omitempty"`
	CloseReason CloseReason          `json:"close_reason,omitempty"`
	Consent     Consent              `json:"consent"`
	Contact     Contact              `json:"contact"`
	Facts       eligibility.Facts    `json:"facts"`
	KeyDates    eligibility.KeyDates `json:"key_dates"`
	Profile     jobs.Profile         `json:"profile"`
	Steps       []jobs.Step          `json:"plan_steps"`
	Review      string               `json:"plan_review,omitempty"`
	Outcomes    jobs.Outcomes        `json:"outcomes"`
	Notes       []Note               `json:"notes"`
	History     []exportHistory      `json:"history"`
}

type exportHistory struct {
	Time    string `json:"time"`
	Adviser string `json:"adviser"`
	Action  string `json:"action"`
}

// ExportCase writes everything the vault holds about one case, with its history, as indented
// JSON for a data-subject request, and records the export in the audit trail. Nothing is
// written to w unless the whole case was read.
func (s *Session) ExportCase(id string, w io.Writer) error {
	c, err := s.Case(id) // audited as an opening, like any reading of the case
	if err != nil {
		return fmt.Errorf("export case: %w", err)
	}
	entries, err := s.Audit(id)
	if err != nil {
		return fmt.Errorf("export case: %w", err)
	}
	out := caseExport{
		Exported: s.v.cfg.now().Format(time.DateOnly), Reference: c.Reference, Name: c.Name, Adviser: c.Adviser,
		Language: c.Language, Status: c.Status, Opened: c.Opened, Closed: c.Closed,
		CloseReason: c.CloseReason, Consent: c.Consent, Contact: c.Contact, Facts: c.Facts,
		KeyDates: c.KeyDates, Profile: c.Profile, Steps: c.Steps, Review: c.Review,
		Outcomes: c.Outcomes, Notes: c.Notes, History: []exportHistory{},
	}
	if out.Notes == nil {
		out.Notes = []Note{}
	}
	for _, e := range entries {
		out.History = append(out.History, exportHistory{Time: e.Time.Format(time.RFC3339), Adviser: e.Adviser, Action: e.Action})
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return fmt.Errorf("export case: %w", err)
	}
	defer zero(data)
	if err := s.recordExport(id); err != nil {
		return fmt.Errorf("export case: %w", err)
	}
	if _, err := w.Write(append(data, '\n')); err != nil {
		return fmt.Errorf("export case: %w", err)
	}
	return nil
}

// recordExport writes an "export" audit row for a case.
func (s *Session) recordExport(id string) error {
	k, err := s.acquire()
	if err != nil {
		return err
	}
	defer s.mu.Unlock()
	return s.writeTx(func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRow("SELECT 1 FROM cases WHERE id = ?", id).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return sqliteErr(err)
		}
		return appendAudit(tx, k, s.record(ActionExport, id, ""), false)
	})
}
