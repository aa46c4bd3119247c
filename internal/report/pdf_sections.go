package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/partnership-maturity/maturity/internal/about"
	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/english"
)

// oglURL is where the Open Government Licence v3.0 is published.
const oglURL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

// statusWords says where the assessment is, in plain words.
func (p *pdfWriter) statusWords() string {
	switch s := p.rec.Assessment.Status; s {
	case assessment.SignedOff:
		return "Signed off"
	case assessment.Agreed:
		return "Agreed, not yet signed off"
	case assessment.Workshop:
		return "In workshop, not yet agreed"
	case assessment.Draft:
		return "Draft"
	default:
		return string(s)
	}
}

// cover is the first page: who, when, against what, by whom, signed by
// whom.
func (p *pdfWriter) cover() {
	pdf := p.pdf
	p.section = "Cover"
	pdf.AddPage()
	pdf.Bookmark("Cover", 0, -1)
	p.fill(navy)
	pdf.Rect(0, 0, pageW, 9, "F")
	pdf.SetY(26)
	p.font("", 12, muted)
	pdf.MultiCell(contentW, lineHeight(12), "Multi-agency safeguarding arrangements: maturity self-assessment and action plan", "", "L", false)
	pdf.Ln(3)
	p.font("B", 24, navy)
	pdf.MultiCell(contentW, lineHeight(24), clean(p.rec.Partnership.Name), "", "L", false)
	if area := strings.TrimSpace(p.rec.Partnership.Area); area != "" {
		p.para(area, "", 12, muted)
	}
	pdf.Ln(2)
	p.font("B", 20, ink)
	pdf.MultiCell(contentW, lineHeight(20), clean(p.rec.Assessment.Period), "", "L", false)
	pdf.Ln(4)

	q := p.q
	a := p.rec.Assessment
	source := strings.Join(nonEmpty(q.Source.Publisher, q.Source.Title, q.Source.Published), ", ")
	if q.Source.URL != "" {
		source += ". " + q.Source.URL
	}
	statusC := ink
	if p.draft {
		statusC = draftRed
	}
	previous := "None: this is the first assessment compared here"
	if pp := p.previousPeriod(); pp != "" {
		previous = pp + " (compared throughout)"
	} else if a.PreviousID != "" {
		previous = "Started from an earlier assessment that was not available to this export"
	}
	rows := [][]tcell{
		{styled("Question set", "B", ink), plain(q.Title)},
		{styled("Version", "B", ink), plain(q.Version + " (" + q.ID + ")")},
		{styled("Source", "B", ink), plain(source)},
		{styled("Status", "B", ink), styled(p.statusWords(), "B", statusC)},
		{styled("Date of export", "B", ink), plain(longDate(p.ExportedAt.UTC()))},
		{styled("Facilitator", "B", ink), plain(cmp.Or(strings.TrimSpace(a.Facilitator), "Not recorded"))},
		{styled("Previous assessment", "B", ink), plain(previous)},
	}
	p.table(pdfTable{cols: []column{{"", 42}, {"", contentW - 42}}, rows: rows, size: 9.5, keyed: true})

	p.heading("Participants by agency", 13, 12)
	p.table(pdfTable{cols: []column{{"Agency", 70}, {"Participants", contentW - 70}}, rows: p.participantRows(), size: 9})

	p.heading("Sign-offs", 13, 12)
	if len(p.rec.SignOffs) == 0 {
		p.para("Not signed off. This report is a draft until the assessment is signed off.", "", 9.5, ink)
		return
	}
	var sr [][]tcell
	for _, s := range p.rec.SignOffs {
		sr = append(sr, []tcell{plain(cmp.Or(p.agencyName(s.AgencyID), "Agency not recorded")), plain(s.Name),
			plain(s.Role), plain(longDate(s.SignedAt.UTC()))})
	}
	p.table(pdfTable{cols: []column{{"Agency", 54}, {"Name", 42}, {"Role", 46}, {"Signed on", 32}}, rows: sr, size: 9})
}

// nonEmpty keeps the strings that are not blank.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// participantRows groups participants under their agencies, in the
// partnership's agency order, statutory partners first.
func (p *pdfWriter) participantRows() [][]tcell {
	byAgency := map[string][]assessment.Participant{}
	for _, x := range p.rec.Participants {
		id := x.AgencyID
		if _, ok := p.agencies[id]; !ok {
			id = ""
		}
		byAgency[id] = append(byAgency[id], x)
	}
	agencies := slices.Clone(p.rec.Partnership.Agencies)
	slices.SortStableFunc(agencies, func(a, b assessment.Agency) int {
		return cmp.Compare(slices.Index(assessment.AgencyKinds, a.Kind), slices.Index(assessment.AgencyKinds, b.Kind))
	})
	var rows [][]tcell
	add := func(name, kind string, people []assessment.Participant) {
		var parts []part
		for _, x := range people {
			s := x.Name
			if x.Role != "" {
				s += ", " + x.Role
			}
			parts = append(parts, part{text: s, c: ink})
		}
		rows = append(rows, []tcell{cellOf(part{text: name, style: "B", c: ink}, part{text: kind, c: muted}), {parts: parts}})
	}
	for _, a := range agencies {
		if people := byAgency[a.ID]; len(people) > 0 {
			add(a.Name, string(a.Kind), people)
		}
	}
	if people := byAgency[""]; len(people) > 0 {
		add("Agency not recorded", "", people)
	}
	if len(rows) == 0 {
		rows = append(rows, []tcell{plain("No participants recorded"), plain("")})
	}
	return rows
}

// summary is the overall level, the radar chart, the theme table and the
// top priorities.
func (p *pdfWriter) summary() {
	pdf := p.pdf
	p.newSection("Summary", "Summary")
	// The overall level, in a shaded box.
	y := pdf.GetY()
	p.fill(shade)
	pdf.Rect(marginL, y, contentW, 24, "F")
	p.font("B", 8, muted)
	pdf.Text(marginL+5, y+6.5, "OVERALL LEVEL")
	if p.overall.Valid() {
		p.font("B", 22, navy)
		lvl := fmt.Sprintf("%.1f", p.overall.Mean)
		pdf.Text(marginL+5, y+17, lvl)
		x := marginL + 7 + pdf.GetStringWidth(lvl)
		p.font("B", 14, navy)
		pdf.Text(x, y+17, assessment.LevelLabel(p.q, p.overall))
	} else {
		p.font("B", 18, navy)
		pdf.Text(marginL+5, y+17, "Not assessed")
	}
	p.font("B", 8, muted)
	pdf.Text(marginL+95, y+6.5, "COVERAGE")
	p.font("", 10, ink)
	pdf.Text(marginL+95, y+12.5, coverageWords(p.overall))
	note := "Every question was assessed."
	switch {
	case !p.overall.Valid():
		note = "No question has been assessed yet."
	case p.overall.Partial():
		note = "The level rests on the questions assessed only."
	}
	p.font("", 8.5, muted)
	pdf.SetXY(marginL+95, y+15.2)
	pdf.MultiCell(contentW-100, lineHeight(8.5), note, "", "L", false)
	pdf.SetXY(marginL, y+29)

	p.radar()

	p.heading("Themes", 13, 20)
	prev := "Previous"
	if pp := p.previousPeriod(); pp != "" {
		prev = "Previous (" + pp + ")"
	}
	var rows [][]tcell
	for i, th := range p.themes {
		before, has := p.prevTheme(i)
		rows = append(rows, p.themeRow(p.themeTitle(th.ThemeID), th, before, has))
	}
	overall := assessment.ThemeScore{Level: p.overall}
	row := p.themeRow("Overall", overall, p.prevOverall, p.Previous != nil)
	for i := range row {
		for j := range row[i].parts {
			if row[i].parts[j].style == "" {
				row[i].parts[j].style = "B"
			}
		}
	}
	rows = append(rows, row)
	p.table(pdfTable{cols: []column{{"Theme", 44}, {"Level", 24}, {"Label", 26}, {"Target", 16},
		{"Gap", 14}, {prev, 22}, {"Change", 28}}, rows: rows, size: 8.5})
	if p.Previous == nil {
		p.para("There is no previous assessment to compare with.", "I", 8.5, muted)
		pdf.Ln(2)
	}
	p.priorities()
}

// themeRow is one row of the summary's theme table.
func (p *pdfWriter) themeRow(title string, th assessment.ThemeScore, before assessment.Score, has bool) []tcell {
	level := cellOf(part{text: oneDecimal(th.Level), c: ink})
	if th.Level.Valid() && th.Level.Partial() {
		level.parts = append(level.parts, part{text: fmt.Sprintf("%d of %d assessed", th.Level.Assessed, th.Level.Total), c: muted})
	} else if !th.Level.Valid() {
		level.parts[0].c = muted
	}
	label := plain(labelOf(p.view, th.Level))
	target, gap := plain("—"), plain("—")
	if th.Target.Valid() {
		target = plain(fmt.Sprintf("%.1f", th.Target.Mean))
	} else if th.ThemeID != "" {
		target = styled("not set", "", muted)
	}
	if g, ok := themeGap(th); ok {
		gap = plain(fmt.Sprintf("%.1f", g))
	} else if th.ThemeID != "" {
		gap = styled("none", "", muted)
	}
	previous := styled("none", "", muted)
	if has {
		previous = plain(oneDecimal(before))
	}
	ch := changeOf(th.Level, before, has)
	change := plain(ch.Words())
	switch {
	case !ch.Known:
		change.parts[0].c = muted
	case ch.Delta > 0:
		change.arrow = 1
	case ch.Delta < 0:
		change.arrow = -1
	}
	return []tcell{styled(title, "B", ink), level, label, target, gap, previous, change}
}

// maxPriorities is how many priorities the summary lists.
const maxPriorities = 5

// priorities lists the questions most in need of attention.
func (p *pdfWriter) priorities() {
	p.heading("Top priorities", 13, 70)
	ps := assessment.Priorities(p.q, p.rec.Responses, p.rec.Votes)
	if len(ps) == 0 {
		msg := "None: every assessed question meets its target and no votes diverge."
		if !p.overall.Valid() {
			msg = "None can be drawn: no question has been assessed."
		}
		p.para(msg, "", 9.5, ink)
		return
	}
	p.para("The assessed questions furthest below their target, then those where individual votes were furthest apart, then those agreed with least confidence.", "", 9, muted)
	p.pdf.Ln(2)
	var rows [][]tcell
	for i, pr := range ps[:min(len(ps), maxPriorities)] {
		qu, _, _ := p.q.Question(pr.QuestionID)
		conf := cmp.Or(string(pr.Confidence), "not said")
		rows = append(rows, []tcell{plain(fmt.Sprint(i + 1)),
			cellOf(part{text: p.q.QuestionName(qu.ID), style: "B", c: muted}, part{text: qu.Text, c: ink}),
			cellOf(part{text: levelWords(p.q, pr.Level), c: ink}, part{text: "target " + targetWords(p.q, pr.Target), c: muted}),
			plain(gapWords(pr.Level, pr.Target)), plain(spreadWords(pr.Spread)), plain(conf)})
	}
	p.table(pdfTable{cols: []column{{"#", 8}, {"Question", 76}, {"Level and target", 32}, {"Gap", 12},
		{"Votes", 26}, {"Confidence", 20}}, rows: rows, size: 8.5})
	if len(ps) > maxPriorities {
		p.para(fmt.Sprintf("%d more questions fall short of their target or divided the votes; each theme's section shows them.",
			len(ps)-maxPriorities), "I", 8.5, muted)
	}
}

// theme is the section on theme i: its purpose and every question.
func (p *pdfWriter) theme(i int) {
	th := p.q.Themes[i]
	sc := p.themes[i]
	p.newSection(fmt.Sprintf("Theme %d of %d: %s", i+1, len(p.q.Themes), th.Title), "Theme: "+th.Title)
	if th.Purpose != "" {
		p.labelled("Purpose", "“"+th.Purpose+"”"+sectionRef(th.PurposeSection))
	}
	line := fmt.Sprintf("Theme level %s · target %s · %s", scoreWords(p.q, sc.Level), oneDecimalOr(sc.Target, "not set"),
		coverageWords(sc.Level))
	p.para(line, "B", 9.5, ink)
	p.pdf.Ln(4)
	if len(th.Questions) == 0 {
		p.para("This theme has no questions.", "I", 9.5, muted)
	}
	for j, qu := range th.Questions {
		page := p.pdf.PageNo()
		if p.room(45); j > 0 && p.pdf.PageNo() == page {
			y := p.pdf.GetY() + 1
			p.stroke(rule, 0.3)
			p.pdf.Line(marginL, y, pageW-marginR, y)
			p.pdf.SetY(y + 4)
		}
		p.question(th.Title, qu.ID)
	}
}

// sectionRef cites a source section after a quotation, or nothing.
func sectionRef(s string) string {
	if s == "" {
		return ""
	}
	if strings.HasPrefix(s, "Chapter") || strings.HasPrefix(s, "Executive") || strings.HasPrefix(s, "Appendix") {
		return " (" + s + ")"
	}
	return " (paragraph " + s + ")"
}

// oneDecimalOr shows a score to one decimal, or other when there is none.
func oneDecimalOr(s assessment.Score, other string) string {
	if !s.Valid() {
		return other
	}
	return fmt.Sprintf("%.1f", s.Mean)
}

// question writes one question and everything recorded against it.
func (p *pdfWriter) question(themeTitle, id string) {
	pdf := p.pdf
	qu, _, _ := p.q.Question(id)
	r, ok := p.responses[id]
	if !ok {
		r = assessment.Response{}
	}
	p.room(45)
	p.font("B", 8, muted)
	pdf.MultiCell(contentW, lineHeight(8), clean(fmt.Sprintf("%s · source section %s", p.q.QuestionName(qu.ID), cmp.Or(qu.Section, "not given"))), "", "L", false)
	p.para(qu.Text, "B", 10.5, navy)
	pdf.Ln(2)

	levelC := ink
	if r.Level == assessment.NotAssessed {
		levelC = muted
	}
	s := p.spreads[id]
	votes := plain(spreadWords(s))
	if s.Divergent() {
		votes.parts[0].style = "B"
	}
	rows := [][]tcell{
		{styled("Agreed level", "B", ink), styled(levelWords(p.q, r.Level), "B", levelC)},
		{styled("Target", "B", ink), plain(targetWords(p.q, r.Target))},
		{styled("Gap", "B", ink), plain(gapWords(r.Level, r.Target))},
		{styled("Confidence", "B", ink), plain(cmp.Or(string(r.Confidence), "not said"))},
		{styled("Individual votes", "B", ink), votes},
	}
	if r.CarriedForward && p.previousPeriod() != "" {
		rows = append(rows, []tcell{styled("Carried forward", "B", ink),
			plain("The text below was carried forward from " + p.previousPeriod() + " and has not been edited since.")})
	} else if r.CarriedForward {
		rows = append(rows, []tcell{styled("Carried forward", "B", ink),
			plain("The text below was carried forward from the previous assessment and has not been edited since.")})
	}
	p.table(pdfTable{cols: []column{{"", 36}, {"", contentW - 36}}, rows: rows, size: 9, keyed: true})

	p.labelled("Evidence", cmp.Or(strings.TrimSpace(r.Evidence), "No evidence recorded."))
	if refs := p.refs[id]; len(refs) > 0 {
		var lines []string
		for _, e := range refs {
			l := "• " + e.Title
			if e.Location != "" {
				l += " — " + e.Location
			}
			lines = append(lines, l)
		}
		p.labelled("Evidence references", strings.Join(lines, "\n"))
	}
	for _, f := range []struct{ label, text string }{
		{"Strengths", r.Strengths},
		{"Areas for development", r.AreasForDevelopment},
		{"Rationale for the agreed level", r.Rationale},
	} {
		if strings.TrimSpace(f.text) != "" {
			p.labelled(f.label, f.text)
		}
	}
	for _, sc := range p.scrutiny[id] {
		p.room(30)
		p.font("B", 9.5, navy)
		who := cmp.Or(strings.TrimSpace(sc.Scrutineer), "Scrutineer not named")
		pdf.MultiCell(contentW, lineHeight(9.5), clean("Independent scrutiny: "+who), "", "L", false)
		pdf.Ln(1)
		srows := [][]tcell{{styled("Scrutineer’s level", "B", ink), plain(levelWords(p.q, sc.Level))}}
		if sc.Level != assessment.NotAssessed && r.Level != assessment.NotAssessed && sc.Level != r.Level {
			srows[0][1] = plain(fmt.Sprintf("%s (the partnership agreed %s)", levelWords(p.q, sc.Level), levelWords(p.q, r.Level)))
		}
		p.table(pdfTable{cols: []column{{"", 36}, {"", contentW - 36}}, rows: srows, size: 9, keyed: true})
		if strings.TrimSpace(sc.Challenge) != "" {
			p.labelled("Challenge", sc.Challenge)
		}
		if strings.TrimSpace(sc.EvidenceSeen) != "" {
			p.labelled("Evidence seen by the scrutineer", sc.EvidenceSeen)
		}
	}
}

// actionPlan is the table of actions.
func (p *pdfWriter) actionPlan() {
	p.newSection("Action plan", "Action plan")
	acts := p.rec.Actions
	if len(acts) == 0 {
		p.para("No actions have been recorded.", "", 9.5, ink)
		return
	}
	open, overdue, complete := 0, 0, 0
	for _, a := range acts {
		if a.Status.Open() {
			open++
		}
		if a.Overdue(p.today) {
			overdue++
		}
		if a.Status == assessment.Complete {
			complete++
		}
	}
	p.para(fmt.Sprintf("%s: %d open, of which %d overdue on %s; %d complete.", english.Count(len(acts), "action"), open, overdue,
		longDate(p.today), complete), "", 9.5, ink)
	p.para("Each action’s ref (A-01, A-02, …) is the same in the app, the spreadsheet, the CSV and the bundle; an action carried forward keeps its ref.", "I", 8.5, muted)
	p.pdf.Ln(2)
	var rows [][]tcell
	for _, a := range acts {
		id := cellOf(part{text: a.Ref.String(), c: ink})
		if a.CarriedFromID != "" {
			id.parts = append(id.parts, part{text: "carried forward", style: "I", c: muted})
		}
		where := cellOf(part{text: p.themeTitle(a.ThemeID), c: ink})
		if a.QuestionID != "" {
			where.parts = append(where.parts, part{text: p.q.QuestionName(a.QuestionID), c: muted})
		} else {
			where.parts = append(where.parts, part{text: "whole theme", c: muted})
		}
		owner := cellOf(part{text: cmp.Or(a.Owner, "No owner named"), c: ink},
			part{text: cmp.Or(p.agencyName(a.OwnerAgencyID), "agency not recorded"), c: muted})
		due := cellOf(part{text: cmp.Or(shortDate(a), "no due date"), c: ink},
			part{text: a.Status.Label(), style: "B", c: ink})
		if a.Overdue(p.today) {
			due.parts = append(due.parts, part{text: "OVERDUE", style: "B", c: alert})
		}
		note := tcell{}
		if u, ok := latestUpdate(a); ok {
			note.parts = append(note.parts, part{text: u.On.Format("2 Jan 2006"), style: "B", c: muted}, part{text: u.Note, c: ink})
		}
		if a.Outcome != "" {
			note.parts = append(note.parts, part{text: "Outcome: " + a.Outcome, c: ink})
		}
		if len(note.parts) == 0 {
			note = styled("none yet", "", muted)
		}
		rows = append(rows, []tcell{id, plain(a.Title), where, owner, due,
			plain(cmp.Or(a.SuccessMeasure, "not set")), note})
	}
	p.table(pdfTable{cols: []column{{"Ref", 18}, {"Action", 37}, {"Theme / question", 22}, {"Owner and agency", 25},
		{"Due and status", 20}, {"Success measure", 26}, {"Latest progress", 26}}, rows: rows, size: 7.5})
}

// shortDate shows an action's due date, or "" when it has none.
func shortDate(a assessment.Action) string {
	if a.Due.IsZero() {
		return ""
	}
	return a.Due.Format("2 Jan 2006")
}

// appendix is the scale, the method, the source and the fingerprint.
func (p *pdfWriter) appendix() {
	q := p.q
	p.newSection("Appendix", "Appendix")
	p.heading("The maturity scale", 13, 20)
	p.para("The scale and its descriptors are this app’s own guidance, written for it; they are not the Panel’s words and the Panel has not endorsed them.", "B", 9.5, ink)
	p.pdf.Ln(1.5)
	if q.GuidanceNote != "" {
		p.para(q.GuidanceNote, "I", 8.5, muted)
		p.pdf.Ln(2)
	}
	var rows [][]tcell
	for _, l := range q.Scale.Levels {
		rows = append(rows, []tcell{styled(fmt.Sprint(l.Value), "B", ink), styled(l.Label, "B", ink), plain(l.Descriptor)})
	}
	rows = append(rows, []tcell{styled("—", "", muted), styled("Not assessed", "B", muted),
		styled("No level has been agreed. It is not a level: it is left out of every score and never counted as 0.", "", muted)})
	p.table(pdfTable{cols: []column{{"Level", 14}, {"Label", 32}, {"What it means", contentW - 46}}, rows: rows, size: 8.5})

	p.heading("Method: how the levels were agreed", 13, 20)
	facilitated := "a facilitator"
	if f := strings.TrimSpace(p.rec.Assessment.Facilitator); f != "" {
		facilitated = f
	}
	for _, s := range []string{
		fmt.Sprintf("The partnership worked through each question in a workshop led by %s, with %s from %s.",
			facilitated, english.Count(len(p.rec.Participants), "participant"), english.Count(p.agenciesTakingPart(), "agency")),
		"First, each participant rated each question on their own. The spread of these individual votes is shown as the lowest to the highest level and the number of votes; votes two or more levels apart are marked divergent.",
		"Then the partnership discussed the evidence and agreed one level for each question, with the rationale for it, a target level and how confident it is. A question nobody could rate is shown as not assessed.",
		"A theme’s level is the mean of the agreed levels of its assessed questions; the overall level is the mean of the theme levels. Questions not assessed are left out, and the coverage says how many were assessed. Scores are shown to one decimal, with the label of the nearest level.",
		"The gap is the target less the agreed level. The top priorities are the assessed questions below their target or with divergent votes: the largest gap first, then the widest spread of votes, then the lowest confidence.",
		"Where an independent scrutineer gave a view, it is shown beside the partnership’s level and does not replace it.",
	} {
		p.para(s, "", 9.5, ink)
		p.pdf.Ln(1.5)
	}
	p.pdf.Ln(2)
	p.whereWeDisagreed()

	p.heading("Source and licence", 13, 20)
	citation := strings.Join(nonEmpty(q.Source.Publisher, q.Source.Title), ", ")
	if q.Source.Published != "" {
		citation += " (" + q.Source.Published + ")"
	}
	citation += "."
	if q.Source.URL != "" {
		citation += " " + q.Source.URL
	}
	p.para(citation, "", 9.5, ink)
	p.pdf.Ln(1.5)
	if q.Intro != "" {
		p.para("“"+q.Intro+"”"+sectionRef(q.IntroSection), "I", 9.5, ink)
		p.pdf.Ln(1.5)
	}
	p.para("The questions and theme purposes are quoted word for word from the source, each with its section.", "", 9.5, ink)
	p.pdf.Ln(1.5)
	if p.replaced {
		p.para(CharactersNotDrawn, "B", 9.5, ink)
		p.pdf.Ln(1.5)
	}
	licence := strings.TrimSpace(q.Source.Licence)
	if licence == "" {
		licence = "Contains public sector information licensed under the Open Government Licence v3.0."
	}
	p.para(licence+" The licence: "+oglURL, "", 9.5, ink)
	p.pdf.Ln(4)

	p.heading("Fingerprint", 13, 25)
	p.para("To check that this report matches a data file, compare these with the JSON bundle exported with it.", "", 9.5, ink)
	p.pdf.Ln(1.5)
	rows = [][]tcell{
		{styled("Bundle SHA-256", "B", ink), plain(cmp.Or(p.Fingerprint, "not given"))},
	}
	if p.DataChecksum != "" {
		rows = append(rows, []tcell{styled("Data checksum", "B", ink),
			cellOf(part{text: p.DataChecksum, c: ink}, part{text: "the bundle’s “sha256” field: the same in every JSON export of this assessment while it is unchanged", c: muted})})
	}
	rows = append(rows,
		[]tcell{styled("Assessment", "B", ink), plain(p.rec.Assessment.ID)},
		[]tcell{styled("Question set", "B", ink), plain(fmt.Sprintf("%s version %s", q.ID, q.Version))},
		[]tcell{styled("Exported", "B", ink), plain(p.ExportedAt.UTC().Format("2 January 2006 at 15:04 UTC") + " by " + about.Generator)})
	p.table(pdfTable{cols: []column{{"", 36}, {"", contentW - 36}}, rows: rows, size: 9, keyed: true})
}

// agenciesTakingPart counts the agencies with a participant.
func (p *pdfWriter) agenciesTakingPart() int {
	seen := map[string]bool{}
	for _, x := range p.rec.Participants {
		seen[x.AgencyID] = true
	}
	return len(seen)
}
