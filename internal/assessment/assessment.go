// Package assessment owns the domain of a partnership's maturity
// self-assessment: partnerships and their agencies, assessments and the
// responses, votes, scrutiny, actions and sign-offs under them, and the pure
// functions that score them.
//
// Levels are plain ints taken from the question set's scale; the value
// NotAssessed (0) means no level has been given and is never averaged.
package assessment

import "time"

// NotAssessed is the level of a question nobody has rated yet. It is stored
// as NULL and never counts towards a score.
const NotAssessed = 0

// DateLayout is the layout of calendar dates such as an action's due date.
const DateLayout = "2006-01-02"

// AgencyKind says which kind of body an agency is.
type AgencyKind string

// The agency kinds: the three statutory safeguarding partners and the
// relevant agencies (schools, probation, voluntary sector and others).
const (
	LocalAuthority      AgencyKind = "local authority"
	IntegratedCareBoard AgencyKind = "integrated care board"
	Police              AgencyKind = "police"
	RelevantAgency      AgencyKind = "relevant agency"
)

// AgencyKinds lists every agency kind, statutory partners first.
var AgencyKinds = []AgencyKind{LocalAuthority, IntegratedCareBoard, Police, RelevantAgency}

// Status is where an assessment is in its life.
type Status string

// The assessment statuses, in the order an assessment moves through them.
const (
	Draft     Status = "draft"
	Workshop  Status = "workshop"
	Agreed    Status = "agreed"
	SignedOff Status = "signed off"
)

// Statuses lists every status in order.
var Statuses = []Status{Draft, Workshop, Agreed, SignedOff}

// Confidence is how sure the partnership is of an agreed level.
type Confidence string

// The confidence values; the empty value means not yet said.
const (
	Low    Confidence = "low"
	Medium Confidence = "medium"
	High   Confidence = "high"
)

// Confidences lists every confidence value from lowest to highest.
var Confidences = []Confidence{Low, Medium, High}

// ActionStatus is where an action is.
type ActionStatus string

// The action statuses.
const (
	NotStarted ActionStatus = "not started"
	InProgress ActionStatus = "in progress"
	AtRisk     ActionStatus = "at risk"
	Complete   ActionStatus = "complete"
	Dropped    ActionStatus = "dropped"
)

// ActionStatuses lists every action status.
var ActionStatuses = []ActionStatus{NotStarted, InProgress, AtRisk, Complete, Dropped}

// Open reports whether an action with this status is still to be done.
func (s ActionStatus) Open() bool { return s != Complete && s != Dropped }

// Partnership is a safeguarding children partnership.
type Partnership struct {
	ID        string
	Name      string
	Area      string
	Agencies  []Agency
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Agency is one organisation taking part in a partnership.
type Agency struct {
	ID            string
	PartnershipID string
	Name          string
	Kind          AgencyKind
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Assessment is one self-assessment of a partnership for a period, answered
// against one version of one question set.
type Assessment struct {
	ID                   string
	PartnershipID        string
	QuestionnaireID      string
	QuestionnaireVersion string
	// Period is the financial year assessed, such as "2025/26".
	Period      string
	Status      Status
	Facilitator string
	// PreviousID is the assessment this one was started from, or "".
	PreviousID string
	// Revision counts amendments: 1 until a signed-off assessment is
	// amended, then one more for each amendment.
	Revision  int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Participant is a person taking part in an assessment.
type Participant struct {
	ID           string
	AssessmentID string
	Name         string
	Role         string
	AgencyID     string
	// Facilitator is true for the person who runs the workshop.
	Facilitator bool
	// JoinedBy says how the participant came to take part.
	JoinedBy  JoinRoute
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Response is the partnership's agreed answer to one question.
type Response struct {
	AssessmentID string
	QuestionID   string
	// Level is the agreed level, or NotAssessed.
	Level int
	// Target is the level aimed for, or NotAssessed when none is set.
	Target              int
	Confidence          Confidence
	Evidence            string
	Strengths           string
	AreasForDevelopment string
	Rationale           string
	// CarriedForward is true while the text was carried from the previous
	// assessment and has not been edited since.
	CarriedForward bool
	// NotAssessedReason says why a question was deliberately left not
	// assessed; the readiness check accepts a question without a level
	// only when it has one.
	NotAssessedReason string
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// EvidenceRef points to a document or link that supports a response.
type EvidenceRef struct {
	ID             string
	AssessmentID   string
	QuestionID     string
	Title          string
	Location       string
	CarriedForward bool
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Vote is one participant's own rating of a question before the group agrees.
type Vote struct {
	ID            string
	AssessmentID  string
	QuestionID    string
	ParticipantID string
	Level         int
	Comment       string
	// Round is the workshop round the vote was cast in: 1, or 2 and on
	// after a re-vote. Earlier rounds are kept for the record.
	Round     int
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Scrutiny is an independent scrutineer's view of one question, recorded
// beside the partnership's.
type Scrutiny struct {
	ID           string
	AssessmentID string
	QuestionID   string
	Scrutineer   string
	// Level is the scrutineer's level, or NotAssessed.
	Level        int
	Challenge    string
	EvidenceSeen string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Action is one item of the action plan.
type Action struct {
	ID           string
	AssessmentID string
	// Ref is the action's short id within its assessment ("A-01"); 0 until
	// the store gives it one.
	Ref     ActionRef
	ThemeID string
	// QuestionID is the question the action answers, or "" for the theme.
	QuestionID string
	Title      string
	Owner      string
	// OwnerAgencyID is the agency accountable for the action.
	OwnerAgencyID string
	// Due is the due date (UTC midnight), or the zero time when unset.
	Due time.Time
	// SuccessMeasure says how the impact of the action will be evaluated.
	SuccessMeasure string
	Status         ActionStatus
	Outcome        string
	// CarriedFromID is the action of a previous assessment this continues.
	CarriedFromID string
	Updates       []ActionUpdate
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// Overdue reports whether the action is open and past its due date on day.
func (a Action) Overdue(day time.Time) bool {
	if a.Due.IsZero() || !a.Status.Open() {
		return false
	}
	y, m, d := day.Date()
	return a.Due.Before(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// ActionUpdate is a dated progress note on an action.
type ActionUpdate struct {
	ID        string
	ActionID  string
	On        time.Time
	Author    string
	Note      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// SignOff records that a named person signed the assessment off for an agency.
type SignOff struct {
	ID           string
	AssessmentID string
	AgencyID     string
	Name         string
	Role         string
	SignedAt     time.Time
	// Signature is the signer's minisign signature of the assessment's
	// content and these details, or "" for a sign-off recorded unsigned.
	Signature string
	// PublicKey is the signer's public key (minisign format), and
	// KeyFingerprint its fingerprint as package signing prints it.
	PublicKey      string
	KeyFingerprint string
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Record is one assessment with everything under it and the partnership it
// belongs to: the unit that is loaded, exported and imported whole.
type Record struct {
	Partnership  Partnership
	Assessment   Assessment
	Participants []Participant
	Responses    []Response
	EvidenceRefs []EvidenceRef
	Votes        []Vote
	Scrutiny     []Scrutiny
	Actions      []Action
	SignOffs     []SignOff
	// Challenges are the scrutineer's challenges with the partnership's
	// responses and the scrutineer's replies, oldest first.
	Challenges []Challenge
	// Judgements are the scrutineer's view of each theme's maturity.
	Judgements []ThemeJudgement
	// Assurance is the scrutineer's assurance judgement and statement, or
	// nil when none has been made.
	Assurance *Assurance
}
