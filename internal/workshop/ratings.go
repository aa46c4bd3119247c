package workshop

import (
	"fmt"
	"io"
	"os"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/bundle"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// MaxRatingsFile is the largest bundle VotesFromFile reads, in bytes: far
// more than one assessment with its evidence needs.
const MaxRatingsFile = 32 << 20

// VotesFromFile reads a partner's bundle from path, refusing a file over
// MaxRatingsFile, and returns their levels as VotesFromBundle does.
func VotesFromFile(path string, q *questionnaire.Questionnaire) ([]assessment.Vote, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxRatingsFile+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(data) > MaxRatingsFile {
		return nil, fmt.Errorf("%s is over %d MB: it is not a bundle of one assessment", path, MaxRatingsFile>>20)
	}
	return VotesFromBundle(data, q)
}

// VotesFromBundle reads the bundle a partner exported from their own copy
// of the app, where they rated the questions alone, and returns their
// levels as first-round votes on q, with their rationale as the comment.
// The bundle must answer the same question set as q; unrated questions
// give no vote.
func VotesFromBundle(data []byte, q *questionnaire.Questionnaire) ([]assessment.Vote, error) {
	theirs, rec, err := bundle.Decode("bundle", data)
	if err != nil {
		return nil, err
	}
	if theirs.ID != q.ID {
		return nil, fmt.Errorf("the bundle answers question set %q, not %q", theirs.ID, q.ID)
	}
	var votes []assessment.Vote
	for _, r := range rec.Responses {
		if r.Level == assessment.NotAssessed {
			continue
		}
		if _, _, ok := q.Question(r.QuestionID); !ok {
			return nil, fmt.Errorf("the bundle rates question %q, which %s does not have", r.QuestionID, q.Title)
		}
		comment := []rune(r.Rationale)
		votes = append(votes, assessment.Vote{QuestionID: r.QuestionID, Level: r.Level,
			Comment: string(comment[:min(len(comment), MaxCommentLength)]), Round: assessment.FirstRound})
	}
	if len(votes) == 0 {
		return nil, fmt.Errorf("the bundle rates no questions")
	}
	return votes, nil
}
