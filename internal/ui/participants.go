package ui

import (
	"context"
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/workshop"
)

// ParticipantList edits who takes part in an assessment: name, role,
// agency and who facilitates. Every change is saved at once.
type ParticipantList struct {
	s *session
	// Name, Role and Agency describe the person to add; Facilitator marks
	// them as the one who runs the workshop.
	Name, Role  *widget.Entry
	Agency      *widget.Select
	Facilitator *widget.Check
	// Add saves the person described: a new participant, or the one being
	// edited.
	Add *widget.Button
	// editing is the id of the participant being edited, or "".
	editing string
	// Problem says what was wrong with the last attempt, or is empty.
	Problem *widget.Label
	// Rows holds one row per participant.
	Rows    *fyne.Container
	content fyne.CanvasObject
}

// NewParticipantList builds the list of the session's participants.
func NewParticipantList(s *session) *ParticipantList {
	l := &ParticipantList{s: s, Name: widget.NewEntry(), Role: widget.NewEntry(), Problem: widget.NewLabel(""),
		Rows: container.NewVBox()}
	l.Name.SetPlaceHolder("Name")
	l.Role.SetPlaceHolder("Role, such as Director of Children's Services")
	var names []string
	for _, a := range s.rec.Partnership.Agencies {
		names = append(names, a.Name)
	}
	l.Agency = widget.NewSelect(names, nil)
	l.Agency.PlaceHolder = "Agency"
	l.Facilitator = widget.NewCheck("Facilitates the workshop", nil)
	l.Add = widget.NewButtonWithIcon("Add participant", theme.ContentAddIcon(), l.add)
	l.Name.OnSubmitted = func(string) { l.add() }
	l.Problem.Importance = widget.DangerImportance
	l.Problem.Wrapping = fyne.TextWrapWord
	form := container.NewVBox(
		widget.NewLabelWithStyle("Add a participant", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewGridWithColumns(2, l.Name, l.Role), container.NewGridWithColumns(2, l.Agency, l.Facilitator),
		l.Add, l.Problem)
	if s.readOnly() {
		form.Hide()
	}
	l.rebuild()
	l.content = container.NewBorder(form, nil, nil, nil, container.NewVScroll(l.Rows))
	return l
}

// Content is the list's root object.
func (l *ParticipantList) Content() fyne.CanvasObject { return l.content }

// agencyID returns the id of the agency chosen, or "".
func (l *ParticipantList) agencyID() string {
	for _, a := range l.s.rec.Partnership.Agencies {
		if a.Name == l.Agency.Selected {
			return a.ID
		}
	}
	return ""
}

// add saves the person described in the form, as a new participant or
// over the one being edited.
func (l *ParticipantList) add() {
	p := assessment.Participant{ID: l.editing, AssessmentID: l.s.rec.Assessment.ID, Name: strings.TrimSpace(l.Name.Text),
		Role: strings.TrimSpace(l.Role.Text), AgencyID: l.agencyID(), Facilitator: l.Facilitator.Checked}
	if p.Name == "" {
		l.Problem.SetText("Give the participant's name.")
		return
	}
	if len([]rune(p.Name)) > workshop.MaxNameLength {
		l.Problem.SetText("The name is too long: at most 80 characters.")
		return
	}
	var saved assessment.Participant
	if l.s.save(func(ctx context.Context) (err error) {
		if p.ID != "" {
			saved, err = l.s.store.UpdateParticipant(ctx, p)
		} else {
			saved, err = l.s.store.AddParticipant(ctx, p)
		}
		return err
	}) != nil {
		l.Problem.SetText("The participant was not saved: see the bar at the bottom.")
		return
	}
	if i := slices.IndexFunc(l.s.rec.Participants, func(x assessment.Participant) bool { return x.ID == saved.ID }); i >= 0 {
		l.s.rec.Participants[i] = saved
	} else {
		l.s.rec.Participants = append(l.s.rec.Participants, saved)
	}
	l.editing = ""
	l.Add.SetText("Add participant")
	l.Name.SetText("")
	l.Role.SetText("")
	l.Facilitator.SetChecked(false)
	l.Problem.SetText("")
	l.rebuild()
}

// edit puts a participant in the form to change them.
func (l *ParticipantList) edit(p assessment.Participant) {
	l.editing = p.ID
	l.Name.SetText(p.Name)
	l.Role.SetText(p.Role)
	l.Agency.SetSelected(l.s.agencyName(p.AgencyID))
	l.Facilitator.SetChecked(p.Facilitator)
	l.Add.SetText("Save changes")
}

// remove deletes a participant, with their votes.
func (l *ParticipantList) remove(id string) {
	if l.s.save(func(ctx context.Context) error { return l.s.store.DeleteParticipant(ctx, id) }) != nil {
		return
	}
	l.s.rec.Participants = deleteByID(l.s.rec.Participants, id)
	l.rebuild()
}

// deleteByID returns people without the one with id.
func deleteByID(people []assessment.Participant, id string) []assessment.Participant {
	out := people[:0:0]
	for _, p := range people {
		if p.ID != id {
			out = append(out, p)
		}
	}
	return out
}

// setFacilitator saves whether a participant facilitates.
func (l *ParticipantList) setFacilitator(i int, on bool) {
	p := l.s.rec.Participants[i]
	p.Facilitator = on
	var saved assessment.Participant
	if l.s.save(func(ctx context.Context) (err error) {
		saved, err = l.s.store.UpdateParticipant(ctx, p)
		return err
	}) == nil {
		l.s.rec.Participants[i] = saved
	}
}

// rebuild shows a row per participant.
func (l *ParticipantList) rebuild() {
	l.Rows.Objects = nil
	if len(l.s.rec.Participants) == 0 {
		l.Rows.Add(widget.NewLabel("No participants yet. Add them here, or they appear as they join by phone."))
	}
	for i, p := range l.s.rec.Participants {
		words := []string{p.Name}
		if p.Role != "" {
			words = append(words, p.Role)
		}
		if name := l.s.agencyName(p.AgencyID); name != "" {
			words = append(words, name)
		}
		words = append(words, p.JoinedBy.Label())
		label := widget.NewLabel(strings.Join(words, " · "))
		label.Truncation = fyne.TextTruncateEllipsis
		fac := widget.NewCheck("Facilitator", func(on bool) { l.setFacilitator(i, on) })
		fac.Checked = p.Facilitator
		edit := widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { l.edit(p) })
		remove := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { l.remove(p.ID) })
		if l.s.readOnly() {
			fac.Disable()
			edit.Hide()
			remove.Hide()
		}
		l.Rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(fac, edit, remove), label))
	}
	l.Rows.Refresh()
}

// Joined shows a participant who has just joined by phone, saved already
// by the workshop; it must run on the UI thread (through fyne.Do).
func (l *ParticipantList) Joined(p assessment.Participant) {
	if slices.ContainsFunc(l.s.rec.Participants, func(x assessment.Participant) bool { return x.ID == p.ID }) {
		return
	}
	l.s.rec.Participants = append(l.s.rec.Participants, p)
	l.rebuild()
}

// importRatings adds a partner who rated on their own copy of the app,
// with the levels of the bundle at path as their votes.
func (l *ParticipantList) importRatings(path, name string) error {
	votes, err := workshop.VotesFromFile(path, l.s.q)
	if err != nil {
		return err
	}
	if strings.TrimSpace(name) == "" {
		return errors.New("give the partner's name")
	}
	var saved assessment.Participant
	if l.s.save(func(ctx context.Context) (err error) {
		saved, err = l.s.store.ImportVotes(ctx, assessment.Participant{AssessmentID: l.s.rec.Assessment.ID,
			Name: strings.TrimSpace(name), AgencyID: l.agencyID()}, votes)
		return err
	}) != nil {
		return errors.New("the ratings were not saved: see the bar at the bottom")
	}
	l.s.rec.Participants = append(l.s.rec.Participants, saved)
	l.rebuild()
	return nil
}
