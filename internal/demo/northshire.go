package demo

import (
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// newPerYear is how many new actions each of Northshire's workshops writes.
const newPerYear = 5

// northshireProfile is the demo partnership as written in data.go.
func northshireProfile() profile {
	return profile{
		name: PartnershipName, area: "Northshire", agencies: agencies,
		created: time.Date(2023, time.March, 6, 9, 30, 0, 0, time.UTC),
		periods: Periods, facilitator: facilitator, scrutineer: scrutineer,
		signers: []person{
			{"Siobhán O’Neill", "Director of Children’s Services", "Northshire County Council"},
			{"Gareth Llewelyn", "Chief Nurse", "NHS Northshire Integrated Care Board"},
			{"Det. Supt. Chloé Martin", "Head of Public Protection", "Northshire Police"},
		},
		latest: assessment.Agreed,
		docs:   evidenceDocs,
	}
}

// northshire is the hand-written script of the demo partnership: the same
// people every year, the texts in data.go, and levels that mostly improve.
type northshire struct{}

// attendees are everyone in people, every year.
func (northshire) attendees(*year) []person { return people }

// level is the first year's level from baseLevels, improved a step or not
// in each later year; a question first assessed late starts at 2.
func (northshire) level(y *year, id string) int {
	if y.previous == nil {
		return baseLevels[id]
	}
	last := y.lastLevel(id)
	if last == assessment.NotAssessed {
		return 2
	}
	if y.rng.Float64() < 0.55 {
		last++
	}
	return min(last, y.q.MaxLevel())
}

// words are the year's hand-written text for the theme.
func (northshire) words(y *year, themeID string) words {
	return themeText[themeID][y.index]
}

// newActions takes the next newPerYear actions from the bank.
func (northshire) newActions(y *year) []actionSpec {
	out := make([]actionSpec, newPerYear)
	for i := range out {
		out[i] = actionText[(y.index*newPerYear+i)%len(actionText)]
	}
	return out
}
