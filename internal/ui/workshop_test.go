package ui

import (
	"context"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/workshop"
)

func TestParticipantListAddsEditsAndRemoves(t *testing.T) {
	sess, s := blankSession(t)
	l := NewParticipantList(sess)
	test.Tap(l.Add)
	if !strings.Contains(l.Problem.Text, "name") {
		t.Errorf("adding with no name: %q", l.Problem.Text)
	}
	test.Type(l.Name, "Priya Shah")
	test.Type(l.Role, "Director of Children's Services")
	l.Agency.SetSelected("Westvale Council")
	l.Facilitator.SetChecked(true)
	test.Tap(l.Add)
	test.Type(l.Name, "Tom Reed")
	l.Agency.SetSelected("Westvale Police")
	test.Tap(l.Add)
	rec, err := s.LoadRecord(context.Background(), sess.rec.Assessment.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Participants) != 2 || !rec.Participants[0].Facilitator || rec.Participants[1].Facilitator ||
		sess.agencyName(rec.Participants[1].AgencyID) != "Westvale Police" {
		t.Fatalf("participants %+v; want Priya facilitating and Tom from the police", rec.Participants)
	}
	if len(l.Rows.Objects) != 2 || l.Name.Text != "" {
		t.Errorf("%d rows, name %q left; want two rows and a cleared form", len(l.Rows.Objects), l.Name.Text)
	}
	l.edit(rec.Participants[1])
	if l.Name.Text != "Tom Reed" || l.Agency.Selected != "Westvale Police" || l.Add.Text != "Save changes" {
		t.Errorf("editing Tom: form %q %q %q", l.Name.Text, l.Agency.Selected, l.Add.Text)
	}
	l.Name.SetText("Tom Reid")
	l.Role.SetText("Detective Superintendent")
	test.Tap(l.Add)
	rec, _ = s.LoadRecord(context.Background(), sess.rec.Assessment.ID)
	if len(rec.Participants) != 2 || rec.Participants[1].Name != "Tom Reid" || rec.Participants[1].Role != "Detective Superintendent" {
		t.Errorf("after editing Tom: %+v", rec.Participants)
	}
	l.setFacilitator(1, true)
	l.remove(rec.Participants[0].ID)
	rec, _ = s.LoadRecord(context.Background(), sess.rec.Assessment.ID)
	if len(rec.Participants) != 1 || rec.Participants[0].Name != "Tom Reid" || !rec.Participants[0].Facilitator {
		t.Errorf("after removing Priya and making Tom facilitate: %+v", rec.Participants)
	}
}

// runningWorkshop opens a workshop on a blank assessment with voters from
// each agency and a presenter in a window of the given size.
func runningWorkshop(t *testing.T, width, height float32, voters int) (*Presenter, *workshop.Workshop, Store) {
	t.Helper()
	sess, s := blankSession(t)
	w, err := workshop.Open(context.Background(), s, sess.rec.Assessment.ID, workshop.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range voters {
		ag := sess.rec.Partnership.Agencies[i%len(sess.rec.Partnership.Agencies)]
		if _, err := w.AddParticipant(context.Background(), assessment.Participant{Name: fmt.Sprintf("Voter %d", i+1), AgencyID: ag.ID}); err != nil {
			t.Fatal(err)
		}
	}
	p := NewPresenter(sess, w, sess.win)
	sess.win.SetContent(p.Content())
	sess.win.Resize(fyne.NewSize(width, height))
	return p, w, s
}

// key presses one key on the presenter.
func key(p *Presenter, name fyne.KeyName) { p.TypedKey(&fyne.KeyEvent{Name: name}) }

func TestPresenterKeys(t *testing.T) {
	p, w, s := runningWorkshop(t, 1280, 720, 3)
	first := w.Snapshot().Question
	if p.Question.Text != first.Text || p.Count.Text != "0 of 3 have voted" || len(p.Spread.Objects) != 0 {
		t.Fatalf("at the start: %q, %q, %d spread rows", p.Question.Text, p.Count.Text, len(p.Spread.Objects))
	}
	key(p, fyne.KeyG)
	key(p, fyne.KeyDown)
	key(p, fyne.Key4)
	key(p, fyne.KeyUp)
	key(p, fyne.Key1)
	if snap := w.Snapshot(); snap.Ballots[1].Level != 4 || snap.Ballots[0].Level != 1 || snap.Voted != 2 {
		t.Errorf("after the grid: %+v; want voter 2 at 4 and voter 1 at 1", snap.Ballots)
	}
	key(p, fyne.KeyG)
	if p.Count.Text != "2 of 3 have voted" {
		t.Errorf("count %q; want 2 of 3", p.Count.Text)
	}
	key(p, fyne.KeyH)
	if !strings.Contains(p.Waiting.Text, "Voter 3") {
		t.Errorf("with names shown, waiting %q; want Voter 3", p.Waiting.Text)
	}
	key(p, fyne.KeyR)
	if len(p.Spread.Objects) != 5 || !strings.Contains(p.SpreadWords.Text, "divergent") || p.SpreadWords.Color != presenterAlert {
		t.Errorf("after R: %d rows, %q; want five levels and divergent in the alert colour", len(p.Spread.Objects), p.SpreadWords.Text)
	}
	key(p, fyne.KeyV)
	if snap := w.Snapshot(); snap.Round != 2 || snap.Revealed || !strings.Contains(p.Where.Text, "round 2") {
		t.Errorf("after V: round %d revealed %v, %q", snap.Round, snap.Revealed, p.Where.Text)
	}
	key(p, fyne.KeyReturn)
	if !strings.Contains(p.Problem.Text, "Agree a level first") {
		t.Errorf("Enter before agreeing: %q", p.Problem.Text)
	}
	key(p, fyne.Key3)
	p.Rationale.SetText("The board agreed 3: the evidence shows it in place but not yet embedded.")
	key(p, fyne.KeyReturn)
	rec, _ := s.LoadRecord(context.Background(), p.s.rec.Assessment.ID)
	var agreed assessment.Response
	for _, r := range rec.Responses {
		if r.QuestionID == first.ID {
			agreed = r
		}
	}
	if agreed.Level != 3 || !strings.HasPrefix(agreed.Rationale, "The board agreed 3") || !strings.Contains(p.Agreed.Text, "3 Developing") {
		t.Errorf("after 3 and Enter: %+v, %q", agreed, p.Agreed.Text)
	}
	if len(rec.Votes) != 2 || rec.Votes[0].Round != 1 {
		t.Errorf("votes %+v; want round 1's two votes kept", rec.Votes)
	}
	key(p, fyne.KeyN)
	if p.Question.Text == first.Text || w.Snapshot().Index != 1 {
		t.Errorf("after N still on %q", p.Question.Text)
	}
	key(p, fyne.KeyP)
	if p.Question.Text != first.Text {
		t.Errorf("after P: %q", p.Question.Text)
	}
	test.Tap(p.Strip.Objects[4].(*widget.Button))
	if w.Snapshot().Index != 4 || !strings.Contains(p.Where.Text, "question 5 of 18") || p.Strip.Objects[4].(*widget.Button).Importance != widget.HighImportance {
		t.Errorf("after the strip's 5: %q", p.Where.Text)
	}
	left := false
	p.Leave = func() { left = true }
	key(p, fyne.KeyEscape)
	if !left {
		t.Error("Esc did not leave the presenter")
	}
}

func TestPresenterFitsProjectors(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 720}, {Width: 1920, Height: 1080}} {
		p, w, _ := runningWorkshop(t, size.Width, size.Height, 11)
		if err := w.Goto("workforce.2"); err != nil {
			t.Fatal(err)
		}
		for i, b := range w.Snapshot().Ballots {
			if err := w.EnterVote(context.Background(), b.Participant.ID, 1+i%5, ""); err != nil {
				t.Fatal(err)
			}
		}
		p.refresh()
		if min := p.Content().MinSize(); min.Width > size.Width || min.Height > size.Height {
			t.Errorf("%v: presenter needs %v", size, min)
		}
		d := fyne.CurrentApp().Driver()
		pos := d.AbsolutePositionForObject(p.SpreadWords)
		if bottom := pos.Y + p.SpreadWords.MinSize().Height; bottom > size.Height || pos.Y < 0 {
			t.Errorf("%v: the spread's words end at %.0f, off the screen", size, bottom)
		}
		if content, view := p.scroll.Content.MinSize().Height, p.scroll.Size().Height; content > view {
			t.Errorf("%v: the room's view needs %.0f px but has %.0f: it would scroll", size, content, view)
		}
		if agreed, rationale := pos.Y+p.SpreadWords.MinSize().Height+p.Agreed.MinSize().Height, d.AbsolutePositionForObject(p.Rationale).Y; agreed > rationale {
			t.Errorf("%v: the agreed level ends at %.0f, under the rationale at %.0f", size, agreed, rationale)
		}
		row := p.Spread.Objects[0].(*fyne.Container).Layout.(*levelRow)
		dot, text := row.dots[0].circle.Size().Width, row.label.TextSize
		if size.Width == 1920 && (dot < 48 || text < 28 || p.SpreadWords.TextSize < 36) {
			t.Errorf("1920×1080: dots %.0f px, level labels %.0f, spread's words %.0f; want at least 48, 28 and 36 for the back of the room",
				dot, text, p.SpreadWords.TextSize)
		}
		if size.Width == 1280 && (dot < 32 || text < 20) {
			t.Errorf("1280×720: dots %.0f px, level labels %.0f; want at least 32 and 20", dot, text)
		}
		img := p.s.win.Canvas().Capture()
		if dir := os.Getenv("WORKSHOP_SCREENSHOTS"); dir != "" && size.Width == 1920 {
			f, err := os.Create(filepath.Join(dir, "workshop-reveal.png"))
			if err != nil {
				t.Fatal(err)
			}
			png.Encode(f, img)
			f.Close()
		}
	}
}

// contrast is the WCAG contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, bl, _ := c.RGBA()
		lin := func(v uint32) float64 {
			x := float64(v) / 0xFFFF
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(bl)
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func TestPresenterContrast(t *testing.T) {
	pairs := map[string][2]color.Color{
		"text":      {presenterInk, presenterPaper},
		"muted":     {presenterMuted, presenterPaper},
		"divergent": {presenterAlert, presenterPaper},
	}
	for _, g := range workshop.Groups {
		pairs["dot "+g.Label] = [2]color.Color{color.White, g.Colour}
	}
	for name, c := range pairs {
		if r := contrast(c[0], c[1]); r < 7 {
			t.Errorf("%s: contrast %.1f:1; want at least 7:1", name, r)
		}
	}
	th := presenterTheme{}
	if r := contrast(th.Color("foreground", 1), th.Color("background", 1)); r < 7 {
		t.Errorf("presenter theme in dark mode: %.1f:1", r)
	}
}

func TestJoinScreenAndSummary(t *testing.T) {
	p, w, s := runningWorkshop(t, 1920, 1080, 2)
	srv, err := workshop.Listen(w, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(context.Background())
	ended := false
	j := NewJoinScreen(w, srv.JoinURL(), func() {}, func() { ended = true })
	p.s.win.SetContent(j.Content())
	if j.URL.Text != srv.JoinURL() || !strings.Contains(j.PIN.Text, w.PIN()) || j.Joined.Text != "2 have joined" {
		t.Errorf("join screen: %q %q %q", j.URL.Text, j.PIN.Text, j.Joined.Text)
	}
	if res := j.QR.Resource; res == nil || !strings.HasPrefix(string(res.Content()), "\x89PNG") {
		t.Error("the join screen has no QR code")
	}
	if dir := os.Getenv("WORKSHOP_SCREENSHOTS"); dir != "" {
		f, _ := os.Create(filepath.Join(dir, "workshop-join.png"))
		png.Encode(f, p.s.win.Canvas().Capture())
		f.Close()
	}
	test.Tap(j.End)
	if !ended {
		t.Error("End workshop did nothing")
	}
	snap := w.Snapshot()
	w.EnterVote(context.Background(), snap.Ballots[0].Participant.ID, 1, "")
	w.EnterVote(context.Background(), snap.Ballots[1].Participant.ID, 4, "")
	w.Agree(context.Background(), 2, "")
	sum, err := w.Summary(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	text := SummaryText(sum, p.s)
	for _, want := range []string{"Questions agreed: 1 of 18", snap.Question.Text + ": levels 1–4 (divergent)", "by agency, Westvale Council 1.0 and NHS Westvale Integrated Care Board 4.0", "• Voter 2, NHS Westvale"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary lacks %q:\n%s", want, text)
		}
	}
	_ = s
}

func TestWorkshopTabStartsAndEnds(t *testing.T) {
	sess, s := blankSession(t)
	var shown fyne.CanvasObject
	tab := NewWorkshopTab(sess, func(o fyne.CanvasObject) { shown = o }, func() {})
	tab.People.Name.SetText("Ann")
	tab.People.Agency.SetSelected("Westvale Police")
	test.Tap(tab.People.Add)
	tab.Addr.SetText("127.0.0.1:0")
	test.Tap(tab.Start)
	r := tab.Running
	if r == nil || shown != r.Join.Content() {
		t.Fatalf("Start workshop: running %v, problem %q; want the join screen", r, tab.Problem.Text)
	}
	res, err := http.Get(r.Server.JoinURL())
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("the room's page: %v %v", res, err)
	}
	res.Body.Close()
	test.Tap(r.Join.Begin)
	if shown != r.Presenter.Content() {
		t.Fatal("Begin did not show the presenter")
	}
	sess.win.SetContent(shown)
	r.TypedKey(&fyne.KeyEvent{Name: fyne.Key4})
	r.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if shown != r.Join.Content() {
		t.Error("Esc did not return to the join screen")
	}
	test.Tap(r.Join.End)
	if tab.Running != nil || !r.W.Ended() {
		t.Error("End workshop left it running")
	}
	rec, _ := s.LoadRecord(context.Background(), sess.rec.Assessment.ID)
	if rec.Responses[0].Level != 4 {
		t.Errorf("agreed level after key 4: %+v", rec.Responses[0])
	}
	if top := sess.win.Canvas().Overlays().Top(); top == nil {
		t.Error("no summary shown at the end")
	}
	tab.Addr.SetText("not an address")
	test.Tap(tab.Start)
	if tab.Running != nil || tab.Problem.Text == "" {
		t.Errorf("a bad address: problem %q", tab.Problem.Text)
	}
}

// rowTexts returns the text of each participant row's label, skipping
// the note shown when there are none.
func rowTexts(l *ParticipantList) []string {
	var out []string
	for _, row := range l.Rows.Objects {
		c, ok := row.(*fyne.Container)
		if !ok {
			continue
		}
		for _, o := range c.Objects {
			if lab, ok := o.(*widget.Label); ok {
				out = append(out, lab.Text)
			}
		}
	}
	return out
}

func TestPhoneJoinsAppearLive(t *testing.T) {
	sess, s := blankSession(t)
	tab := NewWorkshopTab(sess, func(fyne.CanvasObject) {}, func() {})
	tab.Addr.SetText("127.0.0.1:0")
	test.Tap(tab.Start)
	r := tab.Running
	if r == nil {
		t.Fatalf("the workshop did not start: %q", tab.Problem.Text)
	}
	defer r.Server.Close(context.Background())
	if r.Join.Joined.Text != "0 have joined" || len(rowTexts(tab.People)) != 0 {
		t.Fatalf("before anyone joins: %q, rows %q", r.Join.Joined.Text, rowTexts(tab.People))
	}
	police := sess.rec.Partnership.Agencies[2]
	body := fmt.Sprintf(`{"pin":%q,"name":"Bea Phone","agency":%q}`, r.W.PIN(), police.ID)
	res, err := http.Post(r.Server.JoinURL()+"api/join", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("joining by phone: %d", res.StatusCode)
	}
	rows := rowTexts(tab.People)
	if len(rows) != 1 || !strings.Contains(rows[0], "Bea Phone · "+police.Name) {
		t.Errorf("while the workshop runs, the list shows %q; want Bea Phone of %s", rows, police.Name)
	}
	if r.Join.Joined.Text != "1 have joined" {
		t.Errorf("join screen: %q; want 1 have joined", r.Join.Joined.Text)
	}
	if tab.Running == nil || r.W.Ended() {
		t.Error("the list changed only because the workshop ended")
	}
	rec, _ := s.LoadRecord(context.Background(), sess.rec.Assessment.ID)
	if len(rec.Participants) != 1 || rec.Participants[0].Name != "Bea Phone" {
		t.Errorf("saved participants: %+v", rec.Participants)
	}
}
