package store

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

func TestSaveQuestionnaire(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	if err := f.s.SaveQuestionnaire(ctx, f.q); err != nil {
		t.Errorf("saving the same question set again: %v; want nil", err)
	}
	changed := append(bytes.Clone(f.q.Raw), []byte("# a comment changes the sha256\n")...)
	q2, err := questionnaire.Parse("changed.yaml", changed)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.SaveQuestionnaire(ctx, q2); !errors.Is(err, ErrConflict) {
		t.Errorf("saving a different set with the same id and version: %v; want ErrConflict", err)
	}
	got, err := f.s.Questionnaire(ctx, f.q.ID, f.q.Version)
	if err != nil {
		t.Fatal(err)
	}
	if got.SHA256() != f.q.SHA256() || got.Title != f.q.Title || got.QuestionCount() != 18 {
		t.Errorf("Questionnaire = %s %q %d questions; want the stored one with 18", got.SHA256(), got.Title, got.QuestionCount())
	}
	list := must(f.s.Questionnaires(ctx))
	if len(list) != 1 || list[0].ID != f.q.ID {
		t.Errorf("Questionnaires = %d; want the one stored", len(list))
	}
	if _, err := f.s.Questionnaire(ctx, f.q.ID, "9.9"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing version: %v; want ErrNotFound", err)
	}
	if rows := must(f.s.AuditLog(ctx, f.q.ID+"@"+f.q.Version)); len(rows) != 3 {
		t.Errorf("questionnaire audit rows = %d; want 3 (created, title, sha256) and none for the repeat", len(rows))
	}
}
