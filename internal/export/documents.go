package export

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// DocumentsFolder returns the folder the app suggests for exports: the
// user's Documents folder (on Windows the one Explorer shows, even when IT
// has moved it to OneDrive or a network share; elsewhere XDG_DOCUMENTS_DIR
// or ~/Documents), else the home folder, else "" when neither is known.
func DocumentsFolder() string {
	if dir := systemDocuments(); dir != "" {
		return dir
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return documentsIn(home, os.Getenv("XDG_CONFIG_HOME"))
}

// documentsIn finds the Documents folder of the user whose home folder is
// home, as the freedesktop.org user-dirs.dirs file in configHome (default
// home/.config) names it, else home/Documents, else home itself. Only a
// folder that exists is returned. The file is read up to 64 KiB.
func documentsIn(home, configHome string) string {
	if configHome == "" {
		configHome = filepath.Join(home, ".config")
	}
	candidates := []string{filepath.Join(home, "Documents"), home}
	if f, err := os.Open(filepath.Join(configHome, "user-dirs.dirs")); err == nil {
		defer f.Close()
		lines := bufio.NewScanner(io.LimitReader(f, 64<<10))
		for lines.Scan() {
			value, ok := strings.CutPrefix(strings.TrimSpace(lines.Text()), "XDG_DOCUMENTS_DIR=")
			if !ok {
				continue
			}
			value = strings.Trim(value, `"`)
			if rest, ok := strings.CutPrefix(value, "$HOME"); ok {
				value = home + rest
			}
			if filepath.IsAbs(value) {
				candidates = append([]string{value}, candidates...)
			}
		}
	}
	for _, dir := range candidates {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir
		}
	}
	return ""
}
