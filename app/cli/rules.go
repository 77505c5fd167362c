package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"waymark/eligibility"
)

// ruleJSON is one element of `rules --json`. The field names are the scripting contract; add
// fields, never rename or drop them.
type ruleJSON struct {
	ID       string `json:"id"`
	Version  string `json:"version"`
	Reviewed string `json:"reviewed"`
}

// runRules lists the rule packs this build knows, so an adviser or a script can tell which
// rules and how recently reviewed ones give the answers of `check`.
func (c *ctx) runRules(args []string) error {
	fs := c.newFlags("rules")
	asJSON := fs.Bool("json", false, "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	packs := eligibility.DefaultRegistry.Packs()
	list := make([]ruleJSON, 0, len(packs))
	for _, p := range packs {
		list = append(list, ruleJSON{
			ID:       p.ID(),
			Version:  p.Version(),
			Reviewed: eligibility.Day(p.Reviewed()).Format(time.DateOnly),
		})
	}
	if *asJSON {
		return c.writeJSON(list, "write rule packs")
	}
	if len(list) == 0 {
		fmt.Fprintln(c.env.Stdout, c.tr.T("cli.rules.empty"))
		return nil
	}
	w := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, strings.Join([]string{
		c.tr.T("cli.rules.id"), c.tr.T("cli.rules.version"), c.tr.T("cli.rules.reviewed"),
	}, "\t"))
	for _, r := range list {
		fmt.Fprintln(w, strings.Join([]string{r.ID, r.Version, r.Reviewed}, "\t"))
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write rule packs: %w", err)
	}
	return nil
}
