package hl7_test

import (
	"sync"

	hl7 "gokata.dev/katas/idioms-listener-options"
)

// The very first listeners of the process are built from several goroutines at
// once, while the test package is initialised: before any test, whatever order
// the tests run in. README: listeners may be built from several goroutines at
// once, so defaults set up on first use must be set up safely (or not lazily at
// all). A data race here is reported by the race detector.
var firstListenersBuiltConcurrently = func() bool {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range 8 {
		wg.Go(func() {
			<-start
			_, _ = hl7.NewListener(":2575")
		})
	}
	close(start)
	wg.Wait()
	return true
}()
