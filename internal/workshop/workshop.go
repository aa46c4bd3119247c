// Package workshop runs a partnership's workshop on one assessment: the
// facilitator moves through the questions, partners vote from their own
// phones or browsers through a small web server for the room, the room sees
// the spread of votes after the reveal, and the board agrees a level.
//
// Workshop holds the state and saves every vote, participant and agreed
// level through the store at once, each in its own transaction with its
// audit row. Server serves the room: embedded pages and a JSON API under a
// join URL that carries an unguessable secret, a 4-digit PIN to join, a
// cookie per participant, and limits on body size and request rate. The
// package imports no Fyne: the desktop app and maturityctl both drive it.
package workshop

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/internal/store"
)

// Limits on the text a participant can send, in characters; the limits
// themselves are assessment.RoomNameField's and RoomCommentField's.
var (
	// MaxNameLength is the longest name a participant can give.
	MaxNameLength = assessment.RoomNameField.Max
	// MaxCommentLength is the longest comment on a vote.
	MaxCommentLength = assessment.RoomCommentField.Max
)

// Limits on a workshop.
const (
	// MaxParticipants is the most people who can join one workshop.
	MaxParticipants = 200
	// DefaultTimer is how long the timer runs before it reveals the votes.
	DefaultTimer = 2 * time.Minute
)

// Errors a participant or the facilitator must understand. The server
// maps each to its HTTP status.
var (
	// ErrNotCurrent means a vote was for a question that is not on screen.
	ErrNotCurrent = errors.New("that question is no longer the current one")
	// ErrRevealed means the votes of this round have already been revealed.
	ErrRevealed = errors.New("the votes for this round have already been revealed")
	// ErrEnded means the workshop has ended.
	ErrEnded = errors.New("the workshop has ended")
	// ErrLevel means a level is not on the question set's scale.
	ErrLevel = errors.New("level is not on the scale")
	// ErrFull means MaxParticipants have already joined.
	ErrFull = errors.New("the workshop is full")
	// ErrUnknownParticipant means no participant has the given id.
	ErrUnknownParticipant = errors.New("no such participant in this workshop")
)

// Store is what a workshop needs from the database; *store.Store has it.
type Store interface {
	LoadRecord(ctx context.Context, assessmentID string) (assessment.Record, error)
	Questionnaire(ctx context.Context, id, version string) (*questionnaire.Questionnaire, error)
	AddParticipant(ctx context.Context, p assessment.Participant) (assessment.Participant, error)
	SaveVote(ctx context.Context, v assessment.Vote) (assessment.Vote, error)
	SaveResponse(ctx context.Context, r assessment.Response) (assessment.Response, error)
}

// compile-time check that the real store serves a workshop.
var _ Store = (*store.Store)(nil)

// Options change how a workshop runs.
type Options struct {
	// AllowAnonymous lets a participant join with their agency only.
	AllowAnonymous bool
	// GracePeriod is how long the server keeps answering after the
	// workshop ends, so that phones can show that it has ended.
	GracePeriod time.Duration
	// JoinLimit and RequestLimit bound how often one address may try to
	// join and one participant may call the API; zero means the defaults.
	JoinLimit, RequestLimit Rate
}

// round is the votes of the current round of one question.
type round struct {
	number   int
	revealed bool
	votes    map[string]assessment.Vote
}

// Workshop is one running workshop on one assessment. It is safe for
// concurrent use.
type Workshop struct {
	st          Store
	q           *questionnaire.Questionnaire
	partnership assessment.Partnership
	assessment  assessment.Assessment
	questions   []questionnaire.Question
	opts        Options
	secret, pin string

	mu        sync.Mutex
	cur       int
	rounds    map[string]*round
	people    map[string]assessment.Participant
	order     []string
	tokens    map[string]string
	responses map[string]assessment.Response
	showNames bool
	timer     *time.Timer
	timerEnds time.Time
	ended     bool
	version   uint64
	listeners []func()
	joiners   []func(assessment.Participant)
}

// Open loads an assessment and prepares a workshop on it, starting at its
// first question, with a new secret and PIN. Votes already in the database
// are kept: each question resumes in its latest round, not yet revealed.
func Open(ctx context.Context, st Store, assessmentID string, opts Options) (*Workshop, error) {
	rec, err := st.LoadRecord(ctx, assessmentID)
	if err != nil {
		return nil, err
	}
	if rec.Assessment.Status == assessment.SignedOff {
		return nil, store.ErrSignedOff
	}
	q, err := st.Questionnaire(ctx, rec.Assessment.QuestionnaireID, rec.Assessment.QuestionnaireVersion)
	if err != nil {
		return nil, err
	}
	secret, pin, err := newSecretAndPIN()
	if err != nil {
		return nil, err
	}
	w := &Workshop{st: st, q: q, partnership: rec.Partnership, assessment: rec.Assessment, opts: opts,
		secret: secret, pin: pin, rounds: map[string]*round{}, people: map[string]assessment.Participant{},
		tokens: map[string]string{}, responses: map[string]assessment.Response{}}
	for _, th := range q.Themes {
		w.questions = append(w.questions, th.Questions...)
	}
	for _, p := range rec.Participants {
		w.people[p.ID] = p
		w.order = append(w.order, p.ID)
	}
	for _, r := range rec.Responses {
		w.responses[r.QuestionID] = r
	}
	for _, v := range rec.Votes {
		r := w.roundOf(v.QuestionID)
		if v.RoundOf() > r.number {
			r.number, r.votes = v.RoundOf(), map[string]assessment.Vote{}
		}
		if v.RoundOf() == r.number {
			r.votes[v.ParticipantID] = v
		}
	}
	return w, nil
}

// newSecretAndPIN returns a 128-bit secret for the join URL and a 4-digit
// PIN, both from the operating system's random source.
func newSecretAndPIN() (string, string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", "", fmt.Errorf("making the workshop's secret: %w", err)
	}
	n, err := rand.Int(rand.Reader, big.NewInt(10000))
	if err != nil {
		return "", "", fmt.Errorf("making the workshop's PIN: %w", err)
	}
	secret := strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
	return secret, fmt.Sprintf("%04d", n.Int64()), nil
}

// PIN returns the room's 4-digit PIN.
func (w *Workshop) PIN() string { return w.pin }

// Questionnaire returns the question set the assessment answers.
func (w *Workshop) Questionnaire() *questionnaire.Questionnaire { return w.q }

// Partnership returns the partnership whose assessment this is.
func (w *Workshop) Partnership() assessment.Partnership { return w.partnership }

// Assessment returns the assessment the workshop works on.
func (w *Workshop) Assessment() assessment.Assessment { return w.assessment }

// OnChange registers fn to be called, on the goroutine that made the
// change and after the workshop's lock is released, whenever anything
// changes: a vote, a join, a move, a reveal.
func (w *Workshop) OnChange(fn func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.listeners = append(w.listeners, fn)
}

// OnJoin registers fn to be called with each participant who joins from
// their phone, on the goroutine that served the join and after the
// workshop's lock is released, so that a list of participants can show
// them as they arrive. A UI must hand the call to its own thread.
func (w *Workshop) OnJoin(fn func(assessment.Participant)) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.joiners = append(w.joiners, fn)
}

// changed bumps the version; the caller holds the lock. It returns the
// listeners to call once the lock is released.
func (w *Workshop) changed() []func() {
	w.version++
	return slices.Clone(w.listeners)
}

// unlockAndNotify releases the lock and calls the listeners.
func (w *Workshop) unlockAndNotify(notify []func()) {
	w.mu.Unlock()
	for _, fn := range notify {
		fn()
	}
}

// roundOf returns the current round of a question, creating round 1; the
// caller holds the lock.
func (w *Workshop) roundOf(questionID string) *round {
	r, ok := w.rounds[questionID]
	if !ok {
		r = &round{number: assessment.FirstRound, votes: map[string]assessment.Vote{}}
		w.rounds[questionID] = r
	}
	return r
}

// current returns the question on screen; the caller holds the lock.
func (w *Workshop) current() questionnaire.Question { return w.questions[w.cur] }

// voters returns the participants expected to vote: everyone but the
// facilitator, in the order they were added; the caller holds the lock.
func (w *Workshop) voters() []assessment.Participant {
	var out []assessment.Participant
	for _, id := range w.order {
		if p := w.people[id]; !p.Facilitator {
			out = append(out, p)
		}
	}
	return out
}

// Next moves to the next question, staying on the last.
func (w *Workshop) Next() error {
	return w.move(func(i int) int { return min(i+1, len(w.questions)-1) })
}

// Prev moves to the previous question, staying on the first.
func (w *Workshop) Prev() error { return w.move(func(i int) int { return max(i-1, 0) }) }

// Goto moves to the question with the given id.
func (w *Workshop) Goto(questionID string) error {
	i := slices.IndexFunc(w.questions, func(q questionnaire.Question) bool { return q.ID == questionID })
	if i < 0 {
		return fmt.Errorf("no question %q in %s", questionID, w.q.Title)
	}
	return w.move(func(int) int { return i })
}

// move sets the current question to to(current).
func (w *Workshop) move(to func(int) int) error { return w.act(func() { w.cur = to(w.cur) }) }

// Reveal shows the spread of the current round's votes.
func (w *Workshop) Reveal() error {
	return w.act(func() { w.roundOf(w.current().ID).revealed = true })
}

// Revote opens a new round on the current question; the votes of the
// earlier rounds stay in the database for the record.
func (w *Workshop) Revote() error {
	return w.act(func() {
		r := w.roundOf(w.current().ID)
		r.number, r.revealed, r.votes = r.number+1, false, map[string]assessment.Vote{}
	})
}

// act runs a facilitator's change under the lock, unless the workshop has
// ended, stops the timer and tells the listeners.
func (w *Workshop) act(change func()) error {
	w.mu.Lock()
	if w.ended {
		w.mu.Unlock()
		return ErrEnded
	}
	change()
	w.stopTimer()
	w.unlockAndNotify(w.changed())
	return nil
}

// SetShowNames chooses whether the room sees who is still to vote and who
// cast each vote after the reveal.
func (w *Workshop) SetShowNames(show bool) {
	w.mu.Lock()
	w.showNames = show
	w.unlockAndNotify(w.changed())
}

// ToggleTimer starts a timer of d that reveals the votes when it ends, or
// stops the timer when one is running.
func (w *Workshop) ToggleTimer(d time.Duration) {
	w.mu.Lock()
	if w.timer != nil {
		w.stopTimer()
	} else if !w.ended {
		qid := w.current().ID
		w.timerEnds = time.Now().Add(d)
		w.timer = time.AfterFunc(d, func() { w.timerEnded(qid) })
	}
	w.unlockAndNotify(w.changed())
}

// timerEnded reveals the question the timer was started on, if it is
// still the current one.
func (w *Workshop) timerEnded(questionID string) {
	w.mu.Lock()
	if w.ended || w.current().ID != questionID || w.timer == nil {
		w.mu.Unlock()
		return
	}
	w.timer, w.timerEnds = nil, time.Time{}
	w.roundOf(questionID).revealed = true
	w.unlockAndNotify(w.changed())
}

// stopTimer stops a running timer; the caller holds the lock.
func (w *Workshop) stopTimer() {
	if w.timer != nil {
		w.timer.Stop()
	}
	w.timer, w.timerEnds = nil, time.Time{}
}

// Agree saves level as the current question's agreed level, with the
// rationale when one is given (an empty rationale keeps the one saved).
func (w *Workshop) Agree(ctx context.Context, level int, rationale string) error {
	if _, ok := w.q.Level(level); !ok {
		return fmt.Errorf("%w: %d (the scale runs %d–%d)", ErrLevel, level, w.q.MinLevel(), w.q.MaxLevel())
	}
	w.mu.Lock()
	if w.ended {
		w.mu.Unlock()
		return ErrEnded
	}
	qid := w.current().ID
	r, ok := w.responses[qid]
	if !ok {
		r = assessment.Response{AssessmentID: w.assessment.ID, QuestionID: qid}
	}
	r.Level = level
	if strings.TrimSpace(rationale) != "" {
		r.Rationale = rationale
	}
	saved, err := w.st.SaveResponse(ctx, r)
	if err != nil {
		w.mu.Unlock()
		return err
	}
	w.responses[qid] = saved
	w.unlockAndNotify(w.changed())
	return nil
}

// End ends the workshop: no more votes, and the room is told so. Ending
// an ended workshop changes nothing.
func (w *Workshop) End() {
	w.mu.Lock()
	if w.ended {
		w.mu.Unlock()
		return
	}
	w.ended = true
	w.stopTimer()
	w.unlockAndNotify(w.changed())
}

// Ended reports whether the workshop has ended.
func (w *Workshop) Ended() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.ended
}

// AddParticipant adds a participant to the assessment and the workshop,
// as the facilitator does on the laptop.
func (w *Workshop) AddParticipant(ctx context.Context, p assessment.Participant) (assessment.Participant, error) {
	p.AssessmentID = w.assessment.ID
	w.mu.Lock()
	if len(w.people) >= MaxParticipants {
		w.mu.Unlock()
		return assessment.Participant{}, ErrFull
	}
	saved, err := w.st.AddParticipant(ctx, p)
	if err != nil {
		w.mu.Unlock()
		return assessment.Participant{}, err
	}
	w.people[saved.ID] = saved
	w.order = append(w.order, saved.ID)
	w.unlockAndNotify(w.changed())
	return saved, nil
}

// EnterVote records a participant's vote on the current question as the
// facilitator enters it on the laptop. level NotAssessed means "not sure".
func (w *Workshop) EnterVote(ctx context.Context, participantID string, level int, comment string) error {
	return w.vote(ctx, participantID, "", level, comment, false)
}

// vote saves one vote of the current round. questionID, when given, must
// be the current question; asParticipant audits it under their name.
func (w *Workshop) vote(ctx context.Context, participantID, questionID string, level int, comment string, asParticipant bool) error {
	if level != assessment.NotAssessed {
		if _, ok := w.q.Level(level); !ok {
			return fmt.Errorf("%w: %d (the scale runs %d–%d)", ErrLevel, level, w.q.MinLevel(), w.q.MaxLevel())
		}
	}
	if err := assessment.RoomCommentField.Check(comment); err != nil {
		return err
	}
	w.mu.Lock()
	p, ok := w.people[participantID]
	q := w.current()
	r := w.roundOf(q.ID)
	switch {
	case !ok:
		w.mu.Unlock()
		return ErrUnknownParticipant
	case w.ended:
		w.mu.Unlock()
		return ErrEnded
	case questionID != "" && questionID != q.ID:
		w.mu.Unlock()
		return ErrNotCurrent
	case r.revealed:
		w.mu.Unlock()
		return ErrRevealed
	}
	if asParticipant {
		ctx = store.WithActor(ctx, p.Name)
	}
	saved, err := w.st.SaveVote(ctx, assessment.Vote{AssessmentID: w.assessment.ID, QuestionID: q.ID,
		ParticipantID: p.ID, Level: level, Comment: comment, Round: r.number})
	if err != nil {
		w.mu.Unlock()
		return err
	}
	r.votes[p.ID] = saved
	if voters := w.voters(); len(voters) > 0 && w.votedCount(r, voters) == len(voters) {
		r.revealed = true
		w.stopTimer()
	}
	w.unlockAndNotify(w.changed())
	return nil
}

// votedCount counts how many of voters have voted in r.
func (w *Workshop) votedCount(r *round, voters []assessment.Participant) int {
	n := 0
	for _, p := range voters {
		if _, ok := r.votes[p.ID]; ok {
			n++
		}
	}
	return n
}
