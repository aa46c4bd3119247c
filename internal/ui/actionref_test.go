package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// shownTexts lists every piece of text drawn under o.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	switch v := o.(type) {
	case *canvas.Text:
		return []string{v.Text}
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, shownTexts(c)...)
		}
		return out
	}
	if wid, ok := o.(fyne.Widget); ok {
		for _, c := range test.WidgetRenderer(wid).Objects() {
			out = append(out, shownTexts(c)...)
		}
	}
	return out
}

// TestActionRefsInTableAndForm adds two actions through the form, one
// straight after the other (their time-ordered ids start alike), and checks
// the table shows them as and the edit form is titled with
// the ref.
func TestActionRefsInTableAndForm(t *testing.T) {
	sess, _ := blankSession(t)
	ap := showActionPlan(t, sess)
	for range 2 {
		test.Tap(ap.Add)
		fillValid(ap.Form)
		ap.Form.Due.SetText("2027-09-30")
		f := ap.Form
		test.Tap(f.Submit)
		if !f.Saved {
			t.Fatalf("action not saved: %q", f.Problem.Text)
		}
	}
	if tableColumns[colRef] != "Ref" {
		t.Errorf("first column is headed %q; want Ref", tableColumns[colRef])
	}
	cell := newCell().(*fyne.Container)
	var refs []string
	for _, a := range ap.Rows() {
		ap.updateCell(colRef, a, cell)
		l := cell.Objects[0].(*widget.Label)
		if l.Importance == widget.LowImportance {
			t.Errorf("ref %s is drawn faint; people cite it", l.Text)
		}
		refs = append(refs, l.Text)
	}
	slices.Sort(refs)
	if !slices.Equal(refs, []string{"A-01", "A-02"}) {
		t.Fatalf("ref cells %q; want A-01 and A-02", refs)
	}
	first := ap.Rows()[slices.IndexFunc(ap.Rows(), func(r assessment.Action) bool { return r.Ref == 1 })]
	ap.selected = first.ID
	ap.showDetail()
	if texts := shownTexts(ap.Detail); !slices.Contains(texts, "A-01 · "+first.Title) {
		t.Errorf("the details show %q; want the heading A-01 · %s", texts, first.Title)
	}
	test.Tap(ap.Edit)
	if ap.Form == nil {
		t.Fatal("Edit did not open the form")
	}
	if texts := shownTexts(sess.win.Canvas().Overlays().Top()); !slices.Contains(texts, "Edit action A-01") {
		t.Errorf("the edit form shows %q; want the title Edit action A-01", texts)
	}
}
