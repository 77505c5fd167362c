package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"waymark/eligibility"
	// The UK rule pack registers itself with eligibility.DefaultRegistry when imported; check
	// and rules use it through the registry only.
	_ "waymark/eligibility/uk"
	"waymark/locales"
)

// checkPack is the rule pack `waymark check` applies. DESIGN.md's contract has one pack today;
// a second jurisdiction would add a flag to choose it.
const checkPack = "uk"

// runCheck prints the eligibility results for one person's facts on a date: a table for an
// adviser, or the results contract as JSON for scripts. The facts are decoded strictly, so a
// typo in a field name is exit 2 naming the field rather than a silently unknown fact.
func (c *ctx) runCheck(args []string) error {
	const command = "check"
	fs := c.newFlags(command)
	asJSON := fs.Bool("json", false, "")
	dateFlag := fs.String("date", "", "")
	pos, err := c.parse(fs, args, 0, 1)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return c.usageErr("cli.err.missing_facts_file", map[string]any{"Command": command})
	}
	date := eligibility.Day(time.Now())
	if *dateFlag != "" {
		d, ok := eligibility.ParseDate(*dateFlag)
		if !ok {
			return c.usageErr("cli.err.bad_date", map[string]any{"Command": command, "Flag": "--date"})
		}
		date = d
	}
	facts, err := c.readFacts(pos[0])
	if err != nil {
		return err
	}
	pack, ok := eligibility.DefaultRegistry.Lookup(checkPack)
	if !ok {
		return c.fail("cli.err.no_rulepack", map[string]any{"ID": checkPack})
	}
	res := eligibility.Evaluate(pack, facts, date)
	res.Localize(c.tr)
	if *asJSON {
		return c.writeJSON(res, "write results")
	}
	return c.printResults(res)
}

// readFacts reads a facts file, or standard input when path is "-", and decodes it strictly.
// A problem with the content is a *eligibility.FieldError (exit 2); a file that cannot be read
// is exit 1.
func (c *ctx) readFacts(path string) (eligibility.Facts, error) {
	var r io.Reader = c.env.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return eligibility.Facts{}, fmt.Errorf("open facts file: %w", err)
		}
		defer f.Close()
		r = f
	}
	// One byte more than the decoder accepts is enough for it to report the input as too large.
	data, err := io.ReadAll(io.LimitReader(r, eligibility.MaxFactsBytes+1))
	if err != nil {
		return eligibility.Facts{}, fmt.Errorf("read facts: %w", err)
	}
	facts, err := eligibility.DecodeFacts(data)
	if err != nil {
		if !errors.Is(err, eligibility.ErrBadInput) {
			return eligibility.Facts{}, fmt.Errorf("decode facts: %w: %w", eligibility.ErrBadInput, err)
		}
		return eligibility.Facts{}, fmt.Errorf("decode facts: %w", err)
	}
	return facts, nil
}

// writeJSON prints v indented, without HTML escaping, so a script reads the text as written.
func (c *ctx) writeJSON(v any, what string) error {
	enc := json.NewEncoder(c.env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// printResults writes the results for an adviser: a table of every benefit, then the reasons
// for each, the next steps, which rules were used, and a reminder that this is not a decision.
func (c *ctx) printResults(res eligibility.Results) error {
	out := c.env.Stdout
	fmt.Fprintln(out, c.tr.T("cli.check.heading", map[string]any{"Date": c.tr.DateText(res.AssessmentDate)}))
	fmt.Fprintln(out)
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, strings.Join([]string{
		c.tr.T("cli.check.col_benefit"), c.tr.T("cli.check.col_status"),
		c.tr.T("cli.check.col_estimate"), c.tr.T("cli.check.col_missing"),
	}, "\t"))
	for _, r := range res.Results {
		estimate := "-"
		if r.MonthlyEstimate != nil {
			estimate = c.tr.T("cli.check.amount", map[string]any{"Amount": locales.Number(c.tr, *r.MonthlyEstimate, 2)})
		}
		missing := "-"
		if len(r.Missing) > 0 {
			missing = strings.Join(r.Missing, ", ")
		}
		fmt.Fprintln(w, strings.Join([]string{
			locales.Name(r.Benefit), c.tr.T("elig.status." + string(r.Status)), estimate, missing,
		}, "\t"))
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write results: %w", err)
	}

	fmt.Fprintln(out)
	fmt.Fprintln(out, c.tr.T("cli.check.reasons"))
	for _, r := range res.Results {
		if len(r.Reasons) == 0 {
			continue
		}
		fmt.Fprintln(out)
		fmt.Fprintln(out, locales.Explain(c.tr, r.Benefit))
		for _, rs := range r.Reasons {
			fmt.Fprintln(out, "  - "+rs.Text)
			if rs.Source != "" {
				fmt.Fprintln(out, "    "+rs.Source)
			}
		}
	}

	fmt.Fprintln(out)
	fmt.Fprintln(out, c.tr.T("cli.check.next_steps"))
	if len(res.NextSteps) == 0 {
		fmt.Fprintln(out, "  "+c.tr.T("cli.check.no_next_steps"))
	}
	for _, ns := range res.NextSteps {
		fmt.Fprintln(out, "  - "+ns.Text)
	}

	fmt.Fprintln(out)
	fmt.Fprintln(out, c.tr.T("cli.check.rulepack", map[string]any{
		"ID": res.Rulepack.ID, "Version": res.Rulepack.Version, "Reviewed": res.Rulepack.Reviewed}))
	fmt.Fprintln(out, c.tr.T("cli.check.guidance"))
	return nil
}
