package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// partnershipFields are the audited fields of a partnership.
func partnershipFields(p assessment.Partnership) []field {
	return []field{{"name", p.Name}, {"area", p.Area}}
}

// agencyFields are the audited fields of an agency.
func agencyFields(a assessment.Agency) []field {
	return []field{{"partnership_id", a.PartnershipID}, {"name", a.Name}, {"kind", string(a.Kind)}}
}

// CreatePartnership adds a partnership and its agencies, and returns them
// with their ids and timestamps. A name already taken, in any letter case,
// is ErrDuplicate.
func (s *Store) CreatePartnership(ctx context.Context, p assessment.Partnership) (assessment.Partnership, error) {
	if err := checkPartnership(p); err != nil {
		return assessment.Partnership{}, err
	}
	p.ID, p.Agencies = orNew(p.ID), slices.Clone(p.Agencies)
	err := s.write(ctx, func(t *tx) error {
		p.CreatedAt, p.UpdatedAt = t.at, t.at
		if err := t.insertPartnership(p); err != nil {
			return err
		}
		if err := t.auditCreate("partnership", p.ID, partnershipFields(p)); err != nil {
			return err
		}
		for i, a := range p.Agencies {
			a.PartnershipID, a.ID = p.ID, orNew(a.ID)
			a.CreatedAt, a.UpdatedAt = t.at, t.at
			if err := t.createAgency(a); err != nil {
				return err
			}
			p.Agencies[i] = a
		}
		return nil
	})
	if err != nil {
		return assessment.Partnership{}, err
	}
	if p.Agencies == nil {
		p.Agencies = []assessment.Agency{}
	}
	return p, nil
}

// checkPartnership refuses a partnership without a name, or with agencies
// that are not valid.
func checkPartnership(p assessment.Partnership) error {
	if strings.TrimSpace(p.Name) == "" {
		return invalid("partnership has no name")
	}
	if err := checkText(p); err != nil {
		return err
	}
	for _, a := range p.Agencies {
		if err := checkAgency(a); err != nil {
			return err
		}
	}
	return nil
}

// checkAgency refuses an agency without a name or with an unknown kind.
func checkAgency(a assessment.Agency) error {
	if strings.TrimSpace(a.Name) == "" {
		return invalid("agency has no name")
	}
	if err := checkText(a); err != nil {
		return err
	}
	if !slices.Contains(assessment.AgencyKinds, a.Kind) {
		return invalid("agency %q: unknown kind %q", a.Name, a.Kind)
	}
	return nil
}

// insertPartnership inserts the partnership row as given.
func (t *tx) insertPartnership(p assessment.Partnership) error {
	_, err := t.exec(`INSERT INTO partnership (id, name, area, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
		p.ID, p.Name, p.Area, formatTime(p.CreatedAt), formatTime(p.UpdatedAt))
	if err = mapErr(err); errors.Is(err, ErrDuplicate) {
		return fmt.Errorf("partnership %q: %w", p.Name, ErrDuplicate)
	}
	return err
}

// createAgency inserts an agency row as given and audits it.
func (t *tx) createAgency(a assessment.Agency) error {
	_, err := t.exec(`INSERT INTO agency (id, partnership_id, name, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
		a.ID, a.PartnershipID, a.Name, string(a.Kind), formatTime(a.CreatedAt), formatTime(a.UpdatedAt))
	if err = mapErr(err); errors.Is(err, ErrDuplicate) {
		return fmt.Errorf("agency %q: %w", a.Name, ErrDuplicate)
	}
	if err != nil {
		return err
	}
	return t.auditCreate("agency", a.ID, agencyFields(a))
}

// UpdatePartnership changes a partnership's name and area (its agencies are
// changed with AddAgency and UpdateAgency) and returns it as stored.
func (s *Store) UpdatePartnership(ctx context.Context, p assessment.Partnership) (assessment.Partnership, error) {
	if err := checkText(p); err != nil {
		return assessment.Partnership{}, err
	}
	if strings.TrimSpace(p.Name) == "" {
		return assessment.Partnership{}, invalid("partnership has no name")
	}
	var out assessment.Partnership
	err := s.write(ctx, func(t *tx) error {
		old, err := partnershipByID(ctx, t, p.ID)
		if err != nil {
			return err
		}
		before, after := partnershipFields(old), partnershipFields(p)
		if slices.Equal(before, after) {
			out = old
			return nil
		}
		_, err = t.exec(`UPDATE partnership SET name = ?, area = ?, updated_at = ? WHERE id = ?`,
			p.Name, p.Area, formatTime(t.at), p.ID)
		if err = mapErr(err); errors.Is(err, ErrDuplicate) {
			return fmt.Errorf("partnership %q: %w", p.Name, ErrDuplicate)
		} else if err != nil {
			return err
		}
		if err := t.auditChanges("partnership", p.ID, before, after); err != nil {
			return err
		}
		out, err = partnershipByID(ctx, t, p.ID)
		return err
	})
	return out, err
}

// AddAgency adds an agency to its partnership and returns it with its id
// and timestamps. A name the partnership already has is ErrDuplicate.
func (s *Store) AddAgency(ctx context.Context, a assessment.Agency) (assessment.Agency, error) {
	if err := checkAgency(a); err != nil {
		return assessment.Agency{}, err
	}
	a.ID = orNew(a.ID)
	err := s.write(ctx, func(t *tx) error {
		if _, err := partnershipRow(ctx, t, a.PartnershipID); err != nil {
			return err
		}
		a.CreatedAt, a.UpdatedAt = t.at, t.at
		return t.createAgency(a)
	})
	if err != nil {
		return assessment.Agency{}, err
	}
	return a, nil
}

// UpdateAgency changes an agency's name and kind and returns it as stored.
func (s *Store) UpdateAgency(ctx context.Context, a assessment.Agency) (assessment.Agency, error) {
	if err := checkAgency(a); err != nil {
		return assessment.Agency{}, err
	}
	var out assessment.Agency
	err := s.write(ctx, func(t *tx) error {
		old, err := agencyByID(ctx, t, a.ID)
		if err != nil {
			return err
		}
		a.PartnershipID, a.CreatedAt, a.UpdatedAt = old.PartnershipID, old.CreatedAt, t.at
		before, after := agencyFields(old), agencyFields(a)
		if slices.Equal(before, after) {
			out = old
			return nil
		}
		_, err = t.exec(`UPDATE agency SET name = ?, kind = ?, updated_at = ? WHERE id = ?`,
			a.Name, string(a.Kind), formatTime(t.at), a.ID)
		if err = mapErr(err); errors.Is(err, ErrDuplicate) {
			return fmt.Errorf("agency %q: %w", a.Name, ErrDuplicate)
		} else if err != nil {
			return err
		}
		out = a
		return t.auditChanges("agency", a.ID, before, after)
	})
	return out, err
}

// Partnerships returns every partnership with its agencies, by name.
func (s *Store) Partnerships(ctx context.Context) ([]assessment.Partnership, error) {
	var out []assessment.Partnership
	err := s.read(ctx, func(t *sql.Tx) error {
		var err error
		out, err = queryAll(ctx, t, scanPartnership,
			`SELECT `+partnershipColumns+` FROM partnership ORDER BY name, id`)
		if err != nil {
			return err
		}
		all, err := queryAll(ctx, t, scanAgency,
			`SELECT `+agencyColumns+` FROM agency ORDER BY created_at, id`)
		if err != nil {
			return err
		}
		byPartnership := map[string][]assessment.Agency{}
		for _, a := range all {
			byPartnership[a.PartnershipID] = append(byPartnership[a.PartnershipID], a)
		}
		for i := range out {
			if as := byPartnership[out[i].ID]; as != nil {
				out[i].Agencies = as
			}
		}
		return nil
	})
	return out, err
}

// Partnership returns one partnership with its agencies.
func (s *Store) Partnership(ctx context.Context, id string) (assessment.Partnership, error) {
	var out assessment.Partnership
	err := s.read(ctx, func(t *sql.Tx) error {
		var err error
		out, err = partnershipByID(ctx, t, id)
		return err
	})
	return out, err
}

// partnershipColumns and agencyColumns are the columns scanPartnership and
// scanAgency read, in order.
const (
	partnershipColumns = `id, name, area, created_at, updated_at`
	agencyColumns      = `id, partnership_id, name, kind, created_at, updated_at`
)

// scanPartnership reads a partnership row, without its agencies.
func scanPartnership(row scanner) (assessment.Partnership, error) {
	var p assessment.Partnership
	var st stamps
	if err := row.Scan(&p.ID, &p.Name, &p.Area, &st.created, &st.updated); err != nil {
		return p, err
	}
	var err error
	p.CreatedAt, p.UpdatedAt, err = st.parse()
	p.Agencies = []assessment.Agency{}
	return p, err
}

// scanAgency reads an agency row.
func scanAgency(row scanner) (assessment.Agency, error) {
	var a assessment.Agency
	var st stamps
	var kind string
	if err := row.Scan(&a.ID, &a.PartnershipID, &a.Name, &kind, &st.created, &st.updated); err != nil {
		return a, err
	}
	a.Kind = assessment.AgencyKind(kind)
	var err error
	a.CreatedAt, a.UpdatedAt, err = st.parse()
	return a, err
}

// partnershipRow reads one partnership without its agencies.
func partnershipRow(ctx context.Context, q querier, id string) (assessment.Partnership, error) {
	p, err := scanPartnership(q.QueryRowContext(ctx, `SELECT `+partnershipColumns+` FROM partnership WHERE id = ?`, id))
	return p, notFound(err, "partnership", id)
}

// partnershipByID reads one partnership with its agencies.
func partnershipByID(ctx context.Context, q querier, id string) (assessment.Partnership, error) {
	p, err := partnershipRow(ctx, q, id)
	if err != nil {
		return p, err
	}
	p.Agencies, err = queryAll(ctx, q, scanAgency,
		`SELECT `+agencyColumns+` FROM agency WHERE partnership_id = ? ORDER BY created_at, id`, id)
	return p, err
}

// agencyByID reads one agency.
func agencyByID(ctx context.Context, q querier, id string) (assessment.Agency, error) {
	a, err := scanAgency(q.QueryRowContext(ctx, `SELECT `+agencyColumns+` FROM agency WHERE id = ?`, id))
	return a, notFound(err, "agency", id)
}

// equalFoldName reports whether two names are the same in any letter case,
// as the database's NOCASE collation compares them.
func equalFoldName(a, b string) bool { return strings.EqualFold(a, b) }
