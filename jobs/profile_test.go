package jobs

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"waymark/eligibility"
)

func TestDecodeProfile(t *testing.T) {
	long := func(n int) string { return strings.Repeat("ș", n) }
	many := func(item string, n int) string { return strings.TrimSuffix(strings.Repeat(item+",", n), ",") }
	tests := []struct {
		name    string
		input   string
		field   string
		problem eligibility.Problem
	}{
		{"empty", `{}`, "", ""},
		{"nulls", `{"languages": null, "english_level": null, "skills": null, "work_history": null, "qualifications": null, "barriers": null, "goals": null, "avoid_sectors": null}`, "", ""},
		{"language", `{"languages": [{"code": "ro", "level": "native"}, {"code": "it", "level": "A2"}, {"code": "ru"}]}`, "", ""},
		{"language null level", `{"languages": [{"code": "ro", "level": null}]}`, "", ""},
		{"language code missing", `{"languages": [{"level": "B1"}]}`, "languages[0].code", eligibility.ProblemMissing},
		{"language code upper", `{"languages": [{"code": "RO"}]}`, "languages[0].code", eligibility.ProblemValue},
		{"language twice", `{"languages": [{"code": "ro"}, {"code": "pl"}, {"code": "ro", "level": "A1"}]}`, "languages[2].code", eligibility.ProblemValue},
		{"language level lower case", `{"languages": [{"code": "ro", "level": "b1"}]}`, "languages[0].level", eligibility.ProblemValue},
		{"language level number", `{"languages": [{"code": "ro", "level": 1}]}`, "languages[0].level", eligibility.ProblemType},
		{"language unknown key", `{"languages": [{"code": "ro", "fluent": true}]}`, "languages[0].fluent", eligibility.ProblemUnknown},
		{"language null", `{"languages": [null]}`, "languages[0]", eligibility.ProblemType},
		{"language string", `{"languages": ["ro"]}`, "languages[0]", eligibility.ProblemType},
		{"english level", `{"english_level": "C2"}`, "", ""},
		{"english native", `{"english_level": "native"}`, "", ""},
		{"english level bad", `{"english_level": "A0"}`, "english_level", eligibility.ProblemValue},
		{"english level empty", `{"english_level": ""}`, "", ""},
		{"skills", `{"skills": ["forklift", "cooking for 50"]}`, "", ""},
		{"skill blank", `{"skills": ["forklift", " "]}`, "skills[1]", eligibility.ProblemMissing},
		{"skill null", `{"skills": [null]}`, "skills[0]", eligibility.ProblemMissing},
		{"skill at limit", `{"skills": ["` + long(200) + `"]}`, "", ""},
		{"skill too long", `{"skills": ["` + long(201) + `"]}`, "skills[0]", eligibility.ProblemTooLong},
		{"skill newline", `{"skills": ["a\nb"]}`, "skills[0]", eligibility.ProblemValue},
		{"skills at limit", `{"skills": [` + many(`"x"`, MaxProfileItems) + `]}`, "", ""},
		{"too many skills", `{"skills": [` + many(`"x"`, MaxProfileItems+1) + `]}`, "skills", eligibility.ProblemTooLong},
		{"skills object", `{"skills": {}}`, "skills", eligibility.ProblemType},
		{"job", `{"work_history": [{"sector": "agriculture", "role": "picker", "months": 8, "exploitative": true}]}`, "", ""},
		{"job sector only", `{"work_history": [{"sector": "care"}]}`, "", ""},
		{"job sector missing", `{"work_history": [{"role": "picker"}]}`, "work_history[0].sector", eligibility.ProblemMissing},
		{"job sector bad", `{"work_history": [{"sector": "farming"}]}`, "work_history[0].sector", eligibility.ProblemValue},
		{"job months max", `{"work_history": [{"sector": "care", "months": 600}]}`, "", ""},
		{"job months too many", `{"work_history": [{"sector": "care", "months": 601}]}`, "work_history[0].months", eligibility.ProblemValue},
		{"job months negative", `{"work_history": [{"sector": "care", "months": -1}]}`, "work_history[0].months", eligibility.ProblemValue},
		{"job months fraction", `{"work_history": [{"sector": "care", "months": 2.5}]}`, "work_history[0].months", eligibility.ProblemType},
		{"job exploitative text", `{"work_history": [{"sector": "care", "exploitative": "yes"}]}`, "work_history[0].exploitative", eligibility.ProblemType},
		{"job role too long", `{"work_history": [{"sector": "care", "role": "` + long(201) + `"}]}`, "work_history[0].role", eligibility.ProblemTooLong},
		{"job unknown key", `{"work_history": [{"sector": "care", "employer": "X"}]}`, "work_history[0].employer", eligibility.ProblemUnknown},
		{"job duplicate key", `{"work_history": [{"sector": "care", "sector": "other"}]}`, "work_history[0].sector", eligibility.ProblemValue},
		{"qualification", `{"qualifications": ["Diplomă de bacalaureat"]}`, "", ""},
		{"qualification number", `{"qualifications": [3]}`, "qualifications[0]", eligibility.ProblemType},
		{"barriers", `{"barriers": ["no_id", "trauma", "criminal_record"]}`, "", ""},
		{"barrier unknown", `{"barriers": ["no_passport"]}`, "barriers[0]", eligibility.ProblemValue},
		{"barrier twice", `{"barriers": ["debt", "housing", "debt"]}`, "barriers[2]", eligibility.ProblemValue},
		{"barrier empty", `{"barriers": [""]}`, "barriers[0]", eligibility.ProblemMissing},
		{"barrier null", `{"barriers": [null]}`, "barriers[0]", eligibility.ProblemMissing},
		{"goals", `{"goals": ["work", "english"]}`, "", ""},
		{"goal unknown", `{"goals": ["money"]}`, "goals[0]", eligibility.ProblemValue},
		{"avoid", `{"avoid_sectors": ["car_wash", "nail_bar"]}`, "", ""},
		{"avoid unknown", `{"avoid_sectors": ["farms"]}`, "avoid_sectors[0]", eligibility.ProblemValue},
		{"avoid twice", `{"avoid_sectors": ["car_wash", "car_wash"]}`, "avoid_sectors[1]", eligibility.ProblemValue},
		{"unknown key", `{"goal": ["work"]}`, "goal", eligibility.ProblemUnknown},
		{"duplicate key", `{"goals": [], "goals": []}`, "goals", eligibility.ProblemValue},
		{"not an object", `[]`, "", eligibility.ProblemType},
		{"null", `null`, "", eligibility.ProblemType},
		{"syntax", `{"goals": [}`, "", eligibility.ProblemSyntax},
		{"trailing", `{}{}`, "", eligibility.ProblemSyntax},
		{"too big", `{"skills": []` + strings.Repeat(" ", MaxProfileBytes) + `}`, "", eligibility.ProblemTooLong},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := DecodeProfile([]byte(tc.input))
			if tc.problem == "" {
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				if err := p.Validate(); err != nil {
					t.Fatalf("decoded profile does not validate: %v", err)
				}
				profileRoundTrip(t, p)
				return
			}
			fe := asFieldError(t, err)
			if fe.Field != tc.field || fe.Problem != tc.problem {
				t.Fatalf("got %q %q, want %q %q (%v)", fe.Field, fe.Problem, tc.field, tc.problem, err)
			}
		})
	}
}

func TestDecodeProfileExample(t *testing.T) {
	data, err := os.ReadFile("testdata/profile_full.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeProfile(data)
	if err != nil {
		t.Fatal(err)
	}
	want := Profile{
		Languages:    []Language{{Code: "ro", Level: LevelNative}, {Code: "it", Level: LevelB1}},
		EnglishLevel: LevelA2,
		Skills:       []string{"Forklift driving", "Cooking"},
		WorkHistory: []Job{
			{Sector: "agriculture", Role: "Fruit picker", Months: 14, Exploitative: true},
			{Sector: "hospitality", Role: "Kitchen porter", Months: 30},
		},
		Qualifications: []string{"Baccalaureate (Romania)"},
		Barriers:       []Barrier{BarrierNoNINO, BarrierNoBankAccount, BarrierDebt},
		Goals:          []Goal{GoalWork, GoalEnglish},
		AvoidSectors:   []string{"agriculture"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if !got.HasBarrier(BarrierDebt) || got.HasBarrier(BarrierTrauma) || !got.HasGoal(GoalEnglish) || got.HasGoal(GoalTraining) {
		t.Error("HasBarrier/HasGoal disagree with the lists")
	}
	profileRoundTrip(t, got)
}

func TestProfileValidate(t *testing.T) {
	tests := []struct {
		name    string
		p       Profile
		field   string
		problem eligibility.Problem
	}{
		{"zero", Profile{}, "", ""},
		{"language code", Profile{Languages: []Language{{Code: "r"}}}, "languages[0].code", eligibility.ProblemValue},
		{"language twice", Profile{Languages: []Language{{Code: "ro"}, {Code: "ro"}}}, "languages[1].code", eligibility.ProblemValue},
		{"language level", Profile{Languages: []Language{{Code: "ro", Level: "fluent"}}}, "languages[0].level", eligibility.ProblemValue},
		{"too many languages", Profile{Languages: make([]Language, MaxProfileItems+1)}, "languages", eligibility.ProblemTooLong},
		{"english level", Profile{EnglishLevel: "D1"}, "english_level", eligibility.ProblemValue},
		{"skill", Profile{Skills: []string{""}}, "skills[0]", eligibility.ProblemMissing},
		{"job sector", Profile{WorkHistory: []Job{{Sector: "care"}, {}}}, "work_history[1].sector", eligibility.ProblemMissing},
		{"job months", Profile{WorkHistory: []Job{{Sector: "care", Months: -3}}}, "work_history[0].months", eligibility.ProblemValue},
		{"job role", Profile{WorkHistory: []Job{{Sector: "care", Role: "a\tb"}}}, "work_history[0].role", eligibility.ProblemValue},
		{"qualification", Profile{Qualifications: []string{strings.Repeat("q", 201)}}, "qualifications[0]", eligibility.ProblemTooLong},
		{"barrier", Profile{Barriers: []Barrier{"none"}}, "barriers[0]", eligibility.ProblemValue},
		{"barrier twice", Profile{Barriers: []Barrier{BarrierDebt, BarrierDebt}}, "barriers[1]", eligibility.ProblemValue},
		{"goal", Profile{Goals: []Goal{""}}, "goals[0]", eligibility.ProblemMissing},
		{"avoid", Profile{AvoidSectors: []string{"mining"}}, "avoid_sectors[0]", eligibility.ProblemValue},
	}
	for _, tc := range tests {
		err := tc.p.Validate()
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
		if _, err := EncodeProfile(tc.p); err == nil {
			t.Errorf("%s: EncodeProfile wrote an invalid profile", tc.name)
		}
	}
}

func TestLevelBelow(t *testing.T) {
	tests := []struct {
		l, m Level
		want bool
	}{
		{LevelA1, LevelB1, true},
		{LevelA2, LevelB1, true},
		{LevelB1, LevelB1, false},
		{LevelC2, LevelB1, false},
		{LevelNative, LevelB1, false},
		{"", LevelB1, false},
		{"A0", LevelB1, false},
		{LevelA1, "", false},
	}
	for _, tc := range tests {
		if got := tc.l.Below(tc.m); got != tc.want {
			t.Errorf("%q.Below(%q) = %v, want %v", tc.l, tc.m, got, tc.want)
		}
	}
}

func TestProfileIsZero(t *testing.T) {
	if !(Profile{}).IsZero() {
		t.Error("zero profile is not IsZero")
	}
	for name, p := range map[string]Profile{
		"languages": {Languages: []Language{{Code: "ro"}}}, "english": {EnglishLevel: LevelA1},
		"skills": {Skills: []string{"x"}}, "history": {WorkHistory: []Job{{Sector: "care"}}},
		"qualifications": {Qualifications: []string{"x"}}, "barriers": {Barriers: []Barrier{BarrierDebt}},
		"goals": {Goals: []Goal{GoalWork}}, "avoid": {AvoidSectors: []string{"care"}},
	} {
		if p.IsZero() {
			t.Errorf("%s: profile with data is IsZero", name)
		}
	}
}

// profileRoundTrip checks that p encodes and decodes back to itself.
func profileRoundTrip(t *testing.T, p Profile) {
	t.Helper()
	enc, err := EncodeProfile(p)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	back, err := DecodeProfile(enc)
	if err != nil {
		t.Fatalf("encoded profile %s does not decode: %v", enc, err)
	}
	if !reflect.DeepEqual(back, p) {
		t.Fatalf("round trip changed the profile:\n%+v\n%+v", p, back)
	}
}
