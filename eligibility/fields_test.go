package eligibility

import (
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// FactFields must list exactly the JSON names of Facts, in struct (contract) order.
func TestFactFieldsMatchStruct(t *testing.T) {
	var want []string
	ty := reflect.TypeFor[Facts]()
	for i := range ty.NumField() {
		name, _, _ := strings.Cut(ty.Field(i).Tag.Get("json"), ",")
		want = append(want, name)
	}
	if got := FactFields(); !slices.Equal(got, want) {
		t.Fatalf("FactFields() = %v\nstruct order  %v", got, want)
	}
	got := FactFields()
	got[0] = "changed"
	if FactFields()[0] != "nation" {
		t.Fatal("FactFields returns shared storage")
	}
}

func TestAllowedValues(t *testing.T) {
	tests := []struct {
		field string
		want  []string
	}{
		{"nation", []string{"england", "wales", "scotland", "northern_ireland"}},
		{"nrm_reasonable_grounds", []string{"positive", "negative", "pending", "not_referred"}},
		{"nrm_conclusive_grounds", []string{"positive", "negative", "pending"}},
		{"right_to_reside", []string{"worker", "self_employed", "retained_worker", "jobseeker",
			"family_member_of_worker", "permanent_residence", "none"}},
		{"age", nil},
		{"nationality", nil},
		{"no_such_field", nil},
	}
	for _, tc := range tests {
		if got := AllowedValues(tc.field); !slices.Equal(got, tc.want) {
			t.Errorf("AllowedValues(%q) = %v, want %v", tc.field, got, tc.want)
		}
	}
	if n := len(AllowedValues("immigration_status")); n != 12 {
		t.Errorf("immigration_status has %d values, want 12", n)
	}
	if n := len(AllowedValues("housing")); n != 9 {
		t.Errorf("housing has %d values, want 9", n)
	}
	AllowedValues("nation")[0] = "changed"
	if AllowedValues("nation")[0] != "england" {
		t.Error("AllowedValues returns shared storage")
	}
}

func TestDescribeFact(t *testing.T) {
	tests := []struct {
		field string
		kind  string
		max   float64
		unit  string
	}{
		{"age", WantWholeNumber, 130, UnitYears},
		{"partner_age", WantWholeNumber, 130, UnitYears},
		{"children_ages", WantWholeNumberList, 25, UnitYears},
		{"capital", WantNumber, MaxAmount, UnitPounds},
		{"monthly_earnings", WantNumber, MaxAmount, UnitPounds},
		{"monthly_rent", WantNumber, MaxAmount, UnitPounds},
		{"weekly_hours", WantNumber, 168, UnitHours},
		{"uk_presence_weeks", WantWholeNumber, 156, UnitWeeks},
		{"condition_months", WantWholeNumber, 1200, UnitMonths},
		{"nationality", WantCountryCode, 0, ""},
		{"pregnant", WantBool, 0, ""},
		{"housing", WantText, 0, ""},
	}
	for _, tc := range tests {
		s, ok := DescribeFact(tc.field)
		if !ok || s.Name != tc.field || s.Kind != tc.kind || s.Max != tc.max || s.Min != 0 || s.Unit != tc.unit {
			t.Errorf("DescribeFact(%q) = %+v, %v", tc.field, s, ok)
		}
	}
	if _, ok := DescribeFact("agee"); ok {
		t.Error("DescribeFact knows a field that does not exist")
	}
}

// Every number fact says what it counts, so the interview never shows a bare box.
func TestEveryNumberFactHasAUnit(t *testing.T) {
	for _, name := range FactFields() {
		s, _ := DescribeFact(name)
		isNumber := s.Kind == WantNumber || s.Kind == WantWholeNumber || s.Kind == WantWholeNumberList
		if isNumber != (s.Unit != "") {
			t.Errorf("%s: kind %q has unit %q", name, s.Kind, s.Unit)
		}
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		facts   Facts
		field   string
		problem Problem
	}{
		{"empty", Facts{}, "", ""},
		{"boundaries", Facts{Age: ptr(130), PartnerAge: ptr(0), ChildrenAges: &[]int{0, 25},
			UKPresenceWeeks: ptr(156), ConditionMonths: ptr(1200), WeeklyHours: ptr(168.0),
			Capital: ptr(MaxAmount), Nationality: ptr("VN"), Housing: ptr(HousingOwner)}, "", ""},
		{"nil children list is no children", Facts{ChildrenAges: new([]int)}, "", ""},
		{"age", Facts{Age: ptr(131)}, "age", ProblemValue},
		{"negative partner age", Facts{PartnerAge: ptr(-1)}, "partner_age", ProblemValue},
		{"child age", Facts{ChildrenAges: &[]int{4, 26}}, "children_ages[1]", ProblemValue},
		{"too many children", Facts{ChildrenAges: ptr(make([]int, MaxChildren+1))}, "children_ages", ProblemTooLong},
		{"NaN capital", Facts{Capital: ptr(math.NaN())}, "capital", ProblemValue},
		{"infinite rent", Facts{MonthlyRent: ptr(math.Inf(1))}, "monthly_rent", ProblemValue},
		{"negative earnings", Facts{MonthlyEarnings: ptr(-5.0)}, "monthly_earnings", ProblemValue},
		{"hours", Facts{WeeklyHours: ptr(169.0)}, "weekly_hours", ProblemValue},
		{"weeks", Facts{UKPresenceWeeks: ptr(157)}, "uk_presence_weeks", ProblemValue},
		{"months", Facts{ConditionMonths: ptr(1201)}, "condition_months", ProblemValue},
		{"nationality", Facts{Nationality: ptr("Ro")}, "nationality", ProblemValue},
		{"enum", Facts{Nation: ptr(Nation("england "))}, "nation", ProblemValue},
		{"enum zero value", Facts{ImmigrationStatus: ptr(ImmigrationStatus(""))}, "immigration_status", ProblemValue},
		{"contract order", Facts{HasPhotoID: ptr(true), Housing: ptr(Housing("tent")), Age: ptr(200)}, "age", ProblemValue},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.facts.Validate()
			if tc.problem == "" {
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				return
			}
			fe := asFieldError(t, err)
			if fe.Field != tc.field || fe.Problem != tc.problem {
				t.Fatalf("got %q %q, want %q %q", fe.Field, fe.Problem, tc.field, tc.problem)
			}
			if _, err := EncodeFacts(tc.facts); err == nil {
				t.Fatal("EncodeFacts wrote facts that do not validate")
			}
		})
	}
}

func TestEncodeFacts(t *testing.T) {
	tests := []struct {
		facts Facts
		want  string
	}{
		{Facts{}, `{}`},
		{Facts{ChildrenAges: new([]int)}, `{"children_ages":[]}`},
		{Facts{HasNINO: ptr(false), Nation: ptr(Scotland), Capital: ptr(1500.5)},
			`{"nation":"scotland","capital":1500.5,"has_nino":false}`},
	}
	for _, tc := range tests {
		got, err := EncodeFacts(tc.facts)
		if err != nil || string(got) != tc.want {
			t.Errorf("EncodeFacts(%+v) = %s, %v; want %s", tc.facts, got, err, tc.want)
		}
		back, err := DecodeFacts(got)
		if err != nil {
			t.Errorf("%s does not decode: %v", got, err)
		}
		if tc.facts.ChildrenAges != nil && (back.ChildrenAges == nil || len(*back.ChildrenAges) != len(*tc.facts.ChildrenAges)) {
			t.Errorf("%s: children list not kept", got)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"2025-06-30", true},
		{"2024-02-29", true},
		{"0001-01-01", true},
		{"2025-02-29", false},
		{"2025-04-31", false},
		{"2025-13-01", false},
		{"2025-00-10", false},
		{"0000-01-01", false},
		{"2025-6-30", false},
		{"2025/06/30", false},
		{"2025-06-30T00:00:00Z", false},
		{" 2025-06-30", false},
		{"+025-06-30", false},
		{"", false},
	}
	for _, tc := range tests {
		d, ok := ParseDate(tc.in)
		if ok != tc.ok {
			t.Errorf("ParseDate(%q) ok = %v, want %v", tc.in, ok, tc.ok)
		}
		if ok && d.Format("2006-01-02") != tc.in {
			t.Errorf("ParseDate(%q) = %v", tc.in, d)
		}
	}
}
