package eligibility

import "sort"

// Waiting is one unknown fact and how many open results wait for it.
type Waiting struct {
	Fact    string // the fact's JSON name
	Results int    // the need_info results that list it as missing
}

// RankMissing lists every unknown fact some need_info result waits for, the most awaited first
// and ties in contract order: the order NextQuestion would ask them in. The interview walks
// down it past the questions an adviser chose to skip; a fact no open result lists never
// appears, so it is never asked.
func RankMissing(r Results) []Waiting {
	var counts [maxFacts]int
	for _, res := range r.Results {
		if res.Status != NeedInfo {
			continue
		}
		for _, name := range res.Missing {
			if f, ok := FactNamed(name); ok {
				counts[f]++
			}
		}
	}
	var out []Waiting
	for f := Fact(0); f < maxFacts; f++ {
		if counts[f] > 0 {
			out = append(out, Waiting{Fact: f.Name(), Results: counts[f]})
		}
	}
	// A stable sort keeps contract order among facts awaited by as many results.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Results > out[j].Results })
	return out
}
