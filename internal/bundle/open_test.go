package bundle

import (
	"errors"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/signing"
)

func TestUnsealOpensOnlyEncryptedFiles(t *testing.T) {
	calls := 0
	open := func(sealed []byte) ([]byte, error) {
		calls++
		return signing.DecryptWithPassphrase(sealed, []byte("right"))
	}
	plain := []byte(`{"format":"x"}`)
	if got, err := Unseal("a.json", plain, open); err != nil || string(got) != string(plain) || calls != 0 {
		t.Errorf("a plain file: %q, %v, decrypt called %d times", got, err, calls)
	}
	sealed, err := signing.EncryptWithPassphrase(plain, []byte("right"), 10)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Unseal("a.json.age", sealed, open); err != nil || string(got) != string(plain) {
		t.Errorf("the right passphrase: %q, %v", got, err)
	}
	_, err = Unseal("a.json.age", sealed, func(b []byte) ([]byte, error) { return signing.DecryptWithPassphrase(b, []byte("wrong")) })
	if want := "a.json.age: cannot decrypt: the passphrase is wrong; nothing was imported"; err == nil || err.Error() != want || !errors.Is(err, signing.ErrWrongPassphrase) {
		t.Errorf("the wrong passphrase: %v; want %q", err, want)
	}
}

func TestNewKeysNameEachSignersAgency(t *testing.T) {
	rec := assessment.Record{Partnership: assessment.Partnership{Agencies: []assessment.Agency{{ID: "p", Name: "Northshire Police"}}}}
	keys := NewKeys(rec, []assessment.SignOff{
		{Name: "Chloé Martin", Role: "Head of Public Protection", AgencyID: "p", KeyFingerprint: "c681 410b"},
		{Name: "Ruth Okafor", Role: "Independent scrutineer", KeyFingerprint: "9a2e 77f0"},
	})
	want := []string{"Chloé Martin (Head of Public Protection, Northshire Police): c681 410b", "Ruth Okafor (Independent scrutineer, independent scrutiny): 9a2e 77f0"}
	if len(keys) != len(want) {
		t.Fatalf("%d keys; want %d", len(keys), len(want))
	}
	for i, k := range keys {
		if k.String() != want[i] {
			t.Errorf("key %d: %q; want %q", i, k, want[i])
		}
	}
}
