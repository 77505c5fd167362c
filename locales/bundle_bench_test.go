package locales

import "testing"

// BenchmarkBundleEnglish is the start-up cost every command pays for its messages: parsing the
// English files (a run in another language parses that language's too).
func BenchmarkBundleEnglish(b *testing.B) {
	for b.Loop() {
		bundlesMu.Lock()
		delete(bundles, "en")
		bundlesMu.Unlock()
		if _, err := bundleFor("en"); err != nil {
			b.Fatal(err)
		}
	}
}
