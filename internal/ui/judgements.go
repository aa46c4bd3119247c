package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// JudgementsPanel records the scrutineer's two judgements: their view of
// each theme's maturity beside the partnership's, and the assurance level
// on the self-assessment with its reasons, plus the overall statement.
type JudgementsPanel struct {
	s  *session
	st ScrutinyStore
	// ThemeLevels and ThemeReasons hold each theme's judgement, in the
	// question set's theme order.
	ThemeLevels  []*widget.Select
	ThemeReasons []*widget.Entry
	// Assurance, Reasons and Statement are the assurance judgement.
	Assurance *widget.Select
	Reasons   *widget.Entry
	Statement *widget.Entry
	// Save stores every judgement under the scrutineer's name.
	Save    *widget.Button
	content fyne.CanvasObject
	name    func() string
}

// NewJudgementsPanel builds the panel; name gives the scrutineer's name.
func NewJudgementsPanel(s *session, st ScrutinyStore, name func() string) *JudgementsPanel {
	p := &JudgementsPanel{s: s, st: st, name: name, Reasons: widget.NewMultiLineEntry(), Statement: widget.NewMultiLineEntry()}
	levels := []string{noLevel}
	for _, l := range s.q.Scale.Levels {
		levels = append(levels, fmt.Sprintf("%d %s", l.Value, l.Label))
	}
	judged := map[string]assessment.ThemeJudgement{}
	for _, j := range s.rec.Judgements {
		judged[j.ThemeID] = j
	}
	form := widget.NewForm()
	for i, th := range assessment.ThemeScores(s.q, s.rec.Responses) {
		sel, reasons := widget.NewSelect(levels, nil), widget.NewEntry()
		sel.SetSelected(noLevel)
		if j, ok := judged[th.ThemeID]; ok {
			if j.Level != assessment.NotAssessed {
				sel.SetSelected(levelText(s, j.Level))
			}
			reasons.SetText(j.Reasons)
		}
		reasons.SetPlaceHolder("Your reasons")
		p.ThemeLevels, p.ThemeReasons = append(p.ThemeLevels, sel), append(p.ThemeReasons, reasons)
		label := fmt.Sprintf("%s (partnership %s)", s.q.Themes[i].Title, th.Level)
		form.Append(label, container.NewGridWithColumns(2, sel, reasons))
	}
	var choices []string
	for _, l := range assessment.AssuranceLevels {
		choices = append(choices, l.Label())
	}
	p.Assurance = widget.NewSelect(choices, nil)
	p.Assurance.PlaceHolder = "Not yet judged"
	if a := s.rec.Assurance; a != nil {
		p.Assurance.SetSelected(a.Level.Label())
		p.Reasons.SetText(a.Reasons)
		p.Statement.SetText(a.Statement)
	}
	p.Reasons.SetPlaceHolder("Why this assurance level")
	p.Statement.SetPlaceHolder("The overall scrutiny statement")
	form.Append("Assurance on the self-assessment", p.Assurance)
	form.Append("Reasons", p.Reasons)
	form.Append("Scrutiny statement", p.Statement)
	p.Save = widget.NewButton("Save judgements", p.save)
	p.content = container.NewVBox(widget.NewLabelWithStyle("Judgements", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), form, p.Save)
	return p
}

// Content is the panel's root object.
func (p *JudgementsPanel) Content() fyne.CanvasObject { return p.content }

// assuranceOf reads the chosen assurance level back from its words.
func assuranceOf(choice string) assessment.AssuranceLevel {
	for _, l := range assessment.AssuranceLevels {
		if l.Label() == choice {
			return l
		}
	}
	return ""
}

// save stores each theme's judgement that has a level or reasons, and the
// assurance judgement, in one save per row.
func (p *JudgementsPanel) save() {
	name := p.name()
	id := p.s.rec.Assessment.ID
	p.s.save(func(ctx context.Context) error {
		for i, th := range p.s.q.Themes {
			level := assessment.NotAssessed
			if f := strings.Fields(p.ThemeLevels[i].Selected); len(f) > 0 && p.ThemeLevels[i].Selected != noLevel {
				level, _ = strconv.Atoi(f[0])
			}
			if level == assessment.NotAssessed && strings.TrimSpace(p.ThemeReasons[i].Text) == "" {
				continue
			}
			saved, err := p.st.SaveThemeJudgement(ctx, assessment.ThemeJudgement{AssessmentID: id, ThemeID: th.ID,
				Scrutineer: name, Level: level, Reasons: p.ThemeReasons[i].Text})
			if err != nil {
				return err
			}
			k := slices.IndexFunc(p.s.rec.Judgements, func(j assessment.ThemeJudgement) bool { return j.ThemeID == th.ID })
			if k < 0 {
				p.s.rec.Judgements = append(p.s.rec.Judgements, saved)
			} else {
				p.s.rec.Judgements[k] = saved
			}
		}
		saved, err := p.st.SaveAssurance(ctx, assessment.Assurance{AssessmentID: id, Scrutineer: name,
			Level: assuranceOf(p.Assurance.Selected), Reasons: p.Reasons.Text, Statement: p.Statement.Text})
		if err != nil {
			return err
		}
		p.s.rec.Assurance = &saved
		return nil
	})
}
