package imagecount_test

import (
	"runtime"
	"sync"
	"testing"

	imagecount "gokata.dev/katas/atomics-image-counter"
)

func TestHiddenResetLosesAndDoublesNothing(t *testing.T) {
	for round := range 20 {
		var c imagecount.Counter
		const workers, each = 4, 10_000
		var exported int64
		stop := make(chan struct{})
		exporterDone := make(chan struct{})
		go func() {
			defer close(exporterDone)
			for i := 0; ; i++ {
				if i%64 == 0 {
					select {
					case <-stop:
						return
					default:
					}
				}
				exported += c.Reset() // the once-a-minute metrics export, sped up
			}
		}()

		incConcurrently(&c, workers, each)
		close(stop)
		<-exporterDone
		exported += c.Reset()

		if exported != workers*each {
			t.Fatalf("round %d: %d images counted, but the exports add up to %d. Reset must read and zero the "+
				"count in one atomic step (Swap): between a Load and a Store(0), other workers' increments "+
				"are wiped out.", round, workers*each, exported)
		}
	}
}

func TestHiddenReadsDuringIncrements(t *testing.T) {
	var c imagecount.Counter
	var wg sync.WaitGroup
	wg.Go(func() { incConcurrently(&c, 8, 2000) })
	wg.Go(func() {
		last := int64(0)
		for range 4000 {
			v := c.Load()
			if v < last {
				t.Errorf("Load() went from %d back to %d while only Inc was being called", last, v)
				return
			}
			last = v
		}
	})
	wg.Wait()

	if got := c.Load(); got != 16_000 {
		t.Fatalf("Load() = %d after 16000 increments; want 16000", got)
	}
}

func TestHiddenAddAndNegativeCorrections(t *testing.T) {
	var c imagecount.Counter
	var wg sync.WaitGroup
	for w := range 10 {
		wg.Go(func() {
			for i := range 500 {
				if (w+i)%5 == 0 {
					c.Add(-1) // a duplicate upload, removed again
				} else {
					c.Add(3) // a 3-slice series
				}
			}
		})
	}
	wg.Wait()

	if got, want := c.Load(), int64(10*500/5*(-1)+10*500*4/5*3); got != want {
		t.Fatalf("Load() = %d; want %d", got, want)
	}
	if got := c.Reset(); got != 11000 || c.Load() != 0 {
		t.Fatalf("Reset() = %d, then Load() = %d; want 11000 and 0", got, c.Load())
	}
}

func TestHiddenManyCountersNoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	counters := make([]*imagecount.Counter, 500)
	for i := range counters {
		counters[i] = new(imagecount.Counter)
		counters[i].Add(2)
		counters[i].Load()
		counters[i].Reset()
	}
	if grew := runtime.NumGoroutine() - before; grew > 20 {
		t.Fatalf("500 counters left %d extra goroutines running; want none", grew)
	}
	for i, c := range counters {
		if c.Load() != 0 {
			t.Fatalf("counter %d: Load() = %d after Reset; want 0", i, c.Load())
		}
	}
}

func TestHiddenZeroCounter(t *testing.T) {
	var c imagecount.Counter
	if c.Load() != 0 || c.Reset() != 0 {
		t.Fatalf("a new Counter is not zero")
	}
	c.Inc()
	if got := c.Reset(); got != 1 {
		t.Fatalf("Reset() after one Inc = %d; want 1", got)
	}
}
