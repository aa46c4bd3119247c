package main

import (
	"encoding/csv"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// demoIDs returns the demo database and its three assessment ids, oldest first.
func demoIDs(t *testing.T) (string, []string) {
	t.Helper()
	db, _ := demoDB(t)
	ids := regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f-]{27}`).FindAllString(mustCtl(t, "--db", db, "list"), -1)
	if len(ids) != 3 {
		t.Fatalf("demo lists %d assessments; want 3", len(ids))
	}
	return db, ids
}

func TestCompareTable(t *testing.T) {
	db, ids := demoIDs(t)
	out := mustCtl(t, "--db", db, "compare", ids[2], ids[0], ids[1])
	for _, want := range []string{
		`THEME\s+2023/24\s+2024/25\s+2025/26\s+CHANGE`,
		`Overall\s+2\.0\s+2\.6\s+3\.1\s+improved`,
		`Questions \(2024/25 to 2025/26\): \d+ improved`,
		`QUESTION\s+2023/24\s+2024/25\s+2025/26\s+CHANGE\s+TARGET`,
		`\nGetting upstream, question 3\s+-\s+2\s+3\s+improved`,
		`Actions from 2024/25: .*carried forward`,
	} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if id := regexp.MustCompile(`\b[a-z]+\.\d+\b`).FindString(out); id != "" {
		t.Errorf("the table shows the internal id %s:\n%s", id, out)
	}
}

func TestCompareCSVAndJSON(t *testing.T) {
	db, ids := demoIDs(t)
	out := mustCtl(t, "--db", db, "compare", "--format", "csv", ids[1], ids[2])
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Header, overall, 6 themes, 18 questions.
	if len(rows) != 26 || rows[0][3] != "2024/25" || rows[0][4] != "2025/26" || rows[1][0] != "overall" {
		t.Errorf("csv: %d rows, header %v, first %v", len(rows), rows[0], rows[1])
	}
	var got jsonComparison
	if err := json.Unmarshal([]byte(mustCtl(t, "--db", db, "compare", "--format", "json", ids[0], ids[2])), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Periods) != 2 || len(got.Themes) != 6 || len(got.Questions) != 18 || got.OverallChange != "improved" {
		t.Errorf("json: %+v", got)
	}
	for _, q := range got.Questions {
		if q.ID == "upstream.3" && (q.Levels[0] != nil || q.Change != "newly assessed" || q.Name != "Getting upstream, question 3") {
			t.Errorf("upstream.3 in 2023/24 was not assessed, and is named Getting upstream, question 3: %+v", q)
		}
		if !strings.Contains(q.Name, ", question ") {
			t.Errorf("%s is named %q", q.ID, q.Name)
		}
	}
}

func TestCompareRefuses(t *testing.T) {
	db, ids := demoIDs(t)
	r := ctl(t, "--db", db, "compare", ids[0])
	if r.code != exitUsage {
		t.Errorf("one id: exit %d; want 2", r.code)
	}
	r = ctl(t, "--db", db, "compare", ids[0], "no-such-id")
	if r.code != exitBad || !strings.Contains(r.stderr, "no-such-id") {
		t.Errorf("unknown id: exit %d %q", r.code, r.stderr)
	}
	r = ctl(t, "--db", db, "compare", "--format", "xml", ids[0], ids[1])
	if r.code != exitUsage {
		t.Errorf("bad format: exit %d; want 2", r.code)
	}
}

func TestComparePeers(t *testing.T) {
	db := t.TempDir() + "/national.db"
	mustCtl(t, "--db", db, "demo", "--partnerships", "3", "--years", "2")
	named := mustCtl(t, "--db", db, "compare", "--peers", "--period", "2025/26")
	anon := mustCtl(t, "--db", db, "compare", "--peers", "--period", "2025/26", "--anonymise")
	lines := strings.Split(strings.TrimSpace(anon), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[1], "1") || !strings.Contains(lines[1], "Partnership A") ||
		!strings.Contains(lines[3], "Partnership C") {
		t.Fatalf("anonymised peers:\n%s", anon)
	}
	if strings.Contains(anon, "Safeguarding Children Partnership") || !strings.Contains(named, "Safeguarding Children Partnership") {
		t.Errorf("anonymising did not replace the names:\n%s\n%s", named, anon)
	}
	out := mustCtl(t, "--db", db, "compare", "--peers", "--period", "2025/26", "--format", "json")
	var rows []map[string]string
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 3 || rows[0]["Rank"] != "1" || rows[0]["Culture"] == "" {
		t.Errorf("json peers: %v %v", err, rows)
	}
	if r := ctl(t, "--db", db, "compare", "--peers"); r.code != exitUsage {
		t.Errorf("--peers without --period: exit %d; want 2", r.code)
	}
	if r := ctl(t, "--db", db, "compare", "--peers", "--period", "2031/32"); r.code != exitBad {
		t.Errorf("a period nobody assessed: exit %d; want 1", r.code)
	}
}
