//go:build linux

package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// smallDisk mounts a 1 MiB tmpfs, so that a test can fill it, or skips the
// test where mounting is not allowed.
func smallDisk(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=1m"); err != nil {
		t.Skipf("cannot mount a small disk to fill (%v); needs root on Linux", err)
	}
	t.Cleanup(func() { syscall.Unmount(dir, syscall.MNT_DETACH) })
	return dir
}

func TestFullDiskSaysTheDiskIsFull(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(smallDisk(t), "maturity.db")
	f := newFixtureAt(t, path)
	saved := 0
	var err error
	for i := 0; i < 10000; i++ {
		_, err = f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: questionIDs[i%len(questionIDs)],
			Evidence: strings.Repeat("evidence ", 1000) + string(rune('a'+i%26))})
		if err != nil {
			break
		}
		saved++
	}
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("after %d saves: %v (%v); want ErrDiskFull", saved, err, errors.Unwrap(err))
	}
	if !strings.Contains(err.Error(), "disk is full") || driverText.MatchString(err.Error()) {
		t.Errorf("message %q; want it to say the disk is full, without driver text", err)
	}
	t.Logf("the disk filled after %d saves: %v", saved, err)
}

func TestDiskFilledByAnotherFileSaysTheDiskIsFull(t *testing.T) {
	ctx := context.Background()
	dir := smallDisk(t)
	path := filepath.Join(dir, "maturity.db")
	f := newFixtureAt(t, path)
	fillDisk(t, dir)
	var err error
	for i := 0; i < 50 && err == nil; i++ {
		_, err = f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: questionIDs[i%len(questionIDs)],
			Evidence: strings.Repeat("more evidence ", 500) + string(rune('a'+i%26))})
	}
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("%v (%v); want ErrDiskFull", err, errors.Unwrap(err))
	}
	t.Logf("%v (%v)", err, errors.Unwrap(err))
}

// fillDisk writes a file into dir until the disk holding it is full.
func fillDisk(t *testing.T, dir string) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 4096)
	for {
		if _, err := f.Write(block); err != nil {
			break
		}
	}
	for {
		if _, err := f.Write(block[:1]); err != nil {
			return
		}
	}
}

func TestOpenOnAFullDiskSaysTheDiskIsFull(t *testing.T) {
	dir := smallDisk(t)
	path := filepath.Join(dir, "maturity.db")
	openAt(t, path).Close()
	fillDisk(t, dir)
	_, err := Open(context.Background(), filepath.Join(dir, "maturity.db"))
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("Open on a full disk: %v (%v); want ErrDiskFull", err, errors.Unwrap(err))
	}
}
