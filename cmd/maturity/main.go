// Command maturity is the Partnership Maturity desktop app. It only wires
// the store to the screens; the screens live in internal/ui.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
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
	open := flag.String("open", "", "open the assessment with this id (see maturityctl list)")
	version := flag.Bool("version", false, "print the version, the questions' source and the licences, and exit")
	flag.Parse()
	if *version {
		fmt.Println(about.VersionText())
		return
	}

	a := app.NewWithID(about.ID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := a.NewWindow(about.Name)
	w.Resize(fyne.NewSize(1200, 780))

	ctx := context.Background()
	path, err := dbPath(*db)
	var s *store.Store
	if err == nil {
		s, err = store.Open(ctx, path)
	}
	if err != nil {
		w.SetContent(ui.NewOpenError(path, err, a.Quit).Content())
		w.ShowAndRun()
		return
	}
	defer s.Close()
	go func() {
		if _, err := s.BackupDaily(ctx); err != nil {
			log.Printf("daily backup of %s: %v", s.Path(), err)
		}
	}()
	app := ui.New(ctx, a, w, s)
	defer app.SaveOnExit()()
	app.Start()
	if c := s.OtherCopy(); c != nil {
		ui.ShowOtherCopy(w, c)
	}
	if *open != "" {
		app.OpenAssessment(*open)
	}
	w.ShowAndRun()
}

// dbPath is the database file: the flag, else the default location.
func dbPath(flagged string) (string, error) {
	if flagged != "" {
		return flagged, nil
	}
	return store.DefaultPath()
}
