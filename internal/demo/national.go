package demo

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// England is the number of safeguarding children partnerships in England,
// the size of the target national dataset.
const England = 132

// LatestPeriod is the period of every invented partnership's latest
// assessment; earlier ones go back a year at a time.
const LatestPeriod = "2025/26"

// MaxYears is the most years National goes back.
const MaxYears = 30

// ErrOptions is wrapped by every reason Options cannot be used.
var ErrOptions = errors.New("invalid demo options")

// Options say how large a national dataset to invent.
type Options struct {
	// Partnerships is how many partnerships, from 1 to MaxPartnerships().
	Partnerships int
	// Years is how many years of assessments each has, from 1 to MaxYears,
	// ending with LatestPeriod.
	Years int
	// Seed makes the dataset: the same seed gives the same data.
	Seed uint64
}

// Validate says why the options cannot be used, or returns nil.
func (o Options) Validate() error {
	if o.Partnerships < 1 || o.Partnerships > MaxPartnerships() {
		return fmt.Errorf("partnerships must be from 1 to %d, not %d: %w", MaxPartnerships(), o.Partnerships, ErrOptions)
	}
	if o.Years < 1 || o.Years > MaxYears {
		return fmt.Errorf("years must be from 1 to %d, not %d: %w", MaxYears, o.Years, ErrOptions)
	}
	return nil
}

// NationalPeriods are the periods each invented partnership is assessed
// for, oldest first, ending with LatestPeriod.
func NationalPeriods(years int) []string {
	last := startOf(LatestPeriod).Year()
	out := make([]string, years)
	for i := range out {
		out[i] = periodOf(last - years + 1 + i)
	}
	return out
}

// nameStream is the random stream the area names are shuffled with; the
// partnerships' own streams are 1, 2, 3….
const nameStream = 1 << 62

// NationalAreas returns the invented area names of the first n
// partnerships National makes from seed (n at most MaxPartnerships()),
// whose names PartnershipOf gives. The first n of a larger dataset are the
// same n.
func NationalAreas(seed uint64, n int) []string {
	names := areaNames()
	newRand(seed, nameStream).Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	return names[:min(n, len(names))]
}

// PartnershipOf is the name of the invented partnership of an area, such
// as "Tarncombe Safeguarding Children Partnership".
func PartnershipOf(area string) string { return area + " Safeguarding Children Partnership" }

// MaxPartnerships is how many partnerships National can invent, each with
// its own name.
func MaxPartnerships() int { return len(areaNames()) }

// areaNames joins every first part of a place name to every ending, in
// order, leaving out any that names a real council or place and any whose
// parts run the same letter together ("Pellley").
func areaNames() []string {
	var out []string
	for _, first := range placeFirsts {
		for _, end := range placeEnds {
			name := first + end
			if first[len(first)-1] != end[0] && !realCouncils[strings.ToLower(name)] {
				out = append(out, name)
			}
		}
	}
	return out
}

// National invents o.Partnerships partnerships with o.Years assessments
// each against q and yields each partnership's records, oldest first. Each
// year is started from the one before and carries its open actions; the
// older years are signed off, the latest agreed or still a draft. Most
// partnerships improve slowly, some hold steady and some decline; some
// leave a few questions unassessed. Partnership i is the same whatever
// o.Partnerships is. It panics if o.Validate fails.
func National(q *questionnaire.Questionnaire, o Options) iter.Seq[[]assessment.Record] {
	if err := o.Validate(); err != nil {
		panic(err)
	}
	areas := NationalAreas(o.Seed, o.Partnerships)
	periods := NationalPeriods(o.Years)
	return func(yield func([]assessment.Record) bool) {
		for i := range areas {
			rng := newRand(o.Seed, uint64(i+1))
			g := &generator{rng: rng, q: q}
			g.profile, g.script = invent(rng, areas, i, periods)
			if !yield(g.build()) {
				return
			}
		}
	}
}

// invent makes up partnership i: its agencies, people, scrutineer and
// how its levels move.
func invent(rng *rand.Rand, areas []string, i int, periods []string) (profile, *invented) {
	area := areas[i]
	// Neighbours share an integrated care board (three areas to one) and a
	// police force (four to one), named after the first areas they cover.
	icb := "NHS " + regionName(areas, i, 3) + " Integrated Care Board"
	police := regionName(areas, i, 4) + " Police"
	la := area + " Council"
	p := profile{
		name: PartnershipOf(area), area: area,
		agencies: []agencySpec{{la, assessment.LocalAuthority}, {icb, assessment.IntegratedCareBoard}, {police, assessment.Police}},
		created:  startOf(periods[0]).AddDate(0, -1, -rng.IntN(60)).Add(9*time.Hour + 30*time.Minute),
		periods:  periods, latest: assessment.Agreed,
		docs: map[string][]doc{},
	}
	names := newNamer(rng)
	s := &invented{}
	for _, r := range statutoryRoles {
		agency := []string{la, icb, police}[slices.Index(assessment.AgencyKinds, r.kind)]
		s.people = append(s.people, person{names.next(r.title), r.role, agency})
	}
	relevant := slices.Clone(relevantAgencies)
	rng.Shuffle(len(relevant), func(a, b int) { relevant[a], relevant[b] = relevant[b], relevant[a] })
	for _, r := range relevant[:2+rng.IntN(3)] {
		name := fmt.Sprintf(r.name, area)
		p.agencies = append(p.agencies, agencySpec{name, assessment.RelevantAgency})
		s.people = append(s.people, person{names.next(""), r.role, name})
	}
	p.facilitator = s.people[0].name
	p.signers = []person{s.people[1], s.people[4], s.people[7]}
	p.scrutineer = names.next("Dr ") + ", Independent Scrutineer"
	if rng.IntN(5) < 2 {
		p.latest = assessment.Draft
	}
	slug := strings.ToLower(area)
	for theme, list := range nationalDocs {
		for _, d := range list {
			p.docs[theme] = append(p.docs[theme], doc{d.title, fmt.Sprintf(d.location, slug)})
		}
	}
	s.trajectory(rng)
	return p, s
}

// regionName names the region of partnership i when regions take size
// areas each: after its first area, and its second when there is one.
func regionName(areas []string, i, size int) string {
	first := i / size * size
	if first+1 < len(areas) {
		return areas[first] + " and " + areas[first+1]
	}
	return areas[first]
}

// namer draws people's names, never the same one twice in a partnership.
type namer struct {
	rng  *rand.Rand
	used map[string]bool
}

// newNamer returns a namer drawing from rng.
func newNamer(rng *rand.Rand) *namer { return &namer{rng: rng, used: map[string]bool{}} }

// next draws a new name, with title (such as "Dr ") before it.
func (n *namer) next(title string) string {
	for {
		name := title + givenNames[n.rng.IntN(len(givenNames))] + " " + familyNames[n.rng.IntN(len(familyNames))]
		if !n.used[name] {
			n.used[name] = true
			return name
		}
	}
}

// invented is the script of an invented partnership: its people, and how
// its levels move from year to year.
type invented struct {
	people []person
	// base is the mean first-year level.
	base float64
	// up and down are the chances a question's level rises or falls in a
	// year; gaps the chance it is left unassessed.
	up, down, gaps float64
}

// trajectory draws how the partnership's levels move: most improve slowly,
// some hold steady and a few decline; most assess every question.
func (s *invented) trajectory(rng *rand.Rand) {
	s.base = 1.3 + 1.7*rng.Float64()
	switch r := rng.Float64(); {
	case r < 0.7:
		s.up, s.down = 0.15+0.2*rng.Float64(), 0.03
	case r < 0.85:
		s.up, s.down = 0.08, 0.08
	default:
		s.up, s.down = 0.05, 0.15+0.15*rng.Float64()
	}
	s.gaps = []float64{0, 0, 0, 0.02, 0.05, 0.1}[rng.IntN(6)]
}

// attendees are the four statutory leads (the business manager and one
// lead per statutory partner) and others drawn each year, 8 to 10 in all,
// in the order of the people list.
func (s *invented) attendees(y *year) []person {
	core := []int{0, 1, 4, 7}
	others := make([]int, 0, len(s.people))
	for i := range s.people {
		if !slices.Contains(core, i) {
			others = append(others, i)
		}
	}
	y.rng.Shuffle(len(others), func(a, b int) { others[a], others[b] = others[b], others[a] })
	want := min(len(s.people), []int{8, 8, 8, 9, 9, 10}[y.rng.IntN(6)])
	chosen := append(core, others[:want-len(core)]...)
	slices.Sort(chosen)
	out := make([]person, len(chosen))
	for i, c := range chosen {
		out[i] = s.people[c]
	}
	return out
}

// level drifts last year's level: up a step with chance up, less often the
// higher it is; down with chance down. A question first assessed (or
// assessed again) starts near the partnership's base.
func (s *invented) level(y *year, id string) int {
	gaps := s.gaps
	if y.previous == nil {
		gaps += 0.03
	}
	if y.rng.Float64() < gaps {
		return assessment.NotAssessed
	}
	last := y.lastLevel(id)
	if last == assessment.NotAssessed {
		return y.clamp(int(s.base + y.rng.Float64()*1.5 - 0.5))
	}
	top := float64(y.q.MaxLevel())
	switch r := y.rng.Float64(); {
	case r < s.up*(top-float64(last)+1)/top*1.5:
		last++
	case r > 1-s.down:
		last--
	}
	return y.clamp(last)
}

// words draws the theme's text for the year, the strengths and areas for
// development fitting the theme's level the year before.
func (s *invented) words(y *year, themeID string) words {
	bank, ok := nationalWords[themeID]
	if !ok {
		bank = nationalWords[""]
	}
	band := 0
	if y.previous != nil {
		for _, ts := range assessment.ThemeScores(y.q, y.previous.Responses) {
			if ts.ThemeID == themeID && ts.Level.Valid() {
				band = min(2, max(0, int(ts.Level.Mean+0.5)-2))
			}
		}
	} else {
		band = min(2, max(0, int(s.base+0.5)-2))
	}
	n := func(lo, hi int) any { return lo + y.rng.IntN(hi-lo+1) }
	ev := bank.evidence[y.rng.IntN(len(bank.evidence))]
	args := make([]any, len(ev.ranges))
	for i, r := range ev.ranges {
		args[i] = n(r[0], r[1])
	}
	return words{
		evidence:  fmt.Sprintf(ev.text, args...),
		strengths: bank.strengths[band], areas: bank.areas[band],
		rationale: rationales[y.rng.IntN(len(rationales))],
	}
}

// newActions sets three to five actions on the weakest questions that have
// no open action carried into this year, owned by a person of the agency
// kind the action suits.
func (s *invented) newActions(y *year) []actionSpec {
	carried := map[string]bool{}
	for _, a := range y.rec.Actions {
		carried[a.QuestionID] = true
	}
	var candidates []assessment.Response
	for _, r := range y.rec.Responses {
		if r.Level != assessment.NotAssessed && !carried[r.QuestionID] {
			candidates = append(candidates, r)
		}
	}
	y.rng.Shuffle(len(candidates), func(a, b int) { candidates[a], candidates[b] = candidates[b], candidates[a] })
	slices.SortStableFunc(candidates, func(a, b assessment.Response) int { return cmp.Compare(a.Level, b.Level) })
	candidates = candidates[:min(len(candidates), 3+y.rng.IntN(3))]
	out := make([]actionSpec, len(candidates))
	for i, r := range candidates {
		t, ok := nationalActions[r.QuestionID]
		if !ok {
			_, theme, _ := y.q.Question(r.QuestionID)
			t = nationalAction{"Agree and deliver a plan to strengthen " + strings.ToLower(theme.Title),
				"The plan's milestones met on time; the theme's level rises at the next assessment", assessment.LocalAuthority}
		}
		owner := s.ownerOf(y, t.kind)
		out[i] = actionSpec{question: r.QuestionID, title: t.title, owner: owner.name, agency: owner.agency, measure: t.measure}
	}
	return out
}

// ownerOf draws a person of an agency of the given kind.
func (s *invented) ownerOf(y *year, kind assessment.AgencyKind) person {
	var fit []person
	for _, p := range s.people {
		if y.agencyKind(p.agency) == kind {
			fit = append(fit, p)
		}
	}
	if len(fit) == 0 {
		fit = s.people
	}
	return fit[y.rng.IntN(len(fit))]
}

// agencyKind is the kind of the partnership's agency with the given name.
func (g *generator) agencyKind(name string) assessment.AgencyKind {
	return g.agency(name).Kind
}
