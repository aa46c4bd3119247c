package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/export"
	"github.com/partnership-maturity/maturity/internal/report"
	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// carriedYear stores the demo, starts 2026/27 from its latest year (so its
// open actions are carried forward), adds a new action and returns the new
// year's export and last year's record as stored.
func carriedYear(t *testing.T) (*export.Export, assessment.Record) {
	t.Helper()
	ctx := context.Background()
	q, err := questionnaires.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "maturity.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	recs := demo.Northshire(q, 1)
	if err := s.ImportRecords(ctx, q, recs); err != nil {
		t.Fatal(err)
	}
	last := recs[len(recs)-1].Assessment.ID
	next, err := s.StartFromPrevious(ctx, last, "2026/27")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAction(ctx, assessment.Action{AssessmentID: next.ID, ThemeID: "culture", QuestionID: "culture.1",
		Title: "Hold a joint practice week with every agency"}); err != nil {
		t.Fatal(err)
	}
	rec, err := s.LoadRecord(ctx, next.ID)
	if err != nil {
		t.Fatal(err)
	}
	prev, err := s.LoadRecord(ctx, last)
	if err != nil {
		t.Fatal(err)
	}
	x, err := export.Prepare(q, rec, &prev, time.Date(2027, 1, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return x, prev
}

// refsByTitle reads a table whose header row has "Ref" and "Action" columns
// into each action's ref by its title.
func refsByTitle(t *testing.T, what string, rows [][]string) map[string]string {
	t.Helper()
	if len(rows) == 0 {
		t.Fatalf("%s: no rows", what)
	}
	ref, title := -1, -1
	for i, h := range rows[0] {
		switch h {
		case "Ref":
			ref = i
		case "Action":
			title = i
		}
	}
	if ref < 0 || title < 0 {
		t.Fatalf("%s: header %q lacks Ref or Action", what, rows[0])
	}
	out := map[string]string{}
	for _, r := range rows[1:] {
		out[r[title]] = r[ref]
	}
	return out
}

// TestActionRefsAlikeInEveryFormat checks that each action of a year
// started from the last, carried or new, has one ref in the PDF, the
// workbook, the CSV and the bundle, and that a carried action keeps last
// year's ref.
func TestActionRefsAlikeInEveryFormat(t *testing.T) {
	x, prev := carriedYear(t)
	acts := x.In.Record.Actions
	lastYear := map[string]assessment.ActionRef{}
	for _, a := range prev.Actions {
		lastYear[a.ID] = a.Ref
	}
	carried := 0
	for _, a := range acts {
		if a.Ref <= 0 {
			t.Fatalf("action %q has no ref", a.Title)
		}
		if a.CarriedFromID != "" {
			carried++
			if lastYear[a.CarriedFromID] != a.Ref {
				t.Errorf("carried action %q is %s; last year it was %s", a.Title, a.Ref, lastYear[a.CarriedFromID])
			}
		}
	}
	if carried == 0 || carried == len(acts) {
		t.Fatalf("%d of %d actions carried; want some carried and one new", carried, len(acts))
	}

	var buf bytes.Buffer
	if err := x.Write(&buf, export.CSV, report.Actions); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	inCSV := refsByTitle(t, "CSV", rows)

	buf.Reset()
	if err := x.Write(&buf, export.XLSX, ""); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sheet, err := book.GetRows("Actions")
	if err != nil {
		t.Fatal(err)
	}
	inXLSX := refsByTitle(t, "XLSX", sheet)

	_, fromBundle, err := bundle.Decode("bundle.json", x.Bundle)
	if err != nil {
		t.Fatal(err)
	}
	inBundle := map[string]string{}
	for _, a := range fromBundle.Actions {
		inBundle[a.Title] = a.Ref.String()
	}
	for _, a := range acts {
		want := a.Ref.String()
		if inCSV[a.Title] != want || inXLSX[a.Title] != want || inBundle[a.Title] != want {
			t.Errorf("%q: ref %s in the CSV, %s in the workbook, %s in the bundle; want %s everywhere",
				a.Title, inCSV[a.Title], inXLSX[a.Title], inBundle[a.Title], want)
		}
		if !bytes.Contains(x.Bundle, []byte(`"ref": "`+want+`"`)) {
			t.Errorf("the bundle's text lacks \"ref\": %q", want)
		}
	}

	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), x.FileName(export.PDF))
	if err := x.WriteFile(path, export.PDF, ""); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, a := range acts {
		if !strings.Contains(text, a.Ref.String()) {
			t.Errorf("the PDF does not show ref %s of %q", a.Ref, a.Title)
		}
	}
	if !strings.Contains(text, "Each action’s ref (A-01, A-02, …)") {
		t.Error("the PDF does not say what the refs are")
	}
}
