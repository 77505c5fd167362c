package eligibility

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

// Pack is the rules of one jurisdiction (the UK today; the Netherlands or Romania later). The
// engine knows nothing about any benefit: it asks the pack what it covers and what it decides,
// then enforces the results contract, so a new country is a new Pack, never a change here.
type Pack interface {
	// ID is the pack's short stable id, e.g. "uk", shown in results and `waymark rules`.
	ID() string
	// Version changes whenever a rule or parameter changes.
	Version() string
	// Reviewed is the day a person last checked the rules against their sources; advisers see
	// it so they can judge how far to trust an answer.
	Reviewed() time.Time
	// Benefits lists every benefit id the pack decides, in the order results are shown. Every
	// one of them appears in every Results, so a reader never wonders whether one was skipped.
	Benefits() []string
	// Evaluate applies the rules to valid facts on a calendar day. It must do no I/O and must
	// not keep or modify the facts. Results it leaves out, repeats or adds are corrected by the
	// engine (and reported by CheckPack in the pack's tests).
	Evaluate(f Facts, date time.Time) Outcome
}

// Outcome is what a pack's Evaluate returns, before the engine orders and completes it.
type Outcome struct {
	Results   []Result
	NextSteps []NextStep
}

// Errors a Registry returns; callers branch on them with errors.Is.
var (
	// ErrDuplicatePack: a pack with this id is already registered.
	ErrDuplicatePack = errors.New("rule pack already registered")
	// ErrInvalidPack: the pack's id, version, reviewed date or benefit list is unusable.
	ErrInvalidPack = errors.New("invalid rule pack")
)

// Registry holds the rule packs a build knows, by id. It is safe for concurrent use.
type Registry struct {
	mu    sync.RWMutex
	packs map[string]Pack
}

// Register adds a pack after checking what the engine relies on: a non-empty id, version and
// reviewed date, and at least one benefit with no id repeated.
func (r *Registry) Register(p Pack) error {
	if err := validatePackInfo(p); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.packs[p.ID()]; dup {
		return fmt.Errorf("register %q: %w", p.ID(), ErrDuplicatePack)
	}
	if r.packs == nil {
		r.packs = map[string]Pack{}
	}
	r.packs[p.ID()] = p
	return nil
}

// Lookup returns the pack with this id.
func (r *Registry) Lookup(id string) (Pack, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	p, ok := r.packs[id]
	return p, ok
}

// Packs returns the registered packs ordered by id, for `waymark rules`.
func (r *Registry) Packs() []Pack {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]Pack, 0, len(r.packs))
	for _, p := range r.packs {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID() < out[j].ID() })
	return out
}

// validatePackInfo checks the parts of a pack the engine depends on before any evaluation.
func validatePackInfo(p Pack) error {
	if p == nil {
		return fmt.Errorf("register: nil pack: %w", ErrInvalidPack)
	}
	id := p.ID()
	if !isIdent(id) {
		return fmt.Errorf("register %q: id must be lower-case letters, digits and _: %w", id, ErrInvalidPack)
	}
	if p.Version() == "" {
		return fmt.Errorf("register %q: empty version: %w", id, ErrInvalidPack)
	}
	if p.Reviewed().IsZero() {
		return fmt.Errorf("register %q: no reviewed date: %w", id, ErrInvalidPack)
	}
	benefits := p.Benefits()
	if len(benefits) == 0 {
		return fmt.Errorf("register %q: no benefits: %w", id, ErrInvalidPack)
	}
	seen := make(map[string]bool, len(benefits))
	for _, b := range benefits {
		if !isIdent(b) {
			return fmt.Errorf("register %q: benefit id %q must be lower-case letters, digits and _: %w", id, b, ErrInvalidPack)
		}
		if seen[b] {
			return fmt.Errorf("register %q: benefit %q listed twice: %w", id, b, ErrInvalidPack)
		}
		seen[b] = true
	}
	return nil
}

// isIdent reports whether s is a non-empty snake_case identifier, the shape of pack and
// benefit ids in the JSON contract and in message ids.
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// DefaultRegistry is the registry the command line and the app use. Packs add themselves
// with MustRegister from their package's init, the way database/sql drivers do.
var DefaultRegistry = &Registry{}

// MustRegister adds a pack to DefaultRegistry and panics if it is invalid or its id is taken:
// both are programming errors that the pack's own tests reveal before any build ships.
func MustRegister(p Pack) {
	if err := DefaultRegistry.Register(p); err != nil {
		panic(err)
	}
}
