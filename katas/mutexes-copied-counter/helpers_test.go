package eprostats_test

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"gokata.dev/katas/mutexes-copied-counter"
)

// submitConcurrently records, from workers goroutines, each submissions
// submissions at the given sites (round robin); every third is rejected.
func submitConcurrently(b *eprostats.Board, sites []string, workers, each int) eprostats.Counts {
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				b.Site(sites[(w+i)%len(sites)]).Add((w+i)%3 != 0)
			}
		})
	}
	wg.Wait()
	var want eprostats.Counts
	for w := range workers {
		for i := range each {
			if (w+i)%3 != 0 {
				want.Accepted++
			} else {
				want.Rejected++
			}
		}
	}
	return want
}

func siteIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("SITE-%03d", i+1)
	}
	return ids
}

// waitUntilBlockedIn waits (up to a second) until a goroutine whose stack
// mentions fn is blocked on a mutex.
func waitUntilBlockedIn(fn string) {
	deadline := time.Now().Add(time.Second)
	for time.Now().Before(deadline) {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		for _, g := range strings.Split(string(buf), "\n\n") {
			if strings.Contains(g, "[sync.Mutex.Lock") && strings.Contains(g, fn) {
				return
			}
		}
		time.Sleep(time.Millisecond)
	}
}
