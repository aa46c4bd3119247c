package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/workshop"
)

// presenterInk and presenterPaper are the projector's text and background:
// near-black on white, a contrast of about 19:1.
var (
	presenterInk   = color.NRGBA{0x11, 0x11, 0x11, 0xFF}
	presenterPaper = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	presenterMuted = color.NRGBA{0x33, 0x33, 0x33, 0xFF}
	presenterAlert = color.NRGBA{0x8B, 0x00, 0x00, 0xFF}
)

// presenterKeys says which key does what, shown at the foot of the view.
const presenterKeys = "R reveal · V re-vote · 1–5 agree · Enter save rationale · N next · P previous · T timer · H names · G enter votes · Esc leave · F11 full screen"

// Presenter is the projected view of a running workshop: one question in
// large type, how many have voted, and after the reveal the spread of
// votes. It is driven from the keyboard.
type Presenter struct {
	s   *session
	w   *workshop.Workshop
	win fyne.Window
	// Where says the theme and the question's place; Question is its text.
	Where, Question *widget.Label
	// Count says how many have voted; Waiting names those still to vote
	// when names are shown.
	Count, Waiting *widget.Label
	// Spread shows a row per level with a dot per vote after the reveal;
	// SpreadWords says the median and whether the votes diverge.
	Spread      *fyne.Container
	SpreadWords *canvas.Text
	// Agreed says the agreed level; Rationale is why, saved with Enter.
	Agreed    *widget.Label
	Rationale *widget.Entry
	// Strip has a button per question, to go straight to it.
	Strip *fyne.Container
	// Grid is the facilitator's participant × level grid (key G).
	Grid *VoteGrid
	// Leave runs when the facilitator presses Esc.
	Leave func()
	// Problem says what went wrong with the last key, or is empty.
	Problem *widget.Label
	body    *fyne.Container
	scroll  *container.Scroll
	room    *fyne.Container
	content fyne.CanvasObject
	grid    bool
	// do runs a change from another goroutine on the UI goroutine.
	do func(func())
}

// NewPresenter builds the projected view of w.
func NewPresenter(s *session, w *workshop.Workshop, win fyne.Window) *Presenter {
	p := &Presenter{s: s, w: w, win: win, do: fyne.Do,
		Where: widget.NewLabel(""), Question: widget.NewLabel(""), Count: widget.NewLabel(""),
		Waiting: widget.NewLabel(""), Spread: container.New(spreadLayout{}), SpreadWords: canvas.NewText("", presenterAlert),
		Agreed: widget.NewLabel(""), Rationale: widget.NewMultiLineEntry(), Problem: widget.NewLabel("")}
	p.Question.Wrapping, p.Waiting.Wrapping, p.Problem.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord, fyne.TextWrapWord
	p.Question.TextStyle = fyne.TextStyle{Bold: true}
	p.Question.SizeName = theme.SizeNameHeadingText
	p.Count.SizeName = theme.SizeNameSubHeadingText
	p.SpreadWords.TextStyle = fyne.TextStyle{Bold: true}
	p.Rationale.SetPlaceHolder("Why the board agreed this level (Enter saves)")
	p.Rationale.SetMinRowsVisible(1)
	p.Rationale.OnSubmitted = func(string) { p.saveRationale() }
	p.Problem.Importance = widget.DangerImportance
	p.Problem.Hide()
	p.Waiting.Hide()
	p.Grid = NewVoteGrid(w, p.refresh)
	p.Strip = container.NewHBox()
	for _, th := range s.q.Themes {
		for _, qu := range th.Questions {
			n := len(p.Strip.Objects) + 1
			p.Strip.Add(widget.NewButton(strconv.Itoa(n), func() { p.report(w.Goto(qu.ID)) }))
		}
	}
	var legend []string
	for _, g := range workshop.Groups {
		legend = append(legend, g.Code+" "+g.Label)
	}
	keys := widget.NewLabel(presenterKeys + "\nDots: " + strings.Join(legend, " · "))
	keys.Wrapping = fyne.TextWrapWord
	keys.SizeName = theme.SizeNameCaptionText
	p.room = container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, p.Count, p.Where), p.Question, p.Waiting), container.NewVBox(p.SpreadWords, p.Agreed),
		nil, nil, p.Spread)
	p.body = container.NewStack(p.room)
	p.scroll = container.NewVScroll(p.body)
	// the strip sits beside the rationale, leaving the spread more height
	strip := container.NewHScroll(p.Strip)
	strip.SetMinSize(fyne.NewSize(min(p.Strip.MinSize().Width, maxStripWidth), 0))
	p.content = container.NewThemeOverride(container.NewStack(canvas.NewRectangle(presenterPaper),
		container.NewPadded(container.NewBorder(nil, container.NewVBox(container.NewBorder(nil, nil, nil, strip, p.Rationale), p.Problem, keys), nil, nil,
			p.scroll))), presenterTheme{})
	w.OnChange(func() { p.do(p.refresh) })
	p.refresh()
	return p
}

// Content is the view's root object.
func (p *Presenter) Content() fyne.CanvasObject { return p.content }

// refresh shows the workshop as it is now.
func (p *Presenter) refresh() {
	snap := p.w.Snapshot()
	p.Where.SetText(fmt.Sprintf("%s · question %d of %d%s", snap.Theme.Title, snap.Index+1, snap.Total, roundWords(snap.Round)))
	p.Question.SetText(snap.Question.Text)
	// after the reveal a small screen's spread needs the room more than
	// the question does
	p.Question.SizeName = theme.SizeNameHeadingText
	if snap.Revealed && p.scale() < 1.25 {
		p.Question.SizeName = theme.SizeNameSubHeadingText
	}
	count := fmt.Sprintf("%d of %d have voted", snap.Voted, snap.Expected)
	if !snap.TimerEnds.IsZero() {
		count += fmt.Sprintf(" · timer: reveal at %s", snap.TimerEnds.Local().Format("15:04:05"))
	}
	p.Count.SetText(count)
	waiting := ""
	if snap.ShowNames && !snap.Revealed && len(snap.StillToVote) > 0 {
		waiting = "Still to vote: " + strings.Join(snap.StillToVote, ", ")
	}
	p.setLine(p.Waiting, waiting)
	p.showSpread(snap)
	for i, o := range p.Strip.Objects {
		btn := o.(*widget.Button)
		if want := stripImportance(i == snap.Index); btn.Importance != want {
			btn.Importance = want
			btn.Refresh()
		}
	}
	p.Agreed.SetText("Agreed level: not yet agreed (press 1–5)")
	if l, ok := p.s.q.Level(snap.Agreed); ok {
		p.Agreed.SetText(fmt.Sprintf("Agreed level: %d %s", l.Value, l.Label))
	}
	if p.Rationale.Text != snap.Rationale && p.win.Canvas().Focused() != p.Rationale {
		p.Rationale.SetText(snap.Rationale)
	}
	if p.grid {
		p.Grid.refresh(snap)
	}
	p.room.Refresh()
	p.body.Refresh()
	p.scroll.Refresh()
}

// stripImportance marks the current question's button in the strip.
func stripImportance(current bool) widget.Importance {
	if current {
		return widget.HighImportance
	}
	return widget.LowImportance
}

// roundWords names a round after the first.
func roundWords(round int) string {
	if round <= assessment.FirstRound {
		return ""
	}
	return fmt.Sprintf(" · round %d", round)
}

// showSpread draws a row per level with a lettered, coloured dot per vote,
// or nothing before the reveal. The rows share out the height the view
// leaves them (spreadLayout), so the spread fills the projector; the words
// under it and the agreed level grow with the window.
func (p *Presenter) showSpread(snap workshop.Snapshot) {
	p.Spread.Objects = nil
	p.SpreadWords.Text = ""
	scale := p.scale()
	p.SpreadWords.TextSize = spreadWordsSize * scale
	p.Agreed.SizeName = theme.SizeNameSubHeadingText
	if scale >= 1.25 {
		p.Agreed.SizeName = theme.SizeNameHeadingText
	}
	if snap.Revealed {
		var labels []string
		for _, l := range p.s.q.Scale.Levels {
			labels = append(labels, fmt.Sprintf("%d %s", l.Value, l.Label))
		}
		widest := widestAt100(labels)
		for i, l := range p.s.q.Scale.Levels {
			p.Spread.Add(newLevelRow(labels[i], widest, snap.Spread.Dots, l.Value, snap.ShowNames))
		}
		p.SpreadWords.Text = strings.ToUpper(snap.Spread.Words()[:1]) + snap.Spread.Words()[1:]
		p.SpreadWords.Color = presenterInk
		if snap.Spread.Divergent {
			p.SpreadWords.Color = presenterAlert
		}
	}
	p.Spread.Refresh()
	p.SpreadWords.Refresh()
	p.Agreed.Refresh()
}

// Sizes of the spread at 1280×720; larger windows scale them up.
const (
	// maxStripWidth is the widest the question strip beside the rationale
	// grows before it scrolls.
	maxStripWidth = 640
	// spreadWordsSize is the text size of the median and divergent line.
	spreadWordsSize = 28
	// minLevelRow and maxLevelRow bound the height of one level's row.
	minLevelRow, maxLevelRow = 32, 140
)

// scale is how much larger than 1280×720 the presenter's window is, at
// least 1 and at most 2.
func (p *Presenter) scale() float32 {
	size := p.win.Canvas().Size()
	return max(1, min(size.Width/1280, size.Height/720, 2))
}

// widestAt100 is the width of the widest of labels in bold at text size 100.
func widestAt100(labels []string) float32 {
	var w float32
	for _, l := range labels {
		w = max(w, fyne.MeasureText(l, 100, fyne.TextStyle{Bold: true}).Width)
	}
	return w
}

// spreadLayout shares out its height among the level rows, each between
// minLevelRow and maxLevelRow high.
type spreadLayout struct{}

// Layout stacks the rows, each as high as the space allows.
func (spreadLayout) Layout(rows []fyne.CanvasObject, size fyne.Size) {
	if len(rows) == 0 {
		return
	}
	h := max(minLevelRow, min(size.Height/float32(len(rows)), maxLevelRow))
	for i, r := range rows {
		r.Move(fyne.NewPos(0, float32(i)*h))
		r.Resize(fyne.NewSize(size.Width, h))
	}
}

// MinSize is every row at its smallest.
func (spreadLayout) MinSize(rows []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, r := range rows {
		w = max(w, r.MinSize().Width)
	}
	return fyne.NewSize(w, minLevelRow*float32(len(rows)))
}

// levelRow lays out one level of the spread at whatever height it is
// given: the level's label, then its dots, their letters and, when shown,
// the voters' names, all sized in proportion to the row.
type levelRow struct {
	label *canvas.Text
	// widest is the widest level label's width at text size 100, so that
	// the dots of every row start at the same place.
	widest float32
	dots   []rowDot
}

// rowDot is one vote in a level's row.
type rowDot struct {
	circle     *canvas.Circle
	code, name *canvas.Text
}

// newLevelRow builds the row of the level with value from the spread's
// dots, naming voters when names is set.
func newLevelRow(label string, widest float32, dots []workshop.Dot, value int, names bool) *fyne.Container {
	r := &levelRow{label: canvas.NewText(label, presenterInk), widest: widest}
	r.label.TextStyle = fyne.TextStyle{Bold: true}
	objs := []fyne.CanvasObject{r.label}
	for _, d := range dots {
		if d.Level != value {
			continue
		}
		rd := rowDot{circle: canvas.NewCircle(d.Group.Colour), code: canvas.NewText(d.Group.Code, color.White)}
		rd.code.TextStyle = fyne.TextStyle{Bold: true}
		rd.code.Alignment = fyne.TextAlignCenter
		objs = append(objs, rd.circle, rd.code)
		if names && d.Name != "" {
			rd.name = canvas.NewText(d.Name, presenterInk)
			objs = append(objs, rd.name)
		}
		r.dots = append(r.dots, rd)
	}
	return container.New(r, objs...)
}

// sizes returns the row's label text size and dot diameter at height h.
func (r *levelRow) sizes(h float32) (text, dot float32) {
	return h * 0.5, h * 0.82
}

// Layout places the label, then the dots, scaled to the row's height;
// dots shrink if a crowded level would run past the row's width.
func (r *levelRow) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	text, dot := r.sizes(size.Height)
	labelW := r.widest*text/100 + dot/2
	gap := dot / 8
	if n := float32(len(r.dots)); n > 0 && r.dots[0].name == nil {
		dot = max(min(dot, (size.Width-labelW)/n-gap), minLevelRow*0.6)
	}
	r.label.TextSize = text
	r.label.Move(fyne.NewPos(0, (size.Height-r.label.MinSize().Height)/2))
	r.label.Resize(r.label.MinSize())
	r.label.Refresh()
	x := labelW
	y := (size.Height - dot) / 2
	for _, d := range r.dots {
		d.circle.Move(fyne.NewPos(x, y))
		d.circle.Resize(fyne.NewSquareSize(dot))
		d.code.TextSize = dot * 0.42
		d.code.Refresh()
		d.code.Move(fyne.NewPos(x, (size.Height-d.code.MinSize().Height)/2))
		d.code.Resize(fyne.NewSize(dot, d.code.MinSize().Height))
		x += dot + gap
		if d.name != nil {
			d.name.TextSize = text * 0.8
			d.name.Refresh()
			d.name.Move(fyne.NewPos(x, (size.Height-d.name.MinSize().Height)/2))
			d.name.Resize(d.name.MinSize())
			x += d.name.MinSize().Width + 2*gap
		}
	}
}

// MinSize is the row at its smallest height.
func (r *levelRow) MinSize([]fyne.CanvasObject) fyne.Size {
	text, dot := r.sizes(minLevelRow)
	w := r.widest*text/100 + dot/2
	for _, d := range r.dots {
		w += dot * 9 / 8
		if d.name != nil {
			w += fyne.MeasureText(d.name.Text, text*0.8, d.name.TextStyle).Width + dot/4
		}
	}
	return fyne.NewSize(w, minLevelRow)
}

// TypedKey runs the presenter's keys.
func (p *Presenter) TypedKey(ev *fyne.KeyEvent) {
	if p.grid && p.Grid.TypedKey(ev) {
		return
	}
	var err error
	switch ev.Name {
	case fyne.KeyR:
		err = p.w.Reveal()
	case fyne.KeyV:
		err = p.w.Revote()
	case fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5:
		err = p.w.Agree(p.s.ctx, int(ev.Name[0]-'0'), p.Rationale.Text)
	case fyne.KeyReturn, fyne.KeyEnter:
		p.saveRationale()
		return
	case fyne.KeyN:
		err = p.w.Next()
	case fyne.KeyP:
		err = p.w.Prev()
	case fyne.KeyT:
		p.w.ToggleTimer(workshop.DefaultTimer)
	case fyne.KeyH:
		p.w.SetShowNames(!p.w.Snapshot().ShowNames)
	case fyne.KeyG:
		p.toggleGrid()
	case fyne.KeyF11:
		p.win.SetFullScreen(!p.win.FullScreen())
	case fyne.KeyEscape:
		if p.Leave != nil {
			p.Leave()
		}
		return
	default:
		return
	}
	p.report(err)
}

// report shows what went wrong with the last action, if anything, and
// the workshop as it now is.
func (p *Presenter) report(err error) {
	p.setLine(p.Problem, "")
	if err != nil {
		p.setLine(p.Problem, err.Error())
	}
	p.refresh()
}

// setLine sets a line of the view, hiding it while it is empty so that
// the spread has the room.
func (p *Presenter) setLine(l *widget.Label, text string) {
	walkSetText(l, text)
	walkShow(l, text != "")
}

// saveRationale saves the rationale with the agreed level.
func (p *Presenter) saveRationale() {
	snap := p.w.Snapshot()
	if snap.Agreed == assessment.NotAssessed {
		p.setLine(p.Problem, "Agree a level first (keys 1–5), then save why.")
		return
	}
	if err := p.w.Agree(p.s.ctx, snap.Agreed, p.Rationale.Text); err != nil {
		p.setLine(p.Problem, err.Error())
		return
	}
	p.setLine(p.Problem, "Rationale saved.")
	p.win.Canvas().Unfocus()
}

// toggleGrid switches between the room's view and the facilitator's grid.
func (p *Presenter) toggleGrid() {
	p.grid = !p.grid
	if p.grid {
		p.body.Objects = []fyne.CanvasObject{container.NewVBox(p.Where, p.Question, p.Grid.Content())}
	} else {
		p.body.Objects = []fyne.CanvasObject{p.room}
	}
	p.body.Refresh()
}

// presenterTheme is the app's theme with larger text and the projector's
// high-contrast colours, for reading from the back of a room.
type presenterTheme struct{}

// Color returns near-black text on white, whatever the app's variant.
func (presenterTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameForeground:
		return presenterInk
	case theme.ColorNameBackground, theme.ColorNameInputBackground:
		return presenterPaper
	case theme.ColorNamePlaceHolder, theme.ColorNameDisabled:
		return presenterMuted
	case theme.ColorNameError:
		return presenterAlert
	case theme.ColorNameButton:
		return color.NRGBA{0xE6, 0xE6, 0xE6, 0xFF}
	case theme.ColorNamePrimary:
		return workshop.GroupLocalAuthority.Colour
	case theme.ColorNameForegroundOnPrimary:
		return presenterPaper
	}
	return currentTheme().Color(n, theme.VariantLight)
}

// Font is the app's theme's.
func (presenterTheme) Font(s fyne.TextStyle) fyne.Resource { return currentTheme().Font(s) }

// Icon is the app's theme's.
func (presenterTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return currentTheme().Icon(n) }

// currentTheme is the theme the app runs with.
func currentTheme() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

// Size doubles the text sizes and keeps the rest.
func (presenterTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameCaptionText:
		return 18
	case theme.SizeNameText:
		return 24
	case theme.SizeNameSubHeadingText:
		return 32
	case theme.SizeNameHeadingText:
		return 40
	}
	return currentTheme().Size(n)
}

// fixedWidth keeps o at least width wide.
func fixedWidth(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(width, 0))
	return container.NewStack(spacer, o)
}
