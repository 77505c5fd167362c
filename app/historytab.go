package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"waymark/locales"
	"waymark/storage"
)

// historyTab is the case's history, read from the audit trail: who opened, changed, printed
// or exported it, and when, newest first, with runs of the same action on one day counted on
// one line. It is read again each time the tab is shown.
type historyTab struct {
	s       *caseScreen
	intro   *widget.Label
	list    *fyne.Container
	problem *noticeLabel
	lines   []storage.HistoryLine
	content fyne.CanvasObject
}

func newHistoryTab(s *caseScreen) *historyTab {
	t := &historyTab{s: s, intro: paragraph(), list: container.NewVBox(), problem: newNoticeLabel()}
	t.content = container.NewVScroll(container.NewPadded(container.NewVBox(t.intro, t.problem.label, t.list)))
	return t
}

func (t *historyTab) view() fyne.CanvasObject { return t.content }

// load reads the case's audit entries off the UI goroutine.
func (t *historyTab) load() {
	u, id, epoch := t.s.u, t.s.id, t.s.epoch
	sess := u.session
	if sess == nil {
		return
	}
	var (
		entries []storage.AuditEntry
		err     error
	)
	u.run(func() { entries, err = sess.Audit(id) }, func() {
		if u.epoch != epoch || u.current != t.s {
			return
		}
		if err != nil {
			logUnexpected("read case history", err)
			t.problem.set(u.tr, notice{err: err})
			return
		}
		t.problem.set(u.tr, notice{})
		t.lines = storage.History(entries)
		t.translate()
	})
}

func (t *historyTab) translate() {
	tr := t.s.u.tr
	t.intro.SetText(tr.T("casework.history.intro"))
	t.problem.translate(tr)
	t.list.Objects = nil
	for _, l := range t.lines {
		label := paragraph()
		label.SetText(historyText(tr, l))
		t.list.Add(label)
	}
	t.list.Refresh()
}

// historyText words one line: "2026-11-23 10:42 · Ana Popescu: changed the case 3 times".
func historyText(tr *locales.Translator, l storage.HistoryLine) string {
	action := l.Action
	if id := "casework.history.action." + l.Action; locales.Has(id) {
		action = tr.N(id, l.Count)
	}
	return tr.T("casework.history.line", map[string]any{
		"When":    l.Last.Local().Format("2006-01-02 15:04"),
		"Adviser": l.Adviser,
		"Action":  action,
	})
}
