package store

import (
	"context"
	"errors"
	"fmt"
)

// ErrInUse means a thing cannot be removed because records name it.
var ErrInUse = errors.New("named in assessments")

// DeleteAgency removes an agency from its partnership, audited, when no
// participant, action or sign-off of any assessment names it; otherwise
// it refuses with ErrInUse and changes nothing.
func (s *Store) DeleteAgency(ctx context.Context, id string) error {
	return s.write(ctx, func(t *tx) error {
		a, err := agencyByID(ctx, t, id)
		if err != nil {
			return err
		}
		var uses int
		if err := t.QueryRowContext(ctx, `SELECT
			(SELECT COUNT(*) FROM participant WHERE agency_id = ?) +
			(SELECT COUNT(*) FROM action WHERE owner_agency_id = ?) +
			(SELECT COUNT(*) FROM signoff WHERE agency_id = ?)`, id, id, id).Scan(&uses); err != nil {
			return err
		}
		if uses > 0 {
			return fmt.Errorf("agency %q: %w (%d participants, actions or sign-offs), so it cannot be removed", a.Name, ErrInUse, uses)
		}
		if err := t.execOne("agency "+id, `DELETE FROM agency WHERE id = ?`, id); err != nil {
			return err
		}
		return t.auditDelete("agency", id, agencyFields(a))
	})
}
