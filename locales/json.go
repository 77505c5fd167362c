package locales

import (
	"encoding/json"
	"fmt"
)

// jsonUnmarshal is the unmarshaller go-i18n uses for our files: plain encoding/json.
func jsonUnmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }

// decodeFile reads one message file into id → forms. A plain string message becomes
// {"other": s}; an object keeps its plural forms. Its "description" (a note to translators)
// and "hash" (goi18n's fingerprint of the English a translation was made from) are not text
// anyone reads, so they are dropped here.
func decodeFile(data []byte) (map[string]rawMessage, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, err
	}
	out := make(map[string]rawMessage, len(top))
	for id, raw := range top {
		var s string
		if err := json.Unmarshal(raw, &s); err == nil {
			out[id] = rawMessage{"other": s}
			continue
		}
		var m map[string]string
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("message %q is neither a string nor an object of strings", id)
		}
		delete(m, "description")
		delete(m, "hash")
		out[id] = rawMessage(m)
	}
	return out, nil
}
