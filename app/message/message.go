// Package message turns an error from the vault, the case-file decoder or the operating system
// into one plain, translated sentence a person can act on. The desktop app and the command line
// both use it, so an adviser reads the same words for the same problem wherever it happens.
//
// A sentence never contains the error's own text: Go error strings are written for developers,
// are English only, and may carry file paths or other detail that does not belong on a screen
// an exploiter might see.
package message

import (
	"errors"
	"io/fs"

	"waymark/eligibility"
	"waymark/locales"
	"waymark/storage"
)

// sentinels maps the storage errors callers branch on to their message ids. Order matters where
// one error matches two sentinels: ErrKDFParams read from disk also matches ErrCorrupt, and the
// more precise sentence wins.
var sentinels = []struct {
	err error
	id  string
}{
	{storage.ErrKDFParams, "err.kdf_params"},
	{storage.ErrWrongPassphrase, "err.wrong_passphrase"},
	{storage.ErrBadBackup, "err.bad_backup"},
	{storage.ErrCorrupt, "err.corrupt"},
	{storage.ErrNoVault, "err.no_vault"},
	{storage.ErrVaultExists, "err.vault_exists"},
	{storage.ErrUnknownAdviser, "err.unknown_adviser"},
	{storage.ErrAdviserDisabled, "err.adviser_disabled"},
	{storage.ErrInvitationPending, "err.invitation_pending"},
	{storage.ErrNotInvited, "err.not_invited"},
	{storage.ErrAdviserExists, "err.adviser_exists"},
	{storage.ErrNotAdmin, "err.not_admin"},
	{storage.ErrLocked, "err.locked"},
	{storage.ErrNotFound, "err.not_found"},
	{storage.ErrDuplicateReference, "err.duplicate_reference"},
	{storage.ErrTooNew, "err.too_new"},
	{storage.ErrVaultBusy, "err.vault_busy"},
	{storage.ErrInvalid, "err.invalid"},
}

// ForError returns one sentence in tr's language that says what went wrong and, where there is
// something to do, what to do. It returns "" for a nil error. A nil tr speaks English.
// Errors it does not recognise get a general sentence rather than their text.
func ForError(tr *locales.Translator, err error) string {
	if err == nil {
		return ""
	}
	if tr == nil {
		tr = locales.New(locales.Source)
	}
	var fe *eligibility.FieldError
	if errors.As(err, &fe) {
		return forField(tr, fe)
	}
	for _, s := range sentinels {
		if errors.Is(err, s.err) {
			return tr.T(s.id)
		}
	}
	switch {
	case errors.Is(err, storage.ErrWeakPassphrase):
		return tr.N("err.weak_passphrase", storage.MinPassphraseLen)
	case errors.Is(err, eligibility.ErrBadInput):
		return tr.T("err.bad_input")
	case isDiskFull(err):
		return tr.T("err.disk_full")
	case isReadOnly(err):
		return tr.T("err.read_only")
	case errors.Is(err, fs.ErrPermission):
		return tr.T("err.permission")
	case errors.Is(err, fs.ErrNotExist):
		return tr.T("err.not_exist")
	}
	return tr.T("err.generic")
}
