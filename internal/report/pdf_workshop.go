package report

import (
	"cmp"
	"fmt"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/english"
)

// maxDisagreements is how many questions "Where we disagreed" lists.
const maxDisagreements = 8

// whereWeDisagreed adds to the method the questions on which individual
// votes lay furthest apart, widest first, with the rounds held and the
// agencies whose average votes lay furthest apart. It adds nothing when
// nobody voted.
func (p *pdfWriter) whereWeDisagreed() {
	all := assessment.Disagreements(p.rec.Participants, p.rec.Votes)
	if len(all) == 0 {
		return
	}
	p.heading("Where we disagreed", 11.5, 30)
	var rows [][]tcell
	for _, d := range all {
		if d.Spread.Width() == 0 && d.AgencyGap() == 0 || len(rows) == maxDisagreements {
			continue
		}
		q, _, _ := p.q.Question(d.QuestionID)
		votes := plain(spreadWords(d.Spread))
		if d.Spread.Divergent() {
			votes.parts[0].style = "B"
		}
		byAgency := styled("one agency voted", "", muted)
		if d.AgencyGap() > 0 {
			byAgency = plain(fmt.Sprintf("%s %.1f; %s %.1f", p.agencyOrNone(d.Low.AgencyID), d.Low.Mean,
				p.agencyOrNone(d.High.AgencyID), d.High.Mean))
		}
		rows = append(rows, []tcell{plain(p.q.QuestionName(d.QuestionID) + ": " + q.Text), votes, plain(fmt.Sprint(d.Rounds)), byAgency})
	}
	if len(rows) == 0 {
		p.para(fmt.Sprintf("Every one of the %s voted on had its votes at one level: the partnership did not disagree.",
			english.Count(len(all), "question")), "", 9.5, ink)
		p.pdf.Ln(2)
		return
	}
	p.para("The questions on which individual votes lay furthest apart, widest first. Where a question was voted on again after discussion, the last round is shown and the earlier rounds are kept in the record. The last column gives the agencies whose average votes lay furthest apart.", "", 9.5, ink)
	p.pdf.Ln(1.5)
	p.table(pdfTable{cols: []column{{"Question", contentW - 106}, {"Votes", 34}, {"Rounds", 16}, {"By agency (average vote)", 56}}, rows: rows, size: 8.5})
	p.pdf.Ln(2)
}

// agencyOrNone names an agency, or says none was given.
func (p *pdfWriter) agencyOrNone(id string) string {
	return cmp.Or(p.agencyName(id), "no agency given")
}
