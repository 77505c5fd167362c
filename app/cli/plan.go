package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"waymark/app/printout"
	"waymark/eligibility"
	"waymark/jobs"
	"waymark/jobs/planpdf"
	"waymark/locales"
)

// planCommand is the command's name as typed.
const planCommand = "plan"

func init() {
	usageIDs[planCommand] = "cli.plan.usage"
}

// planOptions are the flags of `waymark plan`, read and checked.
type planOptions struct {
	casePath, out string
	lang          string // "" to use the case file's language
	safe, letter  bool
	date          time.Time
}

// runPlan prints a survivor's action plan to a PDF: `waymark plan --case CASE.json --out
// PLAN.pdf [--lang CODE] [--safe] [--date YYYY-MM-DD] [--letter]`. The case file is decoded
// strictly and the UK rules are applied on the date (today by default); the plan holds the case
// file's steps, or when it has none the steps suggested from its facts and profile. --lang
// overrides the case file's language; --safe makes a safe print; --letter lays the plan out on
// US Letter paper instead of A4. The PDF is written whole or not at all. The case file has one
// name field, so a safe print, which never shows a surname, shows no name.
func (c *ctx) runPlan(args []string) error {
	opt, err := c.planFlags(args)
	if err != nil {
		return err
	}
	cf, err := c.readCaseFile(opt.casePath)
	if err != nil {
		return err
	}
	pack, ok := eligibility.DefaultRegistry.Lookup(checkPack)
	if !ok {
		return c.fail("cli.err.no_rulepack", map[string]any{"ID": checkPack})
	}
	in := planInput(cf, pack, opt)
	survivor, english := locales.New(in.Language), locales.New(locales.Source)
	err = printout.WriteFile(opt.out, func(w io.Writer) error {
		return planpdf.Render(w, in, survivor, english)
	})
	var ge *planpdf.GlyphError
	switch {
	case errors.As(err, &ge):
		return c.usageErr("cli.plan.err.glyph", map[string]any{"Command": planCommand, "Field": ge.Field})
	case errors.Is(err, eligibility.ErrBadInput):
		return err
	case err != nil:
		return fmt.Errorf("write plan: %w", err)
	}
	c.reportPlan(in, survivor, english)
	return nil
}

// planFlags reads and checks the flags, before any file is touched.
func (c *ctx) planFlags(args []string) (planOptions, error) {
	fs := c.newFlags(planCommand)
	casePath := fs.String("case", "", "")
	out := fs.String("out", "", "")
	lang := fs.String("lang", "", "")
	safe := fs.Bool("safe", false, "")
	letter := fs.Bool("letter", false, "")
	dateFlag := fs.String("date", "", "")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return planOptions{}, err
	}
	for _, f := range []struct{ name, value string }{{"case", *casePath}, {"out", *out}} {
		if err := c.require(planCommand, f.name, f.value); err != nil {
			return planOptions{}, err
		}
	}
	opt := planOptions{casePath: *casePath, out: *out, lang: *lang, safe: *safe, letter: *letter,
		date: eligibility.Day(time.Now())}
	if *dateFlag != "" {
		d, ok := eligibility.ParseDate(*dateFlag)
		if !ok {
			return planOptions{}, c.usageErr("cli.err.bad_date", map[string]any{"Command": planCommand, "Flag": "--date"})
		}
		opt.date = d
	}
	if opt.lang != "" && !isLanguageCode(opt.lang) {
		return planOptions{}, c.usageErr("cli.plan.err.bad_lang", map[string]any{"Command": planCommand, "Flag": "--lang"})
	}
	if samePath(opt.out, opt.casePath) {
		// Writing the plan over its own case file would lose the case.
		return planOptions{}, c.usageErr("cli.plan.err.same_file", map[string]any{"Command": planCommand})
	}
	return opt, nil
}

// planInput is what the printed plan shows for a case on the options' date: the UK rules'
// results, and the case file's steps or, when it has none, the suggested ones in suggestion
// order.
func planInput(cf jobs.CaseFile, pack eligibility.Pack, opt planOptions) planpdf.Input {
	results := eligibility.Evaluate(pack, cf.Facts, opt.date)
	steps := cf.Steps
	if !cf.HasSteps {
		steps = nil
		for _, s := range jobs.Suggest(results, cf.Facts, cf.Profile, opt.date) {
			steps = append(steps, s.Step)
		}
	}
	in := planpdf.Input{
		Reference: cf.Reference,
		FullName:  cf.Name,
		Language:  cf.Language,
		Date:      opt.date,
		Review:    cf.Review,
		Results:   results,
		Steps:     steps,
		Safe:      opt.safe,
		Page:      planpdf.A4,
	}
	if opt.lang != "" {
		in.Language = opt.lang
	}
	if cf.Facts.Nation != nil {
		in.Nation = *cf.Facts.Nation
	}
	if opt.letter {
		in.Page = planpdf.Letter
	}
	return in
}

// reportPlan says the plan is saved and, for the adviser to check before handing it over, in
// what language and what a safe print left out.
func (c *ctx) reportPlan(in planpdf.Input, survivor, english eligibility.Translator) {
	out := c.env.Stdout
	fmt.Fprintln(out, c.tr.T("cli.plan.saved"))
	if !locales.IsShipped(in.Language) {
		fmt.Fprintln(out, c.tr.T("cli.plan.lang_fallback", map[string]any{"Language": in.Language}))
	}
	if !in.Safe {
		return
	}
	fmt.Fprintln(out, c.tr.T("cli.plan.safe"))
	if left := planpdf.SafeOmittedSteps(in, survivor, english); len(left) > 0 {
		numbers := make([]string, len(left))
		for i, n := range left {
			numbers[i] = strconv.Itoa(n + 1)
		}
		fmt.Fprintln(out, c.tr.N("cli.plan.left_out", len(left), map[string]any{"Steps": strings.Join(numbers, ", ")}))
	}
}

// isLanguageCode accepts a lower-case ISO 639 code of two or three letters, as the case file's
// "language" does.
func isLanguageCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool { return r < 'a' || r > 'z' }) < 0
}
