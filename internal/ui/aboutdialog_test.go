package ui

import (
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/about"
)

// TestAboutDialog opens About from the Help menu and checks it names the
// version with its commit, the questions' source, the licence and the
// database.
func TestAboutDialog(t *testing.T) {
	app, s := newTestApp(t)
	menus := app.win.MainMenu().Items
	help := menus[len(menus)-1]
	if help.Label != "Help" || len(help.Items) != 1 || !strings.HasPrefix(help.Items[0].Label, "About "+about.Name) {
		t.Fatalf("the last menu is %q with %d items; want Help with About", help.Label, len(help.Items))
	}
	help.Items[0].Action()
	if app.win.Canvas().Overlays().Top() == nil {
		t.Fatal("About did not open a dialog")
	}
	got := texts(aboutContent(s.Path()))
	for _, want := range []string{about.Name + " " + about.FullVersion(), "Annual Report 2022/23", "word for word",
		"Open Government Licence v3.0", "app's own", "Database: " + s.Path()} {
		if !strings.Contains(got, want) {
			t.Errorf("About lacks %q:\n%s", want, got)
		}
	}
}
