package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	qrcode "github.com/skip2/go-qrcode"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/workshop"
)

// WorkshopTab is the assessment's Workshop tab: its participants, the
// import of partners' own ratings, and Start workshop.
type WorkshopTab struct {
	s *session
	// People edits the participants.
	People *ParticipantList
	// Addr is where the room server listens (host:port).
	Addr *widget.Entry
	// Anonymous lets partners join with their agency only.
	Anonymous *widget.Check
	// Start starts the server and shows the join screen.
	Start *widget.Button
	// ImportRatings adds a partner's own ratings from their bundle.
	ImportRatings *widget.Button
	// Problem says why the workshop could not start, or is empty.
	Problem *widget.Label
	// Running is the workshop while it runs, else nil.
	Running *RunningWorkshop
	// show puts a screen in the window; done runs when the workshop ends.
	show    func(fyne.CanvasObject)
	done    func()
	content fyne.CanvasObject
}

// NewWorkshopTab builds the tab; show puts a full-window screen up, and
// done runs after the workshop ends and its summary is closed.
func NewWorkshopTab(s *session, show func(fyne.CanvasObject), done func()) *WorkshopTab {
	t := &WorkshopTab{s: s, People: NewParticipantList(s), Addr: widget.NewEntry(),
		Anonymous: widget.NewCheck("Partners may join anonymously, naming only their agency", nil),
		Problem:   widget.NewLabel(""), show: show, done: done}
	if addr, err := workshop.DefaultAddr(); err == nil {
		t.Addr.SetText(addr)
	} else {
		t.Addr.SetPlaceHolder("192.168.1.20:8090")
		t.Problem.SetText("This computer has no private network (LAN) address: connect it to the room's Wi-Fi, or type the address to listen on above.")
	}
	t.Problem.Importance = widget.DangerImportance
	t.Problem.Wrapping = fyne.TextWrapWord
	t.Start = widget.NewButtonWithIcon("Start workshop", theme.MediaPlayIcon(), t.start)
	t.Start.Importance = widget.HighImportance
	t.ImportRatings = widget.NewButtonWithIcon("Import a partner's own ratings…", theme.UploadIcon(), t.showImport)
	if s.readOnly() {
		t.Start.Disable()
		t.ImportRatings.Disable()
	}
	intro := widget.NewLabel("In a workshop partners vote from their own phones or browsers on the room's Wi-Fi; " +
		"the projector shows how many have voted, then the spread, and the board agrees a level. " +
		"Where phones cannot reach this laptop, enter each vote on the laptop (key G), or import ratings partners made beforehand.")
	intro.Wrapping = fyne.TextWrapWord
	start := container.NewVBox(intro, container.NewBorder(nil, nil, widget.NewLabel("Listen on"), nil, t.Addr),
		t.Anonymous, container.NewHBox(t.Start, t.ImportRatings), t.Problem)
	t.content = container.NewBorder(start, nil, nil, nil, t.People.Content())
	return t
}

// Content is the tab's root object.
func (t *WorkshopTab) Content() fyne.CanvasObject { return t.content }

// start opens the workshop, starts its server and shows the join screen.
func (t *WorkshopTab) start() {
	t.Problem.SetText("")
	w, err := workshop.Open(t.s.ctx, t.s.store, t.s.rec.Assessment.ID,
		workshop.Options{AllowAnonymous: t.Anonymous.Checked, GracePeriod: 3 * time.Second})
	if err != nil {
		t.Problem.SetText("The workshop could not start: " + err.Error())
		return
	}
	srv, err := workshop.Listen(w, strings.TrimSpace(t.Addr.Text))
	if err != nil {
		t.Problem.SetText(err.Error() + ". Check the address is this laptop's, or use another port.")
		return
	}
	t.Running = newRunningWorkshop(t, w, srv)
	t.show(t.Running.Join.Content())
}

// showImport asks for a partner's name, agency and bundle file, and adds
// their ratings as their votes.
func (t *WorkshopTab) showImport() {
	name, path := widget.NewEntry(), widget.NewEntry()
	path.SetPlaceHolder("/home/me/Partner-ratings.json")
	items := []*widget.FormItem{widget.NewFormItem("Partner's name", name),
		widget.NewFormItem("Agency", t.People.Agency), widget.NewFormItem("Bundle file", path)}
	dialog.ShowForm("Import a partner's own ratings", "Import", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		if err := t.People.importRatings(strings.TrimSpace(path.Text), name.Text); err != nil {
			dialog.ShowError(err, t.s.win)
		}
	}, t.s.win)
}

// RunningWorkshop is a workshop while its server runs: the join screen,
// the presenter view and the end.
type RunningWorkshop struct {
	tab *WorkshopTab
	// W is the workshop and Server its room server.
	W      *workshop.Workshop
	Server *workshop.Server
	// Join is the join screen; Presenter the projected view.
	Join      *JoinScreen
	Presenter *Presenter
}

// newRunningWorkshop builds the screens of a started workshop.
func newRunningWorkshop(t *WorkshopTab, w *workshop.Workshop, srv *workshop.Server) *RunningWorkshop {
	r := &RunningWorkshop{tab: t, W: w, Server: srv}
	r.Presenter = NewPresenter(t.s, w, t.s.win)
	r.Join = NewJoinScreen(w, srv.JoinURL(), func() { t.show(r.Presenter.Content()) }, r.End)
	r.Presenter.Leave = func() { t.show(r.Join.Content()) }
	w.OnJoin(func(p assessment.Participant) { fyne.Do(func() { t.People.Joined(p) }) })
	return r
}

// TypedKey sends keys to the presenter while it is shown.
func (r *RunningWorkshop) TypedKey(ev *fyne.KeyEvent) {
	if r.tab.s.win.Content() == r.Presenter.Content() {
		r.Presenter.TypedKey(ev)
	}
}

// End ends the workshop, stops the server once phones have been told, and
// shows the summary.
func (r *RunningWorkshop) End() {
	r.W.End()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = r.Server.End(ctx)
	}()
	sum, err := r.W.Summary(r.tab.s.ctx)
	r.tab.Running = nil
	if err != nil {
		dialog.ShowError(err, r.tab.s.win)
		r.tab.done()
		return
	}
	text := widget.NewLabel(SummaryText(sum, r.tab.s))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("The workshop has ended", "Close", container.NewVScroll(text), r.tab.s.win)
	d.Resize(fyne.NewSize(720, 520))
	d.SetOnClosed(r.tab.done)
	d.Show()
}

// SummaryText says a workshop's summary in words: questions agreed, where
// the partnership disagreed most, and who took part.
func SummaryText(sum workshop.Summary, s *session) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Questions agreed: %d of %d.\n\n", sum.Agreed, sum.Total)
	b.WriteString("Where the partnership disagreed most:\n")
	shown := 0
	for _, d := range sum.Disagreements {
		if d.Spread.Width() == 0 || shown == 5 {
			continue
		}
		shown++
		q, _, _ := s.q.Question(d.QuestionID)
		fmt.Fprintf(&b, "• %s: levels %d–%d", q.Text, d.Spread.Min, d.Spread.Max)
		if d.Spread.Divergent() {
			b.WriteString(" (divergent)")
		}
		if d.AgencyGap() > 0 {
			fmt.Fprintf(&b, "; by agency, %s %.1f and %s %.1f", agencyOr(sum, d.Low.AgencyID), d.Low.Mean, agencyOr(sum, d.High.AgencyID), d.High.Mean)
		}
		b.WriteString("\n")
	}
	if shown == 0 {
		b.WriteString("• Nowhere: every question's votes agreed.\n")
	}
	b.WriteString("\nWho took part:\n")
	for _, p := range sum.TookPart {
		fmt.Fprintf(&b, "• %s", p.Name)
		if name := sum.Agencies[p.AgencyID]; name != "" {
			fmt.Fprintf(&b, ", %s", name)
		}
		if p.Facilitator {
			b.WriteString(" (facilitator)")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// agencyOr names an agency, or says it was not given.
func agencyOr(sum workshop.Summary, id string) string {
	if name := sum.Agencies[id]; name != "" {
		return name
	}
	return "no agency given"
}

// JoinScreen is what the projector shows while partners join: a QR code
// of the join URL, the URL itself and the room PIN.
type JoinScreen struct {
	// QR is the join URL as a QR code; URL and PIN are in large type.
	QR       *canvas.Image
	URL, PIN *widget.Label
	// Joined says how many have joined.
	Joined *widget.Label
	// Begin shows the presenter view; End ends the workshop.
	Begin, End *widget.Button
	content    fyne.CanvasObject
}

// NewJoinScreen builds the join screen of w at url.
func NewJoinScreen(w *workshop.Workshop, url string, begin, end func()) *JoinScreen {
	j := &JoinScreen{URL: widget.NewLabelWithStyle(url, fyne.TextAlignCenter, fyne.TextStyle{Monospace: true}),
		PIN:    widget.NewLabelWithStyle("PIN "+w.PIN(), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		Joined: widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{}),
		Begin:  widget.NewButtonWithIcon("Begin the questions", theme.MediaPlayIcon(), begin),
		End:    widget.NewButtonWithIcon("End workshop", theme.MediaStopIcon(), end)}
	j.Begin.Importance = widget.HighImportance
	j.URL.Wrapping = fyne.TextWrapBreak
	j.PIN.SizeName = theme.SizeNameHeadingText
	if png, err := qrcode.Encode(url, qrcode.Medium, 512); err == nil {
		j.QR = canvas.NewImageFromResource(fyne.NewStaticResource("join.png", png))
	} else {
		j.QR = canvas.NewImageFromImage(nil)
	}
	j.QR.FillMode = canvas.ImageFillContain
	j.QR.SetMinSize(fyne.NewSize(320, 320))
	count := func() { j.Joined.SetText(fmt.Sprintf("%d have joined", len(w.Snapshot().Participants))) }
	count()
	w.OnChange(func() { fyne.Do(count) })
	title := widget.NewLabelWithStyle("Join the workshop on your phone", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	how := widget.NewLabelWithStyle("Scan the code, or type the address, on the room's Wi-Fi; then enter the PIN.",
		fyne.TextAlignCenter, fyne.TextStyle{})
	how.Wrapping = fyne.TextWrapWord
	j.content = container.NewThemeOverride(container.NewStack(canvas.NewRectangle(presenterPaper),
		container.NewPadded(container.NewBorder(container.NewVBox(title, how), container.NewCenter(container.NewHBox(j.Begin, j.End)), nil, nil,
			container.NewVBox(container.NewCenter(j.QR), j.URL, j.PIN, j.Joined)))), presenterTheme{})
	return j
}

// Content is the screen's root object.
func (j *JoinScreen) Content() fyne.CanvasObject { return j.content }
