package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"waymark/storage"
)

// caseClosing is the case screen's part for closing a case with a reason and reopening it:
// a button that opens a small dialog asking why, and, on a closed case, a line saying since
// when and why, with Reopen. Closing is saved like any other change.
type caseClosing struct {
	s      *caseScreen
	button *widget.Button
	state  *widget.Label
	reopen *widget.Button
	row    *fyne.Container
	dlg    dialog.Dialog
	reason *widget.Select
}

func newCaseClosing(s *caseScreen) *caseClosing {
	c := &caseClosing{s: s}
	c.button = widget.NewButton("", c.onClose)
	c.state = paragraph()
	c.state.Importance = widget.WarningImportance
	c.reopen = widget.NewButton("", c.onReopen)
	c.row = container.NewBorder(nil, nil, nil, c.reopen, c.state)
	return c
}

// translate words the button and the closed line for the case as it stands.
func (c *caseClosing) translate() {
	tr := c.s.u.tr
	cs := c.s.c
	c.button.SetText(tr.T("casework.close.button"))
	c.reopen.SetText(tr.T("casework.close.reopen"))
	if cs.Status != storage.CaseClosed {
		c.row.Hide()
		c.button.Show()
		return
	}
	c.button.Hide()
	data := map[string]any{"Date": tr.DateText(cs.Closed), "Reason": ""}
	if cs.CloseReason != "" {
		data["Reason"] = tr.T("casework.close.reason." + string(cs.CloseReason))
	}
	switch {
	case cs.Closed == "":
		c.state.SetText(tr.T("casework.close.closed_undated"))
	default:
		c.state.SetText(tr.T("casework.close.closed", data))
	}
	c.row.Show()
}

func (c *caseClosing) reasonLabels() []string {
	var out []string
	for _, r := range storage.CloseReasons() {
		out = append(out, c.s.u.tr.T("casework.close.reason."+string(r)))
	}
	return out
}

// onClose asks why the case is being closed.
func (c *caseClosing) onClose() {
	u := c.s.u
	u.onInput()
	if c.s.iv == nil || u.session == nil {
		return
	}
	c.reason = widget.NewSelect(c.reasonLabels(), func(string) { u.onInput() })
	c.reason.PlaceHolder = u.tr.T("casework.close.choose")
	text := paragraph()
	text.SetText(u.tr.T("casework.close.explain"))
	d := dialog.NewCustomConfirm(u.tr.T("casework.close.title"), u.tr.T("casework.close.confirm"),
		u.tr.T("common.cancel"), container.NewVBox(text, c.reason), c.onConfirm, u.win)
	c.dlg = d
	u.openDialog(d)
	d.Resize(fyne.NewSize(pageWidth, d.MinSize().Height))
}

// onConfirm closes the case today with the reason chosen. With no reason chosen, nothing
// changes and the dialog says so next time: closing needs a reason for the counts.
func (c *caseClosing) onConfirm(ok bool) {
	s := c.s
	if !ok || s.iv == nil || c.reason == nil {
		return
	}
	i := c.reason.SelectedIndex()
	if i < 0 {
		s.problem.set(s.u.tr, notice{id: "casework.close.need_reason"})
		return
	}
	s.problem.set(s.u.tr, notice{})
	s.c.Status = storage.CaseClosed
	s.c.Closed = s.u.now().Format(time.DateOnly)
	s.c.CloseReason = storage.CloseReasons()[i]
	s.saveCase()
	c.translate()
}

// onReopen opens a closed case again; its plan and answers are as they were.
func (c *caseClosing) onReopen() {
	s := c.s
	s.u.onInput()
	if s.iv == nil {
		return
	}
	s.c.Status, s.c.Closed, s.c.CloseReason = storage.CaseOpen, "", ""
	s.saveCase()
	c.translate()
}
