package assessment

import (
	"cmp"
	"slices"

	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// PeerInput is one partnership's assessment for a peer view.
type PeerInput struct {
	Partnership string
	Assessment  Assessment
	Responses   []Response
}

// Peer is one partnership's scores in a peer view.
type Peer struct {
	// Name is the partnership's name, or "Partnership A" and so on when
	// anonymised.
	Name       string
	Assessment Assessment
	Overall    Score
	Themes     []ThemeScore
}

// PeerView scores several partnerships' assessments on one question set,
// highest overall level first (ties by name). Anonymised, the names become
// "Partnership A", "Partnership B"… in that order, so the order gives
// nothing away that the scores do not.
func PeerView(q *questionnaire.Questionnaire, inputs []PeerInput, anonymise bool) []Peer {
	peers := make([]Peer, len(inputs))
	for i, in := range inputs {
		themes := ThemeScores(q, in.Responses)
		peers[i] = Peer{Name: in.Partnership, Assessment: in.Assessment, Overall: Overall(themes), Themes: themes}
	}
	slices.SortStableFunc(peers, func(a, b Peer) int {
		return cmp.Or(cmp.Compare(b.Overall.Mean, a.Overall.Mean), cmp.Compare(a.Name, b.Name))
	})
	if anonymise {
		for i := range peers {
			peers[i].Name = "Partnership " + letters(i)
		}
	}
	return peers
}

// letters names the i-th item A, B, … Z, AA, AB, ….
func letters(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// TrendPoint is one assessment's scores in a trend over the years.
type TrendPoint struct {
	Period  string
	Overall Score
	// Themes follow the newest question set's themes, matched by id.
	Themes []ThemeScore
}

// Trend scores each assessment against its own question set, in the order
// given (oldest first), with the themes in the newest set's order: the
// points of a trend chart.
func Trend(cols []Column) []TrendPoint {
	if len(cols) == 0 {
		return nil
	}
	newest := cols[len(cols)-1].Questionnaire
	points := make([]TrendPoint, len(cols))
	for i, col := range cols {
		themes := ThemeScores(col.Questionnaire, col.Responses)
		byID := map[string]ThemeScore{}
		for _, ts := range themes {
			byID[ts.ThemeID] = ts
		}
		points[i] = TrendPoint{Period: col.Assessment.Period, Overall: Overall(themes)}
		for _, t := range newest.Themes {
			ts, ok := byID[t.ID]
			if !ok {
				ts = ThemeScore{ThemeID: t.ID}
			}
			points[i].Themes = append(points[i].Themes, ts)
		}
	}
	return points
}
