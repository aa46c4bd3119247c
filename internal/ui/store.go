package ui

import (
	"context"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/internal/store"
)

// Store is what the screens need from the database; *store.Store has it.
type Store interface {
	Path() string
	SetActor(name string)
	EditCounts(ctx context.Context, assessmentID string) ([]assessment.EditCount, error)

	Partnerships(ctx context.Context) ([]assessment.Partnership, error)
	CreatePartnership(ctx context.Context, p assessment.Partnership) (assessment.Partnership, error)
	AddAgency(ctx context.Context, a assessment.Agency) (assessment.Agency, error)
	UpdatePartnership(ctx context.Context, p assessment.Partnership) (assessment.Partnership, error)
	UpdateAgency(ctx context.Context, a assessment.Agency) (assessment.Agency, error)
	DeleteAgency(ctx context.Context, id string) error

	SaveQuestionnaire(ctx context.Context, q *questionnaire.Questionnaire) error
	Questionnaire(ctx context.Context, id, version string) (*questionnaire.Questionnaire, error)

	Assessments(ctx context.Context, partnershipID string) ([]store.AssessmentSummary, error)
	CreateAssessment(ctx context.Context, a assessment.Assessment) (assessment.Assessment, error)
	StartFromPrevious(ctx context.Context, previousID, period string) (assessment.Assessment, error)
	RenameAssessment(ctx context.Context, id, period string) error
	SetStatus(ctx context.Context, id string, status assessment.Status) error
	DeleteAssessment(ctx context.Context, id string) error
	LoadRecord(ctx context.Context, assessmentID string) (assessment.Record, error)
	UnknownKeys(ctx context.Context, rec assessment.Record) ([]assessment.SignOff, error)
	ImportRecord(ctx context.Context, q *questionnaire.Questionnaire, rec assessment.Record) error

	SaveResponse(ctx context.Context, r assessment.Response) (assessment.Response, error)
	AddEvidenceRef(ctx context.Context, e assessment.EvidenceRef) (assessment.EvidenceRef, error)
	DeleteEvidenceRef(ctx context.Context, id string) error
	AddParticipant(ctx context.Context, p assessment.Participant) (assessment.Participant, error)
	DeleteParticipant(ctx context.Context, id string) error
	UpdateParticipant(ctx context.Context, p assessment.Participant) (assessment.Participant, error)
	SaveVote(ctx context.Context, v assessment.Vote) (assessment.Vote, error)
	ImportVotes(ctx context.Context, p assessment.Participant, votes []assessment.Vote) (assessment.Participant, error)

	SaveAction(ctx context.Context, a assessment.Action) (assessment.Action, error)
	DeleteAction(ctx context.Context, id string) error
	AddActionUpdate(ctx context.Context, u assessment.ActionUpdate) (assessment.ActionUpdate, error)
}

// compile-time check that the real store serves the screens.
var _ Store = (*store.Store)(nil)
