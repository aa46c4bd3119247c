package ui

import (
	"image/color"
	"net/url"
	"os/user"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/store"
)

// Preference keys.
const (
	prefName      = "name"
	prefTheme     = "theme"
	prefTextScale = "textScale"
)

// The theme choices.
const (
	themeSystem = "Follow the system"
	themeLight  = "Light"
	themeDark   = "Dark"
)

// textSizes are the text size choices and their scale.
var textSizes = []struct {
	label string
	scale float64
}{{"Normal", 1}, {"Large", 1.2}, {"Larger (for projecting)", 1.45}}

// Settings holds the person's preferences: their name for the audit log,
// the theme, the text size; and shows where the database is.
type Settings struct {
	app   fyne.App
	win   fyne.Window
	store Store

	Name      *widget.Entry
	Theme     *widget.RadioGroup
	TextSize  *widget.Select
	OpenFiles *widget.Button
	content   fyne.CanvasObject
}

// NewSettings reads the saved preferences and applies them.
func NewSettings(a fyne.App, win fyne.Window, s Store) *Settings {
	st := &Settings{app: a, win: win, store: s}
	prefs := a.Preferences()
	st.Name = widget.NewEntry()
	st.Name.Validator = assessment.PersonField.Check
	name := prefs.StringWithFallback(prefName, defaultName())
	if assessment.PersonField.Check(name) != nil { // a preferences file edited by hand
		name = ""
	}
	st.Name.SetText(name)
	st.Name.OnChanged = func(name string) {
		if assessment.PersonField.Check(name) != nil {
			return // the field shows why; the audit log keeps the last good name
		}
		prefs.SetString(prefName, name)
		s.SetActor(strings.TrimSpace(name))
	}
	s.SetActor(strings.TrimSpace(st.Name.Text))
	st.Theme = widget.NewRadioGroup([]string{themeSystem, themeLight, themeDark}, func(choice string) {
		prefs.SetString(prefTheme, choice)
		st.apply()
	})
	st.Theme.Horizontal = true
	st.Theme.Required = true
	st.TextSize = widget.NewSelect(textSizeLabels(), func(choice string) {
		prefs.SetFloat(prefTextScale, textScale(choice))
		st.apply()
	})
	st.Theme.SetSelected(prefs.StringWithFallback(prefTheme, themeSystem))
	st.TextSize.SetSelected(textSizeLabel(prefs.FloatWithFallback(prefTextScale, 1)))
	st.OpenFiles = widget.NewButtonWithIcon("Open the data folder", theme.FolderOpenIcon(), st.openFolder)
	where := widget.NewLabel(s.Path())
	where.Wrapping = fyne.TextWrapBreak
	form := widget.NewForm(
		widget.NewFormItem("Your name", st.Name),
		widget.NewFormItem("Theme", st.Theme),
		widget.NewFormItem("Text size", st.TextSize),
		widget.NewFormItem("Database", container.NewVBox(where, container.NewHBox(st.OpenFiles))),
	)
	form.Items[0].HintText = "Written in the audit log beside every change you make"
	st.content = form
	return st
}

// Show opens the settings in a dialog.
func (st *Settings) Show() {
	d := dialog.NewCustom("Settings", "Close", st.content, st.win)
	d.Resize(fyne.NewSize(620, 360))
	d.Show()
}

// apply sets the chosen theme and text size.
func (st *Settings) apply() {
	t := &appTheme{scale: float32(st.app.Preferences().FloatWithFallback(prefTextScale, 1))}
	switch st.Theme.Selected {
	case themeLight:
		v := theme.VariantLight
		t.variant = &v
	case themeDark:
		v := theme.VariantDark
		t.variant = &v
	}
	// Keep the window's size: text made larger again after being larger
	// must not leave the window wider than the screen.
	size := st.win.Canvas().Size()
	st.app.Settings().SetTheme(t)
	if !size.IsZero() {
		st.win.Resize(size)
	}
}

// openFolder opens the folder holding the database in the file manager.
func (st *Settings) openFolder() {
	u := &url.URL{Scheme: "file", Path: filepath.Dir(st.store.Path())}
	if err := st.app.OpenURL(u); err != nil {
		dialog.ShowError(err, st.win)
	}
}

// defaultName is the account's full name, else its login name.
func defaultName() string {
	u, err := user.Current()
	if err != nil {
		return ""
	}
	if u.Name != "" {
		return u.Name
	}
	return store.LoginName(u.Username)
}

// textSizeLabels lists the text size choices.
func textSizeLabels() []string {
	labels := make([]string, len(textSizes))
	for i, s := range textSizes {
		labels[i] = s.label
	}
	return labels
}

// textScale is the scale of a text size choice.
func textScale(label string) float64 {
	for _, s := range textSizes {
		if s.label == label {
			return s.scale
		}
	}
	return 1
}

// textGrowth is how many times larger than normal text is now drawn.
func textGrowth() float32 {
	return theme.TextSize() / theme.DefaultTheme().Size(theme.SizeNameText)
}

// textSizeLabel is the choice nearest to scale.
func textSizeLabel(scale float64) string {
	best := textSizes[0]
	for _, s := range textSizes {
		if abs(s.scale-scale) < abs(best.scale-scale) {
			best = s
		}
	}
	return best.label
}

// abs is the absolute value of x.
func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// appTheme is Fyne's default theme with a chosen variant and text size.
type appTheme struct {
	variant *fyne.ThemeVariant
	scale   float32
}

// Color uses the chosen variant, or the system's.
func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		v = *t.variant
	}
	if c, ok := lightSignals[n]; ok && v == theme.VariantLight {
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

// lightSignals replace Fyne's bright green, orange and red on a light
// background, which read poorly as text (1.6:1 for green on white), with
// shades that give text at least the 4.5:1 contrast WCAG asks for.
var lightSignals = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameSuccess: color.NRGBA{R: 0x1b, G: 0x7a, B: 0x2b, A: 0xff},
	theme.ColorNameWarning: color.NRGBA{R: 0x9a, G: 0x56, B: 0x00, A: 0xff},
	theme.ColorNameError:   color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff},
}

// Font is the default font.
func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

// Icon is the default icon.
func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size scales text sizes; other sizes are the default.
func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	size := theme.DefaultTheme().Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return size * t.scale
	}
	return size
}
