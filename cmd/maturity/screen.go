package main

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// preferredSize is the window's size on a screen with room for it.
var preferredSize = fyne.NewSize(1280, 800)

// windowSize is preferredSize, cut to the primary screen's work area (less
// room for the window's title bar) when that is smaller, so the window
// never opens larger than the screen. Call it on the main goroutine once
// the app has started: before that, GLFW knows no screen.
func windowSize(scale float32) fyne.Size {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return preferredSize
	}
	_, _, w, h := m.GetWorkarea()
	const titleBar = 32 // pixels, a typical decoration
	if w <= 0 || h <= titleBar || scale <= 0 {
		return preferredSize
	}
	return fyne.NewSize(min(preferredSize.Width, float32(w)/scale), min(preferredSize.Height, float32(h-titleBar)/scale))
}
