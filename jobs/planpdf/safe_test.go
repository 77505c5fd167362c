package planpdf

import "testing"

func TestNamesSensitive(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Ask about recovery support.", false},
		{"Support for survivors of trafficking", true},
		{"She was TRAFFICKED to the UK", true},
		{"Modern slavery helpline", true},
		{"People who were exploited", true},
		{"Explore local courses", false},
		{"Call the Home Office", true},
		{"Renew your visa", true},
		{"This is advisable", false},
		{"Bring your NRM letter", true},
		{"Keep this information safe", false},
		{"Ask for asylum support", true},
		{"Sprijin pentru victimele sclaviei moderne", true},
		{"Traficul de persoane este o infracțiune", true},
		{"Trafic rutier intens pe A1", false},
		{"Sfaturi despre imigrație", true},
		{"Wsparcie dla ofiar handlu ludźmi", true},
		{"Porady o wyzysku w pracy", true},
		{"Trafić do urzędu", false},
		{"Bezpłatne porady o wynagrodzeniu", false},
		{"", false},
	} {
		if got := namesSensitive(tc.text); got != tc.want {
			t.Errorf("namesSensitive(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
