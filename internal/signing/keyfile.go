package signing

import (
	"bytes"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"filippo.io/age"
	"filippo.io/age/armor"
)

// KeyFileFormat is the "format" of every key file.
const KeyFileFormat = "partnership-maturity-signing-key"

// maxKeyFile is the largest key file read, in bytes.
const maxKeyFile = 16 << 10

// ErrWrongPassphrase means the passphrase does not open the key or file.
var ErrWrongPassphrase = errors.New("the passphrase is wrong")

// keyFile is a private key on disk: the public half in the clear, the seed
// encrypted with the owner's passphrase by age (armoured).
type keyFile struct {
	Format    string `json:"format"`
	Version   int    `json:"version"`
	Owner     string `json:"owner"`
	CreatedAt string `json:"created_at"`
	PublicKey string `json:"public_key"`
	// Fingerprint is the public key's fingerprint, for people reading the file.
	Fingerprint string `json:"fingerprint"`
	// Secret is the 32-byte Ed25519 seed, age-encrypted to the passphrase.
	Secret string `json:"secret"`
}

// KeyDir returns the folder where a person's keys live: keys in the
// partnership-maturity folder of their configuration directory.
func KeyDir() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the configuration folder for signing keys: %w", err)
	}
	return filepath.Join(dir, "partnership-maturity", "keys"), nil
}

// unsafeName matches the characters a key file's name leaves out.
var unsafeName = regexp.MustCompile(`[^A-Za-z0-9]+`)

// KeyFileName returns the file name of owner's key, such as "jo-smith.key".
func KeyFileName(owner string) string {
	base := strings.Trim(strings.ToLower(unsafeName.ReplaceAllString(owner, "-")), "-")
	if base == "" {
		base = "signing"
	}
	return base + ".key"
}

// SaveKey writes k to path, its seed encrypted with passphrase, readable by
// its owner alone (mode 0600, in a folder made 0700). It refuses to
// overwrite an existing file and an empty passphrase. workFactor is age's
// scrypt work factor (log2 of N); 0 means age's default.
func SaveKey(path string, k *PrivateKey, owner string, passphrase []byte, workFactor int) error {
	if len(bytes.TrimSpace(passphrase)) == 0 {
		return errors.New("a signing key needs a passphrase")
	}
	r, err := age.NewScryptRecipient(string(passphrase))
	if err != nil {
		return err
	}
	if workFactor > 0 {
		r.SetWorkFactor(workFactor)
	}
	var sealed bytes.Buffer
	aw := armor.NewWriter(&sealed)
	w, err := age.Encrypt(aw, r)
	if err != nil {
		return err
	}
	if _, err := w.Write(k.key.Seed()); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if err := aw.Close(); err != nil {
		return err
	}
	data, err := json.MarshalIndent(keyFile{
		Format: KeyFileFormat, Version: 1, Owner: owner, CreatedAt: time.Now().UTC().Format(time.RFC3339),
		PublicKey: k.String(), Fingerprint: k.Fingerprint(), Secret: sealed.String(),
	}, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("saving the signing key: %w", err)
	}
	if _, err := f.Write(append(data, '\n')); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}

// readKeyFile reads and checks a key file without opening its secret.
func readKeyFile(path string) (keyFile, PublicKey, error) {
	f, err := os.Open(path)
	if err != nil {
		return keyFile{}, PublicKey{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxKeyFile+1))
	if err != nil {
		return keyFile{}, PublicKey{}, err
	}
	if len(data) > maxKeyFile {
		return keyFile{}, PublicKey{}, fmt.Errorf("%s is larger than %d KiB: not a signing key", path, maxKeyFile>>10)
	}
	var kf keyFile
	if err := json.Unmarshal(data, &kf); err != nil || kf.Format != KeyFileFormat {
		return keyFile{}, PublicKey{}, fmt.Errorf("%s is not a Partnership Maturity signing key", path)
	}
	if kf.Version != 1 {
		return keyFile{}, PublicKey{}, fmt.Errorf("%s is a signing key of version %d; this app reads version 1", path, kf.Version)
	}
	pub, err := ParsePublicKey(kf.PublicKey)
	if err != nil {
		return keyFile{}, PublicKey{}, fmt.Errorf("%s: %w", path, err)
	}
	return kf, pub, nil
}

// LoadPublicKey reads the public half of the key at path and its owner.
func LoadPublicKey(path string) (PublicKey, string, error) {
	kf, pub, err := readKeyFile(path)
	return pub, kf.Owner, err
}

// LoadKey reads the key at path and opens it with passphrase. A wrong
// passphrase is ErrWrongPassphrase.
func LoadKey(path string, passphrase []byte) (*PrivateKey, error) {
	kf, pub, err := readKeyFile(path)
	if err != nil {
		return nil, err
	}
	id, err := age.NewScryptIdentity(string(passphrase))
	if err != nil {
		return nil, err
	}
	r, err := age.Decrypt(armor.NewReader(strings.NewReader(kf.Secret)), id)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, decryptErr(err))
	}
	seed, err := io.ReadAll(io.LimitReader(r, ed25519.SeedSize+1))
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("%s: the key's secret is damaged", path)
	}
	k := keyFromSeed(seed, pub.ID[:])
	if !k.Key.Equal(pub.Key) {
		return nil, fmt.Errorf("%s: the key's secret does not match its public key", path)
	}
	return k, nil
}
