package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// How the window notices input, for the idle lock.
//
// Fyne 2.8 has no window-wide input hook: the driver (internal/driver/glfw/window.go) sends a key
// to the focused widget only, and to the canvas's OnTypedKey/OnTypedRune/OnKeyDown only when
// nothing is focused; it sends pointer events to the topmost widget under the pointer that takes
// them. So input is observed at three places, none of which changes what any widget receives:
//
//   - inputSensor lies under the whole content. While the pointer moves, the driver asks every
//     desktop.Cursorable under it for its cursor (processMouseMoved walks the whole tree under
//     the pointer, topmost last, so the widgets above still choose the cursor); the sensor is
//     Cursorable and counts each question as input. It is also Hoverable and Tappable, so the
//     pointer over empty space and taps on it count on drivers that do not ask for cursors.
//   - watchKeys sets the canvas key callbacks, for keys when nothing has focus.
//   - inputEntry, the only kind of text field the screens use, counts every key it is given
//     before handling it as a normal Entry does.
//
// Buttons, checks and selects worked from the keyboard call the screens' handlers, which act
// on the vault and so come after a pointer move or a key that was counted.

// inputWatch stacks content over an inputSensor.
type inputWatch struct {
	widget.BaseWidget
	content fyne.CanvasObject
	sensor  *inputSensor
}

func newInputWatch(content fyne.CanvasObject, onInput func()) *inputWatch {
	w := &inputWatch{content: content, sensor: newInputSensor(onInput)}
	w.ExtendBaseWidget(w)
	return w
}

func (w *inputWatch) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(w.sensor, w.content))
}

// inputSensor is an invisible widget that reports the pointer over it; see the comment above.
type inputSensor struct {
	widget.BaseWidget
	onInput func()
}

var (
	_ desktop.Cursorable = (*inputSensor)(nil)
	_ desktop.Hoverable  = (*inputSensor)(nil)
	_ fyne.Tappable      = (*inputSensor)(nil)
)

func newInputSensor(onInput func()) *inputSensor {
	s := &inputSensor{onInput: onInput}
	s.ExtendBaseWidget(s)
	return s
}

func (s *inputSensor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// Cursor is asked for on every pointer movement over the window; the default cursor leaves the
// choice to the widgets above.
func (s *inputSensor) Cursor() desktop.Cursor {
	s.onInput()
	return desktop.DefaultCursor
}

func (s *inputSensor) MouseIn(*desktop.MouseEvent)    { s.onInput() }
func (s *inputSensor) MouseMoved(*desktop.MouseEvent) { s.onInput() }
func (s *inputSensor) MouseOut()                      { s.onInput() }
func (s *inputSensor) Tapped(*fyne.PointEvent)        { s.onInput() }

// watchKeys counts keys typed while no widget has the focus.
func watchKeys(c fyne.Canvas, onInput func()) {
	c.SetOnTypedRune(func(rune) { onInput() })
	c.SetOnTypedKey(func(*fyne.KeyEvent) { onInput() })
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(func(*fyne.KeyEvent) { onInput() })
	}
}

// inputEntry is a text field that counts every key it is given as input for the idle lock.
type inputEntry struct {
	widget.Entry
	onInput func()
}

func newInputEntry(onInput func()) *inputEntry {
	e := &inputEntry{onInput: onInput}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// newInputPassword is a password field (masked, with Fyne's reveal button) that counts input.
func newInputPassword(onInput func()) *inputEntry {
	e := newInputEntry(onInput)
	e.Password = true
	return e
}

func (e *inputEntry) TypedRune(r rune) {
	e.onInput()
	e.Entry.TypedRune(r)
}

func (e *inputEntry) TypedKey(k *fyne.KeyEvent) {
	e.onInput()
	e.Entry.TypedKey(k)
}

func (e *inputEntry) TypedShortcut(s fyne.Shortcut) {
	e.onInput()
	e.Entry.TypedShortcut(s)
	switch c := s.(type) {
	case *fyne.ShortcutCopy:
		guardClipboard(c.Clipboard)
	case *fyne.ShortcutCut:
		guardClipboard(c.Clipboard)
	}
}

func (e *inputEntry) KeyDown(k *fyne.KeyEvent) {
	e.onInput()
	e.Entry.KeyDown(k)
}
