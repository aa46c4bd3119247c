package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/english"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// ErrNotReady means an assessment cannot be agreed yet; the error is a
// *NotReadyError listing why.
var ErrNotReady = errors.New("the assessment is not ready to be agreed")

// NotReadyError lists what stops an assessment being agreed.
type NotReadyError struct {
	Items []assessment.ReadinessItem
}

// Error says how many things are outstanding and what the first is.
func (e *NotReadyError) Error() string {
	return fmt.Sprintf("%v: %s outstanding, first %s: %s", ErrNotReady, english.Count(len(e.Items), "thing"), e.Items[0].Question, e.Items[0].Problem)
}

// Unwrap makes errors.Is(err, ErrNotReady) true.
func (e *NotReadyError) Unwrap() error { return ErrNotReady }

// Agree moves a draft assessment to agreed once the readiness check
// passes (see assessment.Readiness); otherwise it returns a *NotReadyError
// and changes nothing. An agreed assessment stays agreed.
func (s *Store) Agree(ctx context.Context, id string) error {
	return s.write(ctx, func(t *tx) error {
		rec, set, err := s.recordInTx(t, id)
		if err != nil {
			return err
		}
		switch rec.Assessment.Status {
		case assessment.Agreed:
			return nil
		case assessment.SignedOff:
			return ErrSignedOff
		}
		if items := assessment.Readiness(set, rec); len(items) > 0 {
			return &NotReadyError{Items: items}
		}
		return t.setStatus(rec.Assessment, assessment.Agreed)
	})
}

// recordInTx loads a record and its question set inside a transaction.
func (s *Store) recordInTx(t *tx, id string) (assessment.Record, *questionnaire.Questionnaire, error) {
	var rec assessment.Record
	var err error
	if rec.Assessment, err = assessmentByID(t.ctx, t, id); err != nil {
		return rec, nil, err
	}
	if rec.Partnership, err = partnershipByID(t.ctx, t, rec.Assessment.PartnershipID); err != nil {
		return rec, nil, err
	}
	if err := loadChildren(t.ctx, t, &rec); err != nil {
		return rec, nil, err
	}
	set, err := s.questionSet(t.ctx, t, rec.Assessment.QuestionnaireID, rec.Assessment.QuestionnaireVersion)
	return rec, set, err
}

// setStatus changes an assessment's status and audits it: the one place
// Agree and Sign change a status, so that whatever else must happen when
// an assessment is signed off belongs here. Signing off seals it, as
// SetStatus and import do.
func (t *tx) setStatus(a assessment.Assessment, status assessment.Status) error {
	if _, err := t.exec(`UPDATE assessment SET status = ?, updated_at = ? WHERE id = ?`,
		string(status), formatTime(t.at), a.ID); err != nil {
		return err
	}
	if err := t.audit("assessment", a.ID, "status", string(a.Status), string(status)); err != nil {
		return err
	}
	if status == assessment.SignedOff {
		return t.seal(a.ID)
	}
	return nil
}

// SignatureCheck checks a sign-off about to be added against the record as
// it is in the same transaction (with every sign-off already made, and the
// new one last), returning an error to refuse it. Package bundle's
// CheckSignOffs is one.
type SignatureCheck func(set *questionnaire.Questionnaire, rec assessment.Record) error

// Sign adds a signed sign-off to an agreed assessment, after check accepts
// it, and remembers the signer's key as trusted by the partnership. When
// it completes the sign-off (assessment.MissingSignOffs is empty) the
// assessment becomes signed off, in the same transaction, and is read-only
// from then on. It returns whether it did.
func (s *Store) Sign(ctx context.Context, so assessment.SignOff, check SignatureCheck) (signedOff bool, err error) {
	if err := checkText(so); err != nil {
		return false, err
	}
	if strings.TrimSpace(so.Name) == "" {
		return false, invalid("sign-off has no name")
	}
	if so.Signature == "" || so.PublicKey == "" {
		return false, invalid("sign-off has no signature")
	}
	so.ID = orNew(so.ID)
	err = s.write(ctx, func(t *tx) error {
		rec, set, err := s.recordInTx(t, so.AssessmentID)
		if err != nil {
			return err
		}
		switch rec.Assessment.Status {
		case assessment.SignedOff:
			return ErrSignedOff
		case assessment.Agreed:
		default:
			return invalid("the assessment is %s: agree it before signing it off", rec.Assessment.Status)
		}
		if err := checkPartnershipAgency(t, rec.Assessment.PartnershipID, so.AgencyID); err != nil {
			return err
		}
		so.SignedAt = so.SignedAt.UTC()
		so.CreatedAt, so.UpdatedAt = t.at, t.at
		rec.SignOffs = append(rec.SignOffs, so)
		if err := check(set, rec); err != nil {
			return err
		}
		if err := t.insertSignOff(so); err != nil {
			return err
		}
		if err := t.auditCreate("signoff", so.ID, signOffFields(so)); err != nil {
			return err
		}
		if err := t.trustKey(rec.Assessment.PartnershipID, so.PublicKey, so.KeyFingerprint, so.Name); err != nil {
			return err
		}
		if len(assessment.MissingSignOffs(rec, func(assessment.SignOff) bool { return true })) > 0 {
			return nil
		}
		signedOff = true
		return t.setStatus(rec.Assessment, assessment.SignedOff)
	})
	return signedOff, err
}

// ClearSignOffs removes every sign-off of an agreed assessment, so that
// it can be signed afresh after a change has made the signatures stale. A
// signed-off assessment is amended instead (Amend).
func (s *Store) ClearSignOffs(ctx context.Context, id string) error {
	return s.write(ctx, func(t *tx) error {
		a, err := assessmentByID(t.ctx, t, id)
		if err != nil {
			return err
		}
		if a.Status == assessment.SignedOff {
			return fmt.Errorf("%w: amend it instead", ErrSignedOff)
		}
		return t.deleteSignOffs(id)
	})
}

// deleteSignOffs deletes and audits every sign-off of an assessment.
func (t *tx) deleteSignOffs(id string) error {
	signOffs, err := signOffsOf(t.ctx, t, id)
	if err != nil {
		return err
	}
	for _, so := range signOffs {
		if _, err := t.exec(`DELETE FROM signoff WHERE id = ?`, so.ID); err != nil {
			return err
		}
		if err := t.auditDelete("signoff", so.ID, signOffFields(so)); err != nil {
			return err
		}
	}
	return nil
}

// TrustedKey is a signer's public key a partnership has confirmed.
type TrustedKey struct {
	PublicKey   string
	Fingerprint string
	// Name is whose key it was said to be when it was confirmed.
	Name string
}

// trustKey remembers a key as the partnership's, keeping the first name
// it was confirmed under.
func (t *tx) trustKey(partnershipID, publicKey, fingerprint, name string) error {
	if publicKey == "" {
		return nil
	}
	res, err := t.exec(`INSERT INTO trusted_key (partnership_id, public_key, fingerprint, name, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, partnershipID, publicKey, fingerprint, name, formatTime(t.at), formatTime(t.at))
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	return t.audit("trusted_key", partnershipID+"/"+fingerprint, "", "", "trusted as "+name+"'s key")
}

// UnknownKeys returns the sign-offs of rec, a record from elsewhere, whose
// public keys the partnership (found by id, else by name, as an import
// finds it) has never confirmed. A new partnership knows no keys.
func (s *Store) UnknownKeys(ctx context.Context, rec assessment.Record) ([]assessment.SignOff, error) {
	var out []assessment.SignOff
	err := s.read(ctx, func(q *sql.Tx) error {
		var pid string
		err := q.QueryRowContext(ctx, `SELECT id FROM partnership WHERE id = ? OR name = ? ORDER BY id = ? DESC LIMIT 1`,
			rec.Partnership.ID, rec.Partnership.Name, rec.Partnership.ID).Scan(&pid)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		for _, so := range rec.SignOffs {
			if so.PublicKey == "" {
				continue
			}
			var n int
			if err := q.QueryRowContext(ctx, `SELECT count(*) FROM trusted_key WHERE partnership_id = ? AND public_key = ?`,
				pid, so.PublicKey).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				out = append(out, so)
			}
		}
		return nil
	})
	return out, err
}

// TrustedKeys returns the keys a partnership has confirmed, oldest first.
func (s *Store) TrustedKeys(ctx context.Context, partnershipID string) ([]TrustedKey, error) {
	return queryAll(ctx, s.db, func(r scanner) (TrustedKey, error) {
		var k TrustedKey
		return k, r.Scan(&k.PublicKey, &k.Fingerprint, &k.Name)
	}, `SELECT public_key, fingerprint, name FROM trusted_key WHERE partnership_id = ? ORDER BY created_at, public_key`, partnershipID)
}

// Amend opens a new revision of a signed-off assessment, for a reason:
// the signed original is kept whole as original (its bundle, with its
// fingerprint originalSHA256) and shown as superseded, the assessment
// goes back to draft as the next revision, and its sign-offs (kept in the
// original) are cleared so that the new revision is signed afresh. It
// returns the amendment.
func (s *Store) Amend(ctx context.Context, id, reason string, original []byte, originalSHA256 string) (assessment.Amendment, error) {
	if strings.TrimSpace(reason) == "" {
		return assessment.Amendment{}, invalid("an amendment needs a reason")
	}
	if len(original) == 0 || originalSHA256 == "" {
		return assessment.Amendment{}, invalid("an amendment keeps the signed original, and none was given")
	}
	am := assessment.Amendment{ID: newID(), AssessmentID: id, Reason: reason, Actor: s.currentActor(),
		OriginalSHA256: originalSHA256, OriginalBundle: original}
	if err := checkText(am); err != nil {
		return assessment.Amendment{}, err
	}
	err := s.write(ctx, func(t *tx) error {
		a, err := assessmentByID(t.ctx, t, id)
		if err != nil {
			return err
		}
		if a.Status != assessment.SignedOff {
			return invalid("only a signed-off assessment is amended; this one is %s and can be changed as it is", a.Status)
		}
		am.Revision, am.CreatedAt = a.Revision+1, t.at
		if _, err := t.exec(`INSERT INTO amendment (id, assessment_id, revision, reason, actor, original_sha256, original_bundle, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, am.ID, id, am.Revision, reason, am.Actor, originalSHA256, string(original),
			formatTime(t.at), formatTime(t.at)); err != nil {
			return err
		}
		if _, err := t.exec(`UPDATE assessment SET status = ?, revision = ?, updated_at = ? WHERE id = ?`,
			string(assessment.Draft), am.Revision, formatTime(t.at), id); err != nil {
			return err
		}
		if err := t.auditChanges("assessment", id,
			[]field{{"status", string(a.Status)}, {"revision", strconv.Itoa(a.Revision)}, {"amendment_reason", ""}},
			[]field{{"status", string(assessment.Draft)}, {"revision", strconv.Itoa(am.Revision)}, {"amendment_reason", reason}}); err != nil {
			return err
		}
		return t.deleteSignOffs(id)
	})
	if err != nil {
		return assessment.Amendment{}, err
	}
	return am, nil
}

// Amendments returns the amendments of an assessment, oldest first, each
// with the signed original it superseded.
func (s *Store) Amendments(ctx context.Context, id string) ([]assessment.Amendment, error) {
	return queryAll(ctx, s.db, func(r scanner) (assessment.Amendment, error) {
		var am assessment.Amendment
		var original, at string
		if err := r.Scan(&am.ID, &am.AssessmentID, &am.Revision, &am.Reason, &am.Actor, &am.OriginalSHA256, &original, &at); err != nil {
			return am, err
		}
		am.OriginalBundle = []byte(original)
		var err error
		am.CreatedAt, err = parseTime(at)
		return am, err
	}, `SELECT id, assessment_id, revision, reason, actor, original_sha256, original_bundle, created_at
		FROM amendment WHERE assessment_id = ? ORDER BY revision`, id)
}
