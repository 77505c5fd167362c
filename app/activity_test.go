package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestEveryInputPathCounts(t *testing.T) {
	test.NewTempApp(t)
	var n int
	count := func() { n++ }
	sensor := newInputSensor(count)
	entry := newInputEntry(count)
	password := newInputPassword(count)
	win := test.NewTempWindow(t, newInputWatch(entry, count))
	watchKeys(win.Canvas(), count)

	inputs := []struct {
		name string
		do   func()
	}{
		{"driver asks the sensor for a cursor (pointer moved over any widget)", func() { sensor.Cursor() }},
		{"pointer enters empty space", func() { sensor.MouseIn(&desktop.MouseEvent{}) }},
		{"pointer moves over empty space", func() { sensor.MouseMoved(&desktop.MouseEvent{}) }},
		{"pointer leaves for a widget", func() { sensor.MouseOut() }},
		{"tap on empty space", func() { test.Tap(sensor) }},
		{"character typed in a field", func() { test.Type(entry, "a") }},
		{"arrow key in a field", func() { entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) }},
		{"key pressed in a field", func() { entry.KeyDown(&fyne.KeyEvent{Name: fyne.KeyLeft}) }},
		{"shortcut in a field", func() { entry.TypedShortcut(&fyne.ShortcutSelectAll{}) }},
		{"character typed in a password field", func() { test.Type(password, "a") }},
		{"character typed with nothing focused", func() { win.Canvas().Unfocus(); test.TypeOnCanvas(win.Canvas(), "a") }},
		{"key typed with nothing focused", func() { win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyDown}) }},
	}
	for _, in := range inputs {
		before := n
		in.do()
		if n == before {
			t.Errorf("%s: not counted as input", in.name)
		}
	}
	if entry.Text != "a" || password.Text != "a" {
		t.Errorf("the fields did not also take the typing: %q, %q", entry.Text, password.Text)
	}
	if !password.Password {
		t.Error("password field is not masked")
	}
	if sensor.Cursor() != desktop.DefaultCursor {
		t.Error("the sensor chose a cursor; it must leave that to the widgets above it")
	}
}

func TestGoRunnerRunsWorkThenDone(t *testing.T) {
	test.NewTempApp(t)
	worked := make(chan struct{})
	finished := make(chan bool, 1)
	goRunner(func() { close(worked) }, func() {
		select {
		case <-worked:
			finished <- true
		default:
			finished <- false
		}
	})
	select {
	case ok := <-finished:
		if !ok {
			t.Fatal("done ran before the work finished")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("done never ran")
	}
}
