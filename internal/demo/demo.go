// Package demo builds a believable partnership with three years of
// assessments, for trying the app, showing it to a board and testing it.
// Everything is generated from a seed, so the same seed gives the same data.
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

// generator holds the state shared while building the demo.
type generator struct {
	rng *rand.Rand
	q   *questionnaire.Questionnaire
	p   assessment.Partnership
}

// Northshire builds the demo partnership's three assessments against q,
// oldest first. The first two are signed off; the latest is agreed. Each
// later assessment was started from the one before and carries its open
// actions.
func Northshire(q *questionnaire.Questionnaire, seed uint64) []assessment.Record {
	g := &generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), q: q}
	g.p = g.partnership()
	var records []assessment.Record
	var previous *assessment.Record
	for year, period := range Periods {
		rec := g.record(year, period, previous)
		records = append(records, rec)
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

// partnership builds Northshire with its statutory partners and relevant
// agencies.
func (g *generator) partnership() assessment.Partnership {
	created := time.Date(2023, time.March, 6, 9, 30, 0, 0, time.UTC)
	p := assessment.Partnership{ID: g.id(), Name: PartnershipName, Area: "Northshire",
		CreatedAt: created, UpdatedAt: created}
	for _, a := range agencies {
		p.Agencies = append(p.Agencies, assessment.Agency{ID: g.id(), PartnershipID: p.ID,
			Name: a.name, Kind: a.kind, CreatedAt: created, UpdatedAt: created})
	}
	return p
}

// agency finds the demo agency with the given name.
func (g *generator) agency(name string) assessment.Agency {
	for _, a := range g.p.Agencies {
		if a.Name == name {
			return a
		}
	}
	panic("demo: no agency " + name)
}
