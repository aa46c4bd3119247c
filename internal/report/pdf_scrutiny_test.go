package report_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/report"
)

// update rewrites the golden files from the current output.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// signedOffInput is the demo's 2024/25 assessment: signed off with demo
// keys by the three leads and the scrutineer, with judgements and a thread.
func signedOffInput(tb testing.TB) report.Input { return demoYear(tb, 1) }

// TestPDFScrutinyAndSignOffGolden compares the text of the Independent
// scrutiny section and the Sign-off block, as pdftotext reads it, with
// testdata/scrutiny.golden.
func TestPDFScrutinyAndSignOffGolden(t *testing.T) {
	needPoppler(t)
	in := signedOffInput(t)
	text := run(t, "pdftotext", "-layout", "-enc", "UTF-8", writePDF(t, "scrutiny", in), "-")
	start := strings.Index(text, "Independent scrutiny\n\n")
	end := strings.Index(text, "\nAppendix\n")
	if start < 0 || end < start {
		t.Fatalf("no Independent scrutiny section before the appendix:\n%s", text)
	}
	var lines []string
	for _, l := range strings.Split(text[start:end], "\n") {
		l = strings.TrimRight(l, " \f")
		if strings.Contains(l, "Page ") && strings.Contains(l, " of ") || strings.HasPrefix(strings.TrimSpace(l), "Northshire Safeguarding Children Partnership · ") {
			continue // page furniture
		}
		lines = append(lines, l)
	}
	got := strings.Join(lines, "\n")
	golden := filepath.Join("testdata", "scrutiny.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the scrutiny section differs from %s (go test -run Golden -update to accept):\n%s", golden, got)
	}
	for _, must := range []string{"Moderate: most levels can be relied on", "Challenge", "Response", "Reply",
		"not for real use", in.DataChecksum, in.Record.SignOffs[0].KeyFingerprint} {
		if !strings.Contains(squash(got), squash(must)) {
			t.Errorf("the section lacks %q", must)
		}
	}
}

func TestPDFCarriesVerification(t *testing.T) {
	needPoppler(t)
	in := signedOffInput(t)
	info := run(t, "pdfinfo", writePDF(t, "verify", in))
	_, kw, ok := strings.Cut(info, "Keywords:")
	if !ok {
		t.Fatalf("no keywords:\n%s", info)
	}
	kw, _, _ = strings.Cut(kw, "\n")
	v, err := report.ParseVerification(strings.TrimSpace(kw))
	if err != nil {
		t.Fatal(err)
	}
	if v.AssessmentID != in.Record.Assessment.ID || v.DataSHA256 != in.DataChecksum || len(v.KeyFingerprints) != 4 ||
		v.KeyFingerprints[3] != in.Record.SignOffs[3].KeyFingerprint {
		t.Errorf("verification read back %+v", v)
	}
	if _, err := report.ParseVerification("x partnership-maturity-verify assessment=a data-sha256=" + strings.Repeat("0", 64) + " keys=not a key"); err == nil {
		t.Error("ParseVerification accepted a malformed key fingerprint")
	}
}

func TestPDFAuditSummary(t *testing.T) {
	needPoppler(t)
	in := signedOffInput(t)
	in.Edits = []assessment.EditCount{{Person: "Priya Raman", Stage: assessment.Draft, Edits: 212}, {Person: "Dr Helen Marsh", Stage: assessment.Agreed, Edits: 9}}
	text := squash(run(t, "pdftotext", "-raw", "-enc", "UTF-8", writePDF(t, "audit", in), "-"))
	if !strings.Contains(text, squash("Audit summary")) || !strings.Contains(text, squash("Priya Raman draft 212")) ||
		!strings.Contains(text, squash("Dr Helen Marsh agreed 9")) {
		t.Error("the appendix lacks the audit summary")
	}
	in.Edits = nil
	if strings.Contains(squash(run(t, "pdftotext", "-raw", "-enc", "UTF-8", writePDF(t, "noaudit", in), "-")), squash("Audit summary")) {
		t.Error("an audit summary with no audit given")
	}
}
