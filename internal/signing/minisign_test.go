package signing

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMinisignAcceptsOurSignatures checks a signature with the minisign
// tool itself, when it is installed: the message is Statement.Message and
// the key is PublicKey.String.
func TestMinisignAcceptsOurSignatures(t *testing.T) {
	tool, err := exec.LookPath("minisign")
	if err != nil {
		t.Skip("minisign is not installed")
	}
	k, _ := GenerateKey(nil)
	st := testStatement()
	sig, err := k.Sign(st, "test")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	msg, sigFile := filepath.Join(dir, "statement.txt"), filepath.Join(dir, "statement.txt.minisig")
	os.WriteFile(msg, st.Message(), 0o600)
	os.WriteFile(sigFile, []byte(sig), 0o600)
	out, err := exec.Command(tool, "-V", "-m", msg, "-x", sigFile, "-P", k.String()).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Signature and comment signature verified") || !strings.Contains(string(out), st.Comment()) {
		t.Fatalf("minisign refused our signature: %v\n%s", err, out)
	}
	os.WriteFile(msg, append(st.Message(), 'x'), 0o600)
	if out, err := exec.Command(tool, "-V", "-m", msg, "-x", sigFile, "-P", k.String()).CombinedOutput(); err == nil {
		t.Fatalf("minisign accepted a changed message:\n%s", out)
	}
}
