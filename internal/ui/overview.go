package ui

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/report"
)

// topPriorities is how many priorities the overview lists.
const topPriorities = 5

// Overview shows an assessment at a glance: the overall level, a card per
// theme (score, coverage, target, last year), the top priorities and who
// took part.
type Overview struct {
	s *session
	// Overall states the overall level, its label and coverage.
	Overall *widget.Label
	// Cards holds one card per theme.
	Cards *fyne.Container
	// Priorities lists the questions most in need of attention.
	Priorities *fyne.Container
	// Participants lists who took part, by agency.
	Participants *widget.Label
	// Radar draws the themes' levels, targets and last year's levels.
	Radar *RadarView
	// stale is true when an edit was saved while the overview was hidden:
	// it is brought up to date when next shown.
	stale bool
	// plan, when set, starts an action for a theme and question.
	plan    func(themeID, questionID string)
	content fyne.CanvasObject
}

// NewOverview builds the overview of the session's assessment and keeps it
// up to date as edits are saved. plan, if not nil, is offered beside each
// priority to start an action for it.
func NewOverview(s *session, plan func(themeID, questionID string)) *Overview {
	o := &Overview{s: s, plan: plan, Overall: widget.NewLabel(""), Cards: container.NewGridWithColumns(2),
		Priorities: container.NewVBox(), Participants: widget.NewLabel("")}
	o.Radar = NewRadarView(func(err error) {
		o.Overall.SetText(o.Overall.Text + "\n(The radar chart could not be drawn: " + errText(err) + ")")
	})
	o.Overall.SizeName = theme.SizeNameSubHeadingText
	o.Overall.Wrapping = fyne.TextWrapWord
	o.Participants.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(o.Overall, container.New(&besideOrAbove{}, o.Radar, o.Cards),
		widget.NewCard("Top priorities", "", container.NewVBox(
			wrapLabel("Largest gap to target first, then the widest spread of votes, then the lowest confidence."), o.Priorities)),
		widget.NewCard("Participants", "", o.Participants))
	o.content = container.NewVScroll(container.NewPadded(body))
	s.onChange(o.Refresh)
	o.Refresh()
	return o
}

// Shown brings the overview up to date if edits were saved while it was
// hidden.
func (o *Overview) Shown() {
	if o.stale {
		o.Refresh()
	}
}

// Content is the screen's root object.
func (o *Overview) Content() fyne.CanvasObject { return o.content }

// Refresh redraws everything from the session's record; while the
// overview is hidden it only notes that it is out of date.
func (o *Overview) Refresh() {
	if !o.content.Visible() {
		o.stale = true
		return
	}
	o.stale = false
	q, rec := o.s.q, o.s.rec
	themes := assessment.ThemeScores(q, rec.Responses)
	overall := assessment.Overall(themes)
	text := "Overall level: " + scoreWithLabel(o.s, overall)
	if overall.Valid() {
		text += fmt.Sprintf(" — %d of %d questions assessed", overall.Assessed, overall.Total)
	}
	o.Overall.SetText(text)
	var previous []assessment.ThemeScore
	if o.s.prev != nil {
		previous = assessment.ThemeScores(q, o.s.prev.Responses)
	}
	o.Cards.RemoveAll()
	for i, ts := range themes {
		var last *assessment.ThemeScore
		if previous != nil {
			last = &previous[i]
		}
		o.Cards.Add(o.themeCard(i, ts, last))
	}
	o.refreshPriorities()
	o.Participants.SetText(o.participantText())
	o.drawRadar()
}

// drawRadar gives the radar the session's data to draw.
func (o *Overview) drawRadar() {
	o.Radar.SetData(report.ThemeRadar(o.s.q, o.s.rec, o.s.prev))
}

// themeCard shows one theme's score, coverage, target and last year.
func (o *Overview) themeCard(i int, ts assessment.ThemeScore, last *assessment.ThemeScore) fyne.CanvasObject {
	t := o.s.q.Themes[i]
	lines := []string{
		"Level: " + scoreWithLabel(o.s, ts.Level),
		fmt.Sprintf("%d of %d questions assessed", ts.Level.Assessed, ts.Level.Total),
		"Target: " + meanOrNone(ts.Target),
	}
	if last != nil {
		lines = append(lines, "Last year: "+meanOrNone(last.Level)+change(ts.Level, last.Level))
	}
	body := widget.NewLabel(strings.Join(lines, "\n"))
	body.Wrapping = fyne.TextWrapWord
	return titledCard(t.Title, "", body)
}

// scoreWithLabel is "2.7 Developing", or "Not assessed".
func scoreWithLabel(s *session, sc assessment.Score) string {
	if !sc.Valid() {
		return "Not assessed"
	}
	return fmt.Sprintf("%.1f %s", sc.Mean, assessment.LevelLabel(s.q, sc))
}

// meanOrNone is the mean to one decimal, or "none set".
func meanOrNone(sc assessment.Score) string {
	if !sc.Valid() {
		return "none set"
	}
	return fmt.Sprintf("%.1f", sc.Mean)
}

// change says in symbols and words how now compares with then.
func change(now, then assessment.Score) string {
	if !now.Valid() || !then.Valid() {
		return ""
	}
	d := now.Mean - then.Mean
	switch {
	case math.Abs(d) < 0.05:
		return " (no change)"
	case d > 0:
		return fmt.Sprintf(" (▲ up %.1f)", d)
	}
	return fmt.Sprintf(" (▼ down %.1f)", -d)
}

// refreshPriorities lists the top priorities with a button to plan an action.
func (o *Overview) refreshPriorities() {
	o.Priorities.RemoveAll()
	ps := assessment.Priorities(o.s.q, o.s.rec.Responses, o.s.rec.Votes)
	if len(ps) == 0 {
		o.Priorities.Add(widget.NewLabel("No priorities yet: none of the assessed questions falls short of its target or divides the votes."))
		return
	}
	for _, p := range ps[:min(len(ps), topPriorities)] {
		o.Priorities.Add(o.priorityRow(p))
	}
}

// priorityRow is one priority: the question, why, and "Plan an action".
func (o *Overview) priorityRow(p assessment.Priority) fyne.CanvasObject {
	qu, _, _ := o.s.q.Question(p.QuestionID)
	why := []string{fmt.Sprintf("level %d → target %d (gap %d)", p.Level, p.Target, p.Gap())}
	if p.Spread.Count > 0 {
		s := fmt.Sprintf("votes %d–%d", p.Spread.Min, p.Spread.Max)
		if p.Spread.Divergent() {
			s += ", divergent"
		}
		why = append(why, s)
	}
	if p.Confidence != "" {
		why = append(why, string(p.Confidence)+" confidence")
	} else {
		why = append(why, "confidence not given")
	}
	label := widget.NewLabel(fmt.Sprintf("%s: %s\n%s", o.s.q.QuestionName(p.QuestionID), qu.Text, strings.Join(why, "; ")))
	label.Wrapping = fyne.TextWrapWord
	if o.plan == nil || o.s.readOnly() {
		return label
	}
	plan := widget.NewButtonWithIcon("Plan an action", theme.ContentAddIcon(), func() { o.plan(p.ThemeID, p.QuestionID) })
	return container.NewBorder(nil, nil, nil, container.NewVBox(plan), label)
}

// participantText lists the participants grouped by agency.
func (o *Overview) participantText() string {
	if len(o.s.rec.Participants) == 0 {
		return "No participants recorded."
	}
	byAgency := map[string][]string{}
	var order []string
	for _, p := range o.s.rec.Participants {
		agency := o.s.agencyName(p.AgencyID)
		if _, seen := byAgency[agency]; !seen {
			order = append(order, agency)
		}
		byAgency[agency] = append(byAgency[agency], strings.TrimSpace(p.Name+", "+p.Role))
	}
	var b strings.Builder
	for _, agency := range order {
		name := agency
		if name == "" {
			name = "No agency given"
		}
		fmt.Fprintf(&b, "%s: %s\n", name, strings.Join(byAgency[agency], "; "))
	}
	return strings.TrimSpace(b.String())
}
