package printout

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// entries lists the names in dir, so a test can see a temporary file left behind.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range list {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFile(t *testing.T) {
	errFill := errors.New("layout failed")
	tests := []struct {
		name     string
		existing string // content already at the path; "" for none
		fill     func(io.Writer) error
		wantErr  error
		want     string // content at the path afterwards; "" for no file
	}{
		{"new file", "", func(w io.Writer) error { _, err := io.WriteString(w, "%PDF-plan"); return err }, nil, "%PDF-plan"},
		{"replaces a file", "old plan", func(w io.Writer) error { _, err := io.WriteString(w, "new plan"); return err }, nil, "new plan"},
		{"empty content", "", func(io.Writer) error { return nil }, nil, ""},
		{"fill fails before writing", "", func(io.Writer) error { return errFill }, errFill, ""},
		{"fill fails half way", "", func(w io.Writer) error {
			_, _ = io.WriteString(w, "%PDF-half")
			return errFill
		}, errFill, ""},
		{"failure keeps the old file", "old plan", func(w io.Writer) error {
			_, _ = io.WriteString(w, "half")
			return errFill
		}, errFill, "old plan"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "plan.pdf")
			if tc.existing != "" {
				if err := os.WriteFile(path, []byte(tc.existing), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			err := WriteFile(path, tc.fill)
			if !errors.Is(err, tc.wantErr) || (err == nil) != (tc.wantErr == nil) {
				t.Fatalf("WriteFile error = %v, want %v", err, tc.wantErr)
			}
			got, readErr := os.ReadFile(path)
			switch {
			case tc.want == "" && tc.existing == "" && tc.wantErr != nil:
				if !errors.Is(readErr, os.ErrNotExist) {
					t.Errorf("a failed write left a file: %q", got)
				}
			case readErr != nil:
				t.Fatalf("read result: %v", readErr)
			case string(got) != tc.want:
				t.Errorf("file holds %q, want %q", got, tc.want)
			}
			// Only the file itself, when there is one: never a temporary file.
			wantNames := 1
			if tc.existing == "" && tc.wantErr != nil {
				wantNames = 0
			}
			if names := entries(t, dir); len(names) != wantNames {
				t.Errorf("folder holds %q", names)
			}
		})
	}
}

func TestWriteFileIsPrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix permission bits")
	}
	path := filepath.Join(t.TempDir(), "plan.pdf")
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err }); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("permissions %v, want 0600", perm)
	}
}

func TestWriteFileRemovesTemporaryFileAfterPanic(t *testing.T) {
	dir := t.TempDir()
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic did not reach the caller")
			}
		}()
		_ = WriteFile(filepath.Join(dir, "plan.pdf"), func(w io.Writer) error {
			_, _ = io.WriteString(w, "%PDF-")
			panic("layout bug")
		})
	}()
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("folder holds %q after a panic", names)
	}
}

func TestWriteFileCannotReplace(t *testing.T) {
	dir := t.TempDir()
	// A folder where the file should go: the rename fails and nothing is left behind.
	target := filepath.Join(dir, "plan.pdf")
	if err := os.Mkdir(target, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "keep"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(target, func(w io.Writer) error { _, err := io.WriteString(w, "%PDF-"); return err })
	if err == nil {
		t.Fatal("replacing a folder succeeded")
	}
	if names := entries(t, dir); len(names) != 1 || names[0] != "plan.pdf" {
		t.Errorf("folder holds %q", names)
	}
	// A folder that does not exist: nothing can be created.
	missing := filepath.Join(dir, "no such folder", "plan.pdf")
	if err := WriteFile(missing, func(io.Writer) error { return nil }); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing folder: error %v, want one that is os.ErrNotExist", err)
	}
}

func TestWriteFileRelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := WriteFile("plan.pdf", func(w io.Writer) error { _, err := io.WriteString(w, "ok"); return err }); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(filepath.Join(dir, "plan.pdf")); err != nil || string(got) != "ok" {
		t.Errorf("read %q, %v", got, err)
	}
}
