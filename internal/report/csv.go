package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// Table names a table that can be written as CSV.
type Table string

// The CSV tables.
const (
	Responses Table = "responses"
	Actions   Table = "actions"
)

// Tables lists every CSV table.
var Tables = []Table{Responses, Actions}

// bom is the UTF-8 byte order mark, which makes Excel read the file as
// UTF-8 so £, é and curly quotes survive.
const bom = "\ufeff"

// WriteCSV writes one table of rec, answered against q, as RFC 4180 CSV in
// UTF-8 with a byte order mark. today decides which actions are overdue.
func WriteCSV(w io.Writer, table Table, q *questionnaire.Questionnaire, rec assessment.Record, today time.Time) error {
	var rows [][]string
	switch table {
	case Responses:
		rows = responseRows(q, rec)
	case Actions:
		rows = actionRows(q, rec, today)
	default:
		return fmt.Errorf("no table %q: choose responses or actions", table)
	}
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// responseRows is one row per question, in question-set order.
func responseRows(q *questionnaire.Questionnaire, rec assessment.Record) [][]string {
	rows := [][]string{{"Theme", "Question ID", "Section", "Question", "Level", "Level label", "Target",
		"Confidence", "Votes", "Lowest vote", "Highest vote", "Divergent", "Evidence", "Strengths",
		"Areas for development", "Rationale", "Carried forward"}}
	byQuestion := map[string]assessment.Response{}
	for _, r := range rec.Responses {
		byQuestion[r.QuestionID] = r
	}
	spreads := assessment.Spreads(rec.Votes)
	for _, t := range q.Themes {
		for _, qu := range t.Questions {
			r, s := byQuestion[qu.ID], spreads[qu.ID]
			rows = append(rows, []string{t.Title, qu.ID, qu.Section, qu.Text, level(r.Level),
				levelLabel(q, r.Level), level(r.Target), string(r.Confidence), strconv.Itoa(s.Count),
				voteBound(s, s.Min), voteBound(s, s.Max), yesNo(s.Divergent()), r.Evidence, r.Strengths,
				r.AreasForDevelopment, r.Rationale, yesNo(r.CarriedForward)})
		}
	}
	return rows
}

// actionRows is one row per action, in the record's order.
func actionRows(q *questionnaire.Questionnaire, rec assessment.Record, today time.Time) [][]string {
	rows := [][]string{{"Action ID", "Theme", "Question ID", "Action", "Owner", "Agency", "Due",
		"Success measure", "Status", "Overdue", "Outcome", "Latest progress note", "Carried from"}}
	agencies := map[string]string{}
	for _, a := range rec.Partnership.Agencies {
		agencies[a.ID] = a.Name
	}
	for _, a := range rec.Actions {
		theme, _ := q.Theme(a.ThemeID)
		rows = append(rows, []string{a.ID, theme.Title, a.QuestionID, a.Title, a.Owner,
			agencies[a.OwnerAgencyID], date(a.Due), a.SuccessMeasure, string(a.Status),
			yesNo(a.Overdue(today)), a.Outcome, latestNote(a), a.CarriedFromID})
	}
	return rows
}

// level shows a level as a number, or nothing when not assessed.
func level(l int) string {
	if l == assessment.NotAssessed {
		return ""
	}
	return strconv.Itoa(l)
}

// levelLabel names a level from the scale, or says it was not assessed.
func levelLabel(q *questionnaire.Questionnaire, l int) string {
	if lv, ok := q.Level(l); ok {
		return lv.Label
	}
	return "Not assessed"
}

// voteBound shows a vote bound, or nothing when there were no votes.
func voteBound(s assessment.Spread, v int) string {
	if s.Count == 0 {
		return ""
	}
	return strconv.Itoa(v)
}

// yesNo shows a flag as a word.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// date shows a calendar date, or nothing when unset.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(assessment.DateLayout)
}

// latestNote is the most recent progress note, dated.
func latestNote(a assessment.Action) string {
	var latest *assessment.ActionUpdate
	for i := range a.Updates {
		if latest == nil || !a.Updates[i].On.Before(latest.On) {
			latest = &a.Updates[i]
		}
	}
	if latest == nil {
		return ""
	}
	return date(latest.On) + ": " + latest.Note
}
