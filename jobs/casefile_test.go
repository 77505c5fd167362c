package jobs

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"waymark/eligibility"
)

func TestDecodeCaseFile(t *testing.T) {
	const base = `"reference": "WM-1", "language": "ro"`
	long := func(n int) string { return strings.Repeat("ă", n) }
	tests := []struct {
		name    string
		input   string
		field   string
		problem eligibility.Problem
	}{
		{"minimal", `{` + base + `}`, "", ""},
		{"reference at limit", `{"reference": "` + long(64) + `", "language": "ro"}`, "", ""},
		{"reference too long", `{"reference": "` + long(65) + `", "language": "ro"}`, "reference", eligibility.ProblemTooLong},
		{"reference missing", `{"language": "ro"}`, "reference", eligibility.ProblemMissing},
		{"reference null", `{"reference": null, "language": "ro"}`, "reference", eligibility.ProblemMissing},
		{"reference empty", `{"reference": "", "language": "ro"}`, "reference", eligibility.ProblemMissing},
		{"reference blank", `{"reference": "  ", "language": "ro"}`, "reference", eligibility.ProblemMissing},
		{"reference with tab", `{"reference": "WM\t1", "language": "ro"}`, "reference", eligibility.ProblemValue},
		{"reference with newline", `{"reference": "WM\n1", "language": "ro"}`, "reference", eligibility.ProblemValue},
		{"reference with line separator", `{"reference": "WM\u20281", "language": "ro"}`, "reference", eligibility.ProblemValue},
		{"reference number", `{"reference": 12, "language": "ro"}`, "reference", eligibility.ProblemType},
		{"name", `{` + base + `, "name": "Maria Ionescu"}`, "", ""},
		{"name empty", `{` + base + `, "name": ""}`, "", ""},
		{"name null", `{` + base + `, "name": null}`, "", ""},
		{"name at limit", `{` + base + `, "name": "` + long(200) + `"}`, "", ""},
		{"name too long", `{` + base + `, "name": "` + long(201) + `"}`, "name", eligibility.ProblemTooLong},
		{"name control", `{` + base + `, "name": "A\u0007B"}`, "name", eligibility.ProblemValue},
		{"name list", `{` + base + `, "name": ["A"]}`, "name", eligibility.ProblemType},
		{"language three letters", `{"reference": "WM-1", "language": "fil"}`, "", ""},
		{"language missing", `{"reference": "WM-1"}`, "language", eligibility.ProblemMissing},
		{"language empty", `{"reference": "WM-1", "language": ""}`, "language", eligibility.ProblemMissing},
		{"language upper case", `{"reference": "WM-1", "language": "RO"}`, "language", eligibility.ProblemValue},
		{"language region", `{"reference": "WM-1", "language": "ro-RO"}`, "language", eligibility.ProblemValue},
		{"language one letter", `{"reference": "WM-1", "language": "r"}`, "language", eligibility.ProblemValue},
		{"language four letters", `{"reference": "WM-1", "language": "roma"}`, "language", eligibility.ProblemValue},
		{"language bool", `{"reference": "WM-1", "language": true}`, "language", eligibility.ProblemType},
		{"facts", `{` + base + `, "facts": {"age": 30}}`, "", ""},
		{"facts null", `{` + base + `, "facts": null}`, "", ""},
		{"facts bad value", `{` + base + `, "facts": {"age": 300}}`, "facts.age", eligibility.ProblemValue},
		{"facts bad child", `{` + base + `, "facts": {"children_ages": [1, 2.5]}}`, "facts.children_ages[1]", eligibility.ProblemType},
		{"facts unknown key", `{` + base + `, "facts": {"agee": 30}}`, "facts.agee", eligibility.ProblemUnknown},
		{"facts duplicate key", `{` + base + `, "facts": {"age": 3, "age": 4}}`, "facts.age", eligibility.ProblemValue},
		{"facts enum", `{` + base + `, "facts": {"nation": "uk"}}`, "facts.nation", eligibility.ProblemValue},
		{"facts list", `{` + base + `, "facts": []}`, "facts", eligibility.ProblemType},
		{"steps empty", `{` + base + `, "steps": []}`, "", ""},
		{"steps null", `{` + base + `, "steps": null}`, "", ""},
		{"steps object", `{` + base + `, "steps": {}}`, "steps", eligibility.ProblemType},
		{"step", `{` + base + `, "steps": [{"text": "Open a bank account", "owner": "survivor", "due": "2025-07-01", "done": true}]}`, "", ""},
		{"step without due or done", `{` + base + `, "steps": [{"text": "x", "owner": "other"}]}`, "", ""},
		{"step due empty", `{` + base + `, "steps": [{"text": "x", "owner": "other", "due": ""}]}`, "", ""},
		{"step null", `{` + base + `, "steps": [null]}`, "steps[0]", eligibility.ProblemType},
		{"step text missing", `{` + base + `, "steps": [{"owner": "adviser"}]}`, "steps[0].text", eligibility.ProblemMissing},
		{"step text blank", `{` + base + `, "steps": [{"text": " ", "owner": "adviser"}]}`, "steps[0].text", eligibility.ProblemMissing},
		{"step text at limit", `{` + base + `, "steps": [{"text": "` + long(500) + `", "owner": "adviser"}]}`, "", ""},
		{"step text too long", `{` + base + `, "steps": [{"text": "` + long(501) + `", "owner": "adviser"}]}`, "steps[0].text", eligibility.ProblemTooLong},
		{"step text newline", `{` + base + `, "steps": [{"text": "a\nb", "owner": "adviser"}]}`, "steps[0].text", eligibility.ProblemValue},
		{"step text number", `{` + base + `, "steps": [{"text": 1, "owner": "adviser"}]}`, "steps[0].text", eligibility.ProblemType},
		{"step owner missing", `{` + base + `, "steps": [{"text": "x"}]}`, "steps[0].owner", eligibility.ProblemMissing},
		{"step owner empty", `{` + base + `, "steps": [{"text": "x", "owner": ""}]}`, "steps[0].owner", eligibility.ProblemMissing},
		{"step owner bad", `{` + base + `, "steps": [{"text": "x", "owner": "adviser"}, {"text": "x", "owner": "charity"}]}`, "steps[1].owner", eligibility.ProblemValue},
		{"step owner case", `{` + base + `, "steps": [{"text": "x", "owner": "Survivor"}]}`, "steps[0].owner", eligibility.ProblemValue},
		{"step due not real", `{` + base + `, "steps": [{"text": "x", "owner": "other", "due": "2025-02-30"}]}`, "steps[0].due", eligibility.ProblemDate},
		{"step due format", `{` + base + `, "steps": [{"text": "x", "owner": "other", "due": "01/07/2025"}]}`, "steps[0].due", eligibility.ProblemDate},
		{"step due number", `{` + base + `, "steps": [{"text": "x", "owner": "other", "due": 20250701}]}`, "steps[0].due", eligibility.ProblemType},
		{"step done text", `{` + base + `, "steps": [{"text": "x", "owner": "other", "done": "no"}]}`, "steps[0].done", eligibility.ProblemType},
		{"step unknown key", `{` + base + `, "steps": [{"text": "x", "owner": "other", "status": "open"}]}`, "steps[0].status", eligibility.ProblemUnknown},
		{"step duplicate key", `{` + base + `, "steps": [{"text": "x", "text": "y", "owner": "other"}]}`, "steps[0].text", eligibility.ProblemValue},
		{"step code", `{` + base + `, "steps": [{"code": "apply_nino", "text": "Apply for a National Insurance number.", "owner": "survivor"}]}`, "", ""},
		{"step code empty", `{` + base + `, "steps": [{"code": "", "text": "x", "owner": "survivor"}]}`, "", ""},
		{"step code null", `{` + base + `, "steps": [{"code": null, "text": "x", "owner": "survivor"}]}`, "", ""},
		{"step code unknown", `{` + base + `, "steps": [{"text": "x", "owner": "survivor"}, {"code": "apply_visa", "text": "x", "owner": "survivor"}]}`, "steps[1].code", eligibility.ProblemValue},
		{"step code case", `{` + base + `, "steps": [{"code": "Apply_NINO", "text": "x", "owner": "survivor"}]}`, "steps[0].code", eligibility.ProblemValue},
		{"step code number", `{` + base + `, "steps": [{"code": 3, "text": "x", "owner": "survivor"}]}`, "steps[0].code", eligibility.ProblemType},
		{"profile", `{` + base + `, "profile": {"barriers": ["debt"], "goals": ["work"]}}`, "", ""},
		{"profile null", `{` + base + `, "profile": null}`, "", ""},
		{"profile bad goal", `{` + base + `, "profile": {"goals": ["work", "fame"]}}`, "profile.goals[1]", eligibility.ProblemValue},
		{"profile bad job", `{` + base + `, "profile": {"work_history": [{"sector": "care", "months": 1000}]}}`, "profile.work_history[0].months", eligibility.ProblemValue},
		{"profile unknown key", `{` + base + `, "profile": {"hobbies": []}}`, "profile.hobbies", eligibility.ProblemUnknown},
		{"profile list", `{` + base + `, "profile": []}`, "profile", eligibility.ProblemType},
		{"review", `{` + base + `, "review": "2026-12-21"}`, "", ""},
		{"review null", `{` + base + `, "review": null}`, "", ""},
		{"review empty", `{` + base + `, "review": ""}`, "", ""},
		{"review not real", `{` + base + `, "review": "2026-02-29"}`, "review", eligibility.ProblemDate},
		{"review number", `{` + base + `, "review": 20261221}`, "review", eligibility.ProblemType},
		{"too many steps", `{` + base + `, "steps": [` + strings.Repeat(`{"text": "x", "owner": "other"},`, MaxSteps) + `{"text": "x", "owner": "other"}]}`, "steps", eligibility.ProblemTooLong},
		{"unknown top key", `{` + base + `, "nmae": "A"}`, "nmae", eligibility.ProblemUnknown},
		{"duplicate top key", `{` + base + `, "language": "pl"}`, "language", eligibility.ProblemValue},
		{"not an object", `[]`, "", eligibility.ProblemType},
		{"null", `null`, "", eligibility.ProblemType},
		{"syntax", `{"reference": "WM-1",}`, "", eligibility.ProblemSyntax},
		{"trailing data", `{` + base + `}{}`, "", eligibility.ProblemSyntax},
		{"too big", `{` + base + strings.Repeat(" ", MaxCaseFileBytes) + `}`, "", eligibility.ProblemTooLong},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := DecodeCaseFile([]byte(tc.input))
			if tc.problem == "" {
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				if err := c.Validate(); err != nil {
					t.Fatalf("decoded case file does not validate: %v", err)
				}
				return
			}
			fe := asFieldError(t, err)
			if fe.Field != tc.field || fe.Problem != tc.problem {
				t.Fatalf("got %q %q, want %q %q (%v)", fe.Field, fe.Problem, tc.field, tc.problem, err)
			}
		})
	}
}

func TestDecodeCaseFileSteps(t *testing.T) {
	tests := []struct {
		input    string
		hasSteps bool
		steps    []Step
	}{
		{`{"reference": "R", "language": "en"}`, false, nil},
		{`{"reference": "R", "language": "en", "steps": null}`, false, nil},
		{`{"reference": "R", "language": "en", "steps": []}`, true, []Step{}},
		{`{"reference": "R", "language": "en", "steps": [{"done": true, "due": null, "owner": "adviser", "text": "Call"}]}`,
			true, []Step{{Text: "Call", Owner: OwnerAdviser, Done: true}}},
	}
	for _, tc := range tests {
		c, err := DecodeCaseFile([]byte(tc.input))
		if err != nil {
			t.Fatalf("%s: %v", tc.input, err)
		}
		if c.HasSteps != tc.hasSteps || !reflect.DeepEqual(c.Steps, tc.steps) {
			t.Errorf("%s: got %v %#v, want %v %#v", tc.input, c.HasSteps, c.Steps, tc.hasSteps, tc.steps)
		}
	}
}

func TestDecodeCaseFileExamples(t *testing.T) {
	age, nino := 29, false
	want := map[string]CaseFile{
		"testdata/case_full.json": {
			Reference: "WM-2025-0042", Name: "Ana Popescu", Language: "ro",
			Steps: []Step{
				{Text: "Apply for a National Insurance number", Owner: OwnerAdviser, Due: "2025-07-01"},
				{Text: "Open a basic bank account", Owner: OwnerSurvivor, Due: "2025-07-15"},
				{Text: "Register with a GP", Owner: OwnerOther, Done: true},
			},
			HasSteps: true,
		},
		"testdata/case_minimal.json": {Reference: "WM-7", Language: "pl"},
		"testdata/case_plan.json": {
			Reference: "WM-2026-0107", Language: "pl",
			Steps: []Step{
				{Code: "apply_nino", Text: "Apply for a National Insurance number.", Owner: OwnerSurvivor, Due: "2026-12-07"},
				{Text: "Bring the tenancy letter to the drop-in", Owner: OwnerSurvivor, Due: "2026-12-01"},
				{Code: "register_gp", Text: "Register with a doctor (GP). It is free.", Owner: OwnerSurvivor, Done: true},
			},
			HasSteps: true,
			Profile: Profile{
				Languages: []Language{{Code: "pl", Level: LevelNative}}, EnglishLevel: LevelA1,
				WorkHistory: []Job{{Sector: "car_wash", Months: 5, Exploitative: true}},
				Barriers:    []Barrier{BarrierNoNINO, BarrierHealth}, Goals: []Goal{GoalWork},
				AvoidSectors: []string{"car_wash"},
			},
			Review: "2026-12-21",
		},
	}
	for path, w := range want {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c, err := DecodeCaseFile(data)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if path == "testdata/case_full.json" {
			if c.Facts.Age == nil || *c.Facts.Age != age || c.Facts.HasNINO == nil || *c.Facts.HasNINO != nino ||
				c.Facts.ChildrenAges == nil || len(*c.Facts.ChildrenAges) != 0 {
				t.Errorf("%s: facts %+v", path, c.Facts)
			}
			w.Facts = c.Facts
		}
		if !reflect.DeepEqual(c, w) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", path, c, w)
		}
		roundTrip(t, c)
	}
}

func TestStepValidate(t *testing.T) {
	tests := []struct {
		step    Step
		field   string
		problem eligibility.Problem
	}{
		{Step{Text: "Call the council", Owner: OwnerAdviser}, "", ""},
		{Step{Code: "claim_pip", Text: "Claim PIP", Owner: OwnerSurvivor}, "", ""},
		{Step{Code: "claim_PIP", Text: "Claim PIP", Owner: OwnerSurvivor}, "code", eligibility.ProblemValue},
		{Step{Text: "Call", Owner: OwnerSurvivor, Due: "2028-02-29", Done: true}, "", ""},
		{Step{Owner: OwnerAdviser}, "text", eligibility.ProblemMissing},
		{Step{Text: strings.Repeat("x", 501), Owner: OwnerAdviser}, "text", eligibility.ProblemTooLong},
		{Step{Text: "a\rb", Owner: OwnerAdviser}, "text", eligibility.ProblemValue},
		{Step{Text: "Call"}, "owner", eligibility.ProblemMissing},
		{Step{Text: "Call", Owner: "council"}, "owner", eligibility.ProblemValue},
		{Step{Text: "Call", Owner: OwnerOther, Due: "2027-02-29"}, "due", eligibility.ProblemDate},
		{Step{Text: "Call", Owner: OwnerOther, Due: "tomorrow"}, "due", eligibility.ProblemDate},
	}
	for _, tc := range tests {
		err := tc.step.Validate()
		if tc.problem == "" {
			if err != nil {
				t.Errorf("%+v rejected: %v", tc.step, err)
			}
			continue
		}
		fe := asFieldError(t, err)
		if fe.Field != tc.field || fe.Problem != tc.problem {
			t.Errorf("%+v: got %q %q, want %q %q", tc.step, fe.Field, fe.Problem, tc.field, tc.problem)
		}
		if fe.Problem == eligibility.ProblemValue && tc.field == "owner" && !reflect.DeepEqual(fe.Allowed, Owners()) {
			t.Errorf("owner error lists %v", fe.Allowed)
		}
	}
}

func TestCaseFileValidate(t *testing.T) {
	good := CaseFile{Reference: "WM-1", Language: "ro"}
	tests := []struct {
		name    string
		edit    func(c *CaseFile)
		field   string
		problem eligibility.Problem
	}{
		{"good", func(*CaseFile) {}, "", ""},
		{"reference", func(c *CaseFile) { c.Reference = "" }, "reference", eligibility.ProblemMissing},
		{"name", func(c *CaseFile) { c.Name = "A\nB" }, "name", eligibility.ProblemValue},
		{"language", func(c *CaseFile) { c.Language = "EN" }, "language", eligibility.ProblemValue},
		{"facts", func(c *CaseFile) { c.Facts.Nationality = new(string) }, "facts.nationality", eligibility.ProblemValue},
		{"step", func(c *CaseFile) { c.Steps = []Step{{Text: "a", Owner: OwnerOther}, {Text: "b"}} }, "steps[1].owner", eligibility.ProblemMissing},
		{"step code", func(c *CaseFile) { c.Steps = []Step{{Code: "x", Text: "a", Owner: OwnerOther}} }, "steps[0].code", eligibility.ProblemValue},
		{"profile", func(c *CaseFile) { c.Profile.Barriers = []Barrier{"lonely"} }, "profile.barriers[0]", eligibility.ProblemValue},
		{"review", func(c *CaseFile) { c.Review = "soon" }, "review", eligibility.ProblemDate},
		{"too many steps", func(c *CaseFile) {
			c.Steps = make([]Step, MaxSteps+1)
		}, "steps", eligibility.ProblemTooLong},
	}
	for _, tc := range tests {
		c := good
		tc.edit(&c)
		err := c.Validate()
		if tc.problem == "" {
			if err != nil {
				t.Errorf("%s: rejected: %v", tc.name, err)
			}
			continue
		}
		fe := asFieldError(t, err)
		if fe.Field != tc.field || fe.Problem != tc.problem {
			t.Errorf("%s: got %q %q, want %q %q", tc.name, fe.Field, fe.Problem, tc.field, tc.problem)
		}
		if _, err := EncodeCaseFile(c); !errors.Is(err, eligibility.ErrBadInput) {
			t.Errorf("%s: EncodeCaseFile wrote an invalid case file (%v)", tc.name, err)
		}
	}
}

func TestEncodeCaseFile(t *testing.T) {
	tests := []struct {
		c    CaseFile
		want string
	}{
		{CaseFile{Reference: "R", Language: "en"}, `{"reference":"R","language":"en"}`},
		{CaseFile{Reference: "R", Language: "en", HasSteps: true}, `{"reference":"R","language":"en","steps":[]}`},
		{CaseFile{Reference: "R", Language: "en", Steps: []Step{{Text: "x", Owner: OwnerOther}}},
			`{"reference":"R","language":"en"}`},
		{CaseFile{Reference: "R", Language: "en", Review: "2027-01-04", Profile: Profile{Goals: []Goal{GoalWork}},
			Steps: []Step{{Code: "check_job_offers", Text: "x", Owner: OwnerSurvivor}}, HasSteps: true},
			`{"reference":"R","language":"en","steps":[{"code":"check_job_offers","text":"x","owner":"survivor","done":false}],` +
				`"profile":{"goals":["work"]},"review":"2027-01-04"}`},
		{CaseFile{Reference: "R", Name: "N", Language: "ro", Facts: eligibility.Facts{ChildrenAges: new([]int)},
			Steps: []Step{{Text: "x", Owner: OwnerOther, Due: "2025-01-31"}}, HasSteps: true},
			`{"reference":"R","name":"N","language":"ro","facts":{"children_ages":[]},` +
				`"steps":[{"text":"x","owner":"other","due":"2025-01-31","done":false}]}`},
	}
	for _, tc := range tests {
		got, err := EncodeCaseFile(tc.c)
		if err != nil || string(got) != tc.want {
			t.Errorf("EncodeCaseFile(%+v) = %s, %v\nwant %s", tc.c, got, err, tc.want)
		}
		if _, err := DecodeCaseFile(got); err != nil {
			t.Errorf("%s does not decode: %v", got, err)
		}
	}
}

// roundTrip checks that c encodes and decodes back to itself.
func roundTrip(t *testing.T, c CaseFile) {
	t.Helper()
	enc, err := EncodeCaseFile(c)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	back, err := DecodeCaseFile(enc)
	if err != nil {
		t.Fatalf("encoded case file %s does not decode: %v", enc, err)
	}
	if !reflect.DeepEqual(back, c) {
		t.Fatalf("round trip changed the case file:\n%+v\n%+v", c, back)
	}
}

func asFieldError(t *testing.T, err error) *eligibility.FieldError {
	t.Helper()
	if err == nil {
		t.Fatal("accepted, want an error")
	}
	var fe *eligibility.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *eligibility.FieldError", err, err)
	}
	if !errors.Is(err, eligibility.ErrBadInput) {
		t.Fatalf("error %v is not ErrBadInput", err)
	}
	return fe
}
