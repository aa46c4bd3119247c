package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/about"
	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/english"
	"github.com/partnership-maturity/maturity/internal/signing"
	"github.com/partnership-maturity/maturity/internal/store"
)

// scrutineerChoice is the agency choice of an independent scrutineer.
const scrutineerChoice = "Independent scrutiny (no agency)"

// SignOffScreen takes an assessment from draft to agreed to signed off:
// the readiness list and Agree, then each lead's signature, and the
// scrutineer's when one took part, until the record locks.
type SignOffScreen struct {
	s  *session
	st ScrutinyStore
	// Readiness lists what stops the assessment being agreed.
	Readiness *widget.Label
	// Agree moves a ready draft to agreed.
	Agree *widget.Button
	// Signatures lists each sign-off with its signature checked, and who
	// must still sign.
	Signatures *widget.Label
	// ReasonQuestion, Reason and SaveReason record why a question is left
	// not assessed, which the readiness check accepts.
	// They show only while a draft has questions left not assessed.
	ReasonQuestion *widget.Select
	Reason         *widget.Entry
	SaveReason     *widget.Button
	reasons        *fyne.Container
	// reasonIDs maps each question offered, by name, to its id.
	reasonIDs map[string]string
	// SignButton opens the sign-off dialog; MakeKey makes a signing key;
	// Amend opens a new revision of a signed-off assessment.
	SignButton, MakeKey, Amend *widget.Button
	// Dialog is the open sign-off dialog, for tests.
	Dialog  *SignDialog
	content fyne.CanvasObject
}

// NewSignOffScreen builds the sign-off screen of a session.
func NewSignOffScreen(s *session, st ScrutinyStore) *SignOffScreen {
	c := &SignOffScreen{s: s, st: st, Readiness: widget.NewLabel(""), Signatures: widget.NewLabel("")}
	c.Readiness.Wrapping, c.Signatures.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	c.Agree = widget.NewButton("Agree the assessment", c.agree)
	c.SignButton = widget.NewButton("Sign off…", c.openSign)
	c.MakeKey = widget.NewButton("Make my signing key…", c.openMakeKey)
	c.Amend = widget.NewButton("Amend…", c.openAmend)
	c.ReasonQuestion, c.Reason = widget.NewSelect(nil, nil), widget.NewEntry()
	c.Reason.SetPlaceHolder("Why this question is left not assessed")
	c.SaveReason = widget.NewButton("Save reason", c.saveReason)
	c.reasons = container.NewBorder(nil, nil, c.ReasonQuestion, c.SaveReason, c.Reason)
	c.content = container.NewVScroll(container.NewVBox(
		widget.NewLabelWithStyle("Readiness to agree", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		c.Readiness, c.reasons, c.Agree, widget.NewSeparator(),
		widget.NewLabelWithStyle("Sign-off", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		c.Signatures, container.NewHBox(c.SignButton, c.MakeKey, c.Amend)))
	c.Refresh()
	return c
}

// Content is the screen's root object.
func (c *SignOffScreen) Content() fyne.CanvasObject { return c.content }

// Refresh shows the assessment's readiness and signatures as they are.
func (c *SignOffScreen) Refresh() {
	rec := c.s.rec
	switch rec.Assessment.Status {
	case assessment.Draft, assessment.Workshop:
		items := assessment.Readiness(c.s.q, rec)
		lines := []string{fmt.Sprintf("Not ready: %s to settle before the partnership can agree.", english.Count(len(items), "thing"))}
		for _, it := range items {
			lines = append(lines, "✗ "+it.Question+": "+it.Problem)
		}
		if len(items) == 0 {
			lines = []string{"✓ Ready: every question is assessed or explained, every large gap has an action, and every challenge has a response."}
			c.Agree.Enable()
		} else {
			c.Agree.Disable()
		}
		c.Readiness.SetText(strings.Join(lines, "\n"))
		c.SignButton.Disable()
		c.fillReasonQuestions()
	default:
		c.Readiness.SetText("✓ Agreed.")
		c.Agree.Disable()
		c.SignButton.Enable()
		c.reasons.Hide()
	}
	_, results, err := bundle.CheckSignatures(c.s.q, rec)
	if err != nil {
		c.Signatures.SetText("Cannot check the signatures: " + err.Error())
		return
	}
	var lines []string
	for _, r := range results {
		verdict := "✓ good"
		if !r.Good {
			verdict = "✗ NOT GOOD: " + r.Problem
		}
		agency := r.Agency
		if agency == "" {
			agency = "independent scrutiny"
		}
		lines = append(lines, fmt.Sprintf("%s (%s, %s), %s, key %s — %s", r.SignOff.Name, r.SignOff.Role, agency,
			r.SignOff.SignedAt.Local().Format("2 Jan 2006"), r.Fingerprint, verdict))
	}
	c.Amend.Disable()
	if rec.Assessment.Status == assessment.SignedOff {
		lines = append(lines, "Signed off: the record is locked. A change now needs an amendment.")
		c.SignButton.Disable()
		c.Amend.Enable()
	} else {
		for _, m := range assessment.MissingSignOffs(rec, func(assessment.SignOff) bool { return true }) {
			lines = append(lines, "To sign: "+m)
		}
	}
	c.Signatures.SetText(strings.Join(append(lines, c.superseded()...), "\n"))
}

// superseded lists the signed revisions an amendment replaced.
func (c *SignOffScreen) superseded() []string {
	ams, err := c.st.Amendments(c.s.ctx, c.s.rec.Assessment.ID)
	if err != nil {
		return []string{"Cannot read the amendments: " + err.Error()}
	}
	var lines []string
	for _, am := range ams {
		lines = append(lines, fmt.Sprintf("Revision %d (signed off) is superseded: amended by %s on %s to revision %d: %s. The signed original is kept, fingerprint %s.",
			am.Revision-1, am.Actor, am.CreatedAt.Local().Format("2 Jan 2006"), am.Revision, am.Reason, am.OriginalSHA256))
	}
	return lines
}

// fillReasonQuestions offers the questions still without a level.
func (c *SignOffScreen) fillReasonQuestions() {
	c.reasonIDs = map[string]string{}
	var names []string
	for _, t := range c.s.q.Themes {
		for _, q := range t.Questions {
			if c.s.response(q.ID).Level == assessment.NotAssessed {
				name := c.s.q.QuestionName(q.ID)
				c.reasonIDs[name] = q.ID
				names = append(names, name)
			}
		}
	}
	c.ReasonQuestion.Options = names
	c.ReasonQuestion.Refresh()
	if len(names) == 0 {
		c.reasons.Hide()
	} else {
		c.reasons.Show()
	}
}

// saveReason records why the chosen question is left not assessed.
func (c *SignOffScreen) saveReason() {
	if c.ReasonQuestion.Selected == "" {
		c.s.saved.Done(errors.New("choose the question the reason is for"))
		return
	}
	r := c.s.response(c.reasonIDs[c.ReasonQuestion.Selected])
	r.NotAssessedReason = strings.TrimSpace(c.Reason.Text)
	if c.s.saveResponse(r) == nil {
		c.Reason.SetText("")
	}
	c.Refresh()
}

// openAmend asks why a signed-off assessment must change, then opens its
// next revision, keeping the signed original whole.
func (c *SignOffScreen) openAmend() {
	reason := widget.NewMultiLineEntry()
	form := widget.NewForm(widget.NewFormItem("Reason", reason))
	f := newFormDialog("Amend the signed-off assessment", "Amend", form, c.s.win, func() string { return c.amend(reason.Text) })
	f.show(fyne.NewSize(520, 260))
}

// amend opens the next revision for reason; it returns what to fix.
func (c *SignOffScreen) amend(reason string) string {
	if strings.TrimSpace(reason) == "" {
		return "Say why the signed-off assessment must change."
	}
	original, err := bundle.Encode(c.s.q, c.s.rec, bundle.Meta{ExportedAt: c.s.now(), Generator: about.Generator})
	if err != nil {
		return err.Error()
	}
	sum, err := bundle.Checksum(c.s.q, c.s.rec)
	if err != nil {
		return err.Error()
	}
	err = c.s.save(func(ctx context.Context) error {
		am, err := c.st.Amend(ctx, c.s.rec.Assessment.ID, reason, original, sum)
		if err != nil {
			return err
		}
		c.s.rec.Assessment.Status, c.s.rec.Assessment.Revision, c.s.rec.SignOffs = assessment.Draft, am.Revision, []assessment.SignOff{}
		return nil
	})
	c.Refresh()
	if err != nil {
		return "Not amended: " + c.s.saved.Label.Text
	}
	return ""
}

// agree moves the assessment to agreed.
func (c *SignOffScreen) agree() {
	c.s.save(func(ctx context.Context) error {
		if err := c.st.Agree(ctx, c.s.rec.Assessment.ID); err != nil {
			return err
		}
		c.s.rec.Assessment.Status = assessment.Agreed
		return nil
	})
	c.Refresh()
}

// SignDialog asks who signs, for which agency, in which role, with which
// key and its passphrase.
type SignDialog struct {
	*formDialog
	Name, Role, KeyFile, Passphrase *widget.Entry
	Agency                          *widget.Select
}

// openSign opens the sign-off dialog.
func (c *SignOffScreen) openSign() {
	d := &SignDialog{Name: widget.NewEntry(), Role: widget.NewEntry(), KeyFile: widget.NewEntry(), Passphrase: widget.NewPasswordEntry()}
	choices := []string{}
	for _, a := range c.s.rec.Partnership.Agencies {
		if a.Kind != assessment.RelevantAgency {
			choices = append(choices, a.Name)
		}
	}
	d.Agency = widget.NewSelect(append(choices, scrutineerChoice), nil)
	if dir, err := signing.KeyDir(); err == nil {
		d.KeyFile.SetPlaceHolder(filepath.Join(dir, "your-name.key"))
	}
	form := widget.NewForm(widget.NewFormItem("Name", d.Name), widget.NewFormItem("Signing for", d.Agency),
		widget.NewFormItem("Role", d.Role), widget.NewFormItem("Key file", d.KeyFile), widget.NewFormItem("Passphrase", d.Passphrase))
	d.formDialog = newFormDialog("Sign off "+c.s.rec.Assessment.Period, "Sign", form, c.s.win, func() string { return c.sign(d) })
	c.Dialog = d
	d.show(fyne.NewSize(560, 360))
}

// sign signs the assessment off as the dialog says; it returns what to fix.
func (c *SignOffScreen) sign(d *SignDialog) string {
	name := strings.TrimSpace(d.Name.Text)
	if name == "" || d.Agency.Selected == "" || strings.TrimSpace(d.KeyFile.Text) == "" {
		return "Give your name, whom you sign for and your key file."
	}
	key, err := signing.LoadKey(strings.TrimSpace(d.KeyFile.Text), []byte(d.Passphrase.Text))
	if err != nil {
		return "Your key cannot be opened: " + err.Error()
	}
	so := assessment.SignOff{Name: name, Role: strings.TrimSpace(d.Role.Text), SignedAt: c.s.now()}
	for _, a := range c.s.rec.Partnership.Agencies {
		if a.Name == d.Agency.Selected {
			so.AgencyID = a.ID
		}
	}
	so, err = bundle.SignOff(c.s.q, c.s.rec, key, so, "signed with Partnership Maturity")
	if err != nil {
		return err.Error()
	}
	err = c.s.save(func(ctx context.Context) error {
		if _, err := c.st.Sign(ctx, so, bundle.CheckSignOffs); err != nil {
			return err
		}
		stored, err := c.st.LoadRecord(ctx, c.s.rec.Assessment.ID)
		if err != nil {
			return err
		}
		c.s.rec.Assessment, c.s.rec.SignOffs = stored.Assessment, stored.SignOffs
		return nil
	})
	c.Refresh()
	if err != nil {
		return "Not signed: " + c.s.saved.Label.Text
	}
	return ""
}

// openMakeKey makes a signing key in the person's own keys folder, its
// secret encrypted with the passphrase they choose.
func (c *SignOffScreen) openMakeKey() {
	name, pass, again := widget.NewEntry(), widget.NewPasswordEntry(), widget.NewPasswordEntry()
	form := widget.NewForm(widget.NewFormItem("Your name", name), widget.NewFormItem("Passphrase", pass), widget.NewFormItem("Passphrase again", again))
	f := newFormDialog("Make my signing key", "Make key", form, c.s.win, func() string {
		msg, err := makeKey(name.Text, pass.Text, again.Text)
		if err != nil {
			return err.Error()
		}
		c.Signatures.SetText(c.Signatures.Text + "\n" + msg)
		return ""
	})
	f.show(fyne.NewSize(480, 260))
}

// makeKey saves a new key for name in the keys folder and says where,
// with its fingerprint to give to the partnership.
func makeKey(name, pass, again string) (string, error) {
	switch {
	case strings.TrimSpace(name) == "":
		return "", errors.New("give your name")
	case len(pass) < 8:
		return "", errors.New("choose a passphrase of at least 8 characters")
	case pass != again:
		return "", errors.New("the two passphrases differ")
	}
	dir, err := signing.KeyDir()
	if err != nil {
		return "", err
	}
	key, err := signing.GenerateKey(nil)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, signing.KeyFileName(name))
	if err := signing.SaveKey(path, key, strings.TrimSpace(name), []byte(pass), 0); err != nil {
		return "", err
	}
	return fmt.Sprintf("Key saved to %s. Its fingerprint, to give to the partnership: %s", path, key.Fingerprint()), nil
}

// errNotScrutinyStore is shown when the database cannot record scrutiny.
var errNotScrutinyStore = errors.New("this database cannot record scrutiny or sign-off")

// scrutinyStoreOf returns the session's store as a ScrutinyStore.
func scrutinyStoreOf(s Store) (ScrutinyStore, error) {
	if st, ok := s.(ScrutinyStore); ok {
		return st, nil
	}
	return nil, errNotScrutinyStore
}

// compile-time check: the store's sign-off check has the bundle's shape.
var _ store.SignatureCheck = bundle.CheckSignOffs
