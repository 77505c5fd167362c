package jobs

import (
	"strings"
	"testing"

	"waymark/locales"
)

// TestStepCodesMatchMessages checks the contract with the printed plan: every code has a
// "jobs.step.<code>" message whose English is the Text a suggestion carries, and HasBring is
// true exactly when "jobs.bring.<code>" exists.
func TestStepCodesMatchMessages(t *testing.T) {
	en := locales.New("en")
	seen := map[string]bool{}
	for _, code := range StepCodes() {
		if seen[code] {
			t.Errorf("code %q listed twice", code)
		}
		seen[code] = true
		text, ok := StepText(code)
		if !ok {
			t.Fatalf("StepText(%q) not found", code)
		}
		if got := en.T("jobs.step." + code); got != text {
			t.Errorf("jobs.step.%s = %q, the step's Text is %q", code, got, text)
		}
		if got, want := HasBring(code), locales.Has("jobs.bring."+code); got != want {
			t.Errorf("HasBring(%q) = %v, message exists = %v", code, got, want)
		}
		if strings.ToLower(code) != code || strings.ContainsAny(code, " -.") {
			t.Errorf("code %q is not snake_case", code)
		}
	}
	for _, code := range []string{"", "Apply_nino", "no_such_step", "apply_nino "} {
		if IsStepCode(code) || HasBring(code) || Sensitive(code) {
			t.Errorf("%q accepted as a step code", code)
		}
		if _, ok := StepText(code); ok {
			t.Errorf("StepText(%q) found", code)
		}
	}
}

// TestSurvivorMessagesArePlain checks what is printed for the survivor: short (a survivor with
// little English reads one idea at a time), Romanian written with comma-below ș and ț rather
// than the cedilla look-alikes, and translated rather than copied from English.
func TestSurvivorMessagesArePlain(t *testing.T) {
	var ids []string
	for _, code := range StepCodes() {
		ids = append(ids, "jobs.step."+code)
		if HasBring(code) {
			ids = append(ids, "jobs.bring."+code)
		}
	}
	for _, lang := range []string{"en", "ro", "pl"} {
		tr := locales.New(lang)
		for _, id := range ids {
			s := tr.T(id)
			if strings.HasPrefix(s, "[") {
				t.Errorf("%s %s missing", lang, id)
			}
			if strings.ContainsAny(s, "şţŞŢ") {
				t.Errorf("%s %s uses a cedilla letter: %q", lang, id, s)
			}
			if n := len(strings.Fields(s)); n > 22 {
				t.Errorf("%s %s has %d words, too long for the printed plan: %q", lang, id, n, s)
			}
			if lang != "en" && s == locales.New("en").T(id) {
				t.Errorf("%s %s is the English text", lang, id)
			}
		}
	}
}

func TestSensitiveSteps(t *testing.T) {
	want := map[string]bool{
		"ask_victim_support": true, "apply_asylum_support": true, "ask_council_support": true,
		"immigration_advice": true, "sar_exemption": true,
		// Deadline steps that name the NRM or immigration permission.
		"extend_leave": true, "plan_end_of_support": true, "plan_end_of_move_on": true,
	}
	for _, code := range StepCodes() {
		if Sensitive(code) != want[code] {
			t.Errorf("Sensitive(%q) = %v, want %v", code, Sensitive(code), want[code])
		}
	}
}
