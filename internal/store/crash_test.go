package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
)

// The crash test's writer is this test binary run again with these
// variables set: the database to write to and the assessment to edit.
const (
	crashDBEnv         = "MATURITY_CRASH_WRITER_DB"
	crashAssessmentEnv = "MATURITY_CRASH_WRITER_ASSESSMENT"
	// crashTrialsEnv sets how many trials TestCrashConsistency runs; make
	// reliability sets 200.
	crashTrialsEnv = "MATURITY_CRASH_TRIALS"
)

// TestCrashWriter is the writer process of TestCrashConsistency, and does
// nothing in a normal test run. It edits the assessment the way the app
// does, one transaction per edit, for ever, alternating an answer's
// evidence ("edit N") with a new action ("action N"), and prints "saved N"
// once each edit is committed.
func TestCrashWriter(t *testing.T) {
	path := os.Getenv(crashDBEnv)
	if path == "" {
		t.Skip("only run as TestCrashConsistency's writer")
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Println("open failed:", err)
		os.Exit(3)
	}
	id := os.Getenv(crashAssessmentEnv)
	for n := 1; ; n++ {
		if n%2 == 1 {
			_, err = s.SaveResponse(ctx, assessment.Response{AssessmentID: id, QuestionID: questionIDs[n%len(questionIDs)],
				Level: 1 + n%5, Evidence: fmt.Sprintf("edit %d", n)})
		} else {
			_, err = s.SaveAction(ctx, assessment.Action{AssessmentID: id, ThemeID: "culture", Title: fmt.Sprintf("action %d", n)})
		}
		if err != nil {
			fmt.Println("save failed:", err)
			os.Exit(3)
		}
		fmt.Printf("saved %d\n", n)
	}
}

func TestCrashConsistency(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	trials := 5
	if v := os.Getenv(crashTrialsEnv); v != "" {
		var err error
		if trials, err = strconv.Atoi(v); err != nil {
			t.Fatalf("%s=%q: %v", crashTrialsEnv, v, err)
		}
	}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 8))
	edits := 0
	for trial := 0; trial < trials; trial++ {
		edits += crashTrial(t, trial, time.Duration(rng.IntN(250))*time.Millisecond)
		if t.Failed() {
			break
		}
	}
	t.Logf("%d crash trials: the writer killed with SIGKILL at random points after 0 to 250 ms of edits; "+
		"all %d edits it reported saved were there, and every check passed", trials, edits)
}

// crashTrial starts the writer on a new database, kills it with SIGKILL
// after wait, and checks that every edit it reported is there and that the
// database is healthy. It returns how many edits were reported.
func crashTrial(t *testing.T, trial int, wait time.Duration) int {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "maturity.db")
	f := newFixtureAt(t, path)
	f.s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashDBEnv+"="+path, crashAssessmentEnv+"="+f.a.ID)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	kill := func() { cmd.Process.Signal(syscall.SIGKILL) }
	// Should the writer stop printing, it is killed anyway.
	stuck := time.AfterFunc(30*time.Second, kill)
	defer stuck.Stop()
	var saved []int
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		n, ok := strings.CutPrefix(line, "saved ")
		if !ok {
			t.Errorf("trial %d: writer: %s", trial, line)
			continue
		}
		v, _ := strconv.Atoi(n)
		if saved = append(saved, v); len(saved) == 1 {
			time.AfterFunc(wait, kill)
		}
	}
	cmd.Wait()
	if st, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !st.Signaled() || st.Signal() != syscall.SIGKILL {
		t.Errorf("trial %d: writer ended with %v; want killed by SIGKILL", trial, cmd.ProcessState)
	}

	s := openAt(t, path)
	if c := s.OtherCopy(); c != nil {
		t.Errorf("trial %d: the killed writer left its lock: %+v", trial, c)
	}
	rec := must(s.LoadRecord(ctx, f.a.ID))
	actions := map[string]bool{}
	for _, x := range rec.Actions {
		actions[x.Title] = true
	}
	evidence := map[string]int{}
	for _, r := range rec.Responses {
		evidence[r.QuestionID], _ = strconv.Atoi(strings.TrimPrefix(r.Evidence, "edit "))
	}
	for _, n := range saved {
		if n%2 == 0 && !actions[fmt.Sprintf("action %d", n)] {
			t.Errorf("trial %d: action %d was reported saved but is missing", trial, n)
		}
		if q := questionIDs[n%len(questionIDs)]; n%2 == 1 && evidence[q] < n {
			t.Errorf("trial %d: edit %d of %s was reported saved, but the answer holds edit %d", trial, n, q, evidence[q])
		}
	}
	s.Close()
	if h, err := CheckFile(ctx, path); err != nil || !h.Healthy() {
		t.Errorf("trial %d: after the kill, CheckFile = %v, %v; want healthy", trial, h.Problems, err)
	}
	return len(saved)
}
