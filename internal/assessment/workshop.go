package assessment

import (
	"cmp"
	"slices"
)

// JoinRoute says how a participant came to take part in an assessment.
type JoinRoute string

// The ways a participant joins: listed by the facilitator on the laptop,
// joined from their own phone or browser in the room, or imported with
// the ratings they made on their own copy of the app.
const (
	JoinedOnLaptop JoinRoute = "laptop"
	JoinedByPhone  JoinRoute = "phone"
	JoinedByBundle JoinRoute = "bundle"
)

// JoinRoutes lists every way of joining.
var JoinRoutes = []JoinRoute{JoinedOnLaptop, JoinedByPhone, JoinedByBundle}

// Label returns the route in words.
func (r JoinRoute) Label() string {
	switch r {
	case JoinedByPhone:
		return "joined from a phone or browser"
	case JoinedByBundle:
		return "rated beforehand (imported)"
	default:
		return "listed on the laptop"
	}
}

// FirstRound is the round every question's voting starts in.
const FirstRound = 1

// RoundOf returns the vote's round, counting a vote recorded before rounds
// existed (round 0) as the first.
func (v Vote) RoundOf() int { return max(v.Round, FirstRound) }

// FinalRounds keeps, for each question, only the votes of the last round
// cast on it: what the partnership finally thought before agreeing.
func FinalRounds(votes []Vote) []Vote {
	last := map[string]int{}
	for _, v := range votes {
		last[v.QuestionID] = max(last[v.QuestionID], v.RoundOf())
	}
	out := make([]Vote, 0, len(votes))
	for _, v := range votes {
		if v.RoundOf() == last[v.QuestionID] {
			out = append(out, v)
		}
	}
	return out
}

// AgencyView is what one agency's participants thought of a question, on
// average, in its last round of votes.
type AgencyView struct {
	AgencyID string
	Mean     float64
	Votes    int
}

// Disagreement is how far apart a partnership's votes on one question lay:
// the spread of the last round, how many rounds were held, and the two
// agencies whose average votes lay furthest apart.
type Disagreement struct {
	QuestionID string
	Spread     Spread
	Rounds     int
	// Low and High are the agencies with the lowest and highest average
	// vote; both are empty when fewer than two agencies voted.
	Low, High AgencyView
}

// AgencyGap is the difference between the highest and lowest agency's
// average vote, or 0 when fewer than two agencies voted.
func (d Disagreement) AgencyGap() float64 {
	if d.Low.AgencyID == "" {
		return 0
	}
	return d.High.Mean - d.Low.Mean
}

// Disagreements lists every question that was voted on, widest spread
// first, then widest gap between agencies, then in question order of the
// votes. A participant with no agency counts under the agency "".
func Disagreements(participants []Participant, votes []Vote) []Disagreement {
	agencyOf := map[string]string{}
	for _, p := range participants {
		agencyOf[p.ID] = p.AgencyID
	}
	rounds := map[string]int{}
	var order []string
	for _, v := range votes {
		if _, seen := rounds[v.QuestionID]; !seen {
			order = append(order, v.QuestionID)
		}
		rounds[v.QuestionID] = max(rounds[v.QuestionID], v.RoundOf())
	}
	final := FinalRounds(votes)
	spreads := Spreads(final)
	sums := map[string]map[string][2]int{}
	for _, v := range final {
		if v.Level == NotAssessed {
			continue
		}
		if sums[v.QuestionID] == nil {
			sums[v.QuestionID] = map[string][2]int{}
		}
		s := sums[v.QuestionID][agencyOf[v.ParticipantID]]
		sums[v.QuestionID][agencyOf[v.ParticipantID]] = [2]int{s[0] + v.Level, s[1] + 1}
	}
	out := make([]Disagreement, 0, len(order))
	for _, qid := range order {
		d := Disagreement{QuestionID: qid, Spread: spreads[qid], Rounds: rounds[qid]}
		var views []AgencyView
		for agency, s := range sums[qid] {
			views = append(views, AgencyView{AgencyID: agency, Mean: float64(s[0]) / float64(s[1]), Votes: s[1]})
		}
		if len(views) >= 2 {
			sortViews(views)
			d.Low, d.High = views[0], views[len(views)-1]
		}
		out = append(out, d)
	}
	sortDisagreements(out)
	return out
}

// sortViews orders agency views by mean, then by agency id.
func sortViews(views []AgencyView) {
	slices.SortFunc(views, func(a, b AgencyView) int {
		if c := cmp.Compare(a.Mean, b.Mean); c != 0 {
			return c
		}
		return cmp.Compare(a.AgencyID, b.AgencyID)
	})
}

// sortDisagreements puts the widest spread first, then the widest gap
// between agencies, keeping the given order otherwise.
func sortDisagreements(ds []Disagreement) {
	slices.SortStableFunc(ds, func(a, b Disagreement) int {
		if c := cmp.Compare(b.Spread.Width(), a.Spread.Width()); c != 0 {
			return c
		}
		return cmp.Compare(b.AgencyGap(), a.AgencyGap())
	})
}

// Median returns the median of the levels given, leaving out NotAssessed,
// and false when there are none.
func Median(levels []int) (float64, bool) {
	var ls []int
	for _, l := range levels {
		if l != NotAssessed {
			ls = append(ls, l)
		}
	}
	if len(ls) == 0 {
		return 0, false
	}
	slices.Sort(ls)
	mid := len(ls) / 2
	if len(ls)%2 == 1 {
		return float64(ls[mid]), true
	}
	return float64(ls[mid-1]+ls[mid]) / 2, true
}
