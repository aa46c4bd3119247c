package store

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// participantFields are the audited fields of a participant.
func participantFields(p assessment.Participant) []field {
	return []field{
		{"assessment_id", p.AssessmentID},
		{"name", p.Name},
		{"role", p.Role},
		{"agency_id", p.AgencyID},
		{"facilitator", boolText(p.Facilitator)},
		{"joined_by", string(joinRoute(p.JoinedBy))},
	}
}

// AddParticipant adds a person to an assessment and returns them with
// their id and timestamps.
func (s *Store) AddParticipant(ctx context.Context, p assessment.Participant) (assessment.Participant, error) {
	if err := checkText(p); err != nil {
		return assessment.Participant{}, err
	}
	if strings.TrimSpace(p.Name) == "" {
		return assessment.Participant{}, invalid("participant has no name")
	}
	err := s.write(ctx, func(t *tx) (err error) {
		p, err = t.addParticipant(p)
		return err
	})
	if err != nil {
		return assessment.Participant{}, err
	}
	return p, nil
}

// addParticipant adds a person to an assessment of a partnership one of
// whose agencies they belong to, with its audit rows, and returns them with
// their id and timestamps.
func (t *tx) addParticipant(p assessment.Participant) (assessment.Participant, error) {
	p.ID = orNew(p.ID)
	a, err := assessmentByID(t.ctx, t, p.AssessmentID)
	if err != nil {
		return p, err
	}
	if err := checkPartnershipAgency(t, a.PartnershipID, p.AgencyID); err != nil {
		return p, err
	}
	p.CreatedAt, p.UpdatedAt = t.at, t.at
	if err := t.insertParticipant(p); err != nil {
		return p, err
	}
	return p, t.auditCreate("participant", p.ID, participantFields(p))
}

// UpdateParticipant changes a participant's name, role and agency and
// returns them as stored.
func (s *Store) UpdateParticipant(ctx context.Context, p assessment.Participant) (assessment.Participant, error) {
	if err := checkText(p); err != nil {
		return assessment.Participant{}, err
	}
	if strings.TrimSpace(p.Name) == "" {
		return assessment.Participant{}, invalid("participant has no name")
	}
	var out assessment.Participant
	err := s.write(ctx, func(t *tx) error {
		old, err := participantByID(ctx, t, p.ID)
		if err != nil {
			return err
		}
		mine := p
		mine.AssessmentID = old.AssessmentID
		if err := changedSince("participant "+strconv.Quote(old.Name), p.UpdatedAt, old.UpdatedAt,
			participantFields(old), participantFields(mine)); err != nil {
			return err
		}
		p.AssessmentID, p.JoinedBy, p.CreatedAt, p.UpdatedAt = old.AssessmentID, old.JoinedBy, old.CreatedAt, t.at
		before, after := participantFields(old), participantFields(p)
		if slices.Equal(before, after) {
			out = old
			return nil
		}
		if err := t.checkAssessmentAgency(p.AssessmentID, p.AgencyID); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE participant SET name = ?, role = ?, agency_id = ?, facilitator = ?, updated_at = ? WHERE id = ?`,
			p.Name, p.Role, nullText(p.AgencyID), boolInt(p.Facilitator), formatTime(t.at), p.ID); err != nil {
			return err
		}
		out = p
		return t.auditChanges("participant", p.ID, before, after)
	})
	return out, err
}

// DeleteParticipant removes a participant from an assessment, with their
// votes.
func (s *Store) DeleteParticipant(ctx context.Context, id string) error {
	return s.write(ctx, func(t *tx) error {
		p, err := participantByID(ctx, t, id)
		if err != nil {
			return err
		}
		if err := t.execOne("participant "+id, `DELETE FROM participant WHERE id = ?`, id); err != nil {
			return err
		}
		return t.auditDelete("participant", id, participantFields(p))
	})
}

// joinRoute returns r, or JoinedOnLaptop when it is unset.
func joinRoute(r assessment.JoinRoute) assessment.JoinRoute {
	if r == "" {
		return assessment.JoinedOnLaptop
	}
	return r
}

// participantColumns are the columns scanParticipant reads, in order.
const participantColumns = `id, assessment_id, name, role, agency_id, facilitator, joined_by, created_at, updated_at`

// insertParticipant inserts a participant row as given.
func (t *tx) insertParticipant(p assessment.Participant) error {
	_, err := t.exec(`INSERT INTO participant (`+participantColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.ID, p.AssessmentID, p.Name, p.Role, nullText(p.AgencyID), boolInt(p.Facilitator), string(joinRoute(p.JoinedBy)),
		formatTime(p.CreatedAt), formatTime(p.UpdatedAt))
	return err
}

// scanParticipant reads a participant row.
func scanParticipant(row scanner) (assessment.Participant, error) {
	var p assessment.Participant
	var st stamps
	var agency sql.NullString
	var facilitator int
	var joined string
	if err := row.Scan(&p.ID, &p.AssessmentID, &p.Name, &p.Role, &agency, &facilitator, &joined, &st.created, &st.updated); err != nil {
		return p, err
	}
	p.AgencyID, p.Facilitator, p.JoinedBy = agency.String, facilitator == 1, assessment.JoinRoute(joined)
	var err error
	p.CreatedAt, p.UpdatedAt, err = st.parse()
	return p, err
}

// participantByID reads one participant.
func participantByID(ctx context.Context, q querier, id string) (assessment.Participant, error) {
	p, err := scanParticipant(q.QueryRowContext(ctx, `SELECT `+participantColumns+` FROM participant WHERE id = ?`, id))
	return p, notFound(err, "participant", id)
}

// participantsOf reads every participant of an assessment.
func participantsOf(ctx context.Context, q querier, assessmentID string) ([]assessment.Participant, error) {
	return queryAll(ctx, q, scanParticipant, `SELECT `+participantColumns+` FROM participant
		WHERE assessment_id = ? ORDER BY created_at, id`, assessmentID)
}
