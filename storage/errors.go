package storage

import (
	"errors"
	"fmt"
)

// Sentinel errors. Callers branch on them with errors.Is; the package wraps them with
// context that never carries personal data or key material.
var (
	// ErrWrongPassphrase means the passphrase or recovery key does not open that key slot.
	ErrWrongPassphrase = errors.New("wrong passphrase or recovery key")

	// ErrCorrupt means bytes failed authentication, a row is malformed, the file is not a
	// Waymark vault, or the audit chain is broken. It is never returned for a wrong
	// passphrase, so the two get different messages.
	ErrCorrupt = errors.New("vault data is corrupt or not a waymark vault")

	// ErrNoVault means there is no vault file at the path.
	ErrNoVault = errors.New("no vault at this path")

	// ErrVaultExists means Create was asked to build a vault where one already is.
	ErrVaultExists = errors.New("a vault already exists at this path")

	// ErrUnknownAdviser means no adviser has that name.
	ErrUnknownAdviser = errors.New("unknown adviser")

	// ErrAdviserExists means AddAdviser was given a name already in use.
	ErrAdviserExists = errors.New("an adviser with this name already exists")

	// ErrNotAdmin means the action needs the admin role.
	ErrNotAdmin = errors.New("this action needs an admin")

	// ErrLocked means the session was locked; unlock again.
	ErrLocked = errors.New("session is locked")

	// ErrNotFound means no case has that id.
	ErrNotFound = errors.New("case not found")

	// ErrDuplicateReference means another case already has this reference.
	ErrDuplicateReference = errors.New("another case already has this reference")

	// ErrWeakPassphrase means the passphrase is shorter than MinPassphraseLen runes.
	ErrWeakPassphrase = errors.New("passphrase is too short")

	// ErrTooNew means the vault's schema is newer than this build understands; opening it
	// could lose data, so it is refused.
	ErrTooNew = errors.New("vault was written by a newer version of waymark")

	// ErrKDFParams means key-derivation parameters are out of range. They are refused before
	// any derivation, so a tampered slot cannot make the laptop allocate gigabytes or spin for
	// hours. When the parameters came from disk, errors.Is(err, ErrCorrupt) is true as well.
	ErrKDFParams = errors.New("key derivation parameters out of range")

	// ErrInvalid means an argument is malformed (an empty case reference, an adviser name
	// with control characters, a setting out of range). The wrapping error names the field.
	ErrInvalid = errors.New("invalid input")

	// ErrVaultBusy means another program (or another Vault in this one) has the vault open,
	// so an action that needs it alone, such as Restore, was refused before changing anything.
	ErrVaultBusy = errors.New("the vault is open elsewhere")

	// ErrAdviserDisabled means the account was disabled by an admin: its key is gone, and only
	// a new one-time code (IssueCode) lets the adviser back in.
	ErrAdviserDisabled = errors.New("this account is disabled")

	// ErrInvitationPending means the account waits for its first passphrase: open it with the
	// one-time code through AcceptInvitation, not Unlock.
	ErrInvitationPending = errors.New("this account waits for its first passphrase")

	// ErrNotInvited means AcceptInvitation was used on an account that has a passphrase.
	ErrNotInvited = errors.New("this account is not waiting for a one-time code")

	// ErrBadBackup means a backup file is damaged, cut short or not a Waymark backup. It always
	// matches ErrCorrupt too; callers check it first so the person is told the backup, not the
	// vault they are restoring into, is at fault.
	ErrBadBackup = errors.New("the backup file is damaged or not a Waymark backup")
)

// errKDFFromDisk is returned for stored KDF parameters that are out of range: both a KDF
// refusal and evidence of a corrupt or tampered slot.
var errKDFFromDisk = fmt.Errorf("%w: %w", ErrKDFParams, ErrCorrupt)

// AuditBreakError reports the first audit row whose HMAC chain link fails: an edited,
// removed, inserted or reordered row. errors.Is(err, ErrCorrupt) is true.
type AuditBreakError struct {
	// Seq is the sequence number of the first row that fails to verify. For a removed row it
	// is the row after the gap; for removed rows at the end it is the last sequence number
	// the chain head vouches for.
	Seq int64
}

func (e *AuditBreakError) Error() string {
	return fmt.Sprintf("audit chain broken at entry %d", e.Seq)
}

// Unwrap makes errors.Is(err, ErrCorrupt) true.
func (e *AuditBreakError) Unwrap() error { return ErrCorrupt }

// CorruptCasesError is returned by ListCases when some case summaries fail to open. The
// summaries that did open are returned beside it, so one damaged record does not hide the
// rest. errors.Is(err, ErrCorrupt) is true.
type CorruptCasesError struct {
	// IDs are the random ids of the cases that could not be read.
	IDs []string
}

func (e *CorruptCasesError) Error() string {
	return fmt.Sprintf("%d case record(s) failed authentication", len(e.IDs))
}

// Unwrap makes errors.Is(err, ErrCorrupt) true.
func (e *CorruptCasesError) Unwrap() error { return ErrCorrupt }

// badBackupError marks a corruption found in a backup file, so it matches ErrBadBackup as well
// as the ErrCorrupt it wraps.
type badBackupError struct{ err error }

func (e *badBackupError) Error() string   { return "backup file: " + e.err.Error() }
func (e *badBackupError) Unwrap() []error { return []error{ErrBadBackup, e.err} }

// inBackup marks err as the backup file's fault when it is a corruption; other errors (a full
// disk, a wrong passphrase) pass through unchanged.
func inBackup(err error) error {
	if err == nil || !errors.Is(err, ErrCorrupt) {
		return err
	}
	return &badBackupError{err: err}
}
