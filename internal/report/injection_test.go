package report_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/partnership-maturity/maturity/internal/report"
)

// formulas are cells a spreadsheet would run: OWASP's CSV injection
// examples and every starting character it lists.
var formulas = []string{
	`=HYPERLINK("http://x","click")`,
	`=1+1`,
	`+1+cmd|' /C calc'!A0`,
	`-2+3+cmd|' /C calc'!A0`,
	`@SUM(1+1)*cmd|' /C calc'!A0`,
	"\t=1+1",
	"\r=1+1",
	`=cmd|' /C notepad'!'A1'`,
	`-@x`,
}

// TestCSVNeutralisesFormulas writes actions, owners, outcomes and evidence
// that start like formulas; read back, every such cell starts with a
// single quote and otherwise keeps its text.
func TestCSVNeutralisesFormulas(t *testing.T) {
	in := demoInput(t)
	rec := in.Record
	for i := range rec.Actions {
		f := formulas[i%len(formulas)]
		rec.Actions[i].Title, rec.Actions[i].Owner, rec.Actions[i].Outcome = f, f, f
	}
	for i := range rec.Responses {
		rec.Responses[i].Evidence = formulas[i%len(formulas)]
	}
	in.Record = rec
	for _, table := range report.Tables {
		var buf bytes.Buffer
		if err := report.WriteCSV(&buf, table, in); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		found := 0
		for _, row := range rows {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+@\t\r", rune(cell[0])) {
					t.Errorf("%s: cell %q would run as a formula", table, cell)
				}
				if strings.HasPrefix(cell, "-") && !strings.ContainsAny(cell[1:2], "0123456789") {
					t.Errorf("%s: cell %q would run as a formula", table, cell)
				}
				for _, f := range formulas {
					if cell == "'"+f {
						found++
					}
				}
			}
		}
		if (table == report.Actions || table == report.Responses) && found == 0 {
			t.Errorf("%s: no neutralised formula found", table)
		}
	}
}

func TestNeutraliseCell(t *testing.T) {
	tests := map[string]string{
		"=1+1": "'=1+1", "+44 20": "'+44 20", "-x": "'-x", "@a": "'@a", "\tx": "'\tx", "\rx": "'\rx",
		"-1": "-1", "2.5": "2.5", "-": "-", "": "", "Plain": "Plain", "a=b": "a=b", "'=x": "'=x",
	}
	for in, want := range tests {
		if got := report.NeutraliseCell(in); got != want {
			t.Errorf("NeutraliseCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFileNameCapped: a 1 MB partnership name suggests a name of at most
// 100 characters that still says the period and kind.
func TestFileNameCapped(t *testing.T) {
	in := demoInput(t)
	in.Record.Partnership.Name = strings.Repeat("Ŵ", 1<<20)
	name := report.FileName(in.Record, "action-plan", "pdf")
	if n := utf8.RuneCountInString(name); n > report.MaxFileName {
		t.Errorf("file name is %d characters, want at most %d", n, report.MaxFileName)
	}
	if !strings.HasSuffix(name, "-2025-26-action-plan.pdf") {
		t.Errorf("file name %q lost its period or kind", name)
	}
}
