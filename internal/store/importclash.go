package store

import (
	"errors"
	"fmt"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// clash returns ErrClash saying what in an import clashes with the database.
func clash(format string, args ...any) error {
	return &Error{Code: CodeClash, Message: fmt.Sprintf("%s: %s. Nothing was imported",
		ErrClash.Message, fmt.Sprintf(format, args...))}
}

// checkPartnershipClash refuses an imported partnership whose id is a
// partnership of another name in the database: merging them would add the
// import's agencies and assessments to a partnership they are not part of.
func checkPartnershipClash(local, imported assessment.Partnership) error {
	if equalFoldName(local.Name, imported.Name) {
		return nil
	}
	return clash("the partnership %q in the import has the id %s, which in this database is %q",
		shorten(imported.Name), imported.ID, shorten(local.Name))
}

// checkAgencyClash refuses an imported agency whose id is another agency's
// in the database: of another name, or of another partnership.
func (t *tx) checkAgencyClash(local assessment.Partnership, a assessment.Agency) error {
	have, err := agencyByID(t.ctx, t, a.ID)
	if errors.Is(err, ErrNotFound) || a.ID == "" {
		return nil
	}
	if err != nil {
		return err
	}
	if have.PartnershipID != local.ID {
		return clash("the agency %q in the import has the id %s, which in this database is %q of another partnership",
			shorten(a.Name), a.ID, shorten(have.Name))
	}
	if !equalFoldName(have.Name, a.Name) {
		return clash("the agency %q in the import has the id %s, which in this database is %q",
			shorten(a.Name), a.ID, shorten(have.Name))
	}
	return nil
}

// checkHistoryClash refuses an imported assessment whose previous
// assessment, or an action's carried-from action, is in the database under
// another partnership: the import would show that partnership's actions,
// owners and outcomes as its own history.
func (t *tx) checkHistoryClash(rec assessment.Record) error {
	a := rec.Assessment
	if a.PreviousID != "" {
		prev, err := assessmentByID(t.ctx, t, a.PreviousID)
		switch {
		case err == nil && prev.PartnershipID != a.PartnershipID:
			return clash("the assessment %s says it was started from assessment %s, which in this database "+
				"belongs to %s", a.Period, a.PreviousID, t.partnershipName(prev.PartnershipID))
		case err != nil && !errors.Is(err, ErrNotFound):
			return err
		}
	}
	for _, x := range rec.Actions {
		if x.CarriedFromID == "" {
			continue
		}
		var owner string
		err := t.QueryRowContext(t.ctx, `SELECT a.partnership_id FROM action x JOIN assessment a ON a.id = x.assessment_id
			WHERE x.id = ?`, x.CarriedFromID).Scan(&owner)
		if err == nil && owner != a.PartnershipID {
			return clash("the action %q says it was carried from action %s, which in this database belongs to %s",
				shorten(x.Title), x.CarriedFromID, t.partnershipName(owner))
		}
	}
	return nil
}

// partnershipName names a partnership by id for a message.
func (t *tx) partnershipName(id string) string {
	p, err := partnershipRow(t.ctx, t, id)
	if err != nil {
		return "another partnership"
	}
	return fmt.Sprintf("another partnership, %q", shorten(p.Name))
}
