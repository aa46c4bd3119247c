package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/store"
)

func TestHomeShowsDemo(t *testing.T) {
	_, s := demoSession(t)
	app := New(context.Background(), fyne.CurrentApp(), test.NewTempWindow(t, nil), s)
	app.Home.run = inline
	reload(t, app.Home)
	h := app.Home
	if len(h.Detail.Objects) != 1 || h.Partnerships.Length() != 1 || h.Selected != 0 {
		t.Fatalf("got %d partnership cards, %d listed; want 1 shown and selected", len(h.Detail.Objects), h.Partnerships.Length())
	}
	got := texts(h.Detail)
	for _, want := range []string{demo.PartnershipName, "Northshire · 6 agencies", "2023/24", "2024/25", "2025/26",
		"Signed off", "Agreed", "17 of 18", "18 of 18", "2.0 Emerging"} {
		if !strings.Contains(got, want) {
			t.Errorf("home lacks %q:\n%s", want, got)
		}
	}
	if !strings.HasPrefix(h.Status.Text, "1 partnership. ") {
		t.Errorf("status %q", h.Status.Text)
	}
}

func TestHomeEmpty(t *testing.T) {
	app, _ := newTestApp(t)
	h := app.Home
	if len(h.Detail.Objects) != 0 || !strings.Contains(h.Status.Text, "No partnerships yet") {
		t.Errorf("empty database: %d cards, status %q", len(h.Detail.Objects), h.Status.Text)
	}
}

func TestOpenError(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(path, []byte("shopping list: milk, eggs"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := store.Open(context.Background(), path)
	if err == nil {
		t.Fatal("a text file opened as a database")
	}
	quit := false
	e := NewOpenError(path, err, func() { quit = true })
	test.NewTempWindow(t, e.Content())
	for _, want := range []string{path, "not a Partnership Maturity database", "Nothing in the file was changed", "not one of the app's databases"} {
		if !strings.Contains(e.Message.Text, want) {
			t.Errorf("message lacks %q:\n%s", want, e.Message.Text)
		}
	}
	if strings.Contains(e.Message.Text, "Close any other copy") || strings.Contains(e.Message.Text, "Another copy of the app") {
		t.Errorf("a file that is not a database is blamed on another copy of the app:\n%s", e.Message.Text)
	}
	if locked := NewOpenError(path, fmt.Errorf("open: %w", store.ErrLocked), nil); !strings.Contains(locked.Message.Text, "Another copy of the app") {
		t.Errorf("a locked file's advice: %s", locked.Message.Text)
	}
	test.Tap(e.Quit)
	if !quit {
		t.Errorf("Quit did not quit")
	}
}

func TestHomeSelectsAmongMany(t *testing.T) {
	app, s := newTestApp(t)
	for _, name := range []string{"Beta Safeguarding Children Partnership", "Alpha Safeguarding Children Partnership"} {
		if _, err := s.CreatePartnership(context.Background(), assessment.Partnership{Name: name, Area: strings.Fields(name)[0],
			Agencies: []assessment.Agency{{Name: "Council", Kind: assessment.LocalAuthority}}}); err != nil {
			t.Fatal(err)
		}
	}
	reload(t, app.Home)
	h := app.Home
	if h.Partnerships.Length() != 2 || !strings.Contains(texts(h.Detail), "Alpha Safeguarding") {
		t.Fatalf("first shown should be Alpha (by name): %s", texts(h.Detail))
	}
	h.Partnerships.Select(1)
	if h.Selected != 1 || !strings.Contains(texts(h.Detail), "Beta Safeguarding") {
		t.Errorf("selecting Beta shows %s", texts(h.Detail))
	}
	reload(t, h)
	if h.Selected != 1 {
		t.Errorf("reloading lost the selection: %d", h.Selected)
	}
}
