package report_test

import (
	"io"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/report"
)

// peakHeap runs f while sampling the live heap every 200 µs and returns the
// most it held, in bytes, above what it held before.
func peakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(200 * time.Microsecond)
		defer t.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	f()
	close(done)
	wg.Wait()
	peak = max(peak, read())
	if peak < base {
		return 0
	}
	return peak - base
}

// benchPDF writes in as a PDF b.N times and reports the peak heap.
// The peak is measured on one run before the timed ones, as sampling slows
// the writing down.
func benchPDF(b *testing.B, in report.Input) {
	write := func() {
		if err := report.WritePDF(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
	peak := peakHeap(write)
	b.ReportAllocs()
	for b.Loop() {
		write()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkPDFDemo is the demo assessment's report (target: under 50 ms).
func BenchmarkPDFDemo(b *testing.B) { benchPDF(b, demoInput(b)) }

// BenchmarkPDFHostile200 is the hostile assessment with 200 actions and
// pages-long evidence (target: under 500 ms, under 50 MB while writing).
func BenchmarkPDFHostile200(b *testing.B) { benchPDF(b, hostileInput(b, 200).in) }

// BenchmarkXLSXDemo is the demo assessment's workbook.
func BenchmarkXLSXDemo(b *testing.B) {
	in := demoInput(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := report.WriteXLSX(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPDFMemory keeps the peak heap while writing the hostile report under
// 50 MB.
func TestPDFMemory(t *testing.T) {
	in := hostileInput(t, 200).in
	peak := peakHeap(func() {
		if err := report.WritePDF(io.Discard, in); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("peak heap while writing the 200-action report: %.1f MB", float64(peak)/(1<<20))
	if peak > 50<<20 {
		t.Errorf("peak heap %.1f MB; want under 50 MB", float64(peak)/(1<<20))
	}
}
