package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"strconv"
)

// sealParts are the queries whose rows, in this order, make up the content
// of an assessment that its seal covers: the assessment row (less its status
// and update time, which sign-off itself changes), the question set's exact
// text, and every row under it. Each lists its columns by name, so a column
// added later does not change the seal of an assessment signed off before.
var sealParts = []struct{ name, query string }{
	{"assessment", `SELECT id, partnership_id, questionnaire_id, questionnaire_version, period, facilitator, previous_id, created_at
		FROM assessment WHERE id = ?1`},
	{"questionnaire", `SELECT q.id, q.version, q.yaml FROM questionnaire q
		JOIN assessment a ON a.questionnaire_id = q.id AND a.questionnaire_version = q.version WHERE a.id = ?1`},
	{"participant", `SELECT id, name, role, agency_id, created_at, updated_at FROM participant
		WHERE assessment_id = ?1 ORDER BY id`},
	{"response", `SELECT question_id, level, target, confidence, evidence, strengths, areas_for_development, rationale,
		carried_forward, created_at, updated_at FROM response WHERE assessment_id = ?1 ORDER BY question_id`},
	{"evidence_ref", `SELECT id, question_id, title, location, carried_forward, created_at, updated_at FROM evidence_ref
		WHERE assessment_id = ?1 ORDER BY id`},
	{"vote", `SELECT id, question_id, participant_id, level, comment, created_at, updated_at FROM vote
		WHERE assessment_id = ?1 ORDER BY id`},
	{"scrutiny", `SELECT id, question_id, scrutineer, level, challenge, evidence_seen, created_at, updated_at FROM scrutiny
		WHERE assessment_id = ?1 ORDER BY id`},
	{"action", `SELECT id, theme_id, question_id, title, owner, owner_agency_id, due, success_measure, status, outcome,
		carried_from, created_at, updated_at FROM action WHERE assessment_id = ?1 ORDER BY id`},
	{"action_update", `SELECT u.id, u.action_id, u.noted_on, u.author, u.note, u.created_at, u.updated_at
		FROM action_update u JOIN action x ON x.id = u.action_id WHERE x.assessment_id = ?1 ORDER BY u.id`},
	{"signoff", `SELECT id, agency_id, name, role, signed_at, created_at, updated_at FROM signoff
		WHERE assessment_id = ?1 ORDER BY id`},
}

// sealOf returns the SHA-256, in hex, of the canonical encoding of an
// assessment's content: for each part its name, then each row's values,
// each written with its type and length so that no two contents encode
// alike.
func sealOf(ctx context.Context, q querier, assessmentID string) (string, error) {
	h := sha256.New()
	writeField(h, "seal/v1")
	for _, part := range sealParts {
		writeField(h, part.name)
		if err := encodeRows(ctx, q, h, part.query, assessmentID); err != nil {
			return "", fmt.Errorf("sealing %s: %w", part.name, err)
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// encodeRows writes every row of the query canonically to h.
func encodeRows(ctx context.Context, q querier, h hash.Hash, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		io.WriteString(h, "row")
		for _, v := range vals {
			encodeValue(h, v)
		}
	}
	return rows.Err()
}

// encodeValue writes one stored value with a letter for its type.
func encodeValue(w io.Writer, v any) {
	switch x := v.(type) {
	case nil:
		io.WriteString(w, "n")
	case int64:
		io.WriteString(w, "i")
		writeField(w, strconv.FormatInt(x, 10))
	case float64:
		io.WriteString(w, "f")
		writeField(w, strconv.FormatFloat(x, 'g', -1, 64))
	case string:
		io.WriteString(w, "s")
		writeField(w, x)
	case []byte:
		io.WriteString(w, "b")
		writeField(w, string(x))
	default:
		io.WriteString(w, "?")
		writeField(w, fmt.Sprint(x))
	}
}

// seal stores the seal of a signed-off assessment, and audits it, in the
// transaction that signs it off.
func (t *tx) seal(assessmentID string) error {
	sum, err := storeSeal(t.ctx, t.Tx, assessmentID, formatTime(t.at))
	if err != nil {
		return err
	}
	return t.audit("assessment", assessmentID, "seal", "", sum)
}

// storeSeal computes an assessment's seal and stores it, sealed at at, and
// returns it.
func storeSeal(ctx context.Context, t *sql.Tx, assessmentID, at string) (string, error) {
	sum, err := sealOf(ctx, t, assessmentID)
	if err != nil {
		return "", err
	}
	_, err = t.ExecContext(ctx, `INSERT INTO assessment_seal (assessment_id, sha256, sealed_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?)`, assessmentID, sum, at, at, at)
	return sum, err
}

// sealSignedOff seals every signed-off assessment that has no seal yet: the
// upgrade to the schema that brought seals runs it once.
func sealSignedOff(ctx context.Context, t *sql.Tx) error {
	ids, err := queryAll(ctx, t, func(r scanner) (string, error) {
		var id string
		return id, r.Scan(&id)
	}, `SELECT a.id FROM assessment a LEFT JOIN assessment_seal s ON s.assessment_id = a.id
		WHERE a.status = 'signed off' AND s.assessment_id IS NULL ORDER BY a.id`)
	if err != nil {
		return err
	}
	at := formatTime(now())
	for _, id := range ids {
		if _, err := storeSeal(ctx, t, id, at); err != nil {
			return err
		}
	}
	return nil
}

// sealProblems checks the seal of every signed-off assessment and describes
// each assessment whose content changed since it was signed off, or whose
// seal or status was removed or changed.
func sealProblems(ctx context.Context, q querier) (problems []string, checked int, err error) {
	type sealed struct {
		id, period, partnership, status string
		seal                            sql.NullString
	}
	list, err := queryAll(ctx, q, func(r scanner) (sealed, error) {
		var v sealed
		return v, r.Scan(&v.id, &v.period, &v.partnership, &v.status, &v.seal)
	}, `SELECT a.id, a.period, coalesce(p.name, a.partnership_id), a.status, s.sha256 FROM assessment a
		LEFT JOIN partnership p ON p.id = a.partnership_id
		LEFT JOIN assessment_seal s ON s.assessment_id = a.id
		WHERE a.status = 'signed off' OR s.assessment_id IS NOT NULL ORDER BY a.id`)
	if err != nil {
		return nil, 0, err
	}
	for _, a := range list {
		name := fmt.Sprintf("assessment %s (%s %s)", a.id, a.partnership, a.period)
		switch {
		case a.status != "signed off":
			problems = append(problems, name+": it was signed off and sealed but is now "+a.status+
				"; its status was changed outside the app")
			continue
		case !a.seal.Valid:
			problems = append(problems, name+": signed off but has no seal; the seal was removed outside the app")
			continue
		}
		checked++
		sum, err := sealOf(ctx, q, a.id)
		if err != nil {
			return nil, checked, err
		}
		if sum != a.seal.String {
			problems = append(problems, name+": its content changed after it was signed off (the seal no longer matches)")
		}
	}
	return problems, checked, nil
}
