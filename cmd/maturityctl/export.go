package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/partnership-maturity/maturity/internal/about"
	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/report"
)

// runExport writes one assessment as a JSON bundle or a CSV table.
func runExport(e *env, fs *flag.FlagSet, args []string) error {
	format := fs.String("format", "", "json or csv")
	id := fs.String("assessment", "", "the assessment's id (see maturityctl list)")
	out := fs.String("o", "-", "the file to write; - for standard output")
	table := fs.String("table", string(report.Responses), "with csv: responses or actions")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	if *id == "" {
		return usageError("--assessment ID is required")
	}
	write, err := e.exporter(*format, *id, report.Table(*table))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
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

// exporter loads the assessment and returns a function writing it in format.
func (e *env) exporter(format, id string, table report.Table) (func(io.Writer) error, error) {
	if format != "json" && format != "csv" {
		return nil, usageError(fmt.Sprintf("--format must be json or csv, not %q", format))
	}
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
	now := time.Now().UTC()
	if format == "csv" {
		return func(w io.Writer) error { return report.WriteCSV(w, table, q, rec, now) }, nil
	}
	return func(w io.Writer) error {
		data, err := bundle.Encode(q, rec, bundle.Meta{ExportedAt: now, Generator: about.Generator})
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}, nil
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
