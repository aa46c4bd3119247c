package about_test

import (
	"os"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/about"
)

// TestMatchesFyneApp keeps the constants and FyneApp.toml in step.
func TestMatchesFyneApp(t *testing.T) {
	data, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`Name = "` + about.Name + `"`, `ID = "` + about.ID + `"`, `Version = "` + about.Version + `"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("FyneApp.toml lacks %s", want)
		}
	}
}
