//go:build unix

package export_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/export"
)

// TestWriteHonoursUmask: a new export gets 0666 less the umask, and
// replacing a file never widens its mode.
func TestWriteHonoursUmask(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		umask    int
		existing fs.FileMode // 0: no file there before
		want     fs.FileMode
	}{
		{0o077, 0, 0o600},
		{0o022, 0, 0o644},
		{0o002, 0, 0o664},
		{0o022, 0o600, 0o600},
		{0o077, 0o644, 0o600},
		{0o022, 0o640, 0o640},
	}
	for i, tt := range tests {
		path := filepath.Join(dir, "export"+string(rune('a'+i))+".pdf")
		if tt.existing != 0 {
			if err := os.WriteFile(path, []byte("old"), tt.existing); err != nil {
				t.Fatal(err)
			}
			os.Chmod(path, tt.existing)
		}
		old := syscall.Umask(tt.umask)
		err := export.WriteFileAtomic(path, []byte("%PDF"), "")
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != tt.want {
			t.Errorf("umask %04o, existing %04o: mode %04o, want %04o", tt.umask, tt.existing, got, tt.want)
		}
	}
}

// TestCheckTargetDoesNotBlockOnPipe: a named pipe as the target is not
// opened to look for a database header (which would wait for a writer).
func TestCheckTargetDoesNotBlockOnPipe(t *testing.T) {
	pipe := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() { done <- export.CheckTarget(pipe, "") }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("CheckTarget(pipe) = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("CheckTarget blocked on a named pipe")
	}
}
