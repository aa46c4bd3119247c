package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// questionnaireEntry is a parsed question set kept in memory. A stored
// question set never changes (its id and version fix its sha256), so the
// entry never goes stale.
type questionnaireEntry struct {
	q *questionnaire.Questionnaire
}

// questionnaireKey names a question set in audit rows and messages.
func questionnaireKey(id, version string) string { return id + "@" + version }

// SaveQuestionnaire stores a question set with its exact YAML text. Saving
// the same id, version and contents again does nothing; the same id and
// version with different contents is ErrConflict.
func (s *Store) SaveQuestionnaire(ctx context.Context, q *questionnaire.Questionnaire) error {
	if q == nil || len(q.Raw) == 0 {
		return invalid("question set has no YAML text to store")
	}
	return s.write(ctx, func(t *tx) error { return t.saveQuestionnaire(q) })
}

// saveQuestionnaire inserts the question set unless it is already stored.
func (t *tx) saveQuestionnaire(q *questionnaire.Questionnaire) error {
	key, sum := questionnaireKey(q.ID, q.Version), q.SHA256()
	var stored string
	err := t.QueryRowContext(t.ctx, `SELECT sha256 FROM questionnaire WHERE id = ? AND version = ?`,
		q.ID, q.Version).Scan(&stored)
	switch {
	case err == nil && stored == sum:
		return nil
	case err == nil:
		return fmt.Errorf("question set %s: %w", key, ErrConflict)
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	at := formatTime(t.at)
	if _, err := t.exec(`INSERT INTO questionnaire (id, version, title, yaml, sha256, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, q.ID, q.Version, q.Title, string(q.Raw), sum, at, at); err != nil {
		return err
	}
	return t.auditCreate("questionnaire", key, []field{{"title", q.Title}, {"sha256", sum}})
}

// Questionnaire returns the stored question set with the given id and
// version, parsed afresh from its stored YAML.
func (s *Store) Questionnaire(ctx context.Context, id, version string) (*questionnaire.Questionnaire, error) {
	var text, sum string
	err := s.db.QueryRowContext(ctx, `SELECT yaml, sha256 FROM questionnaire WHERE id = ? AND version = ?`,
		id, version).Scan(&text, &sum)
	if err != nil {
		return nil, mapErr(notFound(err, "question set", questionnaireKey(id, version)))
	}
	return parseStored(id, version, text, sum)
}

// Questionnaires returns every stored question set, by id then version.
func (s *Store) Questionnaires(ctx context.Context) ([]*questionnaire.Questionnaire, error) {
	type row struct{ id, version, text, sum string }
	rows, err := queryAll(ctx, s.db, func(r scanner) (row, error) {
		var v row
		return v, r.Scan(&v.id, &v.version, &v.text, &v.sum)
	}, `SELECT id, version, yaml, sha256 FROM questionnaire ORDER BY id, version`)
	if err != nil {
		return nil, mapErr(err)
	}
	out := make([]*questionnaire.Questionnaire, 0, len(rows))
	for _, r := range rows {
		q, err := parseStored(r.id, r.version, r.text, r.sum)
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, nil
}

// parseStored parses a stored question set's YAML, first checking it
// against the SHA-256 it was stored with: a question set changed behind the
// app's back is refused, never shown.
func parseStored(id, version, text, sum string) (*questionnaire.Questionnaire, error) {
	if textSHA256(text) != sum {
		return nil, fmt.Errorf("stored question set %s: %w", questionnaireKey(id, version), ErrTampered)
	}
	q, err := questionnaire.Parse(questionnaireKey(id, version), []byte(text))
	if err != nil {
		return nil, fmt.Errorf("stored question set %s: %w", questionnaireKey(id, version), err)
	}
	return q, nil
}

// questionSet returns the parsed question set with the given id and
// version, from memory when it has been parsed before. Callers must not
// change it.
func (s *Store) questionSet(ctx context.Context, q querier, id, version string) (*questionnaire.Questionnaire, error) {
	key := questionnaireKey(id, version)
	s.mu.Lock()
	e, ok := s.sets[key]
	s.mu.Unlock()
	if ok {
		return e.q, nil
	}
	var text, sum string
	err := q.QueryRowContext(ctx, `SELECT yaml, sha256 FROM questionnaire WHERE id = ? AND version = ?`, id, version).Scan(&text, &sum)
	if err != nil {
		return nil, notFound(err, "question set", key)
	}
	parsed, err := parseStored(id, version, text, sum)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.sets[key] = &questionnaireEntry{q: parsed}
	s.mu.Unlock()
	return parsed, nil
}

// assessmentSet returns the parsed question set an assessment is answered
// against.
func (s *Store) assessmentSet(ctx context.Context, q querier, assessmentID string) (*questionnaire.Questionnaire, error) {
	var id, version string
	err := q.QueryRowContext(ctx, `SELECT questionnaire_id, questionnaire_version FROM assessment WHERE id = ?`,
		assessmentID).Scan(&id, &version)
	if err != nil {
		return nil, notFound(err, "assessment", assessmentID)
	}
	return s.questionSet(ctx, q, id, version)
}

// checkQuestion refuses a question the assessment's question set does not
// have, and levels outside its scale (NotAssessed is always allowed).
func (s *Store) checkQuestion(ctx context.Context, q querier, assessmentID, questionID string, levels ...int) error {
	set, err := s.assessmentSet(ctx, q, assessmentID)
	if err != nil {
		return err
	}
	if _, _, ok := set.Question(questionID); !ok {
		return invalid("question %q is not in question set %s", questionID, questionnaireKey(set.ID, set.Version))
	}
	for _, l := range levels {
		if _, ok := set.Level(l); l != 0 && !ok {
			return invalid("level %d is not on the scale of question set %s", l, questionnaireKey(set.ID, set.Version))
		}
	}
	return nil
}
