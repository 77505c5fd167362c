package storage

import (
	"sort"
	"time"
)

// Retention of closed cases. UK GDPR Article 5(1)(e) says personal data is kept no longer than
// needed, and leaves the period to the organisation, so there is no default: until an admin
// sets one, no case is ever due for erasure and the administration screen says so.
// retention is the period in months; 0 (not set) up to twenty years, since anything longer is a
// typing slip.
var retention = intSetting{name: "retention_months", what: "retention", unset: 0, min: 0, max: 240}

// RetentionMonths returns how many months a closed case is kept before it is due for erasure;
// 0 means the organisation has not set a period. The setting is sealed like the idle lock.
func (s *Session) RetentionMonths() (int, error) { return s.readInt(retention) }

// SetRetentionMonths sets the retention period for closed cases, 0 (not set) to 240 months.
// Admin only. Audits "change_settings".
func (s *Session) SetRetentionMonths(n int) error { return s.writeInt(retention, n) }

// DueForErasure lists the closed cases kept for months or longer by today (YYYY-MM-DD), oldest
// closure first: a case closed on 31 January with 1 month is due on 28 (or 29) February, the
// last day of the shorter month, never skipped into March. months 0 or an unreadable today
// gives none; a closed case with no readable closing day is listed, because keeping it forever
// unnoticed is the worse mistake.
func DueForErasure(cases []CaseSummary, months int, today string) []CaseSummary {
	now, err := time.Parse(time.DateOnly, today)
	if months <= 0 || err != nil {
		return nil
	}
	var due []CaseSummary
	for _, c := range cases {
		if c.Status != CaseClosed {
			continue
		}
		closed, err := time.Parse(time.DateOnly, c.Closed)
		if err != nil || !addMonths(closed, months).After(now) {
			due = append(due, c)
		}
	}
	sort.SliceStable(due, func(i, j int) bool { return due[i].Closed < due[j].Closed })
	return due
}

// addMonths moves d on by n calendar months, clamping to the end of a shorter month.
func addMonths(d time.Time, n int) time.Time {
	y, m, day := d.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(day, last), 0, 0, 0, 0, time.UTC)
}
