package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/export"
	"github.com/partnership-maturity/maturity/internal/report"
	"github.com/partnership-maturity/maturity/internal/signing"
)

func TestExportWritesPDF(t *testing.T) {
	sess, _ := demoSession(t)
	e := NewExportDialog(sess, fyne.CurrentApp(), inline)
	if e.format() != export.PDF || e.Table.Visible() {
		t.Errorf("default: format %s, table shown %v; want PDF without a table", e.format(), e.Table.Visible())
	}
	path := filepath.Join(t.TempDir(), "Northshire-2025-26-action-plan.pdf")
	e.Save(path, export.PDF, "", nil)
	if !strings.HasPrefix(e.Result.Text, "Saved ") || !e.OpenFile.Visible() || !e.ShowFolder.Visible() {
		t.Fatalf("after saving: %q, open %v folder %v", e.Result.Text, e.OpenFile.Visible(), e.ShowFolder.Visible())
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if !strings.Contains(string(out), "Northshire Safeguarding Children Partnership") {
		t.Errorf("the PDF lacks the partnership's name")
	}
	if !strings.Contains(strings.Join(strings.Fields(string(out)), " "), "Edits by person and by stage") {
		t.Errorf("the PDF from the app lacks the audit trail's summary")
	}
}

func TestExportFailureIsShown(t *testing.T) {
	sess, _ := demoSession(t)
	e := NewExportDialog(sess, fyne.CurrentApp(), inline)
	dir := t.TempDir()
	e.Save(filepath.Join(dir, "missing", "a.csv"), export.CSV, report.Actions, nil)
	if !strings.HasPrefix(e.Result.Text, "The export was not written") || e.OpenFile.Visible() {
		t.Errorf("after a failed write: %q, open shown %v", e.Result.Text, e.OpenFile.Visible())
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left behind %v", left)
	}
}

func TestExportCSVShowsTableChoice(t *testing.T) {
	sess, _ := demoSession(t)
	e := NewExportDialog(sess, fyne.CurrentApp(), inline)
	e.Format.SetSelected(formatChoices[2].label)
	if e.format() != export.CSV || !e.Table.Visible() {
		t.Errorf("CSV: format %s, table shown %v", e.format(), e.Table.Visible())
	}
}

func TestExportEncryptsTheBundle(t *testing.T) {
	sess, _ := demoSession(t)
	e := NewExportDialog(sess, fyne.CurrentApp(), inline)
	if e.Passphrase.Visible() {
		t.Error("the passphrase shows for a PDF")
	}
	e.Format.SetSelected(formatChoices[3].label)
	if !e.Passphrase.Visible() {
		t.Fatal("no passphrase for a JSON bundle")
	}
	test.Type(e.Passphrase, "correct horse battery")
	path := filepath.Join(t.TempDir(), "bundle.json.age")
	e.Save(path, export.JSON, "", nil)
	data, err := os.ReadFile(path)
	if err != nil || !signing.IsEncrypted(data) || strings.Contains(string(data), "Northshire") {
		t.Fatalf("the bundle is not encrypted (%v): %.60q", err, data)
	}
	plain, err := signing.DecryptWithPassphrase(data, []byte("correct horse battery"))
	if err != nil {
		t.Fatal(err)
	}
	if _, rec, err := bundle.Decode("bundle.json", plain); err != nil || rec.Assessment.ID != sess.rec.Assessment.ID {
		t.Errorf("the decrypted bundle: %v", err)
	}
}

func TestExportFolderIsDocumentsThenTheLastUsed(t *testing.T) {
	sess, _ := demoSession(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	docs := filepath.Join(home, "Documents")
	if err := os.Mkdir(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	e := NewExportDialog(sess, fyne.CurrentApp(), inline)
	if got := e.Folder(); got != docs {
		t.Errorf("first export opens in %q; want the Documents folder %q", got, docs)
	}
	elsewhere := filepath.Join(home, "board papers")
	if err := os.Mkdir(elsewhere, 0o755); err != nil {
		t.Fatal(err)
	}
	e.Save(filepath.Join(elsewhere, "plan.csv"), export.CSV, report.Actions, nil)
	if got := NewExportDialog(sess, fyne.CurrentApp(), inline).Folder(); got != elsewhere {
		t.Errorf("after saving into %q the next export opens in %q", elsewhere, got)
	}
	if strings.HasPrefix(e.Folder(), filepath.Dir(sess.store.Path())) {
		t.Error("the export opens in the data folder")
	}
}
