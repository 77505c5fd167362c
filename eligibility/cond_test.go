package eligibility

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func yes() Cond { return Known(true) }
func no() Cond  { return Known(false) }

// TestMissingIsMinimal: a condition already settled by one operand lists none of the other
// operands' unknown facts; an open one lists exactly the facts of its open operands.
func TestMissingIsMinimal(t *testing.T) {
	age, capital, rent := Open(FactAge), Open(FactCapital), Open(FactMonthlyRent)
	cases := []struct {
		name    string
		c       Cond
		value   Tri
		missing string
	}{
		{"a No conjunct settles an And", And(age, no(), capital), No, ""},
		{"a Yes disjunct settles an Or", Or(age, capital, yes()), Yes, ""},
		{"open conjuncts are all listed", And(age, yes(), capital), Unknown, "age,capital"},
		{"open disjuncts are all listed", Or(no(), rent, age), Unknown, "age,monthly_rent"},
		{"nested: the settled branch drops its facts", Or(And(age, no()), capital), Unknown, "capital"},
		{"nested: a settled Or inside an And", And(Or(age, yes()), capital), Unknown, "capital"},
		{"Not keeps the facts", Not(And(age, capital)), Unknown, "age,capital"},
		{"Not of a settled condition", Not(And(age, no())), Yes, ""},
		{"a fact read twice is listed once", And(age, Or(age, capital)), Unknown, "age,capital"},
		{"empty And is met", And(), Yes, ""},
		{"empty Or is not met", Or(), No, ""},
		{"Implies with a false premise", Implies(no(), age), Yes, ""},
		{"Implies with a true premise waits for the conclusion", Implies(yes(), age), Unknown, "age"},
	}
	for _, c := range cases {
		if c.c.Value() != c.value || strings.Join(c.c.Missing().Names(), ",") != c.missing {
			t.Errorf("%s: %s missing [%s]; want %s missing [%s]", c.name, c.c.Value(),
				strings.Join(c.c.Missing().Names(), ","), c.value, c.missing)
		}
	}
}

func TestReadingFacts(t *testing.T) {
	age, yesB := 17, true
	housing := HousingOwner
	var f Facts
	if c := Is(FactAge, f.Age, func(a int) bool { return a >= 18 }); !c.IsUnknown() || !c.Missing().Has(FactAge) {
		t.Errorf("unknown age: %v %v", c.Value(), c.Missing().Names())
	}
	f.Age, f.Couple, f.Housing = &age, &yesB, &housing
	if c := Is(FactAge, f.Age, func(a int) bool { return a >= 18 }); !c.IsNo() || !c.Missing().IsEmpty() {
		t.Error("17 is not 18 or over")
	}
	if c := Bool(FactCouple, f.Couple); !c.IsYes() {
		t.Error("couple")
	}
	if c := Bool(FactPregnant, f.Pregnant); !c.IsUnknown() || c.Missing().Names()[0] != "pregnant" {
		t.Error("pregnant unknown")
	}
	if c := OneOf(FactHousing, f.Housing, HousingPrivateRented, HousingSocialRented); !c.IsNo() {
		t.Error("an owner does not rent")
	}
	if c := OneOf(FactNation, f.Nation, Scotland); !c.IsUnknown() {
		t.Error("nation unknown")
	}
}

// formula is a small boolean formula over facts, for the brute-force checks below.
type formula struct {
	op   byte // 'v' variable, '&', '|', '!'
	fact Fact
	kids []*formula
}

func (n *formula) cond(assign map[Fact]Tri) Cond {
	switch n.op {
	case 'v':
		if v := assign[n.fact]; v != Unknown {
			return Known(v == Yes)
		}
		return Open(n.fact)
	case '!':
		return Not(n.kids[0].cond(assign))
	}
	cs := make([]Cond, len(n.kids))
	for i, k := range n.kids {
		cs[i] = k.cond(assign)
	}
	if n.op == '&' {
		return And(cs...)
	}
	return Or(cs...)
}

func (n *formula) eval(full map[Fact]bool) bool {
	switch n.op {
	case 'v':
		return full[n.fact]
	case '!':
		return !n.kids[0].eval(full)
	case '&':
		for _, k := range n.kids {
			if !k.eval(full) {
				return false
			}
		}
		return true
	default:
		for _, k := range n.kids {
			if k.eval(full) {
				return true
			}
		}
		return false
	}
}

// build makes a random formula whose leaves are the given facts, in order.
func build(r *rand.Rand, leaves []Fact) *formula {
	var n *formula
	if len(leaves) == 1 {
		n = &formula{op: 'v', fact: leaves[0]}
	} else {
		split := 1 + r.IntN(len(leaves)-1)
		op := byte('&')
		if r.IntN(2) == 0 {
			op = '|'
		}
		n = &formula{op: op, kids: []*formula{build(r, leaves[:split]), build(r, leaves[split:])}}
	}
	if r.IntN(4) == 0 {
		n = &formula{op: '!', kids: []*formula{n}}
	}
	return n
}

// truth enumerates every completion of the unknown facts and returns whether the outcome is
// settled (and to what) and the facts whose answer can change it.
func truth(n *formula, facts []Fact, assign map[Fact]Tri) (settled bool, value bool, relevant FactSet) {
	var unknown []Fact
	for _, f := range facts {
		if assign[f] == Unknown {
			unknown = append(unknown, f)
		}
	}
	full := map[Fact]bool{}
	outcome := func(mask int) bool {
		for _, f := range facts {
			full[f] = assign[f] == Yes
		}
		for i, f := range unknown {
			full[f] = mask&(1<<i) != 0
		}
		return n.eval(full)
	}
	first := outcome(0)
	settled = true
	for mask := 0; mask < 1<<len(unknown); mask++ {
		v := outcome(mask)
		if v != first {
			settled = false
		}
		for i, f := range unknown {
			if outcome(mask^(1<<i)) != v {
				relevant = relevant.With(f)
			}
		}
	}
	return settled, first, relevant
}

// TestMissingMatchesBruteForce checks Cond against every completion of the unknown facts.
// For formulas that read each fact once, the Kleene value is exact and the missing set is
// exactly the facts whose answer could change the outcome. For formulas that read a fact
// several times, a settled value is always right and no fact that matters is ever left out.
func TestMissingMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 17))
	pool := []Fact{FactAge, FactCouple, FactCapital, FactHousing, FactPregnant, FactDestitute}
	for i := 0; i < 4000; i++ {
		readOnce := i%2 == 0
		var leaves []Fact
		facts := pool[:1+r.IntN(len(pool))]
		if readOnce {
			leaves = append(leaves, facts...)
			r.Shuffle(len(leaves), func(a, b int) { leaves[a], leaves[b] = leaves[b], leaves[a] })
		} else {
			for k := 0; k < 2+r.IntN(6); k++ {
				leaves = append(leaves, facts[r.IntN(len(facts))])
			}
		}
		n := build(r, leaves)
		assign := map[Fact]Tri{}
		for _, f := range facts {
			assign[f] = Tri(r.IntN(3))
		}
		c := n.cond(assign)
		settled, value, relevant := truth(n, facts, assign)
		switch {
		case c.Value() != Unknown && (!settled || c.Value() != TriOf(value)):
			t.Fatalf("case %d: Kleene says %s but the outcome is settled=%v value=%v", i, c.Value(), settled, value)
		case c.Value() != Unknown && !c.Missing().IsEmpty():
			t.Fatalf("case %d: settled %s lists missing %v", i, c.Value(), c.Missing().Names())
		case readOnce && (c.Value() == Unknown) == settled:
			t.Fatalf("case %d: read-once formula: Kleene %s, settled=%v", i, c.Value(), settled)
		case readOnce && c.Missing() != relevant:
			t.Fatalf("case %d: missing %v, facts that matter %v", i, c.Missing().Names(), relevant.Names())
		case !readOnce && c.Missing().Union(relevant) != c.Missing():
			t.Fatalf("case %d: missing %v leaves out facts that matter %v", i, c.Missing().Names(), relevant.Names())
		}
		for _, f := range c.Missing().Facts() {
			if assign[f] != Unknown {
				t.Fatalf("case %d: missing lists %s, which is answered", i, f.Name())
			}
		}
	}
}
