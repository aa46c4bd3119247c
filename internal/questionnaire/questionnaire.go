// Package questionnaire owns question sets: the themes, questions and maturity
// scale a partnership assesses itself against. It parses the YAML files strictly
// and validates them, reporting every problem with the file and line it is on.
package questionnaire

import (
	"crypto/sha256"
	"encoding/hex"
)

// Format is the value every question-set file must give in its "format" field.
const Format = "partnership-maturity-questionnaire"

// Questionnaire is one question set: its identity, where its questions come
// from, the maturity scale and the themes with their questions.
type Questionnaire struct {
	Format  string `yaml:"format"`
	ID      string `yaml:"id"`
	Version string `yaml:"version"`
	Title   string `yaml:"title"`
	// Intro is the source's own introduction to the questions, quoted.
	Intro string `yaml:"intro"`
	// IntroSection is where Intro is found in the source, such as "10.2".
	IntroSection string `yaml:"intro_section"`
	Source       Source `yaml:"source"`
	// GuidanceNote says which text in the file is the app's own guidance
	// rather than the source's words.
	GuidanceNote string  `yaml:"guidance_note"`
	Scale        Scale   `yaml:"scale"`
	Themes       []Theme `yaml:"themes"`

	// Raw is the file's exact bytes, kept so an assessment can store the
	// question set it was answered against.
	Raw []byte `yaml:"-"`
}

// Source cites the publication the questions are quoted from.
type Source struct {
	Title     string `yaml:"title"`
	Publisher string `yaml:"publisher"`
	Published string `yaml:"published"`
	URL       string `yaml:"url"`
	// Licence is the attribution the publication's licence asks for.
	Licence string `yaml:"licence"`
}

// Scale is the ordered set of maturity levels an answer can take.
// "Not assessed" is not a level: it is the absence of one.
type Scale struct {
	Levels []Level `yaml:"levels"`
}

// Level is one step of the maturity scale.
type Level struct {
	Value      int    `yaml:"level"`
	Label      string `yaml:"label"`
	Descriptor string `yaml:"descriptor"`
}

// Theme groups questions under one strategic or practice theme.
type Theme struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	// Purpose is the theme's one-line purpose as the source gives it.
	Purpose string `yaml:"purpose"`
	// PurposeSection is where Purpose is found in the source.
	PurposeSection string     `yaml:"purpose_section"`
	Questions      []Question `yaml:"questions"`
	// LooksLike is the app's guidance on what each level looks like for
	// this theme; it may be empty.
	LooksLike []LevelGuide `yaml:"looks_like"`
}

// Question is one question, quoted word for word from its source section.
type Question struct {
	ID      string `yaml:"id"`
	Section string `yaml:"section"`
	Text    string `yaml:"text"`
	// Replaces is the id this question had in the previous version of the
	// question set, when it changed; comparisons across versions follow it.
	Replaces string `yaml:"replaces,omitempty"`
}

// LevelGuide describes what one level looks like within a theme.
type LevelGuide struct {
	Level int    `yaml:"level"`
	Text  string `yaml:"text"`
}

// SHA256 returns the hex sha256 of the file the question set was read from.
func (q *Questionnaire) SHA256() string {
	sum := sha256.Sum256(q.Raw)
	return hex.EncodeToString(sum[:])
}

// QuestionCount returns the number of questions across all themes.
func (q *Questionnaire) QuestionCount() int {
	n := 0
	for _, t := range q.Themes {
		n += len(t.Questions)
	}
	return n
}

// Level returns the scale level with the given value, and whether it exists.
func (q *Questionnaire) Level(value int) (Level, bool) {
	for _, l := range q.Scale.Levels {
		if l.Value == value {
			return l, true
		}
	}
	return Level{}, false
}

// Question returns the question with the given id and the theme holding it.
func (q *Questionnaire) Question(id string) (Question, Theme, bool) {
	for _, t := range q.Themes {
		for _, qu := range t.Questions {
			if qu.ID == id {
				return qu, t, true
			}
		}
	}
	return Question{}, Theme{}, false
}

// Theme returns the theme with the given id, and whether it exists.
func (q *Questionnaire) Theme(id string) (Theme, bool) {
	for _, t := range q.Themes {
		if t.ID == id {
			return t, true
		}
	}
	return Theme{}, false
}

// MinLevel and MaxLevel return the lowest and highest level values of the
// scale, or 0 when the scale is empty.
func (q *Questionnaire) MinLevel() int {
	if len(q.Scale.Levels) == 0 {
		return 0
	}
	return q.Scale.Levels[0].Value
}

// MaxLevel returns the highest level value of the scale, or 0 when it is empty.
func (q *Questionnaire) MaxLevel() int {
	if len(q.Scale.Levels) == 0 {
		return 0
	}
	return q.Scale.Levels[len(q.Scale.Levels)-1].Value
}
