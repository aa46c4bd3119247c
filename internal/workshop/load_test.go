package workshop

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// loadResult is what one simulated workshop measured.
type loadResult struct {
	votes     int
	latencies []time.Duration
	peakHeap  uint64
	elapsed   time.Duration
}

// p99 returns the 99th percentile vote latency.
func (l loadResult) p99() time.Duration {
	s := slices.Clone(l.latencies)
	slices.Sort(s)
	return s[(len(s)*99+99)/100-1]
}

// runLoad simulates n participants joining over loopback and each voting
// once on each of the first questions, while the facilitator moves on as
// soon as everyone has voted. Phones poll the state every 500 ms (the page
// polls every second) and think for up to 1.5 s before voting: a room
// voting faster than people can read the question. It fails tb when a vote is refused, lost
// or duplicated.
func runLoad(tb testing.TB, n, questions int) loadResult {
	tb.Helper()
	limit := Rate{Burst: 1000, PerSecond: 1000}
	r := newRoom(tb, Options{JoinLimit: limit, RequestLimit: limit})
	srv, err := Listen(r.w, "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer srv.Close(context.Background())
	url := srv.JoinURL()
	transport := &http.Transport{MaxIdleConnsPerHost: n + 1}
	defer transport.CloseIdleConnections()
	clients := make([]*http.Client, n)
	for i := range clients {
		jar, _ := cookiejar.New(nil)
		clients[i] = &http.Client{Jar: jar, Transport: transport, Timeout: 10 * time.Second}
		body := fmt.Sprintf(`{"pin":%q,"name":"Participant %d","agency":%q}`, r.w.PIN(), i+1, r.p.Agencies[i%len(r.p.Agencies)].ID)
		res, err := clients[i].Post(url+"api/join", "application/json", strings.NewReader(body))
		if err != nil || res.StatusCode != 200 {
			tb.Fatalf("join %d: %v %v", i, res, err)
		}
		res.Body.Close()
	}
	var mu sync.Mutex
	var res loadResult
	stop, sampled := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			res.peakHeap = max(res.peakHeap, m.HeapInuse)
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- phoneLoop(c, url, questions, func(d time.Duration) {
				mu.Lock()
				res.latencies = append(res.latencies, d)
				mu.Unlock()
			}, rand.New(rand.NewPCG(uint64(i), 7)))
		}()
	}
	for q := range questions {
		deadline := time.Now().Add(30 * time.Second)
		for s := r.w.Snapshot(); s.Voted < n; s = r.w.Snapshot() {
			if time.Now().After(deadline) {
				tb.Fatalf("question %d: only %d of %d voted in 30 s", q+1, s.Voted, n)
			}
			time.Sleep(10 * time.Millisecond)
		}
		if !r.w.Snapshot().Revealed {
			tb.Errorf("question %d: everyone voted but it was not revealed", q+1)
		}
		if q < questions-1 {
			r.w.Next()
		}
	}
	r.w.End()
	wg.Wait()
	close(stop)
	<-sampled
	res.elapsed = time.Since(start)
	close(errs)
	for err := range errs {
		if err != nil {
			tb.Error(err)
		}
	}
	rec, err := r.st.LoadRecord(context.Background(), r.a.ID)
	if err != nil {
		tb.Fatal(err)
	}
	seen := map[string]bool{}
	for _, v := range rec.Votes {
		key := v.ParticipantID + "/" + v.QuestionID
		if seen[key] || v.Round != 1 {
			tb.Errorf("vote %s duplicated or in round %d", key, v.Round)
		}
		seen[key] = true
	}
	res.votes = len(rec.Votes)
	if res.votes != n*questions || len(res.latencies) != n*questions {
		tb.Errorf("%d votes in the database and %d answered; want %d of each", res.votes, len(res.latencies), n*questions)
	}
	return res
}

// phoneLoop is one simulated phone: it polls the state and votes once on
// each new question, reporting each vote's latency.
func phoneLoop(c *http.Client, url string, questions int, took func(time.Duration), rnd *rand.Rand) error {
	voted := map[string]bool{}
	for len(voted) < questions {
		res, err := c.Get(url + "api/state")
		if err != nil {
			return err
		}
		var st RoomState
		err = json.NewDecoder(res.Body).Decode(&st)
		res.Body.Close()
		if err != nil || res.StatusCode != 200 {
			return fmt.Errorf("state: %d %v", res.StatusCode, err)
		}
		if st.Status == statusEnded {
			return fmt.Errorf("the workshop ended after %d of %d votes", len(voted), questions)
		}
		if voted[st.Question.ID] || st.Revealed {
			time.Sleep(500 * time.Millisecond)
			continue
		}
		time.Sleep(time.Duration(rnd.IntN(1500)) * time.Millisecond)
		body := fmt.Sprintf(`{"question":%q,"level":%d,"comment":"load"}`, st.Question.ID, 1+rnd.IntN(5))
		t0 := time.Now()
		res, err = c.Post(url+"api/vote", "application/json", strings.NewReader(body))
		if err != nil {
			return err
		}
		res.Body.Close()
		took(time.Since(t0))
		if res.StatusCode != 200 {
			return fmt.Errorf("vote on %s: %d", st.Question.ID, res.StatusCode)
		}
		voted[st.Question.ID] = true
	}
	return nil
}

func TestLoadShort(t *testing.T) {
	if testing.Short() {
		t.Skip("load test skipped with -short")
	}
	res := runLoad(t, 60, 3)
	t.Logf("60 participants × 3 questions: %d votes, p99 %v, peak heap %.1f MB, %v", res.votes, res.p99(), float64(res.peakHeap)/(1<<20), res.elapsed)
}

// BenchmarkWorkshopLoad runs the whole workshop: 60 participants voting
// on all 18 questions over loopback. Target: p99 vote latency ≤ 50 ms.
func BenchmarkWorkshopLoad(b *testing.B) {
	for b.Loop() {
		res := runLoad(b, 60, 18)
		b.ReportMetric(float64(res.p99().Microseconds())/1000, "p99-ms")
		b.ReportMetric(float64(res.peakHeap)/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(res.votes), "votes")
		if res.p99() > 50*time.Millisecond {
			b.Errorf("p99 vote latency %v; target 50 ms", res.p99())
		}
	}
}
