package ui

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/export"
	"github.com/partnership-maturity/maturity/internal/report"
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
	e.Table = widget.NewSelect(tables, nil)
	e.Table.SetSelected(string(report.Actions))
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

// showTable shows the table choice only for CSV.
func (e *ExportDialog) showTable() {
	if e.Table == nil {
		return
	}
	if e.format() == export.CSV {
		e.Table.Show()
	} else {
		e.Table.Hide()
	}
}

// Show opens the dialog.
func (e *ExportDialog) Show() {
	var d *dialog.CustomDialog
	choose := widget.NewButton("Choose where to save…", func() { e.chooseFile() })
	choose.Importance = widget.HighImportance
	body := container.NewVBox(e.Format, e.Table, e.Result, container.NewHBox(e.OpenFile, e.ShowFolder))
	d = dialog.NewCustomWithoutButtons("Export "+e.s.rec.Assessment.Period, body, e.s.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Close", d.Hide), choose})
	d.Resize(fyne.NewSize(620, 360))
	d.Show()
}

// chooseFile asks where to save, suggesting a name such as
// Northshire-2025-26-action-plan.pdf.
func (e *ExportDialog) chooseFile() {
	f := e.format()
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		e.Save(path, f, report.Table(e.Table.Selected), nil)
	}, e.s.win)
	name := report.FileName(e.s.rec, f.Kind(), string(f))
	if f == export.CSV {
		name = report.FileName(e.s.rec, e.Table.Selected, "csv")
	}
	save.SetFileName(name)
	if dir, err := storage.ListerForURI(storage.NewFileURI(e.Folder())); err == nil {
		save.SetLocation(dir)
	}
	save.Show()
}

// prefExportFolder is the preference holding the folder last exported to.
const prefExportFolder = "exportFolder"

// Folder is where the save dialog opens: the folder last exported to, else
// the person's Documents folder, else their home folder — never the hidden
// data folder beside the database.
func (e *ExportDialog) Folder() string {
	home, _ := os.UserHomeDir()
	for _, dir := range []string{e.app.Preferences().String(prefExportFolder), filepath.Join(home, "Documents"), home} {
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
	q, rec, prev, now := e.s.q, e.s.rec, e.s.prev, e.s.now()
	var err error
	e.run(func() {
		var x *export.Export
		if x, err = export.Prepare(q, rec, prev, now); err == nil {
			err = x.WriteFile(path, f, table)
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
		e.Result.SetText("The export was not written: " + err.Error())
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
