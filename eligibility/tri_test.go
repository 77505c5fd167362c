package eligibility

import "testing"

// TestKleeneTruthTables checks And, Or and Not against the full strong-Kleene tables.
func TestKleeneTruthTables(t *testing.T) {
	vals := []Tri{No, Unknown, Yes}
	// Rows and columns in the order of vals.
	and := [3][3]Tri{
		{No, No, No},
		{No, Unknown, Unknown},
		{No, Unknown, Yes},
	}
	or := [3][3]Tri{
		{No, Unknown, Yes},
		{Unknown, Unknown, Yes},
		{Yes, Yes, Yes},
	}
	for i, a := range vals {
		for j, b := range vals {
			if got := a.And(b); got != and[i][j] {
				t.Errorf("%s AND %s = %s, want %s", a, b, got, and[i][j])
			}
			if got := a.Or(b); got != or[i][j] {
				t.Errorf("%s OR %s = %s, want %s", a, b, got, or[i][j])
			}
			// De Morgan holds in Kleene logic.
			if a.And(b).Not() != a.Not().Or(b.Not()) {
				t.Errorf("De Morgan fails for %s, %s", a, b)
			}
		}
	}
	not := map[Tri]Tri{No: Yes, Unknown: Unknown, Yes: No}
	for a, want := range not {
		if got := a.Not(); got != want {
			t.Errorf("NOT %s = %s, want %s", a, got, want)
		}
	}
	if TriOf(true) != Yes || TriOf(false) != No {
		t.Error("TriOf")
	}
	var zero Tri
	if zero != Unknown || zero.String() != "unknown" || Yes.String() != "yes" || No.String() != "no" {
		t.Error("zero value must be Unknown, and names yes/no/unknown")
	}
}
