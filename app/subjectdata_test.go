package app

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"waymark/app/printout"
	"waymark/eligibility"
	"waymark/jobs"
	"waymark/locales"
	"waymark/storage"
)

// fullCase is a case with something in every part the export holds, and contact details of
// which only the email is safe to use.
func fullCase() storage.Case {
	n, ro, age := eligibility.England, "RO", 34
	nino := false
	pay, monthly := 12.6, 424.9
	return storage.Case{
		Reference: "WM-77", Name: "Maria Ionescu", Language: "ro",
		Facts:   eligibility.Facts{Nation: &n, Nationality: &ro, Age: &age, HasNINO: &nino},
		Consent: storage.Consent{Given: true, Date: "2026-11-02"},
		Contact: storage.Contact{Phone: "07700 900123", Email: "maria@example.org", SafeEmail: true,
			Address: "1 Safe House Road", CodeWord: "lantern", Notes: "only after 6pm"},
		KeyDates: eligibility.KeyDates{ReasonableGrounds: "2026-10-01"},
		Steps: []jobs.Step{
			{Code: "apply_nino", Text: "Apply for a National Insurance number.", Owner: jobs.OwnerSurvivor, Due: "2026-12-01"},
			{Text: "Ring the council about the flat", Owner: jobs.OwnerAdviser, Done: true},
		},
		Review: "2026-12-21",
		Profile: jobs.Profile{
			Languages:    []jobs.Language{{Code: "ro", Level: jobs.LevelNative}, {Code: "en", Level: jobs.LevelA2}},
			EnglishLevel: jobs.LevelA2, Skills: []string{"cooking"},
			WorkHistory: []jobs.Job{{Sector: "warehouse", Role: "packer", Months: 8, Exploitative: true}},
			Barriers:    []jobs.Barrier{jobs.BarrierNoNINO}, Goals: []jobs.Goal{jobs.GoalWork},
			AvoidSectors: []string{"car_wash"},
		},
		Outcomes: jobs.Outcomes{
			Benefits: []jobs.BenefitOutcome{{Benefit: "universal_credit", Status: jobs.BenefitAwarded,
				Applied: "2026-11-02", Decided: "2026-11-18", Monthly: &monthly}},
			Work: []jobs.WorkOutcome{{Started: "2026-11-20", Sector: "warehouse", HourlyPay: &pay, PayChecked: true}},
		},
		Notes: []storage.Note{{Date: "2026-11-20", Adviser: adminName, Text: "Wants to work in a bakery."}},
	}
}

// openStored shows the case list again, so it holds a case stored since, and opens the case.
func (h *harness) openStored(id string) *caseScreen {
	h.t.Helper()
	h.u.show(newCasesScreen(h.u))
	return h.openCaseByID(id)
}

// exportOf is the case's data-subject JSON, as the PDF reads it.
func (h *harness) exportOf(id string) []byte {
	h.t.Helper()
	var buf bytes.Buffer
	if err := h.u.session.ExportCase(id, &buf); err != nil {
		h.t.Fatal(err)
	}
	return buf.Bytes()
}

// reportText is every word of a report, one row a line, "label: value".
func reportText(r printout.SubjectReport) string {
	lines := append([]string{r.Title}, r.Intro...)
	for _, s := range r.Sections {
		lines = append(lines, "# "+s.Heading)
		for _, row := range s.Rows {
			lines = append(lines, row.Label+": "+row.Value)
		}
	}
	return strings.Join(append(lines, r.Footer, r.Replaced, r.DocTitle), "\n")
}

func TestSubjectReportWordsTheWholeCase(t *testing.T) {
	h := unlocked(t)
	c, err := h.u.session.CreateCase(fullCase())
	if err != nil {
		t.Fatal(err)
	}
	r, err := subjectReport(locales.New("en"), h.exportOf(c.ID), testDay)
	if err != nil {
		t.Fatal(err)
	}
	text := reportText(r)
	for _, want := range []string{
		"Case reference: WM-77", "Name: Maria Ionescu", "Language: Romanian", "Case opened: 23 November 2026",
		"Status: Open", "You agreed to us keeping your information on 2 November 2026.",
		"Phone number: Recorded, but not printed here", "Phone calls: Not safe", "Email address: maria@example.org",
		"Emails: Safe", "Address for letters: Recorded, but not printed here", "Code word: lantern",
		"Contact notes: only after 6pm", "Reasonable grounds decision on: 1 October 2026",
		"Nationality: Romania (RO)", "Age: 34 years", "Has a National Insurance number: No",
		"Next review of the plan: 21 December 2026", "By 1 December 2026: Apply for a National Insurance number.\nWho: you. Not done yet.",
		"No date agreed: Ring the council about the flat\nWho: your adviser. Done.",
		"Languages spoken: Romanian (First language)\nEnglish (A2: elementary)",
		"Work history: Warehouse, packer, 8 months, Exploited in this work", "Sectors to avoid: Car wash",
		"Universal Credit: Awarded\nApplied on 2 November 2026\nDecided on 18 November 2026\n£424.90 a month",
		"Warehouse: Started on 20 November 2026\n£12.60 an hour\nThe pay was checked with the job offer check first",
		"20 November 2026: " + adminName + ": Wants to work in a bakery.",
		adminName + ": created the case", "Reference WM-77 · page {pg} of {nb}",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	for _, leak := range []string{"07700 900123", "1 Safe House Road"} {
		if strings.Contains(text, leak) {
			t.Errorf("the report prints %q, a way marked not safe", leak)
		}
	}
	if strings.Contains(r.DocTitle, "WM-77") || strings.Contains(r.DocTitle, "Maria") {
		t.Errorf("the PDF title %q names the person", r.DocTitle)
	}
}

// The PDF is made from the JSON export; a field added to the export without a place in the
// PDF fails here, so the person's two copies never differ.
func TestSubjectReportReadsEveryFieldOfTheExport(t *testing.T) {
	h := unlocked(t)
	c, err := h.u.session.CreateCase(fullCase())
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(h.exportOf(c.ID)))
	dec.DisallowUnknownFields()
	var x subjectExport
	if err := dec.Decode(&x); err != nil {
		t.Fatalf("the export has a field the PDF does not read: %v", err)
	}
	if len(x.Facts) == 0 || len(x.History) == 0 || x.Contact.CodeWord != "lantern" {
		t.Errorf("export read as %+v", x)
	}
}

// Every word of the report, in every language, is printable in the embedded font, and no
// message id is left untranslated.
func TestSubjectReportInEveryLanguage(t *testing.T) {
	h := unlocked(t)
	full := fullCase()
	full.Status, full.Closed, full.CloseReason = storage.CaseClosed, "2026-11-23", storage.CloseGoalsMet
	full.KeyDates.BenefitDecisions = []eligibility.BenefitDecision{{Benefit: "universal_credit", Decided: "2026-11-18"}}
	c, err := h.u.session.CreateCase(full)
	if err != nil {
		t.Fatal(err)
	}
	data := h.exportOf(c.ID)
	for _, l := range locales.Shipped() {
		r, err := subjectReport(locales.New(l.Code), data, testDay)
		if err != nil {
			t.Fatal(err)
		}
		text := reportText(r)
		if ok, err := printout.Covered(text); err != nil || !ok {
			t.Errorf("%s: the report has a character the font lacks (%v)", l.Code, err)
		}
		for _, id := range []string{"reports.", "casework.", "jobs.", "interview.", "plan.", "app."} {
			if strings.Contains(text, id) {
				t.Errorf("%s: an untranslated message id %q… in the report", l.Code, id)
			}
		}
		if err := r.Write(&bytes.Buffer{}); err != nil {
			t.Errorf("%s: %v", l.Code, err)
		}
	}
	r, _ := subjectReport(locales.New("ro"), data, testDay)
	if text := reportText(r); !strings.Contains(text, "Închis pe 23 noiembrie 2026.") || !strings.Contains(text, "Acordat pe 18 noiembrie 2026") {
		t.Errorf("Romanian report lacks the closing or the decision:\n%s", text)
	}
}

func TestSubjectPDFIsSavedAndAuditedAsAnExport(t *testing.T) {
	h := unlocked(t)
	c, err := h.u.session.CreateCase(fullCase())
	if err != nil {
		t.Fatal(err)
	}
	s := h.openStored(c.ID)
	d := s.overview.subject
	test.Tap(d.pdf)
	if len(h.u.dialogs) != 1 {
		t.Fatal("Export as PDF did not ask where to save")
	}
	h.u.closeDialogs()
	before := exportsOf(t, h, c.ID)
	path := filepath.Join(t.TempDir(), "my-data.pdf")
	w, err := fynestorage.Writer(fynestorage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	d.writePDF(w)
	if !d.progress.box.Visible() || !d.pdf.Disabled() || h.run.pending() != 1 {
		t.Fatal("the PDF is not made off the UI goroutine with its progress shown")
	}
	h.run.flush()
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data, []byte("%%EOF")) {
		t.Fatalf("saved file is not a whole PDF (%v)", err)
	}
	for _, leak := range [][]byte{[]byte("WM-77"), []byte("Maria"), []byte("maria@example.org")} {
		if bytes.Contains(data, leak) { // page text is UTF-16; plain bytes could only be metadata
			t.Errorf("the PDF holds %q as plain text", leak)
		}
	}
	if d.problem.n.id != "reports.subject.pdf_saved" || d.pdf.Disabled() || d.progress.box.Visible() {
		t.Errorf("after saving the part says %q", d.problem.label.Text)
	}
	if got := exportsOf(t, h, c.ID); got != before+1 {
		t.Errorf("%d export rows after the PDF, want %d", got, before+1)
	}
}

func TestSubjectPDFAfterLockingSavesNothing(t *testing.T) {
	h := unlocked(t)
	c, err := h.u.session.CreateCase(fullCase())
	if err != nil {
		t.Fatal(err)
	}
	d := h.openStored(c.ID).overview.subject
	path := filepath.Join(t.TempDir(), "my-data.pdf")
	w, err := fynestorage.Writer(fynestorage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	d.writePDF(w)
	h.u.onLock()
	h.run.flush()
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a PDF was left behind after locking (%v)", err)
	}
}

func exportsOf(t *testing.T, h *harness, id string) int {
	t.Helper()
	entries, err := h.u.session.Audit(id)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if e.Action == storage.ActionExport {
			n++
		}
	}
	return n
}

// TestGoldenSubjectData is the Overview's "The person's data" part on its own, with its three
// actions side by side.
func TestGoldenSubjectData(t *testing.T) {
	h := unlocked(t)
	c, err := h.u.session.CreateCase(fullCase())
	if err != nil {
		t.Fatal(err)
	}
	d := h.openStored(c.ID).overview.subject
	w := test.NewWindow(d.box)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(700, 260))
	test.AssertRendersToMarkup(t, "subject_data.xml", w.Canvas())
}
