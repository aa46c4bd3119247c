package assessment

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// Change says how a question's or a theme's level moved from one
// assessment to the next.
type Change string

// The kinds of change. A question that exists on one side only is never
// paired by position: it is a new or a removed question.
const (
	Improved         Change = "improved"
	Declined         Change = "declined"
	Unchanged        Change = "unchanged"
	NewlyAssessed    Change = "newly assessed"
	NoLongerAssessed Change = "no longer assessed"
	// NotYetAssessed is what "no longer assessed" means when the newest
	// assessment is a draft: it is not answered yet, which is no decline.
	NotYetAssessed  Change = "not yet assessed"
	NeitherAssessed Change = "not assessed"
	NewQuestion     Change = "new question"
	RemovedQuestion Change = "question removed"
)

// Changes lists every kind of change, in the order tables show them.
var Changes = []Change{Improved, Declined, Unchanged, NewlyAssessed, NoLongerAssessed, NotYetAssessed, NeitherAssessed, NewQuestion, RemovedQuestion}

// Classify says how a level moved from before to after (either may be
// NotAssessed).
func Classify(before, after int) Change {
	switch {
	case before == NotAssessed && after == NotAssessed:
		return NeitherAssessed
	case before == NotAssessed:
		return NewlyAssessed
	case after == NotAssessed:
		return NoLongerAssessed
	case after > before:
		return Improved
	case after < before:
		return Declined
	}
	return Unchanged
}

// ClassifyScores says how a mean level moved; differences under 0.05
// (which show as the same one-decimal figure) are unchanged.
func ClassifyScores(before, after Score) Change {
	switch {
	case !before.Valid() && !after.Valid():
		return NeitherAssessed
	case !before.Valid():
		return NewlyAssessed
	case !after.Valid():
		return NoLongerAssessed
	case math.Abs(after.Mean-before.Mean) < 0.05:
		return Unchanged
	case after.Mean > before.Mean:
		return Improved
	}
	return Declined
}

// TargetResult says whether the level reached the target set the year before.
type TargetResult string

// The target results.
const (
	TargetMet    TargetResult = "met"
	TargetMissed TargetResult = "not met"
	NoTarget     TargetResult = "no target"
)

// Column is one assessment in a comparison, with the question set it was
// answered against.
type Column struct {
	Assessment    Assessment
	Questionnaire *questionnaire.Questionnaire
	Responses     []Response
}

// QuestionComparison is one question across the compared assessments.
type QuestionComparison struct {
	// ThemeID, QuestionID and Text come from the newest set holding the
	// question.
	ThemeID, QuestionID, Text string
	// Name is how people read the question's place, never its internal
	// id: "Culture, question 3" for a question the newest set holds, and
	// "Culture, question 3 of version 1.0" for one only an older set
	// holds, numbered as in that set (see NameIn).
	Name string
	// IDs is the question's id in each column, "" where that column's set
	// has no matching question.
	IDs []string
	// Levels and Targets are per column, NotAssessed where none.
	Levels, Targets []int
	// Change is between the last two columns.
	Change Change
	// Target says whether the last column's level reached the target the
	// column before set.
	Target TargetResult
}

// ThemeComparison is one theme's score across the compared assessments.
type ThemeComparison struct {
	ThemeID, Title string
	Scores         []Score
	// Change is between the last two columns.
	Change Change
}

// Comparison sets two or more assessments of one partnership side by side,
// oldest first.
type Comparison struct {
	Columns []Column
	Overall []Score
	// OverallChange is how the overall level moved between the last two.
	OverallChange Change
	Themes        []ThemeComparison
	// Questions follow the newest set's order, then questions that only
	// older sets hold.
	Questions []QuestionComparison
	// Counts counts the questions by their change between the last two
	// columns; Targets counts them by target result.
	Counts  map[Change]int
	Targets map[TargetResult]int
}

// ErrCompare is wrapped by every reason assessments cannot be compared.
var ErrCompare = errors.New("cannot compare")

// Compare sets the assessments side by side, oldest period first. They must
// belong to one partnership and answer one question set, in any of its
// versions: a question that changed between versions is followed through
// its "replaces" id; one with no match is listed as new or removed.
func Compare(cols []Column) (Comparison, error) {
	if err := checkColumns(cols); err != nil {
		return Comparison{}, err
	}
	cols = slices.Clone(cols)
	slices.SortStableFunc(cols, func(a, b Column) int { return cmp.Compare(a.Assessment.Period, b.Assessment.Period) })
	c := Comparison{Columns: cols, Counts: map[Change]int{}, Targets: map[TargetResult]int{}}
	c.compareThemes()
	c.compareQuestions()
	if cols[len(cols)-1].Assessment.Status == Draft {
		c.notYet()
	}
	for _, q := range c.Questions {
		c.Counts[q.Change]++
		c.Targets[q.Target]++
	}
	return c, nil
}

// notYet calls what the newest assessment, a draft, has not answered "not
// yet assessed" rather than "no longer assessed".
func (c *Comparison) notYet() {
	yet := func(ch *Change) {
		if *ch == NoLongerAssessed {
			*ch = NotYetAssessed
		}
	}
	yet(&c.OverallChange)
	for i := range c.Themes {
		yet(&c.Themes[i].Change)
	}
	for i := range c.Questions {
		yet(&c.Questions[i].Change)
	}
}

// checkColumns refuses fewer than two assessments, or ones of different
// partnerships or question sets.
func checkColumns(cols []Column) error {
	if len(cols) < 2 {
		return fmt.Errorf("%w: choose two or more assessments", ErrCompare)
	}
	first := cols[0].Assessment
	for _, col := range cols {
		a := col.Assessment
		switch {
		case col.Questionnaire == nil:
			return fmt.Errorf("%w: the %s assessment has no question set", ErrCompare, a.Period)
		case a.PartnershipID != first.PartnershipID:
			return fmt.Errorf("%w: the %s and %s assessments belong to different partnerships", ErrCompare, first.Period, a.Period)
		case a.QuestionnaireID != first.QuestionnaireID:
			return fmt.Errorf("%w: the %s assessment answers %s, the %s one %s", ErrCompare,
				first.Period, first.QuestionnaireID, a.Period, a.QuestionnaireID)
		}
	}
	return nil
}

// newest is the last column's question set.
func (c *Comparison) newest() *questionnaire.Questionnaire {
	return c.Columns[len(c.Columns)-1].Questionnaire
}

// compareThemes scores each theme of the newest set in every column
// (matched by theme id) and the overall level.
func (c *Comparison) compareThemes() {
	scores := make([]map[string]Score, len(c.Columns))
	for i, col := range c.Columns {
		themes := ThemeScores(col.Questionnaire, col.Responses)
		scores[i] = map[string]Score{}
		for _, ts := range themes {
			scores[i][ts.ThemeID] = ts.Level
		}
		c.Overall = append(c.Overall, Overall(themes))
	}
	n := len(c.Overall)
	c.OverallChange = ClassifyScores(c.Overall[n-2], c.Overall[n-1])
	for _, t := range c.newest().Themes {
		tc := ThemeComparison{ThemeID: t.ID, Title: t.Title}
		for i := range c.Columns {
			tc.Scores = append(tc.Scores, scores[i][t.ID])
		}
		tc.Change = ClassifyScores(tc.Scores[len(tc.Scores)-2], tc.Scores[len(tc.Scores)-1])
		c.Themes = append(c.Themes, tc)
	}
}

// compareQuestions matches every question of the newest set back through
// the older columns, then lists the older questions nothing matched.
func (c *Comparison) compareQuestions() {
	last := len(c.Columns) - 1
	matched := make([]map[string]bool, len(c.Columns))
	for i := range matched {
		matched[i] = map[string]bool{}
	}
	for _, t := range c.newest().Themes {
		for _, qu := range t.Questions {
			ids := c.chain(qu)
			for i, id := range ids {
				if id != "" {
					matched[i][id] = true
				}
			}
			c.Questions = append(c.Questions, c.row(last, t.ID, qu, ids))
		}
	}
	for i := last - 1; i >= 0; i-- {
		for _, t := range c.Columns[i].Questionnaire.Themes {
			for _, qu := range t.Questions {
				if matched[i][qu.ID] {
					continue
				}
				ids := c.olderChain(i, qu.ID, matched)
				for k, id := range ids {
					if id != "" {
						matched[k][id] = true
					}
				}
				c.Questions = append(c.Questions, c.row(i, t.ID, qu, ids))
			}
		}
	}
}

// chain finds the newest set's question in every column: by its own id,
// or by the id it replaces in the version before.
func (c *Comparison) chain(qu questionnaire.Question) []string {
	ids := make([]string, len(c.Columns))
	last := len(c.Columns) - 1
	ids[last] = qu.ID
	cur := qu
	for i := last - 1; i >= 0; i-- {
		set := c.Columns[i].Questionnaire
		if q, _, ok := set.Question(cur.ID); ok {
			ids[i], cur = q.ID, q
			continue
		}
		if cur.Replaces == "" {
			continue
		}
		if q, _, ok := set.Question(cur.Replaces); ok {
			ids[i], cur = q.ID, q
		}
	}
	return ids
}

// olderChain finds a question of column i, which the newest set lacks, in
// the other older columns by its id, where nothing else matched it.
func (c *Comparison) olderChain(i int, id string, matched []map[string]bool) []string {
	ids := make([]string, len(c.Columns))
	for k := 0; k < len(c.Columns)-1; k++ {
		if _, _, ok := c.Columns[k].Questionnaire.Question(id); ok && !matched[k][id] {
			ids[k] = id
		}
	}
	ids[i] = id
	return ids
}

// row builds one question's comparison from its id in each column; from is
// the column whose set the question is taken from.
func (c *Comparison) row(from int, themeID string, qu questionnaire.Question, ids []string) QuestionComparison {
	n := len(c.Columns)
	r := QuestionComparison{ThemeID: themeID, QuestionID: qu.ID, Text: qu.Text, Name: c.NameIn(from, qu.ID), IDs: ids,
		Levels: make([]int, n), Targets: make([]int, n)}
	for i, id := range ids {
		if id == "" {
			continue
		}
		resp := responseTo(c.Columns[i].Responses, id)
		r.Levels[i], r.Targets[i] = resp.Level, resp.Target
	}
	switch before, after := ids[n-2], ids[n-1]; {
	case after == "":
		r.Change = RemovedQuestion
	case before == "":
		r.Change = NewQuestion
	default:
		r.Change = Classify(r.Levels[n-2], r.Levels[n-1])
	}
	r.Target = targetResult(r.Targets[n-2], r.Levels[n-1])
	return r
}

// NameIn is how people read the place of question id in column col's set:
// "Culture, question 4", followed by " of version 1.0" when that set is
// another version than the newest column's, so that names from different
// versions are never confused.
func (c *Comparison) NameIn(col int, id string) string {
	set := c.Columns[col].Questionnaire
	name := set.QuestionName(id)
	switch {
	case set.Version == c.newest().Version:
		return name
	case set.Version == "":
		return name + " of an earlier version"
	}
	return name + " of version " + set.Version
}

// responseTo finds the response to a question, or a blank one.
func responseTo(responses []Response, questionID string) Response {
	for _, r := range responses {
		if r.QuestionID == questionID {
			return r
		}
	}
	return Response{QuestionID: questionID}
}

// targetResult says whether level reached target.
func targetResult(target, level int) TargetResult {
	switch {
	case target == NotAssessed:
		return NoTarget
	case level >= target:
		return TargetMet
	}
	return TargetMissed
}
