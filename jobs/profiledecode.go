package jobs

import (
	"encoding/json"
	"fmt"

	"waymark/eligibility"
)

// DecodeProfile reads a profile strictly, like eligibility.DecodeFacts: an unknown key, a
// wrong type, a value outside the lists above, an id given twice or data after the object is
// a *eligibility.FieldError naming the field ("barriers[2]", "work_history[0].months"). A field
// that is absent or JSON null is not recorded; an empty list is the same as none.
func DecodeProfile(data []byte) (Profile, error) {
	r, err := eligibility.NewJSONReader(data, MaxProfileBytes)
	if err != nil {
		return Profile{}, err
	}
	p, present, err := ReadProfile(r, "")
	if err != nil {
		return Profile{}, err
	}
	if !present {
		return Profile{}, &eligibility.FieldError{Problem: eligibility.ProblemType, Want: eligibility.WantObject}
	}
	return p, nil
}

// ReadProfile reads a profile object at path from r with the rules of DecodeProfile, so a case
// file that embeds one reports "profile.goals[0]". present is false when the value is null.
func ReadProfile(r *eligibility.JSONReader, path string) (p Profile, present bool, err error) {
	present, err = r.Object(path, func(key, kp string) error {
		switch key {
		case "languages":
			return readList(r, kp, &p.Languages, func(ip string) (Language, error) {
				l, err := readLanguage(r, ip)
				if err == nil {
					err = checkLanguageItem(p.Languages, l, ip)
				}
				return l, err
			})
		case "english_level":
			s, ok, err := r.String(kp)
			if err != nil || !ok {
				return err
			}
			p.EnglishLevel = Level(s)
			return checkLevel(kp, p.EnglishLevel)
		case "skills":
			return readList(r, kp, &p.Skills, func(ip string) (string, error) { return readItemText(r, ip) })
		case "work_history":
			return readList(r, kp, &p.WorkHistory, func(ip string) (Job, error) { return readJob(r, ip) })
		case "qualifications":
			return readList(r, kp, &p.Qualifications, func(ip string) (string, error) { return readItemText(r, ip) })
		case "barriers":
			return readIDs(r, kp, &p.Barriers, Barriers())
		case "goals":
			return readIDs(r, kp, &p.Goals, Goals())
		case "avoid_sectors":
			return readIDs(r, kp, &p.AvoidSectors, Sectors())
		default:
			return r.Unknown(kp)
		}
	})
	if err != nil {
		return Profile{}, false, err
	}
	return p, present, nil
}

// readList reads a list at path into *dst with item, leaving *dst nil for null or [] so that
// a decoded profile compares equal to one built in code.
func readList[T any](r *eligibility.JSONReader, path string, dst *[]T, item func(path string) (T, error)) error {
	_, err := r.List(path, eligibility.WantList, MaxProfileItems, func(_ int, ip string) error {
		v, err := item(ip)
		if err != nil {
			return err
		}
		*dst = append(*dst, v)
		return nil
	})
	return err
}

// readIDs reads a list of ids, each one of allowed and none twice.
func readIDs[T ~string](r *eligibility.JSONReader, path string, dst *[]T, allowed []string) error {
	return readList(r, path, dst, func(ip string) (T, error) {
		s, ok, err := r.String(ip)
		if err != nil {
			return "", err
		}
		if !ok {
			return "", missingError(ip)
		}
		return T(s), checkIDItem(ip, *dst, T(s), allowed)
	})
}

// readItemText reads one required free-text list item.
func readItemText(r *eligibility.JSONReader, path string) (string, error) {
	var s string
	if err := readText(r, path, &s, MaxProfileTextChars, true); err != nil {
		return "", err
	}
	if s == "" {
		return "", missingError(path)
	}
	return s, nil
}

// readLanguage reads one {"code", "level"} object; null is not a language.
func readLanguage(r *eligibility.JSONReader, path string) (Language, error) {
	var l Language
	present, err := r.Object(path, func(key, kp string) error {
		switch key {
		case "code":
			s, _, err := r.String(kp)
			l.Code = s
			return err
		case "level":
			s, _, err := r.String(kp)
			l.Level = Level(s)
			return err
		default:
			return r.Unknown(kp)
		}
	})
	if err != nil {
		return l, err
	}
	if !present {
		return l, &eligibility.FieldError{Field: path, Problem: eligibility.ProblemType, Want: eligibility.WantObject}
	}
	return l, nil
}

// readJob reads one work-history entry; null is not a job.
func readJob(r *eligibility.JSONReader, path string) (Job, error) {
	var j Job
	present, err := r.Object(path, func(key, kp string) error {
		switch key {
		case "sector":
			s, _, err := r.String(kp)
			j.Sector = s
			return err
		case "role":
			return readText(r, kp, &j.Role, MaxProfileTextChars, false)
		case "months":
			n, _, err := r.WholeNumber(kp, 0, MaxJobMonths)
			j.Months = n
			return err
		case "exploitative":
			b, _, err := r.Bool(kp)
			j.Exploitative = b
			return err
		default:
			return r.Unknown(kp)
		}
	})
	if err != nil {
		return j, err
	}
	if !present {
		return j, &eligibility.FieldError{Field: path, Problem: eligibility.ProblemType, Want: eligibility.WantObject}
	}
	return j, checkJob(path, j)
}

// EncodeProfile writes a profile as the JSON DecodeProfile reads back unchanged. A profile that
// does not validate is refused rather than written.
func EncodeProfile(p Profile) ([]byte, error) {
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("encode profile: %w", err)
	}
	data, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("encode profile: %w", err)
	}
	return data, nil
}
