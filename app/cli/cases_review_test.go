package cli

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"waymark/jobs"
	"waymark/locales"
	"waymark/storage"
)

// planCaseFile is a case file with coded steps, a profile and a review date.
func planCaseFile(ref, review string) string {
	r := ""
	if review != "" {
		r = `, "review": "` + review + `"`
	}
	return `{"reference": "` + ref + `", "language": "pl",
  "steps": [{"code": "apply_nino", "text": "Apply for a National Insurance number.", "owner": "survivor", "due": "2026-12-07"}],
  "profile": {"english_level": "A1", "barriers": ["no_nino"], "goals": ["work"]}` + r + `}`
}

func TestCaseImportProfileAndReview(t *testing.T) {
	vault := newVault(t)
	file := writeFile(t, "case.json", planCaseFile("REF-P", "2026-12-21"))
	run(t, call{args: []string{"case", "import", "--adviser", "ana", "--vault", vault, "--passphrase-stdin", file},
		stdin: adminPass + "\n"}).want(t, 0)

	v, err := storage.Open(vault, &storage.Options{KDF: storage.FastTestKDF})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	s, err := v.Unlock("ana", []byte(adminPass))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Lock()
	list, err := s.ListCases()
	if err != nil || len(list) != 1 {
		t.Fatalf("ListCases = %v, %v", list, err)
	}
	c, err := s.Case(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	wantProfile := jobs.Profile{EnglishLevel: jobs.LevelA1, Barriers: []jobs.Barrier{jobs.BarrierNoNINO}, Goals: []jobs.Goal{jobs.GoalWork}}
	if c.Review != "2026-12-21" || !reflect.DeepEqual(c.Profile, wantProfile) {
		t.Errorf("stored review %q profile %+v", c.Review, c.Profile)
	}
	if len(c.Steps) != 1 || c.Steps[0].Code != "apply_nino" {
		t.Errorf("stored steps %+v", c.Steps)
	}
}

func TestCaseImportBadPlanFields(t *testing.T) {
	vault := newVault(t)
	for _, c := range []struct{ name, content, field string }{
		{"unknown step code", `{"reference": "R1", "language": "ro", "steps": [{"code": "get_visa", "text": "x", "owner": "adviser"}]}`, "steps[0].code"},
		{"bad review", `{"reference": "R1", "language": "ro", "review": "2026-13-01"}`, "review"},
		{"bad barrier", `{"reference": "R1", "language": "ro", "profile": {"barriers": ["no_car"]}}`, "profile.barriers[0]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := writeFile(t, "case.json", c.content)
			r := run(t, call{args: []string{"case", "import", "--adviser", "ana", "--vault", vault, "--passphrase-stdin", file},
				stdin: adminPass + "\n"})
			r.want(t, 2, c.field)
		})
	}
	if refs := listRefs(t, vault); len(refs) != 0 {
		t.Errorf("bad files added cases: %v", refs)
	}
}

func TestCaseListReviewDates(t *testing.T) {
	vault := newVault(t)
	for ref, review := range map[string]string{"A-PAST": "2026-11-22", "B-TODAY": "2026-11-23", "C-LATER": "2026-12-21", "D-NONE": ""} {
		file := writeFile(t, "case.json", planCaseFile(ref, review))
		run(t, call{args: []string{"case", "import", "--adviser", "ana", "--vault", vault, "--passphrase-stdin", file},
			stdin: adminPass + "\n"}).want(t, 0)
	}
	args := []string{"case", "list", "--adviser", "ana", "--vault", vault, "--passphrase-stdin"}
	r := run(t, call{args: args, stdin: adminPass + "\n"})
	r.want(t, 0)
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("table %q, want a header and four rows", r.stdout)
	}
	col := strings.Index(lines[0], "REVIEW")
	if col < 0 || col > strings.Index(lines[0], "LANGUAGE") {
		t.Fatalf("no REVIEW column before LANGUAGE: %q", lines[0])
	}
	want := []string{"2026-11-22 (overdue)", "2026-11-23", "2026-12-21", "-"}
	for i, l := range lines[1:] {
		if !strings.HasPrefix(l[col:], want[i]+" ") {
			t.Errorf("row %d review column %q, want %q", i, l[col:], want[i])
		}
		if strings.Contains(l[col:], "overdue") != (i == 0) {
			t.Errorf("row %d: overdue marked wrongly: %q", i, l)
		}
	}

	r = run(t, call{args: append(args, "--json"), stdin: adminPass + "\n"})
	r.want(t, 0)
	var got []caseJSON
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	var reviews []string
	for _, c := range got {
		reviews = append(reviews, c.Review)
	}
	if w := []string{"2026-11-22", "2026-11-23", "2026-12-21", ""}; !reflect.DeepEqual(reviews, w) {
		t.Errorf("JSON reviews %q, want %q", reviews, w)
	}

	r = run(t, call{args: args, stdin: adminPass + "\n", env: map[string]string{"WAYMARK_LANG": "ro"}})
	r.want(t, 0)
	if !strings.Contains(r.stdout, "REVIZUIRE") || !strings.Contains(r.stdout, "2026-11-22 (depășită)") {
		t.Errorf("Romanian table %q", r.stdout)
	}
}

// TestReviewTextClosedCase: a closed case is not flagged, whatever its review date.
func TestReviewTextClosedCase(t *testing.T) {
	c := &ctx{tr: locales.New("en")}
	day := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		cs   storage.CaseSummary
		want string
	}{
		{storage.CaseSummary{Status: storage.CaseOpen, Review: "2026-11-01"}, "2026-11-01 (overdue)"},
		{storage.CaseSummary{Status: storage.CaseClosed, Review: "2026-11-01"}, "2026-11-01"},
		{storage.CaseSummary{Status: storage.CaseClosed}, "-"},
	}
	for _, tc := range tests {
		if got := c.reviewText(tc.cs, day); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.cs, got, tc.want)
		}
	}
}
