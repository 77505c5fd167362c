package interview

import (
	"errors"
	"testing"

	"waymark/eligibility"
)

func spec(t *testing.T, field string) eligibility.FactSpec {
	t.Helper()
	s, ok := eligibility.DescribeFact(field)
	if !ok {
		t.Fatalf("no fact %q", field)
	}
	return s
}

func TestParseTextReadsWhatAdvisersType(t *testing.T) {
	tests := []struct {
		field, text, want string
	}{
		{"age", "34", "34"},
		{"age", " 0 ", "0"},
		{"age", "130", "130"},
		{"capital", "£1,250.50", "1250.5"},
		{"capital", "1.250,50", "1250.5"},   // Polish and Romanian grouping with a decimal comma
		{"capital", "1 250,50", "1250.5"},   // a space groups thousands
		{"capital", "1\u00a0250", "1250"},   // so does a non-breaking space
		{"capital", "1,250", "1250"},        // three digits after a lone comma: thousands
		{"capital", "12,5", "12.5"},         // one or two: a decimal comma
		{"capital", "1.250.000", "1250000"}, // several dots group thousands
		{"capital", "6000", "6000"},
		{"capital", "0", "0"},
		{"weekly_hours", "15.5", "15.5"},
		{"weekly_hours", "15,5", "15.5"},
		{"children_ages", "3, 7", "[3,7]"},
		{"children_ages", "3 and 7", "[3,7]"},
		{"children_ages", "3;7;12", "[3,7,12]"},
		{"children_ages", "0", "[0]"},
		{"nationality", "ro", `"RO"`},
		{"nationality", " VN ", `"VN"`},
		{"pregnant", "yes", "true"},
		{"pregnant", "false", "false"},
		{"nation", "Scotland", `"scotland"`},
		{"housing", "private_rented", `"private_rented"`},
	}
	for _, tc := range tests {
		got, err := ParseText(spec(t, tc.field), tc.text)
		if err != nil || string(got) != tc.want {
			t.Errorf("ParseText(%s, %q) = %s, %v; want %s", tc.field, tc.text, got, err, tc.want)
		}
	}
}

func TestParseTextRefusesWhatItWouldHaveToGuess(t *testing.T) {
	tests := []struct {
		field, text string
		problem     eligibility.Problem
	}{
		{"age", "", eligibility.ProblemMissing},
		{"age", "   ", eligibility.ProblemMissing},
		{"age", "34.5", eligibility.ProblemType},
		{"age", "thirty", eligibility.ProblemType},
		{"age", "-1", eligibility.ProblemType},
		{"age", "131", eligibility.ProblemValue},
		{"age", "99999999999999999999", eligibility.ProblemValue},
		{"capital", "£-5", eligibility.ProblemValue},
		{"capital", "abc", eligibility.ProblemType},
		{"capital", "1e9", eligibility.ProblemType},
		{"capital", "NaN", eligibility.ProblemType},
		{"capital", "100000000", eligibility.ProblemValue},
		{"weekly_hours", "169", eligibility.ProblemValue},
		{"children_ages", "3, x", eligibility.ProblemType},
		{"children_ages", "26", eligibility.ProblemValue},
		{"children_ages", ", ;", eligibility.ProblemMissing},
		{"children_ages", "1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1", eligibility.ProblemTooLong},
		{"nationality", "ROU", eligibility.ProblemValue},
		{"nationality", "r1", eligibility.ProblemValue},
		{"pregnant", "maybe", eligibility.ProblemType},
		{"nation", "mars", eligibility.ProblemValue},
	}
	for _, tc := range tests {
		got, err := ParseText(spec(t, tc.field), tc.text)
		var fe *eligibility.FieldError
		if !errors.As(err, &fe) || fe.Problem != tc.problem {
			t.Errorf("ParseText(%s, %q) = %s, %v; want problem %s", tc.field, tc.text, got, err, tc.problem)
			continue
		}
		if !errors.Is(err, eligibility.ErrBadInput) {
			t.Errorf("ParseText(%s, %q): error does not match ErrBadInput", tc.field, tc.text)
		}
	}
}

// What FormatText writes, ParseText reads back to the same value, so an answer shown for
// changing is saved unchanged when the adviser only presses Next.
func TestFormatTextRoundTrips(t *testing.T) {
	for _, tc := range []struct{ field, value string }{
		{"age", "34"}, {"capital", "1250.5"}, {"children_ages", "[3,7]"}, {"nationality", `"RO"`},
		{"pregnant", "true"}, {"housing", `"owner"`}, {"weekly_hours", "0"},
	} {
		text := FormatText([]byte(tc.value))
		back, err := ParseText(spec(t, tc.field), text)
		if err != nil || string(back) != tc.value {
			t.Errorf("%s: %s -> %q -> %s, %v", tc.field, tc.value, text, back, err)
		}
	}
	if FormatText(nil) != "" || FormatText([]byte("{")) != "" {
		t.Error("FormatText of nothing or junk is not empty")
	}
}

func FuzzParseText(f *testing.F) {
	for _, s := range []string{"34", "£1,250.50", "1 250,50", "3, 7", "ro", "yes", "", "-1", "1e400"} {
		f.Add("capital", s)
		f.Add("children_ages", s)
		f.Add("age", s)
	}
	f.Fuzz(func(t *testing.T, field, text string) {
		s, ok := eligibility.DescribeFact(field)
		if !ok {
			return
		}
		v, err := ParseText(s, text)
		if err != nil {
			if !errors.Is(err, eligibility.ErrBadInput) {
				t.Fatalf("ParseText(%s, %q) error %v is not ErrBadInput", field, text, err)
			}
			return
		}
		// Whatever ParseText accepts, the facts contract accepts too.
		if _, err := (eligibility.Facts{}).WithFact(field, v); err != nil {
			t.Fatalf("ParseText(%s, %q) = %s, which the facts refuse: %v", field, text, v, err)
		}
	})
}

func TestMoney(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		want string
	}{
		{0, "0.00"}, {5, "5.00"}, {424.9, "424.90"}, {1250.5, "1,250.50"}, {999.995, "1,000.00"},
		{16000, "16,000.00"}, {1234567.891, "1,234,567.89"}, {-12.3, "-12.30"}, {-0.001, "0.00"},
	} {
		if got := Money(tc.x); got != tc.want {
			t.Errorf("Money(%v) = %q, want %q", tc.x, got, tc.want)
		}
	}
}
