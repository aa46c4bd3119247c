package workshop

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// room is a workshop on a fresh assessment served by httptest.
type room struct {
	st  *store.Store
	p   assessment.Partnership
	a   assessment.Assessment
	w   *Workshop
	srv *httptest.Server
}

// secretText is evidence and guidance that must never reach a phone.
const secretText = "EVIDENCE-NEVER-SERVED"

// newRoom opens a database with a partnership of four agencies and a draft
// assessment with evidence on every question, and serves a workshop on it.
func newRoom(tb testing.TB, opts Options) *room {
	tb.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(tb.TempDir(), "maturity.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	q, err := questionnaires.LoadDefault()
	if err != nil {
		tb.Fatal(err)
	}
	if err := st.SaveQuestionnaire(ctx, q); err != nil {
		tb.Fatal(err)
	}
	p, err := st.CreatePartnership(ctx, assessment.Partnership{Name: "Northshire", Agencies: []assessment.Agency{
		{Name: "Northshire Council", Kind: assessment.LocalAuthority},
		{Name: "Northshire ICB", Kind: assessment.IntegratedCareBoard},
		{Name: "Northshire Police", Kind: assessment.Police},
		{Name: "Northshire Schools", Kind: assessment.RelevantAgency},
	}})
	if err != nil {
		tb.Fatal(err)
	}
	a, err := st.CreateAssessment(ctx, assessment.Assessment{PartnershipID: p.ID, QuestionnaireID: q.ID,
		QuestionnaireVersion: q.Version, Period: "2025/26"})
	if err != nil {
		tb.Fatal(err)
	}
	for _, th := range q.Themes {
		for _, qq := range th.Questions {
			if _, err := st.SaveResponse(ctx, assessment.Response{AssessmentID: a.ID, QuestionID: qq.ID,
				Evidence: secretText, Strengths: secretText}); err != nil {
				tb.Fatal(err)
			}
		}
	}
	if _, err := st.AddParticipant(ctx, assessment.Participant{AssessmentID: a.ID, Name: "Fay Facilitator", Facilitator: true}); err != nil {
		tb.Fatal(err)
	}
	w, err := Open(ctx, st, a.ID, opts)
	if err != nil {
		tb.Fatal(err)
	}
	r := &room{st: st, p: p, a: a, w: w}
	r.srv = httptest.NewServer(&Server{w: w, joins: newLimiter(opts.JoinLimit.orDefault(Rate{Burst: 1000, PerSecond: 1000})),
		calls: newLimiter(opts.RequestLimit.orDefault(Rate{Burst: 1000, PerSecond: 1000}))})
	tb.Cleanup(r.srv.Close)
	return r
}

// url returns the join URL with path appended.
func (r *room) url(path string) string { return r.srv.URL + "/w/" + r.w.secret + "/" + path }

// phone is one participant's browser: a client with its own cookie jar.
type phone struct {
	r *room
	c *http.Client
}

// newPhone returns a browser that has not joined.
func (r *room) newPhone(tb testing.TB) *phone {
	jar, err := cookiejar.New(nil)
	if err != nil {
		tb.Fatal(err)
	}
	return &phone{r: r, c: &http.Client{Jar: jar}}
}

// join returns a phone that joined as name from the i'th agency.
func (r *room) join(tb testing.TB, name string, agency int) *phone {
	tb.Helper()
	ph := r.newPhone(tb)
	status, body := ph.post(tb, "api/join", map[string]any{"pin": r.w.PIN(), "name": name, "agency": r.p.Agencies[agency].ID})
	if status != http.StatusOK {
		tb.Fatalf("join as %s: %d %s", name, status, body)
	}
	return ph
}

// post sends v as JSON and returns the status and body.
func (ph *phone) post(tb testing.TB, path string, v any) (int, string) {
	tb.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return ph.send(tb, http.MethodPost, path, bytes.NewReader(data))
}

// send makes one request and returns the status and body.
func (ph *phone) send(tb testing.TB, method, path string, body io.Reader) (int, string) {
	tb.Helper()
	req, err := http.NewRequest(method, ph.r.url(path), body)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := ph.c.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	data, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(data)
}

// state reads the phone's state.
func (ph *phone) state(tb testing.TB) RoomState {
	tb.Helper()
	status, body := ph.send(tb, http.MethodGet, "api/state", nil)
	if status != http.StatusOK {
		tb.Fatalf("state: %d %s", status, body)
	}
	var st RoomState
	if err := json.NewDecoder(strings.NewReader(body)).Decode(&st); err != nil {
		tb.Fatal(err)
	}
	return st
}

// vote votes level (0 for not sure) on the current question.
func (ph *phone) vote(tb testing.TB, question string, level int) (int, string) {
	tb.Helper()
	var l any
	if level != 0 {
		l = level
	}
	return ph.post(tb, "api/vote", map[string]any{"question": question, "level": l, "comment": ""})
}
