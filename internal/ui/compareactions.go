// Compare years: what became of last year's actions.

package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/english"
)

// showActions says what became of the actions of the period before the
// newest, and lists them with each carried action's history.
func (c *CompareScreen) showActions(res *comparison) {
	r := res.Review
	_, after := res.lastTwo()
	c.Actions = container.NewVBox()
	if len(r.Items) == 0 {
		c.ActionCounts = wrapLabel(fmt.Sprintf("The %s assessment had no actions.", r.Period))
		return
	}
	var counts []string
	for _, f := range fateOrder {
		counts = append(counts, fmt.Sprintf("%d %s", r.Counts[f], f))
	}
	c.ActionCounts = wrapLabel(fmt.Sprintf("%s had %s. By %s: %s. %d overdue on %s.", r.Period, english.Count(len(r.Items), "action"), after,
		strings.Join(counts, ", "), r.Overdue, longDay(res.Day)))
	periods := map[string]string{}
	for _, rec := range res.Records {
		periods[rec.Assessment.ID] = rec.Assessment.Period
	}
	items := slices.Clone(r.Items)
	slices.SortStableFunc(items, func(a, b assessment.ActionFate) int {
		return cmp.Compare(slices.Index(fateOrder, a.Fate), slices.Index(fateOrder, b.Fate))
	})
	for _, it := range items {
		c.Actions.Objects = append(c.Actions.Objects, c.actionRow(it, periods))
	}
}

// fateIcon is the symbol shown beside a fate.
func fateIcon(f assessment.Fate) fyne.Resource {
	switch f {
	case assessment.Completed:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case assessment.DroppedFate:
		return theme.CancelIcon()
	case assessment.CarriedForward:
		return theme.MailForwardIcon()
	}
	return theme.NewWarningThemedResource(theme.WarningIcon())
}

// actionRow is one of last year's actions: its fate, title, ref, owner,
// status then and now, and, when carried, its history through the periods.
func (c *CompareScreen) actionRow(it assessment.ActionFate, periods map[string]string) fyne.CanvasObject {
	a := it.Action
	fate := it.Fate.Label()
	owner := cmp.Or(a.Owner, "no owner named")
	if name := c.agencyName(a.OwnerAgencyID); name != "" {
		owner += " (" + name + ")"
	}
	lines := []string{"Owner: " + owner + " · in " + periods[a.AssessmentID] + ": " + actionState(a)}
	if a.Ref > 0 {
		lines[0] = a.Ref.String() + " · " + lines[0]
	}
	if it.Now != nil {
		lines = append(lines, "Now, in "+periods[it.Now.AssessmentID]+": "+actionState(*it.Now))
	}
	if len(it.History) > 1 {
		var steps []string
		for _, h := range it.History {
			steps = append(steps, cmp.Or(periods[h.AssessmentID], "an assessment not compared")+": "+string(h.Status))
		}
		lines = append(lines, "History: "+strings.Join(steps, "; then "))
	} else if a.CarriedFromID != "" {
		lines = append(lines, "Carried into "+periods[a.AssessmentID]+" from an earlier assessment not compared here.")
	}
	if a.Outcome != "" && it.Now == nil {
		lines = append(lines, "Outcome: "+a.Outcome)
	}
	text := widget.NewRichText(
		&widget.TextSegment{Text: fate + ": " + a.Title, Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: strings.Join(lines, "\n"), Style: widget.RichTextStyleParagraph})
	text.Wrapping = fyne.TextWrapWord
	var flag fyne.CanvasObject
	if it.Overdue {
		l := widget.NewLabelWithStyle("OVERDUE", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		l.Importance = widget.DangerImportance
		flag = l
	}
	icon := widget.NewIcon(fateIcon(it.Fate))
	return container.NewBorder(nil, widget.NewSeparator(), container.NewVBox(icon), flag, text)
}

// actionState is an action's status and due date: "in progress, due 30 Sep 2025".
func actionState(a assessment.Action) string {
	s := cmp.Or(string(a.Status), "status not set")
	if !a.Due.IsZero() {
		s += ", due " + a.Due.Format("2 Jan 2006")
	}
	return s
}

// agencyName names one of the partnership's agencies, or "".
func (c *CompareScreen) agencyName(id string) string {
	for _, a := range c.partnership.Agencies {
		if a.ID == id {
			return a.Name
		}
	}
	return ""
}
