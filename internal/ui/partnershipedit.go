package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/store"
)

// ShowEditPartnership opens the form to change a partnership's name, area
// and agencies.
func (h *Home) ShowEditPartnership(p assessment.Partnership) {
	h.editPartnershipForm(p).dialog.show(h.partnershipFormSize())
}

// editPartnershipForm is the partnership form filled from p: its agencies
// can be renamed, added, and removed when no record names them. Every
// change is saved through the store, which audits it.
func (h *Home) editPartnershipForm(p assessment.Partnership) *PartnershipForm {
	f := h.partnershipForm("Edit "+p.Name, "Save changes", func(f *PartnershipForm) string { return h.savePartnership(f, p) })
	f.Name.SetText(p.Name)
	f.Area.SetText(p.Area)
	f.rows.RemoveAll()
	f.Agencies = nil
	for _, a := range p.Agencies {
		f.addRow(a.Kind)
		i := len(f.Agencies) - 1
		row := &f.Agencies[i]
		row.id = a.ID
		row.Name.SetText(a.Name)
		row.Remove = widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() {
			f.Agencies[i].removed = true
			f.Agencies[i].line.Hide()
			f.rows.Refresh()
		})
		row.line = container.NewBorder(nil, nil, nil, container.NewHBox(row.Kind, row.Remove), row.Name)
		f.rows.Objects[i] = row.line
	}
	return f
}

// savePartnership saves what changed in the edit form: removed agencies
// first (so one still named in a record stops the save before anything
// else changes), then the name and area, then renamed and added agencies.
func (h *Home) savePartnership(f *PartnershipForm, old assessment.Partnership) string {
	p, msg := f.partnership()
	if msg != "" {
		return msg
	}
	for _, row := range f.Agencies {
		if !row.removed || row.id == "" {
			continue
		}
		if err := h.store.DeleteAgency(h.ctx, row.id); err != nil {
			if errors.Is(err, store.ErrInUse) {
				return fmt.Sprintf("%s cannot be removed: assessments name it (participants, actions or sign-offs). Rename it instead.", row.Name.Text)
			}
			return "Not saved: " + err.Error()
		}
	}
	p.ID = old.ID
	if _, err := h.store.UpdatePartnership(h.ctx, p); err != nil {
		if errors.Is(err, store.ErrDuplicate) {
			return fmt.Sprintf("A partnership called %q already exists. Choose another name.", p.Name)
		}
		return "Not saved: " + err.Error()
	}
	for _, a := range p.Agencies {
		a.PartnershipID = p.ID
		var err error
		if a.ID == "" {
			_, err = h.store.AddAgency(h.ctx, a)
		} else {
			_, err = h.store.UpdateAgency(h.ctx, a)
		}
		if errors.Is(err, store.ErrDuplicate) {
			return fmt.Sprintf("The partnership already has an agency called %q.", a.Name)
		} else if err != nil {
			return "Not saved: " + err.Error()
		}
	}
	h.Load(nil)
	return ""
}
