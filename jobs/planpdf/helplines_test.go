package planpdf

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"waymark/eligibility"
	"waymark/locales"
)

func TestHelplinesFor(t *testing.T) {
	tests := []struct {
		nation eligibility.Nation
		want   []string
	}{
		{"", []string{"emergency", "modern_slavery_helpline", "samaritans"}},
		{eligibility.England, []string{"emergency", "modern_slavery_helpline", "salvation_army", "samaritans", "acas"}},
		{eligibility.Wales, []string{"emergency", "modern_slavery_helpline", "salvation_army", "samaritans", "acas"}},
		{eligibility.Scotland, []string{"emergency", "modern_slavery_helpline", "migrant_help_scotland", "samaritans", "acas"}},
		{eligibility.NorthernIreland, []string{"emergency", "modern_slavery_helpline", "samaritans", "lra"}},
	}
	for _, tc := range tests {
		var got []string
		for _, h := range HelplinesFor(tc.nation) {
			got = append(got, h.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("HelplinesFor(%q) = %v, want %v", tc.nation, got, tc.want)
		}
	}
}

// TestHelplineData checks every helpline has a UK number as written, an https source and its
// words in every shipped language, including the safe words of a sensitive line. The Modern
// Slavery & Exploitation Helpline number is the one the issue names.
func TestHelplineData(t *testing.T) {
	number := regexp.MustCompile(`^[0-9]{3,5}( [0-9]{3,4}){0,2}$`)
	var helpline string
	for _, h := range Helplines() {
		if !number.MatchString(h.Number) {
			t.Errorf("%s: number %q is not written as dialled", h.ID, h.Number)
		}
		if !strings.HasPrefix(h.Source, "https://") {
			t.Errorf("%s: source %q is not an https address", h.ID, h.Source)
		}
		parts := []string{"name", "about", "hours"}
		if h.Sensitive {
			parts = append(parts, "safe_name", "safe_about")
		}
		for _, p := range parts {
			if id := "plan.helpline." + h.ID + "." + p; !locales.Has(id) {
				t.Errorf("no message %s", id)
			}
		}
		if h.ID == "modern_slavery_helpline" {
			helpline = h.Number
		}
	}
	if helpline != "08000 121 700" {
		t.Errorf("Modern Slavery & Exploitation Helpline number = %q", helpline)
	}
	// Helplines returns a copy: changing it does not change what is printed.
	hs := Helplines()
	hs[0].Number = "0"
	if Helplines()[0].Number == "0" {
		t.Error("Helplines shares its slice with the package")
	}
}

// TestSafeHelplineWords checks a safe print's helpline words in every shipped language name
// nothing sensitive, while the ordinary words of the same lines do (so the check can fail).
func TestSafeHelplineWords(t *testing.T) {
	for _, lang := range locales.Shipped() {
		tr := locales.New(lang.Code)
		for _, h := range Helplines() {
			prefix := "plan.helpline." + h.ID
			if h.Sensitive {
				for _, p := range []string{".safe_name", ".safe_about", ".hours"} {
					if s := tr.T(prefix + p); namesSensitive(s) {
						t.Errorf("%s %s%s names something sensitive: %q", lang.Code, prefix, p, s)
					}
				}
				if !namesSensitive(tr.T(prefix+".name")) && !namesSensitive(tr.T(prefix+".about")) {
					t.Errorf("%s %s is marked sensitive but its words name nothing", lang.Code, h.ID)
				}
				continue
			}
			for _, p := range []string{".name", ".about", ".hours"} {
				if s := tr.T(prefix + p); namesSensitive(s) {
					t.Errorf("%s %s%s names something sensitive but the line is not marked so: %q", lang.Code, prefix, p, s)
				}
			}
		}
	}
}
