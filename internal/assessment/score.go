package assessment

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// Score is a mean level over the questions that were assessed, with the
// coverage it rests on.
type Score struct {
	// Mean is the mean level; it means nothing when Assessed is 0.
	Mean     float64
	Assessed int
	Total    int
}

// Valid reports whether at least one question was assessed.
func (s Score) Valid() bool { return s.Assessed > 0 }

// Partial reports whether some questions were not assessed.
func (s Score) Partial() bool { return s.Assessed < s.Total }

// Coverage is the share of questions assessed, from 0 to 1.
func (s Score) Coverage() float64 {
	if s.Total == 0 {
		return 0
	}
	return float64(s.Assessed) / float64(s.Total)
}

// String shows the mean to one decimal, says when it rests on partial
// coverage, and says "not assessed" when nothing was.
func (s Score) String() string {
	switch {
	case !s.Valid():
		return "not assessed"
	case s.Partial():
		return fmt.Sprintf("%.1f (%d of %d assessed)", s.Mean, s.Assessed, s.Total)
	}
	return fmt.Sprintf("%.1f", s.Mean)
}

// Rounded is the scale level nearest the mean (halves round up), or
// NotAssessed when nothing was assessed.
func (s Score) Rounded() int {
	if !s.Valid() {
		return NotAssessed
	}
	return int(math.Floor(s.Mean + 0.5))
}

// ThemeScore is the score of one theme: the agreed levels and the targets.
type ThemeScore struct {
	ThemeID string
	Level   Score
	Target  Score
}

// ThemeScores scores every theme of q from the responses, in the theme
// order of q. A theme's score is the mean agreed level of its assessed
// questions; its target the mean of the targets set.
func ThemeScores(q *questionnaire.Questionnaire, responses []Response) []ThemeScore {
	byQuestion := make(map[string]Response, len(responses))
	for _, r := range responses {
		byQuestion[r.QuestionID] = r
	}
	scores := make([]ThemeScore, len(q.Themes))
	for i, t := range q.Themes {
		var levels, targets []int
		for _, qu := range t.Questions {
			r := byQuestion[qu.ID]
			levels = append(levels, r.Level)
			targets = append(targets, r.Target)
		}
		scores[i] = ThemeScore{ThemeID: t.ID, Level: mean(levels), Target: mean(targets)}
	}
	return scores
}

// mean scores levels, leaving out those not assessed.
func mean(levels []int) Score {
	s := Score{Total: len(levels)}
	sum := 0
	for _, l := range levels {
		if l != NotAssessed {
			sum += l
			s.Assessed++
		}
	}
	if s.Assessed > 0 {
		s.Mean = float64(sum) / float64(s.Assessed)
	}
	return s
}

// Overall is the mean of the scores of the themes that were assessed.
// Its coverage counts questions across all themes.
func Overall(themes []ThemeScore) Score {
	var s Score
	var sum float64
	var scored int
	for _, t := range themes {
		s.Assessed += t.Level.Assessed
		s.Total += t.Level.Total
		if t.Level.Valid() {
			sum += t.Level.Mean
			scored++
		}
	}
	if scored > 0 {
		s.Mean = sum / float64(scored)
	}
	return s
}

// ScoreOf scores a whole assessment of q from its responses.
func ScoreOf(q *questionnaire.Questionnaire, responses []Response) Score {
	return Overall(ThemeScores(q, responses))
}

// Spread is how far individual votes on one question lie apart.
type Spread struct {
	Min, Max, Count int
}

// Width is the highest vote less the lowest, or 0 with no votes.
func (s Spread) Width() int { return s.Max - s.Min }

// Divergent reports whether votes lie two or more levels apart.
func (s Spread) Divergent() bool { return s.Count > 1 && s.Width() >= 2 }

// Spreads gathers the spread of votes for each question, leaving out votes
// with no level. Where a question was voted on in more than one round, only
// the last round counts.
func Spreads(votes []Vote) map[string]Spread {
	spreads := map[string]Spread{}
	for _, v := range FinalRounds(votes) {
		if v.Level == NotAssessed {
			continue
		}
		s, seen := spreads[v.QuestionID]
		if !seen {
			s = Spread{Min: v.Level, Max: v.Level}
		}
		s.Min, s.Max, s.Count = min(s.Min, v.Level), max(s.Max, v.Level), s.Count+1
		spreads[v.QuestionID] = s
	}
	return spreads
}

// Priority is a question that needs the partnership's attention.
type Priority struct {
	ThemeID    string
	QuestionID string
	Level      int
	Target     int
	Spread     Spread
	Confidence Confidence
}

// Gap is the target less the agreed level, or 0 when either is missing.
func (p Priority) Gap() int { return gap(p.Level, p.Target) }

// gap is target − level when both are set, else 0.
func gap(level, target int) int {
	if level == NotAssessed || target == NotAssessed {
		return 0
	}
	return target - level
}

// Priorities lists the assessed questions that fall short of their target
// or on which votes diverge, most pressing first: the largest gap, then the
// widest spread of votes, then the lowest confidence (none said counts as
// lowest). Ties keep the question set's order.
func Priorities(q *questionnaire.Questionnaire, responses []Response, votes []Vote) []Priority {
	byQuestion := make(map[string]Response, len(responses))
	for _, r := range responses {
		byQuestion[r.QuestionID] = r
	}
	spreads := Spreads(votes)
	var ps []Priority
	for _, t := range q.Themes {
		for _, qu := range t.Questions {
			r := byQuestion[qu.ID]
			p := Priority{ThemeID: t.ID, QuestionID: qu.ID, Level: r.Level, Target: r.Target,
				Spread: spreads[qu.ID], Confidence: r.Confidence}
			if r.Level != NotAssessed && (p.Gap() > 0 || p.Spread.Divergent()) {
				ps = append(ps, p)
			}
		}
	}
	slices.SortStableFunc(ps, func(a, b Priority) int {
		return cmp.Or(
			cmp.Compare(b.Gap(), a.Gap()),
			cmp.Compare(b.Spread.Width(), a.Spread.Width()),
			cmp.Compare(confidenceRank(a.Confidence), confidenceRank(b.Confidence)),
		)
	})
	return ps
}

// confidenceRank orders confidence from none said (0) to high (3).
func confidenceRank(c Confidence) int {
	return slices.Index(Confidences, c) + 1
}

// LevelLabel names the scale level nearest to the score, such as
// "Developing", or says it was not assessed.
func LevelLabel(q *questionnaire.Questionnaire, s Score) string {
	if l, ok := q.Level(s.Rounded()); ok {
		return l.Label
	}
	return "Not assessed"
}
