package assessment

import "time"

// Fate is what became of an action by the next assessment.
type Fate string

// The fates of last year's actions.
const (
	Completed      Fate = "completed"
	DroppedFate    Fate = "dropped"
	CarriedForward Fate = "carried forward"
	// LeftOpen is an action still open that the next assessment did not
	// carry forward: it was neither finished nor kept on the plan.
	LeftOpen Fate = "left open, not carried forward"
)

// ActionFate is one of last year's actions and what became of it.
type ActionFate struct {
	Action Action
	Fate   Fate
	// Now is the action as it stands in the latest assessment, when carried.
	Now *Action
	// History is every copy of the action, oldest first, ending with Now
	// when carried.
	History []Action
	// Overdue is true when the action (or its carried copy) is open and
	// past its due date on the review day.
	Overdue bool
}

// ActionReview says what became of one assessment's actions by the next.
type ActionReview struct {
	// Period is the assessment whose actions are reviewed.
	Period string
	Items  []ActionFate
	// Counts counts the actions by fate; Overdue counts those overdue.
	Counts  map[Fate]int
	Overdue int
}

// ReviewActions says what became of the actions of the second-newest of
// records (ordered oldest first) by the newest one, as of day. Carried
// actions are followed through every record to give their history.
func ReviewActions(records []Record, day time.Time) ActionReview {
	if len(records) < 2 {
		return ActionReview{Counts: map[Fate]int{}}
	}
	prev, cur := records[len(records)-2], records[len(records)-1]
	review := ActionReview{Period: prev.Assessment.Period, Counts: map[Fate]int{}}
	carried := map[string]*Action{}
	for i := range cur.Actions {
		if id := cur.Actions[i].CarriedFromID; id != "" {
			carried[id] = &cur.Actions[i]
		}
	}
	for _, a := range prev.Actions {
		f := ActionFate{Action: a, Now: carried[a.ID], History: history(records[:len(records)-1], a)}
		switch {
		case f.Now != nil:
			f.Fate = CarriedForward
			f.History = append(f.History, *f.Now)
			f.Overdue = f.Now.Overdue(day)
		case a.Status == Complete:
			f.Fate = Completed
		case a.Status == Dropped:
			f.Fate = DroppedFate
		default:
			f.Fate = LeftOpen
			f.Overdue = a.Overdue(day)
		}
		review.Counts[f.Fate]++
		if f.Overdue {
			review.Overdue++
		}
		review.Items = append(review.Items, f)
	}
	return review
}

// history is the chain of copies of a, oldest first, ending with a, found
// through CarriedFromID in records.
func history(records []Record, a Action) []Action {
	byID := map[string]Action{}
	for _, rec := range records {
		for _, x := range rec.Actions {
			byID[x.ID] = x
		}
	}
	chain := []Action{a}
	for seen := map[string]bool{a.ID: true}; ; {
		from, ok := byID[chain[0].CarriedFromID]
		if !ok || seen[from.ID] {
			return chain
		}
		seen[from.ID] = true
		chain = append([]Action{from}, chain...)
	}
}
