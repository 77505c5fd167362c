package app

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"waymark/storage"
)

// The harness drives the real screens headless: test.NewTempApp, a vault in t.TempDir() with
// the cheap test KDF, a runner the test steps by hand (so the state while a key is derived can be
// looked at, and nothing races), and a clock the test moves.

const (
	adminName = "Ana Popescu"
	adminPass = "lantern orchard velvet 42"
)

var testDay = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// stepRunner queues slow work; flush runs it, and its done callback, on the test goroutine.
type stepRunner struct{ queue []func() }

func (r *stepRunner) run(work, done func()) {
	r.queue = append(r.queue, func() { work(); done() })
}

func (r *stepRunner) pending() int { return len(r.queue) }

// step runs the oldest queued work and its done callback.
func (r *stepRunner) step() {
	next := r.queue[0]
	r.queue = r.queue[1:]
	next()
}

// flush runs queued work until none is left, including work queued by the work it runs.
func (r *stepRunner) flush() {
	for len(r.queue) > 0 {
		r.step()
	}
}

type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

type harness struct {
	t     *testing.T
	app   fyne.App
	u     *ui
	run   *stepRunner
	clock *fakeClock
	path  string
}

func testOptions() *storage.Options {
	return &storage.Options{KDF: storage.FastTestKDF, Now: func() time.Time { return testDay }}
}

// newHarness opens the window on path in the given interface language ("" leaves the
// preference unset).
func newHarness(t *testing.T, path, lang string) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	if lang != "" {
		a.Preferences().SetString(prefLanguage, lang)
	}
	h := &harness{t: t, app: a, run: &stepRunner{}, clock: &fakeClock{t: testDay}, path: path}
	h.u = newUI(a, path, testOptions(), h.run.run, h.clock.now)
	h.u.win.Resize(fyne.NewSize(900, 640))
	h.u.start()
	h.run.flush()
	t.Cleanup(h.u.shutdown)
	return h
}

// newVault makes a vault with one admin at a fresh path and closes it.
func newVault(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "vault.db")
	sess, _, err := storage.Create(path, adminName, []byte(adminPass), testOptions())
	if err != nil {
		t.Fatalf("create vault: %v", err)
	}
	v := sess.Vault()
	sess.Lock()
	if err := v.Close(); err != nil {
		t.Fatalf("close vault: %v", err)
	}
	return path
}

func (h *harness) canvas() fyne.Canvas { return h.u.win.Canvas() }

func (h *harness) setup() *setupScreen {
	h.t.Helper()
	s, ok := h.u.current.(*setupScreen)
	if !ok {
		h.t.Fatalf("screen is %T, want the set-up screen", h.u.current)
	}
	return s
}

func (h *harness) recovery() *recoveryScreen {
	h.t.Helper()
	s, ok := h.u.current.(*recoveryScreen)
	if !ok {
		h.t.Fatalf("screen is %T, want the recovery-key screen", h.u.current)
	}
	return s
}

func (h *harness) unlockScreen() *unlockScreen {
	h.t.Helper()
	s, ok := h.u.current.(*unlockScreen)
	if !ok {
		h.t.Fatalf("screen is %T, want the unlock screen", h.u.current)
	}
	return s
}

func (h *harness) cases() *casesScreen {
	h.t.Helper()
	s, ok := h.u.current.(*casesScreen)
	if !ok {
		h.t.Fatalf("screen is %T, want the case list", h.u.current)
	}
	return s
}

// unlock types pass on the unlock screen, presses Enter and lets the work finish.
func (h *harness) unlock(pass string) {
	h.t.Helper()
	s := h.unlockScreen()
	test.Type(s.pass, pass)
	s.pass.TypedKey(&keyReturn)
	h.run.flush()
}

// unlocked opens the window on a fresh vault and unlocks it as the admin.
func unlocked(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, newVault(t), "en")
	h.unlock(adminPass)
	h.cases()
	return h
}

var keyReturn = fyne.KeyEvent{Name: fyne.KeyReturn}
