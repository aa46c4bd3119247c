package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// assessmentLine matches a row of an assessment in list's output.
var assessmentLine = regexp.MustCompile(`(?m)^  [0-9a-f-]{36}\s+\d{4}/\d{2}\s`)

func TestDemoNational(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "national.db")
	out := mustCtl(t, "--db", db, "demo", "--partnerships", "3", "--years", "4", "--seed", "9")
	if !strings.Contains(out, "added 3 partnerships with 12 assessments") || strings.Count(out, "4 assessments 2022/23 to 2025/26") != 3 {
		t.Errorf("demo said:\n%s", out)
	}
	list := mustCtl(t, "--db", db, "list")
	if n := len(assessmentLine.FindAllString(list, -1)); n != 12 {
		t.Errorf("list shows %d assessments; want 12:\n%s", n, list)
	}
	if n := strings.Count(list, "Safeguarding Children Partnership ("); n != 3 {
		t.Errorf("list shows %d partnerships; want 3", n)
	}
	if strings.Contains(list, "Northshire") {
		t.Errorf("the national demo added Northshire")
	}
	r := ctl(t, "--db", db, "demo", "--partnerships", "3", "--years", "4", "--seed", "9")
	if r.code != exitBad || !strings.Contains(r.stderr, "already there") {
		t.Errorf("adding it twice: exit %d %q; want 1 and already there", r.code, r.stderr)
	}
	// Plain demo still adds Northshire beside them.
	out = mustCtl(t, "--db", db, "demo")
	if !strings.Contains(out, "added Northshire Safeguarding Children Partnership 2025/26: agreed") {
		t.Errorf("plain demo said:\n%s", out)
	}
	if n := len(assessmentLine.FindAllString(mustCtl(t, "--db", db, "list"), -1)); n != 15 {
		t.Errorf("list shows %d assessments after adding Northshire; want 15", n)
	}
	// The same seed writes the same data (list shows every id), another
	// seed other data.
	same, other := filepath.Join(dir, "same.db"), filepath.Join(dir, "other.db")
	mustCtl(t, "--db", same, "demo", "--partnerships", "3", "--years", "4", "--seed", "9")
	mustCtl(t, "--db", other, "demo", "--partnerships", "3", "--years", "4", "--seed", "10")
	if mustCtl(t, "--db", same, "list") != list {
		t.Errorf("the same seed listed differently")
	}
	if mustCtl(t, "--db", other, "list") == list {
		t.Errorf("another seed listed the same")
	}
}

func TestDemoUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "u.db")
	for _, args := range [][]string{
		{"--years", "0"},
		{"--partnerships", "-1"},
		{"--partnerships", "0", "--years", "3"},
		{"--years", "31"},
		{"--partnerships", "100000"},
		{"--seed", "minus one"},
		{"extra"},
	} {
		r := ctl(t, append([]string{"--db", db, "demo"}, args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "usage") {
			t.Errorf("demo %v: exit %d, stderr %q; want 2 and usage", args, r.code, r.stderr)
		}
	}
	if fileState(t, db) != nil {
		t.Errorf("a usage error created the database")
	}
}
