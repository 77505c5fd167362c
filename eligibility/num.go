package eligibility

import "math"

// Num is an amount that may not be computable yet: a rate known from the parameters, or an
// award built from facts some of which are unknown. It carries the unknown facts it depends on
// exactly as Cond does, so an estimate that needs earnings nobody has given says so, and a
// comparison of such an amount ("is the award above zero?") is a Cond with the right missing
// facts rather than a guess.
type Num struct {
	v       float64
	known   bool
	missing FactSet
}

// Amount is a known amount.
func Amount(x float64) Num {
	return Num{v: x, known: true}
}

// OpenNum is an amount that cannot be computed until the given facts are answered.
func OpenNum(facts ...Fact) Num {
	return Num{missing: FactSetOf(facts...)}
}

// NumFact reads a numeric fact as an amount.
func NumFact[T ~int | ~float64](fact Fact, p *T) Num {
	if p == nil {
		return OpenNum(fact)
	}
	return Amount(float64(*p))
}

// Value returns the amount and whether it is known.
func (a Num) Value() (float64, bool) { return a.v, a.known }

// Known reports whether the amount is known.
func (a Num) Known() bool { return a.known }

// Missing is the set of unknown facts the amount waits for; empty when it is known.
func (a Num) Missing() FactSet { return a.missing }

// Ptr returns a pointer to the amount rounded to pennies, or nil when it is unknown: the form
// of Result.MonthlyEstimate, which is left out of the JSON when nil.
func (a Num) Ptr() *float64 {
	if !a.known {
		return nil
	}
	v := roundPennies(a.v)
	return &v
}

// combine applies op when both amounts are known; otherwise the result is unknown and waits
// for the facts of every unknown operand.
func combine(a, b Num, op func(x, y float64) float64) Num {
	if a.known && b.known {
		return Amount(op(a.v, b.v))
	}
	var m FactSet
	if !a.known {
		m = m.Union(a.missing)
	}
	if !b.known {
		m = m.Union(b.missing)
	}
	return Num{missing: m}
}

// Add returns a + b.
func (a Num) Add(b Num) Num { return combine(a, b, func(x, y float64) float64 { return x + y }) }

// Sub returns a − b.
func (a Num) Sub(b Num) Num { return combine(a, b, func(x, y float64) float64 { return x - y }) }

// Mul returns a × b. A known zero times anything is zero: an element that does not apply needs
// no facts about its size.
func (a Num) Mul(b Num) Num {
	if (a.known && a.v == 0) || (b.known && b.v == 0) {
		return Amount(0)
	}
	return combine(a, b, func(x, y float64) float64 { return x * y })
}

// Max returns the larger of a and b.
func (a Num) Max(b Num) Num { return combine(a, b, math.Max) }

// Min returns the smaller of a and b.
func (a Num) Min(b Num) Num { return combine(a, b, math.Min) }

// compare turns a comparison of two amounts into a Cond.
func compare(a, b Num, op func(x, y float64) bool) Cond {
	if a.known && b.known {
		return Known(op(a.v, b.v))
	}
	var m FactSet
	if !a.known {
		m = m.Union(a.missing)
	}
	if !b.known {
		m = m.Union(b.missing)
	}
	return Cond{v: Unknown, missing: m}
}

// Gt is the condition a > b.
func (a Num) Gt(b Num) Cond { return compare(a, b, func(x, y float64) bool { return x > y }) }

// Ge is the condition a ≥ b.
func (a Num) Ge(b Num) Cond { return compare(a, b, func(x, y float64) bool { return x >= y }) }

// Lt is the condition a < b.
func (a Num) Lt(b Num) Cond { return compare(a, b, func(x, y float64) bool { return x < y }) }

// Le is the condition a ≤ b.
func (a Num) Le(b Num) Cond { return compare(a, b, func(x, y float64) bool { return x <= y }) }

// Choose returns then when c is met and otherwise when it is not. While c is unknown the
// amount is known only if both branches are known and equal (the answer cannot matter);
// otherwise it waits for c's facts and those of any unknown branch.
func Choose(c Cond, then, otherwise Num) Num {
	switch c.v {
	case Yes:
		return then
	case No:
		return otherwise
	}
	if then.known && otherwise.known && then.v == otherwise.v {
		return then
	}
	m := c.missing
	if !then.known {
		m = m.Union(then.missing)
	}
	if !otherwise.known {
		m = m.Union(otherwise.missing)
	}
	return Num{missing: m}
}

// roundPennies rounds a pound amount to the nearest penny, halves away from zero, so an
// estimate prints as money and two runs never differ in the last float digit.
func roundPennies(x float64) float64 {
	return math.Round(x*100) / 100
}
