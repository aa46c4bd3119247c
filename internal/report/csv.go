package report

import (
	"encoding/csv"
	"fmt"
	"io"
)

// bom is the UTF-8 byte order mark, which makes Excel read the file as
// UTF-8 so £, é and curly quotes survive.
const bom = "\ufeff"

// WriteCSV writes one table of the assessment in as RFC 4180 CSV (CRLF line
// ends, fields with commas, quotes or newlines quoted) in UTF-8 with a byte
// order mark. Levels not assessed are empty, never 0.
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
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
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
