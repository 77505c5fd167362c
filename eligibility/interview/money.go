package interview

import (
	"math"
	"strconv"
	"strings"
)

// Money writes an amount of pounds as advisers read it on UK forms and letters: two decimals
// and commas between thousands ("1,250.50"), without the "£", which the message around it adds.
func Money(x float64) string {
	pence := int64(math.Round(math.Abs(x) * 100))
	whole, frac := strconv.FormatInt(pence/100, 10), pence%100
	var b strings.Builder
	if x < 0 && pence != 0 {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	b.WriteByte('.')
	if frac < 10 {
		b.WriteByte('0')
	}
	b.WriteString(strconv.FormatInt(frac, 10))
	return b.String()
}
