package locales_test

import (
	"strings"
	"testing"

	"waymark/eligibility/uk"
	"waymark/locales"
)

// Every benefit the UK rules assess has a glossary entry, so no screen or plan ever falls back
// to a bare id.
func TestEveryBenefitIsInTheGlossary(t *testing.T) {
	for _, id := range (uk.Pack{}).Benefits() {
		if _, ok := locales.TermName(id); !ok {
			t.Errorf("benefit %q has no glossary term", id)
		}
	}
}

// Every term has its explanation in every shipped language, and no explanation repeats the
// name (the dash would then read "Child Benefit — Child Benefit").
func TestGlossaryExplanations(t *testing.T) {
	for _, lang := range locales.Shipped() {
		tr := locales.New(lang.Code)
		for _, term := range locales.Glossary() {
			got := locales.Explain(tr, term.ID)
			name, expl := locales.ExplainParts(tr, term.ID)
			if strings.HasPrefix(expl, "[") || expl == "" {
				t.Errorf("%s: %s has no explanation", lang.Code, term.ID)
			}
			if name != term.English || got != name+" — "+expl {
				t.Errorf("%s: Explain(%s) = %q", lang.Code, term.ID, got)
			}
			if strings.EqualFold(expl, term.English) {
				t.Errorf("%s: %s explains itself", lang.Code, term.ID)
			}
		}
	}
	if got := locales.Explain(locales.New("ro"), "no_such_term"); got != "no_such_term" {
		t.Errorf("unknown term = %q", got)
	}
}

func TestNameAlone(t *testing.T) {
	if got := locales.Name("child_benefit"); got != "Child Benefit" {
		t.Errorf("Name(child_benefit) = %q", got)
	}
	if got := locales.Name("no_such_term"); got != "no_such_term" {
		t.Errorf("Name of an unknown id = %q", got)
	}
}
