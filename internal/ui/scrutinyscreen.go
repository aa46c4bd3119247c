package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/store"
)

// ScrutinyStore is what the scrutiny, sign-off and audit screens need
// from the database beyond Store; *store.Store has it.
type ScrutinyStore interface {
	Store
	SaveScrutiny(ctx context.Context, sc assessment.Scrutiny) (assessment.Scrutiny, error)
	AddChallenge(ctx context.Context, c assessment.Challenge) (assessment.Challenge, error)
	SaveThemeJudgement(ctx context.Context, j assessment.ThemeJudgement) (assessment.ThemeJudgement, error)
	SaveAssurance(ctx context.Context, a assessment.Assurance) (assessment.Assurance, error)
	Agree(ctx context.Context, id string) error
	Sign(ctx context.Context, so assessment.SignOff, check store.SignatureCheck) (bool, error)
	ClearSignOffs(ctx context.Context, id string) error
	AuditTrail(ctx context.Context, assessmentID string, filter store.AuditFilter) ([]store.TrailEntry, error)
	Amend(ctx context.Context, id, reason string, original []byte, originalSHA256 string) (assessment.Amendment, error)
	Amendments(ctx context.Context, id string) ([]assessment.Amendment, error)
}

// compile-time check that the real store serves these screens.
var _ ScrutinyStore = (*store.Store)(nil)

// The question filters of the Scrutinise screen.
const (
	filterAll      = "Every question"
	filterDiffers  = "Scrutineer differs by a level or more"
	filterAwaiting = "Challenges awaiting a response"
)

// noLevel is the level choice for "no level".
const noLevel = "Not rated"

// ScrutinyScreen is Scrutinise mode: an independent scrutineer, named
// first, records beside each of the partnership's answers their own level,
// challenge and the evidence they saw, and carries on a dated, named thread
// of challenge, response and reply.
type ScrutinyScreen struct {
	s  *session
	st ScrutinyStore
	// Scrutineer is the scrutineer's name; Start enters Scrutinise mode.
	Scrutineer *widget.Entry
	Start      *widget.Button
	// Mode says whose view is being recorded, or that none is.
	Mode *widget.Label
	// Filter narrows Questions; Questions lists the questions it keeps.
	Filter    *widget.Select
	Questions *widget.Select
	// Partnership shows the partnership's agreed level, evidence and
	// rationale for the chosen question.
	Partnership *widget.Label
	// Level, Challenge and EvidenceSeen are the scrutineer's view; Save
	// stores it.
	Level        *widget.Select
	Challenge    *widget.Entry
	EvidenceSeen *widget.Entry
	Save         *widget.Button
	// Thread shows the challenge thread; Message, Author and the three
	// buttons add to it.
	Thread                          *widget.Label
	Message, Author                 *widget.Entry
	AddChallenge, Respond, AddReply *widget.Button
	// Judgements records the theme views and the assurance judgement.
	Judgements *JudgementsPanel
	body       *fyne.Container
	content    fyne.CanvasObject
	question   string
	name       string
}

// NewScrutinyScreen builds the Scrutinise screen of a session.
func NewScrutinyScreen(s *session, st ScrutinyStore) *ScrutinyScreen {
	c := &ScrutinyScreen{s: s, st: st, Scrutineer: widget.NewEntry(), Mode: widget.NewLabel("Not scrutinising: enter your name and choose Scrutinise."),
		Partnership: widget.NewLabel(""), Challenge: widget.NewMultiLineEntry(), EvidenceSeen: widget.NewMultiLineEntry(),
		Thread: widget.NewLabel(""), Message: widget.NewMultiLineEntry(), Author: widget.NewEntry()}
	c.Scrutineer.SetPlaceHolder("Your name, as the independent scrutineer")
	c.Partnership.Wrapping, c.Thread.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	c.Challenge.SetPlaceHolder("Your challenge to the agreed level")
	c.EvidenceSeen.SetPlaceHolder("The evidence you saw")
	c.Message.SetPlaceHolder("A challenge, the partnership's response, or your reply")
	c.Author.SetPlaceHolder("Who is responding for the partnership")
	c.Start = widget.NewButton("Scrutinise", c.begin)
	c.Filter = widget.NewSelect([]string{filterAll, filterDiffers, filterAwaiting}, func(string) { c.refreshQuestions() })
	c.Questions = widget.NewSelect(nil, func(v string) { c.show(strings.SplitN(v, " ", 2)[0]) })
	levels := []string{noLevel}
	for _, l := range s.q.Scale.Levels {
		levels = append(levels, fmt.Sprintf("%d %s", l.Value, l.Label))
	}
	c.Level = widget.NewSelect(levels, nil)
	c.Save = widget.NewButton("Save my view", c.saveView)
	c.AddChallenge = widget.NewButton("Challenge", func() { c.addMessage(assessment.ChallengeMessage) })
	c.Respond = widget.NewButton("Partnership's response", func() { c.addMessage(assessment.ResponseMessage) })
	c.AddReply = widget.NewButton("Reply", func() { c.addMessage(assessment.ReplyMessage) })
	form := widget.NewForm(
		widget.NewFormItem("Show", c.Filter),
		widget.NewFormItem("Question", c.Questions),
		widget.NewFormItem("Partnership's view", c.Partnership),
		widget.NewFormItem("Your level", c.Level),
		widget.NewFormItem("Challenge", c.Challenge),
		widget.NewFormItem("Evidence seen", c.EvidenceSeen),
		widget.NewFormItem("", c.Save),
		widget.NewFormItem("Thread", c.Thread),
		widget.NewFormItem("New message", c.Message),
		widget.NewFormItem("Responding for the partnership", c.Author),
		widget.NewFormItem("", container.NewHBox(c.AddChallenge, c.Respond, c.AddReply)),
	)
	c.Judgements = NewJudgementsPanel(s, st, func() string { return c.name })
	c.body = container.NewVBox(form, widget.NewSeparator(), c.Judgements.Content())
	c.body.Hide()
	top := container.NewBorder(nil, c.Mode, nil, c.Start, c.Scrutineer)
	c.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(c.body))
	c.Filter.SetSelected(filterAll)
	if s.readOnly() {
		c.Start.Disable()
		c.Mode.SetText("Signed off: the scrutiny is shown in the report and can no longer change.")
	}
	return c
}

// Content is the screen's root object.
func (c *ScrutinyScreen) Content() fyne.CanvasObject { return c.content }

// begin enters Scrutinise mode under the name given.
func (c *ScrutinyScreen) begin() {
	name := strings.TrimSpace(c.Scrutineer.Text)
	if name == "" {
		c.Mode.SetText("Enter your name first: every view, challenge and reply is recorded under it.")
		return
	}
	c.name = name
	c.Mode.SetText("Scrutinising as " + name + ". The partnership's answers are not changed here.")
	c.body.Show()
	c.refreshQuestions()
}

// keeps reports whether the current filter keeps question id.
func (c *ScrutinyScreen) keeps(id string) bool {
	switch c.Filter.Selected {
	case filterDiffers:
		sc, ok := c.view(id)
		return ok && sc.Level != assessment.NotAssessed && sc.Level != c.s.response(id).Level
	case filterAwaiting:
		return assessment.AwaitingResponse(c.s.rec.Challenges)[id]
	}
	return true
}

// refreshQuestions fills the question list from the filter.
func (c *ScrutinyScreen) refreshQuestions() {
	var opts []string
	for _, t := range c.s.q.Themes {
		for _, q := range t.Questions {
			if c.keeps(q.ID) {
				opts = append(opts, q.ID+" "+q.Text)
			}
		}
	}
	c.Questions.Options = opts
	c.Questions.Refresh()
	if len(opts) == 0 {
		c.Questions.ClearSelected()
		c.Partnership.SetText("No question matches this filter.")
		return
	}
	if !slices.ContainsFunc(opts, func(o string) bool { return strings.HasPrefix(o, c.question+" ") }) {
		c.Questions.SetSelected(opts[0])
	}
}

// view returns this scrutineer's view of a question, if recorded.
func (c *ScrutinyScreen) view(id string) (assessment.Scrutiny, bool) {
	for _, sc := range c.s.rec.Scrutiny {
		if sc.QuestionID == id && (c.name == "" || strings.EqualFold(sc.Scrutineer, c.name)) {
			return sc, true
		}
	}
	return assessment.Scrutiny{}, false
}

// show puts question id on screen.
func (c *ScrutinyScreen) show(id string) {
	c.question = id
	r := c.s.response(id)
	c.Partnership.SetText(fmt.Sprintf("Agreed level: %s\nEvidence: %s\nRationale: %s",
		levelText(c.s, r.Level), orNone(r.Evidence), orNone(r.Rationale)))
	sc, _ := c.view(id)
	c.Level.SetSelected(noLevel)
	if sc.Level != assessment.NotAssessed {
		c.Level.SetSelected(levelText(c.s, sc.Level))
	}
	c.Challenge.SetText(sc.Challenge)
	c.EvidenceSeen.SetText(sc.EvidenceSeen)
	c.showThread()
}

// levelText says a level in words, or "not assessed".
func levelText(s *session, level int) string {
	if l, ok := s.q.Level(level); ok {
		return fmt.Sprintf("%d %s", level, l.Label)
	}
	return "not assessed"
}

// showThread lists the thread on the current question, oldest first.
func (c *ScrutinyScreen) showThread() {
	var lines []string
	for _, m := range c.s.rec.Challenges {
		if m.QuestionID == c.question {
			lines = append(lines, fmt.Sprintf("%s — %s, %s: %s", m.Kind.Label(), m.Author, m.At.Local().Format("2 Jan 2006 15:04"), m.Text))
		}
	}
	if len(lines) == 0 {
		lines = []string{"No challenge on this question."}
	} else if assessment.AwaitingResponse(c.s.rec.Challenges)[c.question] {
		lines = append(lines, "Awaiting the partnership's response.")
	}
	c.Thread.SetText(strings.Join(lines, "\n"))
}

// saveView stores the scrutineer's level, challenge and evidence seen.
func (c *ScrutinyScreen) saveView() {
	sc, _ := c.view(c.question)
	sc.AssessmentID, sc.QuestionID, sc.Scrutineer = c.s.rec.Assessment.ID, c.question, c.name
	sc.Level = assessment.NotAssessed
	if c.Level.Selected != noLevel && c.Level.Selected != "" {
		sc.Level, _ = strconv.Atoi(strings.Fields(c.Level.Selected)[0])
	}
	sc.Challenge, sc.EvidenceSeen = c.Challenge.Text, c.EvidenceSeen.Text
	c.s.save(func(ctx context.Context) error {
		saved, err := c.st.SaveScrutiny(ctx, sc)
		if err != nil {
			return err
		}
		for i := range c.s.rec.Scrutiny {
			if c.s.rec.Scrutiny[i].ID == saved.ID {
				c.s.rec.Scrutiny[i] = saved
				return nil
			}
		}
		c.s.rec.Scrutiny = append(c.s.rec.Scrutiny, saved)
		return nil
	})
}

// addMessage adds a message of kind to the current question's thread: the
// scrutineer's under their name, a response under the name given for the
// partnership.
func (c *ScrutinyScreen) addMessage(kind assessment.MessageKind) {
	author := c.name
	if kind == assessment.ResponseMessage {
		author = strings.TrimSpace(c.Author.Text)
	}
	msg := assessment.Challenge{AssessmentID: c.s.rec.Assessment.ID, QuestionID: c.question, Kind: kind,
		Author: author, Text: strings.TrimSpace(c.Message.Text), At: c.s.now()}
	if c.s.save(func(ctx context.Context) error {
		saved, err := c.st.AddChallenge(ctx, msg)
		if err == nil {
			c.s.rec.Challenges = append(c.s.rec.Challenges, saved)
		}
		return err
	}) == nil {
		c.Message.SetText("")
	}
	c.showThread()
}
