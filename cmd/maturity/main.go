// Command maturity is the Partnership Maturity desktop app. It only wires
// the store to the screens; the screens live in internal/ui.
package main

import (
	"context"
	"flag"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/partnership-maturity/maturity/assets"
	"github.com/partnership-maturity/maturity/internal/about"
	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/internal/ui"
)

func main() {
	db := flag.String("db", os.Getenv("MATURITY_DB"), "database file (default: $MATURITY_DB, else the app's data folder)")
	flag.Parse()

	a := app.NewWithID(about.ID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow(about.Name)
	w.Resize(fyne.NewSize(1100, 720))

	ctx := context.Background()
	path := *db
	s, err := openStore(ctx, path)
	if err != nil {
		if path == "" {
			path, _ = store.DefaultPath()
		}
		w.SetContent(ui.NewOpenError(path, err, a.Quit).Content())
		w.ShowAndRun()
		return
	}
	defer s.Close()
	home := ui.NewHome(s)
	w.SetContent(home.Content())
	home.Load(ctx, nil)
	w.ShowAndRun()
}

// openStore opens the database at path, or at the default location.
func openStore(ctx context.Context, path string) (*store.Store, error) {
	if path == "" {
		var err error
		if path, err = store.DefaultPath(); err != nil {
			return nil, err
		}
	}
	return store.Open(ctx, path)
}
