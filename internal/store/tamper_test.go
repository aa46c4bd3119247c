package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// signedOff is a fixture whose assessment is filled, scrutinised and signed
// off, with a second assessment of the same partnership, signed off then
// amended back to a draft, holding one row of each kind, and the database
// file's path.
type signedOff struct {
	fixture
	path  string
	draft assessment.Assessment
}

// newSignedOff builds a signedOff fixture.
func newSignedOff(tb testing.TB) signedOff {
	tb.Helper()
	ctx := context.Background()
	f := newFixture(tb)
	f.fill(tb)
	scrutinise(tb, f.s, f.a.ID)
	if err := f.s.SetStatus(ctx, f.a.ID, assessment.SignedOff); err != nil {
		tb.Fatalf("SetStatus(signed off): %v", err)
	}
	d := must(f.s.StartFromPrevious(ctx, f.a.ID, "2026/27"))
	if err := f.s.SetStatus(ctx, d.ID, assessment.SignedOff); err != nil {
		tb.Fatalf("SetStatus(signed off): %v", err)
	}
	must(f.s.Amend(ctx, d.ID, "Signed off too soon.", []byte(`{"signed":"original"}`), strings.Repeat("b", 64)))
	scrutinise(tb, f.s, d.ID)
	p := must(f.s.AddParticipant(ctx, assessment.Participant{AssessmentID: d.ID, Name: "Jo", AgencyID: f.p.Agencies[0].ID}))
	must(f.s.SaveVote(ctx, assessment.Vote{AssessmentID: d.ID, QuestionID: "culture.1", ParticipantID: p.ID, Level: 3}))
	must(f.s.SaveScrutiny(ctx, assessment.Scrutiny{AssessmentID: d.ID, QuestionID: "culture.1", Scrutineer: "S", Level: 2}))
	x := must(f.s.SaveAction(ctx, assessment.Action{AssessmentID: d.ID, ThemeID: "culture", Title: "Draft action", Status: assessment.NotStarted}))
	must(f.s.AddActionUpdate(ctx, assessment.ActionUpdate{ActionID: x.ID, Note: "draft note"}))
	must(f.s.AddSignOff(ctx, assessment.SignOff{AssessmentID: d.ID, Name: "Draft signer"}))
	return signedOff{fixture: f, path: f.s.Path(), draft: d}
}

// scrutinise adds a challenge thread, a theme judgement and an assurance
// to an assessment.
func scrutinise(tb testing.TB, s *Store, id string) {
	tb.Helper()
	ctx := context.Background()
	for _, c := range []assessment.Challenge{
		{QuestionID: "culture.1", Kind: assessment.ChallengeMessage, Author: "Sam Scrutineer", Text: "Where is the evidence?"},
		{QuestionID: "culture.1", Kind: assessment.ResponseMessage, Author: "Pat Partner", Text: "In the May audit."},
	} {
		c.AssessmentID = id
		must(s.AddChallenge(ctx, c))
	}
	must(s.SaveThemeJudgement(ctx, assessment.ThemeJudgement{AssessmentID: id, ThemeID: "culture", Scrutineer: "Sam Scrutineer",
		Level: 3, Reasons: "Consistent with the evidence."}))
	must(s.SaveAssurance(ctx, assessment.Assurance{AssessmentID: id, Scrutineer: "Sam Scrutineer", Level: assessment.Moderate,
		Reasons: "Most levels are evidenced.", Statement: "A fair self-assessment."}))
}

// storedSeal returns the seal stored for an assessment.
func storedSeal(tb testing.TB, s *Store, id string) string {
	tb.Helper()
	var sum string
	if err := s.db.QueryRow(`SELECT sha256 FROM assessment_seal WHERE assessment_id = ?`, id).Scan(&sum); err != nil {
		tb.Fatalf("seal of %s: %v", id, err)
	}
	return sum
}

// protectedTable is a table whose rows of a signed-off assessment, or all of
// whose rows, no SQL may change.
type protectedTable struct {
	name string
	// victim selects the rowid of a protected row; draft the rowid of a row
	// of the draft assessment (or "" when there is none to use).
	victim, draft string
	// change is a column and a new value for it; key is an assignment that
	// gives a copy of the row a new identity (so that only its rowid
	// clashes); keyCol is the column naming the row.
	change, key, keyCol string
}

// protectedTables lists every protected table with its row selectors.
func protectedTables(a, d string) []protectedTable {
	child := func(name, change string) protectedTable {
		return protectedTable{name: name,
			victim: fmt.Sprintf(`SELECT min(rowid) FROM %s WHERE assessment_id = '%s'`, name, a),
			draft:  fmt.Sprintf(`SELECT min(rowid) FROM %s WHERE assessment_id = '%s'`, name, d),
			change: change, key: "id = 'forged-' || id", keyCol: "id"}
	}
	return []protectedTable{
		{name: "assessment", victim: `SELECT rowid FROM assessment WHERE id = '` + a + `'`,
			draft:  `SELECT rowid FROM assessment WHERE id = '` + d + `'`,
			change: "facilitator = 'forged'", key: "id = 'forged', period = '2040/41'", keyCol: "id"},
		{name: "response", victim: `SELECT min(rowid) FROM response WHERE assessment_id = '` + a + `'`,
			draft:  `SELECT min(rowid) FROM response WHERE assessment_id = '` + d + `'`,
			change: "evidence = 'forged'", key: "assessment_id = '" + d + "', question_id = 'forged'", keyCol: "rowid"},
		child("participant", "name = 'forged'"),
		child("evidence_ref", "title = 'forged'"),
		child("vote", "level = 1"),
		child("scrutiny", "challenge = 'forged'"),
		child("action", "title = 'forged'"),
		child("signoff", "name = 'forged'"),
		child("challenge", "text = 'forged'"),
		child("theme_judgement", "level = 1"),
		{name: "assurance", victim: `SELECT rowid FROM assurance WHERE assessment_id = '` + a + `'`,
			draft:  `SELECT rowid FROM assurance WHERE assessment_id = '` + d + `'`,
			change: "level = 'substantial'", key: "assessment_id = '" + d + "'", keyCol: "assessment_id"},
		{name: "amendment", victim: `SELECT min(rowid) FROM amendment`,
			change: "reason = 'forged'", key: "id = 'forged-' || id, revision = 9", keyCol: "id"},
		{name: "action_update",
			victim: `SELECT min(u.rowid) FROM action_update u JOIN action x ON x.id = u.action_id WHERE x.assessment_id = '` + a + `'`,
			draft:  `SELECT min(u.rowid) FROM action_update u JOIN action x ON x.id = u.action_id WHERE x.assessment_id = '` + d + `'`,
			change: "note = 'forged'", key: "id = 'forged-' || id", keyCol: "id"},
		{name: "audit_log", victim: `SELECT min(rowid) FROM audit_log`, draft: `SELECT max(rowid) FROM audit_log`,
			change: "new = 'forged'", key: "id = 'forged-' || id", keyCol: "id"},
		{name: "questionnaire", victim: `SELECT min(rowid) FROM questionnaire`,
			change: "title = 'forged'", key: "version = 'forged'", keyCol: "version"},
		{name: "assessment_seal", victim: `SELECT min(rowid) FROM assessment_seal`,
			change: "sha256 = printf('%064d', 0)", key: "assessment_id = '" + d + "'", keyCol: "assessment_id"},
	}
}

// bypassAttempts returns the SQL that tries to change or remove a protected
// row of tb: REPLACE in its forms (same key with a change, same key moved
// under the draft assessment, same rowid under a new key, an UPDATE OR
// REPLACE of a draft row onto it, an upsert), UPDATE and DELETE. Each
// attempt is a list of statements run in one transaction.
func bypassAttempts(tb testing.TB, db *sql.DB, p protectedTable, draftID string) map[string][]string {
	tb.Helper()
	var victim int64
	if err := db.QueryRow(p.victim).Scan(&victim); err != nil {
		tb.Fatalf("%s victim: %v", p.name, err)
	}
	copyRow := fmt.Sprintf(`CREATE TEMP TABLE x AS SELECT rowid AS rid, * FROM main.%s WHERE rowid = %d`, p.name, victim)
	cols := tableColumns(tb, db, p.name)
	list := strings.Join(cols, ", ")
	moveToDraft := ""
	// A response's and an assurance's key holds its assessment, so moving a
	// copy under the draft clashes with the draft's own row, not this one.
	if slices.Contains(cols, "assessment_id") && !slices.Contains([]string{"assessment_seal", "response", "assurance"}, p.name) {
		moveToDraft = "UPDATE temp.x SET assessment_id = '" + draftID + "'"
	}
	out := map[string][]string{
		"INSERT OR REPLACE, same key, changed": {copyRow, "UPDATE temp.x SET " + p.change,
			"INSERT OR REPLACE INTO main." + p.name + " (" + list + ") SELECT " + list + " FROM temp.x"},
		"REPLACE INTO, same key, changed": {copyRow, "UPDATE temp.x SET " + p.change,
			"REPLACE INTO main." + p.name + " (" + list + ") SELECT " + list + " FROM temp.x"},
		"INSERT OR REPLACE, same rowid, new key": {copyRow, "UPDATE temp.x SET " + p.key,
			"INSERT OR REPLACE INTO main." + p.name + " (rowid, " + list + ") SELECT rid, " + list + " FROM temp.x"},
		"UPDATE":       {fmt.Sprintf("UPDATE main.%s SET %s WHERE rowid = %d", p.name, p.change, victim)},
		"UPDATE rowid": {fmt.Sprintf("UPDATE main.%s SET rowid = rowid + 1000000 WHERE rowid = %d", p.name, victim)},
		"DELETE":       {fmt.Sprintf("DELETE FROM main.%s WHERE rowid = %d", p.name, victim)},
		"upsert": {copyRow, "INSERT INTO main." + p.name + " (" + list + ") SELECT " + list +
			" FROM temp.x WHERE true ON CONFLICT DO UPDATE SET " + p.change},
	}
	if moveToDraft != "" {
		out["INSERT OR REPLACE, same key, under a draft"] = []string{copyRow, moveToDraft,
			"INSERT OR REPLACE INTO main." + p.name + " (" + list + ") SELECT " + list + " FROM temp.x"}
	}
	if p.draft != "" {
		var draft int64
		if err := db.QueryRow(p.draft).Scan(&draft); err != nil {
			tb.Fatalf("%s draft row: %v", p.name, err)
		}
		set := fmt.Sprintf("%s = (SELECT %s FROM main.%s WHERE rowid = %d)", p.keyCol, p.keyCol, p.name, victim)
		if p.name == "assessment" {
			set = fmt.Sprintf("period = (SELECT period FROM main.assessment WHERE rowid = %d)", victim)
		}
		out["UPDATE OR REPLACE of another row onto it"] = []string{
			fmt.Sprintf("UPDATE OR REPLACE main.%s SET %s WHERE rowid = %d", p.name, set, draft)}
	}
	return out
}

// tableColumns returns a table's column names.
func tableColumns(tb testing.TB, db *sql.DB, table string) []string {
	tb.Helper()
	rows, err := db.Query(`SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			tb.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

// runAttempt runs the statements of one attempt in a transaction on one
// connection and rolls back whatever a refusal left; it returns the error
// that stopped it.
func runAttempt(db *sql.DB, stmts []string) error {
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	defer conn.ExecContext(ctx, "DROP TABLE IF EXISTS temp.x")
	if _, err := conn.ExecContext(ctx, "BEGIN"); err != nil {
		return err
	}
	for _, s := range stmts {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			conn.ExecContext(ctx, "ROLLBACK")
			return fmt.Errorf("%s: %w", s, err)
		}
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

func TestSQLBypassesOfTheLockAreRefused(t *testing.T) {
	ctx := context.Background()
	f := newSignedOff(t)
	before := must(f.s.LoadRecord(ctx, f.a.ID))
	var auditRows int
	f.s.db.QueryRow(`SELECT count(*) FROM audit_log`).Scan(&auditRows)
	connections := map[string]*sql.DB{
		// As the sqlite3 shell would be: no foreign keys, no recursive triggers.
		"plain connection": rawDB(t, f.path),
		// As the app's own connection is.
		"app connection": f.s.db,
	}
	refused := 0
	for cname, db := range connections {
		for _, p := range protectedTables(f.a.ID, f.draft.ID) {
			for name, stmts := range bypassAttempts(t, db, p, f.draft.ID) {
				if err := runAttempt(db, stmts); err == nil {
					t.Errorf("%s, %s on %s: succeeded; want refused", cname, name, p.name)
				} else if !strings.Contains(err.Error(), "read-only") && !strings.Contains(err.Error(), "signed-off") &&
					!strings.Contains(err.Error(), "append-only") && !strings.Contains(err.Error(), "permanent") &&
					!strings.Contains(err.Error(), "in use") && !strings.Contains(err.Error(), "cannot be changed") {
					t.Errorf("%s, %s on %s: %v; want refused by a trigger", cname, name, p.name, err)
				} else {
					refused++
				}
			}
		}
	}
	t.Logf("%d SQL bypass attempts refused", refused)
	if refused < 100 {
		t.Errorf("only %d attempts refused; the table should hold over 100", refused)
	}
	if after := must(f.s.LoadRecord(ctx, f.a.ID)); !recordsEqual(after, before) {
		t.Errorf("signed-off record changed by refused SQL")
	}
	var n int
	f.s.db.QueryRow(`SELECT count(*) FROM audit_log`).Scan(&n)
	if n != auditRows {
		t.Errorf("audit rows = %d after refused SQL; want %d", n, auditRows)
	}
	h, err := CheckFile(ctx, f.path)
	if err != nil || !h.Healthy() {
		t.Errorf("CheckFile after refused SQL = %+v, %v; want healthy", h.Problems, err)
	}
}

// dropTriggers drops every trigger in the database, as someone tampering
// with the file would first.
func dropTriggers(tb testing.TB, db *sql.DB) {
	tb.Helper()
	names, err := queryAll(context.Background(), db, func(r scanner) (string, error) {
		var n string
		return n, r.Scan(&n)
	}, `SELECT name FROM sqlite_schema WHERE type = 'trigger'`)
	if err != nil || len(names) == 0 {
		tb.Fatalf("triggers: %v, %v", names, err)
	}
	for _, n := range names {
		if _, err := db.Exec("DROP TRIGGER " + n); err != nil {
			tb.Fatal(err)
		}
	}
}

// rewriteAuditRow changes one audit row's new value and recomputes its own
// hash, as a careful forger would.
func rewriteAuditRow(tb testing.TB, db *sql.DB, rowid int64, newValue string) {
	tb.Helper()
	r, err := scanAuditRow(db.QueryRow(`SELECT `+auditColumns+` FROM audit_log WHERE rowid = ?`, rowid))
	if err != nil {
		tb.Fatal(err)
	}
	r.new = newValue
	r.hash = r.chainHash()
	if _, err := db.Exec(`UPDATE audit_log SET new = ?, hash = ? WHERE rowid = ?`, r.new, r.hash, rowid); err != nil {
		tb.Fatal(err)
	}
}

func TestCheckFileNamesEachKindOfTampering(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		tamper func(t *testing.T, f signedOff, db *sql.DB)
		want   []string
	}{
		{"audit row rewritten with its hash recomputed", func(t *testing.T, f signedOff, db *sql.DB) {
			rewriteAuditRow(t, db, 5, "Southshire")
		}, []string{"audit log row 6 ", "chain is broken"}},
		{"audit row rewritten", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `UPDATE audit_log SET actor = 'someone else' WHERE rowid = 7`)
		}, []string{"audit log row 7 ", "does not match its hash"}},
		{"audit row deleted", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `DELETE FROM audit_log WHERE rowid = 9`)
		}, []string{"audit log row 10 ", "chain is broken"}},
		{"response of a signed-off assessment changed", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `UPDATE response SET level = 5 WHERE assessment_id = ? AND question_id = 'culture.1'`, f.a.ID)
		}, []string{"(Northshire 2025/26): its content changed after it was signed off"}},
		{"vote of a signed-off assessment replaced", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `INSERT OR REPLACE INTO vote SELECT id, assessment_id, question_id, participant_id, 5, comment,
				round, created_at, updated_at FROM vote WHERE assessment_id = ? LIMIT 1`, f.a.ID)
		}, []string{"content changed after it was signed off"}},
		{"vote of a signed-off assessment moved to another round", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `UPDATE vote SET round = 2 WHERE id = (SELECT id FROM vote WHERE assessment_id = ? LIMIT 1)`, f.a.ID)
		}, []string{"content changed after it was signed off"}},
		{"participant of a signed-off assessment made facilitator", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `UPDATE participant SET facilitator = 1 - facilitator WHERE id = (SELECT id FROM participant WHERE assessment_id = ? LIMIT 1)`, f.a.ID)
		}, []string{"content changed after it was signed off"}},
		{"challenge of a signed-off assessment rewritten", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `UPDATE challenge SET text = 'No challenge.' WHERE assessment_id = ? AND kind = 'challenge'`, f.a.ID)
		}, []string{"(Northshire 2025/26): its content changed after it was signed off"}},
		{"challenge slipped into a signed-off assessment", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `INSERT INTO challenge SELECT 'late', assessment_id, question_id, 'reply', author, 'Satisfied.', at,
				created_at, updated_at FROM challenge WHERE assessment_id = ? LIMIT 1`, f.a.ID)
		}, []string{"(Northshire 2025/26): its content changed after it was signed off"}},
		{"theme judgement of a signed-off assessment changed", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `UPDATE theme_judgement SET level = 5 WHERE assessment_id = ?`, f.a.ID)
		}, []string{"(Northshire 2025/26): its content changed after it was signed off"}},
		{"assurance level of a signed-off assessment raised", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `UPDATE assurance SET level = 'substantial' WHERE assessment_id = ?`, f.a.ID)
		}, []string{"(Northshire 2025/26): its content changed after it was signed off"}},
		{"scrutiny statement of a signed-off assessment changed", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `UPDATE assurance SET statement = 'An exemplary self-assessment.' WHERE assessment_id = ?`, f.a.ID)
		}, []string{"(Northshire 2025/26): its content changed after it was signed off"}},
		{"not-assessed reason added to a signed-off assessment", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `UPDATE response SET not_assessed_reason = 'No data.' WHERE assessment_id = ? AND question_id = 'culture.1'`, f.a.ID)
		}, []string{"(Northshire 2025/26): its content changed after it was signed off"}},
		{"amendment removed", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `DELETE FROM amendment WHERE assessment_id = ?`, f.draft.ID)
		}, []string{"(Northshire 2026/27): revision 1 was signed off and sealed but no amendment of it is recorded"}},
		{"seal of an amended revision removed", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `DELETE FROM assessment_seal WHERE assessment_id = ?`, f.draft.ID)
		}, []string{"(Northshire 2026/27): revision 2 was amended but has no seal of its signed-off original (revision 1)"}},
		{"signed-off assessment turned back into a draft", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `UPDATE assessment SET status = 'draft' WHERE id = ?`, f.a.ID)
		}, []string{"was signed off and sealed but is now draft"}},
		{"seal removed", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `DELETE FROM assessment_seal`)
		}, []string{"signed off but has no seal"}},
		{"question set text changed", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `UPDATE questionnaire SET yaml = replace(yaml, 'partnership', 'partnerships')`)
		}, []string{"question set test-strategic@1.0", "its text does not match its SHA-256",
			"content changed after it was signed off"}},
		{"question set text changed with its SHA-256 recomputed", func(t *testing.T, f signedOff, db *sql.DB) {
			var text string
			db.QueryRow(`SELECT yaml FROM questionnaire`).Scan(&text)
			text = strings.Replace(text, "partnership", "partnerships", 1)
			execSQL(t, db, `UPDATE questionnaire SET yaml = ?, sha256 = ?`, text, textSHA256(text))
		}, []string{"content changed after it was signed off"}},
		{"agency deleted under a signed-off assessment", func(t *testing.T, f signedOff, db *sql.DB) {
			execSQL(t, db, `DELETE FROM agency WHERE id = ?`, f.p.Agencies[2].ID)
		}, []string{"refers to a agency that is not in the database"}},
	}
	// One signed-off database, copied for each kind of tampering.
	base := newSignedOff(t)
	base.s.Close()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := base
			f.path = filepath.Join(t.TempDir(), "maturity.db")
			copyFile(t, base.path, f.path)
			h, err := CheckFile(ctx, f.path)
			if err != nil || !h.Healthy() || h.Seals != 1 || h.QuestionSets != 1 || h.AuditRows < 100 {
				t.Fatalf("CheckFile before tampering = %+v, %v; want healthy, 1 seal, 1 question set, the audit rows", h, err)
			}
			db := rawDB(t, f.path)
			dropTriggers(t, db)
			tt.tamper(t, f, db)
			h, err = CheckFile(ctx, f.path)
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(h.Problems, "\n")
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("problems:\n%s\nwant one saying %q", all, w)
				}
			}
		})
	}
	t.Logf("%d kinds of tampering detected", len(tests))
}

// execSQL runs one statement or fails the test.
func execSQL(tb testing.TB, db *sql.DB, query string, args ...any) {
	tb.Helper()
	if _, err := db.Exec(query, args...); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
}

func TestTamperedQuestionSetIsRefusedOnLoad(t *testing.T) {
	ctx := context.Background()
	f := newSignedOff(t)
	db := rawDB(t, f.path)
	dropTriggers(t, db)
	execSQL(t, db, `UPDATE questionnaire SET yaml = replace(yaml, 'partnership', 'partnerships')`)
	s := openAt(t, f.path)
	if _, err := s.Questionnaire(ctx, f.q.ID, f.q.Version); !errors.Is(err, ErrTampered) {
		t.Errorf("Questionnaire after its text changed: %v; want ErrTampered", err)
	} else if !strings.Contains(err.Error(), f.q.ID) || !strings.Contains(err.Error(), "changed outside the app") {
		t.Errorf("message %q does not name the question set and say it was changed outside the app", err)
	}
	if _, err := s.Assessments(ctx, f.p.ID); !errors.Is(err, ErrTampered) {
		t.Errorf("Assessments after its question set changed: %v; want ErrTampered", err)
	}
}

func TestSignOffSealsAndTheChainHolds(t *testing.T) {
	ctx := context.Background()
	f := newSignedOff(t)
	sum := storedSeal(t, f.s, f.a.ID)
	if again, err := sealOf(ctx, f.s.db, f.a.ID, sealScheme); err != nil || again != sum {
		t.Errorf("seal recomputed = %s, %v; want the stored %s", again, err, sum)
	}
	rows := must(f.s.AuditLog(ctx, f.a.ID))
	if last := rows[len(rows)-1]; last.Field != "seal" || last.New != sum {
		t.Errorf("last audit row of the assessment = %+v; want the seal %s", last, sum)
	}
	var prev, hash string
	if err := f.s.db.QueryRow(`SELECT prev_hash, hash FROM audit_log ORDER BY rowid DESC LIMIT 1`).Scan(&prev, &hash); err != nil ||
		len(prev) != 64 || len(hash) != 64 || prev == hash {
		t.Errorf("newest audit row prev_hash %q hash %q (%v); want two different SHA-256s", prev, hash, err)
	}
}

func TestUpgradeSealsSignedOffAssessments(t *testing.T) {
	ctx := context.Background()
	f := newSignedOff(t)
	want, err := sealOf(ctx, f.s.db, f.a.ID, 1)
	if err != nil || want == storedSeal(t, f.s, f.a.ID) {
		t.Fatalf("scheme 1 seal %s (%v); want one that differs from the scheme 2 seal taken at sign-off", want, err)
	}
	db := rawDB(t, f.path)
	// As a database from before seals: no seal for the signed-off assessment.
	dropTriggers(t, db)
	execSQL(t, db, `DELETE FROM assessment_seal WHERE assessment_id = ?`, f.a.ID)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := sealSignedOff(ctx, tx); err != nil {
		t.Fatalf("sealSignedOff: %v", err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	var got string
	var n, scheme, revision int
	db.QueryRow(`SELECT sha256, scheme, revision, (SELECT count(*) FROM assessment_seal WHERE scheme = 1) FROM assessment_seal WHERE assessment_id = ?`,
		f.a.ID).Scan(&got, &scheme, &revision, &n)
	if got != want || n != 1 || scheme != 1 || revision != 1 {
		t.Errorf("upgrade sealed %d assessments, %s with %s by scheme %d at revision %d; want only the signed-off one, with %s by scheme 1",
			n, f.a.ID, got, scheme, revision, want)
	}
	// What scheme 1 does not cover, an assessment sealed by it cannot hold
	// (this one was scrutinised after 0005, so it holds some).
	execSQL(t, db, `UPDATE signoff SET signature = 'forged' WHERE assessment_id = ?`, f.a.ID)
	if p, _, err := sealProblems(ctx, db); err != nil || len(p) != 1 ||
		!strings.Contains(p[0], "it holds a challenge thread, a theme judgement, an assurance level or scrutiny statement, a signature, added after") {
		t.Errorf("scheme 1 seal of an assessment with scrutiny and a signature: %v, %v; want them reported", p, err)
	}
	// Checked by its own scheme, the upgrade's seal of an assessment from
	// before 0005 stands, and still shows a change.
	execSQL(t, db, `DELETE FROM challenge; DELETE FROM theme_judgement; DELETE FROM assurance; UPDATE signoff SET signature = ''`)
	if p, checked, err := sealProblems(ctx, db); err != nil || checked != 1 || len(p) != 0 {
		t.Errorf("scheme 1 seal checked: %v, %d checked, %v; want no problems, 1 checked", p, checked, err)
	}
	execSQL(t, db, `UPDATE response SET level = 5 WHERE assessment_id = ? AND question_id = 'culture.1'`, f.a.ID)
	if p, _, err := sealProblems(ctx, db); err != nil || len(p) != 1 || !strings.Contains(p[0], "content changed after it was signed off") {
		t.Errorf("scheme 1 seal after a change: %v, %v; want the change reported", p, err)
	}
}
