package cli

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"waymark/eligibility"
	"waymark/jobs"
	"waymark/jobs/planpdf"
	"waymark/locales"
)

// planCase is a case file for a Romanian survivor in England without a National Insurance
// number or bank account; steps is the JSON of its "steps" member, or "" for none.
func planCase(steps string) string {
	s := `{"reference": "WM-2026-014", "name": "Maria Ionescu", "language": "ro",
  "review": "2027-01-15",
  "facts": {"nation": "england", "age": 29, "nationality": "RO",
    "immigration_status": "euss_pre_settled", "right_to_reside": "worker",
    "habitually_resident": true, "nrm_reasonable_grounds": "positive", "couple": false,
    "children_ages": [], "capital": 0, "monthly_earnings": 0, "housing": "private_rented",
    "monthly_rent": 650, "has_nino": false, "has_bank_account": false}`
	if steps != "" {
		s += `, "steps": ` + steps
	}
	return s + "}"
}

// planSteps has a suggested step, the adviser's own words, and a step naming immigration
// details that a safe print leaves out.
const planSteps = `[
  {"code": "apply_nino", "text": "Apply for a National Insurance number.", "owner": "survivor", "due": "2026-12-07"},
  {"text": "Ask the Home Office about your visa.", "owner": "adviser"},
  {"text": "Meet Ana at the community centre.", "owner": "other", "done": true}
]`

// runPlanCmd runs `waymark plan` through a ctx built as Main builds it, with messages in lang.
func runPlanCmd(t *testing.T, lang string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := Env{Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string {
			if k == "WAYMARK_LANG" {
				return lang
			}
			return ""
		}}.withDefaults()
	c := &ctx{env: env, tr: locales.New(Language(env.Getenv))}
	code := c.report(c.runPlan(args))
	r := result{code: code, stdout: stdout.String(), stderr: stderr.String()}
	checkOutputShape(t, append([]string{planCommand}, args...), r)
	return r
}

// pdfHas reports whether the PDF at path shows text: page text is written in its content
// streams as UTF-16BE, compressed.
func pdfHas(t *testing.T, path, text string) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var needle []byte
	for _, u := range utf16.Encode([]rune(text)) {
		needle = append(needle, byte(u>>8), byte(u))
	}
	for rest := data; ; {
		i := bytes.Index(rest, []byte("stream\n"))
		if i < 0 {
			return false
		}
		rest = rest[i+len("stream\n"):]
		zr, err := zlib.NewReader(bytes.NewReader(rest))
		if err != nil {
			continue
		}
		if page, err := io.ReadAll(zr); err == nil && bytes.Contains(page, needle) {
			return true
		}
	}
}

func TestPlanWritesPDF(t *testing.T) {
	tests := []struct {
		name        string
		args        []string
		caseFile    string
		show, hide  []string
		stdout      []string
		mediaBox    string
		lang        string
		stdoutLines int
	}{
		{name: "case language", caseFile: planCase(planSteps),
			show:   []string{"Planul dumneavoastră", "Your plan", "Cereți un număr National", "Maria Ionescu", "Meet Ana at the community centre."},
			stdout: []string{"The plan is saved."}, mediaBox: "595.28 841.89", lang: "en", stdoutLines: 1},
		{name: "lang flag", args: []string{"--lang", "pl"}, caseFile: planCase(planSteps),
			show: []string{"Twój plan", "Your plan"}, hide: []string{"Planul"},
			stdout: []string{"The plan is saved."}, mediaBox: "595.28 841.89", lang: "en", stdoutLines: 1},
		{name: "safe print", args: []string{"--safe"}, caseFile: planCase(planSteps),
			show: []string{"Planul dumneavoastră", "08000 121 700"}, hide: []string{"Ionescu", "Maria", "Home Office", "Modern Slavery"},
			stdout:   []string{"Safe print:", "1 step is left out of the safe print", "step 2."},
			mediaBox: "595.28 841.89", lang: "en", stdoutLines: 3},
		{name: "letter", args: []string{"--letter"}, caseFile: planCase(planSteps),
			show: []string{"Planul dumneavoastră"}, stdout: []string{"The plan is saved."},
			mediaBox: "612.00 792.00", lang: "en", stdoutLines: 1},
		{name: "language not shipped", args: []string{"--lang", "ar"}, caseFile: planCase(planSteps),
			show: []string{"Your plan"}, hide: []string{"Planul"},
			stdout: []string{"cannot be printed in ar yet"}, mediaBox: "595.28 841.89", lang: "en", stdoutLines: 2},
		{name: "messages in Romanian", caseFile: planCase(planSteps), show: []string{"Planul dumneavoastră"},
			stdout: []string{"Planul a fost salvat."}, mediaBox: "595.28 841.89", lang: "ro", stdoutLines: 1},
		{name: "suggested steps", caseFile: planCase(""),
			show:   []string{"Cereți un număr National", "Deschideți un cont bancar"},
			stdout: []string{"The plan is saved."}, mediaBox: "595.28 841.89", lang: "en", stdoutLines: 1},
		{name: "agreed empty plan", caseFile: planCase("[]"),
			show: []string{"Planul nu are încă niciun pas."}, hide: []string{"Cereți un număr National"},
			stdout: []string{"The plan is saved."}, mediaBox: "595.28 841.89", lang: "en", stdoutLines: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			casePath := writeFile(t, "case.json", tc.caseFile)
			out := filepath.Join(t.TempDir(), "plan.pdf")
			args := append([]string{"--case", casePath, "--out", out, "--date", "2026-11-23"}, tc.args...)
			r := runPlanCmd(t, tc.lang, args...)
			r.want(t, 0)
			for _, s := range tc.show {
				if !pdfHas(t, out, s) {
					t.Errorf("plan does not show %q", s)
				}
			}
			for _, s := range tc.hide {
				if pdfHas(t, out, s) {
					t.Errorf("plan shows %q", s)
				}
			}
			for _, s := range tc.stdout {
				if !strings.Contains(r.stdout, s) {
					t.Errorf("stdout %q does not contain %q", r.stdout, s)
				}
			}
			if n := strings.Count(r.stdout, "\n"); n != tc.stdoutLines {
				t.Errorf("stdout has %d lines, want %d: %q", n, tc.stdoutLines, r.stdout)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data, []byte("/MediaBox [0 0 "+tc.mediaBox+"]")) {
				t.Errorf("not an %s PDF", tc.mediaBox)
			}
			if names, _ := os.ReadDir(filepath.Dir(out)); len(names) != 1 {
				t.Errorf("output folder holds %d files, want the plan only", len(names))
			}
		})
	}
}

// TestPlanInput checks what the command asks the printer for: the case's steps, or the
// suggested ones in suggestion order when it has none; the language flag over the file's; the
// nation for helplines; the paper.
func TestPlanInput(t *testing.T) {
	pack, ok := eligibility.DefaultRegistry.Lookup(checkPack)
	if !ok {
		t.Fatal("no uk pack")
	}
	date, _ := eligibility.ParseDate("2026-11-23")
	decode := func(s string) jobs.CaseFile {
		cf, err := jobs.DecodeCaseFile([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return cf
	}

	cf := decode(planCase(""))
	in := planInput(cf, pack, planOptions{date: date})
	var want []jobs.Step
	for _, s := range jobs.Suggest(eligibility.Evaluate(pack, cf.Facts, date), cf.Facts, cf.Profile, date) {
		want = append(want, s.Step)
	}
	if len(want) == 0 || !slices.Equal(in.Steps, want) {
		t.Errorf("steps = %+v, want the suggestions %+v", in.Steps, want)
	}
	if in.Language != "ro" || in.Nation != eligibility.England || in.Page != planpdf.A4 || in.Review != "2027-01-15" ||
		in.FullName != "Maria Ionescu" || in.GivenName != "" || in.Safe || in.Results.AssessmentDate != "2026-11-23" {
		t.Errorf("input = %+v", in)
	}

	cf = decode(planCase(planSteps))
	in = planInput(cf, pack, planOptions{date: date, lang: "pl", safe: true, letter: true})
	if !slices.Equal(in.Steps, cf.Steps) || in.Language != "pl" || !in.Safe || in.Page != planpdf.Letter {
		t.Errorf("input = %+v", in)
	}

	cf = decode(planCase("[]"))
	if in := planInput(cf, pack, planOptions{date: date}); len(in.Steps) != 0 {
		t.Errorf("an agreed empty plan got steps %+v", in.Steps)
	}
}

func TestPlanBadInput(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, "case.json", planCase(planSteps))
	out := filepath.Join(dir, "plan.pdf")
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no case", []string{"--out", out}, "--case is required"},
		{"no out", []string{"--case", good}, "--out is required"},
		{"bad date", []string{"--case", good, "--out", out, "--date", "2026-02-30"}, "--date must be a real date"},
		{"bad lang", []string{"--case", good, "--out", out, "--lang", "RO"}, "--lang must be a language code"},
		{"unknown flag", []string{"--case", good, "--out", out, "--a5"}, "there is no flag --a5"},
		{"positional", []string{"--case", good, "--out", out, "extra"}, "plan"},
		{"out is the case file", []string{"--case", good, "--out", good}, "must not be the case file"},
		{"unknown key", []string{"--case", writeFile(t, "c.json", `{"reference": "R", "language": "ro", "nmae": "x"}`), "--out", out}, "nmae"},
		{"bad step", []string{"--case", writeFile(t, "c.json", planCase(`[{"text": "x", "owner": "charity"}]`)), "--out", out}, "steps[0].owner"},
		{"unknown step code", []string{"--case", writeFile(t, "c.json", planCase(`[{"code": "fly", "text": "x", "owner": "adviser"}]`)), "--out", out}, "steps[0].code"},
		{"name the font cannot show", []string{"--case", writeFile(t, "c.json", strings.Replace(planCase(planSteps), "Maria Ionescu", "王芳", 1)), "--out", out}, "name has a character"},
		{"step the font cannot show", []string{"--case", writeFile(t, "c.json", planCase(`[{"text": "Call ☎", "owner": "adviser"}]`)), "--out", out}, "steps[0].text has a character"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runPlanCmd(t, "en", tc.args...)
			r.want(t, 2, tc.stderr)
			if names, _ := os.ReadDir(dir); len(names) != 0 {
				t.Errorf("bad input left %d files in the output folder", len(names))
			}
		})
	}
	// The case file given as --out is left as it was.
	if data, err := os.ReadFile(good); err != nil || string(data) != planCase(planSteps) {
		t.Error("the case file was changed")
	}
}

func TestPlanKeepsOldFileOnBadInput(t *testing.T) {
	out := writeFile(t, "plan.pdf", "last week's plan")
	bad := writeFile(t, "c.json", strings.Replace(planCase(planSteps), "Maria Ionescu", "王芳", 1))
	runPlanCmd(t, "en", "--case", bad, "--out", out).want(t, 2)
	if data, err := os.ReadFile(out); err != nil || string(data) != "last week's plan" {
		t.Errorf("old plan now %q, %v", data, err)
	}
}

func TestPlanCannotWrite(t *testing.T) {
	good := writeFile(t, "case.json", planCase(planSteps))
	out := filepath.Join(t.TempDir(), "no such folder", "plan.pdf")
	r := runPlanCmd(t, "en", "--case", good, "--out", out)
	r.want(t, 1, "does not exist")
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a plan appeared: %v", err)
	}
	missing := filepath.Join(t.TempDir(), "missing.json")
	runPlanCmd(t, "en", "--case", missing, "--out", filepath.Join(t.TempDir(), "p.pdf")).want(t, 1, "does not exist")
}

func TestPlanHelp(t *testing.T) {
	r := runPlanCmd(t, "en", "--help")
	r.want(t, 0)
	if !strings.Contains(r.stdout, "waymark plan --case CASE.json --out PLAN.pdf") || !strings.Contains(r.stdout, "--letter") {
		t.Errorf("usage = %q", r.stdout)
	}
}
