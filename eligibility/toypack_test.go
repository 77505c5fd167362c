package eligibility_test

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"waymark/eligibility"
	"waymark/eligibility/params"
)

// testland is a made-up jurisdiction with three benefits and euro rates from its own parameter
// files. It lives outside package eligibility and uses only exported API, which is what a
// Netherlands or Romania pack would do: if this compiles and passes, a new country needs no
// change to the engine. Its rules and rates are fictional.
type testland struct {
	minAge, capitalLimit, rate, taper, childAge params.Handle
}

const testlandSource = "https://example.org/testland/act/1"

// The testland benefits, in display order.
const (
	basicAllowance = "basic_allowance"
	childGrant     = "child_grant"
	housingHelp    = "housing_help"
)

func newTestland(t testing.TB) *testland {
	t.Helper()
	set, err := params.Load(os.DirFS("testdata/testland"), ".", params.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := &testland{
		minAge:       set.Use("basic.min_age"),
		capitalLimit: set.Use("basic.capital_limit"),
		rate:         set.Use("basic.monthly_rate"),
		taper:        set.Use("basic.taper"),
		childAge:     set.Use("child.age_limit"),
	}
	if errs := set.Health(); len(errs) > 0 {
		t.Fatalf("testland parameters: %v", errs)
	}
	return p
}

func (*testland) ID() string          { return "testland" }
func (*testland) Version() string     { return "0.1.0" }
func (*testland) Reviewed() time.Time { return time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC) }
func (*testland) Benefits() []string  { return []string{basicAllowance, childGrant, housingHelp} }

func (p *testland) Evaluate(f eligibility.Facts, date time.Time) eligibility.Outcome {
	var out eligibility.Outcome
	out.Results = append(out.Results, p.basic(f, date), p.child(f, date), p.housing(f))
	if f.HasNINO != nil && !*f.HasNINO {
		out.NextSteps = append(out.NextSteps, eligibility.NewStep("testland_get_id", nil))
	}
	return out
}

// rates looks up every figure a rule needs; a figure with no value in force makes the result
// need_info with a reason naming the open question, never a guess.
func rates(date time.Time, hs ...params.Handle) ([]float64, bool) {
	out := make([]float64, len(hs))
	for i, h := range hs {
		v, err := h.At(date)
		if err != nil {
			return nil, false
		}
		out[i] = v
	}
	return out, true
}

func ratesUnconfirmed(benefit string) eligibility.Result {
	return eligibility.Result{
		Benefit: benefit,
		Status:  eligibility.NeedInfo,
		Reasons: []eligibility.Reason{eligibility.NewReason("testland.rates_unconfirmed", testlandSource, nil)},
	}
}

func (p *testland) basic(f eligibility.Facts, date time.Time) eligibility.Result {
	r, ok := rates(date, p.minAge, p.capitalLimit, p.rate, p.taper)
	if !ok {
		return ratesUnconfirmed(basicAllowance)
	}
	minAge, limit, rate, taper := r[0], r[1], r[2], r[3]
	earnings := eligibility.NumFact(eligibility.FactMonthlyEarnings, f.MonthlyEarnings)
	award := eligibility.Amount(rate).Sub(earnings.Mul(eligibility.Amount(taper))).Max(eligibility.Amount(0))
	checks := []eligibility.Check{
		{Code: "testland.basic.age", Source: testlandSource, Data: map[string]any{"Age": minAge},
			Cond: eligibility.Is(eligibility.FactAge, f.Age, func(a int) bool { return float64(a) >= minAge })},
		{Code: "testland.basic.resident", Source: testlandSource,
			Cond: eligibility.Bool(eligibility.FactHabituallyResident, f.HabituallyResident)},
		{Code: "testland.basic.capital", Source: testlandSource, Data: map[string]any{"Limit": limit},
			Cond: eligibility.NumFact(eligibility.FactCapital, f.Capital).Le(eligibility.Amount(limit))},
		{Code: "testland.basic.award_above_zero", Source: testlandSource,
			Cond: award.Gt(eligibility.Amount(0))},
	}
	res := eligibility.Decide(basicAllowance, checks...)
	if res.Status == eligibility.Eligible || (res.Status == eligibility.NotEligible && checks[0].Cond.IsYes() &&
		checks[1].Cond.IsYes() && checks[2].Cond.IsYes()) {
		res.MonthlyEstimate = award.Ptr()
	}
	return res
}

func (p *testland) child(f eligibility.Facts, date time.Time) eligibility.Result {
	r, ok := rates(date, p.childAge)
	if !ok {
		return ratesUnconfirmed(childGrant)
	}
	return eligibility.Decide(childGrant,
		eligibility.Check{Code: "testland.child.young_child", Source: testlandSource, Data: map[string]any{"Age": r[0]},
			Cond: eligibility.Is(eligibility.FactChildrenAges, f.ChildrenAges, func(ages []int) bool {
				return slices.ContainsFunc(ages, func(a int) bool { return float64(a) < r[0] })
			})},
		eligibility.Check{Code: "testland.child.resident", Source: testlandSource,
			Cond: eligibility.Bool(eligibility.FactHabituallyResident, f.HabituallyResident)},
	)
}

func (p *testland) housing(f eligibility.Facts) eligibility.Result {
	return eligibility.Decide(housingHelp,
		eligibility.Check{Code: "testland.housing.renting", Source: testlandSource,
			Cond: eligibility.OneOf(eligibility.FactHousing, f.Housing, eligibility.HousingPrivateRented, eligibility.HousingSocialRented)},
		eligibility.Check{Code: "testland.housing.rent", Source: testlandSource,
			Cond: eligibility.NumFact(eligibility.FactMonthlyRent, f.MonthlyRent).Gt(eligibility.Amount(0))},
	)
}

// echo is a Translator for tests: the message id followed by its data, so a test sees which
// message and which figures a reason would show.
type echo struct{}

func (echo) T(id string, data ...map[string]any) string {
	if len(data) == 0 || len(data[0]) == 0 {
		return id
	}
	keys := make([]string, 0, len(data[0]))
	for k := range data[0] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s=%v", k, data[0][k])
	}
	return id + " {" + strings.Join(parts, ", ") + "}"
}

func ptr[T any](v T) *T { return &v }

func day(s string) time.Time {
	d, ok := eligibility.ParseDate(s)
	if !ok {
		panic("bad test date " + s)
	}
	return d
}
