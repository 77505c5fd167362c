package eligibility

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestWithFactSetsChecksAndClears(t *testing.T) {
	age := 30
	base := Facts{Age: &age}
	tests := []struct {
		name, field, value string
		problem            Problem // "" for success
		want               string  // FactJSON afterwards; "" for unknown
	}{
		{"sets an enum", "nation", `"scotland"`, "", `"scotland"`},
		{"replaces a number", "age", `31`, "", `31`},
		{"sets an empty list, a known fact", "children_ages", `[]`, "", `[]`},
		{"null clears", "age", `null`, "", ""},
		{"nothing clears", "age", ``, "", ""},
		{"refuses a value outside the set", "nation", `"mars"`, ProblemValue, ""},
		{"refuses a wrong type", "age", `"thirty"`, ProblemType, ""},
		{"refuses a value out of range", "age", `131`, ProblemValue, ""},
		{"refuses a fact that does not exist", "agee", `3`, ProblemUnknown, ""},
		{"refuses broken JSON", "age", `3 4`, ProblemSyntax, ""},
	}
	for _, tc := range tests {
		got, err := base.WithFact(tc.field, json.RawMessage(tc.value))
		if tc.problem != "" {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Problem != tc.problem || fe.Field != tc.field {
				t.Errorf("%s: err = %v, want %s on %s", tc.name, err, tc.problem, tc.field)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		v, ok := got.FactJSON(tc.field)
		if string(v) != tc.want || ok != (tc.want != "") {
			t.Errorf("%s: FactJSON = %s, %v; want %s", tc.name, v, ok, tc.want)
		}
	}
	if *base.Age != 30 {
		t.Error("WithFact changed the facts it was called on")
	}
	if k := base.Known(); len(k) != 1 || string(k["age"]) != "30" {
		t.Errorf("Known = %v, want only age 30", k)
	}
	if len((Facts{}).Known()) != 0 {
		t.Error("no facts, yet some are known")
	}
	changed, _ := base.WithFact("nation", json.RawMessage(`"wales"`))
	*changed.Age = 99
	if *base.Age != 30 {
		t.Error("the copy shares a pointer with the original")
	}
}

func TestRankMissingOrdersByResultsThenContract(t *testing.T) {
	r := Results{Results: []Result{
		{Benefit: "a", Status: NeedInfo, Missing: []string{"capital", "age"}},
		{Benefit: "b", Status: NeedInfo, Missing: []string{"capital"}},
		{Benefit: "c", Status: NeedInfo, Missing: []string{"pregnant", "nation"}},
		{Benefit: "d", Status: Eligible, Missing: []string{"nation", "nation"}}, // settled: ignored
	}}
	got := RankMissing(r)
	want := []Waiting{{"capital", 2}, {"nation", 1}, {"age", 1}, {"pregnant", 1}}
	if len(got) != len(want) {
		t.Fatalf("RankMissing = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("RankMissing = %v, want %v", got, want)
		}
	}
	if f, _ := NextQuestionFrom(r); f != got[0].Fact {
		t.Errorf("NextQuestionFrom = %q but RankMissing starts with %q", f, got[0].Fact)
	}
	if len(RankMissing(Results{})) != 0 {
		t.Error("no results, yet facts are awaited")
	}
}
