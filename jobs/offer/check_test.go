package offer

import (
	"bytes"
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"waymark/eligibility"
	"waymark/locales"
)

var checkDay, _ = eligibility.ParseDate("2026-11-23")

// contractILO is DESIGN.md's list of ILO indicator ids.
var contractILO = []string{
	"abuse_of_vulnerability", "deception", "restriction_of_movement", "isolation",
	"physical_and_sexual_violence", "intimidation_and_threats", "retention_of_identity_documents",
	"withholding_of_wages", "debt_bondage", "abusive_working_and_living_conditions", "excessive_overtime",
}

func TestILOIndicatorsAreTheContractIDs(t *testing.T) {
	var got []string
	for _, i := range ILOIndicators() {
		got = append(got, string(i))
	}
	if !slices.Equal(got, contractILO) {
		t.Errorf("ILOIndicators() = %v, want %v", got, contractILO)
	}
}

func TestEveryCodeHasAValidSpec(t *testing.T) {
	codeRE := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	for _, code := range Codes() {
		s := specs[code]
		if !codeRE.MatchString(code) {
			t.Errorf("%s: code is not snake_case", code)
		}
		if s.severity != High && s.severity != Medium && s.severity != Low {
			t.Errorf("%s: severity %q", code, s.severity)
		}
		// A note (low) is about what could not be checked; every other flag is a forced-labour
		// sign and maps to one of the contract's indicators.
		if (s.severity == Low) != (s.ilo == "") {
			t.Errorf("%s: severity %s with ILO indicator %q", code, s.severity, s.ilo)
		}
		if s.ilo != "" && !slices.Contains(contractILO, string(s.ilo)) {
			t.Errorf("%s: ILO indicator %q is not a contract id", code, s.ilo)
		}
		if !strings.HasPrefix(s.source, "https://www.legislation.gov.uk/") &&
			!strings.HasPrefix(s.source, "https://www.gov.uk/") &&
			!strings.HasPrefix(s.source, "https://www.gla.gov.uk/") &&
			!strings.HasPrefix(s.source, "https://www.ilo.org/") {
			t.Errorf("%s: source %q is not legislation.gov.uk, GOV.UK, the GLAA or the ILO", code, s.source)
		}
	}
}

// allFlagsOffer raises as many flags as one offer can.
func allFlagsOffer(t testing.TB) Offer {
	o, err := Decode([]byte(`{"date": "2026-11-23", "worker_age": 17, "hourly_pay": 6.5,
	  "weekly_hours": 45, "accommodation_by_employer": true, "accommodation_charge_weekly": 90,
	  "other_deductions_weekly": 15, "recruitment_fee": 300, "sector": "shellfish",
	  "labour_provider_licensed": false, "documents_held_by_employer": true,
	  "written_contract": false, "payslips": false, "free_to_leave": false,
	  "debt_to_employer": true, "deceived_about_job": true, "threats_or_violence": true,
	  "isolated": true}`))
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// resultJSON is the contract's output: decoding with unknown fields refused proves the shape.
type resultJSON struct {
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

func TestResultJSONContract(t *testing.T) {
	res := Check(allFlagsOffer(t), checkDay)
	res.Localize(locales.New("en"))
	data, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"date":`, `"effective_hourly_pay":`, `"minimum_hourly_pay":`, `"flags":`, `"ilo_indicator":null`} {
		if !bytes.Contains(data, []byte(key)) {
			t.Errorf("output lacks %s: %s", key, data)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var got resultJSON
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("output does not match the contract: %v\n%s", err, data)
	}
	if got.Date != "2026-11-23" || got.EffectiveHourlyPay != nil || got.MinimumHourlyPay == nil || *got.MinimumHourlyPay != 8 {
		t.Errorf("date %q effective %v minimum %v", got.Date, got.EffectiveHourlyPay, got.MinimumHourlyPay)
	}
	for _, f := range got.Flags {
		if f.Text == "" || f.Source == "" || f.Code == "" {
			t.Errorf("flag %+v is incomplete", f)
		}
		if (f.Severity == "low") != (f.ILOIndicator == nil) {
			t.Errorf("flag %s: severity %s, ilo_indicator %v", f.Code, f.Severity, f.ILOIndicator)
		}
	}

	// No flags is an empty list, never null; an unknown pay is null.
	empty := Check(Offer{Date: "2026-11-23", WorkerAge: ptr(30), HourlyPay: ptr(13.0)}, checkDay)
	data, _ = json.Marshal(empty)
	if !bytes.Contains(data, []byte(`"flags":[]`)) {
		t.Errorf("no flags written as %s", data)
	}
	unknown := Check(Offer{Date: "2026-11-23"}, checkDay)
	data, _ = json.Marshal(unknown)
	if !bytes.Contains(data, []byte(`"effective_hourly_pay":null,"minimum_hourly_pay":null`)) {
		t.Errorf("unknown pay written as %s", data)
	}
}

func ptr[T any](v T) *T { return &v }

func TestFlagsAreSortedBySeverity(t *testing.T) {
	res := Check(allFlagsOffer(t), checkDay)
	if len(res.Flags) < 12 {
		t.Fatalf("only %d flags: %v", len(res.Flags), res.Flags)
	}
	for i := 1; i < len(res.Flags); i++ {
		if res.Flags[i-1].Severity.rank() > res.Flags[i].Severity.rank() {
			t.Errorf("%s (%s) before %s (%s)", res.Flags[i-1].Code, res.Flags[i-1].Severity, res.Flags[i].Code, res.Flags[i].Severity)
		}
	}
	// The same offer gives the same flags every time.
	again := Check(allFlagsOffer(t), checkDay)
	for i := range res.Flags {
		if res.Flags[i].Code != again.Flags[i].Code {
			t.Fatalf("flag order is not deterministic")
		}
	}
}

// TestLocalizeEveryLanguage checks that every flag has words, with every placeholder filled,
// in every shipped language, and that field names and sectors are translated.
func TestLocalizeEveryLanguage(t *testing.T) {
	offers := []Offer{
		allFlagsOffer(t),
		{Date: "2026-11-23", WorkerAge: ptr(12)},
		{Date: "2025-03-31", WorkerAge: ptr(40), HourlyPay: ptr(9.0)},
		{Date: "2026-11-23", Sector: ptr(SectorAgriculture), WeeklyHours: ptr(60.0), HourlyPay: ptr(10.0), OtherDeductionsWeekly: ptr(5.0)},
		{Date: "2026-11-23", AccommodationChargeWeekly: ptr(40.0), HourlyPay: ptr(10.0), AccommodationByEmployer: ptr(false)},
	}
	for _, lang := range locales.Shipped() {
		tr := locales.New(lang.Code)
		raised := map[string]bool{}
		for _, o := range offers {
			res := Check(o, checkDay)
			res.Localize(tr)
			for _, f := range res.Flags {
				raised[f.Code] = true
				if f.Text == "" || strings.Contains(f.Text, "[offer.") || strings.Contains(f.Text, "<no value>") ||
					strings.Contains(f.Text, "{{") || strings.Contains(f.Text, "map[") {
					t.Errorf("%s %s: text %q", lang.Code, f.Code, f.Text)
				}
				if strings.Contains(f.Text, "worker_age") || strings.Contains(f.Text, "food_processing") {
					t.Errorf("%s %s: an id was not translated: %q", lang.Code, f.Code, f.Text)
				}
			}
		}
		if len(raised) != len(specs) {
			t.Errorf("%s: these offers raised only %d of %d codes", lang.Code, len(raised), len(specs))
		}
	}
}

// TestMessagesExist checks every message id the package can produce against the English
// source; the locales tests then require the same ids in every language.
func TestMessagesExist(t *testing.T) {
	var ids []string
	for _, c := range Codes() {
		ids = append(ids, "offer.flag."+c)
	}
	ids = append(ids, "offer.flag.below_minimum_wage_at_most")
	for _, s := range []Severity{High, Medium, Low} {
		ids = append(ids, "offer.severity."+string(s))
	}
	for _, i := range ILOIndicators() {
		ids = append(ids, "offer.ilo."+string(i))
	}
	for _, f := range Fields() {
		ids = append(ids, "offer.field."+f)
	}
	for _, s := range Sectors() {
		ids = append(ids, "offer.sector."+s)
	}
	for _, id := range ids {
		if !locales.Has(id) {
			t.Errorf("message %s is missing", id)
		}
	}
}

func TestCheckToleratesValuesOutsideTheContract(t *testing.T) {
	// An offer built in code without Validate must not panic or invent a figure.
	o := Offer{
		Date: "not a date", WorkerAge: ptr(-4), HourlyPay: ptr(math.NaN()),
		WeeklyHours: ptr(math.Inf(1)), OtherDeductionsWeekly: ptr(-10.0), RecruitmentFee: ptr(math.Inf(-1)),
		Sector: ptr(Sector("mining")),
	}
	res := Check(o, checkDay)
	if res.EffectiveHourlyPay != nil || res.MinimumHourlyPay != nil {
		t.Errorf("figures from values outside the contract: %+v", res)
	}
	for _, f := range res.Flags {
		if f.Code == CodeRecruitmentFee || f.Code == CodeBelowMinimumWage {
			t.Errorf("flag %s raised from a value outside the contract", f.Code)
		}
	}
	// An unparsable date leaves the minimum unknown and says so.
	res = Check(Offer{Date: "2026-13-01", WorkerAge: ptr(30), HourlyPay: ptr(1.0)}, checkDay)
	if res.MinimumHourlyPay != nil || len(res.Flags) != 1 || res.Flags[0].Code != CodeMinimumWageRateUnknown {
		t.Errorf("bad date: %+v", res)
	}
}

func TestFloorPenny(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{
		{12.21, 12.21}, {12.2099, 12.20}, {12.20975, 12.20}, {11.8655, 11.86}, {0, 0}, {8, 8}, {12.71, 12.71},
		{10.0 + 74.62/40, 11.86},
	} {
		if got := floorPenny(c.in); got != c.want {
			t.Errorf("floorPenny(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
