package main

import (
	"context"
	"fmt"
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
func TestWindowOpensUnderXvfb(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real window; skipped in -short")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "xdpyinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (make test installs it)", tool)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "waymark")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}

	display := fmt.Sprintf(":%d", 150+os.Getpid()%100)
	xvfb := exec.Command("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	if err := xvfb.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	defer func() { _ = xvfb.Process.Kill(); _ = xvfb.Wait() }()
	waitFor(t, 5*time.Second, func() bool {
		return exec.Command("xdpyinfo", "-display", display).Run() == nil
	})

	runtimeDir := filepath.Join(dir, "xdg")
	if err := os.Mkdir(runtimeDir, 0o700); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "DISPLAY="+display, "XDG_RUNTIME_DIR="+runtimeDir,
		"HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	app := exec.CommandContext(ctx, bin, "--vault", filepath.Join(dir, "vault", "vault.db"))
	app.Env = env
	var log strings.Builder
	app.Stdout, app.Stderr = &log, &log
	start := time.Now()
	if err := app.Start(); err != nil {
		t.Fatalf("start waymark: %v", err)
	}
	defer func() { _ = app.Process.Kill(); _ = app.Wait() }()

	search := exec.Command("xdotool", "search", "--sync", "--onlyvisible", "--name", "^Waymark")
	search.Env = env
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
	t.Logf("window visible %.0f ms after start", float64(time.Since(start).Microseconds())/1000)
	if _, err := os.Stat(filepath.Join(dir, "vault", "vault.db")); err == nil {
		t.Error("opening the first-run screen created a vault before the adviser asked for one")
	}
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
