package app

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// relativeLuminance is WCAG 2's relative luminance of an opaque sRGB colour
// (w3.org/TR/WCAG21/#dfn-relative-luminance).
func relativeLuminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	channel := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(n.R) + 0.7152*channel(n.G) + 0.0722*channel(n.B)
}

// contrastRatio is WCAG 2's contrast ratio between two opaque colours, from 1 to 21
// (w3.org/TR/WCAG21/#dfn-contrast-ratio).
func contrastRatio(a, b color.Color) float64 {
	la, lb := relativeLuminance(a), relativeLuminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// over is what the screen shows when top (possibly translucent) is drawn on the opaque under,
// as Fyne draws focus and hover over a control.
func over(top, under color.Color) color.Color {
	t := color.NRGBAModel.Convert(top).(color.NRGBA)
	u := color.NRGBAModel.Convert(under).(color.NRGBA)
	a := float64(t.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(a*float64(x) + (1-a)*float64(y))) }
	return color.NRGBA{R: mix(t.R, u.R), G: mix(t.G, u.G), B: mix(t.B, u.B), A: 0xff}
}

func TestContrastRatioFormula(t *testing.T) {
	// Reference values: black on white is 21:1 by definition; #767676 on white is the
	// well-known lightest grey that passes 4.5:1 (4.54); same colours give 1.
	tests := []struct {
		a, b     color.Color
		min, max float64
	}{
		{color.Black, color.White, 21, 21},
		{color.NRGBA{0x76, 0x76, 0x76, 0xff}, color.White, 4.53, 4.55},
		{color.NRGBA{0x77, 0x77, 0x77, 0xff}, color.White, 4.47, 4.49},
		{color.NRGBA{0x12, 0x34, 0x56, 0xff}, color.NRGBA{0x12, 0x34, 0x56, 0xff}, 1, 1},
	}
	for _, tc := range tests {
		if got := contrastRatio(tc.a, tc.b); got < tc.min-1e-9 || got > tc.max+1e-9 {
			t.Errorf("contrast(%v, %v) = %.3f, want %.2f..%.2f", tc.a, tc.b, got, tc.min, tc.max)
		}
	}
	if got := over(color.NRGBA{0xff, 0xff, 0xff, 0x80}, color.Black); contrastRatio(got, color.NRGBA{0x80, 0x80, 0x80, 0xff}) > 1.01 {
		t.Errorf("half white over black = %v, want mid grey", got)
	}
}

// TestHighContrastPalette checks every pair of text and what it is drawn on in the
// high-contrast theme, including the translucent focus, hover and selection Fyne lays over
// controls, against WCAG 2's AAA level for text (7:1).
func TestHighContrastPalette(t *testing.T) {
	hc := &appearanceTheme{base: theme.DefaultTheme(), look: appearance{text: textNormal, colours: coloursContrast}}
	c := func(n fyne.ThemeColorName) color.Color { return hc.Color(n, theme.VariantLight) }
	bg := c(theme.ColorNameBackground)

	type pair struct {
		text   fyne.ThemeColorName
		on     string
		behind color.Color
	}
	var pairs []pair
	surfaces := map[string]color.Color{
		"background":         bg,
		"button":             c(theme.ColorNameButton),
		"input background":   c(theme.ColorNameInputBackground),
		"menu background":    c(theme.ColorNameMenuBackground),
		"dialog background":  c(theme.ColorNameOverlayBackground),
		"header background":  c(theme.ColorNameHeaderBackground),
		"focused button":     over(c(theme.ColorNameFocus), c(theme.ColorNameButton)),
		"hovered button":     over(c(theme.ColorNameHover), c(theme.ColorNameButton)),
		"focused drop-down":  over(c(theme.ColorNameFocus), bg),
		"hovered drop-down":  over(c(theme.ColorNameHover), bg),
		"active menu item":   over(c(theme.ColorNameFocus), c(theme.ColorNameMenuBackground)),
		"selected text":      over(c(theme.ColorNameSelection), c(theme.ColorNameInputBackground)),
		"selected list item": over(c(theme.ColorNameSelection), bg),
	}
	for name, s := range surfaces {
		pairs = append(pairs, pair{theme.ColorNameForeground, name, s})
	}
	for _, text := range []fyne.ThemeColorName{
		theme.ColorNamePrimary, theme.ColorNameHyperlink, theme.ColorNameError,
		theme.ColorNameWarning, theme.ColorNameSuccess, theme.ColorNameDisabled,
	} {
		pairs = append(pairs,
			pair{text, "background", bg},
			pair{text, "dialog background", c(theme.ColorNameOverlayBackground)})
	}
	pairs = append(pairs,
		pair{theme.ColorNamePlaceHolder, "input background", c(theme.ColorNameInputBackground)},
		pair{theme.ColorNameDisabled, "disabled button", c(theme.ColorNameDisabledButton)},
		pair{theme.ColorNameDisabled, "input background", c(theme.ColorNameInputBackground)},
	)
	// Coloured buttons: their own text colour on them, plain, focused and hovered.
	for fill, text := range map[fyne.ThemeColorName]fyne.ThemeColorName{
		theme.ColorNamePrimary: theme.ColorNameForegroundOnPrimary,
		theme.ColorNameError:   theme.ColorNameForegroundOnError,
		theme.ColorNameWarning: theme.ColorNameForegroundOnWarning,
		theme.ColorNameSuccess: theme.ColorNameForegroundOnSuccess,
	} {
		pairs = append(pairs,
			pair{text, string(fill) + " button", c(fill)},
			pair{text, "focused " + string(fill) + " button", over(c(theme.ColorNameFocus), c(fill))},
			pair{text, "hovered " + string(fill) + " button", over(c(theme.ColorNameHover), c(fill))})
	}

	const aaa = 7.0
	for _, p := range pairs {
		t.Run(fmt.Sprintf("%s on %s", p.text, p.on), func(t *testing.T) {
			if got := contrastRatio(c(p.text), p.behind); got < aaa {
				t.Errorf("contrast %.2f:1, want at least %.0f:1", got, aaa)
			}
		})
	}

	// The keyboard focus must show, on buttons, drop-downs and fields alike, and on the yellow
	// main button and the other coloured ones, where the hue changes as well (pink to magenta,
	// yellow to pink), so a smaller change in lightness still shows.
	for name, tc := range map[string]struct {
		under color.Color
		min   float64
	}{
		"button": {c(theme.ColorNameButton), 1.8}, "drop-down": {bg, 1.8}, "field": {c(theme.ColorNameInputBackground), 1.8},
		"main button": {c(theme.ColorNamePrimary), 1.4}, "danger button": {c(theme.ColorNameError), 1.4},
		"warning button": {c(theme.ColorNameWarning), 1.4}, "success button": {c(theme.ColorNameSuccess), 1.4},
	} {
		if got := contrastRatio(over(c(theme.ColorNameFocus), tc.under), tc.under); got < tc.min {
			t.Errorf("focus on a %s changes it by %.2f:1 only", name, got)
		}
	}
	// A focused field's edge is yellow, an idle one white: they differ in hue, not lightness,
	// so both must stand out from the black page.
	for _, n := range []fyne.ThemeColorName{theme.ColorNamePrimary, theme.ColorNameInputBorder} {
		if got := contrastRatio(c(n), bg); got < aaa {
			t.Errorf("%s on the page: %.2f:1", n, got)
		}
	}
}

func TestHighContrastPaletteIsComplete(t *testing.T) {
	names := []fyne.ThemeColorName{
		theme.ColorNameBackground, theme.ColorNameButton, theme.ColorNameDisabled,
		theme.ColorNameDisabledButton, theme.ColorNameError, theme.ColorNameFocus,
		theme.ColorNameForeground, theme.ColorNameForegroundOnError, theme.ColorNameForegroundOnPrimary,
		theme.ColorNameForegroundOnSuccess, theme.ColorNameForegroundOnWarning,
		theme.ColorNameHeaderBackground, theme.ColorNameHover, theme.ColorNameHyperlink,
		theme.ColorNameInnerWindowBorder, theme.ColorNameInnerWindowBorderInactive,
		theme.ColorNameInputBackground, theme.ColorNameInputBorder, theme.ColorNameMenuBackground,
		theme.ColorNameOverlayBackground, theme.ColorNamePlaceHolder, theme.ColorNamePressed,
		theme.ColorNamePrimary, theme.ColorNameScrollBar, theme.ColorNameScrollBarBackground,
		theme.ColorNameSelection, theme.ColorNameSeparator, theme.ColorNameShadow,
		theme.ColorNameSuccess, theme.ColorNameWarning,
	}
	for _, n := range names {
		if _, ok := highContrast[n]; !ok {
			t.Errorf("the high-contrast palette has no %s: it would fall back to the dark theme's", n)
		}
	}
}

func TestAppearanceThemeScalesTextOnly(t *testing.T) {
	base := theme.DefaultTheme()
	for _, size := range textSizes {
		th := &appearanceTheme{base: base, look: appearance{text: size, colours: coloursSystem}}
		for _, n := range []fyne.ThemeSizeName{
			theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
			theme.SizeNameCaptionText, theme.SizeNameInlineIcon,
		} {
			if got, want := th.Size(n), base.Size(n)*size.scale(); got != want {
				t.Errorf("%s: %s = %v, want %v", size, n, got, want)
			}
		}
		for _, n := range []fyne.ThemeSizeName{theme.SizeNamePadding, theme.SizeNameInnerPadding, theme.SizeNameInputBorder} {
			if got, want := th.Size(n), base.Size(n); got != want {
				t.Errorf("%s: %s = %v, want the theme's own %v", size, n, got, want)
			}
		}
	}
	if textLarge.scale() <= textNormal.scale() || textLarger.scale() <= textLarge.scale() {
		t.Error("text sizes do not grow in order")
	}
}

func TestAppearanceThemeForcesTheVariant(t *testing.T) {
	test.NewTempApp(t)
	base := theme.DefaultTheme()
	tests := []struct {
		colours colours
		asked   fyne.ThemeVariant
		want    color.Color
	}{
		{coloursSystem, theme.VariantDark, base.Color(theme.ColorNameBackground, theme.VariantDark)},
		{coloursSystem, theme.VariantLight, base.Color(theme.ColorNameBackground, theme.VariantLight)},
		{coloursLight, theme.VariantDark, base.Color(theme.ColorNameBackground, theme.VariantLight)},
		{coloursDark, theme.VariantLight, base.Color(theme.ColorNameBackground, theme.VariantDark)},
		{coloursContrast, theme.VariantLight, color.NRGBA{A: 0xff}},
	}
	for _, tc := range tests {
		th := &appearanceTheme{base: base, look: appearance{text: textNormal, colours: tc.colours}}
		if got := th.Color(theme.ColorNameBackground, tc.asked); contrastRatio(got, tc.want) != 1 {
			t.Errorf("%s asked for variant %d: background %v, want %v", tc.colours, tc.asked, got, tc.want)
		}
	}
	if base.Color(theme.ColorNameBackground, theme.VariantDark) == base.Color(theme.ColorNameBackground, theme.VariantLight) {
		t.Fatal("the base theme has one background for both variants; this test proves nothing")
	}
}

func TestApplyAppearanceAtStart(t *testing.T) {
	tests := []struct {
		name      string
		text, col string // preferences as stored; "" for none
		want      appearance
		wrapped   bool
	}{
		{"nothing remembered", "", "", plain, false},
		{"plain remembered", "normal", "system", plain, false},
		{"large and high contrast", "large", "contrast", appearance{textLarge, coloursContrast}, true},
		{"larger and light", "larger", "light", appearance{textLarger, coloursLight}, true},
		{"dark only", "", "dark", appearance{textNormal, coloursDark}, true},
		{"unknown values", "huge", "purple", plain, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			base := a.Settings().Theme()
			if tc.text != "" {
				a.Preferences().SetString(prefTextSize, tc.text)
			}
			if tc.col != "" {
				a.Preferences().SetString(prefColours, tc.col)
			}
			applyAppearance(a)
			got := a.Settings().Theme()
			w, ok := got.(*appearanceTheme)
			if ok != tc.wrapped {
				t.Fatalf("theme is %T, want wrapped %v", got, tc.wrapped)
			}
			if !ok {
				if got != base {
					t.Error("the plain look replaced the app's theme")
				}
				return
			}
			if w.look != tc.want || w.base != base {
				t.Errorf("look %+v on %T, want %+v on the app's theme", w.look, w.base, tc.want)
			}
			if got, want := theme.TextSize(), base.Size(theme.SizeNameText)*tc.want.text.scale(); got != want {
				t.Errorf("text size in use %v, want %v", got, want)
			}
		})
	}
}

func TestSetAppearanceNeverWrapsTwice(t *testing.T) {
	a := test.NewTempApp(t)
	base := a.Settings().Theme()
	steps := []appearance{
		{textLarge, coloursDark}, {textLarger, coloursContrast}, {textLarger, coloursContrast}, plain,
		{textNormal, coloursLight},
	}
	for i, look := range steps {
		setAppearance(a, look)
		th := a.Settings().Theme()
		if look == plain {
			if th != base {
				t.Fatalf("step %d: back to plain left %T", i, th)
			}
			continue
		}
		w, ok := th.(*appearanceTheme)
		if !ok || w.base != base || w.look != look {
			t.Fatalf("step %d: theme %T, want %+v over the app's own theme", i, th, look)
		}
	}
}
