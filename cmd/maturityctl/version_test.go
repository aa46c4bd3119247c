package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/about"
)

// TestVersion checks --version names the build, the questions' source and
// the licence, and opens no database.
func TestVersion(t *testing.T) {
	db := filepath.Join(t.TempDir(), "never.db")
	r := ctl(t, "--db", db, "--version")
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	first, _, _ := strings.Cut(r.stdout, "\n")
	if first != "Partnership Maturity "+about.FullVersion() || !strings.HasPrefix(about.FullVersion(), about.Version) {
		t.Errorf("first line %q, want the name and %s", first, about.FullVersion())
	}
	for _, part := range []string{"Annual Report 2022/23", "Open Government Licence v3.0"} {
		if !strings.Contains(r.stdout, part) {
			t.Errorf("--version lacks %q:\n%s", part, r.stdout)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("--version created the database")
	}
}
