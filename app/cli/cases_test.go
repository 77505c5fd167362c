package cli

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"waymark/storage"
)

func TestCaseImport(t *testing.T) {
	vault := newVault(t)
	file := writeFile(t, "case.json", caseFile("REF-001"))
	// Flags after the file are accepted as well as before it.
	r := run(t, call{args: []string{"case", "import", file, "--adviser", "ana", "--vault", vault, "--passphrase-stdin"},
		stdin: adminPass + "\n"})
	r.want(t, 0)
	if !strings.Contains(r.stdout, "REF-001") {
		t.Errorf("stdout %q does not give the reference", r.stdout)
	}

	v, err := storage.Open(vault, &storage.Options{KDF: storage.FastTestKDF})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	s, err := v.Unlock("ana", []byte(adminPass))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Lock()
	list, err := s.ListCases()
	if err != nil || len(list) != 1 {
		t.Fatalf("ListCases = %v, %v; want one case", list, err)
	}
	c, err := s.Case(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Reference != "REF-001" || c.Name != "Maria Popescu" || c.Language != "ro" || c.Status != storage.CaseOpen || c.Opened != "2026-11-23" {
		t.Errorf("stored case header %+v", c)
	}
	if c.Facts.Age == nil || *c.Facts.Age != 34 || c.Facts.Nationality == nil || *c.Facts.Nationality != "RO" {
		t.Errorf("facts not stored: %+v", c.Facts)
	}
	if len(c.Steps) != 1 || c.Steps[0].Owner != "survivor" || c.Steps[0].Due != "2026-12-15" {
		t.Errorf("steps not stored: %+v", c.Steps)
	}
}

// TestCaseImportBadFile: a mistake in the file is exit 2 with one line naming the field, found
// before any passphrase is asked for.
func TestCaseImportBadFile(t *testing.T) {
	vault := newVault(t)
	for _, c := range []struct {
		name, content, field string
	}{
		{"bad owner", `{"reference": "R1", "language": "ro", "steps": [{"text": "Call the council", "owner": "boss"}]}`, "steps[0].owner"},
		{"bad date", `{"reference": "R1", "language": "ro", "steps": [{"text": "Call", "owner": "adviser", "due": "2026-02-30"}]}`, "steps[0].due"},
		{"unknown fact", `{"reference": "R1", "language": "ro", "facts": {"agee": 30}}`, "facts.agee"},
		{"wrong type", `{"reference": "R1", "language": "ro", "facts": {"age": "thirty"}}`, "facts.age"},
		{"bad enum", `{"reference": "R1", "language": "ro", "facts": {"nation": "france"}}`, "facts.nation"},
		{"missing reference", `{"language": "ro"}`, "reference"},
		{"unknown top-level key", `{"reference": "R1", "language": "ro", "notes": "x"}`, "notes"},
		{"not JSON", "{\"reference\": \"R1\",\n \"language\": }", "line 2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			term := &fakeTerminal{tty: true, answers: []string{adminPass}}
			file := writeFile(t, "case.json", c.content)
			r := run(t, call{args: []string{"case", "import", "--adviser", "ana", "--vault", vault, file}, term: term})
			r.want(t, 2, c.field)
			if len(term.prompts) != 0 {
				t.Errorf("asked for the passphrase before checking the file")
			}
			for _, leak := range []string{"boss", "france", "thirty", "2026-02-30"} {
				if strings.Contains(r.stderr, leak) {
					t.Errorf("stderr %q repeats the value %q", r.stderr, leak)
				}
			}
		})
	}
	if refs := listRefs(t, vault); len(refs) != 0 {
		t.Errorf("bad files added cases: %v", refs)
	}
}

func TestCaseImportFailures(t *testing.T) {
	vault := newVault(t)
	importCase(t, vault, "REF-001")
	addAdviser(t, vault)
	dup := writeFile(t, "dup.json", caseFile("REF-001"))
	other := writeFile(t, "other.json", caseFile("REF-002"))
	missingVault := filepath.Join(t.TempDir(), "none.db")
	for _, c := range []struct {
		name   string
		args   []string
		stdin  string
		code   int
		errHas string
	}{
		{"duplicate reference", []string{"--adviser", "ana", "--vault", vault, dup}, adminPass, 1, "already has this reference"},
		{"wrong passphrase", []string{"--adviser", "ana", "--vault", vault, other}, adminPass + "!", 1, "does not open this vault"},
		{"unknown adviser", []string{"--adviser", "zoe", "--vault", vault, other}, adminPass, 1, "no adviser with that name"},
		{"no vault", []string{"--adviser", "ana", "--vault", missingVault, other}, adminPass, 1, "no Waymark vault"},
		{"no such case file", []string{"--adviser", "ana", "--vault", vault, filepath.Join(t.TempDir(), "nope.json")}, adminPass, 1, "does not exist"},
		{"another adviser's passphrase", []string{"--adviser", "ben", "--vault", vault, other}, adminPass, 1, "does not open this vault"},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"case", "import", "--passphrase-stdin"}, c.args...)
			r := run(t, call{args: args, stdin: c.stdin + "\n"})
			r.want(t, c.code, c.errHas)
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
		})
	}
	if refs := listRefs(t, vault); !reflect.DeepEqual(refs, []string{"REF-001"}) {
		t.Errorf("after the failures the vault holds %v, want only REF-001", refs)
	}
	// A plain adviser may import with their own passphrase.
	run(t, call{args: []string{"case", "import", "--adviser", "ben", "--vault", vault, "--passphrase-stdin", other},
		stdin: adviserPass + "\n"}).want(t, 0)
}

func TestCaseImportNeedsPassphraseSource(t *testing.T) {
	vault := newVault(t)
	file := writeFile(t, "case.json", caseFile("REF-001"))
	run(t, call{args: []string{"case", "import", "--adviser", "ana", "--vault", vault, file}}).
		want(t, 2, "not a terminal", "--passphrase-stdin")
	// On a terminal the passphrase is asked for once, naming the adviser.
	term := &fakeTerminal{tty: true, answers: []string{adminPass}}
	run(t, call{args: []string{"case", "import", "--adviser", "ana", "--vault", vault, file}, term: term}).want(t, 0)
	if len(term.prompts) != 1 || !strings.Contains(term.prompts[0], "ana") {
		t.Errorf("prompts %q, want one naming ana", term.prompts)
	}
}

func TestCaseListJSON(t *testing.T) {
	vault := newVault(t)
	list := func() []map[string]any {
		t.Helper()
		r := run(t, call{args: []string{"case", "list", "--json", "--adviser", "ana", "--vault", vault, "--passphrase-stdin"},
			stdin: adminPass + "\n"})
		r.want(t, 0)
		var got []map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatalf("--json output does not parse: %v\n%s", err, r.stdout)
		}
		if got == nil {
			t.Fatalf("--json gave %q, want an array", r.stdout)
		}
		return got
	}
	if got := list(); len(got) != 0 {
		t.Fatalf("empty vault listed %v", got)
	}
	importCase(t, vault, "REF-B")
	importCase(t, vault, "REF-A")
	got := list()
	if len(got) != 2 {
		t.Fatalf("listed %d cases, want 2", len(got))
	}
	wantKeys := []string{"id", "language", "name", "opened", "reference", "review", "status"}
	for i, c := range got {
		var keys []string
		for k := range c {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if !reflect.DeepEqual(keys, wantKeys) {
			t.Errorf("case %d has keys %v, want exactly %v", i, keys, wantKeys)
		}
		if id, _ := c["id"].(string); id == "" {
			t.Errorf("case %d has no id", i)
		}
	}
	first := got[0]
	for k, want := range map[string]string{"reference": "REF-A", "name": "Maria Popescu", "language": "ro", "status": "open", "opened": "2026-11-23", "review": ""} {
		if first[k] != want {
			t.Errorf("first case %s = %v, want %q", k, first[k], want)
		}
	}
	if got[1]["reference"] != "REF-B" {
		t.Errorf("not sorted by reference: %v", got)
	}
}

func TestCaseListTable(t *testing.T) {
	vault := newVault(t)
	args := []string{"case", "list", "--adviser", "ana", "--vault", vault, "--passphrase-stdin"}
	r := run(t, call{args: args, stdin: adminPass + "\n"})
	r.want(t, 0)
	if !strings.Contains(r.stdout, "no cases") {
		t.Errorf("empty list says %q", r.stdout)
	}
	importCase(t, vault, "REF-LONGER-REFERENCE")
	importCase(t, vault, "R1")
	r = run(t, call{args: args, stdin: adminPass + "\n"})
	r.want(t, 0)
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("table %q, want a header and two rows", r.stdout)
	}
	if !strings.HasPrefix(lines[0], "REFERENCE") || !strings.HasPrefix(lines[1], "R1 ") || !strings.HasPrefix(lines[2], "REF-LONGER-REFERENCE ") {
		t.Errorf("rows not in reference order under the header:\n%s", r.stdout)
	}
	// Columns are aligned: the status column starts at the same place on every line.
	col := strings.Index(lines[0], "STATUS")
	for _, l := range lines[1:] {
		if strings.Index(l, "open") != col {
			t.Errorf("misaligned table:\n%s", r.stdout)
		}
		if !strings.Contains(l, "2026-11-23") || !strings.HasSuffix(l, "ro") {
			t.Errorf("row %q lacks the opened date or language", l)
		}
		if strings.Contains(l, "Maria") {
			t.Errorf("the text table shows the survivor's name: %q", l)
		}
	}
	// Romanian headers and status.
	r = run(t, call{args: args, stdin: adminPass + "\n", env: map[string]string{"WAYMARK_LANG": "ro"}})
	r.want(t, 0)
	if !strings.Contains(r.stdout, "REFERINȚĂ") || !strings.Contains(r.stdout, "deschis") {
		t.Errorf("Romanian table %q", r.stdout)
	}
}
