package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"waymark/locales"
	"waymark/storage"
)

// runOffer runs `waymark offer-check` in-process through a ctx built the way Main builds one,
// and checks the output contract every command shares.
func runOffer(t *testing.T, c call) result {
	t.Helper()
	env := map[string]string{"WAYMARK_LANG": "en"}
	for k, v := range c.env {
		env[k] = v
	}
	var stdout, stderr bytes.Buffer
	e := Env{
		Stdin:   strings.NewReader(c.stdin),
		Stdout:  &stdout,
		Stderr:  &stderr,
		Getenv:  func(k string) string { return env[k] },
		Storage: &storage.Options{KDF: storage.FastTestKDF, Now: func() time.Time { return testDay }},
	}.withDefaults()
	cx := &ctx{env: e, tr: locales.New(Language(e.Getenv))}
	code := cx.report(cx.runOfferCheck(c.args))
	r := result{code: code, stdout: stdout.String(), stderr: stderr.String()}
	checkOutputShape(t, append([]string{offerCommand}, c.args...), r)
	return r
}

// underpaidOffer is a 30-year-old paid £12.21 an hour on 1 April 2026, the day the National
// Living Wage rose to £12.71, with documents held by the employer.
const underpaidOffer = `{"date": "2026-04-01", "worker_age": 30, "hourly_pay": 12.21,
  "weekly_hours": 40, "documents_held_by_employer": true}`

// offerCheckJSON is the offer contract's output, read with unknown fields refused.
type offerCheckJSON struct {
	Date               string   `json:"date"`
	EffectiveHourlyPay *float64 `json:"effective_hourly_pay"`
	MinimumHourlyPay   *float64 `json:"minimum_hourly_pay"`
	Flags              []struct {
		Code         string  `json:"code"`
		Severity     string  `json:"severity"`
		ILOIndicator *string `json:"ilo_indicator"`
		Text         string  `json:"text"`
		Source       string  `json:"source"`
	} `json:"flags"`
}

func TestOfferCheckJSON(t *testing.T) {
	path := writeFile(t, "offer.json", underpaidOffer)
	r := runOffer(t, call{args: []string{"--json", path}})
	r.want(t, 0)
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	var got offerCheckJSON
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("output does not match the contract: %v\n%s", err, r.stdout)
	}
	if got.Date != "2026-04-01" || got.EffectiveHourlyPay == nil || *got.EffectiveHourlyPay != 12.21 ||
		got.MinimumHourlyPay == nil || *got.MinimumHourlyPay != 12.71 {
		t.Errorf("date %q, pay %v, minimum %v", got.Date, got.EffectiveHourlyPay, got.MinimumHourlyPay)
	}
	var codes []string
	for _, f := range got.Flags {
		codes = append(codes, f.Code)
		if f.Severity != "high" || f.ILOIndicator == nil || f.Text == "" || !strings.HasPrefix(f.Source, "https://") {
			t.Errorf("flag %+v", f)
		}
	}
	if !slices.Equal(codes, []string{"below_minimum_wage", "documents_held_by_employer"}) {
		t.Errorf("flags %v", codes)
	}
	if *got.Flags[0].ILOIndicator != "withholding_of_wages" || *got.Flags[1].ILOIndicator != "retention_of_identity_documents" {
		t.Errorf("ILO indicators %s, %s", *got.Flags[0].ILOIndicator, *got.Flags[1].ILOIndicator)
	}
	// The flag is flags after the file, too, and the text is unescaped for scripts.
	r2 := runOffer(t, call{args: []string{path, "--json"}})
	r2.want(t, 0)
	if r2.stdout != r.stdout || strings.Contains(r.stdout, `\u0026`) {
		t.Errorf("output differs with the flag moved, or is HTML-escaped:\n%s", r.stdout)
	}
}

func TestOfferCheckText(t *testing.T) {
	path := writeFile(t, "offer.json", underpaidOffer)
	r := runOffer(t, call{args: []string{path}})
	r.want(t, 0)
	for _, want := range []string{
		"Job offer safety check, for pay on 1 April 2026",
		"counts for the minimum wage: £12.21",
		"Minimum wage an hour for this worker: £12.71",
		"2 red flags and notes:",
		"[High] After accommodation and deductions",
		"ILO indicator: Withholding of wages",
		"ILO indicator: Retention of identity documents",
		"https://www.gov.uk/national-minimum-wage-rates",
		"This is guidance, not a decision.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "[offer.") || strings.Contains(r.stdout, "[cli.") {
		t.Errorf("untranslated message:\n%s", r.stdout)
	}
}

func TestOfferCheckTextNoFlagsAndUnknownPay(t *testing.T) {
	fair := writeFile(t, "fair.json", `{"date": "2026-11-23", "worker_age": 25, "hourly_pay": 13.5}`)
	r := runOffer(t, call{args: []string{fair}})
	r.want(t, 0)
	if !strings.Contains(r.stdout, "No red flags on the facts given.") || !strings.Contains(r.stdout, "£13.50") {
		t.Errorf("fair offer:\n%s", r.stdout)
	}
	// From April 2026 the accommodation offset is unconfirmed: the pay is not worked out.
	free := writeFile(t, "free.json", `{"date": "2026-11-23", "worker_age": 25, "hourly_pay": 12,
	  "weekly_hours": 40, "accommodation_by_employer": true}`)
	r = runOffer(t, call{args: []string{free}})
	r.want(t, 0)
	for _, want := range []string{"cannot be worked out", "1 red flag or note:", "[Note] The accommodation offset for 2026-11-23"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "ILO indicator") {
		t.Errorf("a note shows an ILO indicator:\n%s", r.stdout)
	}
}

// TestOfferCheckLanguages checks the survivor-adviser languages, including plural forms.
func TestOfferCheckLanguages(t *testing.T) {
	two := writeFile(t, "two.json", underpaidOffer)
	five := writeFile(t, "five.json", `{"date": "2026-11-23", "worker_age": 30, "hourly_pay": 13,
	  "isolated": true, "payslips": false, "written_contract": false, "debt_to_employer": true,
	  "deceived_about_job": true}`)
	cases := []struct {
		lang, file string
		want       []string
	}{
		{"ro", two, []string{"2 semnale de alarmă și note:", "[Ridicat]", "Indicator OIM: Reținerea salariului", "Aceasta este o îndrumare"}},
		{"ro", five, []string{"5 semnale de alarmă și note:", "[Mediu]", "Indicator OIM: Izolare"}},
		{"pl", two, []string{"2 sygnały ostrzegawcze i uwagi:", "[Wysoki]", "Wskaźnik MOP: Zatrzymywanie wynagrodzenia"}},
		{"pl", five, []string{"5 sygnałów ostrzegawczych i uwag:", "[Średni]", "Wskaźnik MOP: Izolacja"}},
	}
	for _, c := range cases {
		r := runOffer(t, call{args: []string{c.file}, env: map[string]string{"WAYMARK_LANG": c.lang}})
		r.want(t, 0)
		for _, w := range c.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%s: output lacks %q:\n%s", c.lang, w, r.stdout)
			}
		}
		if strings.Contains(r.stdout, "[offer.") || strings.Contains(r.stdout, "[cli.") || strings.ContainsAny(r.stdout, "şţŞŢ") {
			t.Errorf("%s: untranslated message or cedilla letters:\n%s", c.lang, r.stdout)
		}
	}
}

func TestOfferCheckReadsStandardInput(t *testing.T) {
	r := runOffer(t, call{args: []string{"--json", "-"}, stdin: underpaidOffer})
	r.want(t, 0)
	if !strings.Contains(r.stdout, `"code": "below_minimum_wage"`) {
		t.Errorf("stdin offer:\n%s", r.stdout)
	}
}

func TestOfferCheckBadInput(t *testing.T) {
	dir := t.TempDir()
	typo := writeFile(t, "typo.json", `{"worker_age": 30, "hourly_pey": 12}`)
	badDate := writeFile(t, "date.json", `{"date": "2026-02-30"}`)
	badSector := writeFile(t, "sector.json", `{"sector": "farm"}`)
	notJSON := writeFile(t, "broken.json", "{\"worker_age\": 30,\n}")
	cases := []struct {
		name string
		c    call
		code int
		has  []string
	}{
		{"unknown field", call{args: []string{typo}}, 2, []string{"hourly_pey"}},
		{"impossible date", call{args: []string{"--json", badDate}}, 2, []string{"date"}},
		{"unknown sector", call{args: []string{badSector}}, 2, []string{"sector", "agriculture"}},
		{"not JSON", call{args: []string{notJSON}}, 2, []string{"line 2"}},
		{"empty standard input", call{args: []string{"-"}}, 2, nil},
		{"no file", call{args: []string{"--json"}}, 2, []string{"offer-check", "OFFER.json"}},
		{"two files", call{args: []string{typo, badDate}}, 2, []string{"offer-check"}},
		{"unknown flag", call{args: []string{"--date", "2026-01-01", typo}}, 2, []string{"--date"}},
		{"missing file", call{args: []string{filepath.Join(dir, "nope.json")}}, 1, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runOffer(t, c.c)
			r.want(t, c.code, c.has...)
			if r.stdout != "" {
				t.Errorf("bad input wrote to stdout: %q", r.stdout)
			}
		})
	}
}

func TestOfferCheckHelp(t *testing.T) {
	r := runOffer(t, call{args: []string{"--help"}})
	r.want(t, 0)
	if !strings.Contains(r.stdout, "waymark offer-check [--json] OFFER.json|-") {
		t.Errorf("help: %q", r.stdout)
	}
}
