package eligibility

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// CheckPack applies a pack to one set of facts and reports every way its raw outcome breaks
// the engine's contract. Evaluate repairs what it can so an adviser never sees a broken
// answer; a pack's tests call CheckPack over many facts so the bug is fixed in the pack:
//
//   - the pack's id, version, reviewed date and benefit list are usable;
//   - each declared benefit has exactly one result, and no undeclared benefit has one;
//   - each status is valid, and a result explains itself with at least one reason;
//   - eligible and not_eligible results list no missing facts (no answer could change them);
//   - every missing name is a fact of the contract, unknown in f, listed once;
//   - every reason has a code, a message id under "elig." and an https source URL;
//   - every next step has a code and a message id under "elig.", and no code repeats.
func CheckPack(p Pack, f Facts, date time.Time) []error {
	if err := validatePackInfo(p); err != nil {
		return []error{err}
	}
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(p.ID()+": "+format, args...))
	}
	oc := p.Evaluate(f, Day(date))
	declared := map[string]bool{}
	for _, b := range p.Benefits() {
		declared[b] = true
	}
	seen := map[string]bool{}
	for _, r := range oc.Results {
		switch {
		case !declared[r.Benefit]:
			bad("result for undeclared benefit %q", r.Benefit)
		case seen[r.Benefit]:
			bad("benefit %q has more than one result", r.Benefit)
		}
		seen[r.Benefit] = true
		for _, e := range checkResult(r, f) {
			bad("%s: %s", r.Benefit, e)
		}
	}
	for _, b := range p.Benefits() {
		if !seen[b] {
			bad("no result for declared benefit %q", b)
		}
	}
	codes := map[string]bool{}
	for _, s := range oc.NextSteps {
		if s.Code == "" || !strings.HasPrefix(s.MessageID, MessagePrefix) {
			bad("next step %q needs a code and a message id starting %q", s.Code, MessagePrefix)
		}
		if codes[s.Code] {
			bad("next step %q given twice", s.Code)
		}
		codes[s.Code] = true
	}
	return errs
}

// checkResult lists the ways one result breaks the contract.
func checkResult(r Result, f Facts) []string {
	var out []string
	if !r.Status.Valid() {
		out = append(out, fmt.Sprintf("status %q is not eligible, not_eligible or need_info", r.Status))
	}
	if len(r.Reasons) == 0 {
		out = append(out, "no reasons: every result must explain itself")
	}
	if r.Status != NeedInfo && len(r.Missing) > 0 {
		out = append(out, fmt.Sprintf("status %s lists missing facts %v", r.Status, r.Missing))
	}
	unknown := unknownFacts(f)
	listed := map[string]bool{}
	for _, name := range r.Missing {
		fact, ok := FactNamed(name)
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("missing %q is not a fact", name))
		case !unknown.Has(fact):
			out = append(out, fmt.Sprintf("missing %q is a fact already given", name))
		case listed[name]:
			out = append(out, fmt.Sprintf("missing %q listed twice", name))
		}
		listed[name] = true
	}
	for _, rs := range r.Reasons {
		if rs.Code == "" {
			out = append(out, "a reason has no code")
		}
		if !strings.HasPrefix(rs.MessageID, MessagePrefix) {
			out = append(out, fmt.Sprintf("reason %q: message id %q does not start %q", rs.Code, rs.MessageID, MessagePrefix))
		}
		if !isHTTPSURL(rs.Source) {
			out = append(out, fmt.Sprintf("reason %q: source %q is not an https URL", rs.Code, rs.Source))
		}
	}
	return out
}

// isHTTPSURL reports whether s is an absolute https URL with a host.
func isHTTPSURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https" && u.Host != ""
}

// unknownFacts returns the facts f leaves unanswered.
func unknownFacts(f Facts) FactSet {
	var s FactSet
	for i := range factTable {
		if !factTable[i].present(&f) {
			s = s.With(Fact(i))
		}
	}
	return s
}
