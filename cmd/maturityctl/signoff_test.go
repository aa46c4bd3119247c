package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/signing"
	"github.com/partnership-maturity/maturity/internal/store"
)

// signer is one person signing the demo's 2025/26 assessment.
type signer struct{ name, agency, role string }

// demoSigners are the three statutory leads and the scrutineer.
var demoSigners = []signer{
	{"Siobhán O’Neill", "Northshire County Council", "Director of Children’s Services"},
	{"Gareth Llewelyn", "NHS Northshire Integrated Care Board", "Chief Nurse"},
	{"Det. Supt. Chloé Martin", "Northshire Police", "Head of Public Protection"},
	{"Dr Helen Marsh, Independent Scrutineer", "", "Independent scrutineer"},
}

// writeKey saves a key for name with a quick passphrase hash, returning
// the key file and the passphrase file.
func writeKey(t *testing.T, dir, name string) (string, string) {
	t.Helper()
	key, err := signing.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, signing.KeyFileName(name))
	if err := signing.SaveKey(path, key, name, []byte("pass "+name), 10); err != nil {
		t.Fatal(err)
	}
	pass := path + ".pass"
	if err := os.WriteFile(pass, []byte("pass "+name+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, pass
}

// signArgs are the arguments that sign id as s.
func signArgs(db, id, keyFile, passFile string, s signer) []string {
	args := []string{"--db", db, "sign", "--assessment", id, "--name", s.name, "--role", s.role, "--key", keyFile, "--passphrase-file", passFile}
	if s.agency == "" {
		return append(args, "--scrutineer")
	}
	return append(args, "--agency", s.agency)
}

// signedDemo signs the demo's agreed 2025/26 assessment off by all four.
func signedDemo(t *testing.T) (db, id string) {
	t.Helper()
	db, id = demoDB(t)
	keys := t.TempDir()
	for i, s := range demoSigners {
		key, pass := writeKey(t, keys, s.name)
		out := mustCtl(t, signArgs(db, id, key, pass, s)...)
		if last := i == len(demoSigners)-1; strings.Contains(out, "is signed off") != last {
			t.Errorf("after %d signatures: %q", i+1, out)
		}
	}
	return db, id
}

func TestSignOffWorkflow(t *testing.T) {
	db, id := demoDB(t)
	status := mustCtl(t, "--db", db, "status", "--assessment", id)
	for _, want := range []string{": agreed (revision 1)", "to sign: the local authority's lead", "to sign: the independent scrutineer, Dr Helen Marsh"} {
		if !strings.Contains(status, want) {
			t.Errorf("status does not say %q:\n%s", want, status)
		}
	}
	keys := t.TempDir()
	key, pass := writeKey(t, keys, "Siobhán O’Neill")
	// A wrong passphrase signs nothing.
	bad := filepath.Join(keys, "bad.pass")
	os.WriteFile(bad, []byte("wrong\n"), 0o600)
	if r := ctl(t, signArgs(db, id, key, bad, demoSigners[0])...); r.code != exitBad || !strings.Contains(r.stderr, "passphrase is wrong") {
		t.Errorf("wrong passphrase: exit %d, %q", r.code, r.stderr)
	}
	// An agency that is not the partnership's is refused by name.
	other := demoSigners[0]
	other.agency = "Southshire Council"
	if r := ctl(t, signArgs(db, id, key, pass, other)...); r.code != exitBad || !strings.Contains(r.stderr, "is not an agency of") {
		t.Errorf("unknown agency: exit %d, %q", r.code, r.stderr)
	}
	mustCtl(t, signArgs(db, id, key, pass, demoSigners[0])...)
	status = mustCtl(t, "--db", db, "status", "--assessment", id)
	if !strings.Contains(status, "signature: Siobhán O’Neill, Northshire County Council, Director of Children’s Services") ||
		!strings.Contains(status, ": good") || strings.Contains(status, "to sign: the local authority's lead") {
		t.Errorf("status after one signature:\n%s", status)
	}
}

func TestAgreeNeedsReadiness(t *testing.T) {
	db, latest := demoDB(t)
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	next, err := s.StartFromPrevious(context.Background(), latest, "2026/27")
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	r := ctl(t, "--db", db, "agree", "--assessment", next.ID)
	if r.code != exitBad || !strings.Contains(r.stderr, "cannot be agreed yet") ||
		strings.Count(r.stderr, ": not assessed, and no reason given") != 18 {
		t.Errorf("agree of a blank assessment: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(mustCtl(t, "--db", db, "status", "--assessment", next.ID), ": draft (revision 1)") {
		t.Error("a refused agree changed the status")
	}
	if r := ctl(t, "--db", db, "agree", "--assessment", "no-such-id"); r.code != exitBad || !strings.Contains(r.stderr, "not found") {
		t.Errorf("agree on an unknown id: exit %d %q", r.code, r.stderr)
	}
}

func TestSignedEncryptedExchange(t *testing.T) {
	db, id := signedDemo(t)
	dir := t.TempDir()
	passFile := filepath.Join(dir, "pass")
	os.WriteFile(passFile, []byte("a long shared passphrase\n"), 0o600)
	sealed := filepath.Join(dir, "bundle.json.age")
	mustCtl(t, "--db", db, "export", "--format", "json", "--assessment", id, "--encrypt", "--passphrase-file", passFile, "-o", sealed)
	data := fileState(t, sealed)
	if !strings.HasPrefix(string(data), "-----BEGIN AGE ENCRYPTED FILE-----") || strings.Contains(string(data), "Northshire") {
		t.Fatalf("the encrypted export is not an age file or shows its contents: %.80q", data)
	}

	// A colleague's machine: a new database.
	other := filepath.Join(t.TempDir(), "colleague.db")
	wrong := filepath.Join(dir, "wrong")
	os.WriteFile(wrong, []byte("not the passphrase\n"), 0o600)
	truncated := filepath.Join(dir, "truncated.age")
	os.WriteFile(truncated, data[:len(data)*2/3], 0o600)
	altered := filepath.Join(dir, "altered.age")
	changed := []byte(string(data))
	i := len(changed) / 2
	if changed[i] == 'A' {
		changed[i] = 'B'
	} else {
		changed[i] = 'A'
	}
	os.WriteFile(altered, changed, 0o600)
	failures := []struct {
		name, file, pass, want string
	}{
		{"wrong passphrase", sealed, wrong, "cannot decrypt: the passphrase is wrong; nothing was imported"},
		{"truncated", truncated, passFile, "cannot decrypt: the encrypted file is damaged"},
		{"altered", altered, passFile, "cannot decrypt: the encrypted file is damaged"},
	}
	for _, f := range failures {
		r := ctl(t, "--db", other, "import", "--passphrase-file", f.pass, "--trust-keys", f.file)
		if r.code != exitBad || !strings.Contains(r.stderr, f.want) || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
			t.Errorf("%s: exit %d, stderr %q; want 1 and one line saying %q", f.name, r.code, r.stderr, f.want)
		}
		if fileState(t, other) != nil {
			t.Errorf("%s: the failed import created or changed the database", f.name)
		}
	}
	if r := ctl(t, "--db", other, "import", sealed); r.code != exitUsage || !strings.Contains(r.stderr, "give --passphrase-file") {
		t.Errorf("no passphrase: exit %d %q", r.code, r.stderr)
	}

	// New keys are shown with their fingerprints and not trusted unasked.
	r := ctl(t, "--db", other, "import", "--passphrase-file", passFile, sealed)
	if r.code != exitBad || !strings.Contains(r.stderr, "These signing keys are new") || strings.Count(r.stderr, "Dr Helen Marsh") != 1 ||
		!strings.Contains(r.stderr, "not imported") {
		t.Errorf("unconfirmed keys: exit %d\n%s", r.code, r.stderr)
	}
	mustCtl(t, "--db", other, "import", "--passphrase-file", passFile, "--trust-keys", sealed)

	out := mustCtl(t, "--db", other, "verify", "--passphrase-file", passFile, sealed)
	if n := strings.Count(out, ": good\n"); n != 4 {
		t.Errorf("verify shows %d good signatures; want 4:\n%s", n, out)
	}
	for _, want := range []string{"partnership: Northshire Safeguarding Children Partnership", "period: 2025/26", "status: signed off (revision 1)", "database copy: matches"} {
		if !strings.Contains(out, want) {
			t.Errorf("verify does not say %q:\n%s", want, out)
		}
	}
	// The keys are remembered: a second database import of the same keys
	// would not ask again; the same database already has the assessment.
	if r := ctl(t, "--db", other, "import", "--passphrase-file", passFile, sealed); strings.Contains(r.stderr, "new to") {
		t.Errorf("keys asked about again after being trusted:\n%s", r.stderr)
	}
}

func TestVerifyPDFAndBundle(t *testing.T) {
	db, id := signedDemo(t)
	dir := t.TempDir()
	pdf, js := filepath.Join(dir, "report.pdf"), filepath.Join(dir, "bundle.json")
	mustCtl(t, "--db", db, "export", "--format", "pdf", "--assessment", id, "-o", pdf)
	mustCtl(t, "--db", db, "export", "--format", "json", "--assessment", id, "-o", js)
	out := mustCtl(t, "--db", db, "verify", pdf)
	if !strings.Contains(out, "the report matches the database's copy") || strings.Count(out, ": good\n") != 4 ||
		strings.Count(out, "printed signer's key: ") != 4 {
		t.Errorf("verify of the PDF:\n%s", out)
	}
	if out := mustCtl(t, "--db", db, "verify", js); !strings.Contains(out, "database copy: matches") {
		t.Errorf("verify of the bundle:\n%s", out)
	}
	// Without the assessment in the database a PDF cannot be checked.
	empty := filepath.Join(t.TempDir(), "empty.db")
	mustCtl(t, "--db", empty, "list")
	if r := ctl(t, "--db", empty, "verify", pdf); r.code != exitBad || !strings.Contains(r.stdout, "cannot check a report") {
		t.Errorf("verify PDF with no copy: exit %d %q", r.code, r.stdout)
	}
	// A bundle edited by hand is refused by verify too.
	data := fileState(t, js)
	edited := filepath.Join(dir, "edited.json")
	os.WriteFile(edited, []byte(strings.Replace(string(data), "Head of Public Protection", "Chief Constable", 1)), 0o600)
	if r := ctl(t, "--db", db, "verify", edited); r.code != exitBad {
		t.Errorf("verify of an edited bundle: exit %d", r.code)
	}
}

// checkDBSeals fails unless check-db finds the database healthy with seals
// recomputed for n signed-off assessments.
func checkDBSeals(t *testing.T, db string, n int) {
	t.Helper()
	if r := ctl(t, "--db", db, "check-db"); r.code != 0 || !strings.Contains(r.stderr, fmt.Sprintf(" %d signed-off assessments sealed", n)) {
		t.Errorf("check-db: exit %d\nstdout %q\nstderr %q; want healthy with %d seals", r.code, r.stdout, r.stderr, n)
	}
}

func TestAmendKeepsTheSignedOriginal(t *testing.T) {
	db, id := signedDemo(t)
	// Signing off by sign seals it, beside the demo's two signed-off years.
	checkDBSeals(t, db, 3)
	r := ctl(t, "--db", db, "amend", "--assessment", id)
	if r.code != exitUsage {
		t.Errorf("amend without a reason: exit %d", r.code)
	}
	out := mustCtl(t, "--db", db, "amend", "--assessment", id, "--reason", "The police lead's level for culture.2 was recorded wrongly.")
	if !strings.Contains(out, "is now revision 2, a draft") {
		t.Errorf("amend said %q", out)
	}
	status := mustCtl(t, "--db", db, "status", "--assessment", id)
	if !strings.Contains(status, ": draft (revision 2)") || !strings.Contains(status, "revision 1: signed off, superseded on") ||
		!strings.Contains(status, "recorded wrongly") {
		t.Errorf("status after amending:\n%s", status)
	}
	if strings.Contains(status, "signature:") {
		t.Errorf("the new revision still carries the old signatures:\n%s", status)
	}
	// The amended draft's first revision keeps its seal beside its amendment.
	checkDBSeals(t, db, 2)
}

func TestDemoSignaturesSurviveTheStore(t *testing.T) {
	db, _ := demoDB(t)
	var id string
	for _, line := range strings.Split(mustCtl(t, "--db", db, "list"), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[1] == "2024/25" {
			id = f[0]
		}
	}
	if id == "" {
		t.Fatal("no 2024/25 assessment in the demo")
	}
	js := filepath.Join(t.TempDir(), "2024.json")
	mustCtl(t, "--db", db, "export", "--format", "json", "--assessment", id, "-o", js)
	out := mustCtl(t, "--db", db, "verify", js)
	if strings.Count(out, "(demo key): good") != 4 || !strings.Contains(out, "status: signed off") {
		t.Errorf("the demo's signed-off year does not verify with four demo signatures:\n%s", out)
	}
}

func TestSignaturesSurviveAnotherDatabasesIDs(t *testing.T) {
	db, id := signedDemo(t)
	dir := t.TempDir()
	js := filepath.Join(dir, "signed.json")
	mustCtl(t, "--db", db, "export", "--format", "json", "--assessment", id, "-o", js)
	// The colleague's database already knows Northshire, made by hand, so
	// its partnership and agencies have other ids.
	other := filepath.Join(dir, "colleague.db")
	s, err := store.Open(context.Background(), other)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.CreatePartnership(context.Background(), assessment.Partnership{Name: "Northshire Safeguarding Children Partnership",
		Agencies: []assessment.Agency{{Name: "Northshire Police", Kind: assessment.Police}, {Name: "Northshire County Council", Kind: assessment.LocalAuthority},
			{Name: "NHS Northshire Integrated Care Board", Kind: assessment.IntegratedCareBoard}}})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	mustCtl(t, "--db", other, "import", "--trust-keys", js)
	again := filepath.Join(dir, "again.json")
	mustCtl(t, "--db", other, "export", "--format", "json", "--assessment", id, "-o", again)
	out := ctl(t, "--db", other, "verify", again).stdout
	if strings.Count(out, ": good\n") != 4 {
		t.Errorf("after an import that matched the partnership by name, verify says:\n%s", out)
	}
}
