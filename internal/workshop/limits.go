package workshop

import (
	"sync"
	"time"
)

// Rate is a token bucket's size and how fast it refills.
type Rate struct {
	// Burst is how many requests may come at once.
	Burst int
	// PerSecond is how many requests a second are allowed over time.
	PerSecond float64
}

// The default limits: a phone polling once a second and voting now and
// then stays well inside RequestLimit; JoinLimit slows guessing a PIN.
var (
	DefaultRequestLimit = Rate{Burst: 10, PerSecond: 5}
	DefaultJoinLimit    = Rate{Burst: 5, PerSecond: 0.5}
)

// orDefault returns r, or def when r is unset.
func (r Rate) orDefault(def Rate) Rate {
	if r.Burst <= 0 || r.PerSecond <= 0 {
		return def
	}
	return r
}

// maxBuckets bounds the memory the limiter may use; beyond it, the
// longest-idle buckets are dropped.
const maxBuckets = 4096

// limiter is a token bucket per key.
type limiter struct {
	rate    Rate
	mu      sync.Mutex
	buckets map[string]*bucket
}

// bucket is one key's tokens at one time.
type bucket struct {
	tokens float64
	at     time.Time
}

// newLimiter returns a limiter allowing rate per key.
func newLimiter(rate Rate) *limiter {
	return &limiter{rate: rate, buckets: map[string]*bucket{}}
}

// allow takes a token from key's bucket, reporting false when it is empty.
func (l *limiter) allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) >= maxBuckets {
			l.forgetIdle(now)
		}
		b = &bucket{tokens: float64(l.rate.Burst), at: now}
		l.buckets[key] = b
	}
	b.tokens = min(float64(l.rate.Burst), b.tokens+now.Sub(b.at).Seconds()*l.rate.PerSecond)
	b.at = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// forgetIdle drops buckets that have refilled completely; the caller
// holds the lock.
func (l *limiter) forgetIdle(now time.Time) {
	full := time.Duration(float64(l.rate.Burst) / l.rate.PerSecond * float64(time.Second))
	for k, b := range l.buckets {
		if now.Sub(b.at) >= full {
			delete(l.buckets, k)
		}
	}
}
