package patientdb_test

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	patientdb "gokata.dev/katas/once-lazy-client"
)

// countingBuilder returns a build function that counts its calls and takes a
// little while, like a real pool that dials connections.
func countingBuilder(builds *atomic.Int32, dsn string) func() *patientdb.Client {
	return func() *patientdb.Client {
		builds.Add(1)
		c := &patientdb.Client{DSN: dsn}
		for range 20 {
			runtime.Gosched() // the handshakes
		}
		c.PoolSize = 20
		return c
	}
}

// getConcurrently calls reg.Get from n goroutines released at the same moment
// and returns what each of them got.
func getConcurrently(t *testing.T, reg *patientdb.Registry, n int) []*patientdb.Client {
	t.Helper()
	got := make([]*patientdb.Client, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			got[i] = reg.Get()
		})
	}
	close(start)
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		// A guard against deadlocks, not a timer the test relies on: correct code takes milliseconds.
		buf := make([]byte, 1<<16)
		t.Fatalf("%s did not return within 5s: Get is stuck (deadlocked?)\n%s",
			fmt.Sprintf("%d concurrent calls to Get", n), buf[:runtime.Stack(buf, true)])
	}
	return got
}
