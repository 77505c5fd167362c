package jobs

import (
	"os"
	"strings"
	"testing"
)

func mustReadCaseFile(tb testing.TB, path string) CaseFile {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	c, err := DecodeCaseFile(data)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return c
}

func mustReadProfile(tb testing.TB, path string) Profile {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := DecodeProfile(data)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return p
}

// containsTemplate reports a placeholder left unfilled in a rendered message.
func containsTemplate(s string) bool {
	return strings.Contains(s, "{{") || strings.Contains(s, "<no value>")
}
