package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnership-maturity/maturity/internal/store"
)

func TestShowOtherCopySaysSoPlainly(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("app"))
	w.Resize(fyne.NewSize(900, 600))
	ShowOtherCopy(w, &store.OtherCopy{Program: "maturity", PID: 4242, Host: "laptop"})
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var text []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			text = append(text, v.Text)
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(top)
	all := strings.Join(text, "\n")
	for _, want := range []string{"Another copy of Partnership Maturity (maturity, process 4242 on laptop", "close one of the copies"} {
		if !strings.Contains(all, want) {
			t.Errorf("dialog says %q; want %q", all, want)
		}
	}
}
