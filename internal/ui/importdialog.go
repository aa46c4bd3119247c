package ui

import (
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/export"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/partnership-maturity/maturity/internal/signing"
)

// maxImportFile is the largest bundle file the app reads, in bytes: the
// largest encrypted file the signing package opens, as for maturityctl.
const maxImportFile = signing.MaxEncrypted

// ImportDialog imports an assessment bundle from another computer. It
// reads the chosen file (at most maxImportFile bytes), asks for the
// passphrase when the bundle is age-encrypted, decodes and checks it, and
// before importing shows any signing key the partnership has never seen,
// with its fingerprint, for the person to confirm. Anything refused
// imports nothing and says why in Result.
type ImportDialog struct {
	ctx   context.Context
	store Store
	win   fyne.Window
	run   func(work, then func())
	// imported runs after a successful import (the app reloads Home).
	imported func()

	// Passphrase, shown for a bundle encrypted with one, opens it.
	Passphrase *widget.Entry
	// Unlock decrypts the bundle with Passphrase.
	Unlock *widget.Button
	// Keys lists the signing keys new to the partnership.
	Keys *widget.Label
	// Trust imports the bundle, trusting the keys listed in Keys.
	Trust *widget.Button
	// Cancel closes the dialog without importing.
	Cancel *widget.Button
	// Result says what was imported, or why nothing was.
	Result *widget.Label

	dialog *dialog.CustomDialog
	name   string
	sealed []byte
	q      *questionnaire.Questionnaire
	rec    assessment.Record
}

// NewImportDialog builds the dialog; imported, if not nil, runs after a
// bundle is imported.
func NewImportDialog(ctx context.Context, s Store, win fyne.Window, run func(work, then func()), imported func()) *ImportDialog {
	d := &ImportDialog{ctx: ctx, store: s, win: win, run: run, imported: imported,
		Passphrase: widget.NewPasswordEntry(), Keys: widget.NewLabel(""), Result: widget.NewLabel("")}
	d.Passphrase.SetPlaceHolder("Passphrase the bundle was encrypted with")
	d.Passphrase.OnSubmitted = func(string) { d.unlock() }
	d.Unlock = widget.NewButton("Open the bundle", d.unlock)
	d.Trust = widget.NewButton("Trust and import", d.trust)
	d.Trust.Importance = widget.HighImportance
	d.Cancel = widget.NewButton("Cancel", d.cancel)
	d.Keys.Wrapping = fyne.TextWrapWord
	d.Result.Wrapping = fyne.TextWrapWord
	d.Passphrase.Hide()
	d.Unlock.Hide()
	d.Keys.Hide()
	d.Trust.Hide()
	body := container.NewVBox(d.Passphrase, d.Unlock, d.Keys, d.Result)
	d.dialog = dialog.NewCustomWithoutButtons("Import a bundle", body, win)
	d.dialog.SetButtons([]fyne.CanvasObject{d.Cancel, d.Trust})
	d.dialog.Resize(fyne.NewSize(620, 320))
	return d
}

// Show asks for the bundle file, then opens the dialog on it.
func (d *ImportDialog) Show() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		data, err := readAtMost(r, maxImportFile)
		d.dialog.Show()
		if err != nil {
			d.refuse(fmt.Errorf("%s: %w", r.URI().Name(), err))
			return
		}
		d.Load(r.URI().Name(), data)
	}, d.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".json", ".age"}))
	open.Show()
}

// readAtMost reads r, refusing more than limit bytes.
func readAtMost(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("the file is larger than %d MiB, the most the app reads", limit>>20)
	}
	return data, nil
}

// Load starts importing the bundle file name holding data: a bundle
// encrypted with a passphrase waits for it; any other is checked at once.
func (d *ImportDialog) Load(name string, data []byte) {
	d.name, d.sealed, d.q = name, nil, nil
	d.Result.Importance = widget.MediumImportance
	d.Result.SetText("")
	switch {
	case signing.IsEncrypted(data) && signing.NeedsPassphrase(data):
		d.sealed = data
		d.Passphrase.SetText("")
		d.Passphrase.Show()
		d.Unlock.Show()
		d.Result.SetText(name + " is encrypted. Type the passphrase it was sent with, then open it.")
		d.win.Canvas().Focus(d.Passphrase)
	case signing.IsEncrypted(data):
		d.refuse(fmt.Errorf("%s is encrypted to age keys, which the app cannot open; import it with: maturityctl import --identity FILE %s", name, name))
	default:
		d.check(func() ([]byte, error) { return data, nil })
	}
}

// unlock decrypts the waiting bundle with the passphrase and checks it.
func (d *ImportDialog) unlock() {
	if d.sealed == nil {
		return
	}
	sealed, pass := d.sealed, []byte(d.Passphrase.Text)
	d.check(func() ([]byte, error) {
		return bundle.Unseal(d.name, sealed, func(b []byte) ([]byte, error) { return signing.DecryptWithPassphrase(b, pass) })
	})
}

// check opens, decodes and checks the bundle off the UI goroutine, then
// either imports it or, when some of its signing keys are new to the
// partnership, lists them and waits for Trust or Cancel.
func (d *ImportDialog) check(plain func() ([]byte, error)) {
	d.Result.SetText("Checking " + d.name + "…")
	var q *questionnaire.Questionnaire
	var rec assessment.Record
	var keys []bundle.NewKey
	var err error
	d.run(func() {
		var data []byte
		if data, err = plain(); err != nil {
			return
		}
		if q, rec, err = bundle.Decode(d.name, data); err != nil {
			return
		}
		var unknown []assessment.SignOff
		if unknown, err = d.store.UnknownKeys(d.ctx, rec); err == nil {
			keys = bundle.NewKeys(rec, unknown)
		}
	}, func() {
		if err != nil {
			d.refuse(err)
			return
		}
		d.sealed = nil
		d.Passphrase.Hide()
		d.Unlock.Hide()
		d.q, d.rec = q, rec
		if len(keys) == 0 {
			d.trust()
			return
		}
		lines := make([]string, len(keys))
		for i, k := range keys {
			lines[i] = "• " + k.String()
		}
		d.Keys.SetText(fmt.Sprintf("These signing keys are new to %s. Check each fingerprint with its owner before you trust it:\n%s",
			rec.Partnership.Name, strings.Join(lines, "\n")))
		d.Keys.Show()
		d.Trust.Show()
		d.Result.SetText(fmt.Sprintf("%s holds the %s assessment of %s. Trust these keys and import it?", d.name, rec.Assessment.Period, rec.Partnership.Name))
	})
}

// trust imports the checked bundle, remembering its keys as the
// partnership's, and says what was imported.
func (d *ImportDialog) trust() {
	if d.q == nil {
		return
	}
	q, rec := d.q, d.rec
	d.q = nil
	var err error
	d.run(func() { err = d.store.ImportRecord(d.ctx, q, rec) }, func() {
		d.Keys.Hide()
		d.Trust.Hide()
		if err != nil {
			d.refuse(fmt.Errorf("%s: %w", d.name, err))
			return
		}
		d.Result.Importance = widget.SuccessImportance
		d.Result.SetText(fmt.Sprintf("Imported the %s assessment of %s (%s, %d responses, %d actions, %d sign-offs).",
			rec.Assessment.Period, rec.Partnership.Name, rec.Assessment.Status.Label(), len(rec.Responses), len(rec.Actions), len(rec.SignOffs)))
		d.Cancel.SetText("Close")
		if d.imported != nil {
			d.imported()
		}
	})
}

// cancel closes the dialog; a bundle not yet imported stays unimported.
func (d *ImportDialog) cancel() {
	if d.q != nil || d.sealed != nil {
		d.q, d.sealed = nil, nil
		d.Keys.Hide()
		d.Trust.Hide()
		d.Result.SetText("Not imported.")
	}
	d.dialog.Hide()
}

// refuse says why nothing was imported.
func (d *ImportDialog) refuse(err error) {
	d.q = nil
	d.Keys.Hide()
	d.Trust.Hide()
	msg := export.Shorten(err.Error(), 800)
	if !strings.Contains(msg, "nothing was imported") {
		msg += "; nothing was imported"
	}
	d.Result.Importance = widget.DangerImportance
	d.Result.SetText("Not imported: " + msg)
}
