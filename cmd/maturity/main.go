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
	"fyne.io/fyne/v2/widget"

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
	w.Resize(preferredSize)

	// Show the window first, then fill it: opening the database (and
	// migrating it) happens while the window is already on screen.
	w.SetContent(widget.NewLabel("Opening the database…"))
	ctx := context.Background()
	var opened *store.Store
	stopSaving := func() {}
	a.Lifecycle().SetOnStarted(func() {
		w.Resize(windowSize(w.Canvas().Scale()))
		go func() {
			path, err := dbPath(*db)
			var s *store.Store
			if err == nil {
				s, err = store.Open(ctx, path)
			}
			fyne.Do(func() {
				if err != nil {
					w.SetContent(ui.NewOpenError(path, err, a.Quit).Content())
					return
				}
				opened = s
				app := ui.New(ctx, a, w, s)
				stopSaving = app.SaveOnExit()
				app.Start()
				if c := s.OtherCopy(); c != nil {
					ui.ShowOtherCopy(w, c)
				}
				if *open != "" {
					app.OpenAssessment(*open)
				}
				go backupDaily(s)
			})
		}()
	})
	w.ShowAndRun()
	stopSaving()
	if opened != nil {
		opened.Close()
	}
}

// backupDaily keeps the day's copy of the database beside it; a failure is
// logged, never shown, as the database itself is unharmed.
func backupDaily(s *store.Store) {
	if _, err := s.BackupDaily(context.Background()); err != nil {
		log.Printf("daily backup of %s: %v", s.Path(), err)
	}
}

// dbPath is the database file: the flag, else the default location.
func dbPath(flagged string) (string, error) {
	if flagged != "" {
		return flagged, nil
	}
	return store.DefaultPath()
}
