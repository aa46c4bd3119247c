package report

import (
	"fmt"
	"math"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// view is an Input with everything the writers look up worked out once.
type view struct {
	Input
	q         *questionnaire.Questionnaire
	rec       *assessment.Record
	today     time.Time
	agencies  map[string]assessment.Agency
	people    map[string]assessment.Participant
	responses map[string]assessment.Response
	refs      map[string][]assessment.EvidenceRef
	votes     map[string][]assessment.Vote
	scrutiny  map[string][]assessment.Scrutiny
	spreads   map[string]assessment.Spread
	themes    []assessment.ThemeScore
	overall   assessment.Score
	// prevThemes and prevOverall score the previous assessment, when given.
	prevThemes  []assessment.ThemeScore
	prevOverall assessment.Score
}

// newView works out what the writers look up.
func newView(in Input) *view {
	v := &view{Input: in, q: in.Questionnaire, rec: &in.Record,
		agencies: map[string]assessment.Agency{}, people: map[string]assessment.Participant{},
		responses: map[string]assessment.Response{}, refs: map[string][]assessment.EvidenceRef{},
		votes: map[string][]assessment.Vote{}, scrutiny: map[string][]assessment.Scrutiny{}}
	y, m, d := in.ExportedAt.UTC().Date()
	v.today = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	for _, a := range in.Record.Partnership.Agencies {
		v.agencies[a.ID] = a
	}
	for _, p := range in.Record.Participants {
		v.people[p.ID] = p
	}
	for _, r := range in.Record.Responses {
		v.responses[r.QuestionID] = r
	}
	for _, e := range in.Record.EvidenceRefs {
		v.refs[e.QuestionID] = append(v.refs[e.QuestionID], e)
	}
	for _, x := range in.Record.Votes {
		v.votes[x.QuestionID] = append(v.votes[x.QuestionID], x)
	}
	for _, s := range in.Record.Scrutiny {
		v.scrutiny[s.QuestionID] = append(v.scrutiny[s.QuestionID], s)
	}
	v.spreads = assessment.Spreads(in.Record.Votes)
	v.themes = assessment.ThemeScores(v.q, in.Record.Responses)
	v.overall = assessment.Overall(v.themes)
	if in.Previous != nil {
		v.prevThemes = assessment.ThemeScores(v.q, in.Previous.Responses)
		v.prevOverall = assessment.Overall(v.prevThemes)
	}
	return v
}

// agencyName names an agency, or says none was given.
func (v *view) agencyName(id string) string {
	if a, ok := v.agencies[id]; ok {
		return a.Name
	}
	return ""
}

// themeTitle is a theme's title, or its id when the set lacks it.
func (v *view) themeTitle(id string) string {
	if t, ok := v.q.Theme(id); ok {
		return t.Title
	}
	return id
}

// previousPeriod is the previous assessment's period, or "".
func (v *view) previousPeriod() string {
	if v.Previous == nil {
		return ""
	}
	return v.Previous.Assessment.Period
}

// prevTheme is the previous score of theme i, and whether there is one.
func (v *view) prevTheme(i int) (assessment.Score, bool) {
	if v.prevThemes == nil || i >= len(v.prevThemes) {
		return assessment.Score{}, false
	}
	return v.prevThemes[i].Level, true
}

// levelWords says a level in words: "3 Developing", or "not assessed".
func levelWords(q *questionnaire.Questionnaire, l int) string {
	if lv, ok := q.Level(l); ok {
		return fmt.Sprintf("%d %s", l, lv.Label)
	}
	if l == assessment.NotAssessed {
		return "not assessed"
	}
	return fmt.Sprintf("%d (not on the scale)", l)
}

// targetWords says a target in words, or that none was set.
func targetWords(q *questionnaire.Questionnaire, l int) string {
	if l == assessment.NotAssessed {
		return "not set"
	}
	return levelWords(q, l)
}

// scoreWords shows a score to one decimal with its label, or says it was
// not assessed: "3.2 Developing".
func scoreWords(q *questionnaire.Questionnaire, s assessment.Score) string {
	if !s.Valid() {
		return "not assessed"
	}
	return fmt.Sprintf("%.1f %s", s.Mean, assessment.LevelLabel(q, s))
}

// oneDecimal shows a score's mean to one decimal, or "not assessed".
func oneDecimal(s assessment.Score) string {
	if !s.Valid() {
		return "not assessed"
	}
	return fmt.Sprintf("%.1f", s.Mean)
}

// change is how a theme moved since the previous year.
type change struct {
	// Known is false when either year was not assessed.
	Known bool
	Delta float64
}

// changeOf compares a score with the previous year's.
func changeOf(now, before assessment.Score, hasBefore bool) change {
	if !hasBefore || !now.Valid() || !before.Valid() {
		return change{}
	}
	return change{Known: true, Delta: math.Round((now.Mean-before.Mean)*10) / 10}
}

// Words says the change in words: "up 0.5", "down 1.0", "no change".
func (c change) Words() string {
	switch {
	case !c.Known:
		return "not comparable"
	case c.Delta > 0:
		return fmt.Sprintf("up %.1f", c.Delta)
	case c.Delta < 0:
		return fmt.Sprintf("down %.1f", -c.Delta)
	}
	return "no change"
}

// spreadWords says how votes on a question spread: "2–4 (10 votes),
// divergent", "3 (1 vote)" or "no votes".
func spreadWords(s assessment.Spread) string {
	if s.Count == 0 {
		return "no votes"
	}
	votes := "votes"
	if s.Count == 1 {
		votes = "vote"
	}
	rng := fmt.Sprint(s.Min)
	if s.Max != s.Min {
		rng = fmt.Sprintf("%d–%d", s.Min, s.Max)
	}
	out := fmt.Sprintf("%s (%d %s)", rng, s.Count, votes)
	if s.Divergent() {
		out += ", divergent"
	}
	return out
}

// gapWords says a question's gap: target less level, or why there is none.
func gapWords(level, target int) string {
	if level == assessment.NotAssessed || target == assessment.NotAssessed {
		return "none (level or target not set)"
	}
	return fmt.Sprint(target - level)
}

// themeGap is a theme's target score less its level, and whether both exist.
func themeGap(t assessment.ThemeScore) (float64, bool) {
	if !t.Level.Valid() || !t.Target.Valid() {
		return 0, false
	}
	return math.Round((t.Target.Mean-t.Level.Mean)*10) / 10, true
}

// longDate shows a date as "12 March 2026", or "" when unset.
func longDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}

// latestUpdate is an action's most recent progress note, if any.
func latestUpdate(a assessment.Action) (assessment.ActionUpdate, bool) {
	var latest *assessment.ActionUpdate
	for i := range a.Updates {
		if latest == nil || !a.Updates[i].On.Before(latest.On) {
			latest = &a.Updates[i]
		}
	}
	if latest == nil {
		return assessment.ActionUpdate{}, false
	}
	return *latest, true
}

// coverageWords says how many questions were assessed: "18 of 18
// questions assessed (100%)".
func coverageWords(s assessment.Score) string {
	return fmt.Sprintf("%d of %d questions assessed (%.0f%%)", s.Assessed, s.Total, s.Coverage()*100)
}
