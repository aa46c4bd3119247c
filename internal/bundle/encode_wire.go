package bundle

import (
	"cmp"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// toWire maps a question set and a record to the bundle's payload.
func toWire(q *questionnaire.Questionnaire, rec assessment.Record) payload {
	return payload{
		Questionnaire: questionnaireJSON{ID: q.ID, Version: q.Version, SHA256: q.SHA256(), YAML: string(q.Raw)},
		Partnership:   partnershipToWire(rec.Partnership),
		Assessment:    assessmentToWire(rec.Assessment),
		Participants:  listToWire(rec.Participants, participantToWire),
		Responses:     listToWire(rec.Responses, responseToWire),
		EvidenceRefs:  listToWire(rec.EvidenceRefs, evidenceRefToWire),
		Votes:         listToWire(rec.Votes, voteToWire),
		Scrutiny:      listToWire(rec.Scrutiny, scrutinyToWire),
		Actions:       listToWire(rec.Actions, actionToWire),
		SignOffs:      listToWire(rec.SignOffs, signOffToWire),
		Challenges:    listToWire(rec.Challenges, challengeToWire),
		Judgements:    listToWire(rec.Judgements, judgementToWire),
		Assurance:     assuranceToWire(rec.Assurance),
	}
}

// listToWire maps every element; the result is never nil, so an empty list
// is written as [] rather than null.
func listToWire[T, U any](in []T, f func(T) U) []U {
	out := make([]U, 0, len(in))
	for _, v := range in {
		out = append(out, f(v))
	}
	return out
}

// timestampToWire writes t as RFC 3339 in UTC with nanoseconds as needed.
func timestampToWire(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// dateToWire writes the calendar date of t, or null for the zero time.
func dateToWire(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(assessment.DateLayout)
	return &s
}

// levelToWire writes a level, or null when it is NotAssessed.
func levelToWire(level int) *int {
	if level == assessment.NotAssessed {
		return nil
	}
	return &level
}

// optionalToWire writes s, or null when it is empty.
func optionalToWire(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// partnershipToWire writes the partnership with its agencies.
func partnershipToWire(p assessment.Partnership) partnershipJSON {
	return partnershipJSON{
		ID: p.ID, Name: p.Name, Area: p.Area,
		CreatedAt: timestampToWire(p.CreatedAt), UpdatedAt: timestampToWire(p.UpdatedAt),
		Agencies: listToWire(p.Agencies, agencyToWire),
	}
}

// agencyToWire writes an agency.
func agencyToWire(a assessment.Agency) agencyJSON {
	return agencyJSON{
		ID: a.ID, PartnershipID: a.PartnershipID, Name: a.Name, Kind: string(a.Kind),
		CreatedAt: timestampToWire(a.CreatedAt), UpdatedAt: timestampToWire(a.UpdatedAt),
	}
}

// assessmentToWire writes the assessment.
func assessmentToWire(a assessment.Assessment) assessmentJSON {
	return assessmentJSON{
		ID: a.ID, PartnershipID: a.PartnershipID,
		QuestionnaireID: a.QuestionnaireID, QuestionnaireVersion: a.QuestionnaireVersion,
		Period: a.Period, Status: string(a.Status), Facilitator: a.Facilitator,
		PreviousID: optionalToWire(a.PreviousID),
		CreatedAt:  timestampToWire(a.CreatedAt), UpdatedAt: timestampToWire(a.UpdatedAt),
		Revision: revisionToWire(a.Revision),
	}
}

// participantToWire writes a participant.
func participantToWire(p assessment.Participant) participantJSON {
	return participantJSON{
		ID: p.ID, AssessmentID: p.AssessmentID, Name: p.Name, Role: p.Role,
		AgencyID:    optionalToWire(p.AgencyID),
		Facilitator: p.Facilitator, JoinedBy: string(cmp.Or(p.JoinedBy, assessment.JoinedOnLaptop)),
		CreatedAt: timestampToWire(p.CreatedAt), UpdatedAt: timestampToWire(p.UpdatedAt),
	}
}

// responseToWire writes a response.
func responseToWire(r assessment.Response) responseJSON {
	return responseJSON{
		AssessmentID: r.AssessmentID, QuestionID: r.QuestionID,
		Level: levelToWire(r.Level), Target: levelToWire(r.Target),
		Confidence: optionalToWire(string(r.Confidence)),
		Evidence:   r.Evidence, Strengths: r.Strengths,
		AreasForDevelopment: r.AreasForDevelopment, Rationale: r.Rationale,
		CarriedForward: r.CarriedForward,
		CreatedAt:      timestampToWire(r.CreatedAt), UpdatedAt: timestampToWire(r.UpdatedAt),
		NotAssessedReason: r.NotAssessedReason,
	}
}

// evidenceRefToWire writes an evidence reference.
func evidenceRefToWire(e assessment.EvidenceRef) evidenceRefJSON {
	return evidenceRefJSON{
		ID: e.ID, AssessmentID: e.AssessmentID, QuestionID: e.QuestionID,
		Title: e.Title, Location: e.Location, CarriedForward: e.CarriedForward,
		CreatedAt: timestampToWire(e.CreatedAt), UpdatedAt: timestampToWire(e.UpdatedAt),
	}
}

// voteToWire writes a vote.
func voteToWire(v assessment.Vote) voteJSON {
	return voteJSON{
		ID: v.ID, AssessmentID: v.AssessmentID, QuestionID: v.QuestionID,
		ParticipantID: v.ParticipantID, Level: levelToWire(v.Level), Comment: v.Comment,
		Round:     max(v.Round, 1),
		CreatedAt: timestampToWire(v.CreatedAt), UpdatedAt: timestampToWire(v.UpdatedAt),
	}
}

// scrutinyToWire writes a scrutiny.
func scrutinyToWire(s assessment.Scrutiny) scrutinyJSON {
	return scrutinyJSON{
		ID: s.ID, AssessmentID: s.AssessmentID, QuestionID: s.QuestionID,
		Scrutineer: s.Scrutineer, Level: levelToWire(s.Level),
		Challenge: s.Challenge, EvidenceSeen: s.EvidenceSeen,
		CreatedAt: timestampToWire(s.CreatedAt), UpdatedAt: timestampToWire(s.UpdatedAt),
	}
}

// actionToWire writes an action with its progress notes.
func actionToWire(a assessment.Action) actionJSON {
	return actionJSON{
		ID: a.ID, AssessmentID: a.AssessmentID, Ref: a.Ref.String(), ThemeID: a.ThemeID,
		QuestionID: optionalToWire(a.QuestionID), Title: a.Title, Owner: a.Owner,
		OwnerAgencyID: optionalToWire(a.OwnerAgencyID), Due: dateToWire(a.Due),
		SuccessMeasure: a.SuccessMeasure, Status: string(a.Status), Outcome: a.Outcome,
		CarriedFromID: optionalToWire(a.CarriedFromID),
		CreatedAt:     timestampToWire(a.CreatedAt), UpdatedAt: timestampToWire(a.UpdatedAt),
		Updates: listToWire(a.Updates, actionUpdateToWire),
	}
}

// actionUpdateToWire writes a progress note.
func actionUpdateToWire(u assessment.ActionUpdate) actionUpdateJSON {
	return actionUpdateJSON{
		ID: u.ID, ActionID: u.ActionID, On: timestampToWire(u.On), Author: u.Author, Note: u.Note,
		CreatedAt: timestampToWire(u.CreatedAt), UpdatedAt: timestampToWire(u.UpdatedAt),
	}
}

// signOffToWire writes a sign-off.
func signOffToWire(s assessment.SignOff) signOffJSON {
	return signOffJSON{
		ID: s.ID, AssessmentID: s.AssessmentID, AgencyID: optionalToWire(s.AgencyID), Name: s.Name, Role: s.Role,
		SignedAt:  timestampToWire(s.SignedAt),
		CreatedAt: timestampToWire(s.CreatedAt), UpdatedAt: timestampToWire(s.UpdatedAt),
		Signature: s.Signature, PublicKey: s.PublicKey, KeyFingerprint: s.KeyFingerprint,
	}
}
