package ui_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/internal/ui"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// openDemo opens a new database holding the demo partnership.
func openDemo(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	q, err := questionnaires.LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range demo.Northshire(q, 1) {
		if err := s.ImportRecord(ctx, q, rec); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// loaded builds the home screen and waits until it has loaded.
func loaded(t *testing.T, s ui.Store) *ui.Home {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	h := ui.NewHome(context.Background(), s, w, func(string) {})
	w.SetContent(h.Content())
	w.Resize(fyne.NewSize(1000, 700))
	done := make(chan struct{})
	h.Load(func() { close(done) })
	<-done
	return h
}

// texts gathers the text of every label under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.Card:
			b.WriteString(v.Title + "\n" + v.Subtitle + "\n")
			walk(v.Content)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

func TestHomeShowsDemo(t *testing.T) {
	h := loaded(t, openDemo(t))
	if len(h.List.Objects) != 1 {
		t.Fatalf("got %d partnership cards; want 1", len(h.List.Objects))
	}
	got := texts(h.List)
	for _, want := range []string{demo.PartnershipName, "Northshire · 6 agencies", "2023/24", "2024/25", "2025/26",
		"Signed off", "Agreed", "17 of 18", "18 of 18"} {
		if !strings.Contains(got, want) {
			t.Errorf("home lacks %q:\n%s", want, got)
		}
	}
	if !strings.HasPrefix(h.Status.Text, "1 partnership(s).") {
		t.Errorf("status %q", h.Status.Text)
	}
}

func TestHomeEmpty(t *testing.T) {
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h := loaded(t, s)
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
	e := ui.NewOpenError(path, err, func() { quit = true })
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
