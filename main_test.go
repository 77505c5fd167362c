package main

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWindowOpensUnderXvfb starts the real binary in a virtual display on a new vault path and
// waits for its window, so a build that compiles but cannot open a window fails here. It needs
// Xvfb and xdotool, which `make test` installs; without them it is skipped with the reason.
// display is a virtual X display with the real binary built for it.
type display struct {
	bin, dir, name string
	env            []string
}

// newDisplay builds waymark and starts Xvfb, or skips the test when the tools are missing.
func newDisplay(t *testing.T) *display {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a real window; skipped in -short")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "xdpyinfo", "xwd"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (make test installs it)", tool)
		}
	}
	d := &display{dir: t.TempDir()}
	d.bin = filepath.Join(d.dir, "waymark")
	build := exec.Command("go", "build", "-o", d.bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	d.name = fmt.Sprintf(":%d", 150+(os.Getpid()+len(t.Name()))%100)
	xvfb := exec.Command("Xvfb", d.name, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	if err := xvfb.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	t.Cleanup(func() { _ = xvfb.Process.Kill(); _ = xvfb.Wait() })
	waitFor(t, 5*time.Second, func() bool {
		return exec.Command("xdpyinfo", "-display", d.name).Run() == nil
	})
	runtimeDir := filepath.Join(d.dir, "xdg")
	if err := os.Mkdir(runtimeDir, 0o700); err != nil {
		t.Fatal(err)
	}
	d.env = append(os.Environ(), "DISPLAY="+d.name, "XDG_RUNTIME_DIR="+runtimeDir,
		"HOME="+d.dir, "XDG_CONFIG_HOME="+filepath.Join(d.dir, "config"))
	return d
}

// start runs the app on vault and waits for its window; it returns how long that took.
func (d *display) start(t *testing.T, vault string) time.Duration {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	app := exec.CommandContext(ctx, d.bin, "--vault", vault)
	app.Env = d.env
	var log strings.Builder
	app.Stdout, app.Stderr = &log, &log
	start := time.Now()
	if err := app.Start(); err != nil {
		t.Fatalf("start waymark: %v", err)
	}
	t.Cleanup(func() { _ = app.Process.Kill(); _ = app.Wait() })
	search := exec.Command("xdotool", "search", "--sync", "--onlyvisible", "--name", "^Waymark")
	search.Env = d.env
	done := make(chan error, 1)
	go func() { done <- search.Run() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("no Waymark window: %v\nprogram said:\n%s", err, log.String())
		}
	case <-time.After(30 * time.Second):
		_ = search.Process.Kill()
		t.Fatalf("no Waymark window within 30 s\nprogram said:\n%s", log.String())
	}
	return time.Since(start)
}

// run runs a tool on the display.
func (d *display) run(t *testing.T, stdin string, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = d.env
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return out
}

// TestWindowOpensUnderXvfb starts the real binary in a virtual display on a new vault path and
// waits for its window, so a build that compiles but cannot open a window fails here. It needs
// Xvfb and xdotool, which `make test` installs; without them it is skipped with the reason.
func TestWindowOpensUnderXvfb(t *testing.T) {
	d := newDisplay(t)
	took := d.start(t, filepath.Join(d.dir, "vault", "vault.db"))
	t.Logf("window visible %.0f ms after start", float64(took.Microseconds())/1000)
	if _, err := os.Stat(filepath.Join(d.dir, "vault", "vault.db")); err == nil {
		t.Error("opening the first-run screen created a vault before the adviser asked for one")
	}
}

// TestHomeScreenUnderXvfb makes a vault with one case from the command line, opens the real
// window on it, types the passphrase as an adviser would, and keeps a screenshot of the home
// screen it unlocks to (set WAYMARK_SMOKE_SHOT to a .png path to keep it for looking at).
func TestHomeScreenUnderXvfb(t *testing.T) {
	d := newDisplay(t)
	vault := filepath.Join(d.dir, "vault", "vault.db")
	const pass = "plumorchardlantern" // no spaces: xdotool drops them under Xvfb
	d.run(t, pass+"\n", d.bin, "vault", "init", "--admin", "Ana", "--vault", vault, "--passphrase-stdin")
	caseFile := filepath.Join(d.dir, "case.json")
	if err := os.WriteFile(caseFile, []byte(`{"reference":"WM-SMOKE-1","language":"ro"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	d.run(t, pass+"\n", d.bin, "case", "import", "--adviser", "Ana", "--vault", vault, "--passphrase-stdin", caseFile)

	d.start(t, vault)
	before := d.run(t, "", "xwd", "-root", "-silent")
	d.run(t, "", "xdotool", "type", "--delay", "20", pass)
	d.run(t, "", "xdotool", "key", "Return")
	var after []byte
	waitFor(t, 20*time.Second, func() bool {
		after = d.run(t, "", "xwd", "-root", "-silent")
		return !bytes.Equal(before, after)
	})
	time.Sleep(time.Second) // let the list load and draw
	after = d.run(t, "", "xwd", "-root", "-silent")
	img, err := decodeXWD(after)
	if err != nil {
		t.Fatal(err)
	}
	out := os.Getenv("WAYMARK_SMOKE_SHOT")
	if out == "" {
		out = filepath.Join(t.TempDir(), "home.png")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	t.Logf("home screen saved as %s", out)
}

func waitFor(t *testing.T, limit time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up after %v", limit)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
