// Command maturityctl is Partnership Maturity's command line: it lists,
// checks and imports question sets, imports and exports assessments, and
// writes the demo data, sharing the app's store without a window.
//
// Usage:
//
//	maturityctl [--db PATH] COMMAND [ARGS]
//
// Exit status: 0 on success, 1 for bad input or a failed check (one line
// per problem on stderr, "file:line:" first where there is a file), 2 for a
// usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/partnership-maturity/maturity/internal/about"
	"github.com/partnership-maturity/maturity/internal/english"
)

// Exit statuses.
const (
	exitOK    = 0
	exitBad   = 1
	exitUsage = 2
)

// usageError is a mistake in how a command was called. It is empty when
// the flag package has already said what was wrong.
type usageError string

// Error returns the message.
func (e usageError) Error() string { return string(e) }

// env is what every command works with.
type env struct {
	ctx    context.Context
	db     string // --db, else MATURITY_DB, else "" for the default location
	stdout io.Writer
	stderr io.Writer
	// stdin answers questions such as whether to trust a new signing key;
	// nil when there is nobody to ask.
	stdin io.Reader
}

// command is one subcommand.
type command struct {
	args string
	help string
	run  func(e *env, fs *flag.FlagSet, args []string) error
}

// commands are the subcommands by name.
var commands = map[string]command{
	"questionnaires": {"", "list the question sets: id, version, title, themes, questions", runQuestionnaires},
	"check":          {"FILE.yaml", "validate a question set", runCheck},
	"import":         {"[--passphrase-file FILE | --identity FILE] [--trust-keys] FILE.yaml|FILE.json|FILE.age", "add a question set, or an assessment bundle (plain or encrypted)", runImport},
	"list":           {"[--latest]", "partnerships and their assessments (id, period, status, overall)", runList},
	"export":         {"--format pdf|xlsx|csv|json --assessment ID [-o FILE|FOLDER] [--table TABLE|all] [--encrypt --passphrase-file FILE | --recipient AGEKEY]", "export one assessment: PDF report, XLSX workbook, CSV tables or JSON bundle", runExport},
	"compare":        {"[--format table|csv|json] ID ID... | --peers --period P [--questionnaire ID] [--anonymise]", "set two or more assessments of one partnership side by side, or every partnership for one period", runCompare},
	"backup":         {"[-o FILE]", "write a consistent copy of the database (beside it unless -o is given)", runBackup},
	"restore":        {"FILE", "put a backup in place of the database, keeping the current one beside it; refuses a file that is not a healthy database", runRestore},
	"check-db":       {"", "check the database: integrity, foreign keys, question sets, the audit chain and every seal; one line per problem", runCheckDB},
	"workshop":       {"--assessment ID [--addr HOST:PORT] [--anonymous]", "run a workshop: print the join URL and PIN, then take next, prev, goto ID, reveal, revote, agree LEVEL [RATIONALE], names on|off, timer, status, end from standard input", runWorkshop},
	"demo":           {"[--partnerships N --years Y] [--seed S]", "add the demo partnership with three years of assessments, or N invented partnerships over Y years", runDemo},
	"keygen":         {"--name NAME --passphrase-file FILE [-o KEYFILE]", "make a signing key, kept encrypted with your passphrase in your data folder", runKeygen},
	"status":         {"--assessment ID", "an assessment's status, readiness, signatures and amendments", runStatus},
	"agree":          {"--assessment ID", "move a draft assessment to agreed once the readiness check passes", runAgree},
	"sign":           {"--assessment ID --name NAME (--agency AGENCY | --scrutineer) --role ROLE --key KEYFILE --passphrase-file FILE", "sign an agreed assessment off; the last required signature locks it", runSign},
	"amend":          {"--assessment ID --reason TEXT", "open a new revision of a signed-off assessment, keeping the signed original", runAmend},
	"verify":         {"[--passphrase-file FILE | --identity FILE] FILE.json|FILE.pdf", "check a bundle's or a report's fingerprint and signatures against the database", runVerify},
}

func main() {
	// Ctrl-C cancels the command's context: a long import or export stops
	// and its transaction rolls back.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := runWithInput(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run runs the command line in args, with nobody to answer questions, and
// returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return runWithInput(ctx, args, nil, stdout, stderr)
}

// runWithInput runs the command line in args, asking stdin any questions,
// and returns the exit status. Its messages, and what every command but
// export prints, pass through an escaper, so no control character reaches
// a terminal.
func runWithInput(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	errOut := &escaper{w: stderr}
	defer errOut.Flush()
	stderr = errOut
	e := &env{ctx: ctx, db: os.Getenv("MATURITY_DB"), stdout: stdout, stderr: stderr, stdin: stdin}
	global := flag.NewFlagSet("maturityctl", flag.ContinueOnError)
	global.SetOutput(stderr)
	global.StringVar(&e.db, "db", e.db, "database file (default: $MATURITY_DB, else the app's data folder)")
	version := global.Bool("version", false, "print the version, the questions' source and the licences")
	global.Usage = func() { usage(stderr) }
	if err := global.Parse(args); err != nil {
		return exitUsage
	}
	if *version {
		fmt.Fprintln(stdout, about.VersionText())
		return exitOK
	}
	if global.NArg() == 0 {
		usage(stderr)
		return exitUsage
	}
	name := global.Arg(0)
	if name != "export" { // export writes files' bytes, not text
		out := &escaper{w: stdout}
		defer out.Flush()
		e.stdout = out
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "maturityctl: unknown command %q\n", name)
		usage(stderr)
		return exitUsage
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&e.db, "db", e.db, "database file")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: maturityctl [--db PATH] %s %s\n  %s\n", name, cmd.args, cmd.help)
	}
	err := cmd.run(e, fs, global.Args()[1:])
	var ue usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		if ue != "" {
			fmt.Fprintf(stderr, "maturityctl %s: %s\n", name, ue)
			fs.Usage()
		}
		return exitUsage
	}
	fmt.Fprintln(stderr, shortMessage(err.Error()))
	return exitBad
}

// usage prints the list of commands.
func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: maturityctl [--db PATH] COMMAND [ARGS]\n       maturityctl --version")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-15s %s\n", name, commands[name].help)
	}
	fmt.Fprintln(w, "\nThe database is --db PATH, else $MATURITY_DB, else maturity.db in the app's data folder.")
}

// parse parses a command's flags and checks the number of arguments left.
func parse(fs *flag.FlagSet, args []string, want int) ([]string, error) {
	rest, err := parseAnywhere(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, usageError("")
	}
	if len(rest) != want {
		return nil, usageError(fmt.Sprintf("want %s, got %d", english.Count(want, "argument"), len(rest)))
	}
	return rest, nil
}

// parseAnywhere parses fs's flags wherever they stand among args, before
// or after the other arguments ("compare ID ID --format csv"), and returns
// the other arguments in order. "--" ends the flags.
func parseAnywhere(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		if len(args)-fs.NArg() > 0 && args[len(args)-fs.NArg()-1] == "--" {
			return append(rest, fs.Args()...), nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
