// Package demo builds believable partnerships with years of assessments,
// for trying the app, showing it to a board, testing it and measuring it at
// national scale. Everything is generated from a seed, so the same seed
// gives the same data.
//
// Northshire is one hand-written partnership over three years. National
// invents as many partnerships as asked (132 are the number in England),
// each over as many years as asked. Both build their records with the same
// code; what differs between them is a script: who takes part, the words
// they write, how their levels move and which actions they set.
package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// PartnershipName is the name of the demo partnership.
const PartnershipName = "Northshire Safeguarding Children Partnership"

// Periods are the years the demo assesses, oldest first.
var Periods = []string{"2023/24", "2024/25", "2025/26"}

// agencySpec is an agency a partnership is made with.
type agencySpec struct {
	name string
	kind assessment.AgencyKind
}

// person is someone who may take part in a partnership's workshops.
type person struct {
	name, role, agency string
}

// doc is a document a workshop cites as evidence.
type doc struct{ title, location string }

// words are what a workshop wrote under one theme.
type words struct{ evidence, strengths, areas, rationale string }

// actionSpec is what an action is about, who owns it and how its impact
// will be measured.
type actionSpec struct {
	question, title, owner, agency, measure string
}

// profile is the fixed part of a partnership: who it is and how its
// assessments are run.
type profile struct {
	name, area string
	agencies   []agencySpec
	created    time.Time
	// periods are the years assessed, oldest first.
	periods     []string
	facilitator string
	scrutineer  string
	// signers sign off every year but the latest.
	signers []person
	// latest is the status of the latest assessment.
	latest assessment.Status
	// docs are the evidence documents cited, by theme id.
	docs map[string][]doc
}

// script is the part of a partnership that changes year by year. Its
// methods may draw from the year's random source.
type script interface {
	// attendees are the people taking part in the year's workshop.
	attendees(y *year) []person
	// level is the level the workshop agrees for a question.
	level(y *year, questionID string) int
	// words are what the workshop writes under a theme.
	words(y *year, themeID string) words
	// newActions are the actions the workshop adds.
	newActions(y *year) []actionSpec
}

// generator holds the state shared while building one partnership's years.
type generator struct {
	rng *rand.Rand
	q   *questionnaire.Questionnaire
	p   assessment.Partnership
	profile
	script
	// lastRef is the highest action ref given so far: a carried action
	// keeps its ref and a new one takes the next, as the store does.
	lastRef assessment.ActionRef
}

// newRand returns the random source for a seed and a stream within it.
func newRand(seed, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15^stream))
}

// Northshire builds the demo partnership's three assessments against q,
// oldest first. The first two are signed off; the latest is agreed. Each
// later assessment was started from the one before and carries its open
// actions.
func Northshire(q *questionnaire.Questionnaire, seed uint64) []assessment.Record {
	g := &generator{rng: newRand(seed, 0), q: q, profile: northshireProfile(), script: northshire{}}
	return g.build()
}

// build makes the partnership, then one record a period, each started from
// the one before.
func (g *generator) build() []assessment.Record {
	g.p = g.partnership()
	records := make([]assessment.Record, 0, len(g.periods))
	var previous *assessment.Record
	for year, period := range g.periods {
		records = append(records, g.record(year, period, previous))
		previous = &records[len(records)-1]
	}
	return records
}

// id returns a UUID drawn from the generator's random source.
func (g *generator) id() string {
	return uuid.Must(uuid.NewRandomFromReader(randReader{g.rng})).String()
}

// randReader reads random bytes from a *rand.Rand.
type randReader struct{ rng *rand.Rand }

// Read fills p with random bytes.
func (r randReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r.rng.Uint32())
	}
	return len(p), nil
}

// startOf is the first day (1 April) of the financial year period.
func startOf(period string) time.Time {
	var y int
	fmt.Sscanf(period, "%d", &y)
	return time.Date(y, time.April, 1, 0, 0, 0, 0, time.UTC)
}

// periodOf is the financial year starting in April of year, such as
// "2025/26".
func periodOf(year int) string {
	return fmt.Sprintf("%04d/%02d", year, (year+1)%100)
}

// partnership builds the partnership with its statutory partners and
// relevant agencies.
func (g *generator) partnership() assessment.Partnership {
	p := assessment.Partnership{ID: g.id(), Name: g.name, Area: g.area,
		CreatedAt: g.created, UpdatedAt: g.created}
	for _, a := range g.agencies {
		p.Agencies = append(p.Agencies, assessment.Agency{ID: g.id(), PartnershipID: p.ID,
			Name: a.name, Kind: a.kind, CreatedAt: g.created, UpdatedAt: g.created})
	}
	return p
}

// agency finds the partnership's agency with the given name.
func (g *generator) agency(name string) assessment.Agency {
	for _, a := range g.p.Agencies {
		if a.Name == name {
			return a
		}
	}
	panic("demo: no agency " + name)
}
