package signing

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testStatement is a statement as a lead would sign it.
func testStatement() Statement {
	return Statement{
		ContentSHA256: strings.Repeat("ab", 32), AssessmentID: "a-1", Name: "Jo Smith",
		Agency: "Northshire County Council", Role: "Director of Children's Services",
		SignedAt: time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC),
	}
}

func TestSignAndVerify(t *testing.T) {
	k, err := GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	st := testStatement()
	sig, err := k.Sign(st, "signed in Partnership Maturity")
	if err != nil {
		t.Fatal(err)
	}
	pub, err := ParsePublicKey(k.String())
	if err != nil {
		t.Fatal(err)
	}
	if err := Verify(pub, st, sig); err != nil {
		t.Fatalf("Verify of a fresh signature = %v; want nil", err)
	}
	changes := map[string]func(*Statement){
		"content":  func(s *Statement) { s.ContentSHA256 = strings.Repeat("cd", 32) },
		"name":     func(s *Statement) { s.Name = "Jo Smyth" },
		"agency":   func(s *Statement) { s.Agency = "Northshire Police" },
		"role":     func(s *Statement) { s.Role = "Chief Constable" },
		"time":     func(s *Statement) { s.SignedAt = s.SignedAt.Add(time.Second) },
		"assessed": func(s *Statement) { s.AssessmentID = "a-2" },
	}
	for name, change := range changes {
		changed := st
		change(&changed)
		if err := Verify(pub, changed, sig); !errors.Is(err, ErrBadSignature) {
			t.Errorf("%s changed: Verify = %v; want ErrBadSignature", name, err)
		}
	}
	other, _ := GenerateKey(nil)
	if err := Verify(other.PublicKey, st, sig); !errors.Is(err, ErrBadSignature) {
		t.Errorf("another key: Verify = %v; want ErrBadSignature", err)
	}
	// The trusted comment is signed too: changing it breaks the signature.
	forged := strings.Replace(sig, "Jo Smith", "Al Smith", 1)
	if err := Verify(pub, st, forged); !errors.Is(err, ErrBadSignature) {
		t.Errorf("trusted comment changed: Verify = %v; want ErrBadSignature", err)
	}
	if err := Verify(pub, st, "untrusted comment: x\nnot base64\n"); !errors.Is(err, ErrMalformed) {
		t.Errorf("garbage: Verify = %v; want ErrMalformed", err)
	}
}

func TestStatementRefusesLineBreaks(t *testing.T) {
	k := DemoKey("x")
	st := testStatement()
	st.Role = "Director\ntrusted comment: forged"
	if _, err := k.Sign(st, ""); !errors.Is(err, ErrMalformed) {
		t.Errorf("Sign with a line break in the role = %v; want ErrMalformed", err)
	}
}

func TestDemoKeyIsStableAndLabelled(t *testing.T) {
	a, b := DemoKey("Jo Smith"), DemoKey("Jo Smith")
	if a.Fingerprint() != b.Fingerprint() || a.Fingerprint() == DemoKey("Sam Patel").Fingerprint() {
		t.Errorf("demo keys: %s, %s, %s; want the same for one name and different for another",
			a.Fingerprint(), b.Fingerprint(), DemoKey("Sam Patel").Fingerprint())
	}
	sig, err := a.Sign(testStatement(), DemoComment)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := ParseSignature(sig); err != nil || !s.IsDemo() {
		t.Errorf("demo signature: IsDemo false (err %v)", err)
	}
	if f := a.Fingerprint(); len(f) != 39 || strings.Count(f, " ") != 7 {
		t.Errorf("fingerprint %q; want eight groups of four hex digits", f)
	}
}

func TestKeyFileRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys", KeyFileName("Jo Smith"))
	k, _ := GenerateKey(nil)
	if err := SaveKey(path, k, "Jo Smith", []byte("correct horse"), 10); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("key file mode %o; want 600", perm)
	}
	data, _ := os.ReadFile(path)
	if bytes.Contains(data, k.key.Seed()) || strings.Contains(string(data), "PRIVATE") {
		t.Error("key file holds the secret in the clear")
	}
	got, err := LoadKey(path, []byte("correct horse"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Fingerprint() != k.Fingerprint() || got.ID != k.ID {
		t.Errorf("loaded key %s; want %s", got.Fingerprint(), k.Fingerprint())
	}
	if _, err := LoadKey(path, []byte("wrong")); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("LoadKey with a wrong passphrase = %v; want ErrWrongPassphrase", err)
	}
	pub, owner, err := LoadPublicKey(path)
	if err != nil || owner != "Jo Smith" || pub.Fingerprint() != k.Fingerprint() {
		t.Errorf("LoadPublicKey = %s, %q, %v", pub.Fingerprint(), owner, err)
	}
	if err := SaveKey(path, k, "Jo Smith", []byte("again"), 10); err == nil {
		t.Error("SaveKey overwrote an existing key file")
	}
}

func TestEncryptRoundTripAndFailures(t *testing.T) {
	plain := []byte(`{"format":"partnership-maturity-bundle"}`)
	sealed, err := EncryptWithPassphrase(plain, []byte("s3cret pass"), 10)
	if err != nil {
		t.Fatal(err)
	}
	if !IsEncrypted(sealed) || !NeedsPassphrase(sealed) || IsEncrypted(plain) {
		t.Fatalf("IsEncrypted/NeedsPassphrase wrong for %q", sealed[:40])
	}
	got, err := DecryptWithPassphrase(sealed, []byte("s3cret pass"))
	if err != nil || !bytes.Equal(got, plain) {
		t.Fatalf("round trip = %q, %v", got, err)
	}
	if _, err := DecryptWithPassphrase(sealed, []byte("wrong")); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("wrong passphrase: %v; want ErrWrongPassphrase", err)
	}
	if _, err := DecryptWithPassphrase(sealed[:len(sealed)-60], []byte("s3cret pass")); !errors.Is(err, ErrDamaged) {
		t.Errorf("truncated: %v; want ErrDamaged", err)
	}
	altered := bytes.Clone(sealed)
	i := bytes.LastIndex(altered, []byte("\n-----END")) - 10
	altered[i] ^= 'A' ^ 'B'
	if altered[i] == sealed[i] {
		t.Fatal("alteration did not change the file")
	}
	if _, err := DecryptWithPassphrase(altered, []byte("s3cret pass")); !errors.Is(err, ErrDamaged) {
		t.Errorf("altered: %v; want ErrDamaged", err)
	}
}

func TestEncryptToRecipients(t *testing.T) {
	const identity = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX"
	const recipient = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj"
	sealed, err := EncryptToRecipients([]byte("hello"), []string{recipient})
	if err != nil {
		t.Fatal(err)
	}
	if NeedsPassphrase(sealed) {
		t.Error("a file for age keys says it needs a passphrase")
	}
	got, err := DecryptWithIdentities(sealed, identity)
	if err != nil || string(got) != "hello" {
		t.Errorf("DecryptWithIdentities = %q, %v", got, err)
	}
	if _, err := DecryptWithPassphrase(sealed, []byte("x")); !errors.Is(err, ErrNeedsKey) {
		t.Errorf("passphrase on a keyed file: %v; want ErrNeedsKey", err)
	}
	if _, err := EncryptToRecipients([]byte("x"), []string{"not-a-key"}); err == nil {
		t.Error("EncryptToRecipients accepted a bad recipient")
	}
}
