package imagecount_test

import (
	"math"
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

func TestHiddenTotalsBeyond32Bits(t *testing.T) {
	var c imagecount.Counter
	c.Add(1 << 32) // a whole archive back-filled in one call
	if got := c.Load(); got != 1<<32 {
		t.Fatalf("after Add(4294967296), Load() = %d; want 4294967296. The count is an int64: every value Add "+
			"takes must be counted in full, not cut down to 32 bits.", got)
	}
	c.Add(3_000_000_000)
	c.Inc()
	if got, want := c.Load(), int64(1<<32+3_000_000_001); got != want {
		t.Fatalf("after Add(4294967296), Add(3000000000) and Inc(), Load() = %d; want %d", got, want)
	}
	if got, want := c.Reset(), int64(1<<32+3_000_000_001); got != want || c.Load() != 0 {
		t.Fatalf("Reset() = %d, then Load() = %d; want %d and 0", got, c.Load(), want)
	}

	// Many ordinary additions whose sum passes 2^31 (2147483648).
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 1000 {
				c.Add(300_000)
			}
		})
	}
	wg.Wait()
	if got, want := c.Load(), int64(8*1000*300_000); got != want {
		t.Fatalf("8 workers each added 300000 a thousand times; Load() = %d, want %d: a total past 2^31 must "+
			"not wrap around", got, want)
	}
}

func TestHiddenCorrectionsAfterAnExport(t *testing.T) {
	var c imagecount.Counter
	c.Add(12)
	exported := c.Reset()
	c.Add(-3) // three duplicate uploads from the last minute, found after its export
	if got := c.Load(); got != -3 {
		t.Fatalf("after an export, Add(-3) gives Load() = %d; want -3. A correction may take the count "+
			"below zero, so that the exports still add up to the images processed.", got)
	}
	c.Add(7)
	exported += c.Reset()
	if exported != 12-3+7 {
		t.Fatalf("12 images, 3 corrections and 7 more images were exported as %d in total; want %d",
			exported, 12-3+7)
	}
	c.Add(-(1 << 33))
	if got := c.Reset(); got != -(1 << 33) {
		t.Fatalf("Add(-8589934592) then Reset() = %d; want -8589934592", got)
	}
}

func TestHiddenExactOverTheWholeInt64Range(t *testing.T) {
	var c imagecount.Counter
	c.Add(1 << 53) // 9007199254740992: past this, a float64 can no longer hold every whole number
	c.Inc()
	if got, want := c.Load(), int64(1<<53+1); got != want {
		t.Fatalf("after Add(9007199254740992) and Inc(), Load() = %d; want %d. The count is an exact int64: "+
			"every single image counts, however large the total already is.", got, want)
	}
	c.Add(math.MaxInt64 - (1<<53 + 1) - 3)
	for range 3 {
		c.Inc()
	}
	if got := c.Load(); got != math.MaxInt64 {
		t.Fatalf("counting up to math.MaxInt64 gave Load() = %d; want %d: the count must be exact over the "+
			"whole int64 range", got, int64(math.MaxInt64))
	}
	if got := c.Reset(); got != math.MaxInt64 || c.Load() != 0 {
		t.Fatalf("Reset() = %d, then Load() = %d; want %d and 0", got, c.Load(), int64(math.MaxInt64))
	}

	c.Add(math.MinInt64 + 2)
	c.Add(-1)
	if got, want := c.Load(), int64(math.MinInt64+1); got != want {
		t.Fatalf("Add(%d) then Add(-1) gave Load() = %d; want %d", int64(math.MinInt64+2), got, want)
	}
	c.Add(-1)
	if got := c.Reset(); got != math.MinInt64 {
		t.Fatalf("counting down to math.MinInt64 gave Reset() = %d; want %d", got, int64(math.MinInt64))
	}
}
