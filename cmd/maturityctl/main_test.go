package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// result is what one run of the command line did.
type result struct {
	code           int
	stdout, stderr string
}

// ctl runs the command line in-process with MATURITY_DB unset.
func ctl(t *testing.T, args ...string) result {
	t.Helper()
	t.Setenv("MATURITY_DB", "")
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

// mustCtl runs the command line and fails the test unless it succeeds.
func mustCtl(t *testing.T, args ...string) string {
	t.Helper()
	r := ctl(t, args...)
	if r.code != exitOK {
		t.Fatalf("maturityctl %s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}

// demoDB writes the demo into a new database and returns its path and the
// id of the latest assessment.
func demoDB(t *testing.T) (string, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	mustCtl(t, "--db", db, "demo")
	return db, strings.TrimSpace(mustCtl(t, "--db", db, "list", "--latest"))
}

// fileState is a file's bytes, or nil when it does not exist.
func fileState(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestQuestionnaires(t *testing.T) {
	out := mustCtl(t, "--db", filepath.Join(t.TempDir(), "none.db"), "questionnaires")
	for _, want := range []string{`csprp-2023-strategic\s+1\.0\s+6\s+18\s`, `csprp-2023-practice\s+1\.0\s+6\s+32\s`} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
}

// TestBadCorpus checks and imports every broken question set: each exits 1
// with its file:line: message and leaves the database as it was.
func TestBadCorpus(t *testing.T) {
	db, _ := demoDB(t)
	before := fileState(t, db)
	dir, err := filepath.Abs("../../internal/questionnaire/testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	files, _ := filepath.Glob("*.yaml")
	if len(files) < 15 {
		t.Fatalf("found %d bad files; want at least 15", len(files))
	}
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	for _, file := range files {
		want, err := os.ReadFile(strings.TrimSuffix(file, ".yaml") + ".err")
		if err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"check", file}, {"--db", db, "import", file}, {"--db", fresh, "import", file}} {
			r := ctl(t, args...)
			if r.code != exitBad || r.stderr != string(want) {
				t.Errorf("%v: exit %d, stderr\n%s\nwant exit 1 and\n%s", args, r.code, r.stderr, want)
			}
		}
	}
	if !bytes.Equal(fileState(t, db), before) {
		t.Errorf("a failed import changed the database")
	}
	if fileState(t, fresh) != nil {
		t.Errorf("a failed import created a database")
	}
}

func TestCheckGood(t *testing.T) {
	out := mustCtl(t, "check", "../../questionnaires/csprp-2023-practice.yaml")
	if !strings.Contains(out, "ok: csprp-2023-practice version 1.0, 6 themes, 32 questions") {
		t.Errorf("got %q", out)
	}
}

// payloadOf returns a bundle's checksum and payload.
func payloadOf(t *testing.T, path string) (string, json.RawMessage) {
	t.Helper()
	var b struct {
		SHA256  string          `json:"sha256"`
		Payload json.RawMessage `json:"payload"`
	}
	if err := json.Unmarshal(fileState(t, path), &b); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b.SHA256, b.Payload
}

// TestRoundTrip exports the demo, imports it into a new database and
// exports it again: the payload must not change.
func TestRoundTrip(t *testing.T) {
	db, id := demoDB(t)
	dir := t.TempDir()
	first, second, other := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json"), filepath.Join(dir, "other.db")
	mustCtl(t, "--db", db, "export", "--format", "json", "--assessment", id, "-o", first)
	out := mustCtl(t, "--db", other, "import", first)
	if !strings.Contains(out, "imported assessment 2025/26 of Northshire Safeguarding Children Partnership") {
		t.Errorf("import said %q", out)
	}
	mustCtl(t, "--db", other, "export", "--format", "json", "--assessment", id, "-o", second)
	sum1, p1 := payloadOf(t, first)
	sum2, p2 := payloadOf(t, second)
	if sum1 != sum2 || !bytes.Equal(p1, p2) {
		t.Errorf("payload changed on the round trip (sha256 %s → %s)", sum1, sum2)
	}
	if !strings.Contains(string(p1), "Siobhán O’Neill") {
		t.Errorf("payload lost non-ASCII names")
	}
	r := ctl(t, "--db", other, "import", first)
	if r.code != exitBad || !strings.Contains(r.stderr, "already") {
		t.Errorf("importing twice: exit %d %q; want 1 and already", r.code, r.stderr)
	}
}

// TestImportTampered changes one character of an export: the import must
// say so and write nothing.
func TestImportTampered(t *testing.T) {
	db, id := demoDB(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	mustCtl(t, "--db", db, "export", "--format", "json", "--assessment", id, "-o", path)
	data := fileState(t, path)
	tampered := bytes.Replace(data, []byte("Annual culture survey"), []byte("Annual culture surveY"), 1)
	if bytes.Equal(tampered, data) {
		t.Fatal("the export does not hold the text to tamper with")
	}
	os.WriteFile(path, tampered, 0o644)
	truncated := filepath.Join(dir, "cut.json")
	os.WriteFile(truncated, data[:len(data)/2], 0o644)
	other := filepath.Join(dir, "other.db")
	for _, file := range []string{path, truncated} {
		r := ctl(t, "--db", other, "import", file)
		if r.code != exitBad || !strings.HasPrefix(r.stderr, file) {
			t.Errorf("import %s: exit %d, %q; want 1 and a message naming the file", file, r.code, r.stderr)
		}
	}
	if fileState(t, other) != nil {
		t.Errorf("a refused bundle created a database")
	}
}

func TestExportCSV(t *testing.T) {
	db, id := demoDB(t)
	tests := []struct {
		table string
		rows  int
		want  string
	}{
		{"responses", 19, "Is there an understanding across multi agency leadership"},
		{"actions", 0, "Siobhán O’Neill"},
	}
	for _, tt := range tests {
		out := mustCtl(t, "--db", db, "export", "--format", "csv", "--table", tt.table, "--assessment", id)
		if !strings.HasPrefix(out, "\ufeff") {
			t.Errorf("%s: no UTF-8 byte order mark", tt.table)
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatalf("%s: reading the CSV back: %v", tt.table, err)
		}
		if tt.rows > 0 && len(rows) != tt.rows {
			t.Errorf("%s: %d rows; want %d", tt.table, len(rows), tt.rows)
		}
		if !strings.Contains(out, tt.want) {
			t.Errorf("%s: lacks %q", tt.table, tt.want)
		}
	}
}

func TestExportFailsCleanly(t *testing.T) {
	db, id := demoDB(t)
	dir := t.TempDir()
	r := ctl(t, "--db", db, "export", "--format", "json", "--assessment", id, "-o", filepath.Join(dir, "missing", "a.json"))
	if r.code != exitBad || !strings.Contains(r.stderr, "cannot write") {
		t.Errorf("exit %d %q; want 1 and cannot write", r.code, r.stderr)
	}
	r = ctl(t, "--db", db, "export", "--format", "json", "--assessment", "no-such-id")
	if r.code != exitBad || !strings.Contains(r.stderr, "no-such-id") {
		t.Errorf("unknown id: exit %d %q", r.code, r.stderr)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("left behind %v", left)
	}
}

func TestDemoTwice(t *testing.T) {
	db, _ := demoDB(t)
	r := ctl(t, "--db", db, "demo")
	if r.code != exitBad || !strings.Contains(r.stderr, "already there") {
		t.Errorf("exit %d %q; want 1 and already there", r.code, r.stderr)
	}
}

func TestUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "u.db")
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"check"},
		{"--db", db, "export", "--format", "json"},
		{"--db", db, "export", "--format", "docx", "--assessment", "x"},
		{"--db", db, "export", "--format", "csv", "--table", "nonsense", "--assessment", "x"},
		{"--db", db, "export", "--format", "csv", "--table", "all", "--assessment", "x"},
		{"list", "--nope"},
	} {
		r := ctl(t, args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "usage") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and usage", args, r.code, r.stderr)
		}
	}
}
