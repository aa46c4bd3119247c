package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// LevelChoice is one level of the maturity scale shown as a choice: its
// number and label, the scale's descriptor and the theme's guidance for
// it. Tapping it chooses the level. The chosen one is filled and outlined
// and says "chosen" in words, not by colour alone.
type LevelChoice struct {
	widget.BaseWidget
	// Value is the level this choice stands for (0 for not assessed).
	Value int
	// Selected is true when this is the saved level.
	Selected bool
	// Disabled choices ignore taps.
	Disabled bool

	name         string
	guidanceText string
	onTap        func(int)
	hovered      bool
	bg           *canvas.Rectangle
	mark         *widget.Icon
	descriptor   string
	text         *widget.RichText
	guidance     *widget.RichText
	body         *fyne.Container
}

// newLevelChoice builds a choice for level value named name.
func newLevelChoice(value int, name, descriptor string, onTap func(int)) *LevelChoice {
	c := &LevelChoice{Value: value, name: name, onTap: onTap}
	c.bg = canvas.NewRectangle(color.Transparent)
	c.bg.CornerRadius = theme.InputRadiusSize()
	c.mark = widget.NewIcon(theme.RadioButtonIcon())
	c.descriptor = strings.TrimSpace(descriptor)
	c.text = widget.NewRichText()
	c.text.Wrapping = fyne.TextWrapWord
	c.guidance = widget.NewRichText()
	c.guidance.Wrapping = fyne.TextWrapWord
	c.guidance.Hide()
	c.setText()
	text := container.NewVBox(c.text, c.guidance)
	// The text brings its own inner padding: the card adds only a little at
	// the sides, so the whole scale fits on the screen at once.
	c.body = container.NewStack(c.bg, container.New(layout.NewCustomPaddedLayout(0, 0, theme.Padding(), theme.Padding()),
		container.NewBorder(nil, nil, container.NewVBox(container.New(layout.NewCustomPaddedLayout(theme.InnerPadding(), 0, 0, 0), c.mark)), nil, text)))
	c.ExtendBaseWidget(c)
	return c
}

// Text is what the choice says: its name, "chosen" when it is, and its
// descriptor.
func (c *LevelChoice) Text() string { return c.text.String() }

// setText writes the name, "chosen" when it is, and the descriptor on one
// wrapped paragraph, so the whole scale fits on the screen at once.
func (c *LevelChoice) setText() {
	name := c.name
	if c.Selected {
		name += " — chosen"
	}
	c.text.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: name, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Text: ": " + c.descriptor, Style: widget.RichTextStyleInline},
	}
	c.text.Refresh()
}

// setGuidance sets the theme's guidance for this level, labelled as the
// app's; it is shown on the chosen level only, so the scale stays short.
func (c *LevelChoice) setGuidance(text string) {
	if text == c.guidanceText {
		return
	}
	c.guidanceText = text
	walkShow(c.guidance, text != "" && c.Selected)
	if text == "" {
		return
	}
	c.guidance.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: "App guidance: ", Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNamePlaceHolder}},
		&widget.TextSegment{Text: text, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Italic: true}}},
	}
	c.guidance.Refresh()
}

// setSelected marks the choice as the saved level or not.
func (c *LevelChoice) setSelected(selected bool) {
	if c.Selected == selected {
		return
	}
	c.Selected = selected
	walkShow(c.guidance, c.guidanceText != "" && selected)
	c.setText()
	c.Refresh()
}

// setDisabled turns taps off or on.
func (c *LevelChoice) setDisabled(disabled bool) {
	if c.Disabled == disabled {
		return
	}
	c.Disabled = disabled
	c.Refresh()
}

// Tapped chooses this level.
func (c *LevelChoice) Tapped(*fyne.PointEvent) {
	if c.Disabled || c.onTap == nil {
		return
	}
	c.onTap(c.Value)
}

// Cursor shows a pointing hand over a choice that can be tapped.
func (c *LevelChoice) Cursor() desktop.Cursor {
	if c.Disabled {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// MouseIn highlights the choice under the pointer.
func (c *LevelChoice) MouseIn(*desktop.MouseEvent) { c.hovered = true; c.Refresh() }

// MouseMoved does nothing; it completes desktop.Hoverable.
func (c *LevelChoice) MouseMoved(*desktop.MouseEvent) {}

// MouseOut ends the highlight.
func (c *LevelChoice) MouseOut() { c.hovered = false; c.Refresh() }

// CreateRenderer draws the choice.
func (c *LevelChoice) CreateRenderer() fyne.WidgetRenderer {
	r := &levelChoiceRenderer{c: c}
	r.Refresh()
	return r
}

// levelChoiceRenderer lays out a LevelChoice and brings its look up to
// date with its state and the theme on every refresh.
type levelChoiceRenderer struct{ c *LevelChoice }

func (r *levelChoiceRenderer) Layout(size fyne.Size)        { r.c.body.Resize(size) }
func (r *levelChoiceRenderer) MinSize() fyne.Size           { return r.c.body.MinSize() }
func (r *levelChoiceRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.c.body} }
func (r *levelChoiceRenderer) Destroy()                     {}

// Refresh updates the outline, fill, mark and title for the state.
func (r *levelChoiceRenderer) Refresh() {
	c := r.c
	v := fyne.CurrentApp().Settings().ThemeVariant()
	th := c.Theme()
	c.bg.StrokeWidth = 1
	c.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	c.bg.FillColor = color.Transparent
	c.mark.SetResource(theme.RadioButtonIcon())
	if c.Selected {
		c.bg.StrokeWidth = 3
		c.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
		c.bg.FillColor = th.Color(theme.ColorNameSelection, v)
		c.mark.SetResource(theme.RadioButtonCheckedIcon())
	} else if c.hovered && !c.Disabled {
		c.bg.FillColor = th.Color(theme.ColorNameHover, v)
	}
	c.bg.Refresh()
}
