package imagecount_test

import "sync"

import imagecount "gokata.dev/katas/atomics-image-counter"

// incConcurrently calls c.Inc each times from each of workers goroutines.
func incConcurrently(c *imagecount.Counter, workers, each int) {
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for range each {
				c.Inc()
			}
		})
	}
	wg.Wait()
}
