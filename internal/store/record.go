package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// LoadRecord returns one assessment with everything under it and its
// partnership with its agencies, all read from one snapshot. Lists are in
// the order their rows were made (created_at, then id), never nil, and each
// action carries its progress notes.
func (s *Store) LoadRecord(ctx context.Context, assessmentID string) (assessment.Record, error) {
	var rec assessment.Record
	err := s.read(ctx, func(t *sql.Tx) error {
		var err error
		if rec.Assessment, err = assessmentByID(ctx, t, assessmentID); err != nil {
			return err
		}
		if rec.Partnership, err = partnershipByID(ctx, t, rec.Assessment.PartnershipID); err != nil {
			return err
		}
		return loadChildren(ctx, t, &rec)
	})
	if err != nil {
		return assessment.Record{}, err
	}
	return rec, nil
}

// loadChildren reads everything under rec.Assessment into rec.
func loadChildren(ctx context.Context, q querier, rec *assessment.Record) error {
	id := rec.Assessment.ID
	var err error
	if rec.Participants, err = participantsOf(ctx, q, id); err != nil {
		return err
	}
	if rec.Responses, err = responsesOf(ctx, q, id); err != nil {
		return err
	}
	if rec.EvidenceRefs, err = evidenceRefsOf(ctx, q, id); err != nil {
		return err
	}
	if rec.Votes, err = votesOf(ctx, q, id); err != nil {
		return err
	}
	if rec.Scrutiny, err = scrutinyOf(ctx, q, id); err != nil {
		return err
	}
	if rec.SignOffs, err = signOffsOf(ctx, q, id); err != nil {
		return err
	}
	if err := loadScrutinyRecord(ctx, q, rec); err != nil {
		return err
	}
	return loadActions(ctx, q, rec)
}

// loadActions reads the actions of rec.Assessment with their progress notes.
func loadActions(ctx context.Context, q querier, rec *assessment.Record) error {
	var err error
	if rec.Actions, err = actionsOf(ctx, q, rec.Assessment.ID); err != nil {
		return err
	}
	updates, err := actionUpdatesOf(ctx, q, rec.Assessment.ID)
	if err != nil {
		return err
	}
	for i := range rec.Actions {
		rec.Actions[i].Updates = updates[rec.Actions[i].ID]
		if rec.Actions[i].Updates == nil {
			rec.Actions[i].Updates = []assessment.ActionUpdate{}
		}
	}
	return nil
}

// ImportRecord adds an assessment from elsewhere (a bundle), with
// everything under it, in one transaction: all of it or none. It stores the
// question set (doing nothing if it is already stored), finds the
// partnership by id or else by name, creating it and any agencies it lacks,
// and keeps every id and timestamp given. An assessment id already in the
// database is ErrExists. A partnership or agency id that names something
// else in the database, or a previous assessment or carried action of
// another partnership, is ErrClash. A signed-off assessment is written as a
// draft and signed off last, as the read-only triggers require. The public
// keys of its sign-offs are remembered as keys the partnership trusts, so a
// caller shows the unknown ones (UnknownKeys) for confirmation first.
func (s *Store) ImportRecord(ctx context.Context, q *questionnaire.Questionnaire, rec assessment.Record) error {
	return s.ImportRecords(ctx, q, []assessment.Record{rec})
}

// ImportRecords imports many records answering one question set, as
// ImportRecord does each, in a single transaction: all of them or none. It
// is much faster than a transaction each (the demo's national dataset
// imports this way). Records are imported in order, so a record started
// from another (PreviousID) should come after it; each gets the one audit
// row ImportRecord writes.
func (s *Store) ImportRecords(ctx context.Context, q *questionnaire.Questionnaire, recs []assessment.Record) error {
	if q == nil || len(q.Raw) == 0 {
		return invalid("import has no question set")
	}
	for _, rec := range recs {
		if err := checkText(rec); err != nil {
			return err
		}
	}
	for _, rec := range recs {
		a := rec.Assessment
		if a.QuestionnaireID != q.ID || a.QuestionnaireVersion != q.Version {
			return invalid("assessment answers question set %s but the import carries %s",
				questionnaireKey(a.QuestionnaireID, a.QuestionnaireVersion), questionnaireKey(q.ID, q.Version))
		}
		if err := checkAssessment(a); err != nil {
			return err
		}
	}
	return s.write(ctx, func(t *tx) error {
		if err := t.saveQuestionnaire(q); err != nil {
			return err
		}
		for _, rec := range recs {
			if err := t.importRecord(rec); err != nil {
				return err
			}
		}
		return nil
	})
}

// importRecord imports one checked record: its partnership and agencies
// where they are missing, then the assessment with everything under it.
func (t *tx) importRecord(rec assessment.Record) error {
	a := rec.Assessment
	if _, err := assessmentByID(t.ctx, t, a.ID); err == nil {
		return fmt.Errorf("assessment %s (%s): %w", a.ID, a.Period, ErrExists)
	} else if !errors.Is(err, ErrNotFound) {
		return err
	}
	ids, err := t.importPartnership(rec.Partnership)
	if err != nil {
		return err
	}
	rec = remap(rec, ids)
	if err := t.checkHistoryClash(rec); err != nil {
		return err
	}
	return t.importAssessment(rec)
}

// idMap maps ids in an imported record to the ids of the same partnership
// and agencies already in the database.
type idMap map[string]string

// of returns the local id for id.
func (m idMap) of(id string) string {
	if local, ok := m[id]; ok {
		return local
	}
	return id
}

// importPartnership finds the record's partnership by id or else by name,
// creating it if neither is found, and adds the agencies it lacks. It
// returns how the record's ids map to the local ones.
func (t *tx) importPartnership(p assessment.Partnership) (idMap, error) {
	ids := idMap{}
	local, err := partnershipByID(t.ctx, t, p.ID)
	if err == nil {
		err = checkPartnershipClash(local, p)
	}
	if errors.Is(err, ErrNotFound) {
		local, err = t.partnershipByName(p.Name)
	}
	switch {
	case errors.Is(err, ErrNotFound):
		local = p
		local.ID, local.Agencies = orNew(p.ID), nil
		stampNew(t, &local.CreatedAt, &local.UpdatedAt)
		if err := t.insertPartnership(local); err != nil {
			return nil, err
		}
		if err := t.auditCreate("partnership", local.ID, partnershipFields(local)); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, err
	}
	ids[p.ID] = local.ID
	for _, a := range p.Agencies {
		if err := t.importAgency(local, a, ids); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// partnershipByName finds a partnership by name in any letter case.
func (t *tx) partnershipByName(name string) (assessment.Partnership, error) {
	var id string
	err := t.QueryRowContext(t.ctx, `SELECT id FROM partnership WHERE name = ?`, name).Scan(&id)
	if err != nil {
		return assessment.Partnership{}, notFound(err, "partnership", name)
	}
	return partnershipByID(t.ctx, t, id)
}

// importAgency matches an imported agency to one of the local partnership's
// by id, then by name, and creates it when there is none.
func (t *tx) importAgency(local assessment.Partnership, a assessment.Agency, ids idMap) error {
	if err := t.checkAgencyClash(local, a); err != nil {
		return err
	}
	for _, have := range local.Agencies {
		if have.ID == a.ID || equalFoldName(have.Name, a.Name) {
			ids[a.ID] = have.ID
			return nil
		}
	}
	if err := checkAgency(a); err != nil {
		return err
	}
	a.ID, a.PartnershipID = orNew(a.ID), local.ID
	stampNew(t, &a.CreatedAt, &a.UpdatedAt)
	return t.createAgency(a)
}

// stampNew sets zero creation and update times to the transaction's time.
func stampNew(t *tx, created, updated *time.Time) {
	if created.IsZero() {
		*created = t.at
	}
	if updated.IsZero() {
		*updated = t.at
	}
}

// remap returns rec with its partnership and agency ids replaced by the
// local ones.
func remap(rec assessment.Record, ids idMap) assessment.Record {
	out := rec
	out.Assessment.PartnershipID = ids.of(rec.Partnership.ID)
	out.Participants = mapEach(rec.Participants, func(p assessment.Participant) assessment.Participant {
		p.AgencyID = ids.of(p.AgencyID)
		return p
	})
	out.Actions = mapEach(rec.Actions, func(a assessment.Action) assessment.Action {
		a.OwnerAgencyID = ids.of(a.OwnerAgencyID)
		return a
	})
	out.SignOffs = mapEach(rec.SignOffs, func(so assessment.SignOff) assessment.SignOff {
		so.AgencyID = ids.of(so.AgencyID)
		return so
	})
	return out
}

// mapEach returns a new slice of f applied to each element of in.
func mapEach[T any](in []T, f func(T) T) []T {
	out := make([]T, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// importAssessment inserts the assessment and everything under it as given,
// signing it off last when it is signed off, and audits the import.
func (t *tx) importAssessment(rec assessment.Record) error {
	a := rec.Assessment
	stampNew(t, &a.CreatedAt, &a.UpdatedAt)
	a.Revision = max(a.Revision, 1)
	final := a.Status
	a.Status = assessment.Draft
	if err := t.insertAssessment(a); err != nil {
		return err
	}
	if err := t.importChildren(a.ID, rec); err != nil {
		return err
	}
	for _, so := range rec.SignOffs {
		if err := t.trustKey(a.PartnershipID, so.PublicKey, so.KeyFingerprint, so.Name); err != nil {
			return err
		}
	}
	if final != assessment.Draft {
		if _, err := t.exec(`UPDATE assessment SET status = ? WHERE id = ?`, string(final), a.ID); err != nil {
			return err
		}
	}
	if err := t.audit("assessment", a.ID, "", "", fmt.Sprintf("imported (%s, %s)", a.Period, final)); err != nil {
		return err
	}
	if final == assessment.SignedOff {
		return t.seal(a.ID)
	}
	return nil
}

// importChildren inserts everything under an imported assessment.
func (t *tx) importChildren(id string, rec assessment.Record) error {
	for _, p := range rec.Participants {
		p.AssessmentID, p.ID = id, orNew(p.ID)
		stampNew(t, &p.CreatedAt, &p.UpdatedAt)
		if err := t.insertParticipant(p); err != nil {
			return err
		}
	}
	for _, r := range rec.Responses {
		r.AssessmentID = id
		stampNew(t, &r.CreatedAt, &r.UpdatedAt)
		if err := t.insertResponse(r); err != nil {
			return err
		}
	}
	for _, e := range rec.EvidenceRefs {
		e.AssessmentID, e.ID = id, orNew(e.ID)
		stampNew(t, &e.CreatedAt, &e.UpdatedAt)
		if err := t.insertEvidenceRef(e); err != nil {
			return err
		}
	}
	if err := t.importVotesAndScrutiny(id, rec); err != nil {
		return err
	}
	if err := t.importActions(id, rec.Actions); err != nil {
		return err
	}
	if err := t.importScrutinyRecord(id, rec); err != nil {
		return err
	}
	for _, so := range rec.SignOffs {
		so.AssessmentID, so.ID = id, orNew(so.ID)
		stampNew(t, &so.CreatedAt, &so.UpdatedAt)
		if err := t.insertSignOff(so); err != nil {
			return err
		}
	}
	return nil
}

// importVotesAndScrutiny inserts an imported assessment's votes and
// scrutiny.
func (t *tx) importVotesAndScrutiny(id string, rec assessment.Record) error {
	for _, v := range rec.Votes {
		v.AssessmentID, v.ID = id, orNew(v.ID)
		stampNew(t, &v.CreatedAt, &v.UpdatedAt)
		if err := t.insertVote(v); err != nil {
			return err
		}
	}
	for _, sc := range rec.Scrutiny {
		sc.AssessmentID, sc.ID = id, orNew(sc.ID)
		stampNew(t, &sc.CreatedAt, &sc.UpdatedAt)
		if err := t.insertScrutiny(sc); err != nil {
			return err
		}
	}
	return nil
}

// importActions inserts an imported assessment's actions and their
// progress notes. An action without a ref (from a bundle written before
// refs) takes the next free one, in the order given.
func (t *tx) importActions(id string, actions []assessment.Action) error {
	next, err := t.nextActionRef(id)
	if err != nil {
		return err
	}
	for _, a := range actions {
		next = max(next, a.Ref+1)
	}
	for _, a := range actions {
		a.AssessmentID, a.ID, a.Due = id, orNew(a.ID), dateOnly(a.Due)
		if a.Ref <= 0 {
			a.Ref, next = next, next+1
		}
		stampNew(t, &a.CreatedAt, &a.UpdatedAt)
		if err := t.insertAction(a); err != nil {
			return err
		}
		for _, u := range a.Updates {
			u.ActionID, u.ID = a.ID, orNew(u.ID)
			stampNew(t, &u.CreatedAt, &u.UpdatedAt)
			if u.On.IsZero() {
				u.On = u.CreatedAt
			}
			if err := t.insertActionUpdate(u); err != nil {
				return err
			}
		}
	}
	return nil
}
