package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// bom is the UTF-8 byte order mark, which makes Excel read the file as
// UTF-8 so £, é and curly quotes survive.
const bom = "\ufeff"

// WriteCSV writes one table of the assessment in as RFC 4180 CSV (CRLF line
// ends, fields with commas, quotes or newlines quoted) in UTF-8 with a byte
// order mark. Levels not assessed are empty, never 0. Text a spreadsheet
// would run as a formula is neutralised (see NeutraliseCell).
func WriteCSV(w io.Writer, name Table, in Input) error {
	if err := in.check(); err != nil {
		return err
	}
	t, err := newView(in).table(name)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, bom); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	cw := NewCSVWriter(w)
	if err := cw.Write(t.header); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	record := make([]string, len(t.header))
	for _, row := range t.rows {
		for i, c := range row {
			record[i] = c.String()
		}
		if err := cw.Write(record); err != nil {
			return fmt.Errorf("writing CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// CSVWriter writes RFC 4180 CSV with CRLF line ends whose cells a
// spreadsheet shows as text and never runs as formulas.
type CSVWriter struct{ w *csv.Writer }

// NewCSVWriter returns a CSVWriter writing to w.
func NewCSVWriter(w io.Writer) *CSVWriter {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &CSVWriter{w: cw}
}

// Write writes one record, each cell passed through NeutraliseCell.
func (c *CSVWriter) Write(record []string) error {
	safe := make([]string, len(record))
	for i, cell := range record {
		safe[i] = NeutraliseCell(cell)
	}
	return c.w.Write(safe)
}

// WriteAll writes every record and flushes.
func (c *CSVWriter) WriteAll(records [][]string) error {
	for _, r := range records {
		if err := c.Write(r); err != nil {
			return err
		}
	}
	c.Flush()
	return c.Error()
}

// Flush writes any buffered data.
func (c *CSVWriter) Flush() { c.w.Flush() }

// Error reports any error of a previous Write or Flush.
func (c *CSVWriter) Error() error { return c.w.Error() }

// plainNumber matches a number a spreadsheet reads as a number, not a
// formula, such as -1 or 2.5.
var plainNumber = regexp.MustCompile(`^[-+]?[0-9]+(\.[0-9]+)?$`)

// NeutraliseCell makes a cell safe to open in a spreadsheet, as OWASP's CSV
// injection guidance advises: a cell starting with =, +, -, @, a tab or a
// carriage return gets a single quote in front, so Excel, LibreOffice and
// Google Sheets show it as text instead of running it. Plain numbers and a
// lone "-" are left as they are, as they cannot run.
func NeutraliseCell(s string) string {
	if s == "" || s == "-" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) || plainNumber.MatchString(s) {
		return s
	}
	return "'" + s
}
