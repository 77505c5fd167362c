package app

import (
	"sync"

	"waymark/storage"
)

// caseSaver writes a case's answers to the vault in the order they were given. Each answer
// starts a save off the UI goroutine; saves can finish out of order, so each carries a number
// and a save older than one already written is dropped instead of overwriting newer answers.
// flush writes the newest answers at once, for the moment before the vault is locked.
type caseSaver struct {
	sess *storage.Session

	mu     sync.Mutex // held while writing, so flush waits for a save under way
	queued int        // the number of the newest save asked for (UI goroutine only)
	latest storage.Case
	saved  int // the number of the newest save written (under mu)
}

func newCaseSaver(sess *storage.Session) *caseSaver { return &caseSaver{sess: sess} }

// save writes c through run and calls done with the outcome on the UI goroutine. A save made
// pointless by a newer one reports nil.
func (cs *caseSaver) save(run runner, c storage.Case, done func(error)) {
	cs.queued++
	n := cs.queued
	cs.latest = c
	var err error
	run(func() { err = cs.write(n, c) }, func() { done(err) })
}

// flush writes the newest answers now, on the calling goroutine, unless they are already in
// the vault. It is called before the vault locks, so no answer given is lost to the lock.
func (cs *caseSaver) flush() error {
	return cs.write(cs.queued, cs.latest)
}

// pending reports whether answers given are not yet known to be in the vault.
func (cs *caseSaver) pending() bool {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return cs.saved < cs.queued
}

func (cs *caseSaver) write(n int, c storage.Case) error {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if n <= cs.saved {
		return nil
	}
	if err := cs.sess.SaveCase(c); err != nil {
		return err
	}
	cs.saved = n
	return nil
}
