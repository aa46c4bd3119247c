package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// TestExportNeverReplacesTheDatabase aims every format at the database, its
// -wal and -shm and a backup, by several names: each exits 1 with a plain
// message, and the database still lists its assessments.
func TestExportNeverReplacesTheDatabase(t *testing.T) {
	db, id := demoDB(t)
	dir := filepath.Dir(db)
	want := mustCtl(t, "--db", db, "list")
	targets := []string{db, db + "-wal", db + "-shm", filepath.Join(dir, ".", "demo.db"), db + ".backup-v1-20260101T000000Z"}
	for _, format := range []string{"pdf", "xlsx", "csv", "json"} {
		for _, target := range targets {
			before := fileState(t, target)
			r := ctl(t, "--db", db, "export", "--format", format, "--assessment", id, "-o", target)
			if r.code != exitBad || !strings.Contains(r.stderr, "never replaces a database file") {
				t.Errorf("export %s -o %s: exit %d, %q; want 1 and a refusal", format, target, r.code, r.stderr)
			}
			if !bytes.Equal(before, fileState(t, target)) && !strings.HasSuffix(target, "-shm") && !strings.HasSuffix(target, "-wal") {
				t.Errorf("export %s -o %s changed the file", format, target)
			}
		}
	}
	if got := mustCtl(t, "--db", db, "list"); got != want {
		t.Errorf("after the refused exports the database lists\n%s\nwant\n%s", got, want)
	}
}

// TestListEscapesControlCharacters puts escape sequences, a bell, a
// right-to-left override and C1 controls into a name behind the store's
// back: list prints them escaped, never raw.
func TestListEscapesControlCharacters(t *testing.T) {
	db, _ := demoDB(t)
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	hostile := "Evil\x1b[2J\x1b]0;title\a \u202Etxt.exe\u202C \u009b31m\r"
	if _, err := conn.Exec(`UPDATE partnership SET name = ?, area = ?`, hostile, "Area\x1b[31m"); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	out := mustCtl(t, "--db", db, "list")
	if strings.ContainsAny(out, "\x1b\a\u202e\u202c\u009b\r") {
		t.Errorf("list printed a raw control character: %q", out)
	}
	for _, want := range []string{`Evil\x1b[2J\x1b]0;title\a \u202etxt.exe\u202c \x9b31m\r`, `Area\x1b[31m`} {
		if !strings.Contains(out, want) {
			t.Errorf("list printed %q, want it to contain %q", out, want)
		}
	}
}

// TestImportRefusesControlCharacters imports a bundle whose partnership is
// named with an ANSI escape: refused, exit 1, the message escaped, nothing
// written.
func TestImportRefusesControlCharacters(t *testing.T) {
	db, id := demoDB(t)
	bundle := filepath.Join(t.TempDir(), "b.json")
	mustCtl(t, "--db", db, "export", "--format", "json", "--assessment", id, "-o", bundle)
	other := filepath.Join(t.TempDir(), "other.db")
	data := fileState(t, bundle)
	data = bytes.Replace(data, []byte(`"name": "Northshire Safeguarding Children Partnership"`), []byte(`"name": "North\u001b[31mshire\u0007"`), 1)
	if err := os.WriteFile(bundle, data, 0o600); err != nil {
		t.Fatal(err)
	}
	r := ctl(t, "--db", other, "import", bundle)
	if r.code != exitBad || !strings.Contains(r.stderr, `the partnership's name has an escape character (U+001B)`) {
		t.Errorf("import: exit %d, %q", r.code, r.stderr)
	}
	if strings.ContainsAny(r.stderr, "\x1b\a") {
		t.Errorf("the message holds a raw control character: %q", r.stderr)
	}
}

// TestEscaperHoldsSplitCharacters writes a character and a CRLF split
// across writes: they come out whole, and a lone carriage return escaped.
func TestEscaperHoldsSplitCharacters(t *testing.T) {
	var buf bytes.Buffer
	e := &escaper{w: &buf}
	for _, chunk := range []string{"Ł\xc3", "\xb3d\r", "\nx\r", "y\x1b", "\xe2\x80", "\xae"} {
		e.Write([]byte(chunk))
	}
	e.Flush()
	if got, want := buf.String(), "Łód\r\nx\\ry\\x1b\\u202e"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestImportRefusesHugeFileUnread: a 1 GiB file (sparse, so it costs no
// disk) is refused by its size before a byte of it is read.
func TestImportRefusesHugeFileUnread(t *testing.T) {
	for _, name := range []string{"huge.json", "huge.yaml"} {
		path := filepath.Join(t.TempDir(), name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(1 << 30); err != nil {
			t.Fatal(err)
		}
		f.Close()
		for _, cmd := range []string{"import", "check"} {
			r := ctl(t, "--db", filepath.Join(t.TempDir(), "x.db"), cmd, path)
			if r.code != exitBad || !strings.Contains(r.stderr, "the file is larger than") {
				t.Errorf("%s %s: exit %d, %q", cmd, name, r.code, r.stderr)
			}
		}
	}
}
