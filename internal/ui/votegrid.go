package ui

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/workshop"
)

// VoteGrid is the facilitator's participant × level grid for the current
// question, for rooms where phones cannot reach the laptop: ↑ and ↓ choose
// a participant, 1–5 enter their level and 0 "not sure".
type VoteGrid struct {
	w *workshop.Workshop
	// Selected is the row the keys enter a vote for.
	Selected int
	// Rows holds a row per voter: name, then a button per level.
	Rows *fyne.Container
	// Problem says why the last vote was refused, or is empty.
	Problem *widget.Label
	after   func()
	content fyne.CanvasObject
	ballots []workshop.Ballot
}

// NewVoteGrid builds the grid; after runs once a vote is entered.
func NewVoteGrid(w *workshop.Workshop, after func()) *VoteGrid {
	g := &VoteGrid{w: w, Rows: container.NewVBox(), Problem: widget.NewLabel(""), after: after}
	g.Problem.Importance = widget.DangerImportance
	help := widget.NewLabel("Entering votes on the laptop: ↑ ↓ choose a participant, 1–5 their level, 0 not sure; G returns to the room's view.")
	help.Wrapping = fyne.TextWrapWord
	g.content = container.NewVBox(help, g.Rows, g.Problem)
	return g
}

// Content is the grid's root object.
func (g *VoteGrid) Content() fyne.CanvasObject { return g.content }

// refresh shows the current round's ballots.
func (g *VoteGrid) refresh(snap workshop.Snapshot) {
	g.ballots = snap.Ballots
	g.Selected = min(max(g.Selected, 0), max(len(g.ballots)-1, 0))
	g.Rows.Objects = nil
	if len(g.ballots) == 0 {
		g.Rows.Add(widget.NewLabel("No participants yet: add them on the Workshop tab."))
	}
	for i, b := range g.ballots {
		name := b.Participant.Name + " (" + b.Group.Code + ")"
		if i == g.Selected {
			name = "▶ " + name
		}
		row := container.NewHBox(fixedWidth(widget.NewLabel(name), 320))
		for _, l := range append([]int{1, 2, 3, 4, 5}, assessment.NotAssessed) {
			text := strconv.Itoa(l)
			if l == assessment.NotAssessed {
				text = "Not sure"
			}
			btn := widget.NewButton(text, func() { g.enter(i, l) })
			if b.Voted && b.Level == l {
				btn.Importance = widget.HighImportance
				btn.SetText(text + " ✓")
			}
			if snap.Revealed {
				btn.Disable()
			}
			row.Add(btn)
		}
		g.Rows.Add(row)
	}
	g.Rows.Refresh()
}

// enter records level for the i'th voter.
func (g *VoteGrid) enter(i, level int) {
	if i >= len(g.ballots) {
		return
	}
	g.Selected = i
	g.Problem.SetText("")
	if err := g.w.EnterVote(context.Background(), g.ballots[i].Participant.ID, level, ""); err != nil {
		g.Problem.SetText(fmt.Sprintf("%s's vote was not saved: %v", g.ballots[i].Participant.Name, err))
	}
	g.after()
}

// TypedKey handles the grid's keys and reports whether it used the key.
func (g *VoteGrid) TypedKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyUp:
		g.Selected = max(g.Selected-1, 0)
	case fyne.KeyDown:
		g.Selected = min(g.Selected+1, max(len(g.ballots)-1, 0))
	case fyne.Key0:
		g.enter(g.Selected, assessment.NotAssessed)
		return true
	case fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5:
		g.enter(g.Selected, int(ev.Name[0]-'0'))
		return true
	default:
		return false
	}
	g.after()
	return true
}
