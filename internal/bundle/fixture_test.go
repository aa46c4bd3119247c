package bundle

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// Ids of the fixture record, UUIDs as the store makes them.
const (
	partnershipID = "6f1c2a3e-1b2c-4d5e-8f90-0a1b2c3d4e5f"
	laID          = "a1000000-0000-4000-8000-000000000001"
	icbID         = "a1000000-0000-4000-8000-000000000002"
	policeID      = "a1000000-0000-4000-8000-000000000003"
	assessmentID  = "b2000000-0000-4000-8000-000000000001"
	previousID    = "b2000000-0000-4000-8000-000000000000"
	chairID       = "c3000000-0000-4000-8000-000000000001"
	nurseID       = "c3000000-0000-4000-8000-000000000002"
	actionID      = "d4000000-0000-4000-8000-000000000001"
	themeActionID = "d4000000-0000-4000-8000-000000000002"
)

// fixtureMeta is the export metadata the tests use.
var fixtureMeta = Meta{
	ExportedAt: time.Date(2026, 3, 1, 10, 0, 0, 123456789, time.UTC),
	Generator:  "Partnership Maturity test",
}

// fixtureQuestionnaire parses testdata/questionnaire.yaml.
func fixtureQuestionnaire(tb testing.TB) *questionnaire.Questionnaire {
	tb.Helper()
	data, err := os.ReadFile("testdata/questionnaire.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	q, err := questionnaire.Parse("testdata/questionnaire.yaml", data)
	if err != nil {
		tb.Fatalf("fixture question set does not parse: %v", err)
	}
	return q
}

// at returns the n'th fixture instant (with nanoseconds, to test precision)
// in loc.
func at(n int, loc *time.Location) time.Time {
	return time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC).
		Add(time.Duration(n)*time.Hour + time.Duration(n*1001)*time.Microsecond + 7).In(loc)
}

// day returns a calendar date as the domain keeps it: UTC midnight.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// fixtureRecord is a record using every part of the format, with its
// timestamps in loc. Empty lists are empty, not nil, as the store loads them
// and Decode returns them.
func fixtureRecord(loc *time.Location) assessment.Record {
	ts := func(n int) time.Time { return at(n, loc) }
	return assessment.Record{
		Partnership: assessment.Partnership{
			ID: partnershipID, Name: "Northshire Safeguarding Children Partnership", Area: "Northshire",
			CreatedAt: ts(0), UpdatedAt: ts(1),
			Agencies: []assessment.Agency{
				{ID: laID, PartnershipID: partnershipID, Name: "Northshire Council", Kind: assessment.LocalAuthority, CreatedAt: ts(0), UpdatedAt: ts(0)},
				{ID: icbID, PartnershipID: partnershipID, Name: "Northshire ICB", Kind: assessment.IntegratedCareBoard, CreatedAt: ts(0), UpdatedAt: ts(2)},
				{ID: policeID, PartnershipID: partnershipID, Name: "Northshire Police", Kind: assessment.Police, CreatedAt: ts(0), UpdatedAt: ts(0)},
			},
		},
		Assessment: assessment.Assessment{
			ID: assessmentID, PartnershipID: partnershipID,
			QuestionnaireID: "test-set", QuestionnaireVersion: "2.1",
			Period: "2025/26", Status: assessment.Agreed, Facilitator: "Sam Jones",
			PreviousID: previousID, Revision: 1, CreatedAt: ts(3), UpdatedAt: ts(40),
		},
		Participants: []assessment.Participant{
			{ID: chairID, AssessmentID: assessmentID, Name: "Alex Chair", Role: "Independent chair", Facilitator: true, JoinedBy: assessment.JoinedOnLaptop, CreatedAt: ts(4), UpdatedAt: ts(4)},
			{ID: nurseID, AssessmentID: assessmentID, Name: "Pat Nurse", Role: "Designated nurse", AgencyID: icbID, JoinedBy: assessment.JoinedByPhone, CreatedAt: ts(5), UpdatedAt: ts(6)},
		},
		Responses: []assessment.Response{
			{
				AssessmentID: assessmentID, QuestionID: "leadership.1", Level: 3, Target: 4, Confidence: assessment.Medium,
				Evidence:            "Audit <2024> found 12 of 20 cases “good” & £3k spent.\nSecond line.",
				Strengths:           "Leaders visit front-line teams.",
				AreasForDevelopment: "Use data on children's outcomes.",
				Rationale:           "Agreed at the workshop after debate.",
				CreatedAt:           ts(7), UpdatedAt: ts(8),
			},
			{AssessmentID: assessmentID, QuestionID: "leadership.2", NotAssessedReason: "No data until the audit reports.",
				CreatedAt: ts(9), UpdatedAt: ts(9)},
			{
				AssessmentID: assessmentID, QuestionID: "learning.1", Level: 1, Target: assessment.NotAssessed,
				Confidence: assessment.Low, Evidence: "Carried from last year.", CarriedForward: true,
				CreatedAt: ts(10), UpdatedAt: ts(10),
			},
		},
		EvidenceRefs: []assessment.EvidenceRef{
			{ID: "e5000000-0000-4000-8000-000000000001", AssessmentID: assessmentID, QuestionID: "leadership.1",
				Title: "Multi-agency audit 2024", Location: `S:\Audits\2024\audit.pdf`, CreatedAt: ts(11), UpdatedAt: ts(11)},
		},
		Votes: []assessment.Vote{
			{ID: "f6000000-0000-4000-8000-000000000001", AssessmentID: assessmentID, QuestionID: "leadership.1",
				ParticipantID: chairID, Round: 1, Level: 2, Comment: "Too early to say.", CreatedAt: ts(12), UpdatedAt: ts(12)},
			{ID: "f6000000-0000-4000-8000-000000000002", AssessmentID: assessmentID, QuestionID: "leadership.1",
				ParticipantID: nurseID, Round: 1, Level: 4, CreatedAt: ts(13), UpdatedAt: ts(13)},
			{ID: "f6000000-0000-4000-8000-000000000003", AssessmentID: assessmentID, QuestionID: "leadership.2",
				ParticipantID: chairID, Round: 1, Comment: "Not rated yet.", CreatedAt: ts(13), UpdatedAt: ts(14)},
		},
		Scrutiny: []assessment.Scrutiny{
			{ID: "a7000000-0000-4000-8000-000000000001", AssessmentID: assessmentID, QuestionID: "leadership.1",
				Scrutineer: "Jo Scrutineer", Level: 2, Challenge: "Where is the children's voice?", EvidenceSeen: "Audit report",
				CreatedAt: ts(14), UpdatedAt: ts(15)},
			{ID: "a7000000-0000-4000-8000-000000000002", AssessmentID: assessmentID, QuestionID: "learning.2",
				Scrutineer: "Jo Scrutineer", CreatedAt: ts(16), UpdatedAt: ts(16)},
		},
		Actions: []assessment.Action{
			{
				ID: actionID, AssessmentID: assessmentID, Ref: 3, ThemeID: "leadership", QuestionID: "leadership.1",
				Title: "Leaders' practice visits", Owner: "Director of Children's Services", OwnerAgencyID: laID,
				Due: day(2025, time.September, 30), SuccessMeasure: "Visits logged monthly; audit grade rises.",
				Status: assessment.InProgress, CarriedFromID: "d4000000-0000-4000-8000-000000000000",
				Updates: []assessment.ActionUpdate{
					{ID: "a8000000-0000-4000-8000-000000000001", ActionID: actionID, On: ts(17),
						Author: "Sam Jones", Note: "First visits done.", CreatedAt: ts(17), UpdatedAt: ts(17)},
					{ID: "a8000000-0000-4000-8000-000000000002", ActionID: actionID, On: ts(18),
						Author: "Sam Jones", Note: "Half of teams visited.", CreatedAt: ts(18), UpdatedAt: ts(19)},
				},
				CreatedAt: ts(20), UpdatedAt: ts(21),
			},
			{
				ID: themeActionID, AssessmentID: assessmentID, Ref: 7, ThemeID: "learning",
				Title: "Learning strategy", Owner: "Business manager", Status: assessment.NotStarted,
				Updates: []assessment.ActionUpdate{}, CreatedAt: ts(22), UpdatedAt: ts(22),
			},
		},
		SignOffs: []assessment.SignOff{
			{ID: "a9000000-0000-4000-8000-000000000001", AssessmentID: assessmentID, AgencyID: policeID,
				Name: "Chief Superintendent Lee", Role: "Police lead", SignedAt: ts(30), CreatedAt: ts(30), UpdatedAt: ts(30)},
			{ID: "a9000000-0000-4000-8000-000000000002", AssessmentID: assessmentID,
				Name: "Alex Chair", Role: "Independent chair", SignedAt: ts(31), CreatedAt: ts(31), UpdatedAt: ts(31)},
		},
		Challenges: []assessment.Challenge{
			{ID: "b1000000-0000-4000-8000-000000000001", AssessmentID: assessmentID, QuestionID: "leadership.1",
				Kind: assessment.ChallengeMessage, Author: "Jo Scrutineer", Text: "Where is the children's voice?",
				At: ts(23), CreatedAt: ts(23), UpdatedAt: ts(23)},
			{ID: "b1000000-0000-4000-8000-000000000002", AssessmentID: assessmentID, QuestionID: "leadership.1",
				Kind: assessment.ResponseMessage, Author: "Sam Jones", Text: "The young people's panel reviewed the audit.",
				At: ts(24), CreatedAt: ts(24), UpdatedAt: ts(24)},
		},
		Judgements: []assessment.ThemeJudgement{
			{ID: "b2000000-0000-4000-8000-000000000001", AssessmentID: assessmentID, ThemeID: "leadership",
				Scrutineer: "Jo Scrutineer", Level: 2, Reasons: "Visits are new.", CreatedAt: ts(25), UpdatedAt: ts(25)},
		},
		Assurance: &assessment.Assurance{
			AssessmentID: assessmentID, Scrutineer: "Jo Scrutineer", Level: assessment.Moderate,
			Reasons: "Evidence is thin for two questions.", Statement: "A fair self-assessment.",
			CreatedAt: ts(26), UpdatedAt: ts(27),
		},
	}
}

// minimalRecord is a freshly started assessment: nothing under it yet.
func minimalRecord() assessment.Record {
	return assessment.Record{
		Partnership: assessment.Partnership{
			ID: partnershipID, Name: "Empty", Agencies: []assessment.Agency{},
			CreatedAt: at(0, time.UTC), UpdatedAt: at(0, time.UTC),
		},
		Assessment: assessment.Assessment{
			ID: assessmentID, PartnershipID: partnershipID, QuestionnaireID: "test-set", QuestionnaireVersion: "2.1",
			Period: "2099/00", Status: assessment.Draft, Revision: 1, CreatedAt: at(1, time.UTC), UpdatedAt: at(1, time.UTC),
		},
		Participants: []assessment.Participant{},
		Responses:    []assessment.Response{},
		EvidenceRefs: []assessment.EvidenceRef{},
		Votes:        []assessment.Vote{},
		Scrutiny:     []assessment.Scrutiny{},
		Actions:      []assessment.Action{},
		SignOffs:     []assessment.SignOff{},
		Challenges:   []assessment.Challenge{},
		Judgements:   []assessment.ThemeJudgement{},
	}
}

// encodeFixture encodes the fixture record against the fixture question set.
func encodeFixture(tb testing.TB) []byte {
	tb.Helper()
	data, err := Encode(fixtureQuestionnaire(tb), fixtureRecord(time.UTC), fixtureMeta)
	if err != nil {
		tb.Fatalf("Encode(fixture): %v", err)
	}
	return data
}

// sealed writes a bundle whose payload is the fixture changed by change, with
// a correct checksum, bypassing Encode's checks: a file Decode must refuse
// for its content alone.
func sealed(tb testing.TB, change func(p *payload)) []byte {
	tb.Helper()
	p := toWire(fixtureQuestionnaire(tb), fixtureRecord(time.UTC))
	change(&p)
	data, err := seal(p, fixtureMeta)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// edited decodes data as generic JSON, lets change edit it and writes it
// back, leaving the checksum as it was.
func edited(tb testing.TB, data []byte, change func(doc map[string]any)) []byte {
	tb.Helper()
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		tb.Fatal(err)
	}
	change(doc)
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// obj and list walk a generic JSON document in edited's callbacks.
func obj(v any, keys ...string) map[string]any {
	m := v.(map[string]any)
	for _, k := range keys {
		m = m[k].(map[string]any)
	}
	return m
}

func list(v any, key string, i int) map[string]any {
	return v.(map[string]any)[key].([]any)[i].(map[string]any)
}

// ptr returns a pointer to v.
func ptr[T any](v T) *T { return &v }

// problemsOf asserts err is a Problems naming the file in every line.
func problemsOf(tb testing.TB, name string, err error) Problems {
	tb.Helper()
	ps, ok := err.(Problems)
	if !ok {
		tb.Fatalf("error is %T (%v), want bundle.Problems", err, err)
	}
	for _, p := range ps {
		if !strings.HasPrefix(p, name) {
			tb.Errorf("problem %q does not start with the file name %q", p, name)
		}
	}
	return ps
}

// containsProblem reports whether one of ps contains want.
func containsProblem(ps Problems, want string) bool {
	for _, p := range ps {
		if strings.Contains(p, want) {
			return true
		}
	}
	return false
}
