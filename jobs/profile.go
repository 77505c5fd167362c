package jobs

import (
	"slices"

	"waymark/eligibility"
)

// Level is how well someone speaks a language: a CEFR level (A1 beginner to C2 mastery), or
// "native" for a first language. The empty Level means not assessed.
type Level string

// The levels, lowest first, as spelled in the profile JSON.
const (
	LevelA1     Level = "A1"
	LevelA2     Level = "A2"
	LevelB1     Level = "B1"
	LevelB2     Level = "B2"
	LevelC1     Level = "C1"
	LevelC2     Level = "C2"
	LevelNative Level = "native"
)

// Levels lists the allowed levels, lowest first, for pickers and error messages.
func Levels() []string {
	return []string{string(LevelA1), string(LevelA2), string(LevelB1), string(LevelB2),
		string(LevelC1), string(LevelC2), string(LevelNative)}
}

// Below reports whether l is a known level lower than m (so "A2" is below "B1", and nothing
// is below an unassessed level). The plan uses it to suggest English classes below B1, the
// level most jobs with customers or written instructions expect.
func (l Level) Below(m Level) bool {
	li, mi := slices.Index(Levels(), string(l)), slices.Index(Levels(), string(m))
	return li >= 0 && mi >= 0 && li < mi
}

// Barrier is something that stands between a survivor and safe work, recorded so the plan can
// suggest the step that removes it.
type Barrier string

// The barriers, as spelled in the profile JSON.
const (
	BarrierNoID           Barrier = "no_id"
	BarrierNoNINO         Barrier = "no_nino"
	BarrierNoBankAccount  Barrier = "no_bank_account"
	BarrierHousing        Barrier = "housing"
	BarrierHealth         Barrier = "health"
	BarrierChildcare      Barrier = "childcare"
	BarrierDebt           Barrier = "debt"
	BarrierCriminalRecord Barrier = "criminal_record" // from forced criminality
	BarrierTrauma         Barrier = "trauma"
)

// Barriers lists the barrier ids in the order the profile screen shows them.
func Barriers() []string {
	return []string{string(BarrierNoID), string(BarrierNoNINO), string(BarrierNoBankAccount),
		string(BarrierHousing), string(BarrierHealth), string(BarrierChildcare), string(BarrierDebt),
		string(BarrierCriminalRecord), string(BarrierTrauma)}
}

// Goal is what the survivor wants to work towards; goals drive the work and learning steps
// of the plan.
type Goal string

// The goals, as spelled in the profile JSON.
const (
	GoalWork           Goal = "work"            // find paid work
	GoalEnglish        Goal = "english"         // improve English
	GoalTraining       Goal = "training"        // learn a trade or get a certificate
	GoalEducation      Goal = "education"       // college or university
	GoalVolunteering   Goal = "volunteering"    // UK experience and references
	GoalSelfEmployment Goal = "self_employment" // work for themselves
)

// Goals lists the goal ids in the order the profile screen shows them.
func Goals() []string {
	return []string{string(GoalWork), string(GoalEnglish), string(GoalTraining),
		string(GoalEducation), string(GoalVolunteering), string(GoalSelfEmployment)}
}

// Sectors lists the work sectors, the same ids as the job offer's "sector" in DESIGN.md, so a
// sector to avoid can be matched against an offer.
func Sectors() []string {
	return []string{"agriculture", "food_processing", "shellfish", "construction", "hospitality",
		"care", "cleaning", "car_wash", "nail_bar", "warehouse", "manufacturing", "other"}
}

// Language is one language the survivor speaks: a lower-case ISO 639 code and how well.
type Language struct {
	Code  string `json:"code"`
	Level Level  `json:"level,omitempty"`
}

// Job is one piece of past work. Exploitative marks work the survivor was exploited in: the
// plan then covers rights at work, and the adviser can tell whether to avoid that sector.
type Job struct {
	Sector       string `json:"sector"`
	Role         string `json:"role,omitempty"`
	Months       int    `json:"months,omitempty"` // how long, in whole months; 0 when under a month or not known
	Exploitative bool   `json:"exploitative"`
}

// Profile is a survivor's employability profile: what they can do, what stands in the way and
// what they want. Every field is optional, so a profile can be filled over several sessions.
// Lists never hold the same id twice; an empty list and a missing one are the same (nil).
type Profile struct {
	Languages      []Language `json:"languages,omitempty"`
	EnglishLevel   Level      `json:"english_level,omitempty"`
	Skills         []string   `json:"skills,omitempty"`
	WorkHistory    []Job      `json:"work_history,omitempty"`
	Qualifications []string   `json:"qualifications,omitempty"`
	Barriers       []Barrier  `json:"barriers,omitempty"`
	Goals          []Goal     `json:"goals,omitempty"`
	AvoidSectors   []string   `json:"avoid_sectors,omitempty"`
}

// Limits of the profile: room for any real history, small enough to catch a pasted document.
const (
	MaxProfileItems     = 50  // items in any one list
	MaxProfileTextChars = 200 // a skill, qualification or role
	MaxJobMonths        = 600 // fifty years
	MaxProfileBytes     = 1 << 18
)

// IsZero reports whether nothing has been recorded, so storage and case files can leave an
// empty profile out.
func (p Profile) IsZero() bool {
	return len(p.Languages) == 0 && p.EnglishLevel == "" && len(p.Skills) == 0 &&
		len(p.WorkHistory) == 0 && len(p.Qualifications) == 0 && len(p.Barriers) == 0 &&
		len(p.Goals) == 0 && len(p.AvoidSectors) == 0
}

// HasBarrier reports whether the profile records barrier b.
func (p Profile) HasBarrier(b Barrier) bool { return slices.Contains(p.Barriers, b) }

// HasGoal reports whether the profile records goal g.
func (p Profile) HasGoal(g Goal) bool { return slices.Contains(p.Goals, g) }

// Validate checks a profile built in code (by the profile screen, or read from the vault)
// against the rules DecodeProfile enforces, returning the first mistake as a
// *eligibility.FieldError with a path such as "work_history[1].sector".
func (p Profile) Validate() error {
	if err := checkCount("languages", len(p.Languages)); err != nil {
		return err
	}
	for i, l := range p.Languages {
		if err := checkLanguageItem(p.Languages[:i], l, eligibility.IndexPath("languages", i)); err != nil {
			return err
		}
	}
	if err := checkLevel("english_level", p.EnglishLevel); err != nil {
		return err
	}
	if err := checkTextList("skills", p.Skills); err != nil {
		return err
	}
	if err := checkCount("work_history", len(p.WorkHistory)); err != nil {
		return err
	}
	for i, j := range p.WorkHistory {
		if err := checkJob(eligibility.IndexPath("work_history", i), j); err != nil {
			return err
		}
	}
	if err := checkTextList("qualifications", p.Qualifications); err != nil {
		return err
	}
	if err := checkIDList("barriers", p.Barriers, Barriers()); err != nil {
		return err
	}
	if err := checkIDList("goals", p.Goals, Goals()); err != nil {
		return err
	}
	return checkIDList("avoid_sectors", p.AvoidSectors, Sectors())
}

// checkCount refuses a list longer than MaxProfileItems.
func checkCount(path string, n int) error {
	if n > MaxProfileItems {
		return tooManyItems(path)
	}
	return nil
}

// checkLanguageItem checks one spoken language, given the ones before it.
func checkLanguageItem(before []Language, l Language, path string) error {
	if err := checkLanguage(path+".code", l.Code); err != nil {
		return err
	}
	for _, b := range before {
		if b.Code == l.Code {
			return onceError(path + ".code")
		}
	}
	return checkLevel(path+".level", l.Level)
}

// checkLevel accepts no level or one of Levels().
func checkLevel(path string, l Level) error {
	if l == "" || slices.Contains(Levels(), string(l)) {
		return nil
	}
	return valueError(path, Levels())
}

// checkJob checks one entry of the work history.
func checkJob(path string, j Job) error {
	if j.Sector == "" {
		return missingError(path + ".sector")
	}
	if !slices.Contains(Sectors(), j.Sector) {
		return valueError(path+".sector", Sectors())
	}
	if err := checkText(path+".role", j.Role, MaxProfileTextChars, false); err != nil {
		return err
	}
	if j.Months < 0 || j.Months > MaxJobMonths {
		return eligibility.RangeError(path+".months", 0, MaxJobMonths)
	}
	return nil
}

// checkTextList checks a list of short free-text items (skills, qualifications).
func checkTextList(path string, items []string) error {
	if err := checkCount(path, len(items)); err != nil {
		return err
	}
	for i, s := range items {
		if err := checkText(eligibility.IndexPath(path, i), s, MaxProfileTextChars, true); err != nil {
			return err
		}
	}
	return nil
}

// checkIDList checks a list of ids against allowed, with no id twice.
func checkIDList[T ~string](path string, items []T, allowed []string) error {
	if err := checkCount(path, len(items)); err != nil {
		return err
	}
	for i, id := range items {
		if err := checkIDItem(eligibility.IndexPath(path, i), items[:i], id, allowed); err != nil {
			return err
		}
	}
	return nil
}

// checkIDItem checks one id of a list, given the ones before it.
func checkIDItem[T ~string](path string, before []T, id T, allowed []string) error {
	if id == "" {
		return missingError(path)
	}
	if !slices.Contains(allowed, string(id)) {
		return valueError(path, allowed)
	}
	if slices.Contains(before, id) {
		return onceError(path)
	}
	return nil
}
