package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// SaveStatus shows whether the latest edit reached the database: "Saved",
// "Saving…", or what went wrong. A failed save is never swallowed: it stays
// on screen, in words and in the error colour, until a later save succeeds.
type SaveStatus struct {
	// Label holds the text shown; tests read it.
	Label *widget.Label
	// Failed is true while the latest save failed.
	Failed bool
}

// NewSaveStatus builds an indicator that starts out saying nothing is
// unsaved.
func NewSaveStatus() *SaveStatus {
	s := &SaveStatus{Label: widget.NewLabel("All changes saved")}
	s.Label.Truncation = fyne.TextTruncateEllipsis
	return s
}

// Saving says a save is under way.
func (s *SaveStatus) Saving() { s.set("Saving…", false) }

// Done reports how the save ended: "Saved", or the error in words.
func (s *SaveStatus) Done(err error) {
	if err != nil {
		s.set("Not saved: "+err.Error(), true)
		return
	}
	s.set("Saved", false)
}

// set shows text, in the error colour when the save failed.
func (s *SaveStatus) set(text string, failed bool) {
	s.Failed = failed
	s.Label.SetText(text)
	s.Label.Importance = widget.MediumImportance
	if failed {
		s.Label.Importance = widget.DangerImportance
	}
	s.Label.Refresh()
}
