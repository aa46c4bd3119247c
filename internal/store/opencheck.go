package store

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"os"
)

// checkHeader reads the first 100 bytes of the file (the SQLite header)
// and refuses a file that is not SQLite, one whose header is damaged, and
// one whose schema version (user_version, at offset 60) is newer than the
// app knows or negative, which no version of the app writes.
func checkHeader(path string, known int) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil || string(h[:16]) != sqliteHeader {
		return ErrNotDatabase
	}
	if !plausibleHeader(h) {
		return fmt.Errorf("%w (its header is not valid)", ErrDamaged)
	}
	switch v := int32(binary.BigEndian.Uint32(h[60:64])); {
	case v < 0:
		return fmt.Errorf("%w (its schema version is %d, which no version of the app writes)", ErrDamaged, v)
	case int64(v) > int64(known):
		return tooNew(int(v), known)
	}
	return nil
}

// plausibleHeader reports whether the fixed fields of an SQLite header hold
// the only values SQLite writes: a power-of-two page size from 512 to 65536,
// file format versions 1 or 2, and payload fractions 64, 32 and 32.
func plausibleHeader(h [100]byte) bool {
	size := int(binary.BigEndian.Uint16(h[16:18]))
	if size == 1 {
		size = 65536
	}
	if size < 512 || size > 65536 || size&(size-1) != 0 {
		return false
	}
	if h[18] < 1 || h[18] > 2 || h[19] < 1 || h[19] > 2 {
		return false
	}
	return h[21] == 64 && h[22] == 32 && h[23] == 32
}

// tooNew returns ErrTooNew saying which versions are involved.
func tooNew(have, known int) error {
	return fmt.Errorf("%w (the file is at schema version %d; this version of the app knows up to %d). "+
		"Nothing was changed: update the app to open it, or open a backup this version made", ErrTooNew, have, known)
}

// quickCheck runs SQLite's quick check, which reads every page (but does
// not match indexes to their tables), and refuses a damaged file.
func (s *Store) quickCheck(ctx context.Context) error {
	lines, err := pragmaLines(ctx, s.db, "PRAGMA quick_check(1)")
	if err != nil {
		return mapErr(err)
	}
	if len(lines) != 1 || lines[0] != "ok" {
		return fmt.Errorf("%w (SQLite's quick check found a damaged page)", ErrDamaged)
	}
	return nil
}
