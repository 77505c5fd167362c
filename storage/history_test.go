package storage

import (
	"testing"
	"time"
)

func TestHistoryGroupsRunsNewestFirst(t *testing.T) {
	at := func(day, hour int) time.Time { return time.Date(2026, 11, day, hour, 0, 0, 0, time.UTC) }
	entries := []AuditEntry{
		{Time: at(20, 9), Adviser: "Ana", Action: ActionCreate},
		{Time: at(20, 9), Adviser: "Ana", Action: ActionChange},
		{Time: at(20, 10), Adviser: "Ana", Action: ActionChange},
		{Time: at(20, 11), Adviser: "Ana", Action: ActionChange},
		{Time: at(20, 12), Adviser: "Ion", Action: ActionChange}, // another adviser
		{Time: at(21, 9), Adviser: "Ion", Action: ActionChange},  // another day
		{Time: at(21, 10), Adviser: "Ion", Action: ActionPrint},
	}
	got := History(entries)
	want := []HistoryLine{
		{at(21, 10), at(21, 10), "Ion", ActionPrint, 1},
		{at(21, 9), at(21, 9), "Ion", ActionChange, 1},
		{at(20, 12), at(20, 12), "Ion", ActionChange, 1},
		{at(20, 9), at(20, 11), "Ana", ActionChange, 3},
		{at(20, 9), at(20, 9), "Ana", ActionCreate, 1},
	}
	if len(got) != len(want) {
		t.Fatalf("History = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if len(History(nil)) != 0 {
		t.Error("an empty trail has history")
	}
}
