package app

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// How the window looks for the person signed in to this laptop account: the text size and the
// colours. Advisers who share a laptop account share these, as they share the interface
// language; they are Fyne preferences, not vault settings, because they belong to the screen
// and eyes in front of it, not to the organisation's data.

// textSize is a choice of text size; its value is what the preferences store.
type textSize string

const (
	textNormal textSize = "normal"
	textLarge  textSize = "large"
	textLarger textSize = "larger"
)

// textSizes are the text sizes offered, smallest first.
var textSizes = []textSize{textNormal, textLarge, textLarger}

// scale is how much larger than the theme's own sizes text is drawn.
func (s textSize) scale() float32 {
	switch s {
	case textLarge:
		return 1.25
	case textLarger:
		return 1.5
	}
	return 1
}

// colours is a choice of colour scheme; its value is what the preferences store.
type colours string

const (
	coloursSystem   colours = "system"   // light or dark as the computer is set
	coloursLight    colours = "light"    // always light
	coloursDark     colours = "dark"     // always dark
	coloursContrast colours = "contrast" // Waymark's high-contrast palette: black, white and yellow
)

// colourChoices are the colour schemes offered, in the order shown.
var colourChoices = []colours{coloursSystem, coloursLight, coloursDark, coloursContrast}

// The Fyne preferences holding the appearance.
const (
	prefTextSize = "appearance.text_size"
	prefColours  = "appearance.colours"
)

// appearance is the text size and colours chosen on this laptop account.
type appearance struct {
	text    textSize
	colours colours
}

// plain is the look Fyne gives by itself, which needs no theme of Waymark's own.
var plain = appearance{text: textNormal, colours: coloursSystem}

// loadAppearance reads the remembered appearance; anything missing or unknown (a preference
// written by a later version, say) reads as the plain look.
func loadAppearance(p fyne.Preferences) appearance {
	look := plain
	if t := textSize(p.String(prefTextSize)); slices.Contains(textSizes, t) {
		look.text = t
	}
	if c := colours(p.String(prefColours)); slices.Contains(colourChoices, c) {
		look.colours = c
	}
	return look
}

// save remembers look for the next start.
func (look appearance) save(p fyne.Preferences) {
	p.SetString(prefTextSize, string(look.text))
	p.SetString(prefColours, string(look.colours))
}

// applyAppearance gives the app the remembered text size and colours. Call it once at start,
// before the window is shown, so the first screen is already drawn the way the adviser needs.
func applyAppearance(a fyne.App) {
	setAppearance(a, loadAppearance(a.Preferences()))
}

// setAppearance makes look the app's theme at once; Fyne redraws every window and dialog in it.
// It does nothing when the app already looks that way, so a redraw costs only a real change.
func setAppearance(a fyne.App, look appearance) {
	s := a.Settings()
	current := s.Theme()
	if w, ok := current.(*appearanceTheme); ok {
		if w.look == look {
			return
		}
		current = w.base
	} else if look == plain {
		return
	}
	if current == nil {
		current = theme.DefaultTheme()
	}
	if look == plain {
		s.SetTheme(current)
		return
	}
	s.SetTheme(&appearanceTheme{base: current, look: look})
}

// appearanceTheme draws the app's own theme (Fyne's default, or the test theme) with the text
// size and colours an adviser chose: text sizes scaled, the light or dark variant forced, or the
// high-contrast palette.
type appearanceTheme struct {
	base fyne.Theme
	look appearance
}

var _ fyne.Theme = (*appearanceTheme)(nil)

func (t *appearanceTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.look.colours {
	case coloursContrast:
		if c, ok := highContrast[n]; ok {
			return c
		}
		return t.base.Color(n, theme.VariantDark)
	case coloursLight:
		v = theme.VariantLight
	case coloursDark:
		v = theme.VariantDark
	}
	return t.base.Color(n, v)
}

func (t *appearanceTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

func (t *appearanceTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size scales text and the icons that sit in a line of text; padding stays as it is, so larger
// text takes the room it needs without the whole window growing.
func (t *appearanceTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.base.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * t.look.text.scale()
	case theme.SizeNameInputBorder:
		if t.look.colours == coloursContrast {
			return max(s, 2) // a field's edge (white, yellow when it has the keyboard) is seen at a glance
		}
	}
	return s
}

// The high-contrast palette: white text on black, yellow for what acts (the main button, links,
// a focused field's edge) with black text on it. Fyne draws the keyboard focus and the pointer's
// hover by laying a translucent colour over a control, with the control's own text colour on
// top, so those overlays are dark enough that white text on them keeps a ratio of at least 7:1
// (WCAG 2 AAA), as does every other pair of text and background here; theme_test.go computes
// each one.
var (
	hcBlack  = color.NRGBA{R: 0x00, G: 0x00, B: 0x00, A: 0xff}
	hcWhite  = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	hcYellow = color.NRGBA{R: 0xff, G: 0xff, B: 0x00, A: 0xff}
	// hcButton lifts a button off the black page while white text on it stays far above 7:1.
	hcButton = color.NRGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xff}
	// hcField is the inside of text fields and drop-downs: nearly black, but not the page's
	// black, so a drop-down without an edge of its own still shows where it is.
	hcField = color.NRGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff}
	// hcFocus is magenta laid over the control that has the keyboard. Yellow would vanish on the
	// yellow main button; half magenta turns black to purple and yellow to pink, so the focus
	// shows on every kind of button while their text keeps 7:1.
	hcFocus = color.NRGBA{R: 0xff, G: 0x00, B: 0xff, A: 0x80}
	// hcHover is white laid over what the pointer is on.
	hcHover = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x26}
)

var highContrast = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameBackground:                hcBlack,
	theme.ColorNameForeground:                hcWhite,
	theme.ColorNameButton:                    hcButton,
	theme.ColorNameDisabledButton:            hcBlack,
	theme.ColorNameDisabled:                  color.NRGBA{R: 0xa8, G: 0xa8, B: 0xa8, A: 0xff},
	theme.ColorNamePlaceHolder:               color.NRGBA{R: 0xc8, G: 0xc8, B: 0xc8, A: 0xff},
	theme.ColorNamePrimary:                   hcYellow,
	theme.ColorNameForegroundOnPrimary:       hcBlack,
	theme.ColorNameHyperlink:                 hcYellow,
	theme.ColorNameFocus:                     hcFocus,
	theme.ColorNameHover:                     hcHover,
	theme.ColorNamePressed:                   color.NRGBA{R: 0xff, G: 0xff, B: 0x00, A: 0x66},
	theme.ColorNameSelection:                 hcFocus,
	theme.ColorNameError:                     color.NRGBA{R: 0xff, G: 0xa0, B: 0xa0, A: 0xff},
	theme.ColorNameForegroundOnError:         hcBlack,
	theme.ColorNameWarning:                   color.NRGBA{R: 0xff, G: 0xc8, B: 0x00, A: 0xff},
	theme.ColorNameForegroundOnWarning:       hcBlack,
	theme.ColorNameSuccess:                   color.NRGBA{R: 0x8c, G: 0xff, B: 0x8c, A: 0xff},
	theme.ColorNameForegroundOnSuccess:       hcBlack,
	theme.ColorNameInputBackground:           hcField,
	theme.ColorNameInputBorder:               hcWhite,
	theme.ColorNameMenuBackground:            hcBlack,
	theme.ColorNameOverlayBackground:         hcBlack,
	theme.ColorNameHeaderBackground:          hcBlack,
	theme.ColorNameSeparator:                 hcWhite,
	theme.ColorNameScrollBar:                 color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xcc},
	theme.ColorNameScrollBarBackground:       hcBlack,
	theme.ColorNameShadow:                    color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x40},
	theme.ColorNameInnerWindowBorder:         hcYellow,
	theme.ColorNameInnerWindowBorderInactive: hcWhite,
}
