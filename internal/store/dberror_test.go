package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// TestNoDriverTextReachesAPerson: a duplicate name is refused with a
// reason a person can read, while errors.Is still finds it.
func TestNoDriverTextReachesAPerson(t *testing.T) {
	f := newFixture(t)
	police := f.p.Agencies[2]
	_, err := f.s.db.ExecContext(context.Background(), `INSERT INTO agency (id, partnership_id, name, kind, created_at, updated_at)
		VALUES ('x', ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`, f.p.ID, police.Name, string(assessment.Police))
	if err == nil {
		t.Fatal("the database took a second agency of the same name")
	}
	err = mapErr(err)
	if !errors.Is(err, ErrDuplicate) {
		t.Fatalf("a second Northshire Police: %v; want ErrDuplicate", err)
	}
	for _, driver := range []string{"constraint", "UNIQUE", "(2067)", "(1555)", "SQL"} {
		if strings.Contains(err.Error(), driver) {
			t.Errorf("the message %q carries driver text %q", err, driver)
		}
	}
	var se *Error
	if !errors.As(err, &se) || se.Unwrap() == nil {
		t.Errorf("the driver's error is not kept: %#v", err)
	}
}
