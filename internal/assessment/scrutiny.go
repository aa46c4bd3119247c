package assessment

import "time"

// MessageKind says what a message of a challenge thread is.
type MessageKind string

// The kinds of message, in the order a thread runs.
const (
	// ChallengeMessage is the scrutineer's challenge to an agreed level.
	ChallengeMessage MessageKind = "challenge"
	// ResponseMessage is the partnership's response to a challenge.
	ResponseMessage MessageKind = "response"
	// ReplyMessage is the scrutineer's reply to the response.
	ReplyMessage MessageKind = "reply"
)

// MessageKinds lists every kind of message in thread order.
var MessageKinds = []MessageKind{ChallengeMessage, ResponseMessage, ReplyMessage}

// Challenge is one dated, named message of the thread on one question:
// the scrutineer's challenge, the partnership's response or the
// scrutineer's reply.
type Challenge struct {
	ID           string
	AssessmentID string
	QuestionID   string
	Kind         MessageKind
	Author       string
	Text         string
	At           time.Time
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// AwaitingResponse returns the questions whose thread's last message is a
// challenge the partnership has not yet responded to. A thread is answered
// once a response follows its latest challenge; a scrutineer's reply may
// close it or, as a new challenge, open it again.
func AwaitingResponse(thread []Challenge) map[string]bool {
	last := map[string]MessageKind{}
	for _, c := range thread {
		last[c.QuestionID] = c.Kind
	}
	out := map[string]bool{}
	for q, k := range last {
		if k == ChallengeMessage {
			out[q] = true
		}
	}
	return out
}

// ThemeJudgement is the scrutineer's own view of a theme's maturity.
type ThemeJudgement struct {
	ID           string
	AssessmentID string
	ThemeID      string
	Scrutineer   string
	// Level is the scrutineer's level for the theme, or NotAssessed.
	Level     int
	Reasons   string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// AssuranceLevel is how far a self-assessment's levels can be relied on.
type AssuranceLevel string

// The assurance levels, from most to least reliance, as independent
// audits of self-assessments use them.
const (
	Substantial    AssuranceLevel = "substantial"
	Moderate       AssuranceLevel = "moderate"
	Limited        AssuranceLevel = "limited"
	Unsatisfactory AssuranceLevel = "unsatisfactory"
)

// AssuranceLevels lists every assurance level, most reliance first.
var AssuranceLevels = []AssuranceLevel{Substantial, Moderate, Limited, Unsatisfactory}

// Assurance is the scrutineer's judgement on the self-assessment itself:
// the assurance level with its reasons, and the overall scrutiny statement.
type Assurance struct {
	AssessmentID string
	Scrutineer   string
	// Level is the assurance level, or "" when not yet judged.
	Level     AssuranceLevel
	Reasons   string
	Statement string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Amendment is a change to a signed-off assessment: a new revision with a
// reason, the signed original kept whole as the bundle it was.
type Amendment struct {
	ID           string
	AssessmentID string
	// Revision is the revision the amendment opened; the original is
	// Revision-1, now superseded.
	Revision int
	Reason   string
	Actor    string
	// OriginalSHA256 is the fingerprint of the signed original's bundle,
	// and OriginalBundle the bundle itself.
	OriginalSHA256 string
	OriginalBundle []byte
	CreatedAt      time.Time
}

// Label names a kind of thread message: "Challenge", "Response", "Reply".
func (k MessageKind) Label() string {
	switch k {
	case ChallengeMessage:
		return "Challenge"
	case ResponseMessage:
		return "Response"
	}
	return "Reply"
}

// Label says an assurance level with what it means, such as "Moderate:
// most levels can be relied on"; "" when not yet judged.
func (l AssuranceLevel) Label() string {
	switch l {
	case Substantial:
		return "Substantial: the levels can be relied on"
	case Moderate:
		return "Moderate: most levels can be relied on"
	case Limited:
		return "Limited: several levels cannot be relied on"
	case Unsatisfactory:
		return "Unsatisfactory: the levels cannot be relied on"
	}
	return ""
}

// EditCount is how many edits one person made to an assessment while it
// was at one stage (its status then), from the audit log.
type EditCount struct {
	Person string
	Stage  Status
	Edits  int
}
