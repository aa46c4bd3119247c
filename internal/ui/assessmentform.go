package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// startBlank is the choice to start an assessment with nothing filled in.
const startBlank = "Blank"

// startFrom is the choice to start from the assessment of period.
func startFrom(period string) string {
	return "From " + period + ": carry forward its evidence, targets and open actions"
}

// AssessmentForm starts an assessment for a period with a chosen question
// set, blank or from the previous one.
type AssessmentForm struct {
	Partnership *widget.Select
	Period      *widget.Entry
	Set         *widget.Select
	Start       *widget.RadioGroup
	dialog      *formDialog
	sets        []*questionnaire.Questionnaire
}

// ShowNewAssessment opens the form, with the partnership preselected when
// partnershipID is not empty.
func (h *Home) ShowNewAssessment(partnershipID string) {
	if len(h.Views) == 0 {
		h.Status.SetText("Create a partnership first: an assessment belongs to one.")
		h.ShowNewPartnership()
		return
	}
	f, err := h.newAssessmentForm(partnershipID)
	if err != nil {
		h.Status.SetText("Could not read the question sets: " + err.Error())
		return
	}
	f.dialog.show(scaledSize(h.win, fyne.NewSize(780, 0))) // as tall as it needs
}

// newAssessmentForm builds the form for the loaded partnerships.
func (h *Home) newAssessmentForm(partnershipID string) (*AssessmentForm, error) {
	sets, err := questionnaires.Shipped()
	if err != nil {
		return nil, err
	}
	f := &AssessmentForm{Period: widget.NewEntry(), sets: sets,
		Start: widget.NewRadioGroup([]string{startBlank}, nil)}
	names := make([]string, len(h.Views))
	for i, v := range h.Views {
		names[i] = v.partnership.Name
	}
	f.Partnership = widget.NewSelect(names, func(string) { f.suggest(h) })
	f.Set = widget.NewSelect(setTitles(sets), func(string) { f.suggest(h) })
	f.Period.Validator = assessment.ValidatePeriod
	f.Period.SetPlaceHolder("e.g. 2025/26")
	f.Start.Required = true
	f.Partnership.SetSelectedIndex(0)
	for i, v := range h.Views {
		if v.partnership.ID == partnershipID {
			f.Partnership.SetSelectedIndex(i)
		}
	}
	f.Set.SetSelected(setTitles(sets)[defaultSetIndex(sets)])
	form := widget.NewForm(widget.NewFormItem("Partnership", f.Partnership),
		widget.NewFormItem("Period", f.Period), widget.NewFormItem("Question set", f.Set),
		widget.NewFormItem("Start", f.Start))
	form.Items[1].HintText = "The financial year assessed, written 2025/26"
	f.dialog = newFormDialog("New assessment", "Start assessment", container.NewVBox(form), h.win, func() string {
		return h.startAssessment(f)
	})
	return f, nil
}

// setTitles lists the question sets as shown.
func setTitles(sets []*questionnaire.Questionnaire) []string {
	titles := make([]string, len(sets))
	for i, q := range sets {
		titles[i] = fmt.Sprintf("%s (version %s)", q.Title, q.Version)
	}
	return titles
}

// defaultSetIndex finds the default question set among sets.
func defaultSetIndex(sets []*questionnaire.Questionnaire) int {
	for i, q := range sets {
		if q.ID+".yaml" == questionnaires.Default {
			return i
		}
	}
	return 0
}

// view is the partnership chosen in the form.
func (f *AssessmentForm) view(h *Home) partnershipView { return h.Views[f.Partnership.SelectedIndex()] }

// set is the question set chosen in the form.
func (f *AssessmentForm) set() *questionnaire.Questionnaire { return f.sets[f.Set.SelectedIndex()] }

// previous is the latest assessment of the chosen partnership on the chosen
// question set, if there is one.
func (f *AssessmentForm) previous(h *Home) (store.AssessmentSummary, bool) {
	if f.Partnership.SelectedIndex() < 0 || f.Set.SelectedIndex() < 0 {
		return store.AssessmentSummary{}, false
	}
	var latest store.AssessmentSummary
	for _, a := range f.view(h).assessments {
		if a.QuestionnaireID == f.set().ID && a.Period > latest.Period {
			latest = a
		}
	}
	return latest, latest.ID != ""
}

// suggest proposes the period after the latest one and a start from it.
func (f *AssessmentForm) suggest(h *Home) {
	prev, ok := f.previous(h)
	if !ok {
		f.Start.Options = []string{startBlank}
		f.Start.SetSelected(startBlank)
		f.Start.Refresh()
		return
	}
	f.Start.Options = []string{startBlank, startFrom(prev.Period)}
	f.Start.SetSelected(f.Start.Options[1])
	f.Start.Refresh()
	if next := assessment.NextPeriod(prev.Period); next != "" {
		f.Period.SetText(next)
	}
}

// startAssessment creates the assessment the form describes and opens it.
func (h *Home) startAssessment(f *AssessmentForm) string {
	if err := f.Period.Validate(); err != nil {
		return "Period: " + err.Error()
	}
	v, q := f.view(h), f.set()
	if err := h.store.SaveQuestionnaire(h.ctx, q); err != nil {
		return "The question set could not be stored: " + err.Error()
	}
	var a assessment.Assessment
	var err error
	if prev, ok := f.previous(h); ok && f.Start.Selected != startBlank {
		a, err = h.store.StartFromPrevious(h.ctx, prev.ID, f.Period.Text)
	} else {
		a, err = h.store.CreateAssessment(h.ctx, assessment.Assessment{PartnershipID: v.partnership.ID,
			QuestionnaireID: q.ID, QuestionnaireVersion: q.Version, Period: f.Period.Text, Status: assessment.Draft})
	}
	if errors.Is(err, store.ErrDuplicate) {
		return fmt.Sprintf("%s already has a %s assessment on this question set.", v.partnership.Name, f.Period.Text)
	}
	if err != nil {
		return "Not started: " + err.Error()
	}
	h.Load(nil)
	h.open(a.ID)
	return ""
}
