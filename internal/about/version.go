package about

import "runtime/debug"

// commit is the git commit a development build was made from, set by the
// Makefile with -ldflags "-X …/internal/about.commit=…"; when it is empty
// the commit Go recorded in the build, if any, is used.
var commit string

// FullVersion is the version people are told, by --version and the About
// dialog: Version alone in a release (a build with the "release" tag, as
// the packages are made), else Version with the git commit appended, such
// as "0.1.0+3f2a9c1" or "0.1.0+3f2a9c1-modified", or "0.1.0+dev" when the
// commit is not known.
func FullVersion() string {
	if release {
		return Version
	}
	return Version + "+" + devSuffix(commit, buildSettings())
}

// devSuffix names the development build: the commit given, else the one
// in the build settings (vcs.revision, shortened, with "-modified" when the
// work tree had uncommitted changes), else "dev".
func devSuffix(given string, settings map[string]string) string {
	if given != "" {
		return given
	}
	rev := settings["vcs.revision"]
	if rev == "" {
		return "dev"
	}
	rev = rev[:min(len(rev), 7)]
	if settings["vcs.modified"] == "true" {
		rev += "-modified"
	}
	return rev
}

// buildSettings returns the settings Go recorded in this program.
func buildSettings() map[string]string {
	settings := map[string]string{}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			settings[s.Key] = s.Value
		}
	}
	return settings
}
