package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/partnership-maturity/maturity/internal/export"
	"github.com/partnership-maturity/maturity/internal/signing"
)

// encryptFlags are export's flags for an age-encrypted bundle.
type encryptFlags struct {
	encrypt        *bool
	passphraseFile *string
	recipients     *string
}

// addEncryptFlags adds --encrypt, --passphrase-file and --recipient to fs.
func addEncryptFlags(fs *flag.FlagSet) encryptFlags {
	return encryptFlags{
		encrypt:        fs.Bool("encrypt", false, "with json: encrypt the bundle with age, for sending by email"),
		passphraseFile: fs.String("passphrase-file", "", "with --encrypt: file whose first line is the passphrase (- for standard input)"),
		recipients:     fs.String("recipient", "", "with --encrypt: the age public key(s) to encrypt to (age1…, comma-separated), instead of a passphrase"),
	}
}

// check refuses --encrypt with a format other than json, and anything but
// exactly one of a passphrase and recipients.
func (f encryptFlags) check(format string) error {
	if !*f.encrypt {
		if *f.passphraseFile != "" || *f.recipients != "" {
			return usageError("--passphrase-file and --recipient go with --encrypt")
		}
		return nil
	}
	if format != string(export.JSON) {
		return usageError("--encrypt encrypts the JSON bundle: use it with --format json")
	}
	if (*f.passphraseFile == "") == (*f.recipients == "") {
		return usageError("--encrypt needs either --passphrase-file FILE or --recipient AGEKEY")
	}
	return nil
}

// writeEncrypted encrypts the bundle and writes it to out ("-" for
// standard output), whole or not at all, never over the database db.
func (e *env) writeEncrypted(bundle []byte, out, db string, f encryptFlags) error {
	var sealed []byte
	var err error
	if *f.recipients != "" {
		sealed, err = signing.EncryptToRecipients(bundle, strings.Split(*f.recipients, ","))
	} else {
		pass, perr := e.readPassphrase(*f.passphraseFile)
		if perr != nil {
			return perr
		}
		sealed, err = signing.EncryptWithPassphrase(bundle, pass, 0)
	}
	if err != nil {
		return err
	}
	if out == "-" {
		_, err := e.stdout.Write(sealed)
		return err
	}
	if err := export.WriteFileAtomic(out, sealed, db); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s (encrypted with age)\n", out)
	return nil
}
