// Package planpdf prints a survivor's action plan as a PDF they can take home: their language
// beside English, large type, a tick box for every step, dates written out, what to bring to each
// appointment, what help they may get, and phone numbers that can help.
//
// A survivor may read little English, may read little at all, and may live where an exploiter
// could see the page. So sentences are short, the body is at least 12 pt, and a safe print
// leaves out their surname, immigration and NRM details and every word that names trafficking.
// The package takes translators rather than loading messages itself and does no I/O beyond the
// writer it is given, so the desktop app, the command line and tests make the same document.
package planpdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"waymark/eligibility"
	"waymark/jobs"
)

// PageSize is the paper the plan is laid out for.
type PageSize string

// The paper sizes: A4 is the default in the UK; Letter is for printers set up for it.
const (
	A4     PageSize = "A4"
	Letter PageSize = "Letter"
)

// ErrNoDate means the plan was asked for without the date it is made on, which every plan prints
// and which dates its benefit results.
var ErrNoDate = errors.New("planpdf: the plan has no date")

// ErrPageSize means a paper size other than A4 or Letter was asked for.
var ErrPageSize = errors.New("planpdf: unknown page size")

// Input is everything one printed plan shows. Render decides what a safe print leaves out, so
// callers pass the whole case and the Safe choice rather than filtering first.
type Input struct {
	// Reference is the adviser's case reference, printed small at the foot of each page so a
	// returned plan can be matched to its case. It is not personal data.
	Reference string
	// GivenName is the survivor's given name; the only name a safe print shows.
	GivenName string
	// FullName is the survivor's whole name, shown on a plan that is not a safe print (the given
	// name is used when it is empty).
	FullName string
	// Language is the survivor's language code, e.g. "ro". With "en" the plan is in English
	// only; so it is when the survivor's translator turns out to speak English (a language this
	// build does not ship).
	Language string
	// Nation is where the survivor lives, to choose helplines ("" when not known).
	Nation eligibility.Nation
	// Date is the day the plan is made; required.
	Date time.Time
	// Review is the day the plan will be looked at again, YYYY-MM-DD, or "" for none.
	Review string
	// Results are the eligibility results on Date; eligible benefits and those needing more
	// information are listed. Render translates them itself.
	Results eligibility.Results
	// Steps are the plan's steps in the adviser's order.
	Steps []jobs.Step
	// Safe asks for a safe print: no surname or full name, no immigration or NRM details, and
	// nothing that names trafficking or exploitation, helplines included.
	Safe bool
	// Page is the paper size; "" means A4.
	Page PageSize
}

// Render lays out the plan and writes the PDF to w. survivor speaks the survivor's language and
// english speaks English. Nothing is written to w unless the whole document was built, so a
// failure never leaves a partial PDF. Problems with the input are a *eligibility.FieldError
// (a bad step or review date), a *GlyphError (text the font cannot show), ErrNoDate or
// ErrPageSize.
func Render(w io.Writer, in Input, survivor, english eligibility.Translator) error {
	var buf bytes.Buffer
	if err := render(&buf, in, survivor, english); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write plan: %w", err)
	}
	return nil
}

// render builds the document into buf, which the caller discards on error.
func render(buf *bytes.Buffer, in Input, survivor, english eligibility.Translator) error {
	page := in.Page
	if page == "" {
		page = A4
	}
	if page != A4 && page != Letter {
		return ErrPageSize
	}
	m, err := build(in, survivor, english)
	if err != nil {
		return err
	}
	return layOut(buf, m, page)
}
