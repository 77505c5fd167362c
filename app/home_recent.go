package app

import (
	"slices"

	"waymark/storage"
)

// maxRecent is how many recently opened cases the home screen lists: enough for the people
// seen in one drop-in session, few enough to read at a glance.
const maxRecent = 8

// homeMemory is what the home screen keeps while the vault stays unlocked, across the screens
// an adviser moves between: the cases opened, most recent first, and how the list was filtered
// and sorted. It belongs to one session, so a lock, or another adviser unlocking, starts it
// empty. What was typed in the search box is not kept: it may be a survivor's name.
type homeMemory struct {
	session *storage.Session
	recent  []string // case ids, most recent first
	filter  homeFilter
	side    int // the side column's list the adviser opened, plus one; 0 until they choose
}

// homeFilter is how the adviser narrowed and ordered the case list.
type homeFilter struct {
	status    storage.CaseStatus // "" for all
	language  string             // "" for all
	reviewDue bool               // only cases whose review is due today or overdue
	adviser   string             // "" for all
	sort      storage.SortKey
}

// homeMemory returns the memory of the current session, emptied first if it was kept for
// another one.
func (u *ui) homeMemory() *homeMemory {
	if u.home.session != u.session {
		u.home = homeMemory{session: u.session}
	}
	return &u.home
}

// noteOpened records that the case with this id was opened, so the home screen lists it under
// "Recently opened". The case screen calls it when a case is opened; opening a case again moves
// it to the top.
func (u *ui) noteOpened(id string) {
	if u.session == nil || id == "" {
		return
	}
	m := u.homeMemory()
	m.recent = slices.DeleteFunc(m.recent, func(x string) bool { return x == id })
	m.recent = slices.Insert(m.recent, 0, id)
	if len(m.recent) > maxRecent {
		m.recent = m.recent[:maxRecent]
	}
}

// forgetHome drops everything the home screen remembered; locking calls it through the
// screen's leave, and a new session would not see it anyway.
func (u *ui) forgetHome() { u.home = homeMemory{} }
