// Package assets holds the files the app embeds for the desktop: the icon shown in the window
// title, the task bar and the packaged app (FyneApp.toml points at the same file).
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is Waymark's icon as a Fyne resource, for app.SetIcon and window icons.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
