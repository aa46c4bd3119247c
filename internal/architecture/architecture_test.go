package architecture_test

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/partnership-maturity/maturity/"

// allowed lists, for each package, the project packages it may import
// (directly or not). Anything of the project's not listed is refused.
var allowed = map[string][]string{
	"internal/about":         {},
	"internal/english":       {},
	"internal/questionnaire": {},
	"internal/assessment":    {"internal/questionnaire"},
	"internal/store":         {"internal/questionnaire", "internal/assessment", "internal/english"},
	"internal/signing":       {},
	"internal/bundle":        {"internal/questionnaire", "internal/assessment", "internal/signing"},
	"internal/chart":         {},
	"assets":                 {},
	"internal/report":        {"internal/questionnaire", "internal/assessment", "internal/chart", "internal/about", "assets", "internal/signing", "internal/english"},
	"internal/export": {"internal/questionnaire", "internal/assessment", "internal/chart", "internal/about", "assets",
		"internal/report", "internal/bundle", "internal/signing", "internal/english"},
	"internal/demo":  {"internal/questionnaire", "internal/assessment", "internal/bundle", "internal/signing"},
	"questionnaires": {"internal/questionnaire"},
}

// deps lists the packages pkg depends on, directly or not.
func deps(t *testing.T, pkg string, env ...string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "./"+pkg)
	cmd.Dir = "../.."
	cmd.Env = append(cmd.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", pkg, err, out)
	}
	return strings.Fields(string(out))
}

func TestDependenciesPointOneWay(t *testing.T) {
	for pkg, ok := range allowed {
		for _, d := range deps(t, pkg) {
			if strings.HasPrefix(d, "fyne.io/") {
				t.Errorf("%s depends on Fyne (%s); only internal/ui and cmd/maturity may", pkg, d)
			}
			own, isOwn := strings.CutPrefix(d, module)
			if isOwn && own != pkg && !slices.Contains(ok, own) {
				t.Errorf("%s depends on %s; it may depend only on %v", pkg, own, ok)
			}
		}
	}
}

// TestCommandLineNeedsNoCgoOrFyne keeps maturityctl buildable on any
// machine, without a C compiler or a display.
func TestCommandLineNeedsNoCgoOrFyne(t *testing.T) {
	build := exec.Command("go", "build", "-o", os.DevNull, "./cmd/maturityctl")
	build.Dir = "../.."
	build.Env = append(build.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("maturityctl does not build without cgo: %v\n%s", err, out)
	}
	for _, d := range deps(t, "cmd/maturityctl", "CGO_ENABLED=0") {
		if strings.HasPrefix(d, "fyne.io/") || d == module+"internal/ui" {
			t.Errorf("maturityctl depends on %s", d)
		}
	}
}
