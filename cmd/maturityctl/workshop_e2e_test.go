package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/internal/workshop"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// TestWorkshopEndToEnd runs a whole workshop: ten phones, eighteen
// questions, a re-vote, an agreed level for each, the end; then the votes,
// rounds and levels must be in the database and every export.
func TestWorkshopEndToEnd(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "room.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := questionnaires.LoadDefault()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.SaveQuestionnaire(ctx, q))
	p, err := st.CreatePartnership(ctx, assessment.Partnership{Name: "Eastmoor", Agencies: []assessment.Agency{
		{Name: "Eastmoor Council", Kind: assessment.LocalAuthority}, {Name: "Eastmoor ICB", Kind: assessment.IntegratedCareBoard},
		{Name: "Eastmoor Police", Kind: assessment.Police}, {Name: "Eastmoor Schools", Kind: assessment.RelevantAgency}}})
	must(err)
	a, err := st.CreateAssessment(ctx, assessment.Assessment{PartnershipID: p.ID, QuestionnaireID: q.ID, QuestionnaireVersion: q.Version, Period: "2025/26"})
	must(err)
	// Every phone here shares one address and votes faster than people do.
	fast := workshop.Rate{Burst: 100, PerSecond: 100}
	w, err := workshop.Open(ctx, st, a.ID, workshop.Options{JoinLimit: fast, RequestLimit: fast})
	must(err)
	srv, err := workshop.Listen(w, "127.0.0.1:0")
	must(err)
	url := srv.JoinURL()
	phones := make([]*http.Client, 10)
	for i := range phones {
		jar, _ := cookiejar.New(nil)
		phones[i] = &http.Client{Jar: jar}
		res, err := phones[i].Post(url+"api/join", "application/json", strings.NewReader(fmt.Sprintf(
			`{"pin":%q,"name":"Partner %d","agency":%q}`, w.PIN(), i+1, p.Agencies[i%4].ID)))
		if err != nil || res.StatusCode != 200 {
			t.Fatalf("phone %d join: %v %v", i, res, err)
		}
		res.Body.Close()
	}
	vote := func(qid string, level func(i int) int) {
		t.Helper()
		for i, c := range phones {
			res, err := c.Post(url+"api/vote", "application/json", strings.NewReader(fmt.Sprintf(`{"question":%q,"level":%d,"comment":""}`, qid, level(i))))
			if err != nil || res.StatusCode != 200 {
				t.Fatalf("phone %d vote on %s: %v %v", i, qid, res, err)
			}
			res.Body.Close()
		}
	}
	for n := range q.QuestionCount() {
		qid := w.Snapshot().Question.ID
		vote(qid, func(i int) int { return 1 + (i+n)%4 })
		if !w.Snapshot().Revealed {
			t.Fatalf("%s: all ten voted but it was not revealed", qid)
		}
		if n == 0 {
			must(w.Revote())
			vote(qid, func(i int) int { return 3 + i%2 })
		}
		must(w.Agree(ctx, 1+n%5, "Agreed in the workshop"))
		if n < q.QuestionCount()-1 {
			must(w.Next())
		}
	}
	res, err := phones[0].Get(url + "api/state")
	must(err)
	res.Body.Close()
	end, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	must(srv.End(end))
	sum, err := w.Summary(ctx)
	must(err)
	if sum.Agreed != 18 || len(sum.TookPart) != 10 || sum.Disagreements[len(sum.Disagreements)-1].QuestionID != "culture.1" {
		t.Errorf("summary: %d agreed, %d took part, least disagreement %s; want 18, 10, culture.1 (re-voted to 3–4)",
			sum.Agreed, len(sum.TookPart), sum.Disagreements[len(sum.Disagreements)-1].QuestionID)
	}
	st.Close()

	dir := t.TempDir()
	bundlePath := filepath.Join(dir, "room.json")
	mustCtl(t, "--db", db, "export", "--format", "json", "--assessment", a.ID, "-o", bundlePath)
	var b struct {
		Payload struct {
			Votes []struct {
				Round int `json:"round"`
			} `json:"votes"`
			Responses []struct {
				Level *int `json:"level"`
			} `json:"responses"`
		} `json:"payload"`
	}
	data, _ := os.ReadFile(bundlePath)
	must(json.Unmarshal(data, &b))
	rounds := map[int]int{}
	for _, v := range b.Payload.Votes {
		rounds[v.Round]++
	}
	agreed := 0
	for _, r := range b.Payload.Responses {
		if r.Level != nil {
			agreed++
		}
	}
	if rounds[1] != 180 || rounds[2] != 10 || agreed != 18 {
		t.Errorf("bundle: votes by round %v, %d agreed; want 180 in round 1, 10 in round 2, 18 agreed", rounds, agreed)
	}
	csv := mustCtl(t, "--db", db, "export", "--format", "csv", "--table", "votes", "--assessment", a.ID)
	if got := strings.Count(csv, ",2\r\n"); got != 10 || !strings.Contains(strings.SplitN(csv, "\n", 2)[0], "Round") {
		t.Errorf("votes CSV: %d rows in round 2; want 10, and a Round column", got)
	}
	xlsx := filepath.Join(dir, "room.xlsx")
	mustCtl(t, "--db", db, "export", "--format", "xlsx", "--assessment", a.ID, "-o", xlsx)
	pdf := filepath.Join(dir, "room.pdf")
	mustCtl(t, "--db", db, "export", "--format", "pdf", "--assessment", a.ID, "-o", pdf)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
	must(err)
	if !strings.Contains(string(text), "Where we disagreed") || !strings.Contains(string(text), "By agency (average vote)") {
		t.Error("the PDF lacks Where we disagreed")
	}
}
