package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"regexp"
	"strings"
	"testing"
)

func TestWorkshopCommand(t *testing.T) {
	db, id := demoDB(t)
	cmds, cmdsW := io.Pipe()
	outR, outW := io.Pipe()
	workshopInput = cmds
	t.Cleanup(func() { workshopInput = nil })
	t.Setenv("MATURITY_DB", "")
	done := make(chan int)
	go func() {
		code := run(context.Background(), []string{"--db", db, "workshop", "--assessment", id, "--addr", "127.0.0.1:0"}, outW, io.Discard)
		outW.Close()
		done <- code
	}()
	out := bufio.NewScanner(outR)
	line := func() string {
		t.Helper()
		if !out.Scan() {
			t.Fatalf("no more output: %v", out.Err())
		}
		return out.Text()
	}
	say := func(cmd string) string {
		t.Helper()
		if _, err := io.WriteString(cmdsW, cmd+"\n"); err != nil {
			t.Fatal(err)
		}
		return line()
	}
	join, pin := line(), line()
	if !regexp.MustCompile(`^Join: http://127\.0\.0\.1:\d+/w/[a-z2-7]{26}/$`).MatchString(join) || !regexp.MustCompile(`^PIN: \d{4}$`).MatchString(pin) {
		t.Fatalf("first two lines %q, %q; want Join: URL and PIN: NNNN", join, pin)
	}
	url := strings.TrimPrefix(join, "Join: ")
	page, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(page.Body)
	page.Body.Close()
	agency := regexp.MustCompile(`<option value="([^"]+)">`).FindStringSubmatch(string(body))
	if agency == nil {
		t.Fatalf("page lists no agencies:\n%s", body)
	}
	jar, _ := cookiejar.New(nil)
	phone := &http.Client{Jar: jar}
	res, err := phone.Post(url+"api/join", "application/json", strings.NewReader(`{"pin":"`+strings.TrimPrefix(pin, "PIN: ")+`","name":"Rae","agency":"`+agency[1]+`"}`))
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("join: %v %v", res, err)
	}
	res.Body.Close()
	if got := say("goto intent.2"); !strings.HasPrefix(got, "question intent.2 (5 of 18) round 1 voting: 10 of 11 voted") {
		t.Errorf("after goto (the demo's ten votes, and Rae): %q", got)
	}
	if got := say("revote"); !strings.HasPrefix(got, "question intent.2 (5 of 18) round 2 voting: 0 of 11 voted") {
		t.Errorf("after revote: %q", got)
	}
	res, err = phone.Post(url+"api/vote", "application/json", strings.NewReader(`{"question":"intent.2","level":2,"comment":"thin evidence"}`))
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("vote: %v %v", res, err)
	}
	res.Body.Close()
	if got := say("status"); !strings.Contains(got, "voting: 1 of ") {
		t.Errorf("status after one vote: %q", got)
	}
	if got := say("reveal"); got != "question intent.2 (5 of 18) round 2 revealed: median 2, levels 2–2 from 1 votes, not divergent; agreed 4" {
		t.Errorf("after reveal: %q", got)
	}
	res, _ = phone.Get(url + "api/state")
	var st struct {
		Revealed bool `json:"revealed"`
		Spread   struct {
			Dots []struct{ Level int } `json:"dots"`
		} `json:"spread"`
	}
	json.NewDecoder(res.Body).Decode(&st)
	res.Body.Close()
	if !st.Revealed || len(st.Spread.Dots) != 1 || st.Spread.Dots[0].Level != 2 {
		t.Errorf("phone after the reveal: %+v; want the one dot at 2", st)
	}
	if got := say("revote"); !strings.Contains(got, "round 3 voting: 0 of") {
		t.Errorf("after revote: %q", got)
	}
	if got := say("agree 9"); !strings.HasPrefix(got, "error: level is not on the scale") {
		t.Errorf("agree 9: %q", got)
	}
	if got := say("agree 3 Partners agreed after discussion"); !strings.HasSuffix(got, "; agreed 3") {
		t.Errorf("after agree: %q", got)
	}
	if got := say("dance"); !strings.HasPrefix(got, "error: unknown command") {
		t.Errorf("unknown command: %q", got)
	}
	if got := say("next"); !strings.HasPrefix(got, "question intent.3 (6 of 18)") {
		t.Errorf("after next: %q", got)
	}
	if got := say("end"); !strings.HasPrefix(got, "ended: ") {
		t.Errorf("after end: %q", got)
	}
	cmdsW.Close()
	if code := <-done; code != exitOK {
		t.Errorf("exit %d", code)
	}
	if _, err := http.Get(url); err == nil {
		t.Error("the server still answers after end")
	}
	out2 := mustCtl(t, "--db", db, "export", "--format", "csv", "--table", "votes", "--assessment", id)
	if !strings.Contains(out2, "thin evidence") {
		t.Errorf("the phone's vote is not in the exported votes")
	}
}
