package main

import (
	"fmt"
	"io"
	"os"
)

// readLimited reads the file at path, refusing one larger than limit bytes
// before reading it (or, for a pipe or device, as soon as it passes the
// limit), so a huge file costs nothing.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tooBig := fmt.Errorf("%s: the file is larger than %d bytes, the most this command reads", path, limit)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > limit {
		return nil, tooBig
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, tooBig
	}
	return data, nil
}
