package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"

	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/report"
	"github.com/partnership-maturity/maturity/internal/signing"
	"github.com/partnership-maturity/maturity/internal/store"
)

// maxVerifyFile is the largest file verify or import reads, in bytes.
const maxVerifyFile = signing.MaxEncrypted

// errVerifyFailed is verify's result when a check failed; the details are
// already printed.
var errVerifyFailed = errors.New("verify: not every check passed")

// decryptFlags are the flags that open an encrypted bundle.
type decryptFlags struct {
	passphraseFile *string
	identityFile   *string
}

// addDecryptFlags adds --passphrase-file and --identity to fs.
func addDecryptFlags(fs *flag.FlagSet) decryptFlags {
	return decryptFlags{
		passphraseFile: fs.String("passphrase-file", "", "for an encrypted bundle: file whose first line is the passphrase (- for standard input)"),
		identityFile:   fs.String("identity", "", "for a bundle encrypted to age keys: the age identity file holding your private key"),
	}
}

// decrypt opens data when it is an age-encrypted file, and returns it
// unchanged otherwise. Any failure is one message naming the file.
func (e *env) decrypt(path string, data []byte, d decryptFlags) ([]byte, error) {
	if !signing.IsEncrypted(data) {
		return data, nil
	}
	switch {
	case signing.NeedsPassphrase(data) && *d.passphraseFile == "":
		return nil, usageError(path + " is encrypted with a passphrase: give --passphrase-file FILE")
	case !signing.NeedsPassphrase(data) && *d.identityFile == "":
		return nil, usageError(path + " is encrypted to age keys: give --identity FILE with your age private key")
	case signing.NeedsPassphrase(data):
		pass, err := e.readPassphrase(*d.passphraseFile)
		if err != nil {
			return nil, err
		}
		return bundle.Unseal(path, data, func(sealed []byte) ([]byte, error) { return signing.DecryptWithPassphrase(sealed, pass) })
	}
	ids, err := os.ReadFile(*d.identityFile)
	if err != nil {
		return nil, err
	}
	return bundle.Unseal(path, data, func(sealed []byte) ([]byte, error) { return signing.DecryptWithIdentities(sealed, string(ids)) })
}

// runVerify checks a bundle's or a PDF's fingerprint and signatures, and
// whether it matches the database's copy.
func runVerify(e *env, fs *flag.FlagSet, args []string) error {
	d := addDecryptFlags(fs)
	args, err := parse(fs, args, 1)
	if err != nil {
		return err
	}
	path := args[0]
	data, err := readLimited(path, maxVerifyFile)
	if err != nil {
		return err
	}
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		return e.verifyPDF(path, data)
	}
	if data, err = e.decrypt(path, data, d); err != nil {
		return err
	}
	rep, err := bundle.Verify(path, data)
	if err != nil {
		return err
	}
	e.printReport(rep)
	matches, err := e.printDatabaseCopy(rep.Record.Assessment.ID, rep.SHA256)
	if err != nil {
		return err
	}
	if !rep.Good() || !matches {
		return errVerifyFailed
	}
	return nil
}

// printReport prints what a bundle is, its fingerprint and its signatures.
func (e *env) printReport(rep bundle.Report) {
	rec := rep.Record
	fmt.Fprintf(e.stdout, "partnership: %s\nperiod: %s\nstatus: %s (revision %d)\nfingerprint: %s\n",
		rec.Partnership.Name, rec.Assessment.Period, rec.Assessment.Status, rec.Assessment.Revision, rep.SHA256)
	for _, r := range rep.Signatures {
		printSignature(e.stdout, r)
	}
	for _, m := range rep.Missing {
		fmt.Fprintf(e.stdout, "missing: a good signature from %s\n", m)
	}
}

// printDatabaseCopy says whether the database holds the assessment and
// whether its copy has the fingerprint sum; it reports false only when
// the database's copy differs.
func (e *env) printDatabaseCopy(id, sum string) (bool, error) {
	path, err := e.dbPath()
	if err != nil {
		return false, err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(e.stdout, "database copy: no database to compare with")
		return true, nil
	}
	matches := true
	err = e.withStore(func(s *store.Store) error {
		q, rec, err := loadRecord(e, s, id)
		if errors.Is(err, store.ErrNotFound) {
			fmt.Fprintln(e.stdout, "database copy: not in this database")
			return nil
		}
		if err != nil {
			return err
		}
		have, err := bundle.Checksum(q, rec)
		if err != nil {
			return err
		}
		if matches = have == sum; matches {
			fmt.Fprintln(e.stdout, "database copy: matches")
		} else {
			fmt.Fprintf(e.stdout, "database copy: DIFFERS (the database's fingerprint is %s)\n", have)
		}
		return nil
	})
	return matches, err
}

// keywordsPattern finds a PDF's /Keywords string, as the report writes it.
var keywordsPattern = regexp.MustCompile(`/Keywords \(([^()\\]{0,1000})\)`)

// verifyPDF reads the fingerprint and the signers' key fingerprints a
// report carries and checks them, and the signatures, against the
// database's copy of the assessment.
func (e *env) verifyPDF(path string, data []byte) error {
	m := keywordsPattern.FindSubmatch(data)
	if m == nil {
		return fmt.Errorf("%s: this PDF carries no fingerprint: it was not written by Partnership Maturity, or by an older version", path)
	}
	v, err := report.ParseVerification(string(m[1]))
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Fprintf(e.stdout, "report of assessment %s\nprinted fingerprint: %s\n", v.AssessmentID, v.DataSHA256)
	for _, fp := range v.KeyFingerprints {
		fmt.Fprintf(e.stdout, "printed signer's key: %s\n", fp)
	}
	dbPath, err := e.dbPath()
	if err != nil {
		return err
	}
	if _, err := os.Stat(dbPath); err != nil {
		fmt.Fprintln(e.stdout, "cannot check a report without the assessment in the database: import its bundle, or verify the bundle itself")
		return errVerifyFailed
	}
	var rep bundle.Report
	err = e.withStore(func(s *store.Store) error {
		q, rec, err := loadRecord(e, s, v.AssessmentID)
		if err != nil {
			return err
		}
		rep, err = bundle.Inspect(q, rec)
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		fmt.Fprintln(e.stdout, "cannot check a report without the assessment in the database: import its bundle, or verify the bundle itself")
		return errVerifyFailed
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "database copy:")
	e.printReport(rep)
	var fps []string
	for _, r := range rep.Signatures {
		fps = append(fps, r.Fingerprint)
	}
	matches := rep.SHA256 == v.DataSHA256 && slices.Equal(fps, v.KeyFingerprints)
	if matches {
		fmt.Fprintln(e.stdout, "the report matches the database's copy")
	} else {
		fmt.Fprintln(e.stdout, "the report DIFFERS from the database's copy: its fingerprint or its signers' keys are not the database's")
	}
	if !rep.Good() || !matches {
		return errVerifyFailed
	}
	return nil
}
