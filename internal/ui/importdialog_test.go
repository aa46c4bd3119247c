package ui

import (
	"context"
	"strings"
	"testing"

	"filippo.io/age"
	"fyne.io/fyne/v2/test"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/export"
	"github.com/partnership-maturity/maturity/internal/signing"
)

// signedDemoBundle is a plain JSON bundle of the demo's first signed-off
// assessment, exported from a database of its own, with the record it holds.
func signedDemoBundle(t *testing.T) ([]byte, assessment.Record) {
	t.Helper()
	ctx := context.Background()
	s := openTestStore(t)
	importDemo(t, s)
	ps, err := s.Partnerships(ctx)
	if err != nil || len(ps) != 1 {
		t.Fatalf("demo partnerships: %v %v", ps, err)
	}
	sums, err := s.Assessments(ctx, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range sums {
		if a.Status != assessment.SignedOff {
			continue
		}
		rec, err := s.LoadRecord(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		q, err := s.Questionnaire(ctx, a.QuestionnaireID, a.QuestionnaireVersion)
		if err != nil {
			t.Fatal(err)
		}
		x, err := export.Prepare(q, rec, nil, testClock)
		if err != nil {
			t.Fatal(err)
		}
		if len(rec.SignOffs) < 3 {
			t.Fatalf("the signed-off demo year has %d sign-offs", len(rec.SignOffs))
		}
		return x.Bundle, rec
	}
	t.Fatal("the demo has no signed-off assessment")
	return nil, assessment.Record{}
}

// importedCount is how many assessments s holds, over every partnership.
func importedCount(t *testing.T, s Store) int {
	t.Helper()
	ps, err := s.Partnerships(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range ps {
		sums, err := s.Assessments(context.Background(), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		n += len(sums)
	}
	return n
}

// wantKeysListed checks that the dialog lists every signer with the
// fingerprint of their key, and offers to trust them.
func wantKeysListed(t *testing.T, d *ImportDialog, rec assessment.Record) {
	t.Helper()
	if !d.Keys.Visible() || !d.Trust.Visible() {
		t.Fatalf("the new keys are not shown for confirming: keys %v, trust %v; result %q", d.Keys.Visible(), d.Trust.Visible(), d.Result.Text)
	}
	for _, so := range rec.SignOffs {
		if so.KeyFingerprint == "" || !strings.Contains(d.Keys.Text, so.Name+" (") || !strings.Contains(d.Keys.Text, so.KeyFingerprint) {
			t.Errorf("the keys listed lack %s with fingerprint %q:\n%s", so.Name, so.KeyFingerprint, d.Keys.Text)
		}
	}
}

func TestImportSignedBundleAfterConfirmingKeys(t *testing.T) {
	data, rec := signedDemoBundle(t)
	app, s := newTestApp(t)
	file := app.menu().Items[0]
	found := false
	for _, item := range file.Items {
		found = found || item.Label == "Import a bundle…" && item.Shortcut != nil
	}
	if !found || app.Home.ImportButton == nil {
		t.Error("no Import a bundle… with a shortcut in the File menu, or no button on Home")
	}
	d := app.importDialog()
	d.Load("northshire.json", data)
	wantKeysListed(t, d, rec)
	if n := importedCount(t, s); n != 0 {
		t.Fatalf("%d assessments imported before the keys were confirmed", n)
	}
	test.Tap(d.Trust)
	if !strings.HasPrefix(d.Result.Text, "Imported the "+rec.Assessment.Period+" assessment of "+rec.Partnership.Name) {
		t.Errorf("after trusting: %q", d.Result.Text)
	}
	if n := importedCount(t, s); n != 1 {
		t.Fatalf("%d assessments after the import; want 1", n)
	}
	if len(app.Home.Views) != 1 || len(app.Home.Views[0].assessments) != 1 || app.Home.Views[0].assessments[0].ID != rec.Assessment.ID {
		t.Errorf("Home does not show the imported assessment: %+v", app.Home.Views)
	}
	if unknown, err := s.UnknownKeys(context.Background(), rec); err != nil || len(unknown) != 0 {
		t.Errorf("the trusted keys are not remembered: %d still unknown (%v)", len(unknown), err)
	}
}

func TestImportCancelImportsNothing(t *testing.T) {
	data, rec := signedDemoBundle(t)
	app, s := newTestApp(t)
	d := app.importDialog()
	d.Load("northshire.json", data)
	wantKeysListed(t, d, rec)
	test.Tap(d.Cancel)
	if n := importedCount(t, s); n != 0 {
		t.Errorf("cancel imported %d assessments", n)
	}
	if d.Result.Text != "Not imported." || d.Trust.Visible() {
		t.Errorf("after cancel: %q, trust shown %v", d.Result.Text, d.Trust.Visible())
	}
}

func TestImportEncryptedBundleAsksForThePassphrase(t *testing.T) {
	data, rec := signedDemoBundle(t)
	sealed, err := signing.EncryptWithPassphrase(data, []byte("correct horse battery"), 10)
	if err != nil {
		t.Fatal(err)
	}
	app, s := newTestApp(t)
	d := app.importDialog()
	d.Load("northshire.json.age", sealed)
	if !d.Passphrase.Visible() || !d.Unlock.Visible() || d.Trust.Visible() {
		t.Fatalf("an encrypted bundle: passphrase %v, unlock %v, trust %v", d.Passphrase.Visible(), d.Unlock.Visible(), d.Trust.Visible())
	}
	test.Type(d.Passphrase, "wrong horse")
	test.Tap(d.Unlock)
	want := "Not imported: northshire.json.age: cannot decrypt: the passphrase is wrong; nothing was imported"
	if d.Result.Text != want || d.Trust.Visible() {
		t.Errorf("a wrong passphrase: %q, trust shown %v; want %q", d.Result.Text, d.Trust.Visible(), want)
	}
	if n := importedCount(t, s); n != 0 {
		t.Fatalf("a wrong passphrase imported %d assessments", n)
	}
	d.Passphrase.SetText("correct horse battery")
	test.Tap(d.Unlock)
	wantKeysListed(t, d, rec)
	if d.Passphrase.Visible() {
		t.Error("the passphrase still shows once the bundle is open")
	}
	test.Tap(d.Trust)
	if n := importedCount(t, s); n != 1 || !strings.HasPrefix(d.Result.Text, "Imported ") {
		t.Errorf("the right passphrase: %d imported, %q", n, d.Result.Text)
	}
}

func TestImportRefusesAnEditedBundle(t *testing.T) {
	data, _ := signedDemoBundle(t)
	app, s := newTestApp(t)
	d := app.importDialog()
	edited := strings.Replace(string(data), `"status": "signed_off"`, `"status": "draft"`, 1)
	if edited == string(data) {
		edited = strings.Replace(string(data), "Northshire", "Southshire", 1)
	}
	d.Load("edited.json", []byte(edited))
	if !strings.HasPrefix(d.Result.Text, "Not imported: edited.json") || d.Trust.Visible() {
		t.Errorf("an edited bundle: %q, trust shown %v", d.Result.Text, d.Trust.Visible())
	}
	if n := importedCount(t, s); n != 0 {
		t.Errorf("an edited bundle imported %d assessments", n)
	}
}

func TestImportRefusesABundleEncryptedToKeys(t *testing.T) {
	data, _ := signedDemoBundle(t)
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := signing.EncryptToRecipients(data, []string{id.Recipient().String()})
	if err != nil {
		t.Fatal(err)
	}
	app, s := newTestApp(t)
	d := app.importDialog()
	d.Load("northshire.json.age", sealed)
	if !strings.Contains(d.Result.Text, "encrypted to age keys") || !strings.HasSuffix(d.Result.Text, "nothing was imported") || d.Passphrase.Visible() || d.Trust.Visible() {
		t.Errorf("a bundle encrypted to keys: %q, passphrase %v, trust %v", d.Result.Text, d.Passphrase.Visible(), d.Trust.Visible())
	}
	if n := importedCount(t, s); n != 0 {
		t.Errorf("imported %d assessments", n)
	}
}
