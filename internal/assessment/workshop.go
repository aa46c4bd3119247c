package assessment

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
