package storage

import "time"

// HistoryLine is one line of a case's history as an adviser reads it: a run of the same action
// by the same adviser on the same day, counted, so forty saved answers read as one line.
type HistoryLine struct {
	First, Last time.Time // the first and last entry of the run
	Adviser     string
	Action      string // one of the Action constants
	Count       int
}

// History groups audit entries (in order, as Audit returns them) into lines: entries join the
// line before when they have its adviser, action and calendar day (in the entries' own time
// zone). The newest line comes first, as a history is read.
func History(entries []AuditEntry) []HistoryLine {
	var lines []HistoryLine
	for _, e := range entries {
		if n := len(lines); n > 0 {
			l := &lines[n-1]
			if l.Adviser == e.Adviser && l.Action == e.Action && sameDay(l.Last, e.Time) {
				l.Last = e.Time
				l.Count++
				continue
			}
		}
		lines = append(lines, HistoryLine{First: e.Time, Last: e.Time, Adviser: e.Adviser, Action: e.Action, Count: 1})
	}
	for i, j := 0, len(lines)-1; i < j; i, j = i+1, j-1 {
		lines[i], lines[j] = lines[j], lines[i]
	}
	return lines
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}
