package questionnaire

import (
	"regexp"
	"strings"
)

// idPattern is what theme and question ids look like: lower-case words
// joined by dots or hyphens, such as "culture" or "culture.1".
var idPattern = regexp.MustCompile(`^[a-z0-9]+([.-][a-z0-9]+)*$`)

// Validate checks that the question set can be used: the format is known,
// ids are well formed and unique, the scale's levels start at 1 or more and
// rise by one with no gaps, no text is empty, every theme has questions and
// every "what this looks like" entry names a level the scale defines. It
// returns an *Error listing every problem, or nil.
func (q *Questionnaire) Validate() error {
	var ps problems
	if q.Format != Format {
		ps.add(at("format"), "format must be %q, found %q", Format, q.Format)
	}
	if !idPattern.MatchString(q.ID) {
		ps.add(at("id"), "id %q must be lower-case letters and digits joined by dots or hyphens", q.ID)
	}
	required(&ps, at("version"), "version", q.Version)
	required(&ps, at("title"), "title", q.Title)
	required(&ps, at("source", "title"), "source title", q.Source.Title)
	q.validateScale(&ps)
	q.validateThemes(&ps)
	return ps.err()
}

// required records a problem when text is blank.
func required(ps *problems, loc []any, what, text string) {
	if strings.TrimSpace(text) == "" {
		ps.add(loc, "%s is empty", what)
	}
}

// validateScale checks the levels rise by one from a positive start.
func (q *Questionnaire) validateScale(ps *problems) {
	levels := q.Scale.Levels
	if len(levels) < 2 {
		ps.add(at("scale", "levels"), "scale needs at least two levels, found %d", len(levels))
	}
	labels := map[string]bool{}
	for i, l := range levels {
		loc := at("scale", "levels", i)
		switch {
		case i == 0 && l.Value < 1:
			ps.add(with(loc, "level"), "levels start at 1 or more, found %d (\"not assessed\" is not a level)", l.Value)
		case i > 0 && l.Value != levels[i-1].Value+1:
			ps.add(with(loc, "level"), "level %d follows level %d: levels must rise by one with no gaps", l.Value, levels[i-1].Value)
		}
		required(ps, with(loc, "label"), "level label", l.Label)
		required(ps, with(loc, "descriptor"), "level descriptor", l.Descriptor)
		key := strings.ToLower(strings.TrimSpace(l.Label))
		if key != "" && labels[key] {
			ps.add(with(loc, "label"), "level label %q is used twice", l.Label)
		}
		labels[key] = true
	}
}

// validateThemes checks themes, their questions and their level guides.
func (q *Questionnaire) validateThemes(ps *problems) {
	if len(q.Themes) == 0 {
		ps.add(at("themes"), "question set has no themes")
	}
	themeIDs := map[string]bool{}
	questionIDs := map[string]bool{}
	replaced := map[string]bool{}
	for i, t := range q.Themes {
		loc := at("themes", i)
		checkID(ps, with(loc, "id"), "theme", t.ID, themeIDs)
		required(ps, with(loc, "title"), "theme title", t.Title)
		if len(t.Questions) == 0 {
			ps.add(with(loc, "questions"), "theme %q has no questions", t.ID)
		}
		for j, qu := range t.Questions {
			qloc := at("themes", i, "questions", j)
			checkID(ps, with(qloc, "id"), "question", qu.ID, questionIDs)
			required(ps, with(qloc, "text"), "question text", qu.Text)
			required(ps, with(qloc, "section"), "question section", qu.Section)
			if qu.Replaces != "" {
				checkID(ps, with(qloc, "replaces"), "replaced question", qu.Replaces, replaced)
			}
		}
		q.validateGuides(ps, i, t)
	}
	q.validateReplaces(ps, questionIDs)
}

// validateReplaces refuses a question that claims to replace one still in
// the set: a comparison could not tell which of the two to follow.
func (q *Questionnaire) validateReplaces(ps *problems, questionIDs map[string]bool) {
	for i, t := range q.Themes {
		for j, qu := range t.Questions {
			if qu.Replaces != "" && questionIDs[qu.Replaces] {
				ps.add(at("themes", i, "questions", j, "replaces"),
					"question %q replaces %q, which is still in this question set", qu.ID, qu.Replaces)
			}
		}
	}
}

// checkID records a malformed or repeated id.
func checkID(ps *problems, loc []any, what, id string, seen map[string]bool) {
	switch {
	case !idPattern.MatchString(id):
		ps.add(loc, "%s id %q must be lower-case letters and digits joined by dots or hyphens", what, id)
	case seen[id]:
		ps.add(loc, "duplicate %s id %q", what, id)
	}
	seen[id] = true
}

// validateGuides checks each "what this looks like" entry of theme i.
func (q *Questionnaire) validateGuides(ps *problems, i int, t Theme) {
	seen := map[int]bool{}
	for k, g := range t.LooksLike {
		loc := at("themes", i, "looks_like", k)
		if _, ok := q.Level(g.Level); !ok {
			ps.add(with(loc, "level"), "theme %q describes level %d, which the scale does not define", t.ID, g.Level)
		} else if seen[g.Level] {
			ps.add(with(loc, "level"), "theme %q describes level %d twice", t.ID, g.Level)
		}
		seen[g.Level] = true
		required(ps, with(loc, "text"), "level guide text", g.Text)
	}
}
