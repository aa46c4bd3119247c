package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestSignalColoursReadAsText: the success, warning and error colours used
// for words such as "improved", "at risk" and "not met" read as text on the
// background in both variants, and the check itself tells Fyne's bright
// green on white apart.
func TestSignalColoursReadAsText(t *testing.T) {
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := &appTheme{variant: &v, scale: 1}
		bg := th.Color(theme.ColorNameBackground, v)
		for _, n := range []fyne.ThemeColorName{theme.ColorNameSuccess, theme.ColorNameWarning, theme.ColorNameError} {
			if r := contrast(th.Color(n, v), bg); r < 4.5 {
				t.Errorf("variant %d: %s on the background is %.1f:1; want at least 4.5:1", v, n, r)
			}
		}
	}
	light := theme.VariantLight
	if r := contrast(theme.DefaultTheme().Color(theme.ColorNameSuccess, light), theme.DefaultTheme().Color(theme.ColorNameBackground, light)); r >= 4.5 {
		t.Errorf("Fyne's own green on white measures %.1f:1; the check cannot fail", r)
	}
}
