// Package report writes an assessment out for people: the PDF report and
// action plan a board signs and a scrutineer reads, an XLSX workbook and CSV
// tables. It takes domain values, never the store: the caller loads the
// record (and the previous year's, when there is one) and hands them over in
// an Input.
package report
