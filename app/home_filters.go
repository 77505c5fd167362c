package app

import (
	"runtime"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// The search box and the filters above the case table. Every change filters the loaded list
// again in memory (storage.CaseIndex), so the table follows each keystroke.

// statusChoices are the status filter's options, in order; "" is every case.
var statusChoices = []storage.CaseStatus{"", storage.CaseOpen, storage.CaseClosed}

// sortChoices are the orders offered, in order, with their message ids.
var sortChoices = []struct {
	key storage.SortKey
	id  string
}{
	{storage.SortReference, "home.sort.reference"},
	{storage.SortOpened, "home.sort.opened"},
	{storage.SortReview, "home.sort.review"},
	{storage.SortName, "home.sort.name"},
}

// caseFilters holds the search and filter widgets.
type caseFilters struct {
	search    *inputEntry
	clear     *widget.Button
	status    *widget.Select
	language  *widget.Select
	langCodes []string // the language filter's codes; "" first, for all
	adviser   *widget.Select
	advisers  []string // the adviser filter's names; "" first, for all
	reviewDue *widget.Check
	sortLabel *widget.Label
	sort      *widget.Select
	// syncing is set while translate rebuilds the options, so the selects' callbacks do not
	// filter the list once per widget.
	syncing bool
}

func newCaseFilters(s *casesScreen) *caseFilters {
	f := &caseFilters{langCodes: []string{""}, advisers: []string{""}}
	changed := func() {
		s.u.onInput()
		if !f.syncing {
			s.onFilterChanged()
		}
	}
	f.search = newInputEntry(s.u.onInput)
	f.search.OnChanged = func(string) {
		if !f.syncing {
			s.apply()
		}
	}
	f.search.OnSubmitted = func(string) { s.openFirst() }
	f.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), s.onClearSearch)
	f.clear.Importance = widget.LowImportance
	f.search.ActionItem = f.clear
	f.status = widget.NewSelect(nil, func(string) { changed() })
	f.language = widget.NewSelect(nil, func(string) { changed() })
	f.adviser = widget.NewSelect(nil, func(string) { changed() })
	f.reviewDue = widget.NewCheck("", func(bool) { changed() })
	f.sortLabel = widget.NewLabel("")
	f.sort = widget.NewSelect(nil, func(string) { changed() })
	return f
}

// view puts the order beside the search box and the filters under both, which keeps each row
// within the table's width at 1024 pixels in every shipped language.
func (f *caseFilters) view() fyne.CanvasObject {
	search := container.NewBorder(nil, nil, nil, container.NewHBox(f.sortLabel, f.sort), f.search)
	return container.NewVBox(search, container.NewHBox(f.status, f.language, f.adviser, f.reviewDue))
}

// translate words the options again, keeping what is chosen.
func (f *caseFilters) translate(s *casesScreen, chosen homeFilter) {
	tr := s.u.tr
	f.syncing = true
	defer func() { f.syncing = false }()
	f.search.SetPlaceHolder(tr.T("home.search.placeholder", map[string]any{"Keys": findKeysText()}))

	f.status.Options = []string{tr.T("home.filter.all"), tr.T("home.filter.open"), tr.T("home.filter.closed")}
	f.status.SetSelectedIndex(max(slices.Index(statusChoices, chosen.status), 0))

	names := []string{tr.T("home.filter.all_languages")}
	for _, code := range f.langCodes[1:] {
		names = append(names, languageName(code))
	}
	f.language.Options = names
	f.language.SetSelectedIndex(max(slices.Index(f.langCodes, chosen.language), 0))

	f.adviser.Options = append([]string{tr.T("home.filter.all_advisers")}, f.advisers[1:]...)
	f.adviser.SetSelectedIndex(max(slices.Index(f.advisers, chosen.adviser), 0))

	f.reviewDue.Text = tr.T("home.filter.review_due")
	f.reviewDue.SetChecked(chosen.reviewDue)
	f.reviewDue.Refresh()

	f.sortLabel.SetText(tr.T("home.sort.label"))
	var sorts []string
	at := 0
	for i, c := range sortChoices {
		sorts = append(sorts, tr.T(c.id))
		if c.key == chosen.sort {
			at = i
		}
	}
	f.sort.Options = sorts
	f.sort.SetSelectedIndex(at)
	for _, sel := range []*widget.Select{f.status, f.language, f.sort} {
		widenToOptions(sel, 0)
	}
	widenToOptions(f.adviser, adviserFilterWidth)
}

// adviserFilterWidth is the widest the adviser filter's text grows: advisers' names are as
// long as people's names are, and a longer one is cut short with an ellipsis so the filter
// row still fits beside the side column at 1024 pixels.
const adviserFilterWidth float32 = 170

// widenToOptions makes a select as wide as its longest option, or as its longest option no
// wider than limit when limit is above zero. A select is as wide as its placeholder, which it
// shows only when nothing is chosen, and here something always is.
func widenToOptions(sel *widget.Select, limit float32) {
	longest, widest := "", float32(0)
	for _, o := range sel.Options {
		w := fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width
		if w > widest && (limit <= 0 || w <= limit) {
			longest, widest = o, w
		}
	}
	if longest == "" && len(sel.Options) > 0 {
		longest = sel.Options[0] // no option is short enough: the first, cut short
	}
	sel.PlaceHolder = longest
	sel.Refresh()
}

// setLanguages offers the languages of the loaded cases, in the order of their codes.
func (f *caseFilters) setLanguages(codes []string) {
	f.langCodes = append([]string{""}, codes...)
}

// setAdvisers offers the advisers responsible for the loaded cases, in the order given.
func (f *caseFilters) setAdvisers(names []string) {
	f.advisers = append([]string{""}, names...)
}

// chosen reads the filters as they are set on screen.
func (f *caseFilters) chosen() homeFilter {
	var c homeFilter
	if i := f.status.SelectedIndex(); i >= 0 && i < len(statusChoices) {
		c.status = statusChoices[i]
	}
	if i := f.language.SelectedIndex(); i >= 0 && i < len(f.langCodes) {
		c.language = f.langCodes[i]
	}
	if i := f.adviser.SelectedIndex(); i >= 0 && i < len(f.advisers) {
		c.adviser = f.advisers[i]
	}
	c.reviewDue = f.reviewDue.Checked
	if i := f.sort.SelectedIndex(); i >= 0 && i < len(sortChoices) {
		c.sort = sortChoices[i].key
	}
	return c
}

// filtered reports whether the search or a filter leaves cases out.
func (f *caseFilters) filtered() bool {
	c := f.chosen()
	return f.search.Text != "" || c.status != "" || c.language != "" || c.adviser != "" || c.reviewDue
}

// onFilterChanged remembers the filters for this session and filters the list again. The side
// column follows the adviser chosen.
func (s *casesScreen) onFilterChanged() {
	if s.u.session != nil {
		s.u.homeMemory().filter = s.filters.chosen()
	}
	s.showSide()
	s.apply()
}

// apply shows the loaded cases the search and filters leave, in the chosen order.
func (s *casesScreen) apply() {
	var rows []storage.CaseSummary
	c := s.filters.chosen()
	// A closed case has no review to come, so "review due" only ever shows open cases.
	closedAndDue := c.reviewDue && c.status == storage.CaseClosed
	if s.index != nil && !closedAndDue {
		q := storage.Query{Text: s.filters.search.Text, Status: c.status, Language: c.language, Adviser: c.adviser}
		if c.reviewDue {
			q.ReviewDue, q.Status = s.today(), storage.CaseOpen
		}
		rows = s.index.Find(q, c.sort)
	}
	s.cases.set(rows)
	s.showRows()
	// Scrolling redraws the visible cells; the headings have not changed, so a whole-table
	// refresh would only draw the cells a second time.
	s.table.ScrollToTop()
}

// onClearSearch empties the search box and puts the keyboard back in it.
func (s *casesScreen) onClearSearch() {
	s.u.onInput()
	s.filters.search.SetText("")
	s.focusSearch()
}

// onShowAll clears the search and every filter, for when nothing matches.
func (s *casesScreen) onShowAll() {
	s.u.onInput()
	f := s.filters
	f.syncing = true
	f.search.SetText("")
	f.status.SetSelectedIndex(0)
	f.language.SetSelectedIndex(0)
	f.adviser.SetSelectedIndex(0)
	f.reviewDue.SetChecked(false)
	f.syncing = false
	s.onFilterChanged()
	s.focusSearch()
}

// openFirst opens the first case on the list: Enter in the search box, once the search has
// narrowed the list to the case wanted.
func (s *casesScreen) openFirst() {
	if c, err := s.cases.GetValue(0); err == nil {
		s.openCase(c.ID)
	}
}

// focusSearch puts the keyboard in the search box (Ctrl+F).
func (s *casesScreen) focusSearch() {
	s.u.win.Canvas().Focus(s.filters.search)
}

// findKeysText is the find shortcut as the keyboard shows it.
func findKeysText() string {
	if runtime.GOOS == "darwin" {
		return "⌘F"
	}
	return "Ctrl+F"
}
