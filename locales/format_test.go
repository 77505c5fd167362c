package locales_test

import (
	"strings"
	"testing"
	"time"

	"waymark/locales"
)

func TestDatesAndMoneyInEachLanguage(t *testing.T) {
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		lang, date, money, big string
	}{
		{"en", "1 December 2026", "£424.90", "£1,250.50"},
		{"ro", "1 decembrie 2026", "424,90 £", "1.250,50 £"},
		{"pl", "1 grudnia 2026", "424,90 £", "1\u00a0250,50 £"},
	}
	for _, tt := range tests {
		tr := locales.New(tt.lang)
		if got := tr.Date(day); got != tt.date {
			t.Errorf("%s: Date = %q, want %q", tt.lang, got, tt.date)
		}
		if got := tr.DateText("2026-12-01"); got != tt.date {
			t.Errorf("%s: DateText = %q, want %q", tt.lang, got, tt.date)
		}
		if got := tr.Money(424.899); got != tt.money {
			t.Errorf("%s: Money = %q, want %q", tt.lang, got, tt.money)
		}
		if got := tr.Money(1250.5); got != tt.big {
			t.Errorf("%s: Money(1250.5) = %q, want %q", tt.lang, got, tt.big)
		}
	}
	if got := locales.New("en").DateText("2026-13-01"); got != "2026-13-01" {
		t.Errorf("a malformed day = %q, want it unchanged", got)
	}
}

// Every shipped language writes every month of a date without a missing message.
func TestEveryLanguageWritesEveryMonth(t *testing.T) {
	for _, lang := range locales.Shipped() {
		tr := locales.New(lang.Code)
		for m := time.January; m <= time.December; m++ {
			got := tr.Date(time.Date(2026, m, 15, 0, 0, 0, 0, time.UTC))
			if got == "" || containsBracket(got) {
				t.Errorf("%s: month %d = %q", lang.Code, m, got)
			}
		}
		if got := tr.Money(1); containsBracket(got) {
			t.Errorf("%s: money = %q", lang.Code, got)
		}
	}
}

func containsBracket(s string) bool {
	for _, r := range s {
		if r == '[' {
			return true
		}
	}
	return false
}

func TestOneFullStopAfterADateThatEndsInOne(t *testing.T) {
	day := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{
		"hu": "Határidő: 2026. december 7.",
		"lt": "2026 m. gruodžio 7 d.",
		"en": "By 7 December 2026.",
	} {
		tr := locales.New(lang)
		got := tr.T("plan.due", map[string]any{"Date": tr.Date(day)})
		if got != want && !(lang == "lt" && strings.HasSuffix(got, want)) {
			t.Errorf("%s: plan.due = %q, want %q", lang, got, want)
		}
		if strings.Contains(got, "..") {
			t.Errorf("%s: two full stops in %q", lang, got)
		}
	}
}
