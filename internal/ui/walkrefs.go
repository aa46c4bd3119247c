// The walkthrough's evidence references: listed, added and removed beside a question.

package ui

import (
	"context"
	"slices"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// fillRefs lists the current question's evidence references.
func (w *Walkthrough) fillRefs() {
	qid := w.questions[w.current].question.ID
	w.Refs.RemoveAll()
	w.RemoveRefs = w.RemoveRefs[:0]
	for _, e := range w.s.rec.EvidenceRefs {
		if e.QuestionID != qid {
			continue
		}
		text := e.Title
		if e.Location != "" {
			text += " — " + e.Location
		}
		if e.CarriedForward {
			text += " (carried forward from " + w.previousPeriod() + ")"
		}
		id := e.ID
		remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { w.removeRef(id) })
		if w.s.readOnly() {
			remove.Disable()
		}
		w.RemoveRefs = append(w.RemoveRefs, remove)
		w.Refs.Add(container.NewBorder(nil, nil, nil, remove, wrapLabel(text)))
	}
	if len(w.RemoveRefs) == 0 {
		none := widget.NewLabel("No references yet.")
		none.Importance = widget.LowImportance
		w.Refs.Add(none)
	}
}

// addRef saves the reference described in RefTitle and RefLocation.
func (w *Walkthrough) addRef() {
	if w.s.readOnly() {
		return
	}
	title, location := strings.TrimSpace(w.RefTitle.Text), strings.TrimSpace(w.RefLocation.Text)
	if title == "" {
		w.RefProblem.SetText("Give the reference a title.")
		w.RefProblem.Show()
		return
	}
	w.RefProblem.Hide()
	e := assessment.EvidenceRef{AssessmentID: w.s.rec.Assessment.ID, QuestionID: w.questions[w.current].question.ID,
		Title: title, Location: location}
	err := w.s.save(func(ctx context.Context) error {
		saved, err := w.s.store.AddEvidenceRef(ctx, e)
		if err != nil {
			return err
		}
		w.s.rec.EvidenceRefs = append(w.s.rec.EvidenceRefs, saved)
		return nil
	})
	if err == nil {
		walkSetEntry(w.RefTitle, "")
		walkSetEntry(w.RefLocation, "")
		w.fillRefs()
	}
}

// removeRef deletes an evidence reference.
func (w *Walkthrough) removeRef(id string) {
	if w.s.readOnly() {
		return
	}
	err := w.s.save(func(ctx context.Context) error {
		if err := w.s.store.DeleteEvidenceRef(ctx, id); err != nil {
			return err
		}
		w.s.rec.EvidenceRefs = slices.DeleteFunc(w.s.rec.EvidenceRefs, func(e assessment.EvidenceRef) bool { return e.ID == id })
		return nil
	})
	if err == nil {
		w.fillRefs()
	}
}
