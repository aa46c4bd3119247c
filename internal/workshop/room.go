package workshop

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// ErrWrongPIN means a join gave the wrong PIN or came through the wrong
// link; which of the two is never said.
var ErrWrongPIN = errors.New("that PIN or link is not right: check both with the facilitator")

// ErrNoName means a participant gave no name where one is needed.
var ErrNoName = errors.New("give your name, or ask the facilitator to allow joining anonymously")

// ErrNoAgency means a participant chose no agency, or one the partnership
// does not have.
var ErrNoAgency = errors.New("choose your agency from the list")

// checkSecret reports whether secret is the workshop's, in constant time.
func (w *Workshop) checkSecret(secret string) bool {
	return subtle.ConstantTimeCompare([]byte(secret), []byte(w.secret)) == 1
}

// Join adds a participant who joined from their own phone or browser and
// returns their token for the cookie. name may be empty when anonymous
// joining is allowed; agencyID must be one of the partnership's agencies.
func (w *Workshop) Join(ctx context.Context, pin, name, agencyID string) (string, error) {
	if subtle.ConstantTimeCompare([]byte(pin), []byte(w.pin)) != 1 {
		return "", ErrWrongPIN
	}
	name = strings.TrimSpace(name)
	if err := assessment.RoomNameField.Check(name); err != nil {
		return "", err
	}
	var agency assessment.Agency
	for _, a := range w.partnership.Agencies {
		if a.ID == agencyID {
			agency = a
		}
	}
	if agency.ID == "" {
		return "", ErrNoAgency
	}
	if name == "" {
		if !w.opts.AllowAnonymous {
			return "", ErrNoName
		}
		name = "Anonymous (" + agency.Name + ")"
	}
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	token := hex.EncodeToString(b)
	w.mu.Lock()
	if w.ended {
		w.mu.Unlock()
		return "", ErrEnded
	}
	if len(w.people) >= MaxParticipants {
		w.mu.Unlock()
		return "", ErrFull
	}
	p, err := w.st.AddParticipant(ctx, assessment.Participant{AssessmentID: w.assessment.ID, Name: name,
		AgencyID: agency.ID, JoinedBy: assessment.JoinedByPhone})
	if err != nil {
		w.mu.Unlock()
		return "", err
	}
	w.people[p.ID] = p
	w.order = append(w.order, p.ID)
	w.tokens[token] = p.ID
	joiners := slices.Clone(w.joiners)
	w.unlockAndNotify(w.changed())
	for _, fn := range joiners {
		fn(p)
	}
	return token, nil
}

// participantOf returns the participant id a token belongs to.
func (w *Workshop) participantOf(token string) (string, bool) {
	if token == "" {
		return "", false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	id, ok := w.tokens[token]
	return id, ok
}

// Vote saves a vote a participant cast from their phone on questionID,
// which must be the current question. level NotAssessed means "not sure".
func (w *Workshop) Vote(ctx context.Context, token, questionID string, level int, comment string) error {
	id, ok := w.participantOf(token)
	if !ok {
		return ErrUnknownParticipant
	}
	return w.vote(ctx, id, questionID, level, comment, true)
}

// RoomState is what a participant's phone shows, as /api/state serves it:
// only the current question, the counts, their own vote, and the spread
// once revealed. Nothing else leaves the laptop.
type RoomState struct {
	Status   string        `json:"status"`
	You      string        `json:"you"`
	Question *RoomQuestion `json:"question"`
	Round    int           `json:"round"`
	Revealed bool          `json:"revealed"`
	Voted    int           `json:"voted"`
	Expected int           `json:"expected"`
	YourVote *RoomVote     `json:"your_vote"`
	Scale    []RoomLevel   `json:"scale"`
	Waiting  []string      `json:"still_to_vote"`
	Spread   *RoomSpread   `json:"spread"`
	Version  uint64        `json:"version"`
}

// RoomQuestion is the current question, quoted word for word.
type RoomQuestion struct {
	ID       string `json:"id"`
	Theme    string `json:"theme"`
	Section  string `json:"section"`
	Text     string `json:"text"`
	Position int    `json:"position"`
	Total    int    `json:"total"`
}

// RoomVote is the participant's own vote; Level is null for "not sure".
type RoomVote struct {
	Level   *int   `json:"level"`
	Comment string `json:"comment"`
}

// RoomLevel is one level of the scale a participant chooses from.
type RoomLevel struct {
	Level int    `json:"level"`
	Label string `json:"label"`
}

// RoomSpread is the revealed spread.
type RoomSpread struct {
	Dots      []RoomDot `json:"dots"`
	NotSure   int       `json:"not_sure"`
	Median    *float64  `json:"median"`
	Divergent bool      `json:"divergent"`
}

// RoomDot is one revealed vote: its level and agency group, and the
// voter's name only when the facilitator shows names.
type RoomDot struct {
	Level  int    `json:"level"`
	Agency string `json:"agency"`
	Label  string `json:"agency_label"`
	Colour string `json:"colour"`
	Name   string `json:"name,omitempty"`
}

// Status values of RoomState.
const (
	statusOpen  = "open"
	statusEnded = "ended"
)

// RoomStateFor returns what the participant with token sees; ok is false
// when the token is unknown.
func (w *Workshop) RoomStateFor(token string) (RoomState, bool) {
	id, ok := w.participantOf(token)
	if !ok {
		return RoomState{}, false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.ended {
		return RoomState{Status: statusEnded, Version: w.version}, true
	}
	q := w.current()
	_, th, _ := w.q.Question(q.ID)
	r := w.roundOf(q.ID)
	st := RoomState{Status: statusOpen, You: w.people[id].Name, Round: r.number, Revealed: r.revealed,
		Question: &RoomQuestion{ID: q.ID, Theme: th.Title, Section: questionnaire.SectionLabel(q.Section) + ", " + w.q.Source.Title, Text: q.Text, Position: w.cur + 1, Total: len(w.questions)},
		Version:  w.version, Scale: []RoomLevel{}, Waiting: []string{}}
	for _, l := range w.q.Scale.Levels {
		st.Scale = append(st.Scale, RoomLevel{Level: l.Value, Label: l.Label})
	}
	for _, p := range w.voters() {
		st.Expected++
		if _, ok := r.votes[p.ID]; ok {
			st.Voted++
		} else if w.showNames {
			st.Waiting = append(st.Waiting, p.Name)
		}
	}
	if v, ok := r.votes[id]; ok {
		st.YourVote = &RoomVote{Comment: v.Comment}
		if v.Level != assessment.NotAssessed {
			st.YourVote.Level = &v.Level
		}
	}
	if r.revealed {
		s := w.spreadOf(r, w.showNames)
		rs := &RoomSpread{Dots: []RoomDot{}, NotSure: s.NotSure, Divergent: s.Divergent}
		if s.HasMedian {
			rs.Median = &s.Median
		}
		for _, d := range s.Dots {
			rs.Dots = append(rs.Dots, RoomDot{Level: d.Level, Agency: d.Group.Code, Label: d.Group.Label,
				Colour: fmt.Sprintf("#%02x%02x%02x", d.Group.Colour.R, d.Group.Colour.G, d.Group.Colour.B), Name: d.Name})
		}
		st.Spread = rs
	}
	return st, true
}
