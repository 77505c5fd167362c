package message

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/mattn/go-sqlite3"

	"waymark/eligibility"
	"waymark/locales"
	"waymark/storage"
)

// cases pairs an error as callers see it (wrapped with context, as the storage and jobs packages
// do) with the English sentence it must give.
var cases = []struct {
	name string
	err  error
	want string
}{
	{"wrong passphrase", fmt.Errorf("unlock: %w", storage.ErrWrongPassphrase),
		"That passphrase does not open this vault."},
	{"corrupt", fmt.Errorf("read case: %w", storage.ErrCorrupt),
		"The vault file is damaged or has been changed outside Waymark. Restore it from a backup."},
	{"damaged backup names the backup, not the vault", storage.ErrBadBackup,
		"The backup file is damaged, cut short or was not made by Waymark. Nothing was changed; try another backup."},
	{"no vault", fmt.Errorf("open vault: %w", storage.ErrNoVault),
		"There is no Waymark vault at that location."},
	{"vault exists", fmt.Errorf("create vault: %w", storage.ErrVaultExists),
		"A vault already exists at that location, and Waymark will not overwrite it."},
	{"unknown adviser", fmt.Errorf("unlock: %w", storage.ErrUnknownAdviser),
		"There is no adviser with that name in this vault."},
	{"adviser exists", fmt.Errorf("add adviser: %w", storage.ErrAdviserExists),
		"An adviser with that name already exists in this vault."},
	{"not admin", fmt.Errorf("restore: %w", storage.ErrNotAdmin),
		"Only an administrator can do this."},
	{"locked", fmt.Errorf("list cases: %w", storage.ErrLocked),
		"The vault is locked. Unlock it and try again."},
	{"not found", fmt.Errorf("open case: %w", storage.ErrNotFound),
		"That case is not in the vault; it may have been erased."},
	{"duplicate reference", fmt.Errorf("create case: %w", storage.ErrDuplicateReference),
		"Another case already has this reference. Choose a different one."},
	{"weak passphrase", fmt.Errorf("create vault: %w", storage.ErrWeakPassphrase),
		fmt.Sprintf("The passphrase is too short. Use at least %d characters.", storage.MinPassphraseLen)},
	{"too new", fmt.Errorf("open vault: %w", storage.ErrTooNew),
		"This vault was made by a newer version of Waymark. Install that version to open it."},
	{"kdf params", fmt.Errorf("unlock: %w", storage.ErrKDFParams),
		"The vault's passphrase protection settings are outside the range Waymark accepts, so it did not try to open it."},
	{"kdf params from disk are also corrupt", fmt.Errorf("unlock: %w: %w", storage.ErrKDFParams, storage.ErrCorrupt),
		"The vault's passphrase protection settings are outside the range Waymark accepts, so it did not try to open it."},
	{"vault busy", fmt.Errorf("restore: %w", storage.ErrVaultBusy),
		"The vault is open in another Waymark window or program. Close it there and try again."},
	{"invalid", fmt.Errorf("add adviser: name: %w", storage.ErrInvalid),
		"A value given is not valid, for example an empty case reference or a name with control characters."},
	{"disk full", fmt.Errorf("backup: %w", &os.PathError{Op: "write", Path: "/home/maria.popescu/backup.wmk", Err: syscall.ENOSPC}),
		"The disk is full. Free some space and try again."},
	{"sqlite disk full", fmt.Errorf("save case: %w", sqlite3.Error{Code: sqlite3.ErrFull}),
		"The disk is full. Free some space and try again."},
	{"read-only file system", fmt.Errorf("backup: %w", &os.PathError{Op: "open", Path: "/media/usb/b.wmk", Err: syscall.EROFS}),
		"The disk or folder is read-only, so Waymark cannot write there."},
	{"permission", fmt.Errorf("open vault: %w", &os.PathError{Op: "open", Path: "/srv/vault.db", Err: syscall.EACCES}),
		"Waymark is not allowed to read or write that file or folder. Check its permissions."},
	{"not exist", fmt.Errorf("read backup: %w", &os.PathError{Op: "open", Path: "/tmp/x", Err: fs.ErrNotExist}),
		"That file or folder does not exist."},
	{"bad input without a field", fmt.Errorf("decode: %w", eligibility.ErrBadInput),
		"The input is not valid."},
	{"generic", errors.New("sql: database /home/maria.popescu/vault.db is busy"),
		"Waymark could not finish this. Try again, and if it keeps happening, ask whoever looks after Waymark in your organisation."},

	{"field syntax with position", &eligibility.FieldError{Problem: eligibility.ProblemSyntax, Line: 3, Column: 14},
		"The file is not valid JSON: look at line 3, column 14."},
	{"field syntax", &eligibility.FieldError{Problem: eligibility.ProblemSyntax},
		"The file is not valid JSON."},
	{"field unknown", &eligibility.FieldError{Field: "facts.habitualy_resident", Problem: eligibility.ProblemUnknown},
		"facts.habitualy_resident: there is no field with this name; check the spelling."},
	{"field type", fmt.Errorf("case file: %w", &eligibility.FieldError{Field: "facts.age", Problem: eligibility.ProblemType, Want: eligibility.WantWholeNumber}),
		"facts.age: the value must be a whole number."},
	{"field type bool", &eligibility.FieldError{Field: "steps[1].done", Problem: eligibility.ProblemType, Want: eligibility.WantBool},
		"steps[1].done: the value must be true or false."},
	{"field type unknown want", &eligibility.FieldError{Field: "facts", Problem: eligibility.ProblemType, Want: "something new"},
		"facts: the value has the wrong type."},
	{"field enum", &eligibility.FieldError{Field: "steps[0].owner", Problem: eligibility.ProblemValue, Allowed: []string{"survivor", "adviser", "other"}},
		"steps[0].owner: this value is not allowed. Use one of: survivor, adviser, other."},
	{"field range", &eligibility.FieldError{Field: "facts.age", Problem: eligibility.ProblemValue, Min: "0", Max: "130"},
		"facts.age: the value must be from 0 to 130."},
	{"field minimum", &eligibility.FieldError{Field: "facts.capital", Problem: eligibility.ProblemValue, Min: "0"},
		"facts.capital: the value must be at least 0."},
	{"field maximum", &eligibility.FieldError{Field: "facts.weekly_hours", Problem: eligibility.ProblemValue, Max: "168"},
		"facts.weekly_hours: the value must be at most 168."},
	{"field country", &eligibility.FieldError{Field: "facts.nationality", Problem: eligibility.ProblemValue, Want: eligibility.WantCountryCode},
		"facts.nationality: use a two-letter country code, such as RO, PL or GB."},
	{"field language", &eligibility.FieldError{Field: "language", Problem: eligibility.ProblemValue, Want: eligibility.WantLanguageCode},
		"language: use a language code, such as ro, pl or en."},
	{"field control characters", &eligibility.FieldError{Field: "name", Problem: eligibility.ProblemValue, Want: eligibility.WantNoControl},
		"name: the text contains control characters, which are not allowed."},
	{"field repeated", &eligibility.FieldError{Field: "reference", Problem: eligibility.ProblemValue, Want: eligibility.WantOnce},
		"reference: this field is given more than once."},
	{"field value", &eligibility.FieldError{Field: "reference", Problem: eligibility.ProblemValue},
		"reference: this value is not allowed."},
	{"field date", &eligibility.FieldError{Field: "steps[2].due", Problem: eligibility.ProblemDate},
		"steps[2].due: this is not a real date; write it as YYYY-MM-DD, for example 2026-03-31."},
	{"field missing", &eligibility.FieldError{Field: "reference", Problem: eligibility.ProblemMissing},
		"reference: this field is required."},
	{"field too long text", &eligibility.FieldError{Field: "name", Problem: eligibility.ProblemTooLong, Max: "200", Want: eligibility.WantUnitChars},
		"name: the text is too long; at most 200 characters are allowed."},
	{"field too long list", &eligibility.FieldError{Field: "steps", Problem: eligibility.ProblemTooLong, Max: "1", Want: eligibility.WantUnitItems},
		"steps: the list is too long; at most 1 item is allowed."},
	{"whole input too large", &eligibility.FieldError{Problem: eligibility.ProblemTooLong, Max: "1048576", Want: eligibility.WantUnitBytes},
		"input: this is too large; at most 1048576 bytes are allowed."},
	{"field too long without limit", &eligibility.FieldError{Field: "name", Problem: eligibility.ProblemTooLong},
		"name: this is too long."},
	{"field unknown problem", &eligibility.FieldError{Field: "facts.age", Problem: "new_problem"},
		"facts.age: the value is not valid."},
}

func TestForErrorEnglish(t *testing.T) {
	en := locales.New("en")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := ForError(en, c.err); got != c.want {
				t.Errorf("ForError(%v)\n got %q\nwant %q", c.err, got, c.want)
			}
		})
	}
}

// TestForErrorNeverShowsErrorText guards the promise that a sentence carries no Go error text,
// file path or personal data from the error chain.
func TestForErrorNeverShowsErrorText(t *testing.T) {
	for _, lang := range []string{"en", "ro", "pl"} {
		tr := locales.New(lang)
		for _, c := range cases {
			got := ForError(tr, c.err)
			for _, leak := range []string{"maria", "popescu", "/home", "/srv", "/tmp", "sql:", "unlock:", "open vault", "%!"} {
				if strings.Contains(strings.ToLower(got), leak) {
					t.Errorf("%s %s: sentence %q contains %q", lang, c.name, got, leak)
				}
			}
			if strings.Contains(got, "[err.") || strings.Contains(got, "<no value>") {
				t.Errorf("%s %s: sentence %q has a missing message or placeholder", lang, c.name, got)
			}
		}
	}
}

// TestForErrorTranslated checks that Romanian and Polish give their own sentence for every
// mapping (not the English fallback) and still name the field of a FieldError.
func TestForErrorTranslated(t *testing.T) {
	en := locales.New("en")
	for _, lang := range []string{"ro", "pl"} {
		tr := locales.New(lang)
		for _, c := range cases {
			got, english := ForError(tr, c.err), ForError(en, c.err)
			if got == "" || got == english {
				t.Errorf("%s %s: got %q, want a translation of %q", lang, c.name, got, english)
			}
			var fe *eligibility.FieldError
			if errors.As(c.err, &fe) && fe.Field != "" && !strings.Contains(got, fe.Field) {
				t.Errorf("%s %s: %q does not name the field %s", lang, c.name, got, fe.Field)
			}
		}
	}
}

func TestForErrorSpecificWords(t *testing.T) {
	checks := []struct {
		lang string
		err  error
		want string
	}{
		{"ro", storage.ErrWrongPassphrase, "parolă"},
		{"pl", storage.ErrWrongPassphrase, "hasło"},
		{"ro", storage.ErrWeakPassphrase, "10 caractere"},
		{"pl", storage.ErrWeakPassphrase, "10 znaków"},
		{"pl", &eligibility.FieldError{Field: "steps", Problem: eligibility.ProblemTooLong, Max: "3", Want: eligibility.WantUnitItems}, "3 elementy"},
		{"ro", &eligibility.FieldError{Field: "name", Problem: eligibility.ProblemTooLong, Max: "200", Want: eligibility.WantUnitChars}, "200 de caractere"},
		{"ro", &eligibility.FieldError{Field: "steps[0].owner", Problem: eligibility.ProblemValue, Allowed: []string{"survivor", "adviser", "other"}}, "survivor, adviser, other"},
	}
	for _, c := range checks {
		if got := ForError(locales.New(c.lang), c.err); !strings.Contains(got, c.want) {
			t.Errorf("%s %v: %q does not contain %q", c.lang, c.err, got, c.want)
		}
	}
}

func TestForErrorNilCases(t *testing.T) {
	if got := ForError(locales.New("en"), nil); got != "" {
		t.Errorf("nil error gave %q", got)
	}
	if got, want := ForError(nil, storage.ErrNotAdmin), "Only an administrator can do this."; got != want {
		t.Errorf("nil translator gave %q, want %q", got, want)
	}
}
