package report_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/partnership-maturity/maturity/internal/about"
	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/report"
)

// needPoppler skips the test when poppler's tools are missing (make test
// installs them).
func needPoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (Debian: poppler-utils)", tool)
		}
	}
}

// writePDF writes in as a PDF in a temporary folder and returns its path.
// With REPORT_SAMPLES set it also keeps a copy there, to look at.
func writePDF(t *testing.T, name string, in report.Input) string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WritePDF(&buf, in); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	path := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("REPORT_SAMPLES"); dir != "" {
		os.WriteFile(filepath.Join(dir, name+".pdf"), buf.Bytes(), 0o644)
	}
	return path
}

// run runs a command and returns its standard output.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

// squash drops every white-space character, so text can be compared
// however the PDF wrapped it.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pageNumber matches the footer's page number once squashed.
var pageNumber = regexp.MustCompile(`Page\d+of\d+`)

// body is the PDF's text in the order it was drawn, squashed, with the
// page furniture (running header, footer, draft mark, the action table's
// repeated header row) taken out so text that runs across a page break
// reads on.
func body(t *testing.T, path string, in report.Input) string {
	t.Helper()
	s := squash(run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"))
	s = pageNumber.ReplaceAllString(s, "")
	furniture := []string{
		squash(fmt.Sprintf("%s · %s", in.Record.Partnership.Name, in.Record.Assessment.Period)),
		squash("DRAFT – not signed off · "), squash(about.Generator + " · exported 12 March 2026"),
		"DRAFT", squash("ID Action Theme / question Owner and agency Due and status Success measure Latest progress"),
	}
	for _, th := range in.Questionnaire.Themes {
		furniture = append(furniture, squash("Theme: "+th.Title))
	}
	if in.Previous != nil {
		furniture = append(furniture, squash("Progress since "+in.Previous.Assessment.Period))
	}
	for _, f := range furniture {
		s = strings.ReplaceAll(s, f, "")
	}
	return s
}

// mustContain fails for every want missing from text (both squashed).
func mustContain(t *testing.T, name, text string, wants ...string) {
	t.Helper()
	missing := 0
	for _, w := range wants {
		if !strings.Contains(text, squash(w)) {
			if missing++; missing <= 5 {
				t.Errorf("%s: the PDF's text lacks %.120q", name, w)
			}
		}
	}
	if missing > 5 {
		t.Errorf("%s: %d more missing", name, missing-5)
	}
}

// pageCount reads the number of pages with pdfinfo.
func pageCount(t *testing.T, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", path))
	if m == nil {
		t.Fatalf("pdfinfo %s: no page count", path)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// inputs are the assessments every PDF test writes.
func inputs(t *testing.T) map[string]report.Input {
	return map[string]report.Input{"demo": demoInput(t), "hostile": hostileInput(t, 200).in, "nothing-assessed": nothingAssessed(t)}
}

func TestPDFSaysEverything(t *testing.T) {
	needPoppler(t)
	for name, in := range inputs(t) {
		t.Run(name, func(t *testing.T) {
			path := writePDF(t, name, in)
			text := body(t, path, in)
			var wants []string
			for _, th := range in.Questionnaire.Themes {
				wants = append(wants, th.Title, th.Purpose)
				for _, qu := range th.Questions {
					wants = append(wants, qu.Text, in.Questionnaire.QuestionName(qu.ID)+" · source section "+qu.Section)
				}
			}
			for i, a := range in.Record.Actions {
				if len(a.Title) > 1000 {
					// A title pages long is broken between rows whose other
					// cells come between its parts; check it starts.
					wants = append(wants, a.Title[:200])
				} else {
					wants = append(wants, a.Title)
				}
				wants = append(wants, a.Owner, a.SuccessMeasure)
				if i < 3 {
					wants = append(wants, a.Ref.String())
				}
			}
			for _, s := range in.Record.SignOffs {
				wants = append(wants, s.Name, s.Role)
			}
			for _, p := range in.Record.Participants {
				wants = append(wants, p.Name)
			}
			for _, l := range in.Questionnaire.Scale.Levels {
				wants = append(wants, l.Label, l.Descriptor)
			}
			wants = append(wants, in.Record.Partnership.Name, in.Record.Assessment.Period, in.Questionnaire.Title,
				in.Questionnaire.Source.Licence, "Open Government Licence", "Summary", "Action plan",
				"not the Panel’s words", "Method: how the levels were agreed", in.Fingerprint)
			mustContain(t, name, text, wants...)
			if name == "demo" {
				mustContain(t, name, text, "Siobhán O’Neill", "Tomasz Wiśniewski", "2025/26 agreed level", "Target",
					"2024/25 agreed level", "up 0.7", "divergent", "OVERDUE", "Independent scrutiny: Dr Helen Marsh",
					"I would place this one level lower", "Previous (2024/25)", "OVERALL LEVEL 3.1 Developing", "18 of 18 questions assessed (100%)")
			}
			if name == "hostile" {
				h := hostileInput(t, 200)
				mustContain(t, name, text, strings.SplitAfter(h.longest, "drop-in. ")...)
				mustContain(t, name, text, "£", "“", "”", "’", "ŵ", "ŷ", "ł", "ś", "ż", "Siân Ŵynne-Łukasiewicz", unusual,
					"Prof. Zoë Ćwikła", "200 actions", "not assessed")
			}
			if name == "nothing-assessed" {
				mustContain(t, name, text, "OVERALL LEVEL Not assessed", "0 of 18 questions assessed (0%)",
					"Agreed level not assessed", "No evidence recorded.", "No actions have been recorded.",
					"None can be drawn: no question has been assessed.", "No participants recorded", "Not signed off.")
				if regexp.MustCompile(`Agreedlevel0|Level0`).MatchString(text) {
					t.Errorf("a level not assessed is shown as 0")
				}
			}
		})
	}
}

// bboxDoc is pdftotext -bbox output: pages of words with their boxes.
type bboxDoc struct {
	Pages []struct {
		Width  float64 `xml:"width,attr"`
		Height float64 `xml:"height,attr"`
		Words  []struct {
			XMin float64 `xml:"xMin,attr"`
			YMin float64 `xml:"yMin,attr"`
			XMax float64 `xml:"xMax,attr"`
			YMax float64 `xml:"yMax,attr"`
			Text string  `xml:",chardata"`
		} `xml:"word"`
	} `xml:"body>doc>page"`
}

// TestPDFTextStaysOnThePage checks every word lies inside the page's
// margins (so nothing falls off a page or into the edge) and that no two
// words overlap.
func TestPDFTextStaysOnThePage(t *testing.T) {
	needPoppler(t)
	const mm = 72 / 25.4
	for name, in := range inputs(t) {
		t.Run(name, func(t *testing.T) {
			path := writePDF(t, name, in)
			var doc bboxDoc
			out := run(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
			d := xml.NewDecoder(strings.NewReader(out))
			d.Strict = false
			d.Entity = xml.HTMLEntity
			if err := d.Decode(&doc); err != nil {
				t.Fatalf("reading pdftotext -bbox: %v", err)
			}
			if len(doc.Pages) != pageCount(t, path) {
				t.Fatalf("bbox pages %d; pdfinfo says %d", len(doc.Pages), pageCount(t, path))
			}
			bad, total := 0, 0
			for i, pg := range doc.Pages {
				total += len(pg.Words)
				if pg.Width < 595 || pg.Width > 596 || pg.Height < 841 || pg.Height > 842 {
					t.Errorf("page %d is %.0f×%.0f pt; want A4 portrait 595×842", i+1, pg.Width, pg.Height)
				}
				words := pg.Words[:0:0]
				for _, w := range pg.Words {
					inside := w.XMin >= 17*mm && w.XMax <= pg.Width-17*mm && w.YMin >= 8*mm && w.YMax <= pg.Height-8*mm
					if !inside {
						if bad++; bad <= 5 {
							t.Errorf("page %d: %q at x %.1f–%.1f, y %.1f–%.1f pt lies outside the margins of the %.0f×%.0f page",
								i+1, w.Text, w.XMin, w.XMax, w.YMin, w.YMax, pg.Width, pg.Height)
						}
					}
					// The faint diagonal DRAFT mark lies over the text by design.
					if mark := w.YMax-w.YMin > 30 && strings.Contains("DRAFT", w.Text); !mark {
						words = append(words, w)
					}
				}
				for a := range words {
					for b := a + 1; b < len(words); b++ {
						x := min(words[a].XMax, words[b].XMax) - max(words[a].XMin, words[b].XMin)
						y := min(words[a].YMax, words[b].YMax) - max(words[a].YMin, words[b].YMin)
						if x > 0.8 && y > 1.5 {
							if bad++; bad <= 5 {
								t.Errorf("page %d: %q and %q overlap", i+1, words[a].Text, words[b].Text)
							}
						}
					}
				}
			}
			if bad > 5 {
				t.Errorf("%d more problems", bad-5)
			}
			if total < 1000 {
				t.Errorf("found %d words in all; want over 1000", total)
			}
		})
	}
}

// TestPDFIsValid validates each PDF with pdfcpu, strictly.
func TestPDFIsValid(t *testing.T) {
	for name, in := range inputs(t) {
		t.Run(name, func(t *testing.T) {
			path := writePDF(t, name, in)
			conf := model.NewDefaultConfiguration()
			conf.ValidationMode = model.ValidationStrict
			if err := api.ValidateFile(path, conf); err != nil {
				t.Errorf("pdfcpu: %v", err)
			}
		})
	}
}

func TestPDFMetadata(t *testing.T) {
	needPoppler(t)
	in := demoInput(t)
	info := run(t, "pdfinfo", "-isodates", writePDF(t, "demo", in))
	for _, want := range []string{
		"Title:           Northshire Safeguarding Children Partnership: maturity self-assessment 2025/26",
		"Author:          Northshire Safeguarding Children Partnership",
		"Subject:         Self-assessment against Strategic themes for safeguarding partnerships (CSPRP Annual Report 2022/23), version 1.0, and action plan",
		"Creator:         " + about.Generator,
		"CreationDate:    2026-03-12T14:30:00Z",
		"Page size:       595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

// TestPDFPagesAndDraftMark checks "Page n of N" and the draft mark on every
// page, and that a signed-off assessment carries no draft mark.
func TestPDFPagesAndDraftMark(t *testing.T) {
	needPoppler(t)
	signed := demoInput(t)
	signed.Record.Assessment.Status = assessment.SignedOff
	for name, in := range map[string]report.Input{"demo": demoInput(t), "signed-off": signed} {
		path := writePDF(t, name, in)
		pages := strings.Split(strings.TrimSuffix(run(t, "pdftotext", "-enc", "UTF-8", path, "-"), "\f"), "\f")
		n := pageCount(t, path)
		if len(pages) != n {
			t.Fatalf("%s: %d pages of text; pdfinfo says %d", name, len(pages), n)
		}
		for i, pg := range pages {
			if want := fmt.Sprintf("Page %d of %d", i+1, n); !strings.Contains(pg, want) {
				t.Errorf("%s: page %d lacks %q", name, i+1, want)
			}
			if draft := strings.Contains(pg, "DRAFT"); draft != (name == "demo") {
				t.Errorf("%s: page %d: DRAFT shown %v; want %v", name, i+1, draft, name == "demo")
			}
			if i > 0 && !strings.Contains(pg, "Northshire Safeguarding Children Partnership · 2025/26") {
				t.Errorf("%s: page %d lacks the running header", name, i+1)
			}
		}
	}
}

// TestPDFGrowsWithContent checks more actions and longer text take more
// pages, and nothing takes fewer.
func TestPDFGrowsWithContent(t *testing.T) {
	needPoppler(t)
	counts := map[string]int{}
	for name, in := range map[string]report.Input{
		"nothing": nothingAssessed(t), "demo": demoInput(t), "hostile-20": hostileInput(t, 20).in, "hostile-200": hostileInput(t, 200).in,
	} {
		counts[name] = pageCount(t, writePDF(t, name, in))
	}
	order := []string{"nothing", "demo", "hostile-20", "hostile-200"}
	for i := 1; i < len(order); i++ {
		if counts[order[i]] <= counts[order[i-1]] {
			t.Errorf("%s has %d pages, %s %d; want more", order[i], counts[order[i]], order[i-1], counts[order[i-1]])
		}
	}
	t.Logf("pages: %v", counts)
}

func TestRefusesBadInput(t *testing.T) {
	for name, change := range map[string]func(*report.Input){
		"no question set": func(in *report.Input) { in.Questionnaire = nil },
		"no export time":  func(in *report.Input) { in.ExportedAt = time.Time{} },
	} {
		in := demoInput(t)
		change(&in)
		if err := report.WritePDF(&bytes.Buffer{}, in); err == nil {
			t.Errorf("%s: WritePDF gave no error", name)
		}
		if err := report.WriteXLSX(&bytes.Buffer{}, in); err == nil {
			t.Errorf("%s: WriteXLSX gave no error", name)
		}
		if err := report.WriteCSV(&bytes.Buffer{}, report.Actions, in); err == nil {
			t.Errorf("%s: WriteCSV gave no error", name)
		}
	}
	if err := report.WriteCSV(&bytes.Buffer{}, "nonsense", demoInput(t)); err == nil || !strings.Contains(err.Error(), "summary, responses, votes or actions") {
		t.Errorf("unknown table: got %v", err)
	}
}
