package ui

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/export"
	"github.com/partnership-maturity/maturity/internal/report"
	"github.com/partnership-maturity/maturity/internal/signing"
)

// formatChoices are the export formats as the dialog offers them.
var formatChoices = []struct {
	label  string
	format export.Format
}{
	{"PDF: the report and action plan, for the board and the scrutineer", export.PDF},
	{"Excel workbook: summary, responses, votes and actions", export.XLSX},
	{"CSV: one table, for other tools", export.CSV},
	{"JSON bundle: everything, to move to another computer", export.JSON},
}

// ExportDialog exports the open assessment: it asks for the format, then
// where to save, writes off the UI goroutine with a progress indicator, and
// offers to open the file or show it in its folder. A failed write says so
// and leaves no half-written file.
type ExportDialog struct {
	s   *session
	app fyne.App
	run func(work, then func())

	Format *widget.RadioGroup
	Table  *widget.Select
	// Name is the file name to save as, suggested from the partnership,
	// the period and the format.
	Name *widget.Entry
	// Passphrase, for a JSON bundle, encrypts it with age for email; left
	// empty, the bundle is written plain.
	Passphrase *widget.Entry
	// Result says where the file went, or why it was not written.
	Result *widget.Label
	// OpenFile and ShowFolder act on the file just written.
	OpenFile, ShowFolder *widget.Button
	written              string
}

// NewExportDialog builds the dialog for the session's assessment.
func NewExportDialog(s *session, a fyne.App, run func(work, then func())) *ExportDialog {
	e := &ExportDialog{s: s, app: a, run: run, Result: widget.NewLabel("")}
	labels := make([]string, len(formatChoices))
	for i, c := range formatChoices {
		labels[i] = c.label
	}
	e.Format = widget.NewRadioGroup(labels, func(string) { e.showTable() })
	e.Format.Required = true
	e.Format.SetSelected(labels[0])
	tables := make([]string, len(report.Tables))
	for i, t := range report.Tables {
		tables[i] = string(t)
	}
	e.Name = widget.NewEntry()
	e.Table = widget.NewSelect(tables, func(string) { e.showTable() })
	e.Table.SetSelected(string(report.Actions))
	e.Passphrase = widget.NewPasswordEntry()
	e.Passphrase.SetPlaceHolder("Passphrase to encrypt the bundle for email (leave empty for a plain file)")
	e.Result.Wrapping = fyne.TextWrapWord
	e.OpenFile = widget.NewButton("Open file", func() { e.openURL(e.written) })
	e.ShowFolder = widget.NewButton("Show in folder", func() { e.openURL(filepath.Dir(e.written)) })
	e.OpenFile.Hide()
	e.ShowFolder.Hide()
	e.showTable()
	return e
}

// format is the chosen format.
func (e *ExportDialog) format() export.Format {
	for _, c := range formatChoices {
		if c.label == e.Format.Selected {
			return c.format
		}
	}
	return export.PDF
}

// showTable shows the table choice only for CSV, the passphrase only for a
// JSON bundle, and suggests a file name for the format and table chosen.
func (e *ExportDialog) showTable() {
	if e.Table == nil || e.Name == nil || e.Passphrase == nil {
		return
	}
	f := e.format()
	name := report.FileName(e.s.rec, f.Kind(), string(f))
	if f == export.CSV {
		name = report.FileName(e.s.rec, e.Table.Selected, "csv")
	}
	e.Name.SetText(name)
	if f == export.CSV {
		e.Table.Show()
	} else {
		e.Table.Hide()
	}
	if e.format() == export.JSON {
		e.Passphrase.Show()
	} else {
		e.Passphrase.Hide()
	}
}

// Show opens the dialog.
func (e *ExportDialog) Show() {
	var d *dialog.CustomDialog
	choose := widget.NewButton("Choose the folder to save in…", func() { e.chooseFolder() })
	choose.Importance = widget.HighImportance
	name := widget.NewForm(widget.NewFormItem("File name", e.Name))
	body := container.NewVBox(e.Format, e.Table, name, e.Passphrase, e.Result, container.NewHBox(e.OpenFile, e.ShowFolder))
	d = dialog.NewCustomWithoutButtons("Export "+e.s.rec.Assessment.Period, body, e.s.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", d.Hide), choose})
	d.Resize(fyne.NewSize(620, 360))
	d.Show()
}

// chooseFolder asks which folder to save the file named in Name in. (Fyne's
// save dialog opens, and so empties, the file chosen before the app sees
// its name, which would destroy a database chosen by mistake; choosing a
// folder touches nothing.) Replacing a file asks first; a database file is
// refused at once.
func (e *ExportDialog) chooseFolder() {
	f, table, name := e.format(), report.Table(e.Table.Selected), strings.TrimSpace(e.Name.Text)
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) {
		e.finished("", errors.New("give the file a name, without a folder"))
		return
	}
	if f == export.JSON && e.Passphrase.Text != "" && !strings.HasSuffix(name, ".age") {
		name += ".age"
	}
	folder := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		e.SaveAsking(filepath.Join(dir.Path(), name), f, table)
	}, e.s.win)
	if dir, err := storage.ListerForURI(storage.NewFileURI(e.Folder())); err == nil {
		folder.SetLocation(dir)
	}
	folder.Show()
}

// SaveAsking saves to path, first refusing a database file and asking
// before it replaces any other file.
func (e *ExportDialog) SaveAsking(path string, f export.Format, table report.Table) {
	if err := export.CheckTarget(path, e.s.store.Path()); err != nil {
		e.finished(path, err)
		return
	}
	if _, err := os.Stat(path); err != nil {
		e.Save(path, f, table, nil)
		return
	}
	dialog.ShowConfirm("Replace "+filepath.Base(path)+"?", "A file of that name is already in the folder. Replace it?",
		func(ok bool) {
			if ok {
				e.Save(path, f, table, nil)
			}
		}, e.s.win)
}

// prefExportFolder is the preference holding the folder last exported to.
const prefExportFolder = "exportFolder"

// Folder is where the save dialog opens: the folder last exported to, else
// the person's Documents folder, else their home folder — never the hidden
// data folder beside the database.
func (e *ExportDialog) Folder() string {
	home, _ := os.UserHomeDir()
	for _, dir := range []string{e.app.Preferences().String(prefExportFolder), export.DocumentsFolder(), home} {
		if info, err := os.Stat(dir); dir != "" && err == nil && info.IsDir() {
			return dir
		}
	}
	return "."
}

// Save writes the export to path off the UI goroutine, showing progress;
// done, if not nil, runs on the UI goroutine afterwards.
func (e *ExportDialog) Save(path string, f export.Format, table report.Table, done func()) {
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons("Writing "+filepath.Base(path)+"…", bar, e.s.win)
	wait.Show()
	q, rec, prev, now, db, st, ctx := e.s.q, e.s.rec, e.s.prev, e.s.now(), e.s.store.Path(), e.s.store, e.s.ctx
	pass := []byte(e.Passphrase.Text)
	var err error
	e.run(func() {
		var x *export.Export
		if x, err = export.Prepare(q, rec, prev, now); err != nil {
			return
		}
		// The PDF's appendix summarises the audit trail, as the command line's does.
		if x.In.Edits, err = st.EditCounts(ctx, rec.Assessment.ID); err != nil {
			return
		}
		x.Database = db
		if f != export.JSON || len(pass) == 0 {
			err = x.WriteFile(path, f, table)
			return
		}
		var sealed []byte
		if sealed, err = signing.EncryptWithPassphrase(x.Bundle, pass, 0); err == nil {
			err = export.WriteFileAtomic(path, sealed, db)
		}
	}, func() {
		wait.Hide()
		e.finished(path, err)
		if done != nil {
			done()
		}
	})
}

// finished says where the file went, or why it was not written.
func (e *ExportDialog) finished(path string, err error) {
	if err != nil {
		e.written = ""
		e.Result.Importance = widget.DangerImportance
		e.Result.SetText("The export was not written: " + export.Shorten(err.Error(), 500))
		e.OpenFile.Hide()
		e.ShowFolder.Hide()
		return
	}
	e.written = path
	e.app.Preferences().SetString(prefExportFolder, filepath.Dir(path))
	e.Result.Importance = widget.SuccessImportance
	e.Result.SetText(fmt.Sprintf("Saved %s", path))
	e.OpenFile.Show()
	e.ShowFolder.Show()
}

// openURL opens a file or folder with the desktop's default program.
func (e *ExportDialog) openURL(path string) {
	if path == "" {
		return
	}
	if err := e.app.OpenURL(&url.URL{Scheme: "file", Path: path}); err != nil {
		e.Result.SetText("Could not open " + path + ": " + err.Error())
	}
}
