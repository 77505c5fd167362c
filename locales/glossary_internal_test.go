package locales

import (
	"strings"
	"testing"
)

// Every glossary message belongs to a term, so a removed term leaves no orphan to translate.
func TestNoOrphanGlossaryMessages(t *testing.T) {
	msgs, err := sourceMessages()
	if err != nil {
		t.Fatal(err)
	}
	for _, term := range glossary {
		if _, ok := msgs["glossary."+term.ID]; !ok {
			t.Errorf("term %s has no English explanation", term.ID)
		}
	}
	for id := range msgs {
		if rest, ok := strings.CutPrefix(id, "glossary."); ok {
			if _, known := TermName(rest); !known {
				t.Errorf("message %s has no term", id)
			}
		}
	}
}
