package offer

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"waymark/eligibility"
)

// fullOffer gives every field of the offer contract.
const fullOffer = `{
  "date": "2026-11-23", "worker_age": 34, "apprentice_first_year": false, "hourly_pay": 12.71,
  "weekly_hours": 37.5, "accommodation_by_employer": true, "accommodation_charge_weekly": 60,
  "other_deductions_weekly": 12.5, "recruitment_fee": 0, "sector": "food_processing",
  "labour_provider_licensed": true, "documents_held_by_employer": false, "written_contract": true,
  "payslips": true, "free_to_leave": true, "debt_to_employer": false, "deceived_about_job": false,
  "threats_or_violence": false, "isolated": false
}`

func TestDecodeFullOffer(t *testing.T) {
	o, err := Decode([]byte(fullOffer))
	if err != nil {
		t.Fatal(err)
	}
	if o.Date != "2026-11-23" || *o.WorkerAge != 34 || *o.HourlyPay != 12.71 || *o.WeeklyHours != 37.5 ||
		*o.Sector != SectorFoodProcessing || !*o.AccommodationByEmployer || *o.OtherDeductionsWeekly != 12.5 ||
		*o.ApprenticeFirstYear || !*o.FreeToLeave || *o.Isolated {
		t.Errorf("decoded %+v", o)
	}
	// Every contract field was given, so no pointer is nil.
	v := reflect.ValueOf(o)
	for i := 0; i < v.NumField(); i++ {
		if f := v.Field(i); f.Kind() == reflect.Pointer && f.IsNil() {
			t.Errorf("%s was not decoded", v.Type().Field(i).Name)
		}
	}
	if got := Fields(); len(got) != v.NumField() {
		t.Errorf("Fields() has %d names for %d struct fields", len(got), v.NumField())
	}
}

func TestDecodeNullAndEmptyAreUnknown(t *testing.T) {
	for _, in := range []string{`{}`, `{"worker_age": null, "sector": null, "date": null, "isolated": null}`, "\xef\xbb\xbf{}"} {
		o, err := Decode([]byte(in))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if !reflect.DeepEqual(o, Offer{}) {
			t.Errorf("%q decoded to %+v, want nothing known", in, o)
		}
	}
}

func TestDecodeRejects(t *testing.T) {
	cases := []struct {
		name, in, field string
		problem         eligibility.Problem
	}{
		{"typo in a field name", `{"hourly_pey": 12}`, "hourly_pey", eligibility.ProblemUnknown},
		{"field in another case", `{"Worker_Age": 30}`, "Worker_Age", eligibility.ProblemUnknown},
		{"key given twice", `{"worker_age": 30, "worker_age": 31}`, "worker_age", eligibility.ProblemValue},
		{"age as text", `{"worker_age": "30"}`, "worker_age", eligibility.ProblemType},
		{"age with a fraction", `{"worker_age": 30.5}`, "worker_age", eligibility.ProblemType},
		{"negative age", `{"worker_age": -1}`, "worker_age", eligibility.ProblemValue},
		{"age over the limit", `{"worker_age": 131}`, "worker_age", eligibility.ProblemValue},
		{"negative pay", `{"hourly_pay": -0.01}`, "hourly_pay", eligibility.ProblemValue},
		{"pay as text", `{"hourly_pay": "12.71"}`, "hourly_pay", eligibility.ProblemType},
		{"pay overflowing", `{"hourly_pay": 1e400}`, "hourly_pay", eligibility.ProblemValue},
		{"more hours than a week has", `{"weekly_hours": 169}`, "weekly_hours", eligibility.ProblemValue},
		{"negative charge", `{"accommodation_charge_weekly": -5}`, "accommodation_charge_weekly", eligibility.ProblemValue},
		{"huge deductions", `{"other_deductions_weekly": 100000.01}`, "other_deductions_weekly", eligibility.ProblemValue},
		{"fee as bool", `{"recruitment_fee": true}`, "recruitment_fee", eligibility.ProblemType},
		{"bool as text", `{"payslips": "yes"}`, "payslips", eligibility.ProblemType},
		{"bool as number", `{"free_to_leave": 1}`, "free_to_leave", eligibility.ProblemType},
		{"unknown sector", `{"sector": "farming"}`, "sector", eligibility.ProblemValue},
		{"sector in capitals", `{"sector": "Agriculture"}`, "sector", eligibility.ProblemValue},
		{"date that does not exist", `{"date": "2026-02-29"}`, "date", eligibility.ProblemDate},
		{"date not padded", `{"date": "2026-4-1"}`, "date", eligibility.ProblemDate},
		{"date as number", `{"date": 20260401}`, "date", eligibility.ProblemType},
		{"a list, not an object", `[]`, "", eligibility.ProblemType},
		{"null document", `null`, "", eligibility.ProblemType},
		{"not JSON", `{"worker_age": 30,}`, "", eligibility.ProblemSyntax},
		{"data after the object", `{} {}`, "", eligibility.ProblemSyntax},
		{"empty input", ``, "", eligibility.ProblemSyntax},
		{"too large", `{"sector": "other"` + strings.Repeat(" ", MaxOfferBytes) + `}`, "", eligibility.ProblemTooLong},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Decode([]byte(c.in))
			var fe *eligibility.FieldError
			if !errors.As(err, &fe) || !errors.Is(err, eligibility.ErrBadInput) {
				t.Fatalf("error %v (%T), want a *FieldError", err, err)
			}
			if fe.Field != c.field || fe.Problem != c.problem {
				t.Errorf("field %q problem %q, want %q %q (%v)", fe.Field, fe.Problem, c.field, c.problem, err)
			}
		})
	}
}

func TestUnknownSectorListsTheSectors(t *testing.T) {
	_, err := Decode([]byte(`{"sector": "fishing"}`))
	var fe *eligibility.FieldError
	if !errors.As(err, &fe) || !slices.Equal(fe.Allowed, Sectors()) || len(fe.Allowed) != 12 {
		t.Fatalf("error %v, want the 12 sectors listed", err)
	}
	// The error names the field, never the value typed, which may be personal data.
	if strings.Contains(err.Error(), "fishing") {
		t.Errorf("error %q repeats the value", err)
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	for _, in := range []string{fullOffer, `{}`, `{"worker_age": 0, "hourly_pay": 0, "payslips": false}`} {
		o, err := Decode([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		data, err := Encode(o)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if !reflect.DeepEqual(back, o) {
			t.Errorf("round trip changed the offer:\n%+v\n%+v", o, back)
		}
	}
}

func TestValidateOffersBuiltInCode(t *testing.T) {
	age := func(n int) *int { return &n }
	num := func(f float64) *float64 { return &f }
	sector := func(s Sector) *Sector { return &s }
	cases := []struct {
		name  string
		o     Offer
		field string
	}{
		{"bad date", Offer{Date: "23/11/2026"}, "date"},
		{"negative age", Offer{WorkerAge: age(-3)}, "worker_age"},
		{"NaN pay", Offer{HourlyPay: num(math.NaN())}, "hourly_pay"},
		{"infinite hours", Offer{WeeklyHours: num(math.Inf(1))}, "weekly_hours"},
		{"negative fee", Offer{RecruitmentFee: num(-1)}, "recruitment_fee"},
		{"unknown sector", Offer{Sector: sector("mining")}, "sector"},
		{"first mistake in contract order", Offer{WorkerAge: age(200), Sector: sector("x")}, "worker_age"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.o.Validate()
			var fe *eligibility.FieldError
			if !errors.As(err, &fe) || fe.Field != c.field {
				t.Fatalf("Validate = %v, want a mistake in %s", err, c.field)
			}
			if _, err := Encode(c.o); err == nil {
				t.Errorf("Encode accepted an offer that does not validate")
			}
		})
	}
	if err := (Offer{}).Validate(); err != nil {
		t.Errorf("the empty offer does not validate: %v", err)
	}
}
