package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// FocusEntry is a multi-line entry that says when it gains or loses the
// keyboard, so a screen can show whether keys type into it, and that
// gives the keyboard back on Escape.
type FocusEntry struct {
	widget.Entry
	// Name says what the field is, for "Typing in Evidence".
	Name string
	// focus, when set, is told when the entry gains (true) or loses the
	// keyboard.
	focus func(e *FocusEntry, focused bool)
	win   func() fyne.Window
}

// newFocusEntry makes a word-wrapped, multi-line FocusEntry.
func newFocusEntry(name string, focus func(*FocusEntry, bool), win func() fyne.Window) *FocusEntry {
	e := &FocusEntry{Name: name, focus: focus, win: win}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained tells the screen that keys now type here.
func (e *FocusEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.focus != nil {
		e.focus(e, true)
	}
}

// FocusLost tells the screen that keys no longer type here.
func (e *FocusEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.focus != nil {
		e.focus(e, false)
	}
}

// TypedKey gives the keyboard back on Escape; other keys type as usual.
func (e *FocusEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.win != nil && e.win() != nil {
		e.win().Canvas().Unfocus()
		return
	}
	e.Entry.TypedKey(ev)
}
