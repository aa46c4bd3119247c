package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// TestMain removes the national dataset the benchmarks share, when one was
// built.
func TestMain(m *testing.M) {
	code := m.Run()
	if national.dir != "" {
		national.s.Close()
		os.RemoveAll(national.dir)
	}
	os.Exit(code)
}

// nationalOptions is the target case of issue 5: every partnership in
// England over ten years.
var nationalOptions = demo.Options{Partnerships: demo.England, Years: 10, Seed: 1}

// national is the national dataset the benchmarks share, built once.
var national struct {
	once  sync.Once
	err   error
	dir   string
	s     *Store
	q     *questionnaire.Questionnaire
	took  time.Duration
	bytes int64
	// partnership is the first partnership's id; latest and previous are
	// its two newest assessments.
	partnership, latest, previous string
}

// importNational generates the national dataset into a new database at
// path, a transaction per partnership, and returns it open.
func importNational(ctx context.Context, path string, q *questionnaire.Questionnaire) (*Store, error) {
	s, err := Open(ctx, path)
	if err != nil {
		return nil, err
	}
	for recs := range demo.National(q, nationalOptions) {
		if err := s.ImportRecords(ctx, q, recs); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// nationalDB returns the shared national dataset, building it the first
// time (about half a minute) and logging how long that took and how large
// the file is.
func nationalDB(b *testing.B) *Store {
	b.Helper()
	n := &national
	n.once.Do(func() {
		ctx := context.Background()
		if n.q, n.err = questionnaires.LoadDefault(); n.err != nil {
			return
		}
		if n.dir, n.err = os.MkdirTemp("", "maturity-national-"); n.err != nil {
			return
		}
		start := time.Now()
		path := filepath.Join(n.dir, "national.db")
		if n.s, n.err = importNational(ctx, path, n.q); n.err != nil {
			return
		}
		n.took = time.Since(start)
		if n.bytes, n.err = fileBytes(path); n.err != nil {
			return
		}
		ps, err := n.s.Partnerships(ctx)
		if n.err = err; err != nil {
			return
		}
		list, err := n.s.Assessments(ctx, ps[0].ID)
		if n.err = err; err != nil {
			return
		}
		n.partnership, n.latest, n.previous = ps[0].ID, list[len(list)-1].ID, list[len(list)-2].ID
		fmt.Fprintf(os.Stderr, "national dataset: %d partnerships × %d years generated and imported in %.1f s; database %.1f MB\n",
			nationalOptions.Partnerships, nationalOptions.Years, n.took.Seconds(), float64(n.bytes)/1e6)
	})
	if n.err != nil {
		b.Fatalf("building the national dataset: %v", n.err)
	}
	return n.s
}

// fileBytes is the size of a database with its write-ahead log.
func fileBytes(path string) (int64, error) {
	var total int64
	for _, p := range []string{path, path + "-wal"} {
		info, err := os.Stat(p)
		if os.IsNotExist(err) {
			continue
		} else if err != nil {
			return 0, err
		}
		total += info.Size()
	}
	return total, nil
}

// BenchmarkNationalImport generates the national dataset (132
// partnerships × 10 years: 1,320 assessments) into a new database each
// iteration and reports the file's size. One iteration takes about half a
// minute, so it runs only with MATURITY_BENCH_NATIONAL=1. Target: about a
// minute at most.
func BenchmarkNationalImport(b *testing.B) {
	if os.Getenv("MATURITY_BENCH_NATIONAL") == "" {
		b.Skip("set MATURITY_BENCH_NATIONAL=1 to generate the 1,320-assessment dataset (about half a minute)")
	}
	ctx := context.Background()
	q, err := questionnaires.LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var size int64
	for i := 0; b.Loop(); i++ {
		path := filepath.Join(dir, fmt.Sprintf("national-%d.db", i))
		s, err := importNational(ctx, path, q)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		if size, err = fileBytes(path); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkTrend reads one partnership's ten years and scores every theme
// of each: a trend chart's data. Target: under 20 ms.
func BenchmarkTrend(b *testing.B) {
	s := nationalDB(b)
	ctx := context.Background()
	for b.Loop() {
		tr, err := s.Trend(ctx, national.partnership, national.q.ID)
		if err != nil || len(tr.Years) != nationalOptions.Years {
			b.Fatalf("Trend: %d years, %v", len(tr.Years), err)
		}
		for _, y := range tr.Years {
			assessment.Overall(assessment.ThemeScores(y.Questionnaire, y.Responses))
		}
	}
}

// BenchmarkPeers reads every partnership's 2025/26 assessment and scores
// each: the peer view of all 132. Target: under 200 ms.
func BenchmarkPeers(b *testing.B) {
	s := nationalDB(b)
	ctx := context.Background()
	for b.Loop() {
		peers, err := s.Peers(ctx, national.q.ID, demo.LatestPeriod)
		if err != nil || len(peers) != nationalOptions.Partnerships {
			b.Fatalf("Peers: %d, %v", len(peers), err)
		}
		for _, p := range peers {
			assessment.Overall(assessment.ThemeScores(p.Questionnaire, p.Responses))
		}
	}
}

// BenchmarkYearRecords reads one partnership's latest two assessments and
// scores both: what comparing this year with last needs. Target: under
// 10 ms.
func BenchmarkYearRecords(b *testing.B) {
	s := nationalDB(b)
	ctx := context.Background()
	for b.Loop() {
		years, err := s.YearRecords(ctx, national.latest, national.previous)
		if err != nil || len(years) != 2 {
			b.Fatalf("YearRecords: %d, %v", len(years), err)
		}
		for _, y := range years {
			assessment.Overall(assessment.ThemeScores(y.Questionnaire, y.Responses))
		}
	}
}

// BenchmarkLoadRecordPair loads the same two assessments whole with
// LoadRecord, for comparison with BenchmarkYearRecords. Target: under
// 10 ms.
func BenchmarkLoadRecordPair(b *testing.B) {
	s := nationalDB(b)
	ctx := context.Background()
	for b.Loop() {
		for _, id := range []string{national.previous, national.latest} {
			rec, err := s.LoadRecord(ctx, id)
			if err != nil {
				b.Fatal(err)
			}
			assessment.Overall(assessment.ThemeScores(national.q, rec.Responses))
		}
	}
}

// BenchmarkNationalAssessments lists one partnership's ten assessments with
// their scores, as the home screen does, in the national database.
func BenchmarkNationalAssessments(b *testing.B) {
	s := nationalDB(b)
	ctx := context.Background()
	for b.Loop() {
		if list, err := s.Assessments(ctx, national.partnership); err != nil || len(list) != nationalOptions.Years {
			b.Fatalf("Assessments: %d, %v", len(list), err)
		}
	}
}
