package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/partnership-maturity/maturity/internal/about"
	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/internal/signing"
	"github.com/partnership-maturity/maturity/internal/store"
)

// maxPassphrase is the longest passphrase file read, in bytes.
const maxPassphrase = 1024

// readPassphrase reads a passphrase from the first line of a file ("-" for
// standard input), without its line ending.
func (e *env) readPassphrase(path string) ([]byte, error) {
	var r io.Reader
	if path == "-" {
		r = e.stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	if r == nil {
		return nil, errors.New("no passphrase on standard input")
	}
	data, err := io.ReadAll(io.LimitReader(r, maxPassphrase+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxPassphrase {
		return nil, fmt.Errorf("%s: a passphrase file holds one line of at most %d bytes", path, maxPassphrase)
	}
	line, _, _ := strings.Cut(string(data), "\n")
	line = strings.TrimSuffix(line, "\r")
	if strings.TrimSpace(line) == "" {
		return nil, fmt.Errorf("%s: the passphrase file is empty", path)
	}
	return []byte(line), nil
}

// loadRecord reads one assessment with its question set.
func loadRecord(e *env, s *store.Store, id string) (*questionnaire.Questionnaire, assessment.Record, error) {
	rec, err := s.LoadRecord(e.ctx, id)
	if err != nil {
		return nil, rec, fmt.Errorf("assessment %s: %w", id, err)
	}
	q, err := s.Questionnaire(e.ctx, rec.Assessment.QuestionnaireID, rec.Assessment.QuestionnaireVersion)
	return q, rec, err
}

// runKeygen makes a signing key, its secret encrypted with the passphrase.
func runKeygen(e *env, fs *flag.FlagSet, args []string) error {
	name := fs.String("name", "", "whose key it is")
	passFile := fs.String("passphrase-file", "", "file whose first line is the passphrase protecting the key (- for standard input)")
	out := fs.String("o", "", "where to save the key (default: the keys folder of the app's data folder)")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	if strings.TrimSpace(*name) == "" || *passFile == "" {
		return usageError("--name and --passphrase-file are required")
	}
	pass, err := e.readPassphrase(*passFile)
	if err != nil {
		return err
	}
	path := *out
	if path == "" {
		dir, err := signing.KeyDir()
		if err != nil {
			return err
		}
		path = filepath.Join(dir, signing.KeyFileName(*name))
	}
	key, err := signing.GenerateKey(nil)
	if err != nil {
		return err
	}
	if err := signing.SaveKey(path, key, *name, pass, 0); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s (readable by you alone)\npublic key:  %s\nfingerprint: %s\n", path, key, key.Fingerprint())
	return nil
}

// parseAssessment parses a command whose one flag is the required
// --assessment ID, and returns the id.
func parseAssessment(fs *flag.FlagSet, args []string) (string, error) {
	id := fs.String("assessment", "", "the assessment's id (see maturityctl list)")
	if _, err := parse(fs, args, 0); err != nil {
		return "", err
	}
	if *id == "" {
		return "", usageError("--assessment ID is required")
	}
	return *id, nil
}

// runAgree moves an assessment to agreed once it is ready.
func runAgree(e *env, fs *flag.FlagSet, args []string) error {
	id, err := parseAssessment(fs, args)
	if err != nil {
		return err
	}
	return e.withStore(func(s *store.Store) error {
		err := s.Agree(e.ctx, id)
		var nr *store.NotReadyError
		if errors.As(err, &nr) {
			q, _, lerr := loadRecord(e, s, id)
			if lerr != nil {
				return lerr
			}
			lines := []string{"assessment " + id + " cannot be agreed yet:"}
			for _, it := range nr.Items {
				lines = append(lines, "  "+questionLabel(q, it.QuestionID)+": "+it.Problem)
			}
			return errors.New(strings.Join(lines, "\n"))
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "assessment %s is agreed; it can now be signed off\n", id)
		return nil
	})
}

// questionLabel names a question by its number and theme, such as
// "culture.1 (Culture)".
func questionLabel(q *questionnaire.Questionnaire, id string) string {
	if _, t, ok := q.Question(id); ok {
		return id + " (" + t.Title + ")"
	}
	return id
}

// runSign signs an agreed assessment off for one agency, or as its
// independent scrutineer.
func runSign(e *env, fs *flag.FlagSet, args []string) error {
	id := fs.String("assessment", "", "the assessment's id")
	name := fs.String("name", "", "the signer's name")
	agency := fs.String("agency", "", "the agency signed for (its name in the partnership)")
	scrutineer := fs.Bool("scrutineer", false, "sign as the independent scrutineer, for no agency")
	role := fs.String("role", "", "the signer's role, such as Director of Children's Services")
	keyPath := fs.String("key", "", "the signer's key file (see keygen)")
	passFile := fs.String("passphrase-file", "", "file whose first line is the key's passphrase (- for standard input)")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	switch {
	case *id == "" || strings.TrimSpace(*name) == "" || *keyPath == "" || *passFile == "":
		return usageError("--assessment, --name, --key and --passphrase-file are required")
	case (*agency == "") == !*scrutineer:
		return usageError("give --agency NAME, or --scrutineer for the independent scrutineer")
	}
	pass, err := e.readPassphrase(*passFile)
	if err != nil {
		return err
	}
	key, err := signing.LoadKey(*keyPath, pass)
	if err != nil {
		return err
	}
	return e.withStore(func(s *store.Store) error {
		q, rec, err := loadRecord(e, s, *id)
		if err != nil {
			return err
		}
		so := assessment.SignOff{Name: strings.TrimSpace(*name), Role: strings.TrimSpace(*role), SignedAt: time.Now().UTC()}
		if !*scrutineer {
			if so.AgencyID, err = agencyID(rec.Partnership, *agency); err != nil {
				return err
			}
		}
		so, err = bundle.SignOff(q, rec, key, so, "signed with Partnership Maturity")
		if err != nil {
			return err
		}
		done, err := s.Sign(e.ctx, so, bundle.CheckSignOffs)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "signed by %s, key %s\n", so.Name, so.KeyFingerprint)
		if done {
			fmt.Fprintf(e.stdout, "assessment %s is signed off and now read-only\n", *id)
		}
		return nil
	})
}

// agencyID finds an agency of the partnership by name, in any letter case.
func agencyID(p assessment.Partnership, name string) (string, error) {
	var names []string
	for _, a := range p.Agencies {
		if strings.EqualFold(strings.TrimSpace(a.Name), strings.TrimSpace(name)) {
			return a.ID, nil
		}
		names = append(names, a.Name)
	}
	return "", fmt.Errorf("%q is not an agency of %s; its agencies are: %s", name, p.Name, strings.Join(names, "; "))
}

// runStatus prints an assessment's status, readiness, sign-offs and
// amendments.
func runStatus(e *env, fs *flag.FlagSet, args []string) error {
	id, err := parseAssessment(fs, args)
	if err != nil {
		return err
	}
	return e.withStore(func(s *store.Store) error {
		q, rec, err := loadRecord(e, s, id)
		if err != nil {
			return err
		}
		a := rec.Assessment
		fmt.Fprintf(e.stdout, "%s, %s: %s (revision %d)\n", rec.Partnership.Name, a.Period, a.Status, a.Revision)
		if a.Status == assessment.Draft || a.Status == assessment.Workshop {
			items := assessment.Readiness(q, rec)
			if len(items) == 0 {
				fmt.Fprintln(e.stdout, "ready to agree")
			}
			for _, it := range items {
				fmt.Fprintf(e.stdout, "not ready: %s: %s\n", questionLabel(q, it.QuestionID), it.Problem)
			}
		}
		_, results, err := bundle.CheckSignatures(q, rec)
		if err != nil {
			return err
		}
		for _, r := range results {
			printSignature(e.stdout, r)
		}
		if a.Status == assessment.Agreed {
			for _, m := range assessment.MissingSignOffs(rec, func(assessment.SignOff) bool { return true }) {
				fmt.Fprintf(e.stdout, "to sign: %s\n", m)
			}
		}
		ams, err := s.Amendments(e.ctx, id)
		if err != nil {
			return err
		}
		for _, am := range ams {
			fmt.Fprintf(e.stdout, "revision %d: signed off, superseded on %s by revision %d (%s): %s; the signed original's fingerprint %s\n",
				am.Revision-1, am.CreatedAt.Format("2 January 2006"), am.Revision, am.Actor, am.Reason, am.OriginalSHA256)
		}
		return nil
	})
}

// printSignature prints one checked signature on one line.
func printSignature(w io.Writer, r bundle.SignatureResult) {
	agency := r.Agency
	if agency == "" {
		agency = "independent scrutiny"
	}
	verdict := "good"
	if !r.Good {
		verdict = "BAD: " + r.Problem
	}
	key := r.Fingerprint
	if r.Demo {
		key += " (demo key)"
	}
	fmt.Fprintf(w, "signature: %s, %s, %s, %s, key %s: %s\n", r.SignOff.Name, agency, r.SignOff.Role,
		r.SignOff.SignedAt.UTC().Format("2 January 2006 15:04 UTC"), key, verdict)
}

// runAmend opens a new revision of a signed-off assessment, keeping the
// signed original.
func runAmend(e *env, fs *flag.FlagSet, args []string) error {
	id := fs.String("assessment", "", "the assessment's id")
	reason := fs.String("reason", "", "why the signed-off assessment must change")
	if _, err := parse(fs, args, 0); err != nil {
		return err
	}
	if *id == "" || strings.TrimSpace(*reason) == "" {
		return usageError("--assessment ID and --reason TEXT are required")
	}
	return e.withStore(func(s *store.Store) error {
		q, rec, err := loadRecord(e, s, *id)
		if err != nil {
			return err
		}
		original, err := bundle.Encode(q, rec, bundle.Meta{ExportedAt: time.Now().UTC(), Generator: about.Generator})
		if err != nil {
			return err
		}
		sum, err := bundle.Checksum(q, rec)
		if err != nil {
			return err
		}
		am, err := s.Amend(e.ctx, *id, *reason, original, sum)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "assessment %s is now revision %d, a draft; revision %d stays as it was signed (fingerprint %s)\n",
			*id, am.Revision, am.Revision-1, sum)
		return nil
	})
}

// confirmKeys shows the sign-offs whose keys the partnership has never
// seen and asks whether to trust them; trust (--trust-keys) answers yes.
func (e *env) confirmKeys(unknown []assessment.SignOff, rec assessment.Record, trust bool) error {
	if len(unknown) == 0 {
		return nil
	}
	fmt.Fprintf(e.stderr, "These signing keys are new to %s. Check each fingerprint with its owner before you trust it:\n", rec.Partnership.Name)
	for _, k := range bundle.NewKeys(rec, unknown) {
		fmt.Fprintf(e.stderr, "  %s\n", k)
	}
	if trust {
		return nil
	}
	if e.stdin != nil {
		fmt.Fprint(e.stderr, "Trust these keys and import? [y/N] ")
		answer, _ := bufio.NewReader(io.LimitReader(e.stdin, 64)).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(answer)); a == "y" || a == "yes" {
			return nil
		}
	}
	return errors.New("not imported: the signing keys were not confirmed (check the fingerprints, then import again with --trust-keys)")
}
