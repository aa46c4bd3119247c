package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// This file is the one home of the label helpers every screen shares:
// wrapped text, headings, plurals and shortening.

// wrapLabel is a label that wraps at word boundaries.
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// boldLabel is a bold label.
func boldLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// shortText is the first n words of text, with "…" when there were more.
func shortText(text string, n int) string {
	words := strings.Fields(text)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.TrimRight(strings.Join(words[:n], " "), ",;:") + "…"
}

// importantLabel is a wrapped label drawn with importance i.
func importantLabel(text string, i widget.Importance) *widget.Label {
	l := wrapLabel(text)
	l.Importance = i
	return l
}

// titledCard is a card whose title wraps, so a long name never widens the
// window; Fyne's own card title does not wrap.
func titledCard(title, subtitle string, body fyne.CanvasObject) *widget.Card {
	head := wrapLabel(title)
	head.TextStyle = fyne.TextStyle{Bold: true}
	head.SizeName = theme.SizeNameSubHeadingText
	box := container.NewVBox(head)
	if subtitle != "" {
		box.Add(wrapLabel(subtitle))
	}
	box.Add(body)
	return widget.NewCard("", "", box)
}
