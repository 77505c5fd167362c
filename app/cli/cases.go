package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"waymark/eligibility"
	"waymark/jobs"
	"waymark/storage"
)

// runCaseImport adds one case from a case file. The file is decoded strictly before anything
// else, so a mistake in it is reported (exit 2) before anyone types a passphrase.
func (c *ctx) runCaseImport(args []string) error {
	const command = "case import"
	fs := c.newFlags(command)
	var v vaultFlags
	v.register(fs)
	adviser := fs.String("adviser", "", "")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	if err := c.require(command, "adviser", *adviser); err != nil {
		return err
	}
	cf, err := c.readCaseFile(pos[0])
	if err != nil {
		return err
	}
	s, done, err := c.unlock(command, v, *adviser)
	if err != nil {
		return err
	}
	defer done()
	created, err := s.CreateCase(storage.Case{
		Reference: cf.Reference,
		Name:      cf.Name,
		Language:  cf.Language,
		Facts:     cf.Facts,
		Steps:     cf.Steps,
		Profile:   cf.Profile,
		Review:    cf.Review,
	})
	if err != nil {
		return fmt.Errorf("import case: %w", err)
	}
	fmt.Fprintln(c.env.Stdout, c.tr.T("cli.case.added", map[string]any{"Reference": created.Reference}))
	return nil
}

// readCaseFile reads and decodes path. Decoding problems come back as *eligibility.FieldError
// (exit 2); a file that cannot be read is exit 1.
func (c *ctx) readCaseFile(path string) (jobs.CaseFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return jobs.CaseFile{}, fmt.Errorf("open case file: %w", err)
	}
	defer f.Close()
	// One byte more than the decoder accepts is enough for it to report the file as too large.
	data, err := io.ReadAll(io.LimitReader(f, jobs.MaxCaseFileBytes+1))
	if err != nil {
		return jobs.CaseFile{}, fmt.Errorf("read case file: %w", err)
	}
	cf, err := jobs.DecodeCaseFile(data)
	if err != nil {
		if !errors.Is(err, eligibility.ErrBadInput) {
			// The decoder promises ErrBadInput for every problem with the file; anything else
			// is still the file's fault as far as the person running the command can tell.
			return jobs.CaseFile{}, fmt.Errorf("decode case file: %w: %w", eligibility.ErrBadInput, err)
		}
		return jobs.CaseFile{}, fmt.Errorf("decode case file: %w", err)
	}
	return cf, nil
}

// caseJSON is one element of `case list --json`. The field names are the scripting contract;
// add fields, never rename or drop them.
type caseJSON struct {
	ID        string `json:"id"`
	Reference string `json:"reference"`
	Name      string `json:"name"`
	Language  string `json:"language"`
	Status    string `json:"status"`
	Opened    string `json:"opened"`
	Review    string `json:"review"` // YYYY-MM-DD, or "" when no review date is set
}

// runCaseList prints the vault's cases, sorted by reference: an aligned table for people, or a
// JSON array (never null) for scripts.
func (c *ctx) runCaseList(args []string) error {
	const command = "case list"
	fs := c.newFlags(command)
	var v vaultFlags
	v.register(fs)
	adviser := fs.String("adviser", "", "")
	asJSON := fs.Bool("json", false, "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if err := c.require(command, "adviser", *adviser); err != nil {
		return err
	}
	s, done, err := c.unlock(command, v, *adviser)
	if err != nil {
		return err
	}
	defer done()
	list, err := s.ListCases()
	if err != nil {
		return fmt.Errorf("list cases: %w", err)
	}
	if *asJSON {
		return c.printCasesJSON(list)
	}
	return c.printCasesTable(list)
}

func (c *ctx) printCasesJSON(list []storage.CaseSummary) error {
	out := make([]caseJSON, 0, len(list))
	for _, cs := range list {
		out = append(out, caseJSON{ID: cs.ID, Reference: cs.Reference, Name: cs.Name,
			Language: cs.Language, Status: string(cs.Status), Opened: cs.Opened, Review: cs.Review})
	}
	enc := json.NewEncoder(c.env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write case list: %w", err)
	}
	return nil
}

func (c *ctx) printCasesTable(list []storage.CaseSummary) error {
	if len(list) == 0 {
		fmt.Fprintln(c.env.Stdout, c.tr.T("cli.list.empty"))
		return nil
	}
	today := c.reviewDay()
	w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", c.tr.T("cli.list.reference"), c.tr.T("cli.list.status"),
		c.tr.T("cli.list.opened"), c.tr.T("jobs.list.review"), c.tr.T("cli.list.language"))
	for _, cs := range list {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", cs.Reference, c.statusText(cs.Status), cs.Opened,
			c.reviewText(cs, today), cs.Language)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write case list: %w", err)
	}
	return nil
}

// reviewDay is the day review dates are compared with: the storage clock when a test pins
// one, otherwise now.
func (c *ctx) reviewDay() time.Time {
	if c.env.Storage != nil && c.env.Storage.Now != nil {
		return c.env.Storage.Now()
	}
	return time.Now()
}

// reviewText is the review column: the date, marked when it has passed on an open case so the
// adviser sees which plans are due for review; "-" when no date is set.
func (c *ctx) reviewText(cs storage.CaseSummary, today time.Time) string {
	switch {
	case cs.Review == "":
		return "-"
	case cs.Status == storage.CaseOpen && jobs.ReviewOverdue(cs.Review, today):
		return c.tr.T("jobs.list.review_overdue", map[string]any{"Date": cs.Review})
	}
	return cs.Review
}

// statusText translates a case status; a status this build does not know is shown as stored.
func (c *ctx) statusText(s storage.CaseStatus) string {
	switch s {
	case storage.CaseOpen:
		return c.tr.T("cli.status.open")
	case storage.CaseClosed:
		return c.tr.T("cli.status.closed")
	}
	return string(s)
}
