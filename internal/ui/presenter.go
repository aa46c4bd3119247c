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
		Waiting: widget.NewLabel(""), Spread: container.NewVBox(), SpreadWords: canvas.NewText("", presenterAlert),
		Agreed: widget.NewLabel(""), Rationale: widget.NewMultiLineEntry(), Problem: widget.NewLabel("")}
	p.Question.Wrapping, p.Waiting.Wrapping, p.Problem.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord, fyne.TextWrapWord
	p.Question.TextStyle = fyne.TextStyle{Bold: true}
	p.Question.SizeName = theme.SizeNameHeadingText
	p.Count.SizeName = theme.SizeNameSubHeadingText
	p.SpreadWords.TextStyle = fyne.TextStyle{Bold: true}
	p.SpreadWords.TextSize = 28
	p.Rationale.SetPlaceHolder("Why the board agreed this level (Enter saves)")
	p.Rationale.SetMinRowsVisible(2)
	p.Rationale.OnSubmitted = func(string) { p.saveRationale() }
	p.Problem.Importance = widget.DangerImportance
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
	p.room = container.NewVBox(p.Where, p.Question, p.Count, p.Waiting, p.Spread, p.SpreadWords, p.Agreed)
	p.body = container.NewStack(p.room)
	p.scroll = container.NewVScroll(p.body)
	p.content = container.NewThemeOverride(container.NewStack(canvas.NewRectangle(presenterPaper),
		container.NewPadded(container.NewBorder(nil, container.NewVBox(p.Rationale, p.Problem, container.NewHScroll(p.Strip), keys), nil, nil,
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
	count := fmt.Sprintf("%d of %d have voted", snap.Voted, snap.Expected)
	if !snap.TimerEnds.IsZero() {
		count += fmt.Sprintf(" · timer: reveal at %s", snap.TimerEnds.Local().Format("15:04:05"))
	}
	p.Count.SetText(count)
	p.Waiting.SetText("")
	if snap.ShowNames && !snap.Revealed && len(snap.StillToVote) > 0 {
		p.Waiting.SetText("Still to vote: " + strings.Join(snap.StillToVote, ", "))
	}
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
// or nothing before the reveal.
func (p *Presenter) showSpread(snap workshop.Snapshot) {
	p.Spread.Objects = nil
	p.SpreadWords.Text = ""
	if snap.Revealed {
		for _, l := range p.s.q.Scale.Levels {
			name := canvas.NewText(fmt.Sprintf("%d %s", l.Value, l.Label), presenterInk)
			name.TextStyle, name.TextSize = fyne.TextStyle{Bold: true}, 24
			row := container.NewHBox(fixedWidth(container.NewCenter(name), 260))
			for _, d := range snap.Spread.Dots {
				if d.Level == l.Value {
					row.Add(voteDot(d, snap.ShowNames))
				}
			}
			p.Spread.Add(row)
		}
		p.SpreadWords.Text = strings.ToUpper(snap.Spread.Words()[:1]) + snap.Spread.Words()[1:]
		p.SpreadWords.Color = presenterInk
		if snap.Spread.Divergent {
			p.SpreadWords.Color = presenterAlert
		}
	}
	p.Spread.Refresh()
	p.SpreadWords.Refresh()
}

// fixedWidth keeps o at least width wide.
func fixedWidth(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(width, 0))
	return container.NewStack(spacer, o)
}

// voteDot is one vote: a circle in its agency group's colour with the
// group's letters, and the voter's name when names are shown.
func voteDot(d workshop.Dot, names bool) fyne.CanvasObject {
	circle := canvas.NewCircle(d.Group.Colour)
	text := canvas.NewText(d.Group.Code, color.White)
	text.TextStyle = fyne.TextStyle{Bold: true}
	text.TextSize = 18
	text.Alignment = fyne.TextAlignCenter
	size := canvas.NewRectangle(color.Transparent)
	size.SetMinSize(fyne.NewSize(40, 40))
	dot := container.NewStack(size, circle, container.NewCenter(text))
	if !names || d.Name == "" {
		return dot
	}
	name := canvas.NewText(d.Name, presenterInk)
	name.TextSize = 20
	return container.NewHBox(dot, container.NewCenter(name))
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
	p.Problem.SetText("")
	if err != nil {
		p.Problem.SetText(err.Error())
	}
	p.refresh()
}

// saveRationale saves the rationale with the agreed level.
func (p *Presenter) saveRationale() {
	snap := p.w.Snapshot()
	if snap.Agreed == assessment.NotAssessed {
		p.Problem.SetText("Agree a level first (keys 1–5), then save why.")
		return
	}
	if err := p.w.Agree(p.s.ctx, snap.Agreed, p.Rationale.Text); err != nil {
		p.Problem.SetText(err.Error())
		return
	}
	p.Problem.SetText("Rationale saved.")
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
	case theme.SizeNameText:
		return 24
	case theme.SizeNameSubHeadingText:
		return 32
	case theme.SizeNameHeadingText:
		return 40
	}
	return currentTheme().Size(n)
}
