package store

import (
	"context"
	"strings"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// AuditFilter narrows an assessment's audit trail. Empty fields filter
// nothing.
type AuditFilter struct {
	// Actor keeps the changes made by this person (any letter case).
	Actor string
	// QuestionID keeps the changes to this question's response and to the
	// rows about it (votes, scrutiny, evidence, actions, challenges).
	QuestionID string
	// Entity keeps one kind of row, such as "response" or "action".
	Entity string
	// From and To keep changes made on or after From and before To.
	From, To time.Time
}

// TrailEntry is one row of an assessment's audit trail with the question
// it concerns, when there is one.
type TrailEntry struct {
	AuditEntry
	QuestionID string
}

// AuditTrail returns every audit row of an assessment, oldest first: the
// assessment itself, its responses, and every row ever made under it
// (participants, votes, scrutiny, evidence, actions and their progress
// notes, challenges, judgements, sign-offs), deleted ones included, kept
// by filter.
func (s *Store) AuditTrail(ctx context.Context, assessmentID string, filter AuditFilter) ([]TrailEntry, error) {
	rows, err := queryAll(ctx, s.db, func(r scanner) (AuditEntry, error) {
		var e AuditEntry
		var at string
		if err := r.Scan(&e.ID, &at, &e.Actor, &e.Entity, &e.EntityID, &e.Field, &e.Old, &e.New); err != nil {
			return e, err
		}
		var err error
		e.At, err = parseTime(at)
		return e, err
	}, `WITH children(id) AS (
			SELECT entity_id FROM audit_log WHERE field = 'assessment_id' AND new = ?1
		), notes(id) AS (
			SELECT entity_id FROM audit_log WHERE field = 'action_id' AND new IN (SELECT id FROM children)
		)
		SELECT id, at, actor, entity, entity_id, field, old, new FROM audit_log
		WHERE entity_id = ?1 OR entity_id LIKE ?2 ESCAPE '\' OR entity_id IN (SELECT id FROM children)
			OR entity_id IN (SELECT id FROM notes)
		ORDER BY at, rowid`, assessmentID, likePrefix(assessmentID+"/"))
	if err != nil {
		return nil, mapErr(err)
	}
	question := map[string]string{}
	for _, e := range rows {
		if e.Field == "question_id" && e.New != "" {
			question[e.EntityID] = e.New
		}
	}
	out := []TrailEntry{}
	for _, e := range rows {
		q := question[e.EntityID]
		if _, after, ok := strings.Cut(e.EntityID, "/"); ok && e.Entity == "response" {
			q = after
		}
		if keep(filter, e, q) {
			out = append(out, TrailEntry{AuditEntry: e, QuestionID: q})
		}
	}
	return out, nil
}

// keep reports whether an audit row passes the filter.
func keep(f AuditFilter, e AuditEntry, questionID string) bool {
	switch {
	case f.Actor != "" && !strings.EqualFold(f.Actor, e.Actor):
		return false
	case f.QuestionID != "" && f.QuestionID != questionID:
		return false
	case f.Entity != "" && f.Entity != e.Entity:
		return false
	case !f.From.IsZero() && e.At.Before(f.From):
		return false
	case !f.To.IsZero() && !e.At.Before(f.To):
		return false
	}
	return true
}

// likePrefix returns a LIKE pattern matching text starting with prefix.
func likePrefix(prefix string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(prefix) + "%"
}

// EditCounts summarises an assessment's audit trail: how many edits each
// person made at each stage (the status the assessment had then), in the
// order the stages and people first appear. An edit is everything one
// person changed in one row at one time.
func (s *Store) EditCounts(ctx context.Context, assessmentID string) ([]assessment.EditCount, error) {
	trail, err := s.AuditTrail(ctx, assessmentID, AuditFilter{})
	if err != nil {
		return nil, err
	}
	stage := assessment.Draft
	type key struct {
		person string
		stage  assessment.Status
	}
	index := map[key]int{}
	seen := map[string]bool{}
	var out []assessment.EditCount
	for _, e := range trail {
		edit := e.At.String() + "\x00" + e.Actor + "\x00" + e.EntityID
		if !seen[edit] {
			seen[edit] = true
			k := key{e.Actor, stage}
			i, ok := index[k]
			if !ok {
				i = len(out)
				index[k] = i
				out = append(out, assessment.EditCount{Person: e.Actor, Stage: stage})
			}
			out[i].Edits++
		}
		if e.Entity == "assessment" && e.Field == "status" {
			stage = assessment.Status(e.New)
		}
	}
	return out, nil
}
