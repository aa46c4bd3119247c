package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"slices"
	"strconv"
	"strings"
)

// sealPart is a query whose rows, under a name, make up part of the
// content a seal covers; ?1 is the assessment's id.
type sealPart struct{ name, query string }

// sealPartsV1 are the parts of a scheme 1 seal, in order: the assessment
// row (less its status and update time, which sign-off itself changes),
// the question set's exact text, and every row under it as the first
// schema had them. Each lists its columns by name, so a column added later
// does not change the seal of an assessment signed off before.
var sealPartsV1 = []sealPart{
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

// sealPartsV2 are the parts of a scheme 2 seal: scheme 1's, with the
// assessment's revision, the reason a question was not assessed, each
// sign-off's signature and public key, each vote's round and how each
// participant joined and whether they facilitate, each action's ref (0006),
// then the scrutiny of 0005 (challenge threads, theme judgements, assurance
// and statement) and the amendments that led to this revision.
var sealPartsV2 = extendSealParts(sealPartsV1, map[string]string{
	"assessment": `SELECT id, partnership_id, questionnaire_id, questionnaire_version, period, facilitator, previous_id, created_at,
		revision FROM assessment WHERE id = ?1`,
	"response": `SELECT question_id, level, target, confidence, evidence, strengths, areas_for_development, rationale,
		carried_forward, created_at, updated_at, not_assessed_reason FROM response WHERE assessment_id = ?1 ORDER BY question_id`,
	"signoff": `SELECT id, agency_id, name, role, signed_at, created_at, updated_at, signature, public_key, key_fingerprint
		FROM signoff WHERE assessment_id = ?1 ORDER BY id`,
	"participant": `SELECT id, name, role, agency_id, created_at, updated_at, facilitator, joined_by FROM participant
		WHERE assessment_id = ?1 ORDER BY id`,
	"vote": `SELECT id, question_id, participant_id, level, comment, created_at, updated_at, round FROM vote
		WHERE assessment_id = ?1 ORDER BY id`,
	"action": `SELECT id, theme_id, question_id, title, owner, owner_agency_id, due, success_measure, status, outcome,
		carried_from, created_at, updated_at, ref FROM action WHERE assessment_id = ?1 ORDER BY id`,
},
	sealPart{"challenge", `SELECT id, question_id, kind, author, text, at, created_at, updated_at FROM challenge
		WHERE assessment_id = ?1 ORDER BY id`},
	sealPart{"theme_judgement", `SELECT id, theme_id, scrutineer, level, reasons, created_at, updated_at FROM theme_judgement
		WHERE assessment_id = ?1 ORDER BY id`},
	sealPart{"assurance", `SELECT scrutineer, level, reasons, statement, created_at, updated_at FROM assurance
		WHERE assessment_id = ?1`},
	sealPart{"amendment", `SELECT id, revision, reason, actor, original_sha256, original_bundle, created_at FROM amendment
		WHERE assessment_id = ?1 ORDER BY revision`},
)

// sealUncoveredV1 are the parts of an assessment a scheme 1 seal does not
// cover, each a query for rows that must not exist: scheme 1 seals are of
// assessments signed off before scrutiny and signatures were stored, and a
// signed-off assessment cannot gain them, so any found were added outside
// the app.
var sealUncoveredV1 = []sealPart{
	{"a challenge thread", `SELECT 1 FROM challenge WHERE assessment_id = ?1`},
	{"a theme judgement", `SELECT 1 FROM theme_judgement WHERE assessment_id = ?1`},
	{"an assurance level or scrutiny statement", `SELECT 1 FROM assurance WHERE assessment_id = ?1`},
	{"a reason for a question not assessed", `SELECT 1 FROM response WHERE assessment_id = ?1 AND not_assessed_reason <> ''`},
	{"a signature", `SELECT 1 FROM signoff WHERE assessment_id = ?1 AND (signature <> '' OR public_key <> '' OR key_fingerprint <> '')`},
	{"a vote in a later round", `SELECT 1 FROM vote WHERE assessment_id = ?1 AND round <> 1`},
}

// uncoveredV1 names what an assessment holds that its scheme 1 seal cannot
// cover; none when it holds nothing of the kind.
func uncoveredV1(ctx context.Context, q querier, assessmentID string) ([]string, error) {
	var found []string
	for _, p := range sealUncoveredV1 {
		var one int
		err := q.QueryRowContext(ctx, p.query+" LIMIT 1", assessmentID).Scan(&one)
		switch {
		case err == nil:
			found = append(found, p.name)
		case !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
	}
	return found, nil
}

// sealSchemes are the seal schemes by number. A seal is checked by the
// scheme it was taken with; new seals use sealScheme.
var sealSchemes = map[int][]sealPart{1: sealPartsV1, 2: sealPartsV2}

// sealScheme is the scheme of every seal taken now.
const sealScheme = 2

// extendSealParts returns base with the queries of the parts named in
// replaced swapped, then added after them.
func extendSealParts(base []sealPart, replaced map[string]string, added ...sealPart) []sealPart {
	out := make([]sealPart, 0, len(base)+len(added))
	for _, p := range base {
		if q, ok := replaced[p.name]; ok {
			p.query = q
		}
		out = append(out, p)
	}
	return append(out, added...)
}

// sealOf returns the SHA-256, in hex, of the canonical encoding of an
// assessment's content by a seal scheme: the scheme, then for each part its
// name, then each row's values, each written with its type and length so
// that no two contents encode alike.
func sealOf(ctx context.Context, q querier, assessmentID string, scheme int) (string, error) {
	parts, ok := sealSchemes[scheme]
	if !ok {
		return "", fmt.Errorf("no seal scheme %d", scheme)
	}
	h := sha256.New()
	writeField(h, fmt.Sprintf("seal/v%d", scheme))
	for _, part := range parts {
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

// seal stores the seal of a signed-off assessment's current revision, by
// the current scheme, and audits it, in the transaction that signs it off.
func (t *tx) seal(assessmentID string) error {
	var revision int
	if err := t.QueryRowContext(t.ctx, `SELECT revision FROM assessment WHERE id = ?`, assessmentID).Scan(&revision); err != nil {
		return err
	}
	sum, err := storeSeal(t.ctx, t.Tx, assessmentID, revision, sealScheme, formatTime(t.at))
	if err != nil {
		return err
	}
	return t.audit("assessment", assessmentID, "seal", "", sum)
}

// storeSeal computes the seal of an assessment's revision by a scheme and
// stores it, sealed at at, and returns it.
func storeSeal(ctx context.Context, t *sql.Tx, assessmentID string, revision, scheme int, at string) (string, error) {
	sum, err := sealOf(ctx, t, assessmentID, scheme)
	if err != nil {
		return "", err
	}
	_, err = t.ExecContext(ctx, `INSERT INTO assessment_seal (assessment_id, revision, scheme, sha256, sealed_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, assessmentID, revision, scheme, sum, at, at, at)
	return sum, err
}

// sealSignedOff seals, by scheme 1, every signed-off assessment that has no
// seal yet: the upgrade to the schema that brought seals (0003) runs it
// once, before assessments had revisions or scrutiny tables.
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
		if _, err := storeSeal(ctx, t, id, 1, 1, at); err != nil {
			return err
		}
	}
	return nil
}

// sealedAssessment is an assessment that is signed off or was once, with
// its seals and the revisions its amendments opened.
type sealedAssessment struct {
	id, name, status string
	revision         int
	seals            []storedSealRow
	// amendments are the revisions amendments opened, oldest first.
	amendments []int
}

// storedSealRow is one stored seal.
type storedSealRow struct {
	revision, scheme int
	sum              string
}

// sealProblems checks the seals of every assessment that is or was signed
// off, and describes each whose content changed since it was signed off,
// or whose seal, status, revision or amendments were removed or changed.
// The current revision of a signed-off assessment must have a seal that
// matches its content by the seal's own scheme; an earlier revision's seal
// stands only beside the amendment that superseded it, which keeps the
// signed original and cannot change. checked counts the seals recomputed.
func sealProblems(ctx context.Context, q querier) (problems []string, checked int, err error) {
	list, err := queryAll(ctx, q, func(r scanner) (sealedAssessment, error) {
		var a sealedAssessment
		var period, partnership string
		err := r.Scan(&a.id, &period, &partnership, &a.status, &a.revision)
		a.name = fmt.Sprintf("assessment %s (%s %s)", a.id, partnership, period)
		return a, err
	}, `SELECT a.id, a.period, coalesce(p.name, a.partnership_id), a.status, a.revision FROM assessment a
		LEFT JOIN partnership p ON p.id = a.partnership_id
		WHERE a.status = 'signed off' OR EXISTS (SELECT 1 FROM assessment_seal s WHERE s.assessment_id = a.id)
		   OR EXISTS (SELECT 1 FROM amendment m WHERE m.assessment_id = a.id)
		ORDER BY a.id`)
	if err != nil {
		return nil, 0, err
	}
	for _, a := range list {
		if a.seals, err = queryAll(ctx, q, func(r scanner) (storedSealRow, error) {
			var s storedSealRow
			return s, r.Scan(&s.revision, &s.scheme, &s.sum)
		}, `SELECT revision, scheme, sha256 FROM assessment_seal WHERE assessment_id = ? ORDER BY revision`, a.id); err != nil {
			return nil, checked, err
		}
		if a.amendments, err = queryAll(ctx, q, func(r scanner) (int, error) {
			var n int
			return n, r.Scan(&n)
		}, `SELECT revision FROM amendment WHERE assessment_id = ? ORDER BY revision`, a.id); err != nil {
			return nil, checked, err
		}
		found, n, err := a.problems(ctx, q)
		if err != nil {
			return nil, checked, err
		}
		problems, checked = append(problems, found...), checked+n
	}
	return problems, checked, nil
}

// problems checks one assessment's seals and amendments, recomputing the
// seal of its current revision when it is signed off.
func (a sealedAssessment) problems(ctx context.Context, q querier) (problems []string, checked int, err error) {
	say := func(format string, args ...any) {
		problems = append(problems, a.name+": "+fmt.Sprintf(format, args...))
	}
	current := false
	sealed := map[int]bool{}
	for _, s := range a.seals {
		sealed[s.revision] = true
		switch {
		case s.revision > a.revision:
			say("revision %d was signed off and sealed but the assessment is now revision %d; its revision was changed outside the app",
				s.revision, a.revision)
		case s.revision < a.revision && !slices.Contains(a.amendments, s.revision+1):
			say("revision %d was signed off and sealed but no amendment of it is recorded; "+
				"the amendment was removed, or the revision changed, outside the app", s.revision)
		case s.revision == a.revision && a.status != "signed off":
			say("it was signed off and sealed but is now %s; its status was changed outside the app", a.status)
		case s.revision == a.revision:
			current = true
			sum, err := sealOf(ctx, q, a.id, s.scheme)
			if err != nil {
				say("its seal cannot be checked: %v", err)
				continue
			}
			checked++
			if sum != s.sum {
				say("its content changed after it was signed off (the seal of revision %d no longer matches)", s.revision)
			}
			if s.scheme != 1 {
				continue
			}
			found, err := uncoveredV1(ctx, q, a.id)
			if err != nil {
				return nil, checked, err
			}
			if len(found) > 0 {
				say("it holds %s, added after it was signed off (its seal, from before the app stored them, does not cover them)",
					strings.Join(found, ", "))
			}
		}
	}
	if a.status == "signed off" && !current {
		say("signed off but has no seal for revision %d; the seal was removed outside the app", a.revision)
	}
	for _, r := range a.amendments {
		if !sealed[r-1] {
			say("revision %d was amended but has no seal of its signed-off original (revision %d); "+
				"the seal was removed outside the app", r, r-1)
		}
	}
	return problems, checked, nil
}
