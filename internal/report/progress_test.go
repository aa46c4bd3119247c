package report_test

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/report"
)

// everyFate is the demo input with one of last year's carried actions
// taken out of this year's plan, so last year's actions meet every fate:
// completed, dropped, carried forward and left open.
func everyFate(t *testing.T) report.Input {
	t.Helper()
	in := demoInput(t)
	rec := in.Record
	rec.Actions = nil
	dropped := false
	for _, a := range in.Record.Actions {
		if a.CarriedFromID != "" && !dropped {
			dropped = true
			continue
		}
		rec.Actions = append(rec.Actions, a)
	}
	in.Record = rec
	review := assessment.ReviewActions([]assessment.Record{*in.Previous, in.Record}, exportedAt)
	for _, f := range []assessment.Fate{assessment.Completed, assessment.DroppedFate, assessment.CarriedForward, assessment.LeftOpen} {
		if review.Counts[f] == 0 {
			t.Fatalf("the fixture has no action %s: %v", f, review.Counts)
		}
	}
	return in
}

// compared compares the input's previous assessment with it, as the
// report does.
func compared(t *testing.T, in report.Input) assessment.Comparison {
	t.Helper()
	c, err := assessment.Compare([]assessment.Column{
		{Assessment: in.Previous.Assessment, Questionnaire: in.Questionnaire, Responses: in.Previous.Responses},
		{Assessment: in.Record.Assessment, Questionnaire: in.Questionnaire, Responses: in.Record.Responses},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// changeText is a change as the report words it.
func changeText(ch assessment.Change, before, after assessment.Score) string {
	d := math.Round((after.Mean-before.Mean)*10) / 10
	switch ch {
	case assessment.Improved:
		return fmt.Sprintf("%s, up %.1f", ch, d)
	case assessment.Declined:
		return fmt.Sprintf("%s, down %.1f", ch, -d)
	}
	return string(ch)
}

func TestPDFProgressSinceLastYear(t *testing.T) {
	needPoppler(t)
	in := everyFate(t)
	path := writePDF(t, "progress", in)
	text := body(t, path, in)
	start := strings.Index(text, squash("Progress since last year"))
	summary := strings.Index(text, squash("Top priorities"))
	theme1 := strings.Index(text, squash("Theme 1 of 6"))
	if start < 0 || summary < 0 || theme1 < 0 || !(summary < start && start < theme1) {
		t.Fatalf("section at %d; want after the summary (%d) and before the first theme (%d)", start, summary, theme1)
	}
	section := text[start:theme1]
	prev, cur := in.Previous.Assessment.Period, in.Record.Assessment.Period
	c := compared(t, in)
	wants := []string{"Theme levels, " + prev + " and " + cur, prev + " agreed level", cur + " agreed level",
		"Change by theme", "How the questions moved", "Last year’s actions and what became of them"}
	for _, th := range c.Themes {
		// Theme, last year's level, this year's, the change: one row.
		wants = append(wants, fmt.Sprintf("%s %.1f %.1f %s", th.Title, th.Scores[0].Mean, th.Scores[1].Mean,
			changeText(th.Change, th.Scores[0], th.Scores[1])))
	}
	wants = append(wants, fmt.Sprintf("Overall %.1f %.1f %s", c.Overall[0].Mean, c.Overall[1].Mean,
		changeText(c.OverallChange, c.Overall[0], c.Overall[1])))
	for _, ch := range []assessment.Change{assessment.Improved, assessment.Declined, assessment.Unchanged} {
		wants = append(wants, fmt.Sprintf("%s %d", ch, c.Counts[ch]))
	}
	wants = append(wants, fmt.Sprintf("Targets set in %s: %d met in %s, %d not met", prev, c.Targets[assessment.TargetMet], cur,
		c.Targets[assessment.TargetMissed]))
	review := assessment.ReviewActions([]assessment.Record{*in.Previous, in.Record}, exportedAt)
	wants = append(wants, fmt.Sprintf("%s recorded %d actions. By %s: %d completed, %d dropped, %d carried forward, %d left open, not carried forward. %d overdue on 12 March 2026.",
		prev, len(review.Items), cur, review.Counts[assessment.Completed], review.Counts[assessment.DroppedFate],
		review.Counts[assessment.CarriedForward], review.Counts[assessment.LeftOpen], review.Overdue))
	overdue := 0
	for _, it := range review.Items {
		fate := strings.ToUpper(string(it.Fate[:1])) + string(it.Fate[1:])
		wants = append(wants, it.Action.Title, fate)
		if it.Now != nil {
			wants = append(wants, "Now "+strings.ToLower(string(it.Now.Status)))
		}
		if it.Overdue {
			overdue++
		}
	}
	mustContain(t, "progress", section, wants...)
	if overdue == 0 {
		t.Fatalf("no overdue action among last year's: the test shows too little")
	}
	if got := strings.Count(section, "OVERDUE"); got != overdue {
		t.Errorf("%d actions flagged OVERDUE in the section; want %d", got, overdue)
	}
}

// TestPDFProgressNamesQuestions: the questions that declined are listed
// by name ("Culture, question 1") with their text, never by internal id.
func TestPDFProgressNamesQuestions(t *testing.T) {
	needPoppler(t)
	in := demoInput(t)
	rec := in.Record
	rec.Responses = slices.Clone(rec.Responses)
	declined := ""
	for i, r := range rec.Responses {
		for _, before := range in.Previous.Responses {
			if declined == "" && before.QuestionID == r.QuestionID && before.Level > 1 {
				rec.Responses[i].Level, declined = before.Level-1, r.QuestionID
			}
		}
	}
	if declined == "" {
		t.Fatal("no question to make decline")
	}
	in.Record = rec
	text := body(t, writePDF(t, "progress-names", in), in)
	start, end := strings.Index(text, squash("How the questions moved")), strings.Index(text, squash("Last year’s actions and what became of them"))
	if start < 0 || end < start {
		t.Fatalf("no list of questions that moved (%d, %d)", start, end)
	}
	section := text[start:end]
	mustContain(t, "progress-names", section, "Questions that declined or are no longer assessed",
		in.Questionnaire.QuestionName(declined))
	if strings.Contains(section, declined) {
		t.Errorf("the list shows the internal id %s:\n%s", declined, section)
	}
	if name := in.Questionnaire.QuestionName(declined); name == declined || !strings.Contains(name, ", question ") {
		t.Errorf("%s is named %q", declined, name)
	}
}

func TestPDFNoProgressWithoutPrevious(t *testing.T) {
	needPoppler(t)
	for name, in := range map[string]report.Input{"nothing-assessed": nothingAssessed(t), "hostile": hostileInput(t, 20).in} {
		text := body(t, writePDF(t, name, in), in)
		for _, unwanted := range []string{"Progress since last year", "Last year’s actions and what became of them", "How the questions moved"} {
			if strings.Contains(text, squash(unwanted)) {
				t.Errorf("%s: no previous assessment, yet the PDF says %q", name, unwanted)
			}
		}
	}
}

// TestXLSXTrend reads the Trend sheet back: a row per period, the theme
// levels and the overall level as numbers, empty when not assessed.
func TestXLSXTrend(t *testing.T) {
	for name, in := range map[string]report.Input{"demo": demoInput(t), "nothing-assessed": nothingAssessed(t)} {
		t.Run(name, func(t *testing.T) {
			f := workbook(t, in)
			rows, err := f.GetRows("Trend", excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			q := in.Questionnaire
			head := []string{"Period"}
			for _, th := range q.Themes {
				head = append(head, th.Title)
			}
			head = append(head, "Overall", "Questions assessed", "Questions")
			if len(rows) == 0 || strings.Join(rows[0], "|") != strings.Join(head, "|") {
				t.Fatalf("header %q; want %q", rows, head)
			}
			var recs []assessment.Record
			if in.Previous != nil {
				recs = append(recs, *in.Previous)
			}
			recs = append(recs, in.Record)
			if len(rows) != len(recs)+1 {
				t.Fatalf("%d rows; want a header and %d periods", len(rows), len(recs))
			}
			for r, rec := range recs {
				row := append(rows[r+1], make([]string, len(head))...)
				if row[0] != rec.Assessment.Period {
					t.Errorf("row %d is %q; want %s", r+1, row[0], rec.Assessment.Period)
				}
				themes := assessment.ThemeScores(q, rec.Responses)
				scores := []assessment.Score{}
				for _, th := range themes {
					scores = append(scores, th.Level)
				}
				scores = append(scores, assessment.Overall(themes))
				for i, s := range scores {
					got, ref := row[i+1], cellName(i+2, r+2)
					if !s.Valid() {
						if got != "" {
							t.Errorf("%s %s: %q; want empty (not assessed)", rec.Assessment.Period, head[i+1], got)
						}
						continue
					}
					v, err := strconv.ParseFloat(got, 64)
					if err != nil || v < s.Mean-1e-9 || v > s.Mean+1e-9 {
						t.Errorf("%s %s: %q; want %v", rec.Assessment.Period, head[i+1], got, s.Mean)
					}
					if typ, _ := f.GetCellType("Trend", ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
						t.Errorf("%s is of type %v; want a number", ref, typ)
					}
				}
				overall := assessment.Overall(themes)
				if row[len(head)-2] != strconv.Itoa(overall.Assessed) || row[len(head)-1] != strconv.Itoa(overall.Total) {
					t.Errorf("%s coverage %q of %q; want %d of %d", rec.Assessment.Period, row[len(head)-2], row[len(head)-1], overall.Assessed, overall.Total)
				}
			}
			if panes, err := f.GetPanes("Trend"); err != nil || !panes.Freeze {
				t.Errorf("Trend panes %+v, %v; want the header row frozen", panes, err)
			}
		})
	}
}

// cellName is the name of the cell in column col and row row, from 1.
func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}
