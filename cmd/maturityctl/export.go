package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/partnership-maturity/maturity/internal/about"
	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/report"
	"github.com/partnership-maturity/maturity/internal/store"
)

// formats are the export formats, as --format takes them.
var formats = []string{"pdf", "xlsx", "csv", "json"}

// allTables is the --table value that writes every CSV table.
const allTables = "all"

// runExport writes one assessment as a PDF report, an XLSX workbook, CSV
// tables or a JSON bundle. With csv, -o naming a folder writes every table
// into it, one file each; otherwise --table chooses the one table written.
func runExport(e *env, fs *flag.FlagSet, args []string) error {
	format := fs.String("format", "", "pdf, xlsx, csv or json")
	id := fs.String("assessment", "", "the assessment's id (see maturityctl list)")
	out := fs.String("o", "-", "the file to write, - for standard output; with csv, a folder for every table")
	table := fs.String("table", string(report.Responses), "with csv: summary, responses, votes, actions, or all (needs -o FOLDER)")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	if *id == "" {
		return usageError("--assessment ID is required")
	}
	if !isFormat(*format) {
		return usageError(fmt.Sprintf("--format must be pdf, xlsx, csv or json, not %q", *format))
	}
	dir := *format == "csv" && *out != "-" && isDir(*out)
	if *format == "csv" && *table == allTables && !dir {
		return usageError("--table all needs -o naming an existing folder")
	}
	if *format == "csv" && !dir && *table != allTables && !isTable(*table) {
		return usageError(fmt.Sprintf("--table must be summary, responses, votes, actions or all, not %q", *table))
	}
	x, err := e.load(*id)
	if err != nil {
		return err
	}
	if dir {
		return e.exportTables(x, *out)
	}
	var buf bytes.Buffer
	if err := x.write(&buf, *format, report.Table(*table)); err != nil {
		return err
	}
	if *out == "-" {
		_, err := e.stdout.Write(buf.Bytes())
		return err
	}
	if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", *out)
	return nil
}

// isFormat reports whether f is an export format.
func isFormat(f string) bool {
	for _, x := range formats {
		if f == x {
			return true
		}
	}
	return false
}

// isTable reports whether t names a CSV table.
func isTable(t string) bool {
	for _, x := range report.Tables {
		if t == string(x) {
			return true
		}
	}
	return false
}

// isDir reports whether path is an existing folder.
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// export is a loaded assessment ready to write in any format.
type export struct {
	in     report.Input
	bundle []byte // the JSON bundle, whose sha256 is the PDF's fingerprint
}

// load reads the assessment, its question set and the assessment it was
// started from (when that is still in the database), and encodes the bundle.
func (e *env) load(id string) (*export, error) {
	s, err := e.open()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	rec, err := s.LoadRecord(e.ctx, id)
	if err != nil {
		return nil, fmt.Errorf("assessment %s: %w", id, err)
	}
	q, err := s.Questionnaire(e.ctx, rec.Assessment.QuestionnaireID, rec.Assessment.QuestionnaireVersion)
	if err != nil {
		return nil, err
	}
	in := report.Input{Questionnaire: q, Record: rec, ExportedAt: time.Now().UTC()}
	if prevID := rec.Assessment.PreviousID; prevID != "" {
		prev, err := s.LoadRecord(e.ctx, prevID)
		switch {
		case err == nil:
			in.Previous = &prev
		case !errors.Is(err, store.ErrNotFound):
			return nil, fmt.Errorf("previous assessment %s: %w", prevID, err)
		}
	}
	data, err := bundle.Encode(q, rec, bundle.Meta{ExportedAt: in.ExportedAt, Generator: about.Generator})
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	in.Fingerprint = hex.EncodeToString(sum[:])
	var sealed struct {
		SHA256 string `json:"sha256"`
	}
	if err := json.Unmarshal(data, &sealed); err == nil {
		in.DataChecksum = sealed.SHA256
	}
	return &export{in: in, bundle: data}, nil
}

// write writes the assessment in format (and, for csv, table) to w.
func (x *export) write(w io.Writer, format string, table report.Table) error {
	switch format {
	case "pdf":
		return report.WritePDF(w, x.in)
	case "xlsx":
		return report.WriteXLSX(w, x.in)
	case "csv":
		return report.WriteCSV(w, table, x.in)
	}
	_, err := w.Write(x.bundle)
	return err
}

// exportTables writes every CSV table into dir, each file whole or not at
// all, named like Northshire-2025-26-actions.csv.
func (e *env) exportTables(x *export, dir string) error {
	for _, t := range report.Tables {
		var buf bytes.Buffer
		if err := report.WriteCSV(&buf, t, x.in); err != nil {
			return err
		}
		path := filepath.Join(dir, report.FileName(x.in.Record, string(t), "csv"))
		if err := writeFileAtomic(path, buf.Bytes()); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wrote %s\n", path)
	}
	return nil
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so a failed write leaves no half-written file behind.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}
