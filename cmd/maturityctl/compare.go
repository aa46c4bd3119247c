package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/report"
	"github.com/partnership-maturity/maturity/internal/store"
)

// compared is what the compare command loaded and worked out.
type compared struct {
	partnership string
	records     []assessment.Record
	cmp         assessment.Comparison
	review      assessment.ActionReview
}

// runCompare sets two or more assessments of one partnership side by side
// or, with --peers, every partnership's assessment for one period.
func runCompare(e *env, fs *flag.FlagSet, args []string) error {
	format := fs.String("format", "table", "table, csv or json")
	peers := fs.Bool("peers", false, "compare partnerships instead: every assessment for --period on --questionnaire")
	set := fs.String("questionnaire", "csprp-2023-strategic", "with --peers: the question set's id")
	period := fs.String("period", "", "with --peers: the period, such as 2025/26")
	anonymise := fs.Bool("anonymise", false, "with --peers: name the partnerships Partnership A, B, …")
	ids, err := parseAnywhere(fs, args)
	if err != nil {
		return usageError("")
	}
	if !slices.Contains([]string{"table", "csv", "json"}, *format) {
		return usageError(fmt.Sprintf("--format must be table, csv or json, not %q", *format))
	}
	if *peers {
		if *period == "" || len(ids) > 0 {
			return usageError("--peers takes --period (and --questionnaire), not assessment ids")
		}
		return e.comparePeers(*set, *period, *anonymise, *format)
	}
	if len(ids) < 2 {
		return usageError("give the ids of two or more assessments (see maturityctl list)")
	}
	s, err := e.open()
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := e.compare(s, ids)
	if err != nil {
		return err
	}
	switch *format {
	case "csv":
		return c.writeCSV(e.stdout)
	case "json":
		return c.writeJSON(e.stdout)
	}
	return c.writeTable(e.stdout)
}

// compare loads the assessments and compares them.
func (e *env) compare(s *store.Store, ids []string) (*compared, error) {
	years, err := s.YearRecords(e.ctx, ids...)
	if err != nil {
		return nil, err
	}
	p, err := s.Partnership(e.ctx, years[0].Assessment.PartnershipID)
	if err != nil {
		return nil, err
	}
	var cols []assessment.Column
	var records []assessment.Record
	for _, y := range years {
		records = append(records, y.Record(p))
		cols = append(cols, assessment.Column{Assessment: y.Assessment, Questionnaire: y.Questionnaire, Responses: y.Responses})
	}
	cmp, err := assessment.Compare(cols)
	if err != nil {
		return nil, err
	}
	return &compared{partnership: p.Name, records: records, cmp: cmp,
		review: assessment.ReviewActions(records, time.Now())}, nil
}

// periods are the compared periods, oldest first.
func (c *compared) periods() []string {
	var ps []string
	for _, col := range c.cmp.Columns {
		ps = append(ps, col.Assessment.Period)
	}
	return ps
}

// scoreText is a mean to one decimal, or "-" when nothing was assessed.
func scoreText(s assessment.Score) string {
	if !s.Valid() {
		return "-"
	}
	return strconv.FormatFloat(s.Mean, 'f', 1, 64)
}

// levelText is a level, or "-" when not assessed.
func levelText(l int) string {
	if l == assessment.NotAssessed {
		return "-"
	}
	return strconv.Itoa(l)
}

// writeTable prints the comparison for people.
func (c *compared) writeTable(w io.Writer) error {
	last := c.cmp.Columns[len(c.cmp.Columns)-1]
	fmt.Fprintf(w, "%s — %s (version %s)\n\n", c.partnership, last.Questionnaire.Title, last.Questionnaire.Version)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "THEME\t%s\tCHANGE\n", strings.Join(c.periods(), "\t"))
	fmt.Fprintf(tw, "Overall\t%s\t%s\n", joinScores(c.cmp.Overall), c.cmp.OverallChange)
	for _, t := range c.cmp.Themes {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", t.Title, joinScores(t.Scores), t.Change)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nQuestions (%s to %s): %s\nTargets set in %s: %s\n\n", c.periods()[len(c.periods())-2],
		c.periods()[len(c.periods())-1], countText(c.cmp.Counts, assessment.Changes),
		c.periods()[len(c.periods())-2], countText(c.cmp.Targets,
			[]assessment.TargetResult{assessment.TargetMet, assessment.TargetMissed, assessment.NoTarget}))
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "QUESTION\t%s\tCHANGE\tTARGET\n", strings.Join(c.periods(), "\t"))
	for _, q := range c.cmp.Questions {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", q.Name, joinLevels(q.Levels, q.IDs), q.Change, q.Target)
	}
	tw.Flush()
	return c.writeReview(w)
}

// writeReview prints what became of the second-newest year's actions.
func (c *compared) writeReview(w io.Writer) error {
	r := c.review
	if len(r.Items) == 0 {
		_, err := fmt.Fprintf(w, "\nThe %s assessment had no actions.\n", c.periods()[len(c.periods())-2])
		return err
	}
	fmt.Fprintf(w, "\nActions from %s: %s; %d overdue\n", r.Period,
		countText(r.Counts, []assessment.Fate{assessment.Completed, assessment.DroppedFate, assessment.CarriedForward, assessment.LeftOpen}), r.Overdue)
	for _, it := range r.Items {
		line := fmt.Sprintf("  %s — %s", it.Action.Title, it.Fate)
		if it.Now != nil {
			line += ", now " + string(it.Now.Status)
		}
		if len(it.History) > 2 {
			line += fmt.Sprintf(" (on the plan since %d assessments ago)", len(it.History)-1)
		}
		if it.Overdue {
			line += " — OVERDUE"
		}
		fmt.Fprintln(w, line)
	}
	return nil
}

// joinScores joins scores with tabs.
func joinScores(scores []assessment.Score) string {
	parts := make([]string, len(scores))
	for i, s := range scores {
		parts[i] = scoreText(s)
	}
	return strings.Join(parts, "\t")
}

// joinLevels joins levels with tabs; "n/a" where the set had no such question.
func joinLevels(levels []int, ids []string) string {
	parts := make([]string, len(levels))
	for i, l := range levels {
		parts[i] = levelText(l)
		if ids[i] == "" {
			parts[i] = "n/a"
		}
	}
	return strings.Join(parts, "\t")
}

// countText lists the non-zero counts in order, such as "3 improved, 1 declined".
func countText[K ~string](counts map[K]int, order []K) string {
	var parts []string
	for _, k := range order {
		if counts[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// writeCSV writes one row per overall, theme and question, UTF-8 with BOM.
func (c *compared) writeCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := report.NewCSVWriter(w)
	head := append([]string{"Kind", "ID", "Title"}, c.periods()...)
	rows := [][]string{append(head, "Change", "Target")}
	rows = append(rows, append(append([]string{"overall", "", "Overall"}, strings.Split(joinScores(c.cmp.Overall), "\t")...),
		string(c.cmp.OverallChange), ""))
	for _, t := range c.cmp.Themes {
		rows = append(rows, append(append([]string{"theme", t.ThemeID, t.Title}, strings.Split(joinScores(t.Scores), "\t")...),
			string(t.Change), ""))
	}
	for _, q := range c.cmp.Questions {
		rows = append(rows, append(append([]string{"question", q.QuestionID, q.Text}, strings.Split(joinLevels(q.Levels, q.IDs), "\t")...),
			string(q.Change), string(q.Target)))
	}
	return cw.WriteAll(rows)
}

// jsonComparison is the comparison as --format json writes it.
type jsonComparison struct {
	Partnership   string            `json:"partnership"`
	Questionnaire string            `json:"questionnaire"`
	Periods       []string          `json:"periods"`
	Overall       []*float64        `json:"overall"`
	OverallChange string            `json:"overall_change"`
	Themes        []jsonTheme       `json:"themes"`
	Questions     []jsonQuestion    `json:"questions"`
	Counts        map[string]int    `json:"counts"`
	Targets       map[string]int    `json:"targets"`
	Actions       jsonActionsReview `json:"actions"`
}

// jsonTheme is one theme's scores; null where not assessed.
type jsonTheme struct {
	ID     string     `json:"id"`
	Title  string     `json:"title"`
	Scores []*float64 `json:"scores"`
	Change string     `json:"change"`
}

// jsonQuestion is one question's levels; null where not assessed or absent.
// Name is how people read its place, such as "Culture, question 3".
type jsonQuestion struct {
	ID     string    `json:"id"`
	Name   string    `json:"name"`
	IDs    []*string `json:"ids"`
	Levels []*int    `json:"levels"`
	Change string    `json:"change"`
	Target string    `json:"target"`
}

// jsonActionsReview is what became of the previous year's actions.
type jsonActionsReview struct {
	Period  string         `json:"period"`
	Counts  map[string]int `json:"counts"`
	Overdue int            `json:"overdue"`
}

// writeJSON writes the comparison for other tools.
func (c *compared) writeJSON(w io.Writer) error {
	out := jsonComparison{Partnership: c.partnership, Questionnaire: c.cmp.Columns[0].Assessment.QuestionnaireID,
		Periods: c.periods(), Overall: means(c.cmp.Overall), OverallChange: string(c.cmp.OverallChange),
		Counts: stringKeys(c.cmp.Counts), Targets: stringKeys(c.cmp.Targets),
		Actions: jsonActionsReview{Period: c.review.Period, Counts: stringKeys(c.review.Counts), Overdue: c.review.Overdue}}
	for _, t := range c.cmp.Themes {
		out.Themes = append(out.Themes, jsonTheme{ID: t.ThemeID, Title: t.Title, Scores: means(t.Scores), Change: string(t.Change)})
	}
	for _, q := range c.cmp.Questions {
		jq := jsonQuestion{ID: q.QuestionID, Name: q.Name, Change: string(q.Change), Target: string(q.Target)}
		for i, l := range q.Levels {
			jq.IDs = append(jq.IDs, nonEmpty(q.IDs[i]))
			jq.Levels = append(jq.Levels, nonZero(l))
		}
		out.Questions = append(out.Questions, jq)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// means turns scores into JSON numbers, null where not assessed.
func means(scores []assessment.Score) []*float64 {
	out := make([]*float64, len(scores))
	for i, s := range scores {
		if s.Valid() {
			m := s.Mean
			out[i] = &m
		}
	}
	return out
}

// nonZero is l, or nil when not assessed.
func nonZero(l int) *int {
	if l == assessment.NotAssessed {
		return nil
	}
	return &l
}

// nonEmpty is s, or nil when empty.
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// stringKeys copies a count map with string keys.
func stringKeys[K ~string](m map[K]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[string(k)] = v
	}
	return out
}

// comparePeers prints every partnership's scores for one period and
// question set, highest overall first.
func (e *env) comparePeers(set, period string, anonymise bool, format string) error {
	s, err := e.open()
	if err != nil {
		return err
	}
	defer s.Close()
	found, err := s.Peers(e.ctx, set, period)
	if err != nil {
		return err
	}
	if len(found) == 0 {
		return fmt.Errorf("no assessments of %s for %s", set, period)
	}
	q := found[len(found)-1].Questionnaire
	inputs := make([]assessment.PeerInput, len(found))
	for i, p := range found {
		inputs[i] = assessment.PeerInput{Partnership: p.Partnership.Name, Assessment: p.Assessment, Responses: p.Responses}
	}
	peers := assessment.PeerView(q, inputs, anonymise)
	head := []string{"Rank", "Partnership", "Overall", "Assessed"}
	for _, t := range q.Themes {
		head = append(head, t.Title)
	}
	rows := [][]string{head}
	for i, p := range peers {
		row := []string{strconv.Itoa(i + 1), p.Name, scoreText(p.Overall), fmt.Sprintf("%d of %d", p.Overall.Assessed, p.Overall.Total)}
		for _, ts := range p.Themes {
			row = append(row, scoreText(ts.Level))
		}
		rows = append(rows, row)
	}
	return writeRows(e.stdout, format, rows)
}

// writeRows writes a table with a header row as aligned text, CSV (UTF-8
// with BOM) or JSON (a list of objects keyed by the header).
func writeRows(w io.Writer, format string, rows [][]string) error {
	switch format {
	case "csv":
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
		return report.NewCSVWriter(w).WriteAll(rows)
	case "json":
		objects := make([]map[string]string, 0, len(rows)-1)
		for _, row := range rows[1:] {
			obj := map[string]string{}
			for i, cell := range row {
				obj[rows[0][i]] = cell
			}
			objects = append(objects, obj)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(objects)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, row := range rows {
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	return tw.Flush()
}
