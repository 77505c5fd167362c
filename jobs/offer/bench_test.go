package offer

import (
	"testing"

	"waymark/locales"
)

// BenchmarkCheck measures one offer check with every flag raised, the slowest case. The
// budget in issue 4 is 50 µs.
func BenchmarkCheck(b *testing.B) {
	o := allFlagsOffer(b)
	b.ReportAllocs()
	for b.Loop() {
		if res := Check(o, checkDay); len(res.Flags) == 0 {
			b.Fatal("no flags")
		}
	}
}

// BenchmarkCheckFairOffer measures an offer with its pay worked out and no flags.
func BenchmarkCheckFairOffer(b *testing.B) {
	o, err := Decode([]byte(`{"date": "2025-11-23", "worker_age": 30, "hourly_pay": 12.5,
	  "weekly_hours": 40, "accommodation_by_employer": true, "accommodation_charge_weekly": 50,
	  "written_contract": true, "payslips": true, "free_to_leave": true}`))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if res := Check(o, checkDay); res.EffectiveHourlyPay == nil {
			b.Fatal("pay not worked out")
		}
	}
}

// BenchmarkDecodeCheckLocalize is what `waymark offer-check` does after reading the file.
func BenchmarkDecodeCheckLocalize(b *testing.B) {
	tr := locales.New("ro")
	data := []byte(fullOffer)
	b.ReportAllocs()
	for b.Loop() {
		o, err := Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		res := Check(o, checkDay)
		res.Localize(tr)
	}
}
