package bundle

import (
	"fmt"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/signing"
)

// Unseal returns a bundle file's plain bytes: data itself, or, when data is
// age-encrypted, what open makes of it (open decrypts with a passphrase or
// an age identity and is called only then). A failure to decrypt is one
// message naming the file and saying that nothing was imported; the
// command line's import and the app's both open bundles this way.
func Unseal(name string, data []byte, open func(sealed []byte) ([]byte, error)) ([]byte, error) {
	if !signing.IsEncrypted(data) {
		return data, nil
	}
	plain, err := open(data)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot decrypt: %w; nothing was imported", name, err)
	}
	return plain, nil
}

// NewKey is a signing key that a partnership has never seen, as the person
// importing a bundle is asked to confirm it: who signed with it, in which
// role, for which agency, and the key's fingerprint.
type NewKey struct {
	Name, Role, Agency, Fingerprint string
}

// String is the key on one line: "name (role, agency): fingerprint".
func (k NewKey) String() string {
	return fmt.Sprintf("%s (%s, %s): %s", k.Name, k.Role, k.Agency, k.Fingerprint)
}

// NewKeys describes the sign-offs of rec whose keys are unknown (as the
// store's UnknownKeys finds them), naming each signer's agency from the
// record; a sign-off for no agency is the scrutineer's.
func NewKeys(rec assessment.Record, unknown []assessment.SignOff) []NewKey {
	out := make([]NewKey, 0, len(unknown))
	for _, so := range unknown {
		agency := "independent scrutiny"
		for _, a := range rec.Partnership.Agencies {
			if a.ID == so.AgencyID {
				agency = a.Name
			}
		}
		out = append(out, NewKey{Name: so.Name, Role: so.Role, Agency: agency, Fingerprint: so.KeyFingerprint})
	}
	return out
}
