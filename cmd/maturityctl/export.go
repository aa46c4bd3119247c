package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/partnership-maturity/maturity/internal/export"
	"github.com/partnership-maturity/maturity/internal/report"
	"github.com/partnership-maturity/maturity/internal/store"
)

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
	enc := addEncryptFlags(fs)
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	if *id == "" {
		return usageError("--assessment ID is required")
	}
	if err := enc.check(*format); err != nil {
		return err
	}
	if !export.Format(*format).Valid() {
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
	if *enc.encrypt {
		return e.writeEncrypted(x.Bundle, *out, x.Database, enc)
	}
	if *out == "-" {
		return x.Write(e.stdout, export.Format(*format), report.Table(*table))
	}
	if err := x.WriteFile(*out, export.Format(*format), report.Table(*table)); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", *out)
	return nil
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

// load reads the assessment, its question set and the assessment it was
// started from (when that is still in the database), ready to export.
func (e *env) load(id string) (*export.Export, error) {
	s, err := e.open()
	if err != nil {
		return nil, err
	}
	defer s.Close()
	l, err := store.Load(e.ctx, s, id)
	if err != nil {
		return nil, err
	}
	edits, err := s.EditCounts(e.ctx, id)
	if err != nil {
		return nil, err
	}
	x, err := export.Prepare(l.Questionnaire, l.Record, l.Previous, time.Now())
	if err != nil {
		return nil, err
	}
	x.Database = s.Path()
	x.In.Edits = edits
	return x, nil
}

// exportTables writes every CSV table into dir, each file whole or not at
// all, named like Northshire-2025-26-actions.csv.
func (e *env) exportTables(x *export.Export, dir string) error {
	for _, t := range report.Tables {
		path := filepath.Join(dir, report.FileName(x.In.Record, string(t), "csv"))
		if err := x.WriteFile(path, export.CSV, t); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wrote %s\n", path)
	}
	return nil
}
