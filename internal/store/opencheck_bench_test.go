package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// demoDatabase writes the Northshire demo into a new database and returns
// its path.
func demoDatabase(b *testing.B) string {
	b.Helper()
	ctx := context.Background()
	q, err := questionnaires.LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "demo.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, rec := range demo.Northshire(q, 2023) {
		if err := s.ImportRecord(ctx, q, rec); err != nil {
			b.Fatal(err)
		}
	}
	return path
}

// BenchmarkOpenDemo opens the demo database: the header check, the quick
// check of every page, and the write check. Target: the quick check within
// 50 ms (the whole open is timed here, so this is an upper bound).
func BenchmarkOpenDemo(b *testing.B) {
	path := demoDatabase(b)
	ctx := context.Background()
	for b.Loop() {
		s, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkQuickCheckDemo times PRAGMA quick_check alone on the demo
// database, as Open runs it. Target: 50 ms.
func BenchmarkQuickCheckDemo(b *testing.B) {
	db, err := sql.Open("sqlite", demoDatabase(b))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for b.Loop() {
		var ok string
		if err := db.QueryRow("PRAGMA quick_check(1)").Scan(&ok); err != nil || ok != "ok" {
			b.Fatalf("quick_check = %q, %v", ok, err)
		}
	}
}
