package store

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestFileURI checks the database address for paths as Windows and Unix
// write them, on every platform: SQLite must see an empty authority and
// the whole name, whatever letters it holds.
func TestFileURI(t *testing.T) {
	const q = "_pragma=foreign_keys%281%29"
	tests := []struct {
		name    string
		path    string
		windows bool
		want    string
	}{
		{"drive letter", `C:\Users\jo\AppData\Roaming\partnership-maturity\maturity.db`, true,
			"file:///C:/Users/jo/AppData/Roaming/partnership-maturity/maturity.db?" + q},
		{"lower-case drive", `d:\maturity.db`, true, "file:///d:/maturity.db?" + q},
		{"UNC share", `\\fileserver\Safeguarding\Partnership\maturity.db`, true,
			"file:////fileserver/Safeguarding/Partnership/maturity.db?" + q},
		{"long-path drive", `\\?\C:\Data\maturity.db`, true, "file:///C:/Data/maturity.db?" + q},
		{"long-path UNC", `\\?\UNC\fileserver\share\maturity.db`, true, "file:////fileserver/share/maturity.db?" + q},
		{"spaces", `C:\Users\Jo Bloggs\My Documents\board 2025.db`, true,
			"file:///C:/Users/Jo%20Bloggs/My%20Documents/board%202025.db?" + q},
		{"hash, question mark, percent", `C:\Data\50% done #2 why?.db`, true,
			"file:///C:/Data/50%25%20done%20%232%20why%3F.db?" + q},
		{"non-ASCII", `C:\Users\Zoë Ó Súilleabháin\Überprüfung.db`, true,
			"file:///C:/Users/Zo%C3%AB%20%C3%93%20S%C3%BAilleabh%C3%A1in/%C3%9Cberpr%C3%BCfung.db?" + q},
		{"Unix", "/home/jo/.config/partnership-maturity/maturity.db", false,
			"file:///home/jo/.config/partnership-maturity/maturity.db?" + q},
		{"Unix, backslash is a letter", `/home/jo/a\b #1?.db`, false, "file:///home/jo/a%5Cb%20%231%3F.db?" + q},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fileURI(tt.path, tt.windows, q)
			if got != tt.want {
				t.Errorf("fileURI(%q, windows=%v)\n got %s\nwant %s", tt.path, tt.windows, got, tt.want)
			}
			if after, ok := strings.CutPrefix(got, "file://"); !ok || !strings.HasPrefix(after, "/") {
				t.Errorf("fileURI(%q) = %s: SQLite would read an authority before the path", tt.path, got)
			}
		})
	}
}

// TestOpenAwkwardNames opens databases whose folder and file names hold
// the letters a URI treats specially, and checks SQLite created the file
// under exactly that name and nothing beside it.
func TestOpenAwkwardNames(t *testing.T) {
	names := []string{
		"board 2025.db", "50% done.db", "a%20b.db", "item #2.db", "why?.db",
		"Zoë Ó Súilleabháin – Überprüfung.db", "a&b=c;d.db",
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "Partnership #1 50% ünïcode?")
			path := filepath.Join(dir, name)
			s, err := Open(context.Background(), path)
			if err != nil {
				t.Fatalf("Open(%q): %v", path, err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil || !strings.HasPrefix(string(data), sqliteHeader) {
				t.Fatalf("%q is not the database (%v)", path, err)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if !IsDatabaseFile(path, filepath.Join(dir, e.Name())) {
					t.Errorf("stray file %q beside %q", e.Name(), name)
				}
			}
			s, err = Open(context.Background(), path)
			if err != nil {
				t.Fatalf("reopening %q: %v", path, err)
			}
			s.Close()
		})
	}
}

// TestDefaultPathOnEveryPlatform checks the database lives in the user's
// configuration folder: %AppData%\partnership-maturity on Windows.
func TestDefaultPathOnEveryPlatform(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "xdg"))
	t.Setenv("APPDATA", filepath.Join(home, "AppData", "Roaming"))
	base := map[string]string{
		"windows": filepath.Join(home, "AppData", "Roaming"),
		"darwin":  filepath.Join(home, "Library", "Application Support"),
		"ios":     filepath.Join(home, "Library", "Application Support"),
		"plan9":   filepath.Join(home, "lib"),
	}[runtime.GOOS]
	if base == "" {
		base = filepath.Join(home, "xdg")
	}
	got, err := DefaultPath()
	want := filepath.Join(base, "partnership-maturity", "maturity.db")
	if err != nil || got != want {
		t.Errorf("DefaultPath() = %q, %v; want %q", got, err, want)
	}
}

// TestOnlyDSNBuildsFileURIs keeps every SQLite address the store opens going
// through localURI: a file: URI built by hand elsewhere is what broke the
// lock file and the read-only opener on Windows ("invalid uri authority").
func TestOnlyDSNBuildsFileURIs(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if name == "dsn.go" || strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(src), `Scheme: "file"`) || strings.Contains(string(src), `"file:`) {
			t.Errorf("%s builds a file: URI itself; name the file through localURI", name)
		}
	}
}
