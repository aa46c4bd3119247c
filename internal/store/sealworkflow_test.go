package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/signing"
)

// signByLeads agrees the fixture's assessment and signs it off by the leads
// of its three statutory partners through Sign, failing unless the last
// signature completes the sign-off.
func signByLeads(t *testing.T, f fixture) {
	t.Helper()
	if err := f.s.Agree(context.Background(), f.a.ID); err != nil {
		t.Fatal(err)
	}
	for i := range f.p.Agencies {
		done, err := signAs(t, f, signing.DemoKey(f.p.Agencies[i].Name), "Lead "+f.p.Agencies[i].Name, &f.p.Agencies[i])
		if err != nil || done != (i == len(f.p.Agencies)-1) {
			t.Fatalf("signature %d of %d: done %v, %v", i+1, len(f.p.Agencies), done, err)
		}
	}
}

// sealRows returns an assessment's seals as "revision/scheme", oldest first.
func sealRows(t *testing.T, db *sql.DB, id string) []string {
	t.Helper()
	rows, err := queryAll(context.Background(), db, func(r scanner) (string, error) {
		var rev, scheme string
		return rev + "/" + scheme, r.Scan(&rev, &scheme)
	}, `SELECT revision, scheme FROM assessment_seal WHERE assessment_id = ? ORDER BY revision`, id)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// checkHealthy fails unless CheckFile finds the database at path healthy
// with seals recomputed.
func checkHealthy(t *testing.T, path string, seals int) {
	t.Helper()
	h, err := CheckFile(context.Background(), path)
	if err != nil || !h.Healthy() || h.Seals != seals {
		t.Fatalf("CheckFile = %q, %d seals, %v; want healthy with %d", h.Problems, h.Seals, err, seals)
	}
}

// tamperCopy copies the closed database at path, drops the copy's
// triggers, runs query on it and returns what CheckFile then finds.
func tamperCopy(t *testing.T, path, query string, args ...any) string {
	t.Helper()
	cp := filepath.Join(t.TempDir(), "copy.db")
	copyFile(t, path, cp)
	db := rawDB(t, cp)
	dropTriggers(t, db)
	execSQL(t, db, query, args...)
	db.Close()
	h, err := CheckFile(context.Background(), cp)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(h.Problems, "\n")
}

func TestSignSealsTheAssessment(t *testing.T) {
	ctx := context.Background()
	f := readyFixture(t)
	must(f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: "culture.1", NotAssessedReason: "No data until June."}))
	signByLeads(t, f)
	if got := sealRows(t, f.s.db, f.a.ID); len(got) != 1 || got[0] != "1/2" {
		t.Fatalf("seals after Sign: %v; want one of revision 1 by scheme 2", got)
	}
	if sum, err := sealOf(ctx, f.s.db, f.a.ID, sealScheme); err != nil || sum != storedSeal(t, f.s, f.a.ID) {
		t.Errorf("seal recomputed = %s, %v; want the stored one", sum, err)
	}
	path := f.s.Path()
	f.s.Close()
	checkHealthy(t, path, 1)
	for _, tc := range []struct{ name, query string }{
		{"a response's level", `UPDATE response SET level = 5 WHERE assessment_id = ? AND question_id = 'culture.2'`},
		{"a not-assessed reason", `UPDATE response SET not_assessed_reason = 'Forgot.' WHERE assessment_id = ? AND question_id = 'culture.1'`},
		{"a signature", `UPDATE signoff SET signature = replace(signature, substr(signature, 10, 4), 'AAAA')
			WHERE rowid = (SELECT min(rowid) FROM signoff WHERE assessment_id = ?)`},
		{"a signer's public key", `UPDATE signoff SET public_key = 'forged' WHERE rowid = (SELECT min(rowid) FROM signoff WHERE assessment_id = ?)`},
		{"a sign-off removed", `DELETE FROM signoff WHERE rowid = (SELECT max(rowid) FROM signoff WHERE assessment_id = ?)`},
	} {
		if got := tamperCopy(t, path, tc.query, f.a.ID); !strings.Contains(got, "(Northshire 2025/26): its content changed after it was signed off") {
			t.Errorf("%s changed: problems\n%s\nwant the signed-off assessment's content reported changed", tc.name, got)
		}
	}
}

func TestAmendedAssessmentIsSealedAgain(t *testing.T) {
	ctx := context.Background()
	f := readyFixture(t)
	signByLeads(t, f)
	path := f.s.Path()
	if _, err := f.s.Amend(ctx, f.a.ID, "A level was recorded wrongly.", []byte(`{"the":"original"}`), strings.Repeat("a", 64)); err != nil {
		t.Fatal(err)
	}
	// Amended and back to draft: the first revision's seal stands beside
	// its amendment, and nothing is signed off to recompute.
	checkHealthy(t, path, 0)
	must(f.s.SaveResponse(ctx, assessment.Response{AssessmentID: f.a.ID, QuestionID: "culture.2", Level: 4, Target: 4}))
	signByLeads(t, f)
	if a := must(f.s.Assessment(ctx, f.a.ID)); a.Status != assessment.SignedOff || a.Revision != 2 {
		t.Fatalf("after signing again: %s, revision %d; want signed off, revision 2", a.Status, a.Revision)
	}
	if got := sealRows(t, f.s.db, f.a.ID); len(got) != 2 || got[0] != "1/2" || got[1] != "2/2" {
		t.Fatalf("seals after the second sign-off: %v; want revisions 1 and 2, by scheme 2", got)
	}
	f.s.Close()
	checkHealthy(t, path, 1)
	for _, tc := range []struct{ name, query, want string }{
		{"the amendment removed", `DELETE FROM amendment WHERE assessment_id = ?`,
			"revision 1 was signed off and sealed but no amendment of it is recorded"},
		{"the amendment's reason rewritten", `UPDATE amendment SET reason = 'Nothing much.' WHERE assessment_id = ?`,
			"its content changed after it was signed off (the seal of revision 2 no longer matches)"},
		{"the second revision's edit undone", `UPDATE response SET level = 3 WHERE assessment_id = ? AND question_id = 'culture.2'`,
			"its content changed after it was signed off (the seal of revision 2 no longer matches)"},
		{"the second revision's seal removed", `DELETE FROM assessment_seal WHERE assessment_id = ? AND revision = 2`,
			"signed off but has no seal for revision 2"},
		{"the revision put back", `UPDATE assessment SET revision = 1 WHERE id = ?`,
			"revision 2 was signed off and sealed but the assessment is now revision 1"},
	} {
		if got := tamperCopy(t, path, tc.query, f.a.ID); !strings.Contains(got, tc.want) {
			t.Errorf("%s: problems\n%s\nwant one saying %q", tc.name, got, tc.want)
		}
	}
}
