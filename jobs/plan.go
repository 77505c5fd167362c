package jobs

import (
	"slices"
	"time"

	"waymark/eligibility"
)

// The plan helpers below are what the plan screen does to a list of steps. Each is a pure
// function: it returns a new slice and never changes the one it was given, so the screen can
// keep the previous plan for undo and a half-finished edit never reaches the saved case. An
// index outside the plan leaves it unchanged, because the list a click came from may be a
// moment out of date.

// Accept adds a suggestion's step at the end of the plan, unless the plan already holds it
// (InPlan): accepting twice, or a step the adviser already added, does not duplicate it.
func Accept(steps []Step, s Suggestion) []Step {
	if s.Step.Code != "" && InPlan(steps, s.Step) {
		return slices.Clone(steps)
	}
	return append(slices.Clone(steps), s.Step)
}

// Pending returns the suggestions whose step is not yet in the plan, in their order, so the
// screen offers only what is left to accept. A step the adviser re-worded has lost its code
// and no longer hides its suggestion.
func Pending(steps []Step, suggestions []Suggestion) []Suggestion {
	var out []Suggestion
	for _, s := range suggestions {
		if !InPlan(steps, s.Step) {
			out = append(out, s)
		}
	}
	return out
}

// InPlan reports whether the plan already holds a suggested step: a step with the same code,
// whatever its date. A step only deadlines suggest (IsDeadlineStep) that is done counts only
// for a deadline within a month of its date, so the same deadline coming back later (a second
// refusal of the same benefit) is suggested again.
func InPlan(steps []Step, s Step) bool {
	day, dated := eligibility.ParseDate(s.Due)
	return slices.ContainsFunc(steps, func(st Step) bool {
		if st.Code != s.Code {
			return false
		}
		return !st.Done || !IsDeadlineStep(st.Code) || !dated || nearDay(st.Due, day)
	})
}

// MoveUp swaps step i with the one above it; the first step stays where it is.
func MoveUp(steps []Step, i int) []Step {
	out := slices.Clone(steps)
	if i > 0 && i < len(out) {
		out[i-1], out[i] = out[i], out[i-1]
	}
	return out
}

// MoveDown swaps step i with the one below it; the last step stays where it is.
func MoveDown(steps []Step, i int) []Step {
	out := slices.Clone(steps)
	if i >= 0 && i < len(out)-1 {
		out[i], out[i+1] = out[i+1], out[i]
	}
	return out
}

// Remove takes step i out of the plan.
func Remove(steps []Step, i int) []Step {
	if i < 0 || i >= len(steps) {
		return slices.Clone(steps)
	}
	return slices.Delete(slices.Clone(steps), i, i+1)
}

// EditText replaces step i's words. When the words change the step loses its Code: the printed
// plan translates a coded step from its message, which would no longer say what the adviser
// wrote. The text is not checked here; Step.Validate does that before the case is saved.
func EditText(steps []Step, i int, text string) []Step {
	out := slices.Clone(steps)
	if i >= 0 && i < len(out) && out[i].Text != text {
		out[i].Text, out[i].Code = text, ""
	}
	return out
}

// SetOwner changes who carries out step i.
func SetOwner(steps []Step, i int, o Owner) []Step {
	out := slices.Clone(steps)
	if i >= 0 && i < len(out) {
		out[i].Owner = o
	}
	return out
}

// SetDue changes step i's date (YYYY-MM-DD, or "" for none). A date that is not a real
// YYYY-MM-DD date is refused with a *eligibility.FieldError for "due" and the plan unchanged.
func SetDue(steps []Step, i int, due string) ([]Step, error) {
	if err := checkDue("due", due); err != nil {
		return slices.Clone(steps), err
	}
	out := slices.Clone(steps)
	if i >= 0 && i < len(out) {
		out[i].Due = due
	}
	return out, nil
}

// SetDone marks step i done or not done.
func SetDone(steps []Step, i int, done bool) []Step {
	out := slices.Clone(steps)
	if i >= 0 && i < len(out) {
		out[i].Done = done
	}
	return out
}

// ReviewAfterDays is how long after a plan is made its review date falls by default: four
// weeks gives time for a National Insurance number (up to 16 working days) or a first
// Universal Credit payment to arrive, and is well inside the 45 days of move-on support after
// a positive conclusive grounds decision.
const ReviewAfterDays = 28

// SuggestReview gives the default review date for a plan made on today.
func SuggestReview(today time.Time) string { return AddDays(today, ReviewAfterDays) }

// CheckReview accepts an empty review date (none set) or a real YYYY-MM-DD date, returning a
// *eligibility.FieldError for path otherwise.
func CheckReview(path, review string) error { return checkDue(path, review) }

// ReviewOverdue reports whether a plan's review date has passed on today. A plan without a
// review date is never overdue.
func ReviewOverdue(review string, today time.Time) bool {
	return review != "" && review < AddDays(today, 0)
}
