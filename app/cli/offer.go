package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"waymark/eligibility"
	"waymark/jobs/offer"
)

// offerCommand is the name `waymark offer-check` is typed with.
const offerCommand = "offer-check"

// The usage line lives with the command's other messages (cli.offer.*); registering it here
// lets parse answer -h for offer-check the way it does for every other command.
func init() {
	usageIDs[offerCommand] = "cli.offer.usage"
}

// runOfferCheck checks one job offer against the minimum-wage rules for the worker's age and
// the offer's date and lists its red flags: a readable list for an adviser, or the offer
// contract's JSON for scripts. The offer is decoded strictly, so a typo in a field name is
// exit 2 naming the field rather than a red flag silently left unchecked.
func (c *ctx) runOfferCheck(args []string) error {
	fs := c.newFlags(offerCommand)
	asJSON := fs.Bool("json", false, "")
	pos, err := c.parse(fs, args, 0, 1)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return c.usageErr("cli.offer.err.missing_file", map[string]any{"Command": offerCommand})
	}
	o, err := c.readOffer(pos[0])
	if err != nil {
		return err
	}
	res := offer.Check(o, time.Now())
	res.Localize(c.tr)
	if *asJSON {
		return c.writeJSON(res, "write offer check")
	}
	return c.printOfferCheck(res)
}

// readOffer reads an offer file, or standard input when path is "-", and decodes it strictly.
// A problem with the content is a *eligibility.FieldError (exit 2); a file that cannot be read
// is exit 1.
func (c *ctx) readOffer(path string) (offer.Offer, error) {
	var r io.Reader = c.env.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return offer.Offer{}, fmt.Errorf("open offer file: %w", err)
		}
		defer f.Close()
		r = f
	}
	// One byte more than the decoder accepts is enough for it to report the input as too large.
	data, err := io.ReadAll(io.LimitReader(r, offer.MaxOfferBytes+1))
	if err != nil {
		return offer.Offer{}, fmt.Errorf("read offer: %w", err)
	}
	o, err := offer.Decode(data)
	if err != nil {
		if !errors.Is(err, eligibility.ErrBadInput) {
			return offer.Offer{}, fmt.Errorf("decode offer: %w: %w", eligibility.ErrBadInput, err)
		}
		return offer.Offer{}, fmt.Errorf("decode offer: %w", err)
	}
	return o, nil
}

// printOfferCheck writes the check for an adviser: the pay that counts and the minimum, then
// each flag with its severity, ILO indicator and source, and a reminder that this is guidance.
func (c *ctx) printOfferCheck(res offer.Result) error {
	out := c.env.Stdout
	lines := []string{c.tr.T("cli.offer.heading", map[string]any{"Date": c.tr.DateText(res.Date)}), ""}
	if res.EffectiveHourlyPay != nil {
		lines = append(lines, c.tr.T("cli.offer.effective", map[string]any{"Pay": pounds(*res.EffectiveHourlyPay)}))
	} else {
		lines = append(lines, c.tr.T("cli.offer.effective_unknown"))
	}
	if res.MinimumHourlyPay != nil {
		lines = append(lines, c.tr.T("cli.offer.minimum", map[string]any{"Pay": pounds(*res.MinimumHourlyPay)}))
	} else {
		lines = append(lines, c.tr.T("cli.offer.minimum_unknown"))
	}
	lines = append(lines, "")
	if len(res.Flags) == 0 {
		lines = append(lines, c.tr.T("cli.offer.no_flags"))
	} else {
		lines = append(lines, c.tr.N("cli.offer.flags", len(res.Flags)))
	}
	for _, f := range res.Flags {
		lines = append(lines, "", "  "+c.tr.T("cli.offer.flag", map[string]any{
			"Severity": c.tr.T("offer.severity." + string(f.Severity)), "Text": f.Text}))
		if f.ILOIndicator != "" {
			lines = append(lines, "    "+c.tr.T("cli.offer.ilo", map[string]any{
				"Indicator": c.tr.T("offer.ilo." + string(f.ILOIndicator))}))
		}
		lines = append(lines, "    "+f.Source)
	}
	lines = append(lines, "", c.tr.T("cli.offer.guidance"))
	for _, l := range lines {
		if _, err := fmt.Fprintln(out, l); err != nil {
			return fmt.Errorf("write offer check: %w", err)
		}
	}
	return nil
}

// pounds writes an amount with two decimals, as every amount in the command's output.
func pounds(x float64) string {
	return strconv.FormatFloat(x, 'f', 2, 64)
}
