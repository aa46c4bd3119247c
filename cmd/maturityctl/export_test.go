package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestExportPDF writes the demo's latest assessment as a PDF: it compares
// with the year before and carries a fingerprint.
func TestExportPDF(t *testing.T) {
	db, id := demoDB(t)
	path := filepath.Join(t.TempDir(), "plan.pdf")
	out := mustCtl(t, "--db", db, "export", "--format", "pdf", "--assessment", id, "-o", path)
	if !strings.Contains(out, "wrote "+path) {
		t.Errorf("said %q", out)
	}
	data := fileState(t, path)
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", data)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Northshire Safeguarding Children Partnership", "2024/25 agreed level",
		"Bundle SHA-256", "Siobhán O’Neill", "Action plan"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// TestExportXLSX writes the workbook and opens it.
func TestExportXLSX(t *testing.T) {
	db, id := demoDB(t)
	path := filepath.Join(t.TempDir(), "a.xlsx")
	mustCtl(t, "--db", db, "export", "--format", "xlsx", "--assessment", id, "-o", path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Responses,Votes,Actions,Trend" {
		t.Errorf("sheets %s", got)
	}
	rows, _ := f.GetRows("Responses")
	if len(rows) != 19 {
		t.Errorf("%d response rows; want 19", len(rows))
	}
}

// TestExportCSVFolder writes every table into a folder, and one chosen
// table to a file.
func TestExportCSVFolder(t *testing.T) {
	db, id := demoDB(t)
	dir := t.TempDir()
	out := mustCtl(t, "--db", db, "export", "--format", "csv", "--assessment", id, "-o", dir)
	for _, table := range []string{"summary", "responses", "votes", "actions"} {
		path := filepath.Join(dir, "Northshire-2025-26-"+table+".csv")
		data := fileState(t, path)
		if !bytes.HasPrefix(data, []byte("\ufeff")) {
			t.Errorf("%s: missing or without a byte order mark", path)
		}
		if !strings.Contains(out, "wrote "+path) {
			t.Errorf("did not say it wrote %s: %q", path, out)
		}
	}
	votes := mustCtl(t, "--db", db, "export", "--format", "csv", "--table", "votes", "--assessment", id)
	if !strings.HasPrefix(votes, "\ufeffTheme,Question ID,Question,Participant") {
		t.Errorf("votes table starts %.60q", votes)
	}
}

// TestExportPDFFailsCleanly writes into a folder that cannot be written:
// the export fails with a message and leaves nothing behind.
func TestExportPDFFailsCleanly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write into a read-only folder")
	}
	db, id := demoDB(t)
	dir := t.TempDir()
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	r := ctl(t, "--db", db, "export", "--format", "pdf", "--assessment", id, "-o", filepath.Join(dir, "a.pdf"))
	if r.code != exitBad || !strings.Contains(r.stderr, "cannot write") {
		t.Errorf("exit %d %q; want 1 and cannot write", r.code, r.stderr)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left behind %v", left)
	}
}

// TestExportFingerprint checks the PDF's fingerprint is the sha256 of the
// bundle written at the same moment, by writing both from one export.
func TestExportFingerprint(t *testing.T) {
	db, id := demoDB(t)
	e := &env{ctx: t.Context(), db: db}
	x, err := e.load(id)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(x.Bundle)
	if x.In.Fingerprint != hex.EncodeToString(sum[:]) {
		t.Errorf("fingerprint %s is not the bundle's sha256", x.In.Fingerprint)
	}
	if x.In.Previous == nil || x.In.Previous.Assessment.Period != "2024/25" {
		t.Errorf("previous assessment not loaded: %+v", x.In.Previous)
	}
	if len(x.In.DataChecksum) != 64 || !bytes.Contains(x.Bundle, []byte(x.In.DataChecksum)) {
		t.Errorf("data checksum %q is not the bundle's sha256 field", x.In.DataChecksum)
	}
}
