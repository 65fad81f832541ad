package imagecount

import "sync"

// incConcurrently calls c.Inc each times from each of workers goroutines.
func incConcurrently(c *Counter, workers, each int) {
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
