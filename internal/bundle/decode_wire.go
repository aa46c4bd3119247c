package bundle

import (
	"cmp"
	"fmt"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// reader maps a payload back to domain values, recording a problem for
// every value it cannot read (a malformed timestamp or date, an explicit 0
// level, an empty string where null is meant).
type reader struct{ c *collector }

// record maps the payload's partnership and assessment data to a Record.
func (r *reader) record(p payload) assessment.Record {
	return assessment.Record{
		Partnership:  r.partnership(p.Partnership),
		Assessment:   r.assessment(p.Assessment),
		Participants: listFromWire(p.Participants, r.participant),
		Responses:    listFromWire(p.Responses, r.response),
		EvidenceRefs: listFromWire(p.EvidenceRefs, r.evidenceRef),
		Votes:        listFromWire(p.Votes, r.vote),
		Scrutiny:     listFromWire(p.Scrutiny, r.scrutiny),
		Actions:      listFromWire(p.Actions, r.action),
		SignOffs:     listFromWire(p.SignOffs, r.signOff),
		Challenges:   listFromWire(p.Challenges, r.challenge),
		Judgements:   listFromWire(p.Judgements, r.judgement),
		Assurance:    r.assurance(p.Assurance),
	}
}

// listFromWire maps every element with its index. The result is never nil,
// as the store loads lists.
func listFromWire[T, U any](in []T, f func(int, T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(i, v)
	}
	return out
}

// label names the i'th element of a list in messages, by id when it has one.
func label(kind, id string, i int) string {
	if id == "" {
		return fmt.Sprintf("%s #%d", kind, i+1)
	}
	return fmt.Sprintf("%s %q", kind, id)
}

// timestamp reads an RFC 3339 timestamp and returns it in UTC.
func (r *reader) timestamp(where, field, s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		r.c.addf("%s: %s %q is not a timestamp such as 2025-04-01T09:30:00Z", where, field, s)
		return time.Time{}
	}
	return t.UTC()
}

// date reads a "YYYY-MM-DD" date as UTC midnight; null gives the zero time.
func (r *reader) date(where, field string, s *string) time.Time {
	if s == nil {
		return time.Time{}
	}
	t, err := time.Parse(assessment.DateLayout, *s)
	if err != nil {
		r.c.addf("%s: %s %q is not a date such as 2025-04-01", where, field, *s)
	}
	return t
}

// level reads an optional level: null is NotAssessed, and an explicit 0 is
// refused because "not assessed" is written as null.
func (r *reader) level(where, field string, p *int) int {
	if p == nil {
		return assessment.NotAssessed
	}
	if *p == assessment.NotAssessed {
		r.c.addf("%s: %s is 0, which is not a level: write null when not assessed", where, field)
	}
	return *p
}

// optional reads an optional string; null gives "", and an explicit empty
// string is refused because "none" is written as null.
func (r *reader) optional(where, field string, s *string) string {
	if s == nil {
		return ""
	}
	if *s == "" {
		r.c.addf("%s: %s is empty: write null when there is none", where, field)
	}
	return *s
}

// partnership reads the partnership with its agencies.
func (r *reader) partnership(p partnershipJSON) assessment.Partnership {
	where := "partnership"
	return assessment.Partnership{
		ID: p.ID, Name: p.Name, Area: p.Area,
		Agencies:  listFromWire(p.Agencies, r.agency),
		CreatedAt: r.timestamp(where, "created_at", p.CreatedAt),
		UpdatedAt: r.timestamp(where, "updated_at", p.UpdatedAt),
	}
}

// agency reads the i'th agency.
func (r *reader) agency(i int, a agencyJSON) assessment.Agency {
	where := label("agency", a.ID, i)
	return assessment.Agency{
		ID: a.ID, PartnershipID: a.PartnershipID, Name: a.Name, Kind: assessment.AgencyKind(a.Kind),
		CreatedAt: r.timestamp(where, "created_at", a.CreatedAt),
		UpdatedAt: r.timestamp(where, "updated_at", a.UpdatedAt),
	}
}

// assessment reads the assessment.
func (r *reader) assessment(a assessmentJSON) assessment.Assessment {
	where := "assessment"
	return assessment.Assessment{
		ID: a.ID, PartnershipID: a.PartnershipID,
		QuestionnaireID: a.QuestionnaireID, QuestionnaireVersion: a.QuestionnaireVersion,
		Period: a.Period, Status: assessment.Status(a.Status), Facilitator: a.Facilitator,
		PreviousID: r.optional(where, "previous_id", a.PreviousID),
		CreatedAt:  r.timestamp(where, "created_at", a.CreatedAt),
		UpdatedAt:  r.timestamp(where, "updated_at", a.UpdatedAt),
		Revision:   max(a.Revision, 1),
	}
}

// participant reads the i'th participant.
func (r *reader) participant(i int, p participantJSON) assessment.Participant {
	where := label("participant", p.ID, i)
	return assessment.Participant{
		ID: p.ID, AssessmentID: p.AssessmentID, Name: p.Name, Role: p.Role,
		AgencyID:    r.optional(where, "agency_id", p.AgencyID),
		Facilitator: p.Facilitator, JoinedBy: cmp.Or(assessment.JoinRoute(p.JoinedBy), assessment.JoinedOnLaptop),
		CreatedAt: r.timestamp(where, "created_at", p.CreatedAt),
		UpdatedAt: r.timestamp(where, "updated_at", p.UpdatedAt),
	}
}

// response reads the i'th response.
func (r *reader) response(i int, p responseJSON) assessment.Response {
	where := responseLabel(p.QuestionID, i)
	return assessment.Response{
		AssessmentID: p.AssessmentID, QuestionID: p.QuestionID,
		Level:      r.level(where, "level", p.Level),
		Target:     r.level(where, "target", p.Target),
		Confidence: assessment.Confidence(r.optional(where, "confidence", p.Confidence)),
		Evidence:   p.Evidence, Strengths: p.Strengths,
		AreasForDevelopment: p.AreasForDevelopment, Rationale: p.Rationale,
		CarriedForward:    p.CarriedForward,
		CreatedAt:         r.timestamp(where, "created_at", p.CreatedAt),
		UpdatedAt:         r.timestamp(where, "updated_at", p.UpdatedAt),
		NotAssessedReason: p.NotAssessedReason,
	}
}

// responseLabel names a response by its question, since responses have no id.
func responseLabel(questionID string, i int) string {
	if questionID == "" {
		return fmt.Sprintf("response #%d", i+1)
	}
	return fmt.Sprintf("response to question %q", questionID)
}

// evidenceRef reads the i'th evidence reference.
func (r *reader) evidenceRef(i int, e evidenceRefJSON) assessment.EvidenceRef {
	where := label("evidence reference", e.ID, i)
	return assessment.EvidenceRef{
		ID: e.ID, AssessmentID: e.AssessmentID, QuestionID: e.QuestionID,
		Title: e.Title, Location: e.Location, CarriedForward: e.CarriedForward,
		CreatedAt: r.timestamp(where, "created_at", e.CreatedAt),
		UpdatedAt: r.timestamp(where, "updated_at", e.UpdatedAt),
	}
}

// vote reads the i'th vote.
func (r *reader) vote(i int, v voteJSON) assessment.Vote {
	where := label("vote", v.ID, i)
	return assessment.Vote{
		ID: v.ID, AssessmentID: v.AssessmentID, QuestionID: v.QuestionID,
		ParticipantID: v.ParticipantID, Level: r.level(where, "level", v.Level), Comment: v.Comment,
		Round:     max(v.Round, 1),
		CreatedAt: r.timestamp(where, "created_at", v.CreatedAt),
		UpdatedAt: r.timestamp(where, "updated_at", v.UpdatedAt),
	}
}

// scrutiny reads the i'th scrutiny.
func (r *reader) scrutiny(i int, s scrutinyJSON) assessment.Scrutiny {
	where := label("scrutiny", s.ID, i)
	return assessment.Scrutiny{
		ID: s.ID, AssessmentID: s.AssessmentID, QuestionID: s.QuestionID,
		Scrutineer: s.Scrutineer, Level: r.level(where, "level", s.Level),
		Challenge: s.Challenge, EvidenceSeen: s.EvidenceSeen,
		CreatedAt: r.timestamp(where, "created_at", s.CreatedAt),
		UpdatedAt: r.timestamp(where, "updated_at", s.UpdatedAt),
	}
}

// action reads the i'th action with its progress notes.
func (r *reader) action(i int, a actionJSON) assessment.Action {
	where := label("action", a.ID, i)
	return assessment.Action{
		ID: a.ID, AssessmentID: a.AssessmentID, Ref: r.actionRef(where, a.Ref), ThemeID: a.ThemeID,
		QuestionID: r.optional(where, "question_id", a.QuestionID),
		Title:      a.Title, Owner: a.Owner,
		OwnerAgencyID:  r.optional(where, "owner_agency_id", a.OwnerAgencyID),
		Due:            r.date(where, "due", a.Due),
		SuccessMeasure: a.SuccessMeasure, Status: assessment.ActionStatus(a.Status), Outcome: a.Outcome,
		CarriedFromID: r.optional(where, "carried_from_id", a.CarriedFromID),
		Updates:       listFromWire(a.Updates, r.actionUpdate),
		CreatedAt:     r.timestamp(where, "created_at", a.CreatedAt),
		UpdatedAt:     r.timestamp(where, "updated_at", a.UpdatedAt),
	}
}

// actionRef reads an action's optional ref; absent (a bundle written
// before refs) gives 0, and the store then gives it the next free one.
func (r *reader) actionRef(where, s string) assessment.ActionRef {
	if s == "" {
		return 0
	}
	ref, err := assessment.ParseActionRef(s)
	if err != nil {
		r.c.addf("%s: %v", where, err)
	}
	return ref
}

// actionUpdate reads the i'th progress note of an action.
func (r *reader) actionUpdate(i int, u actionUpdateJSON) assessment.ActionUpdate {
	where := label("action update", u.ID, i)
	return assessment.ActionUpdate{
		ID: u.ID, ActionID: u.ActionID, On: r.timestamp(where, "on", u.On), Author: u.Author, Note: u.Note,
		CreatedAt: r.timestamp(where, "created_at", u.CreatedAt),
		UpdatedAt: r.timestamp(where, "updated_at", u.UpdatedAt),
	}
}

// signOff reads the i'th sign-off.
func (r *reader) signOff(i int, s signOffJSON) assessment.SignOff {
	where := label("sign-off", s.ID, i)
	return assessment.SignOff{
		ID: s.ID, AssessmentID: s.AssessmentID, Name: s.Name, Role: s.Role,
		AgencyID:  r.optional(where, "agency_id", s.AgencyID),
		SignedAt:  r.timestamp(where, "signed_at", s.SignedAt),
		CreatedAt: r.timestamp(where, "created_at", s.CreatedAt),
		UpdatedAt: r.timestamp(where, "updated_at", s.UpdatedAt),
		Signature: s.Signature, PublicKey: s.PublicKey, KeyFingerprint: s.KeyFingerprint,
	}
}
