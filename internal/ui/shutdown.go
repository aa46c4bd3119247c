package ui

import (
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
)

// SaveOnExit makes the app save any edit still waiting (text typed but not
// yet saved) however it stops: on SIGTERM or SIGINT, as at logout, at
// shutdown or on Ctrl+C in a terminal, after which the app quits; and when
// the app quits by its menu or the desktop. Closing the window already
// saves. It returns a function that stops listening for the signals.
func (a *App) SaveOnExit() (stop func()) {
	a.fyne.Lifecycle().SetOnStopped(a.flush)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, os.Interrupt)
	done := make(chan struct{})
	go func() {
		select {
		case <-signals:
			fyne.DoAndWait(a.flush)
			a.fyne.Quit()
		case <-done:
		}
	}()
	return func() {
		signal.Stop(signals)
		close(done)
	}
}
