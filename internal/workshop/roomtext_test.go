package workshop

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// apiMessage returns the error message of a refusal's JSON body.
func apiMessage(t *testing.T, body string) string {
	t.Helper()
	var e struct{ Error string }
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" {
		t.Fatalf("refusal %q is not a JSON error: %v", body, err)
	}
	return e.Error
}

// TestJoinAndVoteRefuseBadText sends names and comments that break the
// room's text limits from a phone: each is refused with 400 and a plain
// message naming the limit, without echoing the character, and nothing is
// stored; text at the limit, and a comment over several lines, is taken.
func TestJoinAndVoteRefuseBadText(t *testing.T) {
	r := newRoom(t, Options{})
	ctx := context.Background()
	ann := r.join(t, "Ann", 0)
	q := r.w.Snapshot().Question.ID
	agency := r.p.Agencies[1].ID
	cases := []struct {
		name string
		ph   *phone
		path string
		body map[string]any
		want string
	}{
		{"name of 81 characters", r.newPhone(t), "api/join", map[string]any{"pin": r.w.PIN(), "name": strings.Repeat("Ŵ", 81), "agency": agency},
			"your name is 81 characters long; the most it may have is 80"},
		{"name with an ANSI escape", r.newPhone(t), "api/join", map[string]any{"pin": r.w.PIN(), "name": "\x1b[31mRed", "agency": agency},
			"your name has an escape character (U+001B) at character 1; only printable text on one line is allowed"},
		{"name with a right-to-left override", r.newPhone(t), "api/join", map[string]any{"pin": r.w.PIN(), "name": "Bob\u202Egnp.exe", "agency": agency},
			"your name has a right-to-left or left-to-right override (U+202E)"},
		{"name on two lines", r.newPhone(t), "api/join", map[string]any{"pin": r.w.PIN(), "name": "Bob\nSmith", "agency": agency},
			"your name has a control character (U+000A)"},
		{"name of zero-width spaces", r.newPhone(t), "api/join", map[string]any{"pin": r.w.PIN(), "name": "\u200B\u200B", "agency": agency},
			"your name has only invisible characters"},
		{"comment with a control character", ann, "api/vote", map[string]any{"question": q, "level": 3, "comment": "ok\x07 ding"},
			"your comment has a bell character (U+0007) at character 3; only printable text, new lines and tabs are allowed"},
		{"comment with an ANSI escape", ann, "api/vote", map[string]any{"question": q, "level": 3, "comment": "\x1b]0;title\x1b\\"},
			"your comment has an escape character (U+001B)"},
		{"comment with a C1 control", ann, "api/vote", map[string]any{"question": q, "level": 3, "comment": "a\u009bb"},
			"your comment has a C1 control character (U+009B)"},
		{"comment of 501 characters", ann, "api/vote", map[string]any{"question": q, "level": 3, "comment": strings.Repeat("é", 501)},
			"your comment is 501 characters long; the most it may have is 500"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body := c.ph.post(t, c.path, c.body)
			if status != http.StatusBadRequest {
				t.Fatalf("%d %s; want 400", status, body)
			}
			msg := apiMessage(t, body)
			if !strings.Contains(msg, c.want) {
				t.Errorf("message %q lacks %q", msg, c.want)
			}
			if strings.ContainsAny(msg, "\x1b\a\u202e\u009b\n") {
				t.Errorf("message %q echoes the character", msg)
			}
		})
	}
	rec, err := r.st.LoadRecord(ctx, r.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Participants) != 2 || len(rec.Votes) != 0 {
		t.Errorf("refused joins and votes left %d participants and %d votes; want 2 and 0", len(rec.Participants), len(rec.Votes))
	}
	r.join(t, strings.Repeat("Ŵ", 80), 1)
	if status, body := ann.post(t, "api/vote", map[string]any{"question": q, "level": 3, "comment": "First line\n\tSecond line"}); status != http.StatusOK {
		t.Errorf("a two-line comment: %d %s; want 200", status, body)
	}
	if err := r.w.Agree(ctx, 3, "Agreed\x1b[2J"); !errors.Is(err, assessment.ErrText) || !strings.Contains(err.Error(), "the rationale has an escape character") {
		t.Errorf("Agree with an escape in the rationale: %v; want it refused", err)
	}
}
