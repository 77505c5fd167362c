package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"waymark/locales"
)

// languagePicker chooses the interface language on the screens shown before unlocking. Each
// language is named in itself, so an adviser who cannot read the current language still finds
// their own.
type languagePicker struct {
	u      *ui
	label  *widget.Label
	choice *widget.Select
	codes  []string
}

func newLanguagePicker(u *ui) *languagePicker {
	p := &languagePicker{u: u, label: widget.NewLabel("")}
	var names []string
	for _, l := range locales.Shipped() {
		p.codes = append(p.codes, l.Code)
		names = append(names, l.Native)
	}
	p.choice = widget.NewSelect(names, nil)
	p.choice.SetSelectedIndex(p.index(u.tr.Lang()))
	p.choice.OnChanged = p.onChanged
	return p
}

// view is the picker's row, at the top right of its screen.
func (p *languagePicker) view() fyne.CanvasObject {
	return container.NewHBox(layout.NewSpacer(), p.label, p.choice)
}

func (p *languagePicker) index(code string) int {
	for i, c := range p.codes {
		if c == code {
			return i
		}
	}
	return 0
}

func (p *languagePicker) onChanged(string) {
	if i := p.choice.SelectedIndex(); i >= 0 {
		p.u.setLanguage(p.codes[i])
	}
}

func (p *languagePicker) translate() {
	p.label.SetText(p.u.tr.T("app.language.label"))
}

// languageName is how a survivor's language appears in the adviser's lists: its own name when
// Waymark ships it, else the code as stored.
func languageName(code string) string {
	for _, l := range locales.Shipped() {
		if l.Code == code {
			return l.Native
		}
	}
	return code
}
