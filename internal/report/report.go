// Package report writes an assessment out for people: CSV tables now, and
// the PDF action plan and XLSX workbook later. It takes domain values, never
// the store.
package report
