package assessment

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TextField is a kind of text people type: its name in messages, the most
// characters it holds, and whether it may run over several lines. Every
// limit on text lives here; the app's forms, the store and bundle import
// all check text through Check.
type TextField struct {
	Name      string
	Max       int
	MultiLine bool
}

// The text fields and their limits. Single-line fields take printable text
// only; multi-line fields take newlines and tabs as well. No limit exceeds
// 10,000 characters: the app's text boxes take time growing with the
// square of their text (32,000 characters of evidence took 23 s to show,
// 10,000 take 2.5 s), and every text then fits whole in a cell of the
// Excel workbook (32,767 UTF-16 units).
var (
	PartnershipNameField = TextField{Name: "the partnership's name", Max: 200}
	AreaField            = TextField{Name: "the area", Max: 200}
	AgencyNameField      = TextField{Name: "the agency's name", Max: 200}
	PersonField          = TextField{Name: "the name", Max: 200}
	RoleField            = TextField{Name: "the role", Max: 200}
	ActionTitleField     = TextField{Name: "the action's title", Max: 300}
	OwnerField           = TextField{Name: "the owner", Max: 200}
	RefTitleField        = TextField{Name: "the reference's title", Max: 300}
	RefLocationField     = TextField{Name: "where the evidence is", Max: 2000}
	MeasureField         = TextField{Name: "the measure of impact", Max: 2000, MultiLine: true}
	OutcomeField         = TextField{Name: "the outcome", Max: 10000, MultiLine: true}
	NoteField            = TextField{Name: "the progress note", Max: 10000, MultiLine: true}
	CommentField         = TextField{Name: "the comment", Max: 10000, MultiLine: true}
	LongTextField        = TextField{Name: "the text", Max: 10000, MultiLine: true}
	// What a participant sends from their phone in a workshop is shown to
	// the whole room, so it is held shorter than the same text typed on
	// the laptop.
	RoomNameField    = TextField{Name: "your name", Max: 80}
	RoomCommentField = TextField{Name: "your comment", Max: 500, MultiLine: true}
)

// ErrText matches (errors.Is) every refusal of text by TextField.Check.
var ErrText = errors.New("text refused")

// TextError is text refused: too long, or holding characters its field
// does not take. Its message says which limit.
type TextError struct{ Message string }

// Error returns the message.
func (e *TextError) Error() string { return e.Message }

// Is makes errors.Is(err, ErrText) true.
func (e *TextError) Is(target error) bool { return target == ErrText }

// textErrorf formats a TextError.
func textErrorf(format string, args ...any) error {
	return &TextError{Message: fmt.Sprintf(format, args...)}
}

// named returns f with another name, for a long text such as "evidence".
func (f TextField) named(name string) TextField { f.Name = name; return f }

// Check refuses text too long for the field, text that is not UTF-8, and
// characters the field does not take: control characters (C0 and C1,
// such as an ANSI escape or BEL; newline and tab are allowed in multi-line
// fields), bidirectional overrides and isolates, line and paragraph
// separators in single-line fields, and text made only of invisible
// characters. The message names the limit. It takes time linear in s.
func (f TextField) Check(s string) error {
	if len(s) > f.Max { // a quick test before counting characters
		if n := utf8.RuneCountInString(s); n > f.Max {
			return textErrorf("%s is %d characters long; the most it may have is %d", f.Name, n, f.Max)
		}
	}
	if !utf8.ValidString(s) {
		return textErrorf("%s is not valid UTF-8 text", f.Name)
	}
	visible, invisible := false, false
	pos := 0
	for _, r := range s {
		pos++
		if why := f.refuses(r); why != "" {
			return textErrorf("%s has %s (%U) at character %d; %s", f.Name, why, r, pos, f.allowed())
		}
		switch {
		case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r) || r == '\u3164' || r == '\u115f' || r == '\u1160':
			invisible = true
		case !unicode.IsSpace(r):
			visible = true
		}
	}
	if invisible && !visible {
		return textErrorf("%s has only invisible characters", f.Name)
	}
	return nil
}

// refuses says what kind of character r is when the field does not take
// it, or "" when it does.
func (f TextField) refuses(r rune) string {
	switch {
	case f.MultiLine && (r == '\n' || r == '\t' || r == '\r'):
		return ""
	case r == '\x1b':
		return "an escape character"
	case r == '\a':
		return "a bell character"
	case r < 0x20 || r == 0x7f:
		return "a control character"
	case r >= 0x80 && r < 0xa0:
		return "a C1 control character"
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return "a right-to-left or left-to-right override"
	case !f.MultiLine && (r == 0x2028 || r == 0x2029):
		return "a line break"
	case r == 0xfffe || r == 0xffff:
		return "a character that is not text"
	}
	return ""
}

// allowed says what the field takes.
func (f TextField) allowed() string {
	if f.MultiLine {
		return "only printable text, new lines and tabs are allowed"
	}
	return "only printable text on one line is allowed"
}

// check is one field's value to check.
type check struct {
	f TextField
	s string
}

// checkAll checks each field and joins the refusals.
func checkAll(cs ...check) error {
	var errs []error
	for _, c := range cs {
		if err := c.f.Check(c.s); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// CheckText checks the partnership's name, area and agencies.
func (p Partnership) CheckText() error {
	errs := []error{checkAll(check{PartnershipNameField, p.Name}, check{AreaField, p.Area})}
	for _, a := range p.Agencies {
		errs = append(errs, a.CheckText())
	}
	return errors.Join(errs...)
}

// CheckText checks the agency's name.
func (a Agency) CheckText() error { return AgencyNameField.Check(a.Name) }

// CheckText checks the facilitator's name.
func (a Assessment) CheckText() error {
	return PersonField.named("the facilitator's name").Check(a.Facilitator)
}

// CheckText checks the participant's name and role.
func (p Participant) CheckText() error {
	return checkAll(check{PersonField.named("the participant's name"), p.Name}, check{RoleField, p.Role})
}

// CheckText checks the evidence, strengths, areas for development,
// rationale and the reason for leaving the question not assessed.
func (r Response) CheckText() error {
	return checkAll(check{LongTextField.named("the evidence"), r.Evidence},
		check{LongTextField.named("the strengths"), r.Strengths},
		check{LongTextField.named("the areas for development"), r.AreasForDevelopment},
		check{LongTextField.named("the rationale"), r.Rationale},
		check{LongTextField.named("the reason for not assessing"), r.NotAssessedReason})
}

// CheckText checks the reference's title and location.
func (e EvidenceRef) CheckText() error {
	return checkAll(check{RefTitleField, e.Title}, check{RefLocationField, e.Location})
}

// CheckText checks the vote's comment.
func (v Vote) CheckText() error { return CommentField.Check(v.Comment) }

// CheckText checks the scrutineer, challenge and evidence seen.
func (s Scrutiny) CheckText() error {
	return checkAll(check{PersonField.named("the scrutineer's name"), s.Scrutineer},
		check{LongTextField.named("the challenge"), s.Challenge},
		check{LongTextField.named("the evidence seen"), s.EvidenceSeen})
}

// CheckText checks the action's title, owner, measure, outcome and its
// progress notes.
func (a Action) CheckText() error {
	errs := []error{checkAll(check{ActionTitleField, a.Title}, check{OwnerField, a.Owner},
		check{MeasureField, a.SuccessMeasure}, check{OutcomeField, a.Outcome})}
	for _, u := range a.Updates {
		errs = append(errs, u.CheckText())
	}
	return errors.Join(errs...)
}

// CheckText checks the update's author and note.
func (u ActionUpdate) CheckText() error {
	return checkAll(check{PersonField.named("the author's name"), u.Author}, check{NoteField, u.Note})
}

// CheckText checks the signer's name and role.
func (s SignOff) CheckText() error {
	return checkAll(check{PersonField.named("the signer's name"), s.Name}, check{RoleField, s.Role})
}

// CheckText checks the author's name and the message of a challenge,
// response or reply.
func (c Challenge) CheckText() error {
	return checkAll(check{PersonField.named("the author's name"), c.Author},
		check{LongTextField.named("the " + strings.ToLower(c.Kind.Label())), c.Text})
}

// CheckText checks the scrutineer's name and the reasons for the theme's
// level.
func (j ThemeJudgement) CheckText() error {
	return checkAll(check{PersonField.named("the scrutineer's name"), j.Scrutineer},
		check{LongTextField.named("the reasons for the theme's level"), j.Reasons})
}

// CheckText checks the scrutineer's name, the reasons for the assurance
// level and the scrutiny statement.
func (a Assurance) CheckText() error {
	return checkAll(check{PersonField.named("the scrutineer's name"), a.Scrutineer},
		check{LongTextField.named("the reasons for the assurance level"), a.Reasons},
		check{LongTextField.named("the scrutiny statement"), a.Statement})
}

// CheckText checks the reason for the amendment.
func (a Amendment) CheckText() error {
	return LongTextField.named("the amendment's reason").Check(a.Reason)
}

// CheckText checks every text of the record, each refusal saying where:
// "actions[3]: the action's title is 301 characters long; …".
func (r Record) CheckText() error {
	var errs []error
	add := func(where string, i int, err error) {
		if err == nil {
			return
		}
		if i >= 0 {
			where = fmt.Sprintf("%s[%d]", where, i)
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			errs = append(errs, textErrorf("%s: %s", where, line))
		}
	}
	add("partnership", -1, r.Partnership.CheckText())
	add("assessment", -1, r.Assessment.CheckText())
	addEach(add, "participants", r.Participants)
	addEach(add, "responses", r.Responses)
	addEach(add, "evidence_refs", r.EvidenceRefs)
	addEach(add, "votes", r.Votes)
	addEach(add, "scrutiny", r.Scrutiny)
	addEach(add, "actions", r.Actions)
	addEach(add, "signoffs", r.SignOffs)
	addEach(add, "challenges", r.Challenges)
	addEach(add, "theme_judgements", r.Judgements)
	if r.Assurance != nil {
		add("assurance", -1, r.Assurance.CheckText())
	}
	return errors.Join(errs...)
}

// addEach checks the text of every item of a list, reporting each refusal
// with the list's name and the item's index.
func addEach[T interface{ CheckText() error }](add func(string, int, error), where string, items []T) {
	for i, x := range items {
		add(where, i, x.CheckText())
	}
}
