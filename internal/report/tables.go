package report

import (
	"fmt"
	"strconv"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// Table names a table that can be written as CSV, and a sheet of the
// workbook.
type Table string

// The tables.
const (
	Summary   Table = "summary"
	Responses Table = "responses"
	Votes     Table = "votes"
	Actions   Table = "actions"
)

// Tables lists every table, in the order the workbook's sheets take.
var Tables = []Table{Summary, Responses, Votes, Actions}

// cellKind says what a cell holds.
type cellKind int

// The kinds of cell.
const (
	textCell   cellKind = iota
	numberCell          // Num, shown with Decimals decimals
	dateCell            // Date, a calendar date
	emptyCell           // nothing: a level not assessed, a date not set
)

// cell is one typed value of a table: text in CSV, a number or date in
// the workbook.
type cell struct {
	kind     cellKind
	text     string
	num      float64
	decimals int
	date     time.Time
}

// text is a text cell.
func text(s string) cell { return cell{kind: textCell, text: s} }

// integer is a whole-number cell.
func integer(n int) cell { return cell{kind: numberCell, num: float64(n)} }

// levelCell is a level as a number, empty when not assessed.
func levelCell(l int) cell {
	if l == assessment.NotAssessed {
		return cell{kind: emptyCell}
	}
	return integer(l)
}

// scoreCell is a mean to one decimal, empty when nothing was assessed.
func scoreCell(s assessment.Score) cell {
	if !s.Valid() {
		return cell{kind: emptyCell}
	}
	return cell{kind: numberCell, num: s.Mean, decimals: 1}
}

// decimalCell is a number to one decimal, empty when not known.
func decimalCell(f float64, known bool) cell {
	if !known {
		return cell{kind: emptyCell}
	}
	return cell{kind: numberCell, num: f, decimals: 1}
}

// dateCellOf is a calendar date, empty when unset.
func dateCellOf(t time.Time) cell {
	if t.IsZero() {
		return cell{kind: emptyCell}
	}
	return cell{kind: dateCell, date: t}
}

// yesNo shows a flag as a word.
func yesNo(b bool) cell {
	if b {
		return text("yes")
	}
	return text("no")
}

// String shows the cell as CSV text.
func (c cell) String() string {
	switch c.kind {
	case numberCell:
		return strconv.FormatFloat(c.num, 'f', c.decimals, 64)
	case dateCell:
		return c.date.Format(assessment.DateLayout)
	case emptyCell:
		return ""
	}
	return c.text
}

// table is one table: a header row, typed rows, and column widths in
// characters for the workbook.
type table struct {
	name   Table
	sheet  string
	header []string
	widths []float64
	rows   [][]cell
}

// buildTable builds the named table.
func (v *view) table(name Table) (table, error) {
	switch name {
	case Summary:
		return v.summaryTable(), nil
	case Responses:
		return v.responseTable(), nil
	case Votes:
		return v.voteTable(), nil
	case Actions:
		return v.actionTable(), nil
	}
	return table{}, fmt.Errorf("no table %q: choose summary, responses, votes or actions", name)
}

// summaryTable is one row per theme and one for the whole assessment.
func (v *view) summaryTable() table {
	prev := "Previous level"
	if p := v.previousPeriod(); p != "" {
		prev += " (" + p + ")"
	}
	t := table{name: Summary, sheet: "Summary",
		header: []string{"Theme", "Level", "Level label", "Questions assessed", "Questions", "Target", "Gap", prev, "Change"},
		widths: []float64{34, 8, 18, 11, 11, 8, 8, 14, 9}}
	for i, th := range v.themes {
		before, has := v.prevTheme(i)
		gap, gapKnown := themeGap(th)
		ch := changeOf(th.Level, before, has)
		t.rows = append(t.rows, []cell{text(v.themeTitle(th.ThemeID)), scoreCell(th.Level),
			text(labelOf(v, th.Level)), integer(th.Level.Assessed), integer(th.Level.Total),
			scoreCell(th.Target), decimalCell(gap, gapKnown), scoreCellIf(before, has),
			decimalCell(ch.Delta, ch.Known)})
	}
	ch := changeOf(v.overall, v.prevOverall, v.Previous != nil)
	t.rows = append(t.rows, []cell{text("Overall"), scoreCell(v.overall), text(labelOf(v, v.overall)),
		integer(v.overall.Assessed), integer(v.overall.Total), {kind: emptyCell}, {kind: emptyCell},
		scoreCellIf(v.prevOverall, v.Previous != nil), decimalCell(ch.Delta, ch.Known)})
	return t
}

// labelOf names the level nearest a score, or says it was not assessed.
func labelOf(v *view, s assessment.Score) string {
	if !s.Valid() {
		return "Not assessed"
	}
	return assessment.LevelLabel(v.q, s)
}

// scoreCellIf is a score cell when there is a score to show.
func scoreCellIf(s assessment.Score, ok bool) cell {
	if !ok {
		return cell{kind: emptyCell}
	}
	return scoreCell(s)
}

// responseTable is one row per question, in question-set order.
func (v *view) responseTable() table {
	t := table{name: Responses, sheet: "Responses",
		header: []string{"Theme", "Question ID", "Section", "Question", "Level", "Level label", "Target",
			"Confidence", "Votes", "Lowest vote", "Highest vote", "Divergent", "Evidence", "Strengths",
			"Areas for development", "Rationale", "Carried forward"},
		widths: []float64{20, 14, 9, 60, 7, 16, 7, 11, 7, 8, 8, 9, 60, 40, 40, 40, 9}}
	for _, th := range v.q.Themes {
		for _, qu := range th.Questions {
			r, s := v.responses[qu.ID], v.spreads[qu.ID]
			lowest, highest := cell{kind: emptyCell}, cell{kind: emptyCell}
			if s.Count > 0 {
				lowest, highest = integer(s.Min), integer(s.Max)
			}
			t.rows = append(t.rows, []cell{text(th.Title), text(qu.ID), text(qu.Section), text(qu.Text),
				levelCell(r.Level), text(levelLabel(v, r.Level)), levelCell(r.Target), text(string(r.Confidence)),
				integer(s.Count), lowest, highest, yesNo(s.Divergent()), text(r.Evidence), text(r.Strengths),
				text(r.AreasForDevelopment), text(r.Rationale), yesNo(r.CarriedForward)})
		}
	}
	return t
}

// levelLabel names a level from the scale, or says it was not assessed.
func levelLabel(v *view, l int) string {
	if lv, ok := v.q.Level(l); ok {
		return lv.Label
	}
	return "Not assessed"
}

// voteTable is one row per individual vote, in question-set order.
func (v *view) voteTable() table {
	t := table{name: Votes, sheet: "Votes",
		header: []string{"Theme", "Question ID", "Question", "Participant", "Role", "Agency", "Level", "Level label", "Comment", "Round"},
		widths: []float64{20, 14, 50, 24, 28, 30, 7, 16, 50, 7}}
	for _, th := range v.q.Themes {
		for _, qu := range th.Questions {
			for _, x := range v.votes[qu.ID] {
				p := v.people[x.ParticipantID]
				t.rows = append(t.rows, []cell{text(th.Title), text(qu.ID), text(qu.Text), text(p.Name),
					text(p.Role), text(v.agencyName(p.AgencyID)), levelCell(x.Level), text(levelLabel(v, x.Level)),
					text(x.Comment), integer(x.RoundOf())})
			}
		}
	}
	return t
}

// actionTable is one row per action, in the record's order.
func (v *view) actionTable() table {
	t := table{name: Actions, sheet: "Actions",
		header: []string{"Ref", "Action ID", "Theme", "Question ID", "Action", "Owner", "Agency", "Due",
			"Success measure", "Status", "Overdue", "Outcome", "Latest progress note", "Carried from"},
		widths: []float64{8, 38, 20, 14, 50, 22, 30, 12, 40, 12, 9, 40, 50, 38}}
	for _, a := range v.rec.Actions {
		note := ""
		if u, ok := latestUpdate(a); ok {
			note = u.On.Format(assessment.DateLayout) + ": " + u.Note
		}
		t.rows = append(t.rows, []cell{text(a.Ref.String()), text(a.ID), text(v.themeTitle(a.ThemeID)), text(a.QuestionID),
			text(a.Title), text(a.Owner), text(v.agencyName(a.OwnerAgencyID)), dateCellOf(a.Due),
			text(a.SuccessMeasure), text(string(a.Status)), yesNo(a.Overdue(v.today)), text(a.Outcome),
			text(note), text(a.CarriedFromID)})
	}
	return t
}
