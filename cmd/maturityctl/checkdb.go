package main

import (
	"flag"
	"fmt"

	"github.com/partnership-maturity/maturity/internal/english"
	"github.com/partnership-maturity/maturity/internal/store"
)

// runCheckDB checks the database without changing it and prints one line
// per problem on standard output; it fails when there is any.
func runCheckDB(e *env, fs *flag.FlagSet, args []string) error {
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	path, err := e.dbPath()
	if err != nil {
		return err
	}
	h, err := store.CheckFile(e.ctx, path)
	if err != nil {
		return err
	}
	for _, p := range h.Problems {
		fmt.Fprintln(e.stdout, safeLine(p))
	}
	if !h.Healthy() {
		return fmt.Errorf("check-db: %s found in %s", english.Count(len(h.Problems), "problem"), path)
	}
	fmt.Fprintf(e.stderr, "check-db: %s is healthy: %s\n", path, h.Summary())
	return nil
}

// safeLine returns s with any control character shown as \xNN, so that a
// name stored with terminal escapes cannot act on the terminal.
func safeLine(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			out = append(out, []rune(fmt.Sprintf("\\x%02x", r))...)
			continue
		}
		out = append(out, r)
	}
	return string(out)
}
