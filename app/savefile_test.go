package app

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
)

func TestSaveToWritesWholePrivateFilesOrNone(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	open := func(name string) (string, func() error) {
		path := filepath.Join(dir, name)
		w, err := fynestorage.Writer(fynestorage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		return path, func() error {
			return saveTo(w, func(out io.Writer) error { _, err := io.WriteString(out, "plan"); return err })
		}
	}
	path, save := open("plan.pdf")
	if err := save(); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("saved file: %v, mode %v; want 0600", err, info.Mode().Perm())
	}

	failPath := filepath.Join(dir, "half.pdf")
	w, err := fynestorage.Writer(fynestorage.NewFileURI(failPath))
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err = saveTo(w, func(out io.Writer) error { _, _ = io.WriteString(out, "half"); return boom })
	if !errors.Is(err, boom) {
		t.Errorf("saveTo = %v, want the fill's error", err)
	}
	if _, err := os.Stat(failPath); !os.IsNotExist(err) {
		t.Errorf("a failed save left %s behind (%v)", failPath, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left in the folder: %v", entries)
	}
}
