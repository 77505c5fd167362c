package printfont

import "testing"

func TestCoverage(t *testing.T) {
	c, err := NewCoverage()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		r    rune
		want bool
	}{
		{'a', true}, {' ', true}, {'ș', true}, {'ț', true}, {'ł', true}, {'ж', true}, {'ễ', true},
		{'□', true}, {'ب', false}, {'😀', false}, {0, false},
	} {
		if got := c.Covered(tc.r); got != tc.want {
			t.Errorf("Covered(%q) = %v, want %v", tc.r, got, tc.want)
		}
		if got := c.Covered(tc.r); got != tc.want { // from the remembered answer
			t.Errorf("Covered(%q) again = %v", tc.r, got)
		}
	}
}
