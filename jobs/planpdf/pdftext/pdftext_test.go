package pdftext

import "testing"

func TestUnescape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`plain`, "plain"},
		{`a\(b\)c`, "a(b)c"},
		{`back\\slash`, `back\slash`},
		{`\r\n`, "\r\n"},
		{`\101\0`, "A\x00"},
	} {
		if got := string(unescape([]byte(tc.in))); got != tc.want {
			t.Errorf("unescape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDecodeUTF16(t *testing.T) {
	if s, err := decodeUTF16([]byte{0, 'H', 0x02, 0x19}); err != nil || s != "Hș" {
		t.Errorf("decodeUTF16 = %q, %v", s, err)
	}
	if _, err := decodeUTF16([]byte{0}); err == nil {
		t.Error("odd length accepted")
	}
}
