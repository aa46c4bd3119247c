package main

import (
	"context"
	"strings"
	"testing"
)

// TestFlagsAfterTheIDs: "compare ID ID --format csv" is the same as with
// the flag first, and an unknown id is named once, plainly.
func TestFlagsAfterTheIDs(t *testing.T) {
	db, ids := demoIDs(t)
	before := mustCtl(t, "--db", db, "compare", "--format", "csv", ids[1], ids[2])
	after := mustCtl(t, "--db", db, "compare", ids[1], ids[2], "--format", "csv")
	if after != before || !strings.Contains(after, "2024/25") {
		t.Errorf("flags after the ids gave:\n%s\nwant:\n%s", after, before)
	}
	r := ctl(t, "--db", db, "export", "--format", "pdf", "--assessment", "nope", "-o", t.TempDir()+"/x.pdf")
	if r.code != exitBad || strings.Count(r.stderr, "nope") != 1 {
		t.Errorf("unknown id: exit %d, %q; want exit %d naming it once", r.code, r.stderr, exitBad)
	}
	r = ctl(t, "--db", db, "check", "a.yaml", "b.yaml")
	if r.code != exitUsage || !strings.Contains(r.stderr, "want 1 argument, got 2") {
		t.Errorf("two files to check: exit %d, %q", r.code, r.stderr)
	}
}

// TestCancelledContextStops: the context main cancels on Ctrl-C stops a
// command rather than being ignored.
func TestCancelledContextStops(t *testing.T) {
	db, ids := demoIDs(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut strings.Builder
	code := run(ctx, []string{"--db", db, "export", "--format", "json", "--assessment", ids[2], "-o", t.TempDir() + "/x.json"}, &out, &errOut)
	if code == exitOK {
		t.Errorf("a cancelled export succeeded: %s", out.String())
	}
}
