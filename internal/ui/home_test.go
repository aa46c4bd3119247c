package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/store"
)

func TestHomeShowsDemo(t *testing.T) {
	_, s := demoSession(t)
	app := New(context.Background(), fyne.CurrentApp(), test.NewTempWindow(t, nil), s)
	app.Home.run = inline
	reload(t, app.Home)
	h := app.Home
	if len(h.List.Objects) != 1 {
		t.Fatalf("got %d partnership cards; want 1", len(h.List.Objects))
	}
	got := texts(h.List)
	for _, want := range []string{demo.PartnershipName, "Northshire · 6 agencies", "2023/24", "2024/25", "2025/26",
		"Signed off", "Agreed", "17 of 18", "18 of 18", "2.0 Emerging"} {
		if !strings.Contains(got, want) {
			t.Errorf("home lacks %q:\n%s", want, got)
		}
	}
	if !strings.HasPrefix(h.Status.Text, "1 partnership(s).") {
		t.Errorf("status %q", h.Status.Text)
	}
}

func TestHomeEmpty(t *testing.T) {
	app, _ := newTestApp(t)
	h := app.Home
	if len(h.List.Objects) != 0 || !strings.Contains(h.Status.Text, "No partnerships yet") {
		t.Errorf("empty database: %d cards, status %q", len(h.List.Objects), h.Status.Text)
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
	for _, want := range []string{path, "not a Partnership Maturity database", "Nothing in the file was changed"} {
		if !strings.Contains(e.Message.Text, want) {
			t.Errorf("message lacks %q:\n%s", want, e.Message.Text)
		}
	}
	test.Tap(e.Quit)
	if !quit {
		t.Errorf("Quit did not quit")
	}
}
