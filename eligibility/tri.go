package eligibility

// Tri is a three-valued truth: a condition about a person is met, not met, or cannot be
// decided yet because a fact it needs has not been given. A partly answered interview must
// already give firm answers where the facts allow, so every rule computes in Tri rather than
// bool, and an unknown fact never silently counts as "no".
type Tri uint8

// The three truth values. The zero value is Unknown, so a Tri nobody set can never pass for a
// firm answer.
const (
	Unknown Tri = iota
	No
	Yes
)

// TriOf turns a known bool into a Tri.
func TriOf(b bool) Tri {
	if b {
		return Yes
	}
	return No
}

// And is Kleene conjunction: No if either side is No (whatever the other turns out to be),
// Yes if both are Yes, Unknown otherwise.
func (t Tri) And(u Tri) Tri {
	switch {
	case t == No || u == No:
		return No
	case t == Yes && u == Yes:
		return Yes
	default:
		return Unknown
	}
}

// Or is Kleene disjunction: Yes if either side is Yes, No if both are No, Unknown otherwise.
func (t Tri) Or(u Tri) Tri {
	switch {
	case t == Yes || u == Yes:
		return Yes
	case t == No && u == No:
		return No
	default:
		return Unknown
	}
}

// Not is Kleene negation: it swaps Yes and No and leaves Unknown unknown.
func (t Tri) Not() Tri {
	switch t {
	case Yes:
		return No
	case No:
		return Yes
	default:
		return Unknown
	}
}

// String names the value for test failures and logs.
func (t Tri) String() string {
	switch t {
	case Yes:
		return "yes"
	case No:
		return "no"
	default:
		return "unknown"
	}
}
