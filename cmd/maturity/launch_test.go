package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkLaunch times, under X, how long each program takes from launch
// until its window is on screen: a bare Fyne window holding one label, the
// app on the demo database and the app on a national one. Each iteration
// starts all three in turn, so a busy moment on the machine falls on all
// alike; the medians are reported, and the app's as a ratio of the bare
// window's (target: at most 1.1 for both). scripts/launchtime builds the
// programs and databases, sets MATURITY_LAUNCH_BIN (the folder holding
// maturity and barewindow), MATURITY_LAUNCH_DEMO and MATURITY_LAUNCH_NATIONAL,
// and runs it under Xvfb; without them it is skipped.
func BenchmarkLaunch(b *testing.B) {
	bin, demo, national := os.Getenv("MATURITY_LAUNCH_BIN"), os.Getenv("MATURITY_LAUNCH_DEMO"), os.Getenv("MATURITY_LAUNCH_NATIONAL")
	if bin == "" || demo == "" || national == "" || os.Getenv("DISPLAY") == "" {
		b.Skip("run scripts/launchtime: it needs X, the built programs and the two databases")
	}
	programs := []struct {
		name string
		args []string
	}{
		{"bare", []string{filepath.Join(bin, "barewindow")}},
		{"demo", []string{filepath.Join(bin, "maturity"), "--db", demo}},
		{"national", []string{filepath.Join(bin, "maturity"), "--db", national}},
	}
	times := make([][]time.Duration, len(programs))
	for b.Loop() {
		for i, p := range programs {
			d, err := shown(p.args)
			if err != nil {
				b.Fatalf("%s: %v", p.name, err)
			}
			times[i] = append(times[i], d)
		}
	}
	bare := median(times[0])
	for i, p := range programs {
		m := median(times[i])
		b.ReportMetric(float64(m.Milliseconds()), p.name+"-ms")
		if i > 0 {
			b.ReportMetric(float64(m)/float64(bare), p.name+"-ratio")
		}
	}
}

// windowTitle is the title both programs give their window.
const windowTitle = "Partnership Maturity"

// shown starts the program and waits until its window is mapped, polling
// every 10 ms; Xvfb now and then refuses a connection, so a program that
// exits before its window shows is started again, up to three times.
func shown(args []string) (time.Duration, error) {
	for range 3 {
		start := time.Now()
		cmd := exec.Command(args[0], args[1:]...)
		if err := cmd.Start(); err != nil {
			return 0, err
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		d, ok := waitForWindow(start, exited)
		if ok {
			_ = cmd.Process.Kill()
			<-exited
			return d, nil
		}
	}
	return 0, errors.New("exited three times before its window showed")
}

// waitForWindow polls for the window until it shows (true, with the time
// since start) or the program exits first (false).
func waitForWindow(start time.Time, exited <-chan error) (time.Duration, bool) {
	for {
		if exec.Command("xdotool", "search", "--onlyvisible", "--name", windowTitle).Run() == nil {
			return time.Since(start), true
		}
		select {
		case <-exited:
			return 0, false
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// median is the middle of the times (the upper middle of an even count).
func median(ds []time.Duration) time.Duration {
	s := slices.Sorted(slices.Values(ds))
	return s[len(s)/2]
}
