package export

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestRenameRefusedOnWindows checks what a Windows user is told when the
// file being replaced is open in Excel or a PDF reader, on every platform.
func TestRenameRefusedOnWindows(t *testing.T) {
	refused := func(errno syscall.Errno) error {
		return &os.LinkError{Op: "rename", Old: `C:\Users\jo\Documents\.a.tmp`, New: `C:\Users\jo\Documents\a`, Err: errno}
	}
	tests := []struct {
		path    string
		err     error
		windows bool
		want    string
	}{
		{`C:\Users\jo\Documents\Northshire-2025-26-workbook.xlsx`, refused(winSharingViolation), true,
			`cannot write C:\Users\jo\Documents\Northshire-2025-26-workbook.xlsx: it is open in another program, or read-only. Close the file in Excel (or whichever program shows it) and try again`},
		{`C:\Users\Zoë\Documents\report 2025.pdf`, refused(winAccessDenied), true,
			`cannot write C:\Users\Zoë\Documents\report 2025.pdf: it is open in another program, or read-only. Close the file in your PDF reader and try again`},
		{`D:\a.json`, refused(winLockViolation), true,
			`cannot write D:\a.json: it is open in another program, or read-only. Close the file in the program that has it open and try again`},
		{`D:\b.csv`, fmtWrapped(refused(winSharingViolation)), true, "Close the file in Excel (or whichever program shows it) and try again"},
		// A full disk is not a file left open.
		{`D:\a.pdf`, refused(112), true, `cannot write D:\a.pdf: ` + syscall.Errno(112).Error()},
		// On Linux errno 5 is an input/output error, not a refusal.
		{"/home/jo/a.pdf", refused(5), false, "cannot write /home/jo/a.pdf: " + syscall.Errno(5).Error()},
	}
	for _, tt := range tests {
		got := renameError(tt.path, tt.err, tt.windows).Error()
		if !strings.Contains(got, tt.want) {
			t.Errorf("renameError(%q, %v, windows=%v)\n got %q\nwant %q", tt.path, tt.err, tt.windows, got, tt.want)
		}
		inUse := tt.windows && !errors.Is(tt.err, syscall.Errno(112))
		if strings.Contains(got, "Close the file") != inUse {
			t.Errorf("renameError(%q, %v, windows=%v) = %q: should it say to close the file? %v", tt.path, tt.err, tt.windows, got, inUse)
		}
	}
}

// fmtWrapped wraps err once more, as callers do.
func fmtWrapped(err error) error { return &os.PathError{Op: "write", Path: "x", Err: err} }

// TestDocumentsFolder checks where exports are suggested on Linux and
// macOS: the folder user-dirs.dirs names, else ~/Documents, else home.
func TestDocumentsFolder(t *testing.T) {
	home := t.TempDir()
	if got := documentsIn(home, ""); got != home {
		t.Errorf("with no Documents folder: %q, want the home folder %q", got, home)
	}
	docs := filepath.Join(home, "Documents")
	os.Mkdir(docs, 0o755)
	if got := documentsIn(home, ""); got != docs {
		t.Errorf("with ~/Documents: %q, want %q", got, docs)
	}
	config := filepath.Join(home, "cfg")
	os.Mkdir(config, 0o755)
	os.WriteFile(filepath.Join(config, "user-dirs.dirs"), []byte("# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente für Zoë\"\n"), 0o644)
	if got := documentsIn(home, config); got != docs {
		t.Errorf("user-dirs.dirs names a missing folder: %q, want %q", got, docs)
	}
	named := filepath.Join(home, "Dokumente für Zoë")
	os.Mkdir(named, 0o755)
	if got := documentsIn(home, config); got != named {
		t.Errorf("user-dirs.dirs names %q: got %q", named, got)
	}
}

// TestWriteAwkwardNames writes an export to folders and names with spaces,
// non-ASCII letters, # and %, and reads it back.
func TestWriteAwkwardNames(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Partnership Board – Zoë's #1 (50%)")
	os.Mkdir(dir, 0o755)
	path := filepath.Join(dir, "Überprüfung 2025-26.json")
	if err := WriteFileAtomic(path, []byte(`{"ok":true}`), ""); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(path); err != nil || string(data) != `{"ok":true}` {
		t.Errorf("read back %q, %v", data, err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 {
		t.Errorf("left behind %v", left)
	}
}
