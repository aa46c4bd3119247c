// Package export writes one assessment out in any of the app's formats —
// the PDF report, the XLSX workbook, CSV tables and the JSON bundle — for
// both the command line and the desktop app. A file is written whole or not
// at all.
package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/partnership-maturity/maturity/internal/about"
	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/internal/report"
)

// Format is an export format.
type Format string

// The export formats.
const (
	PDF  Format = "pdf"
	XLSX Format = "xlsx"
	CSV  Format = "csv"
	JSON Format = "json"
)

// Formats lists every format, the PDF report first.
var Formats = []Format{PDF, XLSX, CSV, JSON}

// Valid reports whether f is one of Formats.
func (f Format) Valid() bool { return slices.Contains(Formats, f) }

// Kind names what a file of the format holds, for its suggested name.
func (f Format) Kind() string {
	switch f {
	case PDF:
		return "action-plan"
	case XLSX:
		return "workbook"
	case JSON:
		return "bundle"
	}
	return "responses"
}

// Export is one assessment ready to write in any format.
type Export struct {
	// In is what the report writers take.
	In report.Input
	// Bundle is the JSON bundle; its SHA-256 is the PDF's fingerprint.
	Bundle []byte
	// Database is the open database file, which WriteFile refuses to
	// replace, together with its -wal and -shm files and its backups.
	Database string
}

// Prepare encodes the bundle of rec (answered against q) and gathers what
// every format needs. previous, when not nil, is the assessment rec was
// started from; now is the export time.
func Prepare(q *questionnaire.Questionnaire, rec assessment.Record, previous *assessment.Record, now time.Time) (*Export, error) {
	in := report.Input{Questionnaire: q, Record: rec, Previous: previous, ExportedAt: now.UTC()}
	data, err := bundle.Encode(q, rec, bundle.Meta{ExportedAt: in.ExportedAt, Generator: about.Generator})
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	in.Fingerprint = hex.EncodeToString(sum[:])
	var sealed struct {
		SHA256 string `json:"sha256"`
	}
	if err := json.Unmarshal(data, &sealed); err != nil {
		return nil, err
	}
	in.DataChecksum = sealed.SHA256
	return &Export{In: in, Bundle: data}, nil
}

// Write writes the assessment in format f to w; table chooses the CSV table.
func (x *Export) Write(w io.Writer, f Format, table report.Table) error {
	switch f {
	case PDF:
		return report.WritePDF(w, x.In)
	case XLSX:
		return report.WriteXLSX(w, x.In)
	case CSV:
		return report.WriteCSV(w, table, x.In)
	case JSON:
		_, err := w.Write(x.Bundle)
		return err
	}
	return fmt.Errorf("no export format %q", f)
}

// FileName suggests a name for the export in format f, such as
// "Northshire-2025-26-action-plan.pdf".
func (x *Export) FileName(f Format) string {
	return report.FileName(x.In.Record, f.Kind(), string(f))
}

// WriteFile writes the export in format f to path, whole or not at all,
// refusing a path that is the database or a database file (see CheckTarget).
func (x *Export) WriteFile(path string, f Format, table report.Table) error {
	var buf bytes.Buffer
	if err := x.Write(&buf, f, table); err != nil {
		return err
	}
	return WriteFileAtomic(path, buf.Bytes(), x.Database)
}
