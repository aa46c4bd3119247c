package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/demo"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/internal/signing"
	"github.com/partnership-maturity/maturity/internal/store"
	"github.com/partnership-maturity/maturity/questionnaires"
)

// demoSeed makes the demo data the same every time.
const demoSeed = 2023

// dbPath is the database file the command works on.
func (e *env) dbPath() (string, error) {
	if e.db != "" {
		return e.db, nil
	}
	return store.DefaultPath()
}

// open opens the database.
func (e *env) open() (*store.Store, error) {
	path, err := e.dbPath()
	if err != nil {
		return nil, err
	}
	return store.Open(e.ctx, path)
}

// withStore opens the database, runs fn on it and closes it.
func (e *env) withStore(fn func(*store.Store) error) error {
	s, err := e.open()
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

// inFile puts the file's name in front of an error about its contents.
func inFile(path string, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// runQuestionnaires lists the shipped question sets and any others stored
// in an existing database.
func runQuestionnaires(e *env, fs *flag.FlagSet, args []string) error {
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	sets, err := questionnaires.Shipped()
	if err != nil {
		return err
	}
	stored, err := e.storedSets()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tVERSION\tTHEMES\tQUESTIONS\tTITLE")
	seen := map[string]bool{}
	for _, q := range append(sets, stored...) {
		key := q.ID + "\x00" + q.Version
		if seen[key] {
			continue
		}
		seen[key] = true
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", q.ID, q.Version, len(q.Themes), q.QuestionCount(), q.Title)
	}
	return tw.Flush()
}

// storedSets returns the question sets in the database, if it exists.
func (e *env) storedSets() ([]*questionnaire.Questionnaire, error) {
	path, err := e.dbPath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	s, err := store.Open(e.ctx, path)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.Questionnaires(e.ctx)
}

// runCheck validates a question-set file.
func runCheck(e *env, fs *flag.FlagSet, args []string) error {
	args, err := parse(fs, args, 1)
	if err != nil {
		return err
	}
	q, err := readQuestionnaire(args[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: ok: %s version %s, %d themes, %d questions\n",
		args[0], q.ID, q.Version, len(q.Themes), q.QuestionCount())
	return nil
}

// readQuestionnaire reads and parses a question-set file.
func readQuestionnaire(path string) (*questionnaire.Questionnaire, error) {
	data, err := readLimited(path, questionnaire.MaxFileSize)
	if err != nil {
		return nil, err
	}
	return questionnaire.Parse(path, data)
}

// runImport adds a question set or an assessment bundle. The file is
// checked whole before the database is opened, so bad input writes nothing.
func runImport(e *env, fs *flag.FlagSet, args []string) error {
	d := addDecryptFlags(fs)
	trust := fs.Bool("trust-keys", false, "trust signing keys new to the partnership without asking (check their fingerprints first)")
	args, err := parse(fs, args, 1)
	if err != nil {
		return err
	}
	path := args[0]
	data, err := readLimited(path, maxVerifyFile)
	if err != nil {
		return err
	}
	if signing.IsEncrypted(data) {
		if data, err = e.decrypt(path, data, d); err != nil {
			return err
		}
		return e.importBundle(path, data, *trust)
	}
	if isJSON(path, data) {
		return e.importBundle(path, data, *trust)
	}
	q, err := questionnaire.Parse(path, data)
	if err != nil {
		return err
	}
	err = e.withStore(func(s *store.Store) error { return inFile(path, s.SaveQuestionnaire(e.ctx, q)) })
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "imported question set %s version %s (%d themes, %d questions)\n",
		q.ID, q.Version, len(q.Themes), q.QuestionCount())
	return nil
}

// isJSON tells a bundle from a question set by its name, else its content.
func isJSON(path string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return true
	case ".yaml", ".yml":
		return false
	}
	return bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n\ufeff"), []byte("{"))
}

// importBundle checks and imports an assessment bundle.
func (e *env) importBundle(path string, data []byte, trust bool) error {
	q, rec, err := bundle.Decode(path, data)
	if err != nil {
		return err
	}
	err = e.withStore(func(s *store.Store) error {
		unknown, err := s.UnknownKeys(e.ctx, rec)
		if err != nil {
			return err
		}
		if err := e.confirmKeys(unknown, rec, trust); err != nil {
			return err
		}
		return inFile(path, s.ImportRecord(e.ctx, q, rec))
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "imported assessment %s of %s (%s)\n",
		rec.Assessment.Period, rec.Partnership.Name, rec.Assessment.ID)
	return nil
}

// runList prints the partnerships and their assessments; with --latest,
// only the id of the most recent assessment.
func runList(e *env, fs *flag.FlagSet, args []string) error {
	latest := fs.Bool("latest", false, "print only the id of the most recent assessment")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	defer s.Close()
	partnerships, err := s.Partnerships(e.ctx)
	if err != nil {
		return err
	}
	if *latest {
		return e.printLatest(s, partnerships)
	}
	if len(partnerships) == 0 {
		fmt.Fprintln(e.stdout, "No partnerships yet. Add one in the app, or try: maturityctl demo")
	}
	for _, p := range partnerships {
		if err := e.printPartnership(s, p); err != nil {
			return err
		}
	}
	return nil
}

// printPartnership prints one partnership and a table of its assessments.
func (e *env) printPartnership(s *store.Store, p assessment.Partnership) error {
	summaries, err := s.Assessments(e.ctx, p.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s (%s), %d agencies\n", p.Name, p.Area, len(p.Agencies))
	if len(summaries) == 0 {
		fmt.Fprintln(e.stdout, "  no assessments yet")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  ID\tPERIOD\tSTATUS\tOVERALL\tASSESSED\tQUESTION SET")
	for _, a := range summaries {
		overall := "-"
		if a.Score.Valid() {
			overall = fmt.Sprintf("%.1f", a.Score.Mean)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%d of %d\t%s %s\n", a.ID, a.Period, a.Status.Label(), overall,
			a.Score.Assessed, a.Score.Total, a.QuestionnaireID, a.QuestionnaireVersion)
	}
	return tw.Flush()
}

// printLatest prints the id of the assessment with the latest period.
func (e *env) printLatest(s *store.Store, partnerships []assessment.Partnership) error {
	var latest store.AssessmentSummary
	for _, p := range partnerships {
		summaries, err := s.Assessments(e.ctx, p.ID)
		if err != nil {
			return err
		}
		for _, a := range summaries {
			if a.Period > latest.Period || (a.Period == latest.Period && a.CreatedAt.After(latest.CreatedAt)) {
				latest = a
			}
		}
	}
	if latest.ID == "" {
		return errors.New("no assessments in the database")
	}
	fmt.Fprintln(e.stdout, latest.ID)
	return nil
}

// runDemo adds the demo partnership and its three assessments or, given
// --partnerships or --years, a national dataset of invented partnerships.
func runDemo(e *env, fs *flag.FlagSet, args []string) error {
	partnerships := fs.Int("partnerships", demo.England, "how many invented partnerships (a national dataset)")
	years := fs.Int("years", 10, "how many years of assessments each, ending with "+demo.LatestPeriod)
	seed := fs.Uint64("seed", demoSeed, "the seed the data is made from: the same seed gives the same data")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	o := demo.Options{Partnerships: *partnerships, Years: *years, Seed: *seed}
	if err := o.Validate(); err != nil {
		return usageError(strings.TrimSuffix(err.Error(), ": "+demo.ErrOptions.Error()))
	}
	q, err := questionnaires.LoadDefault()
	if err != nil {
		return err
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	defer s.Close()
	if set["partnerships"] || set["years"] {
		return e.nationalDemo(s, q, o)
	}
	if err := refuseTaken(s, e, []string{demo.PartnershipName}); err != nil {
		return err
	}
	for _, rec := range demo.Northshire(q, *seed) {
		if err := s.ImportRecord(e.ctx, q, rec); err != nil {
			return fmt.Errorf("adding the demo %s assessment: %w", rec.Assessment.Period, err)
		}
		score := assessment.ScoreOf(q, rec.Responses)
		fmt.Fprintf(e.stdout, "added %s %s: %s, overall %s\n", demo.PartnershipName,
			rec.Assessment.Period, rec.Assessment.Status, score)
	}
	return nil
}

// refuseTaken refuses to add partnerships whose names the database already
// holds.
func refuseTaken(s *store.Store, e *env, names []string) error {
	partnerships, err := s.Partnerships(e.ctx)
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, n := range names {
		want[strings.ToLower(n)] = true
	}
	for _, p := range partnerships {
		if want[strings.ToLower(p.Name)] {
			return fmt.Errorf("%s: the demo partnership %q is already there", s.Path(), p.Name)
		}
	}
	return nil
}

// nationalDemo adds the invented partnerships of o, all of them in one
// transaction, and says what it added.
func (e *env) nationalDemo(s *store.Store, q *questionnaire.Questionnaire, o demo.Options) error {
	var names []string
	for _, area := range demo.NationalAreas(o.Seed, o.Partnerships) {
		names = append(names, demo.PartnershipOf(area))
	}
	if err := refuseTaken(s, e, names); err != nil {
		return err
	}
	start := time.Now()
	var all []assessment.Record
	var lines []string
	for recs := range demo.National(q, o) {
		all = append(all, recs...)
		first, last := recs[0], recs[len(recs)-1]
		lines = append(lines, fmt.Sprintf("added %s: %d assessments %s to %s, overall %s to %s (%s)", first.Partnership.Name,
			len(recs), first.Assessment.Period, last.Assessment.Period, assessment.ScoreOf(q, first.Responses),
			assessment.ScoreOf(q, last.Responses), last.Assessment.Status))
	}
	if err := s.ImportRecords(e.ctx, q, all); err != nil {
		return fmt.Errorf("adding the national demo: %w", err)
	}
	for _, l := range lines {
		fmt.Fprintln(e.stdout, l)
	}
	fmt.Fprintf(e.stdout, "added %d partnerships with %d assessments in %.1f s\n", o.Partnerships, len(all), time.Since(start).Seconds())
	return nil
}
