package ui

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/english"
	"github.com/partnership-maturity/maturity/internal/store"
)

// ChainChecker checks the audit log's hash chain (maturityctl check-db)
// and says, in words, whether it is whole; *store.Store is one. A store
// that cannot check it leaves the chain shown as not checked.
type ChainChecker interface {
	CheckAuditChain(ctx context.Context) (healthy bool, words string, err error)
}

// The app's store checks the chain as check-db does.
var _ ChainChecker = (*store.Store)(nil)

// The choices that filter nothing.
const (
	anyone      = "Anyone"
	anyQuestion = "Any question"
	anyKind     = "Any kind of change"
)

// AuditScreen is the assessment's audit trail: every change, who made it
// and when, the old value and the new, filtered by person, question, kind
// and date, exported to CSV, with the health of the audit chain.
type AuditScreen struct {
	s  *session
	st ScrutinyStore
	// Person, Question and Kind filter the rows; From and To are dates
	// (YYYY-MM-DD), To included.
	Person, Question, Kind *widget.Select
	From, To               *widget.Entry
	// Rows lists the changes kept; Count says how many.
	Rows  *widget.List
	Count *widget.Label
	// Chain says whether the audit chain is whole, or that it was not checked.
	Chain *widget.Label
	// Export saves the rows shown as CSV.
	Export  *widget.Button
	entries []store.TrailEntry
	content fyne.CanvasObject
}

// NewAuditScreen builds the audit trail of a session.
func NewAuditScreen(s *session, st ScrutinyStore) *AuditScreen {
	c := &AuditScreen{s: s, st: st, From: widget.NewEntry(), To: widget.NewEntry(), Count: widget.NewLabel(""), Chain: widget.NewLabel("")}
	c.Chain.Wrapping = fyne.TextWrapWord // a broken chain's problems are long
	c.From.SetPlaceHolder("from YYYY-MM-DD")
	c.To.SetPlaceHolder("to YYYY-MM-DD")
	refresh := func(string) { c.Reload() }
	c.Person = widget.NewSelect([]string{anyone}, refresh)
	questions := []string{anyQuestion}
	for _, t := range s.q.Themes {
		for _, q := range t.Questions {
			questions = append(questions, s.q.QuestionName(q.ID))
		}
	}
	c.Question = widget.NewSelect(questions, refresh)
	kinds := []string{anyKind}
	for _, k := range auditKinds {
		kinds = append(kinds, k.label)
	}
	c.Kind = widget.NewSelect(kinds, refresh)
	c.From.OnChanged, c.To.OnChanged = refresh, refresh
	c.Rows = widget.NewList(func() int { return len(c.entries) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(c.trailLine(c.entries[i])) })
	c.Export = widget.NewButton("Export CSV…", c.exportCSV)
	c.Person.SetSelected(anyone)
	c.Question.SetSelected(anyQuestion)
	c.Kind.SetSelected(anyKind)
	filters := container.NewGridWithColumns(5, c.Person, c.Question, c.Kind, c.From, c.To)
	top := container.NewVBox(filters, container.NewBorder(nil, nil, nil, c.Export, c.Count), c.Chain)
	c.content = container.NewBorder(top, nil, nil, nil, c.Rows)
	c.showChain()
	c.Reload()
	return c
}

// Content is the screen's root object.
func (c *AuditScreen) Content() fyne.CanvasObject { return c.content }

// auditKinds are the kinds of record the audit log names, each with the
// words a person reads for it.
var auditKinds = []struct{ entity, label string }{
	{"assessment", "assessment"}, {"response", "answer"}, {"vote", "vote"}, {"participant", "participant"},
	{"evidence_ref", "evidence reference"}, {"scrutiny", "scrutiny"}, {"challenge", "challenge thread"},
	{"theme_judgement", "theme judgement"}, {"assurance", "assurance"}, {"action", "action"},
	{"action_update", "progress note"}, {"signoff", "sign-off"},
}

// kindLabel is the words for an audit log entity, or the entity itself.
func kindLabel(entity string) string {
	for _, k := range auditKinds {
		if k.entity == entity {
			return k.label
		}
	}
	return entity
}

// trailLine says one change in words: when, who, what, old → new.
func (c *AuditScreen) trailLine(e store.TrailEntry) string {
	what := kindLabel(e.Entity)
	if e.QuestionID != "" {
		what += ", " + c.s.q.QuestionName(e.QuestionID)
	}
	change := e.New
	if e.Field != "" {
		change = fmt.Sprintf("%s: %q → %q", e.Field, e.Old, e.New)
	}
	return fmt.Sprintf("%s  %s  %s  %s", e.At.Local().Format("2006-01-02 15:04"), e.Actor, what, change)
}

// questionID is the id of the question a person's name for it names.
func (c *AuditScreen) questionID(name string) string {
	for _, t := range c.s.q.Themes {
		for _, q := range t.Questions {
			if c.s.q.QuestionName(q.ID) == name {
				return q.ID
			}
		}
	}
	return name
}

// filter reads the filters; a date that cannot be read is reported.
func (c *AuditScreen) filter() (store.AuditFilter, error) {
	f := store.AuditFilter{}
	if v := c.Person.Selected; v != anyone {
		f.Actor = v
	}
	if v := c.Question.Selected; v != anyQuestion {
		f.QuestionID = c.questionID(v)
	}
	if v := c.Kind.Selected; v != anyKind {
		for _, k := range auditKinds {
			if k.label == v {
				f.Entity = k.entity
			}
		}
	}
	for _, d := range []struct {
		e   *widget.Entry
		out *time.Time
		add int
	}{{c.From, &f.From, 0}, {c.To, &f.To, 1}} {
		text := strings.TrimSpace(d.e.Text)
		if text == "" {
			continue
		}
		t, err := time.ParseInLocation(assessment.DateLayout, text, time.Local)
		if err != nil {
			return f, fmt.Errorf("%q is not a date such as 2026-03-01", text)
		}
		*d.out = t.AddDate(0, 0, d.add)
	}
	return f, nil
}

// Reload reads the trail again with the filters as they are.
func (c *AuditScreen) Reload() {
	if c.Rows == nil || c.Person == nil || c.Question == nil || c.Kind == nil {
		return // still being built
	}
	f, err := c.filter()
	if err != nil {
		c.Count.SetText(err.Error())
		return
	}
	entries, err := c.st.AuditTrail(c.s.ctx, c.s.rec.Assessment.ID, f)
	if err != nil {
		c.Count.SetText("Cannot read the audit log: " + err.Error())
		return
	}
	c.entries = entries
	c.Count.SetText(english.Count(len(entries), "change"))
	c.Rows.Refresh()
	if f.Actor == "" {
		c.fillPeople(entries)
	}
}

// fillPeople offers everyone who made a change as a person to filter by.
func (c *AuditScreen) fillPeople(entries []store.TrailEntry) {
	people := []string{}
	for _, e := range entries {
		if !slices.Contains(people, e.Actor) {
			people = append(people, e.Actor)
		}
	}
	slices.Sort(people)
	c.Person.Options = append([]string{anyone}, people...)
	c.Person.Refresh()
}

// showChain says whether the audit chain is whole.
func (c *AuditScreen) showChain() {
	checker, ok := c.st.(ChainChecker)
	if !ok {
		c.Chain.SetText("Audit chain: not checked here (maturityctl check-db checks it).")
		return
	}
	healthy, words, err := checker.CheckAuditChain(c.s.ctx)
	switch {
	case err != nil:
		c.Chain.SetText("Audit chain: could not be checked: " + err.Error())
		c.Chain.Importance = widget.DangerImportance
	case healthy:
		c.Chain.SetText("Audit chain: whole — " + words)
		c.Chain.Importance = widget.SuccessImportance
	default:
		c.Chain.SetText("Audit chain: BROKEN — " + words)
		c.Chain.Importance = widget.DangerImportance
	}
	c.Chain.Refresh()
}

// WriteCSV writes the rows shown as CSV: at, person, kind, id, question,
// field, old, new.
func (c *AuditScreen) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"at", "person", "kind", "id", "question", "field", "old", "new"}); err != nil {
		return err
	}
	for _, e := range c.entries {
		if err := cw.Write([]string{e.At.UTC().Format(time.RFC3339), e.Actor, e.Entity, e.EntityID, e.QuestionID, e.Field, e.Old, e.New}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// exportCSV asks where to save the rows shown and saves them there.
func (c *AuditScreen) exportCSV() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		defer w.Close()
		c.s.saved.Done(c.WriteCSV(w))
	}, c.s.win)
	d.SetFileName(strings.ReplaceAll(c.s.rec.Assessment.Period, "/", "-") + "-audit-trail.csv")
	d.Show()
}
