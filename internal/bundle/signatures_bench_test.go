package bundle_test

import (
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// BenchmarkVerifySignedDemo decodes the demo's signed-off 2024/25 bundle
// and checks its four signatures, as import and verify do.
func BenchmarkVerifySignedDemo(b *testing.B) {
	q, err := questionnaires.LoadDefault()
	if err != nil {
		b.Fatal(err)
	}
	rec := demo.Northshire(q, 2023)[1]
	data, err := bundle.Encode(q, rec, bundle.Meta{ExportedAt: time.Unix(0, 0), Generator: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		rep, err := bundle.Verify("bench.json", data)
		if err != nil || !rep.Good() || len(rep.Signatures) != 4 {
			b.Fatalf("verify: %v, good %v", err, rep.Good())
		}
	}
}
