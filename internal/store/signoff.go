package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// signOffFields are the audited fields of a sign-off.
func signOffFields(so assessment.SignOff) []field {
	return []field{
		{"assessment_id", so.AssessmentID},
		{"agency_id", so.AgencyID},
		{"name", so.Name},
		{"role", so.Role},
		{"signed_at", timeText(so.SignedAt)},
		{"signature", so.Signature},
		{"public_key", so.PublicKey},
		{"key_fingerprint", so.KeyFingerprint},
	}
}

// AddSignOff records that a named person signed the assessment off for an
// agency, and returns it with its id and timestamps. A zero SignedAt is now.
// Sign-offs are added before the assessment's status is set to signed off.
func (s *Store) AddSignOff(ctx context.Context, so assessment.SignOff) (assessment.SignOff, error) {
	if err := checkText(so); err != nil {
		return assessment.SignOff{}, err
	}
	if strings.TrimSpace(so.Name) == "" {
		return assessment.SignOff{}, invalid("sign-off has no name")
	}
	so.ID = orNew(so.ID)
	err := s.write(ctx, func(t *tx) error {
		a, err := assessmentByID(ctx, t, so.AssessmentID)
		if err != nil {
			return err
		}
		if err := checkPartnershipAgency(t, a.PartnershipID, so.AgencyID); err != nil {
			return err
		}
		if so.SignedAt.IsZero() {
			so.SignedAt = t.at
		}
		so.SignedAt, so.CreatedAt, so.UpdatedAt = so.SignedAt.UTC(), t.at, t.at
		if err := t.insertSignOff(so); err != nil {
			return err
		}
		return t.auditCreate("signoff", so.ID, signOffFields(so))
	})
	if err != nil {
		return assessment.SignOff{}, err
	}
	return so, nil
}

// checkPartnershipAgency refuses an agency that is not the partnership's;
// an empty agency id is allowed.
func checkPartnershipAgency(t *tx, partnershipID, agencyID string) error {
	if agencyID == "" {
		return nil
	}
	a, err := agencyByID(t.ctx, t, agencyID)
	if err != nil {
		return err
	}
	if a.PartnershipID != partnershipID {
		return invalid("agency %s is not part of this partnership", a.Name)
	}
	return nil
}

// checkAssessmentAgency refuses an agency that is not part of the
// assessment's partnership; an empty agency id is allowed.
func (t *tx) checkAssessmentAgency(assessmentID, agencyID string) error {
	if agencyID == "" {
		return nil
	}
	a, err := assessmentByID(t.ctx, t, assessmentID)
	if err != nil {
		return err
	}
	return checkPartnershipAgency(t, a.PartnershipID, agencyID)
}

// signOffColumns are the columns scanSignOff reads, in order.
const signOffColumns = `id, assessment_id, agency_id, name, role, signed_at, signature, public_key,
	key_fingerprint, created_at, updated_at`

// insertSignOff inserts a sign-off row as given.
func (t *tx) insertSignOff(so assessment.SignOff) error {
	_, err := t.exec(`INSERT INTO signoff (`+signOffColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		so.ID, so.AssessmentID, nullText(so.AgencyID), so.Name, so.Role, formatTime(so.SignedAt),
		so.Signature, so.PublicKey, so.KeyFingerprint, formatTime(so.CreatedAt), formatTime(so.UpdatedAt))
	return err
}

// scanSignOff reads a sign-off row.
func scanSignOff(row scanner) (assessment.SignOff, error) {
	var so assessment.SignOff
	var st stamps
	var agency sql.NullString
	var signed string
	if err := row.Scan(&so.ID, &so.AssessmentID, &agency, &so.Name, &so.Role, &signed, &so.Signature, &so.PublicKey, &so.KeyFingerprint, &st.created, &st.updated); err != nil {
		return so, err
	}
	so.AgencyID = agency.String
	var err error
	if so.SignedAt, err = parseTime(signed); err != nil {
		return so, err
	}
	so.CreatedAt, so.UpdatedAt, err = st.parse()
	return so, err
}

// signOffsOf reads every sign-off of an assessment.
func signOffsOf(ctx context.Context, q querier, assessmentID string) ([]assessment.SignOff, error) {
	return queryAll(ctx, q, scanSignOff, `SELECT `+signOffColumns+` FROM signoff
		WHERE assessment_id = ? ORDER BY created_at, id`, assessmentID)
}
