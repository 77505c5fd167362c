// Command genparams writes eligibility/uk/parameters_gen.go: the UK pack's YAML parameter
// files, loaded and validated by params.Load with the pack's own source rules, as Go literals.
// The pack builds its parameter set from those literals at start-up, because parsing the YAML
// there took about 8 ms of the 50 ms budget of a whole `waymark check`. Run it through
//
//	go generate ./eligibility/uk
//
// which runs it in eligibility/uk, where the default paths point. It does not import the pack,
// so it still runs when the generated file is stale or missing.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"waymark/eligibility/params"
	"waymark/eligibility/uk/internal/ukparams"
)

func main() {
	dir := flag.String("dir", "parameters", "folder of YAML parameter files")
	out := flag.String("out", "parameters_gen.go", "Go file to write")
	flag.Parse()
	changed, err := generate(os.DirFS(*dir), *out)
	if err != nil {
		fmt.Fprintf(os.Stderr, "genparams: %v\n", err)
		os.Exit(1)
	}
	if changed {
		fmt.Fprintf(os.Stderr, "genparams: wrote %s\n", *out)
	}
}

// generate loads the parameter files in fsys and writes their Go source to out. It reports
// whether the file changed; an unchanged file is not rewritten, so its time stamp (and any
// build cache keyed on it) survives a no-op run.
func generate(fsys fs.FS, out string) (bool, error) {
	set, err := params.Load(fsys, ".", ukparams.Options())
	if err != nil {
		return false, fmt.Errorf("load parameter files: %w", err)
	}
	src, err := Source(set)
	if err != nil {
		return false, err
	}
	old, err := os.ReadFile(out)
	switch {
	case err == nil && bytes.Equal(old, src):
		return false, nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return false, fmt.Errorf("read %s: %w", out, err)
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		return false, fmt.Errorf("write %s: %w", out, err)
	}
	return true, nil
}
