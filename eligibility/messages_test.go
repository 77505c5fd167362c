package eligibility_test

import (
	"strings"
	"testing"

	"waymark/eligibility"
	"waymark/locales"
)

// *locales.Translator is what the app and the command line pass to Localize.
var _ eligibility.Translator = (*locales.Translator)(nil)

// TestEngineMessagesExist: every message the engine itself can produce is in the locales, in
// every shipped language (the locales test checks the translations are complete).
func TestEngineMessagesExist(t *testing.T) {
	ids := []string{"elig.engine.not_assessed", "elig.engine.invalid_fact"}
	for _, s := range []eligibility.Status{eligibility.Eligible, eligibility.NotEligible, eligibility.NeedInfo} {
		ids = append(ids, "elig.status."+string(s))
	}
	for _, id := range ids {
		if !locales.Has(id) {
			t.Errorf("no message %q", id)
		}
	}
	for _, lang := range []string{"en", "ro", "pl"} {
		got := locales.New(lang).T("elig.engine.invalid_fact", map[string]any{"Field": "children_ages"})
		if !strings.Contains(got, "children_ages") || strings.Contains(got, "{{") {
			t.Errorf("%s: %q", lang, got)
		}
	}
}

// TestLocalizeWithLocales runs an engine reason (an invalid fact) through the real
// translator: the adviser reads a sentence in their language, not a message id.
func TestLocalizeWithLocales(t *testing.T) {
	p := newTestland(t)
	r := eligibility.Evaluate(p, eligibility.Facts{Age: ptr(500)}, day("2026-11-23"))
	r.Localize(locales.New("ro"))
	got := r.Results[0].Reasons[0].Text
	if !strings.Contains(got, "„age”") || strings.HasPrefix(got, "[") {
		t.Errorf("Romanian text = %q", got)
	}
}
