package eligibility

import (
	"math"
	"slices"
)

// The limits of the facts contract. They are wide enough for every real person and narrow
// enough to catch a slipped digit (an age of 320, rent of 1e9).
const (
	MaxAge          = 130         // age and partner_age, in whole years
	MaxChildAge     = 25          // each of children_ages
	MaxChildren     = 30          // entries in children_ages
	MaxPresenceWeek = 156         // uk_presence_weeks: the look-back period is 156 weeks
	MaxMonths       = 1200        // condition_months
	MaxWeeklyHours  = 168         // weekly_hours: the hours in a week
	MaxAmount       = 99999999.99 // capital, monthly_earnings, monthly_rent, in pounds
	MaxFactsBytes   = 1 << 20     // the largest facts file DecodeFacts reads
)

// FactSpec describes one field of the facts contract, so the interview can ask for it and the
// command line can explain it without repeating the contract.
type FactSpec struct {
	// Name is the JSON name, e.g. "children_ages".
	Name string
	// Kind is the Want constant naming the field's type: WantText (an enum, see Allowed),
	// WantCountryCode, WantBool, WantWholeNumber, WantNumber or WantWholeNumberList.
	Kind string
	// Allowed lists the values of an enum field in contract order; nil otherwise.
	Allowed []string
	// Min and Max bound a number, or each number of a list, inclusively.
	Min, Max float64
	// MaxItems limits the length of a list field; zero otherwise.
	MaxItems int
	// Unit says what a number counts (UnitYears, UnitPounds ...), so the interview can ask
	// for "£" or "hours" beside the box; empty for facts that are not numbers.
	Unit string
}

// The units of number facts. They are stable identifiers the interview translates.
const (
	UnitYears  = "years"
	UnitMonths = "months"
	UnitWeeks  = "weeks"
	UnitHours  = "hours"
	UnitPounds = "pounds"
)

// factField ties a FactSpec to the Facts field it fills: read decodes the JSON value (already
// checking it), check validates a value set in code, present reports whether the fact is
// known (so the engine can tell which facts a result may still list as missing).
type factField struct {
	FactSpec
	read    func(r *JSONReader, path string, f *Facts) error
	check   func(f *Facts, path string) error
	present func(f *Facts) bool
}

// factTable lists the facts in contract order (the order of DESIGN.md and of the Facts struct).
var factTable = []factField{
	enumField("nation", func(f *Facts) **Nation { return &f.Nation },
		England, Wales, Scotland, NorthernIreland),
	intField("age", func(f *Facts) **int { return &f.Age }, MaxAge, UnitYears),
	boolField("state_pension_age", func(f *Facts) **bool { return &f.StatePensionAge }),
	countryField("nationality", func(f *Facts) **string { return &f.Nationality }),
	enumField("immigration_status", func(f *Facts) **ImmigrationStatus { return &f.ImmigrationStatus },
		BritishOrIrish, EUSSSettled, EUSSPreSettled, EUSSPending, IndefiniteLeave, Refugee,
		HumanitarianProtection, VTSLeave, LeaveWithPublicFunds, LeaveNoPublicFunds, AsylumSeeker, NoLeave),
	enumField("right_to_reside", func(f *Facts) **RightToReside { return &f.RightToReside },
		RTRWorker, RTRSelfEmployed, RTRRetainedWorker, RTRJobseeker, RTRFamilyOfWorker,
		RTRPermanentResidence, RTRNone),
	boolField("habitually_resident", func(f *Facts) **bool { return &f.HabituallyResident }),
	enumField("nrm_reasonable_grounds", func(f *Facts) **NRMReasonable { return &f.NRMReasonableGrounds },
		RGPositive, RGNegative, RGPending, RGNotReferred),
	enumField("nrm_conclusive_grounds", func(f *Facts) **NRMConclusive { return &f.NRMConclusiveGrounds },
		CGPositive, CGNegative, CGPending),
	boolField("couple", func(f *Facts) **bool { return &f.Couple }),
	intField("partner_age", func(f *Facts) **int { return &f.PartnerAge }, MaxAge, UnitYears),
	intListField("children_ages", func(f *Facts) **[]int { return &f.ChildrenAges }, MaxChildAge, MaxChildren, UnitYears),
	numberField("capital", func(f *Facts) **float64 { return &f.Capital }, MaxAmount, UnitPounds),
	numberField("monthly_earnings", func(f *Facts) **float64 { return &f.MonthlyEarnings }, MaxAmount, UnitPounds),
	numberField("weekly_hours", func(f *Facts) **float64 { return &f.WeeklyHours }, MaxWeeklyHours, UnitHours),
	boolField("limited_capability_for_work", func(f *Facts) **bool { return &f.LimitedCapabilityWork }),
	boolField("daily_living_difficulty", func(f *Facts) **bool { return &f.DailyLivingDifficulty }),
	boolField("mobility_difficulty", func(f *Facts) **bool { return &f.MobilityDifficulty }),
	intField("condition_months", func(f *Facts) **int { return &f.ConditionMonths }, MaxMonths, UnitMonths),
	enumField("housing", func(f *Facts) **Housing { return &f.Housing },
		HousingMSVCC, HousingAsylum, HousingTemporary, HousingSupportedExempt, HousingPrivateRented,
		HousingSocialRented, HousingStayingWithFriends, HousingHomeless, HousingOwner),
	numberField("monthly_rent", func(f *Facts) **float64 { return &f.MonthlyRent }, MaxAmount, UnitPounds),
	boolField("liable_for_council_tax", func(f *Facts) **bool { return &f.LiableForCouncilTax }),
	boolField("ni_contributions_recent", func(f *Facts) **bool { return &f.NIContributionsRecent }),
	boolField("pregnant", func(f *Facts) **bool { return &f.Pregnant }),
	intField("uk_presence_weeks", func(f *Facts) **int { return &f.UKPresenceWeeks }, MaxPresenceWeek, UnitWeeks),
	boolField("destitute", func(f *Facts) **bool { return &f.Destitute }),
	boolField("care_needs", func(f *Facts) **bool { return &f.CareNeeds }),
	boolField("looked_after_or_care_leaver", func(f *Facts) **bool { return &f.LookedAfterOrCareLeaver }),
	boolField("has_nino", func(f *Facts) **bool { return &f.HasNINO }),
	boolField("has_bank_account", func(f *Facts) **bool { return &f.HasBankAccount }),
	boolField("has_photo_id", func(f *Facts) **bool { return &f.HasPhotoID }),
}

// factIndex finds a field of factTable by JSON name.
var factIndex = func() map[string]*factField {
	m := make(map[string]*factField, len(factTable))
	for i := range factTable {
		m[factTable[i].Name] = &factTable[i]
	}
	return m
}()

// FactFields returns the JSON names of all facts in contract order, for the interview's
// question order and the command line's help. The slice is a fresh copy.
func FactFields() []string {
	names := make([]string, len(factTable))
	for i, f := range factTable {
		names[i] = f.Name
	}
	return names
}

// AllowedValues returns the allowed values of an enum fact in contract order, or nil when field
// is not an enum (or not a fact). The slice is a fresh copy.
func AllowedValues(field string) []string {
	if f, ok := factIndex[field]; ok {
		return slices.Clone(f.Allowed)
	}
	return nil
}

// DescribeFact returns the type and limits of one fact, or false when there is no such fact.
func DescribeFact(field string) (FactSpec, bool) {
	f, ok := factIndex[field]
	if !ok {
		return FactSpec{}, false
	}
	s := f.FactSpec
	s.Allowed = slices.Clone(s.Allowed)
	return s, true
}

func enumField[T ~string](name string, p func(*Facts) **T, values ...T) factField {
	allowed := make([]string, len(values))
	for i, v := range values {
		allowed[i] = string(v)
	}
	check := func(s, path string) error {
		if !slices.Contains(allowed, s) {
			return &FieldError{Field: path, Problem: ProblemValue, Allowed: slices.Clone(allowed)}
		}
		return nil
	}
	return factField{
		FactSpec: FactSpec{Name: name, Kind: WantText, Allowed: allowed},
		present:  func(f *Facts) bool { return *p(f) != nil },
		read: func(r *JSONReader, path string, f *Facts) error {
			s, ok, err := r.String(path)
			if err != nil || !ok {
				return err
			}
			if err := check(s, path); err != nil {
				return err
			}
			v := T(s)
			*p(f) = &v
			return nil
		},
		check: func(f *Facts, path string) error {
			if v := *p(f); v != nil {
				return check(string(*v), path)
			}
			return nil
		},
	}
}

func boolField(name string, p func(*Facts) **bool) factField {
	return factField{
		FactSpec: FactSpec{Name: name, Kind: WantBool},
		present:  func(f *Facts) bool { return *p(f) != nil },
		read: func(r *JSONReader, path string, f *Facts) error {
			b, ok, err := r.Bool(path)
			if err != nil || !ok {
				return err
			}
			*p(f) = &b
			return nil
		},
		check: func(*Facts, string) error { return nil },
	}
}

func intField(name string, p func(*Facts) **int, hi int, unit string) factField {
	return factField{
		FactSpec: FactSpec{Name: name, Kind: WantWholeNumber, Max: float64(hi), Unit: unit},
		present:  func(f *Facts) bool { return *p(f) != nil },
		read: func(r *JSONReader, path string, f *Facts) error {
			n, ok, err := r.WholeNumber(path, 0, hi)
			if err != nil || !ok {
				return err
			}
			*p(f) = &n
			return nil
		},
		check: func(f *Facts, path string) error {
			if v := *p(f); v != nil && (*v < 0 || *v > hi) {
				return RangeError(path, 0, float64(hi))
			}
			return nil
		},
	}
}

func numberField(name string, p func(*Facts) **float64, hi float64, unit string) factField {
	return factField{
		FactSpec: FactSpec{Name: name, Kind: WantNumber, Max: hi, Unit: unit},
		present:  func(f *Facts) bool { return *p(f) != nil },
		read: func(r *JSONReader, path string, f *Facts) error {
			n, ok, err := r.Number(path, 0, hi)
			if err != nil || !ok {
				return err
			}
			*p(f) = &n
			return nil
		},
		check: func(f *Facts, path string) error {
			// The negated comparison also catches NaN.
			if v := *p(f); v != nil && (math.IsInf(*v, 0) || !(*v >= 0 && *v <= hi)) {
				return RangeError(path, 0, hi)
			}
			return nil
		},
	}
}

func countryField(name string, p func(*Facts) **string) factField {
	check := func(s, path string) error {
		if len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
			return &FieldError{Field: path, Problem: ProblemValue, Want: WantCountryCode}
		}
		return nil
	}
	return factField{
		FactSpec: FactSpec{Name: name, Kind: WantCountryCode},
		present:  func(f *Facts) bool { return *p(f) != nil },
		read: func(r *JSONReader, path string, f *Facts) error {
			s, ok, err := r.String(path)
			if err != nil || !ok {
				return err
			}
			if err := check(s, path); err != nil {
				return err
			}
			*p(f) = &s
			return nil
		},
		check: func(f *Facts, path string) error {
			if v := *p(f); v != nil {
				return check(*v, path)
			}
			return nil
		},
	}
}

func intListField(name string, p func(*Facts) **[]int, hi, maxItems int, unit string) factField {
	return factField{
		FactSpec: FactSpec{Name: name, Kind: WantWholeNumberList, Max: float64(hi), MaxItems: maxItems, Unit: unit},
		present:  func(f *Facts) bool { return *p(f) != nil },
		read: func(r *JSONReader, path string, f *Facts) error {
			list := []int{} // an empty list is a known fact (no children), unlike an absent one
			ok, err := r.List(path, WantWholeNumberList, maxItems, func(_ int, ip string) error {
				n, ok, err := r.WholeNumber(ip, 0, hi)
				if err != nil {
					return err
				}
				if !ok {
					return typeError(ip, WantWholeNumber)
				}
				list = append(list, n)
				return nil
			})
			if err != nil || !ok {
				return err
			}
			*p(f) = &list
			return nil
		},
		check: func(f *Facts, path string) error {
			v := *p(f)
			if v == nil {
				return nil
			}
			if len(*v) > maxItems {
				return &FieldError{Field: path, Problem: ProblemTooLong, Max: formatNumber(float64(maxItems)), Want: WantUnitItems}
			}
			for i, n := range *v {
				if n < 0 || n > hi {
					return RangeError(IndexPath(path, i), 0, float64(hi))
				}
			}
			return nil
		},
	}
}
