package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// YearRecord is one assessment with what comparing it with other years
// needs: its responses, its actions with their progress notes, the spread
// of its votes and the exact question set it answered. Participants,
// individual votes, evidence references, scrutiny and sign-offs are left
// out; LoadRecord has them.
type YearRecord struct {
	Assessment assessment.Assessment
	// Questionnaire is the version of the question set the assessment
	// answered. It is shared: callers must not change it.
	Questionnaire *questionnaire.Questionnaire
	// Responses are in the order they were made, never nil.
	Responses []assessment.Response
	// Actions are in the order they were made, each with its progress
	// notes (never nil); never nil.
	Actions []assessment.Action
	// Spreads is the spread of the individual votes on each question, by
	// question id, as assessment.Spreads gives it; a question nobody gave a
	// level is absent.
	Spreads map[string]assessment.Spread
}

// Record returns the year as a record of partnership p holding the
// assessment, its responses and its actions, for functions that take
// records such as a review of last year's actions.
func (y YearRecord) Record(p assessment.Partnership) assessment.Record {
	return assessment.Record{Partnership: p, Assessment: y.Assessment, Responses: y.Responses, Actions: y.Actions}
}

// Trend is one partnership's assessments on one question set, in any of its
// versions, oldest period first: the years of a trend chart and the
// columns of a year-on-year comparison.
type Trend struct {
	// Partnership has its agencies.
	Partnership assessment.Partnership
	// Years are the assessments by period, oldest first; never nil.
	Years []YearRecord
}

// Records returns every year as a record (see YearRecord.Record), oldest
// first.
func (tr Trend) Records() []assessment.Record {
	out := make([]assessment.Record, len(tr.Years))
	for i, y := range tr.Years {
		out[i] = y.Record(tr.Partnership)
	}
	return out
}

// Trend returns every assessment of a partnership on the question set with
// the given id (any version), oldest period first, each with its
// responses, actions and vote spreads, all read from one snapshot. An
// unknown partnership is ErrNotFound; one with no such assessments has no
// years.
func (s *Store) Trend(ctx context.Context, partnershipID, questionnaireID string) (Trend, error) {
	var out Trend
	err := s.read(ctx, func(t *sql.Tx) error {
		var err error
		if out.Partnership, err = partnershipByID(ctx, t, partnershipID); err != nil {
			return err
		}
		list, err := queryAll(ctx, t, scanAssessment, `SELECT `+assessmentColumns+` FROM assessment
			WHERE partnership_id = ? AND questionnaire_id = ? ORDER BY period, created_at, id`,
			partnershipID, questionnaireID)
		if err != nil {
			return err
		}
		out.Years, err = s.loadYears(ctx, t, list)
		return err
	})
	if err != nil {
		return Trend{}, err
	}
	return out, nil
}

// YearRecords returns the assessments with the given ids, oldest period
// first, each with its responses, actions and vote spreads, all read from
// one snapshot: two of them are what comparing this year with last needs.
// An unknown id is ErrNotFound.
func (s *Store) YearRecords(ctx context.Context, ids ...string) ([]YearRecord, error) {
	var out []YearRecord
	err := s.read(ctx, func(t *sql.Tx) error {
		list := make([]assessment.Assessment, 0, len(ids))
		for _, id := range ids {
			a, err := assessmentByID(ctx, t, id)
			if err != nil {
				return err
			}
			list = append(list, a)
		}
		slices.SortStableFunc(list, func(a, b assessment.Assessment) int {
			return cmp.Or(cmp.Compare(a.Period, b.Period), a.CreatedAt.Compare(b.CreatedAt))
		})
		var err error
		out, err = s.loadYears(ctx, t, list)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// loadYears reads the responses, actions, progress notes and vote spreads
// of the assessments in list, a query each for all of them, and returns
// them as years in the order of list.
func (s *Store) loadYears(ctx context.Context, q querier, list []assessment.Assessment) ([]YearRecord, error) {
	years := make([]YearRecord, len(list))
	index := make(map[string]int, len(list))
	ids := make([]any, len(list))
	for i, a := range list {
		set, err := s.questionSet(ctx, q, a.QuestionnaireID, a.QuestionnaireVersion)
		if err != nil {
			return nil, err
		}
		years[i] = YearRecord{Assessment: a, Questionnaire: set, Responses: []assessment.Response{},
			Actions: []assessment.Action{}, Spreads: map[string]assessment.Spread{}}
		index[a.ID], ids[i] = i, a.ID
	}
	if len(list) == 0 {
		return years, nil
	}
	in := placeholders(len(ids))
	responses, err := responsesIn(ctx, q, in, ids)
	if err != nil {
		return nil, err
	}
	for _, r := range responses {
		y := &years[index[r.AssessmentID]]
		y.Responses = append(y.Responses, r)
	}
	if err := loadActionsIn(ctx, q, in, ids, years, index); err != nil {
		return nil, err
	}
	return years, loadSpreadsIn(ctx, q, in, ids, years, index)
}

// placeholders returns "(?, ?, …)" with n question marks, for IN.
func placeholders(n int) string {
	return "(" + strings.TrimSuffix(strings.Repeat("?, ", n), ", ") + ")"
}

// responsesIn reads the responses of the assessments whose ids are args
// (in is their placeholders), by assessment and then in the order made.
func responsesIn(ctx context.Context, q querier, in string, args []any) ([]assessment.Response, error) {
	return queryAll(ctx, q, scanResponse, `SELECT `+responseColumns+` FROM response
		WHERE assessment_id IN `+in+` ORDER BY assessment_id, created_at, question_id`, args...)
}

// loadActionsIn reads the actions and progress notes of the assessments
// whose ids are args into years, found by index.
func loadActionsIn(ctx context.Context, q querier, in string, args []any, years []YearRecord, index map[string]int) error {
	actions, err := queryAll(ctx, q, scanAction, `SELECT `+actionColumns+` FROM action
		WHERE assessment_id IN `+in+` ORDER BY `+actionOrder, args...)
	if err != nil {
		return err
	}
	updates, err := queryAll(ctx, q, scanActionUpdate, `SELECT u.id, u.action_id, u.noted_on, u.author, u.note,
		u.created_at, u.updated_at FROM action_update u JOIN action a ON a.id = u.action_id
		WHERE a.assessment_id IN `+in+` ORDER BY u.created_at, u.id`, args...)
	if err != nil {
		return err
	}
	byAction := map[string][]assessment.ActionUpdate{}
	for _, u := range updates {
		byAction[u.ActionID] = append(byAction[u.ActionID], u)
	}
	for _, a := range actions {
		a.Updates = byAction[a.ID]
		if a.Updates == nil {
			a.Updates = []assessment.ActionUpdate{}
		}
		y := &years[index[a.AssessmentID]]
		y.Actions = append(y.Actions, a)
	}
	return nil
}

// loadSpreadsIn reads the spread of the votes on each question of the
// assessments whose ids are args into years, found by index.
func loadSpreadsIn(ctx context.Context, q querier, in string, args []any, years []YearRecord, index map[string]int) error {
	rows, err := q.QueryContext(ctx, `SELECT assessment_id, question_id, min(level), max(level), count(level)
		FROM vote WHERE assessment_id IN `+in+` AND level IS NOT NULL
		GROUP BY assessment_id, question_id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, question string
		var sp assessment.Spread
		if err := rows.Scan(&id, &question, &sp.Min, &sp.Max, &sp.Count); err != nil {
			return err
		}
		years[index[id]].Spreads[question] = sp
	}
	return rows.Err()
}

// PeerAssessment is one partnership's assessment for a period in a peer
// view: enough to score it beside every other partnership's.
type PeerAssessment struct {
	// Partnership is without its agencies.
	Partnership assessment.Partnership
	Assessment  assessment.Assessment
	// Questionnaire is the version of the question set the assessment
	// answered. It is shared: callers must not change it.
	Questionnaire *questionnaire.Questionnaire
	// Responses are in the order they were made, never nil.
	Responses []assessment.Response
}

// Peers returns every partnership's assessment for period on the question
// set with the given id (any version), by partnership name, each with its
// responses, all read from one snapshot. A period nobody assessed gives
// none.
func (s *Store) Peers(ctx context.Context, questionnaireID, period string) ([]PeerAssessment, error) {
	var out []PeerAssessment
	err := s.read(ctx, func(t *sql.Tx) error {
		var err error
		out, err = queryAll(ctx, t, scanPeer, `SELECT `+prefixed("a.", assessmentColumns)+`, `+prefixed("p.", partnershipColumns)+`
			FROM assessment a JOIN partnership p ON p.id = a.partnership_id
			WHERE a.questionnaire_id = ? AND a.period = ? ORDER BY p.name, p.id`, questionnaireID, period)
		if err != nil || len(out) == 0 {
			return err
		}
		index := make(map[string]int, len(out))
		ids := make([]any, len(out))
		for i := range out {
			a := out[i].Assessment
			if out[i].Questionnaire, err = s.questionSet(ctx, t, a.QuestionnaireID, a.QuestionnaireVersion); err != nil {
				return err
			}
			index[a.ID], ids[i] = i, a.ID
		}
		responses, err := responsesIn(ctx, t, placeholders(len(ids)), ids)
		if err != nil {
			return err
		}
		for _, r := range responses {
			p := &out[index[r.AssessmentID]]
			p.Responses = append(p.Responses, r)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// scanPeer reads an assessment row followed by its partnership's.
func scanPeer(row scanner) (PeerAssessment, error) {
	p := PeerAssessment{Responses: []assessment.Response{}}
	var st stamps
	var err error
	p.Assessment, err = scanAssessment(withMore{row, []any{&p.Partnership.ID, &p.Partnership.Name,
		&p.Partnership.Area, &st.created, &st.updated}})
	if err != nil {
		return p, err
	}
	p.Partnership.Agencies = []assessment.Agency{}
	p.Partnership.CreatedAt, p.Partnership.UpdatedAt, err = st.parse()
	return p, err
}

// withMore scans a row whose first columns one scan function reads and
// whose remaining columns go into more.
type withMore struct {
	row  scanner
	more []any
}

// Scan scans into dest, then more.
func (w withMore) Scan(dest ...any) error { return w.row.Scan(append(dest, w.more...)...) }

// prefixed qualifies every column in a comma-separated list with prefix,
// such as "a.".
func prefixed(prefix, columns string) string {
	parts := strings.Split(columns, ",")
	for i, c := range parts {
		parts[i] = prefix + strings.TrimSpace(c)
	}
	return strings.Join(parts, ", ")
}
