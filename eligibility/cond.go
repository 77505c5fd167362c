package eligibility

import "slices"

// Cond is the outcome of a condition together with the unknown facts it depended on. Rules
// build Conds by reading facts (Is, Bool, OneOf) and combining them (And, Or, Not); the
// engine turns the final Cond into a status and the "missing" list of a result.
//
// The missing set is kept minimal as the condition is built: a known outcome (Yes or No)
// carries no missing facts, because no answer could change it, and an And that is already No
// (or an Or that is already Yes) drops the facts of its other operands. For a condition that
// reads each fact once, the missing set of an Unknown outcome is exactly the set of unknown
// facts whose answer could change it; a condition that reads the same fact in several places
// may list a fact whose answers all lead to the same outcome, never omit one that matters.
type Cond struct {
	v       Tri
	missing FactSet
}

// Known is a condition whose outcome is already settled, by a constant or by facts given.
func Known(b bool) Cond {
	return Cond{v: TriOf(b)}
}

// Open is a condition that cannot be decided until the given facts are answered.
func Open(facts ...Fact) Cond {
	return Cond{v: Unknown, missing: FactSetOf(facts...)}
}

// Value is the condition's truth value.
func (c Cond) Value() Tri { return c.v }

// Missing is the set of unknown facts that could still change the outcome; empty unless the
// value is Unknown.
func (c Cond) Missing() FactSet { return c.missing }

// IsYes reports whether the condition is settled as met.
func (c Cond) IsYes() bool { return c.v == Yes }

// IsNo reports whether the condition is settled as not met.
func (c Cond) IsNo() bool { return c.v == No }

// IsUnknown reports whether the condition still depends on unanswered facts.
func (c Cond) IsUnknown() bool { return c.v == Unknown }

// And is Kleene conjunction over any number of conditions. One settled No decides it, and then
// none of the other conditions' unknown facts are listed: asking them could not change the
// answer. With no operands it is Yes (nothing is required).
func And(cs ...Cond) Cond {
	out := Cond{v: Yes}
	for _, c := range cs {
		switch c.v {
		case No:
			return Cond{v: No}
		case Unknown:
			out.v = Unknown
			out.missing = out.missing.Union(c.missing)
		}
	}
	return out
}

// Or is Kleene disjunction over any number of conditions. One settled Yes decides it, and then
// no unknown fact is listed. With no operands it is No (no way to qualify).
func Or(cs ...Cond) Cond {
	out := Cond{v: No}
	for _, c := range cs {
		switch c.v {
		case Yes:
			return Cond{v: Yes}
		case Unknown:
			out.v = Unknown
			out.missing = out.missing.Union(c.missing)
		}
	}
	return out
}

// Not is Kleene negation; the unknown facts are the same ones.
func Not(c Cond) Cond {
	return Cond{v: c.v.Not(), missing: c.missing}
}

// Implies is "if a then b", which is met when a is not met: Or(Not(a), b).
func Implies(a, b Cond) Cond {
	return Or(Not(a), b)
}

// Is reads a fact through a test: Open(fact) when the fact is not given (p is nil), otherwise
// the test's answer. This is the one place a rule looks at a fact's value, so every unknown
// fact a condition touches is recorded.
func Is[T any](fact Fact, p *T, test func(T) bool) Cond {
	if p == nil {
		return Open(fact)
	}
	return Known(test(*p))
}

// Bool reads a yes/no fact as a condition.
func Bool(fact Fact, p *bool) Cond {
	if p == nil {
		return Open(fact)
	}
	return Known(*p)
}

// OneOf is met when an enum fact has one of the given values.
func OneOf[T comparable](fact Fact, p *T, values ...T) Cond {
	if p == nil {
		return Open(fact)
	}
	return Known(slices.Contains(values, *p))
}
