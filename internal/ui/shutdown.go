package ui

import (
	"os"
	"os/signal"
	"sync"
	"syscall"

	"fyne.io/fyne/v2"
)

// SaveOnExit makes the app save any edit still waiting (text typed but not
// yet saved) however it stops: on SIGTERM or SIGINT, as at logout, at
// shutdown or on Ctrl+C in a terminal, after which the app quits; and when
// the app quits by its menu or the desktop. Closing the window already
// saves. It returns a function that stops listening for the signals.
//
// Fyne's desktop driver also quits on these signals, and runs the stopped
// hook on its own goroutine once its loop has ended, so the two saves may
// meet: a lock keeps them one after the other, and the second finds
// nothing left to save.
func (a *App) SaveOnExit() (stop func()) {
	var mu sync.Mutex
	save := func() {
		mu.Lock()
		defer mu.Unlock()
		a.flush()
	}
	a.fyne.Lifecycle().SetOnStopped(save)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, os.Interrupt)
	done := make(chan struct{})
	go func() {
		select {
		case <-signals:
			// Save at once; quitting is left to Fyne's driver, which quits
			// on the same signals (a second Quit after it panics in GLFW).
			fyne.DoAndWait(save)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(signals)
		close(done)
	}
}
