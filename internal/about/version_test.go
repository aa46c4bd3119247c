package about

import (
	"strings"
	"testing"
)

// TestDevSuffix checks how a development build names its commit.
func TestDevSuffix(t *testing.T) {
	tests := []struct {
		given    string
		settings map[string]string
		want     string
	}{
		{"3f2a9c1", map[string]string{"vcs.revision": "0123456789abcdef"}, "3f2a9c1"},
		{"", map[string]string{"vcs.revision": "0123456789abcdef", "vcs.modified": "false"}, "0123456"},
		{"", map[string]string{"vcs.revision": "0123456789abcdef", "vcs.modified": "true"}, "0123456-modified"},
		{"", map[string]string{"vcs.revision": "abc"}, "abc"},
		{"", map[string]string{}, "dev"},
	}
	for _, tt := range tests {
		if got := devSuffix(tt.given, tt.settings); got != tt.want {
			t.Errorf("devSuffix(%q, %v) = %q, want %q", tt.given, tt.settings, got, tt.want)
		}
	}
}

// TestFullVersion checks a development build appends its commit and a
// release build (go test -tags release) does not.
func TestFullVersion(t *testing.T) {
	saved := commit
	t.Cleanup(func() { commit = saved })
	commit = "3f2a9c1"
	want := Version + "+3f2a9c1"
	if release {
		want = Version
	}
	if got := FullVersion(); got != want {
		t.Errorf("FullVersion() = %q, want %q", got, want)
	}
	text := VersionText()
	for _, part := range []string{Name + " " + want + "\n", "Annual Report 2022/23", "Open Government Licence v3.0", "app's own"} {
		if !strings.Contains(text, part) {
			t.Errorf("VersionText() lacks %q:\n%s", part, text)
		}
	}
}
