package storage

import (
	"fmt"
	"strings"

	"waymark/eligibility"
	"waymark/jobs"
)

// A case summary carries copies of the case's dated parts (CaseDates) so the home screen can
// list deadlines and overdue plan steps over thousands of cases without opening one. They are
// written as one short line inside the summary's JSON (encodeDates) rather than as JSON
// objects: with objects, reading 10,000 summaries took three times as long
// (BenchmarkListCases10k).

// caseDates works out the copies a case's summary carries for the home screen (see CaseDates),
// or nil when the case has none of them.
func caseDates(c Case) *CaseDates {
	d := CaseDates{KeyDates: c.KeyDates, DeadlineFacts: deadlineFacts(c.Facts)}
	d.KeyDates.BenefitDecisions = c.Outcomes.Decisions()
	if next, ok := jobs.NextDue(c.Steps); ok {
		d.NextStep = jobs.Step{Code: next.Code, Due: next.Due}
		if next.Code == "" {
			d.NextStep.Text = cutRunes(next.Text, MaxSummaryStepRunes)
		}
	}
	for _, st := range jobs.DoneDeadlineSteps(c.Steps) {
		d.DoneDeadlineSteps = append(d.DoneDeadlineSteps, jobs.Step{Code: st.Code, Due: st.Due, Done: true})
	}
	if d.KeyDates.IsEmpty() && d.DeadlineFacts.IsEmpty() && d.NextStep == (jobs.Step{}) && d.DoneDeadlineSteps == nil {
		return nil
	}
	return &d
}

// deadlineFacts keeps the facts the deadline rules read: the nation (whose rules apply), the
// two NRM decisions (whose support periods run) and the immigration status (whether a grant
// of leave opens a Universal Credit claim). A test checks the UK pack gives the same
// deadlines from these as from every fact.
func deadlineFacts(f eligibility.Facts) eligibility.Facts {
	return eligibility.Facts{Nation: f.Nation, ImmigrationStatus: f.ImmigrationStatus,
		NRMReasonableGrounds: f.NRMReasonableGrounds, NRMConclusiveGrounds: f.NRMConclusiveGrounds}
}

// cutRunes keeps the first n runes of s.
func cutRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// encodeDates writes a case's dated copies (all but the next step's own wording) as one short
// line of parts separated by ";", each a letter, "=" and its values:
//
//	d=RG,CG,LG,LE          the four key dates, empty where not entered
//	b=ID:DAY:r,ID:DAY:a    benefit decisions: benefit id, day, refused (r) or awarded (a)
//	f=NATION,STATUS,RG,CG  the deadline facts, empty where not known
//	n=CODE:DAY             the next unfinished step: its code ("" for own words) and date
//	x=CODE:DAY,...         finished deadline steps
//
// Every value is a date, an id or an enumerated fact: letters, digits, "_" and "-" only. A
// value with anything else (a fact outside the contract) is left out, so it can never break
// the line; the deadline rules treat a missing value as not known. decodeDates skips parts it
// does not know, so a later build may add some.
func encodeDates(d *CaseDates) string {
	var b strings.Builder
	part := func(key string, values ...string) {
		if b.Len() > 0 {
			b.WriteByte(';')
		}
		b.WriteString(key)
		b.WriteByte('=')
		for _, v := range values {
			if v == "," || v == ":" || isToken(v) {
				b.WriteString(v)
			}
		}
	}
	k := d.KeyDates
	if k.ReasonableGrounds != "" || k.ConclusiveGrounds != "" || k.LeaveGranted != "" || k.LeaveExpires != "" {
		part("d", k.ReasonableGrounds, ",", k.ConclusiveGrounds, ",", k.LeaveGranted, ",", k.LeaveExpires)
	}
	var list []string
	for i, bd := range k.BenefitDecisions {
		outcome := "a"
		if bd.Refused {
			outcome = "r"
		}
		if i > 0 {
			list = append(list, ",")
		}
		list = append(list, bd.Benefit, ":", bd.Decided, ":", outcome)
	}
	if len(list) > 0 {
		part("b", list...)
	}
	if f := d.DeadlineFacts; !f.IsEmpty() {
		part("f", text(f.Nation), ",", text(f.ImmigrationStatus), ",", text(f.NRMReasonableGrounds), ",", text(f.NRMConclusiveGrounds))
	}
	if n := d.NextStep; n.Due != "" {
		part("n", n.Code, ":", n.Due)
	}
	list = nil
	for i, st := range d.DoneDeadlineSteps {
		if i > 0 {
			list = append(list, ",")
		}
		list = append(list, st.Code, ":", st.Due)
	}
	if len(list) > 0 {
		part("x", list...)
	}
	return b.String()
}

// errBadDates is a dates line encodeDates cannot have written.
var errBadDates = fmt.Errorf("malformed dates in summary: %w", ErrCorrupt)

// decodeDates reads what encodeDates wrote.
func decodeDates(line string) (*CaseDates, error) {
	d := &CaseDates{}
	bad := errBadDates
	for p := range strings.SplitSeq(line, ";") {
		key, val, ok := strings.Cut(p, "=")
		if !ok {
			return nil, bad
		}
		switch key {
		case "d":
			var f [4]string
			if !splitInto(val, ',', f[:]) {
				return nil, bad
			}
			k := &d.KeyDates
			k.ReasonableGrounds, k.ConclusiveGrounds, k.LeaveGranted, k.LeaveExpires = f[0], f[1], f[2], f[3]
		case "b":
			for item := range strings.SplitSeq(val, ",") {
				var f [3]string
				if !splitInto(item, ':', f[:]) {
					return nil, bad
				}
				d.KeyDates.BenefitDecisions = append(d.KeyDates.BenefitDecisions,
					eligibility.BenefitDecision{Benefit: f[0], Decided: f[1], Refused: f[2] == "r"})
			}
		case "f":
			var f [4]string
			if !splitInto(val, ',', f[:]) {
				return nil, bad
			}
			d.DeadlineFacts = eligibility.Facts{Nation: enum[eligibility.Nation](f[0]),
				ImmigrationStatus:    enum[eligibility.ImmigrationStatus](f[1]),
				NRMReasonableGrounds: enum[eligibility.NRMReasonable](f[2]), NRMConclusiveGrounds: enum[eligibility.NRMConclusive](f[3])}
		case "n":
			code, due, ok := strings.Cut(val, ":")
			if !ok {
				return nil, bad
			}
			d.NextStep = jobs.Step{Code: code, Due: due}
		case "x":
			for item := range strings.SplitSeq(val, ",") {
				code, due, ok := strings.Cut(item, ":")
				if !ok {
					return nil, bad
				}
				d.DoneDeadlineSteps = append(d.DoneDeadlineSteps, jobs.Step{Code: code, Due: due, Done: true})
			}
		}
	}
	return d, nil
}

// splitInto splits s at sep into exactly len(into) parts, and reports false if the count differs.
func splitInto(s string, sep byte, into []string) bool {
	for i := range into {
		if i == len(into)-1 {
			into[i] = s
			return strings.IndexByte(s, sep) < 0
		}
		j := strings.IndexByte(s, sep)
		if j < 0 {
			return false
		}
		into[i], s = s[:j], s[j+1:]
	}
	return true
}

// isToken reports whether s is a non-empty run of letters, digits, "_" and "-".
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return s != ""
}

// text is an enumerated fact's value, "" when not known.
func text[T ~string](v *T) string {
	if v == nil {
		return ""
	}
	return string(*v)
}

// enum is a pointer to an enumerated fact's value, nil for "".
func enum[T ~string](s string) *T {
	if s == "" {
		return nil
	}
	v := T(s)
	return &v
}
