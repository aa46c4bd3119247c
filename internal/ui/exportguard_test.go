package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/partnership-maturity/maturity/internal/export"
	"github.com/partnership-maturity/maturity/internal/report"
)

// TestExportDialogRefusesTheDatabase saves, by the dialog, onto the open
// database and its -wal: the dialog says why not and the file is unchanged.
func TestExportDialogRefusesTheDatabase(t *testing.T) {
	sess, s := demoSession(t)
	e := NewExportDialog(sess, fyne.CurrentApp(), inline)
	for _, target := range []string{s.Path(), s.Path() + "-wal"} {
		before, _ := os.ReadFile(target)
		e.SaveAsking(target, export.PDF, "")
		if !strings.Contains(e.Result.Text, "never replaces a database file") || e.OpenFile.Visible() {
			t.Errorf("saving over %s: %q, want a refusal", target, e.Result.Text)
		}
		e.Save(target, export.JSON, "", nil)
		if !strings.Contains(e.Result.Text, "never replaces a database file") {
			t.Errorf("Save over %s: %q, want a refusal", target, e.Result.Text)
		}
		if after, _ := os.ReadFile(target); !bytes.Equal(before, after) {
			t.Errorf("%s changed", target)
		}
	}
	if _, err := s.LoadRecord(t.Context(), sess.rec.Assessment.ID); err != nil {
		t.Fatalf("the database no longer loads: %v", err)
	}
}

// TestExportDialogSuggestsName: the file name follows the format and table,
// and an empty or foldered name is refused before any folder is asked for.
func TestExportDialogSuggestsName(t *testing.T) {
	sess, _ := demoSession(t)
	e := NewExportDialog(sess, fyne.CurrentApp(), inline)
	if e.Name.Text != "Northshire-2025-26-action-plan.pdf" {
		t.Errorf("suggested %q", e.Name.Text)
	}
	e.Format.SetSelected(formatChoices[2].label)
	e.Table.SetSelected(string(report.Votes))
	if e.Name.Text != "Northshire-2025-26-votes.csv" {
		t.Errorf("for the votes CSV suggested %q", e.Name.Text)
	}
	for _, bad := range []string{"", "../x.csv"} {
		e.Name.SetText(bad)
		e.chooseFolder()
		if !strings.Contains(e.Result.Text, "give the file a name") {
			t.Errorf("name %q: %q", bad, e.Result.Text)
		}
	}
}

// TestExportDialogAsksBeforeReplacing: saving over an existing file asks
// first, and the file is untouched until the question is answered.
func TestExportDialogAsksBeforeReplacing(t *testing.T) {
	sess, _ := demoSession(t)
	e := NewExportDialog(sess, fyne.CurrentApp(), inline)
	path := filepath.Join(t.TempDir(), "old.pdf")
	if err := os.WriteFile(path, []byte("the old file"), 0o600); err != nil {
		t.Fatal(err)
	}
	e.SaveAsking(path, export.PDF, "")
	if got, _ := os.ReadFile(path); string(got) != "the old file" {
		t.Errorf("the file was replaced before the question was answered")
	}
	if sess.win.Canvas().Overlays().Top() == nil {
		t.Errorf("no question was asked")
	}
	if e.OpenFile.Visible() {
		t.Errorf("the dialog says the file was saved")
	}
}
