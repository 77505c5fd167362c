package eligibility

import (
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// fieldCase is one value for one fact: the JSON text of the value, and either the problem it
// must cause (at path, which defaults to the field) or "" when it must be accepted.
type fieldCase struct {
	field   string
	value   string
	problem Problem
	path    string
}

var fieldCases = []fieldCase{
	{"nation", `"england"`, "", ""},
	{"nation", `"northern_ireland"`, "", ""},
	{"nation", `"England"`, ProblemValue, ""},
	{"nation", `"uk"`, ProblemValue, ""},
	{"nation", `1`, ProblemType, ""},
	{"age", `0`, "", ""},
	{"age", `130`, "", ""},
	{"age", `34.0`, "", ""},
	{"age", `131`, ProblemValue, ""},
	{"age", `-1`, ProblemValue, ""},
	{"age", `1e400`, ProblemValue, ""},
	{"age", `99999999999999999999`, ProblemValue, ""},
	{"age", `34.5`, ProblemType, ""},
	{"age", `"34"`, ProblemType, ""},
	{"age", `true`, ProblemType, ""},
	{"state_pension_age", `true`, "", ""},
	{"state_pension_age", `"yes"`, ProblemType, ""},
	{"nationality", `"RO"`, "", ""},
	{"nationality", `"GB"`, "", ""},
	{"nationality", `"ro"`, ProblemValue, ""},
	{"nationality", `"ROU"`, ProblemValue, ""},
	{"nationality", `"R"`, ProblemValue, ""},
	{"nationality", `""`, ProblemValue, ""},
	{"nationality", `"RÖ"`, ProblemValue, ""},
	{"nationality", `40`, ProblemType, ""},
	{"immigration_status", `"no_leave"`, "", ""},
	{"immigration_status", `"vts_leave"`, "", ""},
	{"immigration_status", `"settled"`, ProblemValue, ""},
	{"immigration_status", `["refugee"]`, ProblemType, ""},
	{"right_to_reside", `"family_member_of_worker"`, "", ""},
	{"right_to_reside", `"student"`, ProblemValue, ""},
	{"habitually_resident", `false`, "", ""},
	{"habitually_resident", `0`, ProblemType, ""},
	{"nrm_reasonable_grounds", `"not_referred"`, "", ""},
	{"nrm_reasonable_grounds", `"not referred"`, ProblemValue, ""},
	{"nrm_conclusive_grounds", `"negative"`, "", ""},
	{"nrm_conclusive_grounds", `"not_referred"`, ProblemValue, ""},
	{"couple", `true`, "", ""},
	{"couple", `"false"`, ProblemType, ""},
	{"partner_age", `130`, "", ""},
	{"partner_age", `131`, ProblemValue, ""},
	{"children_ages", `[]`, "", ""},
	{"children_ages", `[0, 25, 3]`, "", ""},
	{"children_ages", `[3, 26]`, ProblemValue, "children_ages[1]"},
	{"children_ages", `[3, -1]`, ProblemValue, "children_ages[1]"},
	{"children_ages", `[1.5]`, ProblemType, "children_ages[0]"},
	{"children_ages", `[null]`, ProblemType, "children_ages[0]"},
	{"children_ages", `["3"]`, ProblemType, "children_ages[0]"},
	{"children_ages", `3`, ProblemType, ""},
	{"children_ages", `[` + strings.Repeat("1,", MaxChildren) + `1]`, ProblemTooLong, ""},
	{"capital", `0`, "", ""},
	{"capital", `99999999.99`, "", ""},
	{"capital", `1250.75`, "", ""},
	{"capital", `100000000`, ProblemValue, ""},
	{"capital", `-0.01`, ProblemValue, ""},
	{"capital", `1e309`, ProblemValue, ""},
	{"capital", `"1000"`, ProblemType, ""},
	{"monthly_earnings", `850`, "", ""},
	{"monthly_earnings", `-850`, ProblemValue, ""},
	{"weekly_hours", `168`, "", ""},
	{"weekly_hours", `16.5`, "", ""},
	{"weekly_hours", `168.01`, ProblemValue, ""},
	{"weekly_hours", `{}`, ProblemType, ""},
	{"limited_capability_for_work", `true`, "", ""},
	{"limited_capability_for_work", `1`, ProblemType, ""},
	{"daily_living_difficulty", `false`, "", ""},
	{"daily_living_difficulty", `"no"`, ProblemType, ""},
	{"mobility_difficulty", `true`, "", ""},
	{"mobility_difficulty", `[]`, ProblemType, ""},
	{"condition_months", `1200`, "", ""},
	{"condition_months", `12`, "", ""},
	{"condition_months", `1201`, ProblemValue, ""},
	{"housing", `"owner"`, "", ""},
	{"housing", `"supported_exempt_accommodation"`, "", ""},
	{"housing", `"rented"`, ProblemValue, ""},
	{"monthly_rent", `650`, "", ""},
	{"monthly_rent", `-1`, ProblemValue, ""},
	{"liable_for_council_tax", `true`, "", ""},
	{"liable_for_council_tax", `"true"`, ProblemType, ""},
	{"ni_contributions_recent", `false`, "", ""},
	{"ni_contributions_recent", `0`, ProblemType, ""},
	{"pregnant", `true`, "", ""},
	{"pregnant", `"y"`, ProblemType, ""},
	{"uk_presence_weeks", `0`, "", ""},
	{"uk_presence_weeks", `156`, "", ""},
	{"uk_presence_weeks", `157`, ProblemValue, ""},
	{"destitute", `true`, "", ""},
	{"destitute", `1`, ProblemType, ""},
	{"care_needs", `false`, "", ""},
	{"care_needs", `"false"`, ProblemType, ""},
	{"looked_after_or_care_leaver", `true`, "", ""},
	{"looked_after_or_care_leaver", `2`, ProblemType, ""},
	{"has_nino", `true`, "", ""},
	{"has_nino", `"AB123456C"`, ProblemType, ""},
	{"has_bank_account", `false`, "", ""},
	{"has_bank_account", `[true]`, ProblemType, ""},
	{"has_photo_id", `true`, "", ""},
	{"has_photo_id", `{"passport": true}`, ProblemType, ""},
}

func TestDecodeFactsFields(t *testing.T) {
	for _, tc := range fieldCases {
		t.Run(tc.field+"="+tc.value, func(t *testing.T) {
			f, err := DecodeFacts([]byte(`{"` + tc.field + `": ` + tc.value + `}`))
			if tc.problem == "" {
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				if f.IsEmpty() {
					t.Fatal("accepted but no fact set")
				}
				if err := f.Validate(); err != nil {
					t.Fatalf("decoded facts do not validate: %v", err)
				}
				return
			}
			want := tc.path
			if want == "" {
				want = tc.field
			}
			fe := asFieldError(t, err)
			if fe.Field != want || fe.Problem != tc.problem {
				t.Fatalf("got field %q problem %q, want %q %q (%v)", fe.Field, fe.Problem, want, tc.problem, err)
			}
			if fe.Problem == ProblemType && fe.Want == "" {
				t.Errorf("type error without Want: %v", err)
			}
		})
	}
}

// Every fact must have at least one accepted and one rejected case above, so a new field
// cannot be added without tests.
func TestFieldCasesCoverEveryFact(t *testing.T) {
	good, bad := map[string]bool{}, map[string]bool{}
	for _, tc := range fieldCases {
		if tc.problem == "" {
			good[tc.field] = true
		} else {
			bad[tc.field] = true
		}
	}
	for _, name := range FactFields() {
		if !good[name] || !bad[name] {
			t.Errorf("%s: good case %v, bad case %v", name, good[name], bad[name])
		}
	}
}

func TestDecodeFactsValues(t *testing.T) {
	f, err := DecodeFacts([]byte(`{"nation":"wales","age":3e1,"nationality":"PL","children_ages":[0,25],
		"capital":0.1,"weekly_hours":-0,"has_nino":false,"housing":null}`))
	if err != nil {
		t.Fatal(err)
	}
	want := Facts{Nation: ptr(Wales), Age: ptr(30), Nationality: ptr("PL"), ChildrenAges: &[]int{0, 25},
		Capital: ptr(0.1), WeeklyHours: ptr(0.0), HasNINO: ptr(false)}
	if !reflect.DeepEqual(f, want) {
		t.Fatalf("got %+v, want %+v", f, want)
	}
}

func TestDecodeFactsDocument(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		field   string
		problem Problem
		line    int
		column  int
	}{
		{"empty object", `{}`, "", "", 0, 0},
		{"null fields are unknown", `{"age": null, "nation": null, "children_ages": null}`, "", "", 0, 0},
		{"byte-order mark", "\xef\xbb\xbf{\"age\": 3}", "", "", 0, 0},
		{"empty input", ``, "", ProblemSyntax, 1, 1},
		{"not JSON", `age: 3`, "", ProblemSyntax, 1, 1},
		{"syntax on line 3", "{\n  \"age\": 3,\n  \"nation\": england\n}", "", ProblemSyntax, 3, 13},
		{"unterminated", `{"age": 3`, "", ProblemSyntax, 1, 9},
		{"trailing object", `{"age": 3} {"age": 4}`, "", ProblemSyntax, 1, 12},
		{"trailing text", `{"age": 3}x`, "", ProblemSyntax, 1, 11},
		{"trailing comma", `{"age": 3,}`, "", ProblemSyntax, 1, 11},
		{"list at top", `[{"age": 3}]`, "", ProblemType, 0, 0},
		{"null at top", `null`, "", ProblemType, 0, 0},
		{"number at top", `3`, "", ProblemType, 0, 0},
		{"unknown key", `{"agee": 3}`, "agee", ProblemUnknown, 0, 0},
		{"key case matters", `{"Age": 3}`, "Age", ProblemUnknown, 0, 0},
		{"unknown key after good ones", `{"age": 3, "nation": "wales", "x": 1}`, "x", ProblemUnknown, 0, 0},
		{"odd key is quoted", `{"a b\n": 1}`, `"a b\n"`, ProblemUnknown, 0, 0},
		{"duplicate key", `{"age": 30, "age": 3}`, "age", ProblemValue, 0, 0},
		{"duplicate key with null", `{"age": null, "age": 3}`, "age", ProblemValue, 0, 0},
		{"first mistake wins", `{"age": 300, "nation": "uk"}`, "age", ProblemValue, 0, 0},
		{"too big", `{"age": 3` + strings.Repeat(" ", MaxFactsBytes) + `}`, "", ProblemTooLong, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeFacts([]byte(tc.input))
			if tc.problem == "" {
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				return
			}
			fe := asFieldError(t, err)
			if fe.Field != tc.field || fe.Problem != tc.problem || fe.Line != tc.line || fe.Column != tc.column {
				t.Fatalf("got %q %q line %d col %d, want %q %q line %d col %d (%v)",
					fe.Field, fe.Problem, fe.Line, fe.Column, tc.field, tc.problem, tc.line, tc.column, err)
			}
		})
	}
}

func TestDecodeFactsFullFile(t *testing.T) {
	data, err := os.ReadFile("testdata/facts_full.json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := DecodeFacts(data)
	if err != nil {
		t.Fatal(err)
	}
	// The example must exercise every field of the contract.
	v := reflect.ValueOf(f)
	for i := range v.NumField() {
		if v.Field(i).IsNil() {
			t.Errorf("testdata/facts_full.json leaves out %s", v.Type().Field(i).Name)
		}
	}
	if *f.Nationality != "RO" || *f.ImmigrationStatus != EUSSPreSettled || !slices.Equal(*f.ChildrenAges, []int{3, 7}) ||
		*f.Capital != 250.5 || *f.WeeklyHours != 12.5 || *f.HasPhotoID != true {
		t.Errorf("decoded values differ from the file: %+v", f)
	}
	enc, err := EncodeFacts(f)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeFacts(enc)
	if err != nil {
		t.Fatalf("re-decode: %v", err)
	}
	if !reflect.DeepEqual(back, f) {
		t.Fatalf("round trip changed the facts:\n%+v\n%+v", f, back)
	}
}

func asFieldError(t *testing.T, err error) *FieldError {
	t.Helper()
	if err == nil {
		t.Fatal("accepted, want an error")
	}
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *FieldError", err, err)
	}
	if !errors.Is(err, ErrBadInput) {
		t.Fatalf("error %v is not ErrBadInput", err)
	}
	return fe
}

func ptr[T any](v T) *T { return &v }
