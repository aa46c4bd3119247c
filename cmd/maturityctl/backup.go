package main

import (
	"flag"
	"fmt"

	"github.com/partnership-maturity/maturity/internal/store"
)

// runBackup writes a consistent copy of the database, beside it unless -o
// names another file.
func runBackup(e *env, fs *flag.FlagSet, args []string) error {
	out := fs.String("o", "", "file to write (default: beside the database, named with the time)")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	return e.withStore(func(s *store.Store) error {
		path := *out
		if path == "" {
			path = s.DefaultBackupPath()
		}
		if err := s.Backup(e.ctx, path); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "backed up %s to %s\n", s.Path(), path)
		return nil
	})
}

// runRestore puts a backup in place of the database, keeping the database
// as it was beside it.
func runRestore(e *env, fs *flag.FlagSet, args []string) error {
	rest, err := parse(fs, args, 1)
	if err != nil {
		return err
	}
	path, err := e.dbPath()
	if err != nil {
		return err
	}
	kept, err := store.Restore(e.ctx, path, rest[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "restored %s from %s\n", path, rest[0])
	if kept != "" {
		fmt.Fprintf(e.stdout, "the database as it was is kept at %s\n", kept)
	}
	return nil
}
