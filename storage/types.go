package storage

import (
	"time"

	"waymark/eligibility"
	"waymark/jobs"
)

// MinPassphraseLen is the shortest passphrase accepted, in runes. Argon2id slows guessing,
// it does not make a short passphrase strong.
const MinPassphraseLen = 10

// Strength grades a passphrase for the "strength shown" meter: 0 very weak .. 4 strong.
type Strength int

// Role decides what an adviser may do: only admins add advisers, change settings and restore.
type Role string

// The roles. The role is bound into the adviser's key slot, so editing it on disk breaks the
// slot instead of granting rights.
const (
	RoleAdmin   Role = "admin"
	RoleAdviser Role = "adviser"
)

// Adviser is one account: a name shown on the unlock screen, its role, and whether it can be
// unlocked yet (see AdviserStatus).
type Adviser struct {
	Name   string
	Role   Role
	Status AdviserStatus // "" is read as AdviserActive, for sessions built before statuses
}

// CaseStatus says whether work on a case goes on; retention applies to closed cases.
type CaseStatus string

// The case statuses.
const (
	CaseOpen   CaseStatus = "open"
	CaseClosed CaseStatus = "closed"
)

// Case is one survivor's record. Everything but ID is encrypted at rest.
type Case struct {
	ID        string            // random id assigned by CreateCase; the only plaintext about a case
	Reference string            // the organisation's case reference; unique
	Name      string            // survivor's name (may be empty)
	Language  string            // survivor's language code, e.g. "ro"
	Status    CaseStatus        // open or closed
	Opened    string            // YYYY-MM-DD, set by CreateCase
	Facts     eligibility.Facts // eligibility answers so far
	Steps     []jobs.Step       // action-plan steps
	Profile   jobs.Profile      // employability profile; zero until one is recorded
	Review    string            // YYYY-MM-DD the plan is next reviewed, or "" when none is set
	// Closed is the day the case was closed (YYYY-MM-DD), "" while it is open; retention of
	// closed cases counts from it.
	Closed string
	// CloseReason says why it was closed; "" while open.
	CloseReason CloseReason
	// Consent records the person's agreement to the organisation keeping their information.
	Consent Consent
	// Contact is how the person may be reached, and which ways are safe.
	Contact Contact
	// Notes are the advisers' dated notes, oldest first.
	Notes []Note
	// Outcomes are the claims made and jobs started, for the organisation's counts.
	Outcomes jobs.Outcomes
	// KeyDates are the NRM decision and leave dates the deadlines are worked out from.
	// Benefit decisions come from Outcomes, so KeyDates.BenefitDecisions stays empty here.
	KeyDates eligibility.KeyDates
	// Adviser is the name of the adviser responsible for the case, so the case list can be
	// narrowed to one adviser's cases. CreateCase sets it to the adviser who opens the case
	// when it is empty; SaveCase keeps the stored one when it is empty. Cases created before
	// it was recorded have none.
	Adviser string
}

// Consent is whether the person agreed to their information being stored, and on what day
// the adviser recorded it (YYYY-MM-DD).
type Consent struct {
	Given bool
	Date  string
}

// Contact is how to reach the person and which ways are safe. An exploiter may read a phone's
// messages or a letter, so each way is marked safe or not; the app shows the marks wherever
// the details appear.
type Contact struct {
	Phone, Email, Address string
	SafePhone, SafeText   bool   // may we ring / send a text message
	SafePost, SafeEmail   bool   // may we send a letter / an email
	CodeWord              string // agreed so the person knows the call is from us
	Notes                 string // e.g. "only after 6pm; ask for Ana"
}

// Note is one dated note by an adviser.
type Note struct {
	Date    string // YYYY-MM-DD
	Adviser string
	Text    string
}

// CloseReason says why a case was closed, for the organisation's own counts. It is a stable id;
// the words come from the message "casework.close.reason.<id>".
type CloseReason string

// The reasons a case is closed.
const (
	CloseGoalsMet    CloseReason = "goals_met"    // the plan's goals are met
	CloseMovedOn     CloseReason = "moved_on"     // moved away or to another service
	CloseLostContact CloseReason = "lost_contact" // no contact for a long time
	CloseDeclined    CloseReason = "declined"     // the person chose to stop
	CloseOther       CloseReason = "other"
)

// CloseReasons lists the reasons in the order a picker shows them.
func CloseReasons() []CloseReason {
	return []CloseReason{CloseGoalsMet, CloseMovedOn, CloseLostContact, CloseDeclined, CloseOther}
}

// CaseSummary is the part of a case the case list and the home screen show. It is sealed as
// its own small record so listing thousands of cases never decrypts their facts and plans;
// SaveCase keeps it in step with the case. Adviser and Dates were added later: a summary
// written before them reads back with them empty until the case is next saved.
type CaseSummary struct {
	ID, Reference, Name, Language string
	Status                        CaseStatus
	Opened                        string
	Review                        string // the plan's review date, so the list can show what is due
	Closed                        string // the day the case was closed, "" while open
	Adviser                       string // the adviser responsible (Case.Adviser), "" when not recorded
	// Dates is what the home screen works out deadlines and overdue steps from; nil when the
	// case has none of it. It is shared by every copy of the summary and never changed.
	Dates *CaseDates
}

// CaseDates are the copies of a case's dated parts its summary carries, so the home screen can
// list deadlines and overdue plan steps over thousands of cases without opening one.
type CaseDates struct {
	// KeyDates are the case's key dates with the benefit decisions of its outcomes filled in
	// (Outcomes.Decisions), and DeadlineFacts the few facts the deadline rules read (the
	// nation, the NRM decisions, the immigration status): together what eligibility.Deadlines
	// needs.
	KeyDates      eligibility.KeyDates
	DeadlineFacts eligibility.Facts
	// NextStep is the unfinished plan step with the earliest due date (the first such in plan
	// order on a tie): its Code and Due, and for a step in the adviser's own words its Text,
	// cut to MaxSummaryStepRunes (a suggested step's words come from its code). It is the zero
	// Step when no unfinished step has a date.
	NextStep jobs.Step
	// DoneDeadlineSteps are the finished plan steps that can act on a deadline
	// (jobs.DoneDeadlineSteps), with their Code, Due and Done only, so the home screen can
	// leave out a deadline already dealt with.
	DoneDeadlineSteps []jobs.Step
}

// MaxSummaryStepRunes is how much of an adviser's own wording of a step the summary keeps: a
// line on the home screen, not the plan.
const MaxSummaryStepRunes = 120

// KDFParams are Argon2id's cost parameters, stored in every key slot so each slot can be
// opened however the policy has moved since it was made.
type KDFParams struct {
	MemoryKiB uint32
	Time      uint32
	Threads   uint8
}

// KDFPolicy says how expensive passphrase derivation is on this installation.
type KDFPolicy struct {
	// Floor is the weakest a new slot may be; a stored slot weaker than this is re-wrapped
	// at the next unlock.
	Floor KDFParams
	// Target is the calibration target for one derivation on this machine (0.5 s by
	// default). Zero means "use Floor as is".
	Target time.Duration
	// Max bounds parameters read from disk; anything above is refused before derivation.
	Max KDFParams
}

// DefaultKDFPolicy is the production policy: never below m=64 MiB, t=3, p=4 (about 80 ms on an
// ordinary laptop), raised to about half a second per unlock, and nothing above 1 GiB, t=100
// or 16 threads is ever attempted.
var DefaultKDFPolicy = KDFPolicy{
	Floor:  KDFParams{MemoryKiB: 64 * 1024, Time: 3, Threads: 4},
	Target: 500 * time.Millisecond,
	Max:    KDFParams{MemoryKiB: 1 << 20, Time: 100, Threads: 16},
}

// FastTestKDF is a cheap policy for tests (8 KiB, t=1, p=1, no calibration). Options carrying a
// policy weaker than DefaultKDFPolicy.Floor are refused with ErrKDFParams unless
// testing.Testing() is true, so a production binary can never run with it.
var FastTestKDF = KDFPolicy{
	Floor:  KDFParams{MemoryKiB: 8, Time: 1, Threads: 1},
	Target: 0,
	Max:    DefaultKDFPolicy.Max,
}

// Options tune a vault. A nil *Options is the same as the zero value.
type Options struct {
	KDF KDFPolicy        // zero value: DefaultKDFPolicy
	Now func() time.Time // nil: time.Now (tests pin dates)
}

// AuditEntry is one row of the audit trail as a reader sees it.
type AuditEntry struct {
	Seq     int64
	Time    time.Time
	Adviser string // who did it
	Action  string // one of the Action constants
	CaseID  string // the case concerned, if any
	Subject string // the adviser an account action concerned, if any
}

// The audit actions. One row is written per action, in the same transaction as the change it
// records, so a crash never leaves a change without its audit row or the reverse.
const (
	ActionUnlock           = "unlock"
	ActionCreate           = "create" // a case, or the vault itself when CaseID is empty
	ActionOpen             = "open"
	ActionChange           = "change"
	ActionErase            = "erase"
	ActionExport           = "export"
	ActionPrint            = "print"
	ActionAddAdviser       = "add_adviser"
	ActionRemoveAdviser    = "remove_adviser"
	ActionChangePassphrase = "change_passphrase"
	ActionChangeSettings   = "change_settings"
	ActionRestore          = "restore"
)
