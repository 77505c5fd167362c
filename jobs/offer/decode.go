package offer

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"waymark/eligibility"
)

// field ties one name of the offer contract to the Offer field it fills: read decodes and
// checks the JSON value, check validates a value set in code.
type field struct {
	name  string
	read  func(r *eligibility.JSONReader, path string, o *Offer) error
	check func(o *Offer, path string) error
}

// fieldTable lists the contract's fields in DESIGN.md's order.
var fieldTable = []field{
	{name: "date", read: readDate, check: checkDate},
	intField("worker_age", func(o *Offer) **int { return &o.WorkerAge }, eligibility.MaxAge),
	boolField("apprentice_first_year", func(o *Offer) **bool { return &o.ApprenticeFirstYear }),
	numberField("hourly_pay", func(o *Offer) **float64 { return &o.HourlyPay }, MaxHourlyPay),
	numberField("weekly_hours", func(o *Offer) **float64 { return &o.WeeklyHours }, MaxWeeklyHours),
	boolField("accommodation_by_employer", func(o *Offer) **bool { return &o.AccommodationByEmployer }),
	numberField("accommodation_charge_weekly", func(o *Offer) **float64 { return &o.AccommodationChargeWeekly }, MaxWeeklyAmount),
	numberField("other_deductions_weekly", func(o *Offer) **float64 { return &o.OtherDeductionsWeekly }, MaxWeeklyAmount),
	numberField("recruitment_fee", func(o *Offer) **float64 { return &o.RecruitmentFee }, MaxFee),
	{name: "sector", read: readSector, check: checkSector},
	boolField("labour_provider_licensed", func(o *Offer) **bool { return &o.LabourProviderLicensed }),
	boolField("documents_held_by_employer", func(o *Offer) **bool { return &o.DocumentsHeldByEmployer }),
	boolField("written_contract", func(o *Offer) **bool { return &o.WrittenContract }),
	boolField("payslips", func(o *Offer) **bool { return &o.Payslips }),
	boolField("free_to_leave", func(o *Offer) **bool { return &o.FreeToLeave }),
	boolField("debt_to_employer", func(o *Offer) **bool { return &o.DebtToEmployer }),
	boolField("deceived_about_job", func(o *Offer) **bool { return &o.DeceivedAboutJob }),
	boolField("threats_or_violence", func(o *Offer) **bool { return &o.ThreatsOrViolence }),
	boolField("isolated", func(o *Offer) **bool { return &o.Isolated }),
}

var fieldIndex = func() map[string]*field {
	m := make(map[string]*field, len(fieldTable))
	for i := range fieldTable {
		m[fieldTable[i].name] = &fieldTable[i]
	}
	return m
}()

// Decode reads an offer file (the input of `waymark offer-check`) strictly: an unknown key, a
// wrong type, a value outside the contract, a key given twice or data after the object is a
// *eligibility.FieldError naming the field, so a typo never silently turns into an unknown
// fact and a red flag that was never checked. A field that is absent or JSON null is unknown.
func Decode(data []byte) (Offer, error) {
	r, err := eligibility.NewJSONReader(data, MaxOfferBytes)
	if err != nil {
		return Offer{}, err
	}
	var o Offer
	present, err := r.Object("", func(key, path string) error {
		f, ok := fieldIndex[key]
		if !ok {
			return r.Unknown(path)
		}
		return f.read(r, path, &o)
	})
	if err != nil {
		return Offer{}, err
	}
	if !present {
		return Offer{}, &eligibility.FieldError{Problem: eligibility.ProblemType, Want: eligibility.WantObject}
	}
	return o, nil
}

// Validate checks an offer built in code (by the app's form) against the contract Decode
// enforces and returns the first mistake, in contract order, as a *eligibility.FieldError.
func (o Offer) Validate() error {
	for i := range fieldTable {
		if err := fieldTable[i].check(&o, fieldTable[i].name); err != nil {
			return err
		}
	}
	return nil
}

// Encode writes an offer as the contract's JSON, unknown fields left out, so Decode reads back
// the same offer. An offer that does not validate is refused rather than written.
func Encode(o Offer) ([]byte, error) {
	if err := o.Validate(); err != nil {
		return nil, fmt.Errorf("encode offer: %w", err)
	}
	data, err := json.Marshal(o)
	if err != nil {
		return nil, fmt.Errorf("encode offer: %w", err)
	}
	return data, nil
}

func readDate(r *eligibility.JSONReader, path string, o *Offer) error {
	s, ok, err := r.String(path)
	if err != nil || !ok {
		return err
	}
	if err := checkDateText(s, path); err != nil {
		return err
	}
	o.Date = s
	return nil
}

func checkDate(o *Offer, path string) error {
	if o.Date == "" {
		return nil
	}
	return checkDateText(o.Date, path)
}

func checkDateText(s, path string) error {
	if _, ok := eligibility.ParseDate(s); !ok {
		return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemDate, Want: eligibility.WantDate}
	}
	return nil
}

func readSector(r *eligibility.JSONReader, path string, o *Offer) error {
	s, ok, err := r.String(path)
	if err != nil || !ok {
		return err
	}
	v := Sector(s)
	o.Sector = &v
	return checkSector(o, path)
}

func checkSector(o *Offer, path string) error {
	if o.Sector != nil && !slices.Contains(sectors, string(*o.Sector)) {
		return &eligibility.FieldError{Field: path, Problem: eligibility.ProblemValue, Allowed: Sectors()}
	}
	return nil
}

func boolField(name string, p func(*Offer) **bool) field {
	return field{
		name: name,
		read: func(r *eligibility.JSONReader, path string, o *Offer) error {
			b, ok, err := r.Bool(path)
			if err != nil || !ok {
				return err
			}
			*p(o) = &b
			return nil
		},
		check: func(*Offer, string) error { return nil },
	}
}

func intField(name string, p func(*Offer) **int, hi int) field {
	return field{
		name: name,
		read: func(r *eligibility.JSONReader, path string, o *Offer) error {
			n, ok, err := r.WholeNumber(path, 0, hi)
			if err != nil || !ok {
				return err
			}
			*p(o) = &n
			return nil
		},
		check: func(o *Offer, path string) error {
			if v := *p(o); v != nil && (*v < 0 || *v > hi) {
				return eligibility.RangeError(path, 0, float64(hi))
			}
			return nil
		},
	}
}

func numberField(name string, p func(*Offer) **float64, hi float64) field {
	return field{
		name: name,
		read: func(r *eligibility.JSONReader, path string, o *Offer) error {
			n, ok, err := r.Number(path, 0, hi)
			if err != nil || !ok {
				return err
			}
			*p(o) = &n
			return nil
		},
		check: func(o *Offer, path string) error {
			// The negated comparison also catches NaN.
			if v := *p(o); v != nil && (math.IsInf(*v, 0) || !(*v >= 0 && *v <= hi)) {
				return eligibility.RangeError(path, 0, hi)
			}
			return nil
		},
	}
}
