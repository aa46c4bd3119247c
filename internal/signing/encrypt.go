package signing

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// MaxEncrypted is the largest encrypted file Decrypt reads, and the largest
// plain text it returns, in bytes.
const MaxEncrypted = 64 << 20

// ErrDamaged means an encrypted file was cut short or changed.
var ErrDamaged = errors.New("the encrypted file is damaged: it was cut short or changed after it was encrypted")

// ErrNeedsKey means the file is encrypted to age public keys and no
// matching private key (identity) was given.
var ErrNeedsKey = errors.New("the file is encrypted to age keys, and none of the keys given opens it")

// The ways an age file starts: binary, or armoured for pasting into email.
const (
	ageBinaryHeader = "age-encryption.org/v1\n"
	ageArmorHeader  = "-----BEGIN AGE ENCRYPTED FILE-----"
)

// IsEncrypted reports whether data is an age-encrypted file.
func IsEncrypted(data []byte) bool {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	return bytes.HasPrefix(data, []byte(ageBinaryHeader)) || bytes.HasPrefix(trimmed, []byte(ageArmorHeader))
}

// NeedsPassphrase reports whether an age file was encrypted to a
// passphrase rather than to public keys.
func NeedsPassphrase(data []byte) bool {
	if !bytes.HasPrefix(data, []byte(ageBinaryHeader)) {
		var err error
		if data, err = io.ReadAll(io.LimitReader(armor.NewReader(bytes.NewReader(data)), 4096)); err != nil {
			return false
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if line := sc.Text(); strings.HasPrefix(line, "-> scrypt ") {
			return true
		} else if strings.HasPrefix(line, "---") {
			return false
		}
	}
	return false
}

// EncryptWithPassphrase encrypts data with age to a passphrase. workFactor
// is age's scrypt work factor; 0 means age's default.
func EncryptWithPassphrase(data, passphrase []byte, workFactor int) ([]byte, error) {
	if len(bytes.TrimSpace(passphrase)) == 0 {
		return nil, errors.New("encrypting needs a passphrase")
	}
	r, err := age.NewScryptRecipient(string(passphrase))
	if err != nil {
		return nil, err
	}
	if workFactor > 0 {
		r.SetWorkFactor(workFactor)
	}
	return encrypt(data, r)
}

// EncryptToRecipients encrypts data with age to one or more age public keys
// ("age1…").
func EncryptToRecipients(data []byte, recipients []string) ([]byte, error) {
	if len(recipients) == 0 {
		return nil, errors.New("encrypting needs at least one recipient")
	}
	rs := make([]age.Recipient, 0, len(recipients))
	for _, s := range recipients {
		r, err := age.ParseX25519Recipient(strings.TrimSpace(s))
		if err != nil {
			return nil, fmt.Errorf("recipient %q is not an age public key (age1…)", s)
		}
		rs = append(rs, r)
	}
	return encrypt(data, rs...)
}

// encrypt writes data age-encrypted to the recipients, armoured.
func encrypt(data []byte, rs ...age.Recipient) ([]byte, error) {
	var out bytes.Buffer
	aw := armor.NewWriter(&out)
	w, err := age.Encrypt(aw, rs...)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	if err := aw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// DecryptWithPassphrase opens an age file encrypted to a passphrase.
func DecryptWithPassphrase(data, passphrase []byte) ([]byte, error) {
	id, err := age.NewScryptIdentity(string(passphrase))
	if err != nil {
		return nil, err
	}
	return decrypt(data, id)
}

// DecryptWithIdentities opens an age file encrypted to public keys with
// the text of an age identity file (lines "AGE-SECRET-KEY-1…").
func DecryptWithIdentities(data []byte, identities string) ([]byte, error) {
	ids, err := age.ParseIdentities(strings.NewReader(identities))
	if err != nil {
		return nil, errors.New("the identity file holds no age private key (AGE-SECRET-KEY-1…)")
	}
	return decrypt(data, ids...)
}

// decrypt opens data, binary or armoured, with the identities, reading no
// more than MaxEncrypted bytes.
func decrypt(data []byte, ids ...age.Identity) ([]byte, error) {
	if len(data) > MaxEncrypted {
		return nil, fmt.Errorf("the encrypted file is larger than %d MiB", MaxEncrypted>>20)
	}
	var src io.Reader = bytes.NewReader(data)
	if !bytes.HasPrefix(data, []byte(ageBinaryHeader)) {
		src = armor.NewReader(bytes.NewReader(bytes.TrimLeft(data, " \t\r\n")))
	}
	r, err := age.Decrypt(src, ids...)
	if err != nil {
		return nil, decryptErr(err)
	}
	out, err := io.ReadAll(io.LimitReader(r, MaxEncrypted+1))
	if err != nil {
		return nil, ErrDamaged
	}
	if len(out) > MaxEncrypted {
		return nil, fmt.Errorf("the decrypted file is larger than %d MiB", MaxEncrypted>>20)
	}
	return out, nil
}

// decryptErr maps age's errors to the package's: a passphrase or key that
// does not match, or a damaged file.
func decryptErr(err error) error {
	var noMatch *age.NoIdentityMatchError
	if errors.As(err, &noMatch) {
		if slices.Contains(noMatch.StanzaTypes, "scrypt") {
			return ErrWrongPassphrase
		}
		return ErrNeedsKey
	}
	return ErrDamaged
}
