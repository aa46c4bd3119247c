package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// walkDebounce is how long the walkthrough waits after the last keystroke
// in a text field before it saves the text.
const walkDebounce = 600 * time.Millisecond

// walkQuestion places one question of the set: its theme and itself.
type walkQuestion struct {
	theme    int
	question questionnaire.Question
}

// Walkthrough takes the partnership through the question set one question
// at a time: the question word for word with its source, the maturity scale
// with the theme's guidance, the agreed level, target, confidence, evidence
// and notes. Every change is saved at once through the session; text is
// saved 600 ms after the last keystroke and whenever the question changes.
type Walkthrough struct {
	s         *session
	questions []walkQuestion
	current   int

	// Strip has a button per question, grouped by theme: a tick when the
	// question has an agreed level, an empty circle when not; the current
	// one is highlighted and underlined. Tapping one shows that question.
	Strip []*widget.Button
	// stripMarks underline the current question's strip button.
	stripMarks []*walkPatch

	// Position says "Question 7 of 18"; ThemeName the theme it belongs to.
	Position, ThemeName *widget.Label
	// Question is the question word for word; Source where it is quoted from.
	Question, Source *widget.Label
	// Purpose is the theme's purpose in the Panel's words, with its section.
	Purpose *widget.Label
	// ReadOnlyNote says why nothing can be changed; shown when signed off.
	ReadOnlyNote *widget.Label

	// Levels are the scale's levels in order; NotAssessed clears the level.
	Levels      []*LevelChoice
	NotAssessed *LevelChoice

	// LastYear shows last year's level, target and evidence when the
	// assessment was started from a previous one.
	LastYear                                   *fyne.Container
	LastYearTitle, LastYearLevel, LastYearText *widget.Label

	// Target is the level aimed for; option 0 is "Not set".
	Target *widget.Select
	// Confidence is low, medium or high; nothing selected means not said.
	Confidence *widget.RadioGroup
	// CarriedNote says the text came from last year and wants reviewing.
	CarriedNote *widget.Label
	// The response's text fields.
	Evidence, Strengths, Areas, Rationale *FocusEntry
	// KeyMode says plainly what the number keys do now: set the agreed
	// level, or type into the field that has the keyboard.
	KeyMode *widget.Label

	// Refs lists the question's evidence references; RemoveRefs holds the
	// remove button of each, in the same order.
	Refs       *fyne.Container
	RemoveRefs []*widget.Button
	// RefTitle and RefLocation describe a reference to add with AddRef;
	// RefProblem says what is missing.
	RefTitle, RefLocation *widget.Entry
	AddRef                *widget.Button
	RefProblem            *widget.Label

	// readOnlyText shows each field's saved value as plain, readable text
	// in place of its (disabled) editor when the assessment is signed off.
	readOnlyText map[fyne.CanvasObject]*widget.Label
	// editorBox is what puts each field's editor on the page: the editor
	// under a layer that passes the mouse wheel to the page.
	editorBox map[fyne.CanvasObject]fyne.CanvasObject
	refAdd    fyne.CanvasObject

	// PreviousButton and NextButton move through the questions.
	PreviousButton, NextButton *widget.Button

	left, right *container.Scroll
	content     fyne.CanvasObject

	// loading is true while the widgets are being filled from the record,
	// so their change callbacks do not save.
	loading bool
	// debounce is the wait before typed text is saved; gen invalidates
	// timers that were overtaken by a later keystroke or a flush.
	debounce time.Duration
	timer    *time.Timer
	gen      int
	// do runs a timer's work on the UI goroutine: fyne.Do, which tests
	// replace because the test driver runs it on the caller's goroutine.
	do func(func())
}

// NewWalkthrough builds the walkthrough of the session's assessment,
// showing its first question.
func NewWalkthrough(s *session) *Walkthrough {
	w := &Walkthrough{s: s, debounce: walkDebounce, do: fyne.Do}
	for ti, t := range s.q.Themes {
		for _, qu := range t.Questions {
			w.questions = append(w.questions, walkQuestion{theme: ti, question: qu})
		}
	}
	w.build()
	s.onChange(w.refreshAfterSave)
	if len(w.questions) > 0 {
		w.show(0)
	}
	return w
}

// Content is the screen's root object.
func (w *Walkthrough) Content() fyne.CanvasObject { return w.content }

// Current is the index of the question shown, across the whole set.
func (w *Walkthrough) Current() int { return w.current }

// Next shows the next question, if there is one.
func (w *Walkthrough) Next() { w.Show(w.current + 1) }

// Previous shows the previous question, if there is one.
func (w *Walkthrough) Previous() { w.Show(w.current - 1) }

// Show saves any unsaved text and shows the question at index (counted
// across the whole set); an index out of range is ignored.
func (w *Walkthrough) Show(index int) {
	if index < 0 || index >= len(w.questions) {
		return
	}
	w.Flush()
	if w.s.win != nil {
		w.s.win.Canvas().Unfocus() // the number keys set the level again
	}
	w.show(index)
	w.left.ScrollToTop()
	w.right.ScrollToTop()
}

// signedOffNote says that a signed-off assessment is locked, why, and who
// signed it off and when.
func signedOffNote(s *session) string {
	var who []string
	for _, so := range s.rec.SignOffs {
		name := so.Name
		if so.Role != "" {
			name += ", " + so.Role
		}
		if agency := s.agencyName(so.AgencyID); agency != "" {
			name += " (" + agency + ")"
		}
		who = append(who, name+" on "+so.SignedAt.Format("2 January 2006"))
	}
	by := ""
	if len(who) > 0 {
		by = " by " + strings.Join(who, "; ")
	}
	return "Locked: this assessment was signed off" + by + ", so nothing here can be changed — the database refuses " +
		"changes to a signed-off record. To work on it again, start next year's assessment from it."
}

// focusChanged shows what the number keys do now that e gained or lost
// the keyboard.
func (w *Walkthrough) focusChanged(e *FocusEntry, focused bool) {
	if focused {
		w.setKeyMode(e.Name)
		return
	}
	w.setKeyMode("")
}

// setKeyMode says what the number keys do: set the level, or, while the
// field named typing has the keyboard, type there.
func (w *Walkthrough) setKeyMode(typing string) {
	switch {
	case w.s.readOnly():
		w.KeyMode.SetText("Locked: signed off, so the level cannot change")
		w.KeyMode.Importance = widget.WarningImportance
	case typing != "":
		w.KeyMode.SetText("Keys type into " + typing + " — press Esc, then 1–5 set the level")
		w.KeyMode.Importance = widget.MediumImportance
	default:
		w.KeyMode.SetText("Press 1–5 to set it, 0 to clear it, or click a level")
		w.KeyMode.Importance = widget.SuccessImportance
	}
	w.KeyMode.Refresh()
}

// Reload saves any unsaved text and shows the current question again from
// the session, for when another screen changed it.
func (w *Walkthrough) Reload() {
	w.Flush()
	w.show(w.current)
}

// TypedKey handles the walkthrough's keys: 1–5 (any level of the scale)
// choose the agreed level, 0 clears it, Page Up and Page Down move to the
// previous and next question. It reports whether it acted on the key.
func (w *Walkthrough) TypedKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyPageUp:
		w.Previous()
		return true
	case fyne.KeyPageDown:
		w.Next()
		return true
	}
	name := string(ev.Name)
	if len(name) != 1 || name[0] < '0' || name[0] > '9' || w.s.readOnly() {
		return false
	}
	level := int(name[0] - '0')
	if level != assessment.NotAssessed {
		if _, ok := w.s.q.Level(level); !ok {
			return false
		}
	}
	w.setLevel(level)
	return true
}

// Flush saves text typed into the current question that is not saved yet.
// It is called on every question switch; call it too before the tab
// changes or the window closes.
func (w *Walkthrough) Flush() {
	w.gen++
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	if w.s.readOnly() || len(w.questions) == 0 {
		return
	}
	w.saveEdit(func(*assessment.Response) {})
}

// build makes every widget and lays the screen out.
func (w *Walkthrough) build() {
	w.Position = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.ThemeName = widget.NewLabel("")
	w.ThemeName.Truncation = fyne.TextTruncateEllipsis
	w.Question = wrapLabel("")
	w.Question.SizeName = theme.SizeNameSubHeadingText
	w.Question.TextStyle = fyne.TextStyle{Bold: true}
	w.Source = widget.NewLabel("")
	w.Source.TextStyle = fyne.TextStyle{Italic: true}
	w.Purpose = wrapLabel("")
	w.ReadOnlyNote = wrapLabel(signedOffNote(w.s))
	w.ReadOnlyNote.Importance = widget.WarningImportance
	w.ReadOnlyNote.TextStyle = fyne.TextStyle{Bold: true}

	w.buildStrip()

	for _, l := range w.s.q.Scale.Levels {
		w.Levels = append(w.Levels, newLevelChoice(l.Value, fmt.Sprintf("%d · %s", l.Value, l.Label), l.Descriptor, w.setLevel))
	}
	w.NotAssessed = newLevelChoice(assessment.NotAssessed, "0 · Not assessed", "No agreed level yet.", w.setLevel)

	targets := []string{"Not set"}
	for _, l := range w.s.q.Scale.Levels {
		targets = append(targets, fmt.Sprintf("%d · %s", l.Value, l.Label))
	}
	w.Target = widget.NewSelect(targets, func(string) { w.setTarget() })
	w.Confidence = widget.NewRadioGroup([]string{"Low", "Medium", "High"}, func(string) { w.setConfidence() })
	w.Confidence.Horizontal = true

	w.CarriedNote = wrapLabel("")
	w.CarriedNote.Importance = widget.WarningImportance
	w.CarriedNote.TextStyle = fyne.TextStyle{Bold: true}
	w.KeyMode = wrapLabel("")
	w.KeyMode.TextStyle = fyne.TextStyle{Bold: true}
	w.Evidence = w.textEntry("Evidence", "What shows the level: documents, data, audits, what children, families and practitioners say", 5)
	w.Strengths = w.textEntry("Strengths", "What works well", 3)
	w.Areas = w.textEntry("Areas for development", "What needs to develop", 3)
	w.Rationale = w.textEntry("Rationale", "Why the partnership agreed this level", 3)

	w.LastYearTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.LastYearLevel = wrapLabel("")
	w.LastYearText = wrapLabel("")
	lastYearBox := newWalkPatch(theme.ColorNameInputBackground, theme.InputRadiusSize(), fyne.Size{})
	w.LastYear = container.NewStack(lastYearBox, container.NewPadded(container.NewVBox(w.LastYearTitle, w.LastYearLevel, w.LastYearText)))

	w.Refs = container.NewVBox()
	w.RefTitle = widget.NewEntry()
	w.RefTitle.SetPlaceHolder("Document title")
	w.RefLocation = widget.NewEntry()
	w.RefLocation.SetPlaceHolder("Link, path or reference")
	w.AddRef = widget.NewButtonWithIcon("Add reference", theme.ContentAddIcon(), w.addRef)
	w.RefProblem = wrapLabel("")
	w.RefProblem.Importance = widget.DangerImportance
	w.RefProblem.Hide()

	w.PreviousButton = widget.NewButtonWithIcon("Previous question", theme.NavigateBackIcon(), w.Previous)
	w.NextButton = widget.NewButtonWithIcon("Next question", theme.NavigateNextIcon(), w.Next)
	w.NextButton.IconPlacement = widget.ButtonIconTrailingText

	levelHint := wrapLabel("The scale and the guidance for each level are this app's own, not the Panel's words.")
	levelHint.SizeName = theme.SizeNameCaptionText
	levels := container.NewVBox(container.NewBorder(nil, nil, boldLabel("Agreed level"), nil, w.KeyMode))
	for _, c := range w.Levels {
		levels.Add(c)
	}
	levels.Add(w.NotAssessed)
	leftBody := container.NewVBox(levels, levelHint, widget.NewSeparator(), w.Purpose)
	w.left = container.NewVScroll(container.NewPadded(leftBody))

	w.refAdd = container.NewBorder(nil, nil, nil, container.NewVBox(w.AddRef), container.NewVBox(w.RefTitle, w.RefLocation))
	w.readOnlyText = map[fyne.CanvasObject]*widget.Label{}
	w.editorBox = map[fyne.CanvasObject]fyne.CanvasObject{}
	w.right = container.NewVScroll(nil) // the fields pass the wheel to it
	rightBody := container.NewVBox(
		w.LastYear,
		w.field("Target level", w.Target),
		w.field("Confidence in the agreed level", w.Confidence),
		w.CarriedNote,
		w.field("Evidence", w.Evidence),
		walkField("Evidence references", container.NewVBox(w.Refs, w.refAdd, w.RefProblem)),
		w.field("Strengths", w.Strengths),
		w.field("Areas for development", w.Areas),
		w.field("Rationale for the agreed level", w.Rationale),
	)
	w.right.Content = container.NewPadded(rightBody)

	split := container.NewHSplit(w.left, w.right)
	split.SetOffset(0.58) // the scale gets the room: all of it fits at once

	strip := container.NewHBox()
	for ti, t := range w.s.q.Themes {
		group := container.NewHBox()
		for i, q := range w.questions {
			if q.theme == ti {
				group.Add(container.NewVBox(w.Strip[i], w.stripMarks[i]))
			}
		}
		name := widget.NewLabel(t.Title)
		name.Truncation = fyne.TextTruncateEllipsis
		name.SizeName = theme.SizeNameCaptionText
		strip.Add(container.NewBorder(name, nil, nil, nil, group))
		if ti < len(w.s.q.Themes)-1 {
			strip.Add(widget.NewSeparator())
		}
	}
	w.Source.Truncation = fyne.TextTruncateEllipsis
	w.Source.Alignment = fyne.TextAlignTrailing
	position := container.NewBorder(nil, nil, w.Position, nil, container.NewGridWithColumns(2, w.ThemeName, w.Source))
	top := container.NewVBox(container.NewHScroll(strip), w.ReadOnlyNote, position, w.Question)
	w.s.saved.Label.Alignment = fyne.TextAlignCenter
	nav := container.NewBorder(nil, nil, w.PreviousButton, w.NextButton, w.s.saved.Label)
	w.content = container.NewBorder(top, container.NewVBox(widget.NewSeparator(), nav), nil, nil, split)
}

// buildStrip makes the progress strip's buttons and their underlines.
func (w *Walkthrough) buildStrip() {
	for i := range w.questions {
		b := widget.NewButton(fmt.Sprint(i+1), func() { w.Show(i) })
		w.Strip = append(w.Strip, b)
		w.stripMarks = append(w.stripMarks, newWalkPatch("", 0, fyne.NewSize(1, 3)))
	}
}

// field puts a heading above an editor and, for a signed-off assessment,
// the plain text that stands in for it. The mouse wheel over the editor
// scrolls the fields, not the text inside it.
func (w *Walkthrough) field(title string, editor fyne.CanvasObject) fyne.CanvasObject {
	text := wrapLabel("")
	text.Hide()
	w.readOnlyText[editor] = text
	w.editorBox[editor] = overWheel(editor, w.right, nil)
	return container.NewVBox(boldLabel(title), w.editorBox[editor], text)
}

// textEntry makes a multi-line, word-wrapped field named name that saves
// as typed and says when it has the keyboard.
func (w *Walkthrough) textEntry(name, placeholder string, rows int) *FocusEntry {
	e := newFocusEntry(name, w.focusChanged, func() fyne.Window { return w.s.win })
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(rows)
	e.OnChanged = w.textChanged
	return e
}

// show fills every widget from the session for the question at index.
func (w *Walkthrough) show(index int) {
	w.loading = true
	defer func() { w.loading = false }()
	w.current = index
	wq := w.questions[index]
	t := w.s.q.Themes[wq.theme]
	r := w.s.response(wq.question.ID)

	walkSetText(w.Position, fmt.Sprintf("Question %d of %d", index+1, len(w.questions)))
	walkSetText(w.ThemeName, fmt.Sprintf("Theme %d of %d: %s", wq.theme+1, len(w.s.q.Themes), t.Title))
	walkSetText(w.Question, "“"+wq.question.Text+"”")
	walkSetText(w.Source, walkSection(wq.question.Section)+" · "+w.s.q.Source.Title)
	walkSetText(w.Purpose, fmt.Sprintf("%s — purpose of the theme, in the Panel's words (%s): “%s”",
		t.Title, t.PurposeSection, t.Purpose))

	for _, c := range w.Levels {
		c.setGuidance(walkGuidance(t, c.Value))
	}
	w.fillLastYear(wq.question.ID)
	w.fillResponse(r)
	walkSetEntry(&w.Evidence.Entry, r.Evidence)
	walkSetEntry(&w.Strengths.Entry, r.Strengths)
	walkSetEntry(&w.Areas.Entry, r.AreasForDevelopment)
	walkSetEntry(&w.Rationale.Entry, r.Rationale)
	walkSetEntry(w.RefTitle, "")
	walkSetEntry(w.RefLocation, "")
	w.RefProblem.Hide()
	w.fillRefs()
	w.refreshStrip()
	w.PreviousButton.Enable()
	w.NextButton.Enable()
	if index == 0 {
		w.PreviousButton.Disable()
	}
	if index == len(w.questions)-1 {
		w.NextButton.Disable()
	}
	w.applyReadOnly()
	w.relayout()
}

// relayout lays the screen out again at its size, so the heights of
// wrapped text that changed with the question are taken into account at
// once (the test driver does not do this by itself).
func (w *Walkthrough) relayout() {
	if c, ok := w.content.(*fyne.Container); ok && !c.Size().IsZero() {
		c.Layout.Layout(c.Objects, c.Size())
	}
}

// fillResponse shows the saved level, target, confidence and carried-forward
// note of r; the text fields are left alone, so typing is never lost.
func (w *Walkthrough) fillResponse(r assessment.Response) {
	was := w.loading
	w.loading = true
	defer func() { w.loading = was }()
	for _, c := range w.Levels {
		c.setSelected(c.Value == r.Level)
	}
	w.NotAssessed.setSelected(r.Level == assessment.NotAssessed)
	target := 0
	for i, l := range w.s.q.Scale.Levels {
		if l.Value == r.Target {
			target = i + 1
		}
	}
	if w.Target.SelectedIndex() != target {
		w.Target.SetSelectedIndex(target)
	}
	if confidence := r.Confidence.Label(); w.Confidence.Selected != confidence {
		w.Confidence.SetSelected(confidence)
	}
	if w.s.readOnly() {
		w.fillReadOnlyText(r)
	}
	if r.CarriedForward {
		walkSetText(w.CarriedNote, fmt.Sprintf("Carried forward from %s — review and update", w.previousPeriod()))
		w.CarriedNote.Show()
	} else {
		w.CarriedNote.Hide()
	}
}

// fillReadOnlyText shows the saved answer as text in place of the editors.
func (w *Walkthrough) fillReadOnlyText(r assessment.Response) {
	orNone := func(text, none string) string {
		if strings.TrimSpace(text) == "" {
			return none
		}
		return text
	}
	target := "Not set"
	if r.Target != assessment.NotAssessed {
		target = w.levelName(r.Target)
	}
	walkSetText(w.readOnlyText[w.Target], target)
	walkSetText(w.readOnlyText[w.Confidence], orNone(w.Confidence.Selected, "Not said"))
	walkSetText(w.readOnlyText[w.Evidence], orNone(r.Evidence, "None recorded."))
	walkSetText(w.readOnlyText[w.Strengths], orNone(r.Strengths, "None recorded."))
	walkSetText(w.readOnlyText[w.Areas], orNone(r.AreasForDevelopment, "None recorded."))
	walkSetText(w.readOnlyText[w.Rationale], orNone(r.Rationale, "None recorded."))
}

// previousPeriod names the assessment this one was started from.
func (w *Walkthrough) previousPeriod() string {
	if w.s.prev != nil {
		return w.s.prev.Assessment.Period
	}
	return "the previous assessment"
}

// fillLastYear shows last year's answer to the question, or hides the box
// when the assessment was not started from a previous one.
func (w *Walkthrough) fillLastYear(questionID string) {
	if w.s.prev == nil {
		w.LastYear.Hide()
		return
	}
	w.LastYear.Show()
	walkSetText(w.LastYearTitle, "Last year ("+w.s.prev.Assessment.Period+")")
	prev, ok := w.s.previousResponse(questionID)
	if !ok {
		walkSetText(w.LastYearLevel, "Agreed level: not assessed")
		walkSetText(w.LastYearText, "Evidence: none recorded")
		return
	}
	line := "Agreed level: " + w.levelName(prev.Level)
	if prev.Target != assessment.NotAssessed {
		line += " · target " + w.levelName(prev.Target)
	}
	if prev.Confidence != "" {
		line += " · confidence " + string(prev.Confidence)
	}
	walkSetText(w.LastYearLevel, line)
	evidence := strings.TrimSpace(prev.Evidence)
	if evidence == "" {
		evidence = "none recorded"
	}
	walkSetText(w.LastYearText, "Evidence: "+evidence)
}

// levelName is "3 · Developing", or "not assessed".
func (w *Walkthrough) levelName(level int) string {
	if l, ok := w.s.q.Level(level); ok {
		return fmt.Sprintf("%d · %s", l.Value, l.Label)
	}
	return "not assessed"
}

// refreshStrip marks each strip button done or not and highlights the
// current question.
func (w *Walkthrough) refreshStrip() {
	done := make(map[string]bool, len(w.s.rec.Responses))
	for _, r := range w.s.rec.Responses {
		done[r.QuestionID] = r.Level != assessment.NotAssessed
	}
	for i, b := range w.Strip {
		icon := theme.RadioButtonIcon()
		if done[w.questions[i].question.ID] {
			icon = theme.ConfirmIcon()
		}
		importance := widget.MediumImportance
		var mark fyne.ThemeColorName
		if i == w.current {
			importance = widget.HighImportance
			mark = theme.ColorNameForeground
		}
		if b.Icon != icon || b.Importance != importance {
			b.Icon, b.Importance = icon, importance
			b.Refresh()
		}
		w.stripMarks[i].setColour(mark)
	}
}

// refreshAfterSave runs after any saved edit to the assessment.
func (w *Walkthrough) refreshAfterSave() {
	w.refreshStrip()
}

// applyReadOnly disables every control when the assessment is signed off.
func (w *Walkthrough) applyReadOnly() {
	ro := w.s.readOnly()
	walkShow(w.ReadOnlyNote, ro)
	w.setKeyMode("")
	for _, c := range append(slices.Clip(w.Levels), w.NotAssessed) {
		c.setDisabled(ro)
	}
	for _, d := range []fyne.Disableable{w.Target, w.Confidence, w.Evidence, w.Strengths, w.Areas, w.Rationale, w.RefTitle, w.RefLocation, w.AddRef} {
		if ro {
			d.Disable()
		} else {
			d.Enable()
		}
	}
	// Disabled editors draw their text faintly: show it as plain text.
	for editor, text := range w.readOnlyText {
		walkShow(w.editorBox[editor], !ro)
		walkShow(text, ro)
	}
	walkShow(w.refAdd, !ro)
	for _, b := range w.RemoveRefs {
		if ro {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// textChanged saves typed text once typing pauses.
func (w *Walkthrough) textChanged(string) {
	if w.loading {
		return
	}
	w.gen++
	gen := w.gen
	if w.timer != nil {
		w.timer.Stop()
	}
	do := w.do
	w.timer = time.AfterFunc(w.debounce, func() {
		do(func() {
			if gen == w.gen {
				w.Flush()
			}
		})
	})
}

// setLevel saves level as the agreed level of the current question.
func (w *Walkthrough) setLevel(level int) {
	if w.loading || w.s.readOnly() || len(w.questions) == 0 {
		return
	}
	w.saveEdit(func(r *assessment.Response) { r.Level = level })
}

// setTarget saves the target chosen in Target.
func (w *Walkthrough) setTarget() {
	if w.loading {
		return
	}
	target := assessment.NotAssessed
	if i := w.Target.SelectedIndex(); i > 0 {
		target = w.s.q.Scale.Levels[i-1].Value
	}
	w.saveEdit(func(r *assessment.Response) { r.Target = target })
}

// setConfidence saves the confidence chosen in Confidence.
func (w *Walkthrough) setConfidence() {
	if w.loading {
		return
	}
	confidence := assessment.Confidence(strings.ToLower(w.Confidence.Selected))
	w.saveEdit(func(r *assessment.Response) { r.Confidence = confidence })
}

// saveEdit saves the current question's response with the text fields as
// shown and change applied, unless nothing differs from what is saved.
// Afterwards the level, target and confidence show what is saved: on a
// failed save they go back, while typed text stays for the next try.
func (w *Walkthrough) saveEdit(change func(*assessment.Response)) {
	if w.s.readOnly() {
		w.fillResponse(w.s.response(w.questions[w.current].question.ID))
		return
	}
	old := w.s.response(w.questions[w.current].question.ID)
	r := old
	r.Evidence, r.Strengths, r.AreasForDevelopment, r.Rationale = w.Evidence.Text, w.Strengths.Text, w.Areas.Text, w.Rationale.Text
	change(&r)
	if r.Level != old.Level || r.Target != old.Target || r.Confidence != old.Confidence ||
		r.Evidence != old.Evidence || r.Strengths != old.Strengths ||
		r.AreasForDevelopment != old.AreasForDevelopment || r.Rationale != old.Rationale {
		w.s.saveResponse(r)
	}
	w.fillResponse(w.s.response(r.QuestionID))
}

// walkSection names a source section: "Paragraph 10.2" for a bare number,
// else the section as given with a capital first letter.
func walkSection(section string) string { return questionnaire.SectionLabel(section) }

// walkGuidance is the theme's "what this looks like" text for a level.
func walkGuidance(t questionnaire.Theme, level int) string {
	for _, g := range t.LooksLike {
		if g.Level == level {
			return strings.TrimSpace(g.Text)
		}
	}
	return ""
}

// walkSetText changes a label's text only when it differs: every change
// re-measures wrapped text, the costliest part of switching question.
func walkSetText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// walkSetEntry changes an entry's text only when it differs.
func walkSetEntry(e *widget.Entry, text string) {
	if e.Text != text {
		e.SetText(text)
	}
}

// walkShow shows or hides o, doing nothing when it already is.
func walkShow(o fyne.CanvasObject, show bool) {
	switch {
	case show && !o.Visible():
		o.Show()
	case !show && o.Visible():
		o.Hide()
	}
}

// walkField puts a heading above a field.
func walkField(title string, field fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(boldLabel(title), field)
}
