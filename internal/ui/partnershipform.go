package ui

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/store"
)

// agencyRow is one agency line of the new-partnership form.
type agencyRow struct {
	Name *widget.Entry
	Kind *widget.Select
	// id is the stored agency's id when editing, "" for a new row.
	id string
	// Remove takes a stored agency off the form (it is deleted on saving,
	// if no record names it); nil for a new row.
	Remove  *widget.Button
	removed bool
	line    fyne.CanvasObject
}

// PartnershipForm creates a partnership with its agencies. The three
// statutory partners are offered by default; relevant agencies are added.
type PartnershipForm struct {
	Name, Area *widget.Entry
	Agencies   []agencyRow
	// AddAgency adds a row for a relevant agency.
	AddAgency *widget.Button
	dialog    *formDialog
	rows      *fyne.Container
}

// kindNames are the agency kinds as the form shows them.
var kindNames = map[assessment.AgencyKind]string{
	assessment.LocalAuthority:      "Local authority",
	assessment.IntegratedCareBoard: "Integrated care board",
	assessment.Police:              "Police",
	assessment.RelevantAgency:      "Relevant agency",
}

// ShowNewPartnership opens the form to create a partnership.
func (h *Home) ShowNewPartnership() { h.newPartnershipForm().dialog.show(h.partnershipFormSize()) }

// partnershipFormSize is the partnership forms' size: room for an agency's
// name, kind and Remove on one line at any text size.
func (h *Home) partnershipFormSize() fyne.Size { return scaledSize(h.win, fyne.NewSize(760, 560)) }

// newPartnershipForm builds the form; it saves through h's store.
func (h *Home) newPartnershipForm() *PartnershipForm {
	return h.partnershipForm("New partnership", "Create partnership", h.createPartnership)
}

// partnershipForm builds the form titled title, with the three statutory
// partners' rows; submit saves it, or says what to fix.
func (h *Home) partnershipForm(title, submitText string, save func(*PartnershipForm) string) *PartnershipForm {
	f := &PartnershipForm{Name: widget.NewEntry(), Area: widget.NewEntry(), rows: container.NewVBox()}
	f.Name.SetPlaceHolder("e.g. Northshire Safeguarding Children Partnership")
	f.Area.SetPlaceHolder("e.g. Northshire")
	f.Name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("the partnership needs a name")
		}
		return assessment.PartnershipNameField.Check(s)
	}
	f.Area.Validator = assessment.AreaField.Check
	for _, k := range assessment.AgencyKinds[:3] {
		f.addRow(k)
	}
	f.AddAgency = widget.NewButtonWithIcon("Add a relevant agency", theme.ContentAddIcon(), func() { f.addRow(assessment.RelevantAgency) })
	hint := widget.NewLabel("The three statutory partners are listed first. Add relevant agencies such as schools, probation or the voluntary sector.")
	hint.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("Name", f.Name), widget.NewFormItem("Area", f.Area))
	body := container.NewVBox(form, widget.NewSeparator(), boldLabel("Agencies"), hint, f.rows, container.NewHBox(f.AddAgency))
	f.dialog = newFormDialog(title, submitText, container.NewVScroll(body), h.win, func() string { return save(f) })
	return f
}

// addRow adds an agency line of the given kind.
func (f *PartnershipForm) addRow(k assessment.AgencyKind) {
	row := agencyRow{Name: widget.NewEntry(), Kind: widget.NewSelect(kindLabels(), nil)}
	// A select is as wide as its placeholder, which never shows here as a
	// kind is always chosen: the longest kind keeps every kind whole.
	row.Kind.PlaceHolder = kindNames[assessment.IntegratedCareBoard]
	row.Kind.SetSelected(kindNames[k])
	row.Name.SetPlaceHolder(kindNames[k] + " name")
	row.Name.Validator = assessment.AgencyNameField.Check
	f.Agencies = append(f.Agencies, row)
	if f.dialog != nil {
		f.dialog.watch(row.Name)
	}
	row.line = container.NewBorder(nil, nil, nil, row.Kind, row.Name)
	f.Agencies[len(f.Agencies)-1] = row
	f.rows.Add(row.line)
}

// kindLabels lists the kinds as shown, statutory partners first.
func kindLabels() []string {
	labels := make([]string, len(assessment.AgencyKinds))
	for i, k := range assessment.AgencyKinds {
		labels[i] = kindNames[k]
	}
	return labels
}

// kindOf turns a shown kind back into an AgencyKind.
func kindOf(label string) assessment.AgencyKind {
	for k, l := range kindNames {
		if l == label {
			return k
		}
	}
	return assessment.RelevantAgency
}

// partnership reads the form, or says what is missing.
func (f *PartnershipForm) partnership() (assessment.Partnership, string) {
	if strings.TrimSpace(f.Name.Text) == "" {
		return assessment.Partnership{}, "Give the partnership a name."
	}
	p := assessment.Partnership{Name: strings.TrimSpace(f.Name.Text), Area: strings.TrimSpace(f.Area.Text)}
	seen := map[string]bool{}
	for _, row := range f.Agencies {
		name := strings.TrimSpace(row.Name.Text)
		if name == "" || row.removed {
			continue
		}
		if seen[strings.ToLower(name)] {
			return p, fmt.Sprintf("The agency %q is listed twice.", name)
		}
		seen[strings.ToLower(name)] = true
		p.Agencies = append(p.Agencies, assessment.Agency{ID: row.id, Name: name, Kind: kindOf(row.Kind.Selected)})
	}
	if len(p.Agencies) == 0 {
		return p, "Name at least one agency: the statutory partners take part in every assessment."
	}
	if err := p.CheckText(); err != nil {
		return p, sentence(err.Error())
	}
	return p, ""
}

// createPartnership saves the form's partnership, or says why not.
func (h *Home) createPartnership(f *PartnershipForm) string {
	p, msg := f.partnership()
	if msg != "" {
		return msg
	}
	if _, err := h.store.CreatePartnership(h.ctx, p); err != nil {
		if errors.Is(err, store.ErrDuplicate) {
			return fmt.Sprintf("A partnership called %q already exists. Choose another name.", p.Name)
		}
		return "Not saved: " + err.Error()
	}
	h.Load(nil)
	return ""
}

// sentence makes a message one sentence or more: a capital first letter
// and a full stop at the end of each line.
func sentence(msg string) string {
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		if l == "" {
			continue
		}
		r, n := utf8.DecodeRuneInString(l)
		lines[i] = string(unicode.ToUpper(r)) + l[n:] + "."
	}
	return strings.Join(lines, "\n")
}
