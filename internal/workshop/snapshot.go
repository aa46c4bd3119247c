package workshop

import (
	"image/color"
	"slices"
	"strings"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// Group is the kind of agency a vote is shown under: every dot on the
// spread carries the group's letters as well as its colour.
type Group struct {
	// Code is the short text shown on the dot, such as "LA".
	Code string
	// Label is the group in words.
	Label string
	// Colour is the dot's colour; each has at least 7:1 contrast with
	// white letters on it.
	Colour color.NRGBA
}

// The agency groups the room sees.
var (
	GroupLocalAuthority = Group{"LA", "Local authority", color.NRGBA{0x00, 0x4B, 0x87, 0xFF}}
	GroupHealth         = Group{"H", "Health", color.NRGBA{0x00, 0x58, 0x3A, 0xFF}}
	GroupPolice         = Group{"P", "Police", color.NRGBA{0x3B, 0x2A, 0x86, 0xFF}}
	GroupEducation      = Group{"E", "Education", color.NRGBA{0x8B, 0x2F, 0x00, 0xFF}}
	GroupOther          = Group{"O", "Other", color.NRGBA{0x4A, 0x4A, 0x4A, 0xFF}}
)

// Groups lists every agency group in the order a legend shows them.
var Groups = []Group{GroupLocalAuthority, GroupHealth, GroupPolice, GroupEducation, GroupOther}

// GroupOf returns the group of an agency: the statutory partners by kind,
// and among relevant agencies, schools and education by name.
func GroupOf(a assessment.Agency) Group {
	switch a.Kind {
	case assessment.LocalAuthority:
		return GroupLocalAuthority
	case assessment.IntegratedCareBoard:
		return GroupHealth
	case assessment.Police:
		return GroupPolice
	}
	name := strings.ToLower(a.Name)
	for _, word := range []string{"school", "education", "college", "academy"} {
		if strings.Contains(name, word) {
			return GroupEducation
		}
	}
	if strings.Contains(name, "health") || strings.Contains(name, "nhs") {
		return GroupHealth
	}
	return GroupOther
}

// Dot is one vote on the revealed spread.
type Dot struct {
	Level int
	Group Group
	// Name is the voter's name, or "" unless names are shown.
	Name string
}

// Spread is the revealed picture of one round's votes.
type Spread struct {
	// Dots are the votes with a level, lowest level first.
	Dots []Dot
	// NotSure counts the votes of "not sure".
	NotSure int
	// Median is the median level; HasMedian is false with no levels.
	Median    float64
	HasMedian bool
	// Divergent is true when votes lie two or more levels apart.
	Divergent bool
}

// Ballot is one participant's vote in the current round, as the
// facilitator's grid shows it. Level NotAssessed means "not sure".
type Ballot struct {
	Participant assessment.Participant
	Group       Group
	Voted       bool
	Level       int
	Comment     string
}

// Snapshot is everything the facilitator's screens show at one moment.
type Snapshot struct {
	Question  questionnaire.Question
	Theme     questionnaire.Theme
	Index     int
	Total     int
	Round     int
	Revealed  bool
	Ended     bool
	ShowNames bool
	Voted     int
	Expected  int
	// StillToVote names those still to vote, in the order they joined.
	StillToVote []string
	// Ballots has a row per voter, in the order they joined.
	Ballots []Ballot
	// Spread is the current round's spread, for after the reveal.
	Spread Spread
	// Agreed and Rationale are the question's agreed level and why.
	Agreed    int
	Rationale string
	// TimerEnds is when the running timer reveals the votes, or zero.
	TimerEnds time.Time
	// Participants is everyone in the workshop, facilitator included.
	Participants []assessment.Participant
	// Version rises with every change.
	Version uint64
}

// Snapshot returns the workshop as it is now.
func (w *Workshop) Snapshot() Snapshot {
	w.mu.Lock()
	defer w.mu.Unlock()
	q := w.current()
	_, th, _ := w.q.Question(q.ID)
	r := w.roundOf(q.ID)
	resp := w.responses[q.ID]
	s := Snapshot{Question: q, Theme: th, Index: w.cur, Total: len(w.questions), Round: r.number,
		Revealed: r.revealed, Ended: w.ended, ShowNames: w.showNames, Agreed: resp.Level,
		Rationale: resp.Rationale, TimerEnds: w.timerEnds, Version: w.version}
	for _, id := range w.order {
		s.Participants = append(s.Participants, w.people[id])
	}
	for _, p := range w.voters() {
		v, voted := r.votes[p.ID]
		s.Ballots = append(s.Ballots, Ballot{Participant: p, Group: w.groupOf(p), Voted: voted, Level: v.Level, Comment: v.Comment})
		if voted {
			s.Voted++
		} else {
			s.StillToVote = append(s.StillToVote, p.Name)
		}
	}
	s.Expected = len(s.Ballots)
	s.Spread = w.spreadOf(r, true)
	return s
}

// groupOf returns the agency group of a participant; the caller holds
// the lock.
func (w *Workshop) groupOf(p assessment.Participant) Group {
	for _, a := range w.partnership.Agencies {
		if a.ID == p.AgencyID {
			return GroupOf(a)
		}
	}
	return GroupOther
}

// spreadOf returns the spread of a round's votes, naming the voters when
// names is true; the caller holds the lock.
func (w *Workshop) spreadOf(r *round, names bool) Spread {
	var s Spread
	var levels []int
	for _, id := range w.order {
		v, ok := r.votes[id]
		if !ok {
			continue
		}
		if v.Level == assessment.NotAssessed {
			s.NotSure++
			continue
		}
		d := Dot{Level: v.Level, Group: w.groupOf(w.people[id])}
		if names {
			d.Name = w.people[id].Name
		}
		s.Dots = append(s.Dots, d)
		levels = append(levels, v.Level)
	}
	sortDots(s.Dots)
	s.Median, s.HasMedian = assessment.Median(levels)
	if len(levels) > 0 {
		sp := assessment.Spreads(votesAt(levels))[""]
		s.Divergent = sp.Divergent()
	}
	return s
}

// votesAt returns one unnamed vote per level, for assessment.Spreads.
func votesAt(levels []int) []assessment.Vote {
	out := make([]assessment.Vote, len(levels))
	for i, l := range levels {
		out[i].Level = l
	}
	return out
}

// sortDots orders dots by level, keeping join order within a level.
func sortDots(dots []Dot) {
	slices.SortStableFunc(dots, func(a, b Dot) int { return a.Level - b.Level })
}
