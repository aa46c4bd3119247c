package workshop

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestJoinRefusesWrongSecretOrPINAlike(t *testing.T) {
	r := newRoom(t, Options{})
	ph := r.newPhone(t)
	wrongPIN := "0000"
	if r.w.PIN() == wrongPIN {
		wrongPIN = "1111"
	}
	body := map[string]any{"pin": wrongPIN, "name": "Ann", "agency": r.p.Agencies[0].ID}
	s1, b1 := ph.post(t, "api/join", body)
	right := map[string]any{"pin": r.w.PIN(), "name": "Ann", "agency": r.p.Agencies[0].ID}
	wrongSecret := &phone{r: &room{srv: r.srv, w: &Workshop{secret: strings.Repeat("a", 26)}}, c: ph.c}
	s2, b2 := wrongSecret.post(t, "api/join", right)
	if s1 != http.StatusForbidden || s2 != s1 || b1 != b2 {
		t.Errorf("wrong PIN: %d %s; wrong secret: %d %s; want the same 403 for both", s1, b1, s2, b2)
	}
	if strings.Contains(strings.ToLower(b1), "secret") {
		t.Errorf("refusal %q names the secret", b1)
	}
	if got := len(r.w.Snapshot().Participants); got != 1 {
		t.Errorf("participants after refused joins = %d; want only the facilitator", got)
	}
}

func TestRefusals(t *testing.T) {
	r := newRoom(t, Options{})
	ann := r.join(t, "Ann", 0)
	q := r.w.Snapshot().Question.ID
	stranger := r.newPhone(t)
	cases := []struct {
		name   string
		ph     *phone
		method string
		path   string
		body   string
		want   int
	}{
		{"vote with no token", stranger, "POST", "api/vote", `{"question":"` + q + `","level":3}`, 401},
		{"state with no token", stranger, "GET", "api/state", ``, 401},
		{"vote on another question", ann, "POST", "api/vote", `{"question":"intent.1","level":3}`, 409},
		{"level above the scale", ann, "POST", "api/vote", `{"question":"` + q + `","level":6}`, 400},
		{"level zero", ann, "POST", "api/vote", `{"question":"` + q + `","level":0}`, 400},
		{"level below the scale", ann, "POST", "api/vote", `{"question":"` + q + `","level":-1}`, 400},
		{"unknown field", ann, "POST", "api/vote", `{"question":"` + q + `","level":3,"participant":"x"}`, 400},
		{"not JSON", ann, "POST", "api/vote", `level=3`, 400},
		{"body over 4 KB", ann, "POST", "api/vote", `{"question":"` + q + `","level":3,"comment":"` + strings.Repeat("x", 5000) + `"}`, 413},
		{"join body over 4 KB", stranger, "POST", "api/join", `{"pin":"1","name":"` + strings.Repeat("x", 5000) + `"}`, 413},
		{"comment over its limit", ann, "POST", "api/vote", `{"question":"` + q + `","level":3,"comment":"` + strings.Repeat("é", 501) + `"}`, 400},
		{"other path", ann, "GET", "api/record", ``, 404},
		{"other file", ann, "GET", "../../etc/passwd", ``, 404},
		{"state by POST", ann, "POST", "api/state", `{}`, 404},
		{"vote by GET", ann, "GET", "api/vote", ``, 404},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, body := c.ph.send(t, c.method, c.path, strings.NewReader(c.body))
			if got != c.want {
				t.Errorf("%s %s: %d %s; want %d", c.method, c.path, got, body, c.want)
			}
		})
	}
	for _, path := range []string{"/", "/w/", "/api/state", "/w/" + strings.Repeat("b", 26) + "/", "/w/" + strings.Repeat("b", 26) + "/api/state", "/favicon.ico"} {
		res, err := http.Get(r.srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d; want 404", path, res.StatusCode)
		}
	}
	if rec, _ := r.st.LoadRecord(context.Background(), r.a.ID); len(rec.Votes) != 0 {
		t.Errorf("refused votes left %d votes in the database", len(rec.Votes))
	}
	if _, body := ann.vote(t, q, 3); !strings.Contains(body, `"your_vote":{"level":3`) {
		t.Errorf("a good vote after the refusals: %s", body)
	}
}

func TestRevealedRoundRefusesVotes(t *testing.T) {
	r := newRoom(t, Options{})
	ann, bob := r.join(t, "Ann", 0), r.join(t, "Bob", 2)
	q := r.w.Snapshot().Question.ID
	if s, b := ann.vote(t, q, 2); s != 200 {
		t.Fatalf("vote: %d %s", s, b)
	}
	if err := r.w.Reveal(); err != nil {
		t.Fatal(err)
	}
	if s, b := bob.vote(t, q, 4); s != http.StatusConflict || !strings.Contains(b, "revealed") {
		t.Errorf("vote after the reveal: %d %s; want 409 saying it was revealed", s, b)
	}
	if err := r.w.Revote(); err != nil {
		t.Fatal(err)
	}
	if s, b := bob.vote(t, q, 4); s != 200 {
		t.Errorf("vote in round 2: %d %s", s, b)
	}
	if err := r.w.Next(); err != nil {
		t.Fatal(err)
	}
	if s, _ := ann.vote(t, q, 3); s != http.StatusConflict {
		t.Errorf("vote on the previous question: %d; want 409", s)
	}
	r.w.End()
	next := r.w.Snapshot().Question.ID
	if s, _ := ann.vote(t, next, 3); s != http.StatusConflict {
		t.Errorf("vote after the end: %d; want 409", s)
	}
	if st := ann.state(t); st.Status != "ended" || st.Question != nil {
		t.Errorf("state after the end: %+v; want ended and nothing else", st)
	}
}

func TestRateLimit(t *testing.T) {
	r := newRoom(t, Options{RequestLimit: Rate{Burst: 3, PerSecond: 0.1}, JoinLimit: Rate{Burst: 2, PerSecond: 0.1}})
	ann := r.join(t, "Ann", 0)
	var codes []int
	for range 5 {
		s, _ := ann.send(t, "GET", "api/state", nil)
		codes = append(codes, s)
	}
	if !slices.Equal(codes, []int{200, 200, 200, 429, 429}) {
		t.Errorf("five quick requests: %v; want three allowed, then 429", codes)
	}
	bob := r.join(t, "Bob", 1)
	if s, _ := bob.send(t, "GET", "api/state", nil); s != 200 {
		t.Errorf("another participant was limited too: %d", s)
	}
	if s, _ := r.newPhone(t).post(t, "api/join", map[string]string{"pin": "x"}); s != http.StatusTooManyRequests {
		t.Errorf("third join from one address: %d; want 429", s)
	}
}

// allowedState lists every key /api/state may send, at every depth.
var allowedState = map[string]bool{
	"status": true, "you": true, "question": true, "round": true, "revealed": true, "voted": true,
	"expected": true, "your_vote": true, "scale": true, "still_to_vote": true, "spread": true, "version": true,
	"id": true, "theme": true, "section": true, "text": true, "position": true, "total": true,
	"level": true, "comment": true, "label": true, "dots": true, "not_sure": true, "median": true,
	"divergent": true, "agency": true, "agency_label": true, "colour": true, "name": true,
}

// keysOf gathers every object key in a decoded JSON value.
func keysOf(v any, into map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			into[k] = true
			keysOf(e, into)
		}
	case []any:
		for _, e := range x {
			keysOf(e, into)
		}
	}
}

func TestStateLeaksNothingElse(t *testing.T) {
	r := newRoom(t, Options{})
	ann, bob := r.join(t, "Ann Secretname", 0), r.join(t, "Bob Hiddenname", 3)
	snap := r.w.Snapshot()
	if s, b := bob.post(t, "api/vote", map[string]any{"question": snap.Question.ID, "level": 4, "comment": "BOBS-PRIVATE-COMMENT"}); s != 200 {
		t.Fatalf("vote: %d %s", s, b)
	}
	check := func(when string, namesShown bool) {
		t.Helper()
		status, body := ann.send(t, "GET", "api/state", nil)
		if status != 200 {
			t.Fatalf("%s: %d", when, status)
		}
		var v any
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			t.Fatal(err)
		}
		keys := map[string]bool{}
		keysOf(v, keys)
		for k := range keys {
			if !allowedState[k] {
				t.Errorf("%s: state has key %q", when, k)
			}
		}
		forbidden := []string{secretText, "BOBS-PRIVATE-COMMENT", "Fay Facilitator", r.a.ID, r.p.Agencies[0].ID, r.w.secret, r.w.PIN() + `"`}
		if !namesShown {
			forbidden = append(forbidden, "Hiddenname")
		}
		for _, th := range r.w.q.Themes {
			for _, q := range th.Questions {
				if q.ID != snap.Question.ID {
					forbidden = append(forbidden, q.Text, `"`+q.ID+`"`)
				}
			}
			for _, g := range th.LooksLike {
				forbidden = append(forbidden, g.Text)
			}
		}
		for _, f := range forbidden {
			if strings.Contains(body, f) {
				t.Errorf("%s: state contains %q", when, f)
			}
		}
		if !strings.Contains(body, snap.Question.Text) {
			t.Errorf("%s: state lacks the current question's text", when)
		}
	}
	check("before the reveal", false)
	if err := r.w.Reveal(); err != nil {
		t.Fatal(err)
	}
	check("after the reveal", false)
	st := ann.state(t)
	if st.Spread == nil || len(st.Spread.Dots) != 1 || st.Spread.Dots[0].Agency != "E" || st.Spread.Dots[0].Name != "" {
		t.Errorf("spread %+v; want one unnamed dot from education", st.Spread)
	}
	r.w.SetShowNames(true)
	check("with names shown", true)
	if st := ann.state(t); st.Spread.Dots[0].Name != "Bob Hiddenname" {
		t.Errorf("with names shown, dot %+v; want Bob's name", st.Spread.Dots[0])
	}
}

func TestCookieIsHttpOnlyStrictAndKeepsIdentity(t *testing.T) {
	r := newRoom(t, Options{})
	ph := r.newPhone(t)
	req, _ := http.NewRequest("POST", r.url("api/join"), strings.NewReader(`{"pin":"`+r.w.PIN()+`","name":"Ann","agency":"`+r.p.Agencies[0].ID+`"}`))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	cookies := res.Cookies()
	if len(cookies) != 1 || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode || len(cookies[0].Value) < 32 {
		t.Fatalf("cookies %+v; want one HttpOnly, SameSite=Strict token", cookies)
	}
	// A phone that drops off and comes back with its cookie is the same person.
	ph.c.Jar.SetCookies(res.Request.URL, cookies)
	q := r.w.Snapshot().Question.ID
	if s, b := ph.vote(t, q, 2); s != 200 {
		t.Fatalf("vote: %d %s", s, b)
	}
	if st := ph.state(t); st.You != "Ann" || st.YourVote == nil || *st.YourVote.Level != 2 {
		t.Errorf("state on return %+v; want Ann with her vote", st)
	}
	if got := len(r.w.Snapshot().Participants); got != 2 {
		t.Errorf("participants = %d; want the facilitator and Ann only", got)
	}
}

func TestVotesAreSavedAndAuditedByName(t *testing.T) {
	ctx := context.Background()
	r := newRoom(t, Options{})
	ann, bob := r.join(t, "Ann", 0), r.join(t, "Bob", 1)
	q := r.w.Snapshot().Question.ID
	ann.vote(t, q, 2)
	ann.vote(t, q, 3)
	if s := r.w.Snapshot(); s.Revealed || s.Voted != 1 || s.Expected != 2 || !slices.Equal(s.StillToVote, []string{"Bob"}) {
		t.Errorf("after Ann voted: %+v; want 1 of 2 and Bob still to vote", s)
	}
	bob.vote(t, q, 5)
	s := r.w.Snapshot()
	if !s.Revealed || !s.Spread.Divergent || s.Spread.Median != 4 {
		t.Errorf("when everyone has voted: revealed %v spread %+v; want revealed, divergent, median 4", s.Revealed, s.Spread)
	}
	rec, err := r.st.LoadRecord(ctx, r.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Votes) != 2 {
		t.Fatalf("votes in the database: %+v; want 2", rec.Votes)
	}
	log, err := r.st.AuditLog(ctx, rec.Votes[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) == 0 || log[0].Actor != "Ann" || log[len(log)-1].Field != "level" || log[len(log)-1].New != "3" {
		t.Errorf("audit of Ann's vote %+v; want it by Ann, ending with level 3", log)
	}
	if err := r.w.Agree(ctx, 4, "We agreed on 4"); err != nil {
		t.Fatal(err)
	}
	rec, _ = r.st.LoadRecord(ctx, r.a.ID)
	for _, resp := range rec.Responses {
		if resp.QuestionID == q && (resp.Level != 4 || resp.Rationale != "We agreed on 4" || resp.Evidence != secretText) {
			t.Errorf("response after agreeing %+v; want level 4, the rationale, the evidence kept", resp)
		}
	}
}

func TestPageIsSelfContained(t *testing.T) {
	r := newRoom(t, Options{AllowAnonymous: true})
	ph := r.newPhone(t)
	s, body := ph.send(t, "GET", "", nil)
	if s != 200 || !strings.Contains(body, "Northshire Schools") || !strings.Contains(body, "stay anonymous") {
		t.Fatalf("page: %d; want the agencies and the anonymous choice", s)
	}
	for _, bad := range []string{"http://", "https://", "//cdn", "@import"} {
		if strings.Contains(body, bad) {
			t.Errorf("page refers to %q: it must work with no internet", bad)
		}
	}
	for _, asset := range []string{"room.js", "room.css"} {
		if s, b := ph.send(t, "GET", asset, nil); s != 200 || strings.Contains(b, "http://") || strings.Contains(b, "https://") {
			t.Errorf("%s: %d, or it refers outside the laptop", asset, s)
		}
	}
	anon := r.newPhone(t)
	if s, b := anon.post(t, "api/join", map[string]string{"pin": r.w.PIN(), "name": "", "agency": r.p.Agencies[2].ID}); s != 200 {
		t.Fatalf("anonymous join: %d %s", s, b)
	}
	if st := anon.state(t); st.You != "Anonymous (Northshire Police)" {
		t.Errorf("anonymous participant is %q", st.You)
	}
}

func TestServerListensOnlyWhileRunning(t *testing.T) {
	r := newRoom(t, Options{GracePeriod: 300 * time.Millisecond})
	srv, err := Listen(r.w, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(srv.JoinURL(), "http://127.0.0.1:") || len(r.w.secret) < 26 {
		t.Fatalf("join URL %s; want loopback with a 128-bit secret", srv.JoinURL())
	}
	res, err := http.Get(srv.JoinURL())
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("page while running: %v %v", res, err)
	}
	res.Body.Close()
	done := make(chan error)
	go func() { done <- srv.End(context.Background()) }()
	time.Sleep(100 * time.Millisecond)
	res, err = http.Get(srv.JoinURL())
	if err != nil {
		t.Fatalf("during the grace period the server still answers: %v", err)
	}
	res.Body.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(srv.JoinURL()); err == nil {
		t.Error("the server still answers after the workshop ended")
	}
}

func TestEndTellsListenersOnce(t *testing.T) {
	r := newRoom(t, Options{})
	calls := 0
	r.w.OnChange(func() { calls++ })
	r.w.End()
	r.w.End()
	if calls != 1 || !r.w.Ended() {
		t.Errorf("two ends told the listeners %d times; want once", calls)
	}
}
