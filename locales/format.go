package locales

import (
	"math"
	"strconv"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// The messages that say how a language writes a day and an amount of money. They began in the
// printed plan's area and are used everywhere now.
const (
	dateMessage  = "plan.date"  // "{{.Day}} {{.Month}} {{.Year}}", reordered as each language needs
	monthMessage = "plan.month" // plan.month.1 … plan.month.12, in the case a date needs
	moneyMessage = "plan.money" // "£{{.Amount}}" or "{{.Amount}} £"
)

// Date writes d as a person reading tr's language expects: "1 December 2026",
// "1 grudnia 2026", "2026. december 1.". Month names come from the messages, so each language
// chooses its own grammatical case.
func Date(tr Texts, d time.Time) string {
	return tr.T(dateMessage, map[string]any{
		"Day":   d.Day(),
		"Month": tr.T(monthMessage + "." + strconv.Itoa(int(d.Month()))),
		"Year":  d.Year(),
	})
}

// DateText is Date for a stored day (YYYY-MM-DD). Text that is not such a day is returned as it
// is, so a half-typed date still shows what was typed.
func DateText(tr Texts, day string) string {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return Date(tr, d)
}

// Money writes an amount of pounds with the language's decimal and grouping marks and the
// pound sign where the language puts it: "£1,250.50", "1.250,50 £", "1 250,50 £".
func Money(tr Texts, amount float64) string {
	amount = math.Round(amount*100) / 100
	return tr.T(moneyMessage, map[string]any{"Amount": Number(tr, amount, 2)})
}

// Number writes x with decimals places in the language's own marks.
func Number(tr Texts, x float64, decimals int) string {
	return message.NewPrinter(tagOf(tr)).Sprintf("%.*f", decimals, x)
}

// tagOf is the language tr speaks: a *Translator says so; anything else is taken as English.
func tagOf(tr Texts) language.Tag {
	if l, ok := tr.(interface{ Lang() string }); ok {
		if tag, err := language.Parse(l.Lang()); err == nil {
			return tag
		}
	}
	return language.English
}

// Date writes d in t's language; see the package function Date.
func (t *Translator) Date(d time.Time) string { return Date(t, d) }

// DateText writes a stored day in t's language; see the package function DateText.
func (t *Translator) DateText(day string) string { return DateText(t, day) }

// Money writes an amount of pounds in t's language; see the package function Money.
func (t *Translator) Money(amount float64) string { return Money(t, amount) }
