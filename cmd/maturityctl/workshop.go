package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/internal/workshop"
)

// workshopInput is where `maturityctl workshop` reads the facilitator's
// commands; tests replace it.
var workshopInput io.Reader = os.Stdin

// maxCommandLine is the longest facilitator's command read, in bytes.
const maxCommandLine = 4 << 10

// runWorkshop serves a workshop on one assessment: it prints the join URL
// and the PIN, then runs the facilitator's commands from standard input,
// one per line, printing one line of state after each, until `end` or the
// end of the input.
func runWorkshop(e *env, fs *flag.FlagSet, args []string) error {
	id := fs.String("assessment", "", "the assessment's id (see maturityctl list)")
	addr := fs.String("addr", "", "HOST:PORT to listen on (default: this machine's private LAN address, port 8090)")
	anonymous := fs.Bool("anonymous", false, "let participants join with their agency only")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	if *id == "" {
		return usageError("--assessment ID is required")
	}
	if *addr == "" {
		a, err := workshop.DefaultAddr()
		if err != nil {
			return err
		}
		*addr = a
	}
	return e.withStore(func(s *store.Store) error {
		w, err := workshop.Open(e.ctx, s, *id, workshop.Options{AllowAnonymous: *anonymous, GracePeriod: 3 * time.Second})
		if err != nil {
			return err
		}
		srv, err := workshop.Listen(w, *addr)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Join: %s\nPIN: %s\n", srv.JoinURL(), w.PIN())
		return facilitate(e, w, srv)
	})
}

// facilitate runs the facilitator's commands until `end` or the end of
// the input, then ends the workshop and stops the server.
func facilitate(e *env, w *workshop.Workshop, srv *workshop.Server) error {
	sc := bufio.NewScanner(workshopInput)
	sc.Buffer(make([]byte, 0, 1024), maxCommandLine)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		if line == "end" {
			break
		}
		state, err := w.Command(e.ctx, line)
		if err != nil {
			fmt.Fprintf(e.stdout, "error: %v\n", err)
			continue
		}
		fmt.Fprintln(e.stdout, state)
	}
	ctx, cancel := context.WithTimeout(e.ctx, 10*time.Second)
	defer cancel()
	if err := srv.End(ctx); err != nil {
		return fmt.Errorf("stopping the workshop's server: %w", err)
	}
	fmt.Fprintln(e.stdout, w.StatusLine())
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading the facilitator's commands: %w", err)
	}
	return nil
}
