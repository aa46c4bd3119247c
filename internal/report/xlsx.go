package report

import (
	"fmt"
	"io"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/partnership-maturity/maturity/internal/about"
	"github.com/partnership-maturity/maturity/internal/assessment"
)

// WriteXLSX writes the assessment in as a workbook with the sheets Summary,
// Responses, Votes, Actions and Trend: each a header row frozen above its data,
// columns sized to their content, levels as numbers (empty when not
// assessed) and dates as dates.
func WriteXLSX(w io.Writer, in Input) error {
	if err := in.check(); err != nil {
		return err
	}
	v := newView(in)
	f := excelize.NewFile()
	defer f.Close()
	st, err := newSheetStyles(f)
	if err != nil {
		return err
	}
	for i, name := range Tables {
		t, err := v.table(name)
		if err != nil {
			return err
		}
		if i == 0 {
			err = f.SetSheetName("Sheet1", t.sheet)
		} else {
			_, err = f.NewSheet(t.sheet)
		}
		if err == nil {
			err = writeSheet(f, t, st)
		}
		if err == nil && name == Summary {
			err = v.writeSummaryFacts(f, t, st)
		}
		if err != nil {
			return fmt.Errorf("writing sheet %s: %w", t.sheet, err)
		}
	}
	if err := v.writeTrend(f, st); err != nil {
		return fmt.Errorf("writing sheet Trend: %w", err)
	}
	f.SetActiveSheet(0)
	rec := in.Record
	props := &excelize.DocProperties{
		Title:   fmt.Sprintf("%s: maturity self-assessment %s", rec.Partnership.Name, rec.Assessment.Period),
		Subject: in.Questionnaire.Title, Creator: rec.Partnership.Name, Description: "Exported by " + about.Generator,
		Created: in.ExportedAt.UTC().Format("2006-01-02T15:04:05Z"), Language: "en-GB",
	}
	if err := f.SetDocProps(props); err != nil {
		return err
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("writing XLSX: %w", err)
	}
	return nil
}

// CutNote ends the text of a cell too long for Excel, which holds at most
// 32,767 characters in a cell.
const CutNote = " … [cut: an Excel cell holds at most 32,767 characters; the PDF, CSV and JSON exports have the full text]"

// maxCellChars is the most characters (UTF-16 units) an Excel cell holds.
const maxCellChars = 32767

// fitCell cuts text too long for an Excel cell, saying so, at a character
// boundary; other text is unchanged.
func fitCell(s string) string {
	if len(s) <= maxCellChars || len(utf16.Encode([]rune(s))) <= maxCellChars {
		return s
	}
	room := maxCellChars - len(utf16.Encode([]rune(CutNote)))
	n, out := 0, []rune{}
	for _, r := range s {
		if n += utf16.RuneLen(r); n > room {
			break
		}
		out = append(out, r)
	}
	return string(out) + CutNote
}

// sheetStyles are the cell styles of the workbook.
type sheetStyles struct {
	header, text, date, integer, decimal, label int
}

// newSheetStyles adds the styles to f.
func newSheetStyles(f *excelize.File) (sheetStyles, error) {
	var st sheetStyles
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	dateFmt, oneDP := "d mmm yyyy", "0.0"
	for _, s := range []struct {
		dst   *int
		style excelize.Style
	}{
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F3A5F"}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&st.text, excelize.Style{Alignment: top}},
		{&st.date, excelize.Style{Alignment: top, CustomNumFmt: &dateFmt}},
		{&st.integer, excelize.Style{Alignment: top, NumFmt: 1}},
		{&st.decimal, excelize.Style{Alignment: top, CustomNumFmt: &oneDP}},
		{&st.label, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top}},
	} {
		id, err := f.NewStyle(&s.style)
		if err != nil {
			return st, err
		}
		*s.dst = id
	}
	return st, nil
}

// writeSheet writes one table with its header row frozen.
func writeSheet(f *excelize.File, t table, st sheetStyles) error {
	sh := t.sheet
	for i, h := range t.header {
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(sh, ref, h); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(t.header), 1)
	if err := f.SetCellStyle(sh, "A1", last, st.header); err != nil {
		return err
	}
	for r, row := range t.rows {
		for c, x := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+2)
			var err error
			style := st.text
			switch x.kind {
			case textCell:
				err = f.SetCellStr(sh, ref, fitCell(x.text))
			case numberCell:
				if x.decimals == 0 {
					err, style = f.SetCellInt(sh, ref, int64(x.num)), st.integer
				} else {
					err, style = f.SetCellFloat(sh, ref, x.num, -1, 64), st.decimal
				}
			case dateCell:
				err, style = f.SetCellValue(sh, ref, x.date), st.date
			}
			if err == nil {
				err = f.SetCellStyle(sh, ref, ref, style)
			}
			if err != nil {
				return err
			}
		}
	}
	for i, w := range t.widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sh, col, col, w); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sh, 1, 30); err != nil {
		return err
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return f.AutoFilter(sh, "A1:"+last, nil)
}

// writeSummaryFacts writes what the assessment is below the summary table:
// partnership, period, status, question set, coverage and fingerprint.
func (v *view) writeSummaryFacts(f *excelize.File, t table, st sheetStyles) error {
	a := v.rec.Assessment
	facts := [][2]string{
		{"Partnership", v.rec.Partnership.Name},
		{"Period", a.Period},
		{"Status", string(a.Status)},
		{"Question set", fmt.Sprintf("%s, version %s", v.q.Title, v.q.Version)},
		{"Overall level", scoreWords(v.q, v.overall)},
		{"Coverage", coverageWords(v.overall)},
		{"Exported", v.ExportedAt.UTC().Format("2 January 2006 15:04 UTC") + " by " + about.Generator},
	}
	if v.Fingerprint != "" {
		facts = append(facts, [2]string{"Fingerprint (SHA-256 of the JSON bundle)", v.Fingerprint})
	}
	row := len(t.rows) + 3
	for i, kv := range facts {
		k, _ := excelize.CoordinatesToCellName(1, row+i)
		val, _ := excelize.CoordinatesToCellName(2, row+i)
		if err := f.SetCellStr(t.sheet, k, kv[0]); err != nil {
			return err
		}
		if err := f.SetCellStyle(t.sheet, k, k, st.label); err != nil {
			return err
		}
		if err := f.SetCellStr(t.sheet, val, kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// trendTable is a row per period (the previous assessment's, when given,
// then this one's) with each theme's mean level and the overall level as
// numbers, empty where nothing was assessed.
func (v *view) trendTable() table {
	t := table{sheet: "Trend", header: []string{"Period"}, widths: []float64{12}}
	for _, th := range v.q.Themes {
		t.header = append(t.header, th.Title)
		t.widths = append(t.widths, max(12, float64(len([]rune(th.Title)))*0.9+2))
	}
	t.header = append(t.header, "Overall", "Questions assessed", "Questions")
	t.widths = append(t.widths, 10, 11, 11)
	var cols []assessment.Column
	if v.Previous != nil {
		cols = append(cols, assessment.Column{Assessment: v.Previous.Assessment, Questionnaire: v.q, Responses: v.Previous.Responses})
	}
	cols = append(cols, assessment.Column{Assessment: v.rec.Assessment, Questionnaire: v.q, Responses: v.rec.Responses})
	for _, pt := range assessment.Trend(cols) {
		row := []cell{text(pt.Period)}
		for _, th := range pt.Themes {
			row = append(row, scoreCell(th.Level))
		}
		row = append(row, scoreCell(pt.Overall), integer(pt.Overall.Assessed), integer(pt.Overall.Total))
		t.rows = append(t.rows, row)
	}
	return t
}

// writeTrend adds the Trend sheet.
func (v *view) writeTrend(f *excelize.File, st sheetStyles) error {
	t := v.trendTable()
	if _, err := f.NewSheet(t.sheet); err != nil {
		return err
	}
	return writeSheet(f, t, st)
}
