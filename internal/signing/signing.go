// Package signing makes and checks the signatures that say who signed an
// assessment off: Ed25519 key pairs, signatures over a bundle's content hash
// together with who signed, for which agency, in which role and when, and
// key fingerprints short enough to print and read aloud. It also encrypts
// bundles for email with age (filippo.io/age).
//
// Signatures and public keys are in minisign's formats (prehashed "ED"
// signatures, BLAKE2b-512 over the message), so anyone can check one with
// the standard minisign tool: the message is Statement.Message, the trusted
// comment is Statement.Comment. Private keys never leave their owner's
// configuration folder: they are kept encrypted with the owner's passphrase
// (age's scrypt recipient) in a file only the owner can read.
//
// The package imports no other package of the project.
package signing

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/crypto/blake2b"
)

// Sentinel errors a caller can test with errors.Is.
var (
	// ErrBadSignature means a signature does not match its statement and key.
	ErrBadSignature = errors.New("the signature does not match: the content or the signer's details were changed, or it was made with another key")
	// ErrMalformed means a key or signature is not in the expected format.
	ErrMalformed = errors.New("not a valid key or signature")
)

// Limits on what the package reads.
const (
	// MaxFieldLength is the longest name, agency, role or id a statement
	// may carry, in bytes.
	MaxFieldLength = 500
	// maxSignatureText is the longest signature text accepted, in bytes.
	maxSignatureText = 4096
)

// Minisign's algorithm tags.
var (
	keyAlgorithm       = []byte("Ed")
	prehashedAlgorithm = []byte("ED")
)

// PublicKey is an Ed25519 public key with minisign's 8-byte key id.
type PublicKey struct {
	// ID is minisign's key id: random bytes chosen when the key was made.
	ID  [8]byte
	Key ed25519.PublicKey
}

// String returns the key as minisign writes it: base64 of "Ed", the key id
// and the 32 key bytes (a string starting "RWQ" or "RWS").
func (p PublicKey) String() string {
	b := make([]byte, 0, 42)
	b = append(b, keyAlgorithm...)
	b = append(b, p.ID[:]...)
	b = append(b, p.Key...)
	return base64.StdEncoding.EncodeToString(b)
}

// KeyID returns the key id as minisign prints it: 16 upper-case hex digits.
func (p PublicKey) KeyID() string {
	return fmt.Sprintf("%016X", binary.LittleEndian.Uint64(p.ID[:]))
}

// Fingerprint returns the first 16 bytes of the SHA-256 of the public key
// in eight groups of four hex digits, short enough to read over the phone
// and print on paper.
func (p PublicKey) Fingerprint() string { return Fingerprint(p.Key) }

// Fingerprint returns the fingerprint of an Ed25519 public key (see
// PublicKey.Fingerprint).
func Fingerprint(key ed25519.PublicKey) string {
	sum := sha256.Sum256(key)
	h := hex.EncodeToString(sum[:16])
	groups := make([]string, 0, 8)
	for i := 0; i < len(h); i += 4 {
		groups = append(groups, h[i:i+4])
	}
	return strings.Join(groups, " ")
}

// ParsePublicKey reads a public key as String writes it, or a minisign
// public key file (an "untrusted comment:" line, then the key).
func ParsePublicKey(s string) (PublicKey, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "untrusted comment:") {
		_, s, _ = strings.Cut(s, "\n")
		s = strings.TrimSpace(s)
	}
	if len(s) > 100 {
		return PublicKey{}, fmt.Errorf("public key is %d characters long, more than a key can be: %w", len(s), ErrMalformed)
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) != 2+8+ed25519.PublicKeySize || !bytes.Equal(b[:2], keyAlgorithm) {
		return PublicKey{}, fmt.Errorf("public key %q: %w", s, ErrMalformed)
	}
	var p PublicKey
	copy(p.ID[:], b[2:10])
	p.Key = ed25519.PublicKey(bytes.Clone(b[10:]))
	return p, nil
}

// PrivateKey is an Ed25519 key pair that can sign statements.
type PrivateKey struct {
	PublicKey
	key ed25519.PrivateKey
}

// GenerateKey makes a new key pair from rand (crypto/rand.Reader when nil).
func GenerateKey(r io.Reader) (*PrivateKey, error) {
	if r == nil {
		r = rand.Reader
	}
	seed := make([]byte, ed25519.SeedSize+8)
	if _, err := io.ReadFull(r, seed); err != nil {
		return nil, fmt.Errorf("making a key: %w", err)
	}
	return keyFromSeed(seed[:ed25519.SeedSize], seed[ed25519.SeedSize:]), nil
}

// keyFromSeed builds a key pair from a 32-byte Ed25519 seed and an 8-byte
// key id.
func keyFromSeed(seed, id []byte) *PrivateKey {
	k := &PrivateKey{key: ed25519.NewKeyFromSeed(seed)}
	copy(k.ID[:], id)
	k.Key = k.key.Public().(ed25519.PublicKey)
	return k
}

// DemoKey returns the invented demo key of name: the same every time, so
// the demo data is reproducible, and never to be trusted for real work.
// Signatures made with it say "demo key" in their untrusted comment.
func DemoKey(name string) *PrivateKey {
	sum := sha256.Sum256([]byte("partnership-maturity demo key, not for real use: " + name))
	id := sha256.Sum256(sum[:])
	return keyFromSeed(sum[:], id[:8])
}

// Statement is what a signature covers: the content hash of a bundle and
// who signed it, for which agency, in which role and when.
type Statement struct {
	// ContentSHA256 is the hex SHA-256 of the bundle's signed content.
	ContentSHA256 string
	AssessmentID  string
	Name          string
	// Agency is the agency's name, or "" for an independent scrutineer.
	Agency   string
	Role     string
	SignedAt time.Time
}

// check refuses a statement with an over-long or multi-line field, or no
// content hash or name.
func (st Statement) check() error {
	if len(st.ContentSHA256) != 64 {
		return fmt.Errorf("statement has no content hash: %w", ErrMalformed)
	}
	if strings.TrimSpace(st.Name) == "" {
		return fmt.Errorf("statement has no name: %w", ErrMalformed)
	}
	for _, f := range []struct{ name, v string }{{"name", st.Name}, {"agency", st.Agency}, {"role", st.Role}, {"assessment id", st.AssessmentID}} {
		if len(f.v) > MaxFieldLength {
			return fmt.Errorf("the signer's %s is longer than %d bytes: %w", f.name, MaxFieldLength, ErrMalformed)
		}
		if strings.ContainsAny(f.v, "\r\n\t") {
			return fmt.Errorf("the signer's %s has a line break or tab in it: %w", f.name, ErrMalformed)
		}
	}
	return nil
}

// Message returns the text that is signed, one "field: value" line each.
func (st Statement) Message() []byte {
	return fmt.Appendf(nil, "Partnership Maturity sign-off\ncontent-sha256: %s\nassessment: %s\nname: %s\nagency: %s\nrole: %s\nsigned-at: %s\n",
		st.ContentSHA256, st.AssessmentID, st.Name, st.Agency, st.Role, st.SignedAt.UTC().Format(time.RFC3339Nano))
}

// Comment returns minisign's trusted comment for the statement: one line
// naming the signer, which the global signature also covers.
func (st Statement) Comment() string {
	agency := st.Agency
	if agency == "" {
		agency = "independent scrutiny"
	}
	return fmt.Sprintf("signed off by %s (%s) for %s at %s; content sha256 %s",
		st.Name, st.Role, agency, st.SignedAt.UTC().Format(time.RFC3339Nano), st.ContentSHA256)
}

// DemoComment is the untrusted comment of every signature made with a demo key.
const DemoComment = "demo key, not for real use"

// Sign signs the statement and returns the signature as minisign writes a
// .minisig file: four lines, the last ending in a newline.
func (k *PrivateKey) Sign(st Statement, untrusted string) (string, error) {
	if err := st.check(); err != nil {
		return "", err
	}
	digest := blake2b.Sum512(st.Message())
	sig := ed25519.Sign(k.key, digest[:])
	block := make([]byte, 0, 74)
	block = append(block, prehashedAlgorithm...)
	block = append(block, k.ID[:]...)
	block = append(block, sig...)
	comment := st.Comment()
	global := ed25519.Sign(k.key, append(bytes.Clone(sig), comment...))
	untrusted = strings.NewReplacer("\r", " ", "\n", " ").Replace(untrusted)
	return fmt.Sprintf("untrusted comment: %s\n%s\ntrusted comment: %s\n%s\n", untrusted,
		base64.StdEncoding.EncodeToString(block), comment, base64.StdEncoding.EncodeToString(global)), nil
}

// Signature is a parsed minisign signature.
type Signature struct {
	// Untrusted is the untrusted comment, which nothing signs.
	Untrusted string
	KeyID     [8]byte
	sig       []byte
	// Trusted is the trusted comment, which the global signature covers.
	Trusted string
	global  []byte
}

// ParseSignature reads a signature as Sign writes it.
func ParseSignature(text string) (Signature, error) {
	if len(text) > maxSignatureText {
		return Signature{}, fmt.Errorf("signature is %d bytes, more than the %d a signature can be: %w", len(text), maxSignatureText, ErrMalformed)
	}
	lines := strings.Split(strings.TrimRight(strings.ReplaceAll(text, "\r\n", "\n"), "\n"), "\n")
	if len(lines) != 4 {
		return Signature{}, fmt.Errorf("signature has %d lines, want 4: %w", len(lines), ErrMalformed)
	}
	var s Signature
	var ok bool
	if s.Untrusted, ok = strings.CutPrefix(lines[0], "untrusted comment: "); !ok {
		return Signature{}, fmt.Errorf("signature does not start with an untrusted comment: %w", ErrMalformed)
	}
	block, err := base64.StdEncoding.DecodeString(lines[1])
	if err != nil || len(block) != 2+8+ed25519.SignatureSize || !bytes.Equal(block[:2], prehashedAlgorithm) {
		return Signature{}, fmt.Errorf("signature block is not a prehashed Ed25519 signature: %w", ErrMalformed)
	}
	copy(s.KeyID[:], block[2:10])
	s.sig = block[10:]
	if s.Trusted, ok = strings.CutPrefix(lines[2], "trusted comment: "); !ok {
		return Signature{}, fmt.Errorf("signature has no trusted comment: %w", ErrMalformed)
	}
	if s.global, err = base64.StdEncoding.DecodeString(lines[3]); err != nil || len(s.global) != ed25519.SignatureSize {
		return Signature{}, fmt.Errorf("signature's global signature is not valid: %w", ErrMalformed)
	}
	return s, nil
}

// IsDemo reports whether the signature was made with a demo key.
func (s Signature) IsDemo() bool { return s.Untrusted == DemoComment }

// Verify checks that text is key's signature of st: the key id matches, the
// signature covers the statement's message and the trusted comment is the
// statement's, signed too. It returns ErrBadSignature when any of it does
// not hold, and ErrMalformed when text is not a signature.
func Verify(key PublicKey, st Statement, text string) error {
	if err := st.check(); err != nil {
		return err
	}
	s, err := ParseSignature(text)
	if err != nil {
		return err
	}
	if s.KeyID != key.ID {
		return fmt.Errorf("signature was made with key %016X, not the key given (%s): %w",
			binary.LittleEndian.Uint64(s.KeyID[:]), key.KeyID(), ErrBadSignature)
	}
	digest := blake2b.Sum512(st.Message())
	if !ed25519.Verify(key.Key, digest[:], s.sig) {
		return ErrBadSignature
	}
	if s.Trusted != st.Comment() || !ed25519.Verify(key.Key, append(bytes.Clone(s.sig), s.Trusted...), s.global) {
		return fmt.Errorf("the signed comment does not match: %w", ErrBadSignature)
	}
	return nil
}
