package report_test

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/report"
)

// readCSV writes one table and reads it back.
func readCSV(t *testing.T, table report.Table, in report.Input) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteCSV(&buf, table, in); err != nil {
		t.Fatal(err)
	}
	data := buf.String()
	if !strings.HasPrefix(data, "\ufeff") {
		t.Errorf("%s: no UTF-8 byte order mark", table)
	}
	if !strings.Contains(data, "\r\n") {
		t.Errorf("%s: lines do not end in CRLF", table)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(data, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatalf("%s: reading back: %v", table, err)
	}
	return rows
}

// levelText is a level as the tables give it: empty when not assessed.
func levelText(l int) string {
	if l == assessment.NotAssessed {
		return ""
	}
	return strconv.Itoa(l)
}

// want is what a table must hold, row by row, in the columns named.
type want struct {
	columns []string
	rows    [][]string
}

// expected builds, straight from the record, what each table must hold.
func expected(in report.Input) map[report.Table]want {
	q, rec := in.Questionnaire, in.Record
	byQ := map[string]assessment.Response{}
	for _, r := range rec.Responses {
		byQ[r.QuestionID] = r
	}
	people := map[string]string{}
	for _, p := range rec.Participants {
		people[p.ID] = p.Name
	}
	out := map[report.Table]want{
		report.Responses: {columns: []string{"Question ID", "Question", "Level", "Target", "Evidence", "Strengths", "Rationale"}},
		report.Votes:     {columns: []string{"Question ID", "Participant", "Level", "Comment", "Round"}},
		report.Actions:   {columns: []string{"Ref", "Action ID", "Action", "Owner", "Due", "Status", "Success measure"}},
		report.Summary:   {columns: []string{"Theme", "Questions assessed", "Questions"}},
	}
	add := func(t report.Table, row ...string) {
		w := out[t]
		w.rows = append(w.rows, row)
		out[t] = w
	}
	for _, th := range q.Themes {
		assessed := 0
		for _, qu := range th.Questions {
			r := byQ[qu.ID]
			if r.Level != assessment.NotAssessed {
				assessed++
			}
			add(report.Responses, qu.ID, qu.Text, levelText(r.Level), levelText(r.Target), r.Evidence, r.Strengths, r.Rationale)
			for _, v := range rec.Votes {
				if v.QuestionID == qu.ID {
					add(report.Votes, qu.ID, people[v.ParticipantID], levelText(v.Level), v.Comment, strconv.Itoa(v.RoundOf()))
				}
			}
		}
		add(report.Summary, th.Title, strconv.Itoa(assessed), strconv.Itoa(len(th.Questions)))
	}
	add(report.Summary, "Overall", strconv.Itoa(assessment.ScoreOf(q, rec.Responses).Assessed), strconv.Itoa(q.QuestionCount()))
	for _, a := range rec.Actions {
		due := ""
		if !a.Due.IsZero() {
			due = a.Due.Format(assessment.DateLayout)
		}
		add(report.Actions, a.Ref.String(), a.ID, a.Title, a.Owner, due, string(a.Status), a.SuccessMeasure)
	}
	return out
}

// compare checks got (header row first) holds w's rows in w's columns.
func compare(t *testing.T, name string, got [][]string, w want) {
	t.Helper()
	if len(got) != len(w.rows)+1 {
		t.Fatalf("%s: %d rows; want %d and a header", name, len(got), len(w.rows))
	}
	cols := map[string]int{}
	for i, h := range got[0] {
		cols[h] = i
	}
	bad := 0
	for r, row := range w.rows {
		for c, col := range w.columns {
			i, ok := cols[col]
			if !ok {
				t.Fatalf("%s: no column %q in %v", name, col, got[0])
			}
			cell := ""
			if i < len(got[r+1]) {
				cell = got[r+1][i]
			}
			if cell != row[c] {
				if bad++; bad <= 5 {
					t.Errorf("%s row %d %s: got %.80q; want %.80q", name, r+1, col, cell, row[c])
				}
			}
		}
	}
}

// TestCSVRoundTrip writes every table of each assessment and reads it back:
// commas, quotes, newlines, £, curly quotes and Welsh and Polish letters
// survive, and levels not assessed are empty.
func TestCSVRoundTrip(t *testing.T) {
	for name, in := range inputs(t) {
		for table, w := range expected(in) {
			compare(t, name+" "+string(table), readCSV(t, table, in), w)
		}
	}
	h := hostileInput(t, 200).in
	rows := readCSV(t, report.Responses, h)
	if got := rows[1][13]; !strings.Contains(got, unusual+"\nSecond line, with a comma, and a \"quote\".") {
		t.Errorf("strengths with a newline, commas and quotes came back as %q", got)
	}
}

// workbook writes in as XLSX and opens it again with excelize.
func workbook(t *testing.T, in report.Input) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteXLSX(&buf, in); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestXLSXReadBack opens the workbook with excelize and checks each sheet
// holds the data, with frozen header rows, set column widths, levels as
// numbers and dates as dates.
func TestXLSXReadBack(t *testing.T) {
	for name, in := range inputs(t) {
		t.Run(name, func(t *testing.T) {
			f := workbook(t, in)
			if got, want := strings.Join(f.GetSheetList(), ","), "Summary,Responses,Votes,Actions,Trend"; got != want {
				t.Fatalf("sheets %s; want %s", got, want)
			}
			sheets := map[report.Table]string{report.Summary: "Summary", report.Responses: "Responses", report.Votes: "Votes", report.Actions: "Actions"}
			for table, w := range expected(in) {
				sh := sheets[table]
				rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				if table == report.Summary {
					rows = rows[:len(w.rows)+1] // facts about the assessment follow below a blank row
				}
				// Dates are stored as serial numbers: turn them back into dates.
				if table == report.Actions {
					for i := 1; i < len(rows); i++ {
						if len(rows[i]) > 7 && rows[i][7] != "" {
							serial, err := strconv.ParseFloat(rows[i][7], 64)
							if err != nil {
								t.Fatalf("due date %q is not a date serial: %v", rows[i][7], err)
							}
							d, _ := excelize.ExcelDateToTime(serial, false)
							rows[i][7] = d.Format(assessment.DateLayout)
						}
					}
				}
				if table == report.Responses && name == "hostile" {
					// Excel cells hold at most 32,767 characters: the
					// several-page evidence is cut there, and says so.
					got := rows[1][12]
					if !strings.HasSuffix(got, report.CutNote) || !strings.HasPrefix(in.Record.Responses[0].Evidence, strings.TrimSuffix(got, report.CutNote)) {
						t.Errorf("long evidence: got %d characters ending %q", len([]rune(got)), got[len(got)-100:])
					}
					rows[1][12] = in.Record.Responses[0].Evidence
				}
				compare(t, name+" "+sh, rows, w)
				panes, err := f.GetPanes(sh)
				if err != nil || !panes.Freeze || panes.YSplit != 1 {
					t.Errorf("%s: panes %+v, %v; want the header row frozen", sh, panes, err)
				}
				// The Actions sheet starts with the short ref ("A-01").
				if w, _ := f.GetColWidth(sh, "A"); w < 15 && (table != report.Actions || w < 8) {
					t.Errorf("%s: column A is %.1f wide; want it sized to its content", sh, w)
				}
			}
			// A level is a number, not text; one not assessed is empty.
			for _, r := range in.Record.Responses[:1] {
				typ, _ := f.GetCellType("Responses", "E2")
				if r.Level != assessment.NotAssessed && typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
					t.Errorf("Responses E2 has type %v; want a number", typ)
				}
			}
			if len(in.Record.Actions) > 0 {
				style, _ := f.GetCellStyle("Actions", "H2")
				st, _ := f.GetStyle(style)
				if st == nil || st.CustomNumFmt == nil || !strings.Contains(*st.CustomNumFmt, "yyyy") {
					t.Errorf("Actions H2 (due) is not formatted as a date: %+v", st)
				}
			}
			if props, err := f.GetDocProps(); err != nil || props.Creator != in.Record.Partnership.Name {
				t.Errorf("document properties %+v, %v", props, err)
			}
		})
	}
}

func TestFileName(t *testing.T) {
	in := demoInput(t)
	if got := report.FileName(in.Record, "action-plan", "pdf"); got != "Northshire-2025-26-action-plan.pdf" {
		t.Errorf("got %q", got)
	}
	rec := in.Record
	rec.Partnership.Name = "Caerwyn & Łódź / “Test”"
	if got := report.FileName(rec, "actions", "csv"); got != "Caerwyn-Łódź-Test-2025-26-actions.csv" {
		t.Errorf("got %q", got)
	}
}
