package app

import (
	"io"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"

	"waymark/app/printout"
)

// saveTo writes what fill produces to the place a file dialog chose. A file on this laptop is
// written whole to a temporary file readable only by this account, synced and renamed over
// the one the dialog made (printout.WriteFile); any other place is written as a stream. Either
// way a failure leaves no file behind, so nothing half-written is mistaken for a good one.
// It does I/O: call it off the UI goroutine.
func saveTo(w fyne.URIWriteCloser, fill func(io.Writer) error) error {
	uri := w.URI()
	var err error
	if uri.Scheme() == "file" {
		_ = w.Close() // the dialog made the file; WriteFile replaces it whole
		err = printout.WriteFile(uri.Path(), fill)
	} else {
		err = fill(w)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		_ = fynestorage.Delete(uri)
	}
	return err
}
