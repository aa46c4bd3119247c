package workshop

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's chromium, which `make test` installs.
const chromiumPath = "/usr/bin/chromium"

// browser starts headless Chromium at the given window size, or skips the
// test when Chromium is not installed.
func browser(t *testing.T, width, height int) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("Chromium is not installed at %s (make test installs it)", chromiumPath)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath), chromedp.NoSandbox, chromedp.Headless, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	return ctx
}

// served starts a real server for r on loopback and returns its join URL.
func served(t *testing.T, r *room) string {
	t.Helper()
	srv, err := Listen(r.w, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close(context.Background()) })
	return srv.JoinURL()
}

// joinAndVote joins as name from the second agency and votes level 3.
func joinAndVote(r *room, url, name string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.ID("pin")),
		chromedp.SendKeys(chromedp.ID("pin"), r.w.PIN()),
		chromedp.SendKeys(chromedp.ID("name"), name),
		chromedp.SetValue(chromedp.ID("agency"), r.p.Agencies[1].ID),
		chromedp.Click(chromedp.ID("join-button")),
		chromedp.WaitVisible(chromedp.ID("question-text")),
		chromedp.Click(chromedp.ID("level-2")),
		chromedp.Click(chromedp.ID("vote-button")),
	)
}

// waitText polls until the element's text contains want.
func waitText(id, want string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](`(document.getElementById("`+id+`")||{textContent:""}).textContent.includes("`+want+`")`,
		chromedp.WithPollingInterval(100*time.Millisecond))
}

// text reads an element's visible text.
func text(t *testing.T, ctx context.Context, id string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID(id)))
	if err != nil {
		t.Fatalf("reading #%s: %v", id, err)
	}
	return s
}

func TestBrowserJoinsVotesAndSeesTheSpread(t *testing.T) {
	r := newRoom(t, Options{})
	url := served(t, r)
	r.join(t, "Other voter", 0)
	ctx := browser(t, 1024, 768)
	if err := chromedp.Do(ctx, joinAndVote(r, url, "Cam"), waitText("waiting", "waiting for the reveal")); err != nil {
		t.Fatal(err)
	}
	question, waiting := text(t, ctx, "question-text"), text(t, ctx, "waiting")
	s := r.w.Snapshot()
	if question != s.Question.Text || !strings.Contains(waiting, "1 of 2 have voted") {
		t.Errorf("page shows %q and %q; want the current question and 1 of 2", question, waiting)
	}
	if s.Revealed || s.Ballots[1].Level != 3 || s.Ballots[1].Participant.Name != "Cam" {
		t.Fatalf("after the browser voted: %+v; want Cam's 3, not revealed", s.Ballots)
	}
	if err := r.w.Reveal(); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, waitText("summary", "Median 3")); err != nil {
		t.Fatal(err)
	}
	summary, dots := text(t, ctx, "summary"), text(t, ctx, "scale")
	if !strings.Contains(summary, "Not divergent") || !strings.Contains(dots, "H") || strings.Contains(dots, "Cam") {
		t.Errorf("spread shows %q / %q; want median 3, a Health dot, no names", summary, dots)
	}
	r.w.End()
	if err := chromedp.Do(ctx, waitText("ended", "The workshop has ended")); err != nil {
		t.Errorf("the page did not say the workshop ended: %v", err)
	}
}

func TestPhoneViewport(t *testing.T) {
	r := newRoom(t, Options{})
	url := served(t, r)
	r.join(t, "Dee", 3)
	r.join(t, "Eli", 2)
	ctx := browser(t, 390, 844)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), joinAndVote(r, url, "Fay"), waitText("waiting", "waiting")); err != nil {
		t.Fatal(err)
	}
	s := r.w.Snapshot()
	if err := r.w.EnterVote(context.Background(), s.Ballots[0].Participant.ID, 1, ""); err != nil {
		t.Fatal(err)
	}
	if err := r.w.EnterVote(context.Background(), s.Ballots[1].Participant.ID, 4, ""); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, waitText("summary", "Divergent")); err != nil {
		t.Fatal(err)
	}
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	smallest, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`Math.min(...[...document.querySelectorAll("button, .scale li, .dot")].filter(e => e.offsetParent).map(e => e.getBoundingClientRect().height))`))
	if err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(70))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Error("the phone page scrolls sideways at 390 px")
	}
	if smallest < 24 {
		t.Errorf("smallest target is %.0f px high; want at least 24 (WCAG 2.2 target size)", smallest)
	}
	if len(png) < 5000 {
		t.Fatalf("screenshot of %d bytes is blank", len(png))
	}
	path := filepath.Join(t.TempDir(), "phone.jpg")
	if dir := os.Getenv("WORKSHOP_SCREENSHOTS"); dir != "" {
		path = filepath.Join(dir, "workshop-phone.jpg")
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("phone screenshot: %s", path)
}

func TestBrowserKeepsAnUnsentChoice(t *testing.T) {
	r := newRoom(t, Options{})
	url := served(t, r)
	other := r.join(t, "Other voter", 0)
	ctx := browser(t, 1024, 768)
	err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.ID("pin")),
		chromedp.SendKeys(chromedp.ID("pin"), r.w.PIN()), chromedp.SendKeys(chromedp.ID("name"), "Gil"),
		chromedp.SetValue(chromedp.ID("agency"), r.p.Agencies[2].ID), chromedp.Click(chromedp.ID("join-button")),
		chromedp.WaitVisible(chromedp.ID("question-text")), chromedp.Click(chromedp.ID("level-3")))
	if err != nil {
		t.Fatal(err)
	}
	if s, b := other.vote(t, r.w.Snapshot().Question.ID, 2); s != 200 {
		t.Fatalf("the other vote: %d %s", s, b)
	}
	err = chromedp.Do(ctx, waitText("waiting", "1 of 2 have voted"))
	if err != nil {
		t.Fatal(err)
	}
	checked, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("level-3").checked`))
	if err != nil || !checked {
		t.Errorf("after another vote arrived, the unsent choice of 4 is checked: %v (%v)", checked, err)
	}
}
