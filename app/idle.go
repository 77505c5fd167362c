package app

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// idleTimer decides when the window has gone untouched long enough that it must lock: an
// adviser called away from a shared laptop mid-session must not leave a survivor's record open.
//
// It holds no widgets and reads the time only through now, so its tests move a fake clock. The
// window feeds it every key press and pointer movement (Touch) and asks it on a slow tick whether
// the time is up (Expired).
type idleTimer struct {
	mu    sync.Mutex
	now   func() time.Time
	limit time.Duration // 0 when not running
	last  time.Time     // the last input, or when the timer started
}

func newIdleTimer(now func() time.Time) *idleTimer {
	if now == nil {
		now = time.Now
	}
	return &idleTimer{now: now}
}

// Start runs the timer with limit, counting from now. A limit of zero or less stops it.
func (t *idleTimer) Start(limit time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.limit = max(limit, 0)
	t.last = t.now()
}

// Stop stops the timer; Expired reports false until it is started again.
func (t *idleTimer) Stop() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.limit = 0
}

// Touch records input now, which starts the quiet period again.
func (t *idleTimer) Touch() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.limit > 0 {
		t.last = t.now()
	}
}

// Expired reports whether the timer runs and no input came for at least its limit.
func (t *idleTimer) Expired() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.limit > 0 && t.now().Sub(t.last) >= t.limit
}

// Limit is the quiet period the timer was started with, zero when it is stopped.
func (t *idleTimer) Limit() time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.limit
}

// idleCheckEvery is how often the window asks the idle timer whether to lock: a lock comes at
// most this much later than the limit, and the check costs nothing in between.
const idleCheckEvery = 5 * time.Second

// fallbackIdleMinutes is used when the vault's idle setting cannot be read: the vault's own
// default, so an unreadable setting never means "never lock".
const fallbackIdleMinutes = 5

// watchIdle checks the idle timer on the UI goroutine every idleCheckEvery until stop is called.
func (u *ui) watchIdle() (stop func()) {
	tick := time.NewTicker(idleCheckEvery)
	done := make(chan struct{})
	go func() {
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				fyne.Do(u.checkIdle)
			case <-done:
				return
			}
		}
	}()
	return func() { close(done) }
}

// checkIdle locks the vault when the idle timer has run out.
func (u *ui) checkIdle() {
	if u.session != nil && u.idle.Expired() {
		u.lock(lockIdle)
	}
}

// idleMinutes converts the vault's idle setting into a duration for the timer.
func idleMinutes(n int) time.Duration {
	if n <= 0 {
		n = fallbackIdleMinutes
	}
	return time.Duration(n) * time.Minute
}
