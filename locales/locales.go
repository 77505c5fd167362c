// Package locales turns message ids into the words a person reads, in their language.
//
// Messages live in messages/AREA.LANG.json (go-i18n's JSON format), one file per area of the
// program and language, so the people working on the vault, the command line and the screens
// never edit the same file. English is the source; every shipped language has every key, which
// locales_test.go enforces.
package locales

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed messages/*.json
var messageFiles embed.FS

// Source is the language every other file is translated from and falls back to.
const Source = "en"

// Language is a shipped language as a person picking it would recognise it.
type Language struct {
	Code    string // BCP 47 code, as in the message file names and the case file's "language"
	Native  string // the language's name in itself, shown in language pickers
	English string // the language's name in English, for the adviser
}

// shipped lists the languages whose message files are complete. Add a language here only with
// its files: the completeness test checks every entry.
var shipped = []Language{
	{Code: "en", Native: "English", English: "English"},
	{Code: "sq", Native: "Shqip", English: "Albanian"},
	{Code: "bg", Native: "Български", English: "Bulgarian"},
	{Code: "cs", Native: "Čeština", English: "Czech"},
	{Code: "nl", Native: "Nederlands", English: "Dutch"},
	{Code: "hu", Native: "Magyar", English: "Hungarian"},
	{Code: "lv", Native: "Latviešu", English: "Latvian"},
	{Code: "lt", Native: "Lietuvių", English: "Lithuanian"},
	{Code: "pl", Native: "Polski", English: "Polish"},
	{Code: "ro", Native: "Română", English: "Romanian"},
	{Code: "ru", Native: "Русский", English: "Russian"},
	{Code: "sk", Native: "Slovenčina", English: "Slovak"},
	{Code: "uk", Native: "Українська", English: "Ukrainian"},
	{Code: "vi", Native: "Tiếng Việt", English: "Vietnamese"},
}

// Shipped returns the languages with complete message files, English first.
func Shipped() []Language {
	out := make([]Language, len(shipped))
	copy(out, shipped)
	return out
}

// IsShipped reports whether code names a language with complete message files.
func IsShipped(code string) bool {
	for _, l := range shipped {
		if l.Code == code {
			return true
		}
	}
	return false
}

// bundles holds one go-i18n bundle per language, each with English (the fallback) and that
// language only. Parsing every language's files for every run cost the command line several
// milliseconds of its start-up, and a run speaks one language.
var (
	bundlesMu sync.Mutex
	bundles   = map[string]*i18n.Bundle{}
)

// bundleFor returns the bundle for a shipped language code, parsing its files the first time.
func bundleFor(lang string) (*i18n.Bundle, error) {
	bundlesMu.Lock()
	defer bundlesMu.Unlock()
	if b, ok := bundles[lang]; ok {
		return b, nil
	}
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", jsonUnmarshal)
	names, err := fs.Glob(messageFiles, "messages/*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		if l := fileLanguage(name); l != Source && l != lang {
			continue
		}
		data, err := messageFiles.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		if _, err := b.ParseMessageFileBytes(data, path.Base(name)); err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
	}
	bundles[lang] = b
	return b, nil
}

// fileLanguage is the LANG of a messages/AREA.LANG.json file name.
func fileLanguage(name string) string {
	base := strings.TrimSuffix(path.Base(name), ".json")
	return base[strings.LastIndexByte(base, '.')+1:]
}

// Translator gives the text of messages in one language, falling back to English for a key a
// language lacks (which the completeness test forbids in shipped languages).
type Translator struct {
	lang string
	loc  *i18n.Localizer
}

// New returns a Translator for lang. An unknown or empty code gives English, so a case saved
// with a language this build does not ship still shows something readable.
func New(lang string) *Translator {
	if !IsShipped(lang) {
		lang = Source
	}
	b, err := bundleFor(lang)
	if err != nil {
		// The files are embedded and checked by tests; failing here means a broken build.
		panic(fmt.Sprintf("locales: embedded messages do not load: %v", err))
	}
	return &Translator{lang: lang, loc: i18n.NewLocalizer(b, lang, Source)}
}

// Lang is the code of the language this Translator speaks.
func (t *Translator) Lang() string { return t.lang }

// T returns message id with data filled into its {{.Placeholders}}. A missing id returns the id
// itself in brackets, which is visible in screenshots and caught by tests, rather than a blank.
func (t *Translator) T(id string, data ...map[string]any) string {
	cfg := &i18n.LocalizeConfig{MessageID: id}
	if len(data) > 0 {
		cfg.TemplateData = data[0]
	}
	s, err := t.loc.Localize(cfg)
	if err != nil {
		return "[" + id + "]"
	}
	return oneStop(s)
}

// N returns the plural form of message id that fits count, with count available to the
// message as {{.Count}} alongside data.
func (t *Translator) N(id string, count int, data ...map[string]any) string {
	td := map[string]any{"Count": count}
	if len(data) > 0 {
		for k, v := range data[0] {
			td[k] = v
		}
	}
	s, err := t.loc.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: td})
	if err != nil {
		return "[" + id + "]"
	}
	return oneStop(s)
}

// oneStop writes a single full stop where a sentence's own stop follows a filled-in value that
// already ends in one: Hungarian, Lithuanian, Bulgarian and Russian dates end in "." ("2026.
// december 7.", "2026 m. gruodžio 7 d."), and "Határidő: {{.Date}}." must not print "7..". An
// ellipsis of three stops is left alone; messages use "…" anyway.
func oneStop(s string) string {
	if !strings.Contains(s, "..") {
		return s
	}
	var b strings.Builder
	run := 0
	flush := func() {
		if run == 2 {
			run = 1
		}
		b.WriteString(strings.Repeat(".", run))
		run = 0
	}
	for _, r := range s {
		if r == '.' {
			run++
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}

// Has reports whether id exists in the source language; callers that build ids from data
// (an error code, a benefit id) use it to choose a fallback message.
func Has(id string) bool {
	msgs, err := sourceMessages()
	if err != nil {
		return false
	}
	_, ok := msgs[id]
	return ok
}

// sourceMessages reads the English messages once, for Has.
var sourceMessages = sync.OnceValues(func() (map[string]rawMessage, error) {
	all, err := readAll()
	if err != nil {
		return nil, err
	}
	return all[Source], nil
})

// rawMessage is one message as written in a file: either a plain string or a map of plural
// forms (plus optional description).
type rawMessage map[string]string

// readAll parses every message file into lang → id → forms, for the checks and Has.
func readAll() (map[string]map[string]rawMessage, error) {
	names, err := fs.Glob(messageFiles, "messages/*.json")
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]rawMessage{}
	for _, name := range names {
		base := strings.TrimSuffix(path.Base(name), ".json")
		dot := strings.LastIndexByte(base, '.')
		if dot < 0 {
			return nil, fmt.Errorf("%s: name is not AREA.LANG.json", name)
		}
		lang := base[dot+1:]
		data, err := messageFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		msgs, err := decodeFile(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if out[lang] == nil {
			out[lang] = map[string]rawMessage{}
		}
		for id, m := range msgs {
			if _, dup := out[lang][id]; dup {
				return nil, fmt.Errorf("%s: id %q is defined in two files", name, id)
			}
			out[lang][id] = m
		}
	}
	return out, nil
}
