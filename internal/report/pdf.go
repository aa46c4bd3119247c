package report

import (
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/partnership-maturity/maturity/assets"
	"github.com/partnership-maturity/maturity/internal/about"
	"github.com/partnership-maturity/maturity/internal/assessment"
)

// Page geometry, in millimetres: A4 portrait.
const (
	pageW    = 210.0
	pageH    = 297.0
	marginL  = 18.0
	marginR  = 18.0
	marginT  = 22.0
	marginB  = 18.0
	contentW = pageW - marginL - marginR
	bottom   = pageH - marginB
	ptMM     = 25.4 / 72 // millimetres in a point
	family   = "NotoSans"
)

// rgb is a colour.
type rgb struct{ r, g, b int }

// The report's colours.
var (
	ink      = rgb{33, 37, 41}
	muted    = rgb{96, 103, 112}
	navy     = rgb{31, 58, 95}
	rule     = rgb{200, 206, 214}
	shade    = rgb{241, 244, 248}
	alert    = rgb{176, 32, 32}
	good     = rgb{24, 110, 62}
	draftRed = rgb{200, 40, 40}
)

// pdfWriter lays out one report.
type pdfWriter struct {
	*view
	pdf     *fpdf.Fpdf
	draft   bool
	section string // the running header's right-hand text
	// headName is the start of the partnership's name, enough to fill the
	// running header.
	headName string
	// replaced says some characters could not be drawn and show as
	// Placeholder.
	replaced bool
}

// WritePDF writes the assessment in as an A4 report and action plan: a
// cover, a summary with the radar chart, the progress since the previous
// assessment (when there is one), one section per theme, the action plan
// and an appendix on the scale, method and source. Every page carries
// the partnership and period, "Page n of N" and, until the assessment is
// signed off, a DRAFT mark.
func WritePDF(w io.Writer, in Input) error {
	if err := in.check(); err != nil {
		return err
	}
	in, replaced := drawableInput(in)
	p := &pdfWriter{view: newView(in), draft: in.Record.Assessment.Status != assessment.SignedOff, replaced: replaced,
		headName: prefix(in.Record.Partnership.Name, 300)}
	p.pdf = fpdf.New("P", "mm", "A4", "")
	pdf := p.pdf
	pdf.AddUTF8FontFromBytes(family, "", assets.FontRegular)
	pdf.AddUTF8FontFromBytes(family, "B", assets.FontBold)
	pdf.AddUTF8FontFromBytes(family, "I", assets.FontItalic)
	pdf.SetMargins(marginL, marginT, marginR)
	pdf.SetCellMargin(0)
	pdf.SetCompression(false)
	pdf.SetAutoPageBreak(true, marginB)
	pdf.AliasNbPages("{nb}")
	rec := in.Record
	pdf.SetTitle(fmt.Sprintf("%s: maturity self-assessment %s", rec.Partnership.Name, rec.Assessment.Period), true)
	pdf.SetAuthor(rec.Partnership.Name, true)
	pdf.SetSubject(fmt.Sprintf("Self-assessment against %s, version %s, and action plan",
		in.Questionnaire.Title, in.Questionnaire.Version), true)
	pdf.SetCreator(about.Generator, true)
	pdf.SetProducer(about.Generator, true)
	pdf.SetKeywords(p.keywords(), false)
	pdf.SetLang("en-GB")
	pdf.SetCreationDate(in.ExportedAt.UTC())
	pdf.SetModificationDate(in.ExportedAt.UTC())
	pdf.SetHeaderFuncMode(p.header, true)
	pdf.SetFooterFunc(p.footer)

	p.cover()
	p.summary()
	p.progress()
	for i := range p.q.Themes {
		p.theme(i)
	}
	p.actionPlan()
	p.scrutinyAndSignOff()
	p.appendix()
	p.auditSummary()
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("laying out the PDF: %w", err)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("writing the PDF: %w", err)
	}
	return nil
}

// header draws the running header on every page but the cover.
func (p *pdfWriter) header() {
	pdf := p.pdf
	if pdf.PageNo() == 1 {
		return
	}
	a := p.rec.Assessment
	p.font("", 8, muted)
	left := fmt.Sprintf("%s · %s", p.headName, a.Period)
	right := p.section
	rw := pdf.GetStringWidth(right)
	// Keep the two halves apart: the partnership's name gives way.
	left = fitText(pdf, left, contentW-rw-6)
	pdf.Text(marginL, 13, left)
	pdf.Text(pageW-marginR-rw, 13, right)
	p.stroke(rule, 0.3)
	pdf.Line(marginL, 15.5, pageW-marginR, 15.5)
}

// footer draws the page number, what wrote the file and the draft mark.
func (p *pdfWriter) footer() {
	pdf := p.pdf
	if p.draft {
		p.draftMark()
	}
	y := pageH - 10
	p.stroke(rule, 0.3)
	pdf.Line(marginL, y-4.5, pageW-marginR, y-4.5)
	p.font("", 8, muted)
	left := fmt.Sprintf("%s · exported %s", about.Generator, longDate(p.ExportedAt.UTC()))
	if p.draft {
		left = "DRAFT – not signed off · " + left
	}
	pdf.Text(marginL, y, left)
	page := fmt.Sprintf("Page %d of {nb}", pdf.PageNo())
	// The width of "{nb}" stands in for the page count's: near enough.
	pdf.Text(pageW-marginR-pdf.GetStringWidth(page), y, page)
}

// draftMark writes DRAFT across the page, faintly, over everything.
func (p *pdfWriter) draftMark() {
	pdf := p.pdf
	pdf.SetAlpha(0.09, "Normal")
	p.font("B", 110, draftRed)
	w := pdf.GetStringWidth("DRAFT")
	cx, cy := pageW/2, pageH/2
	pdf.TransformBegin()
	pdf.TransformRotate(50, cx, cy)
	pdf.Text(cx-w/2, cy+110*ptMM*0.35, "DRAFT")
	pdf.TransformEnd()
	pdf.SetAlpha(1, "Normal")
}

// font sets the font and text colour.
func (p *pdfWriter) font(style string, size float64, c rgb) {
	p.pdf.SetFont(family, style, size)
	p.pdf.SetTextColor(c.r, c.g, c.b)
}

// stroke sets the line colour and width.
func (p *pdfWriter) stroke(c rgb, width float64) {
	p.pdf.SetDrawColor(c.r, c.g, c.b)
	p.pdf.SetLineWidth(width)
}

// fill sets the fill colour.
func (p *pdfWriter) fill(c rgb) { p.pdf.SetFillColor(c.r, c.g, c.b) }

// lineHeight is the distance between lines of text of size pt.
func lineHeight(size float64) float64 { return size * ptMM * 1.38 }

// room starts a new page unless h millimetres are left on this one.
func (p *pdfWriter) room(h float64) {
	if p.pdf.GetY()+h > bottom {
		p.pdf.AddPage()
	}
}

// newSection starts a section on a new page with its title.
func (p *pdfWriter) newSection(title, running string) {
	p.section = running
	p.pdf.AddPage()
	p.pdf.Bookmark(title, 0, -1)
	p.font("B", 18, navy)
	p.pdf.MultiCell(contentW, lineHeight(18), title, "", "L", false)
	y := p.pdf.GetY() + 1
	p.stroke(navy, 0.6)
	p.pdf.Line(marginL, y, marginL+30, y)
	p.pdf.SetY(y + 5)
}

// heading writes a sub-heading, kept on a page with the next need
// millimetres of what follows it.
func (p *pdfWriter) heading(title string, size float64, need float64) {
	p.room(lineHeight(size) + need)
	p.font("B", size, navy)
	p.pdf.MultiCell(contentW, lineHeight(size), clean(title), "", "L", false)
	p.pdf.Ln(1.2)
}

// para writes wrapped text; it flows onto following pages as needed.
func (p *pdfWriter) para(text, style string, size float64, c rgb) {
	p.font(style, size, c)
	p.pdf.MultiCell(contentW, lineHeight(size), clean(text), "", "L", false)
}

// labelled writes a small label and its text, keeping the label on the
// page with at least two lines of the text.
func (p *pdfWriter) labelled(label, text string) {
	p.room(lineHeight(8) + 2*lineHeight(9.5) + 1)
	p.font("B", 8, muted)
	p.pdf.MultiCell(contentW, lineHeight(8), strings.ToUpper(label), "", "L", false)
	p.para(text, "", 9.5, ink)
	p.pdf.Ln(2)
}

// clean makes text safe to lay out: one kind of line end, no tabs or other
// control characters, no trailing space.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r' || r == '\u00a0':
			return ' '
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\ufeff':
			return -1
		}
		return r
	}, s)
	return strings.TrimRight(s, " \n")
}

// fitText shortens s with an ellipsis so it is at most w wide; it is used
// only for the running header, whose full text is on the cover. It adds up
// the width of one character after another and stops once the line is
// full, so its time grows with w, not with s.
func fitText(pdf *fpdf.Fpdf, s string, w float64) string {
	room := w - pdf.GetStringWidth("…")
	width, cut := 0.0, -1
	for i, r := range s {
		width += pdf.GetStringWidth(string(r))
		if width > w {
			if cut < 0 {
				return "…"
			}
			return s[:cut] + "…"
		}
		if width <= room {
			cut = i + utf8.RuneLen(r)
		}
	}
	return s
}

// prefix returns the first n characters of s.
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// part is a run of text in a table cell, starting on a new line.
type part struct {
	text  string
	style string
	c     rgb
}

// tcell is one table cell: one or more parts, and an optional change
// arrow drawn before the first line (+1 up, −1 down).
type tcell struct {
	parts []part
	arrow int
}

// plain is a cell of ink text.
func plain(s string) tcell { return tcell{parts: []part{{text: s, c: ink}}} }

// styled is a cell of one part in a style and colour.
func styled(s, style string, c rgb) tcell { return tcell{parts: []part{{text: s, style: style, c: c}}} }

// cellOf is a cell of several parts.
func cellOf(parts ...part) tcell { return tcell{parts: parts} }

// column is one column of a PDF table.
type column struct {
	title string
	width float64
}

// pdfTable is a table to lay out.
type pdfTable struct {
	cols []column
	rows [][]tcell
	size float64
	// keyed tables have no header row and a shaded first column.
	keyed bool
}

// line is one laid-out line of a cell.
type line struct {
	text  string
	style string
	c     rgb
}

// Table padding, in millimetres.
const (
	padX = 1.6
	padY = 1.3
)

// arrowW is the room a change arrow takes before the cell's text.
const arrowW = 3.4

// table lays out t. The header row is repeated at the top of every page the
// table runs onto; a row too long for one page breaks between lines and
// carries on under the repeated header. Nothing is cut short.
func (p *pdfWriter) table(t pdfTable) {
	pdf := p.pdf
	lh := lineHeight(t.size)
	pdf.SetAutoPageBreak(false, marginB)
	defer pdf.SetAutoPageBreak(true, marginB)
	var head [][]line
	headH := 0.0
	if !t.keyed {
		head = make([][]line, len(t.cols))
		n := 1
		for i, c := range t.cols {
			head[i] = p.split([]part{{text: c.title, style: "B", c: rgb{255, 255, 255}}}, c.width-2*padX, t.size)
			n = max(n, len(head[i]))
		}
		headH = float64(n)*lh + 2*padY
	}
	drawHead := func() {
		if t.keyed {
			return
		}
		y := pdf.GetY()
		p.fill(navy)
		pdf.Rect(marginL, y, contentW, headH, "F")
		x := marginL
		for i, c := range t.cols {
			p.lines(head[i], x+padX, y+padY, lh, t.size)
			x += c.width
		}
		pdf.SetY(y + headH)
	}
	if pdf.GetY()+headH+2*lh+2*padY > bottom {
		pdf.AddPage()
	}
	drawHead()
	for r, row := range t.rows {
		cells := make([][]line, len(t.cols))
		n := 1
		for i, c := range t.cols {
			if i < len(row) {
				w := c.width - 2*padX
				if row[i].arrow != 0 {
					w -= arrowW
				}
				cells[i] = p.split(row[i].parts, w, t.size)
			}
			n = max(n, len(cells[i]))
		}
		freshPage := int((bottom - marginT - headH - 2*padY) / lh)
		for done := 0; done < n; {
			left := n - done
			fit := int((bottom - pdf.GetY() - 2*padY) / lh)
			switch {
			case left <= fit:
			case fit >= 3 && left > min(freshPage, 12):
				// A long row: break it here rather than leave a gap.
				left = fit
			case pdf.Err():
				return // the PDF library has failed: WritePDF reports it
			default:
				pdf.AddPage()
				drawHead()
				continue
			}
			y := pdf.GetY()
			h := float64(left)*lh + 2*padY
			if r%2 == 1 && !t.keyed {
				p.fill(shade)
				pdf.Rect(marginL, y, contentW, h, "F")
			}
			if t.keyed {
				p.fill(shade)
				pdf.Rect(marginL, y, t.cols[0].width, h, "F")
			}
			x := marginL
			for i, c := range t.cols {
				ls := cells[i]
				from, to := min(done, len(ls)), min(done+left, len(ls))
				tx := x + padX
				if i < len(row) && row[i].arrow != 0 {
					if done == 0 {
						p.arrow(tx, y+padY, lh, row[i].arrow)
					}
					tx += arrowW
				}
				p.lines(ls[from:to], tx, y+padY, lh, t.size)
				x += c.width
			}
			p.stroke(rule, 0.2)
			pdf.Line(marginL, y+h, marginL+contentW, y+h)
			pdf.SetY(y + h)
			done += left
			if done < n {
				pdf.AddPage()
				drawHead()
			}
		}
	}
	pdf.Ln(3)
}

// split wraps a cell's parts to width w at size pt, each part starting a
// new line and each paragraph of a part too. Words longer than the width
// are broken, never cut.
func (p *pdfWriter) split(parts []part, w, size float64) []line {
	var out []line
	for _, pt := range parts {
		p.pdf.SetFont(family, pt.style, size)
		for _, para := range strings.Split(clean(pt.text), "\n") {
			if strings.TrimSpace(para) == "" {
				if pt.text != "" {
					out = append(out, line{style: pt.style, c: pt.c})
				}
				continue
			}
			for _, s := range p.pdf.SplitText(para, w) {
				out = append(out, line{text: strings.TrimRight(s, " "), style: pt.style, c: pt.c})
			}
		}
	}
	return out
}

// lines draws laid-out lines from (x, y), the top of the first line.
func (p *pdfWriter) lines(ls []line, x, y, lh, size float64) {
	for i, l := range ls {
		if l.text == "" {
			continue
		}
		p.font(l.style, size, l.c)
		p.pdf.Text(x, y+float64(i)*lh+baseline(size, lh), l.text)
	}
}

// baseline is how far below the top of a line its baseline lies.
func baseline(size, lh float64) float64 {
	em := size * ptMM
	return (lh-em)/2 + em*0.86
}

// arrow draws a small filled triangle pointing up (dir > 0) or down in the
// first line of a cell whose top is y.
func (p *pdfWriter) arrow(x, y, lh float64, dir int) {
	s := math.Min(2.4, lh*0.62)
	cy := y + lh/2
	c := good
	pts := []fpdf.PointType{{X: x, Y: cy + s/2}, {X: x + s, Y: cy + s/2}, {X: x + s/2, Y: cy - s/2}}
	if dir < 0 {
		c = alert
		pts = []fpdf.PointType{{X: x, Y: cy - s/2}, {X: x + s, Y: cy - s/2}, {X: x + s/2, Y: cy + s/2}}
	}
	p.fill(c)
	p.pdf.Polygon(pts, "F")
}
