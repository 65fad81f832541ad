package imagecount_test

import (
	"runtime"
	"testing"

	imagecount "gokata.dev/katas/atomics-image-counter"
)

func TestLoadSeesEveryCountAtOnce(t *testing.T) {
	var c imagecount.Counter

	for i := range 1000 {
		c.Inc()
		if got := c.Load(); got != int64(i+1) {
			t.Fatalf("after %d Inc calls, Load() = %d; want %d. Inc had returned, so its image must be counted: "+
				"increments handed to another goroutine through a channel are applied later, and reading the "+
				"total without synchronisation is a data race.", i+1, got, i+1)
		}
	}
}

func TestConcurrentIncrementsAreAllCounted(t *testing.T) {
	var c imagecount.Counter

	incConcurrently(&c, 50, 200)

	if got := c.Load(); got != 10_000 {
		t.Fatalf("50 workers counted 200 images each; Load() = %d, want 10000", got)
	}
}

func TestACounterStartsNoGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	counters := make([]imagecount.Counter, 200) // one per scanner model and site

	for i := range counters {
		counters[i].Inc()
	}

	if grew := runtime.NumGoroutine() - before; grew >= 100 {
		t.Fatalf("200 counters added %d goroutines that never exit; want none. A counter is one number: "+
			"sync/atomic's Int64 does the job with no goroutine and no channel.", grew)
	}
}
