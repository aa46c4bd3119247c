package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/partnership-maturity/maturity/internal/store"
)

func TestEditPartnership(t *testing.T) {
	app, s := newTestApp(t)
	ctx := context.Background()
	addPartnership(t, app, "Eastmoor Partnership", "Eastmoor Council", "NHS Eastmoor ICB", "Eastmoor Police")
	ps, _ := s.Partnerships(ctx)
	p := ps[0]
	if findButton(app.Home.Detail, "Edit details") == nil {
		t.Fatal("the partnership card has no Edit details button")
	}

	f := app.Home.editPartnershipForm(p)
	if f.Name.Text != "Eastmoor Partnership" || len(f.Agencies) != 3 || f.Agencies[1].Name.Text != "NHS Eastmoor ICB" {
		t.Fatalf("the form is not filled from the partnership: %q, %d agencies", f.Name.Text, len(f.Agencies))
	}
	f.Name.SetText("Eastmoor Safeguarding Children Partnership")
	f.Area.SetText("Eastmoor")
	f.Agencies[1].Name.SetText("NHS Eastmoor Integrated Care Board")
	test.Tap(f.Agencies[2].Remove)
	test.Tap(f.AddAgency)
	f.Agencies[3].Name.SetText("Eastmoor Schools Forum")
	test.Tap(f.dialog.Submit)
	if f.dialog.Problem.Visible() {
		t.Fatalf("not saved: %s", f.dialog.Problem.Text)
	}
	got, _ := s.(*store.Store).Partnership(ctx, p.ID)
	var names []string
	for _, a := range got.Agencies {
		names = append(names, a.Name)
	}
	if got.Name != "Eastmoor Safeguarding Children Partnership" || got.Area != "Eastmoor" ||
		strings.Join(names, "|") != "Eastmoor Council|NHS Eastmoor Integrated Care Board|Eastmoor Schools Forum" {
		t.Errorf("after editing: %q, %q, %v", got.Name, got.Area, names)
	}
	log, err := s.(*store.Store).AuditLog(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	audited := false
	for _, e := range log {
		audited = audited || (e.Field == "name" && e.Old == "Eastmoor Partnership" && e.New == got.Name)
	}
	if !audited {
		t.Errorf("the rename is not in the audit log: %+v", log)
	}
}
