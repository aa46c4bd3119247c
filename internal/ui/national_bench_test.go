package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// nationalStore is a database of invented partnerships: 132 × 10 years
// when MATURITY_BENCH_NATIONAL is set (about a minute to build), else
// 40 × 10.
func nationalStore(b *testing.B) *store.Store {
	b.Helper()
	partnerships := 40
	if os.Getenv("MATURITY_BENCH_NATIONAL") != "" {
		partnerships = demo.England
	}
	s, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "national.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	q, err := questionnaires.LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	for recs := range demo.National(q, demo.Options{Partnerships: partnerships, Years: 10, Seed: 1}) {
		if err := s.ImportRecords(context.Background(), q, recs); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%d partnerships × 10 years", partnerships)
	return s
}

// BenchmarkHomeShowNational measures the home screen's frame: laying out
// every partnership's card once the data is loaded (target: no frame over
// 100 ms).
func BenchmarkHomeShowNational(b *testing.B) {
	test.NewTempApp(b)
	s := nationalStore(b)
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	h := NewHome(context.Background(), s, w, func(string) {})
	w.SetContent(h.Content())
	views, err := h.load()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(views)), "partnerships")
	for b.Loop() {
		h.show(views, nil)
	}
}
