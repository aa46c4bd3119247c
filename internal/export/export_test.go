package export_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/export"
	"github.com/partnership-maturity/maturity/internal/report"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// prepared is the demo's latest assessment, ready to export.
func prepared(t *testing.T) *export.Export {
	t.Helper()
	q, err := questionnaires.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	recs := demo.Northshire(q, 1)
	x, err := export.Prepare(q, recs[2], &recs[1], time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func TestPrepareFingerprint(t *testing.T) {
	x := prepared(t)
	sum := sha256.Sum256(x.Bundle)
	if x.In.Fingerprint != hex.EncodeToString(sum[:]) {
		t.Errorf("fingerprint %s is not the bundle's sha256", x.In.Fingerprint)
	}
	if len(x.In.DataChecksum) != 64 || !bytes.Contains(x.Bundle, []byte(`"sha256": "`+x.In.DataChecksum)) {
		t.Errorf("data checksum %q is not the bundle's own", x.In.DataChecksum)
	}
	if x.In.Previous == nil || x.In.Previous.Assessment.Period != "2024/25" {
		t.Errorf("previous assessment not kept")
	}
}

func TestWriteEveryFormat(t *testing.T) {
	x := prepared(t)
	tests := []struct {
		format export.Format
		name   string
		magic  string
	}{
		{export.PDF, "Northshire-2025-26-action-plan.pdf", "%PDF-"},
		{export.XLSX, "Northshire-2025-26-workbook.xlsx", "PK"},
		{export.CSV, "Northshire-2025-26-responses.csv", "\ufeffTheme"},
		{export.JSON, "Northshire-2025-26-bundle.json", "{"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		if got := x.FileName(tt.format); got != tt.name {
			t.Errorf("%s: file name %q; want %q", tt.format, got, tt.name)
		}
		path := filepath.Join(dir, x.FileName(tt.format))
		if err := x.WriteFile(path, tt.format, report.Responses); err != nil {
			t.Fatalf("%s: %v", tt.format, err)
		}
		data, err := os.ReadFile(path)
		if err != nil || !bytes.HasPrefix(data, []byte(tt.magic)) {
			t.Errorf("%s: file starts %q; want %q (%v)", tt.format, data[:min(len(data), 8)], tt.magic, err)
		}
	}
	if export.Format("docx").Valid() {
		t.Errorf("docx counted as a format")
	}
}

func TestFailedWriteLeavesNothing(t *testing.T) {
	x := prepared(t)
	dir := t.TempDir()
	if err := x.WriteFile(filepath.Join(dir, "missing", "a.pdf"), export.PDF, ""); err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	target := filepath.Join(dir, "kept.pdf")
	os.WriteFile(target, []byte("the old file"), 0o644)
	if err := x.WriteFile(target, export.Format("docx"), ""); err == nil {
		t.Fatal("an unknown format was written")
	}
	if data, _ := os.ReadFile(target); string(data) != "the old file" {
		t.Errorf("a failed export replaced the old file")
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("left behind %v", left)
	}
}
