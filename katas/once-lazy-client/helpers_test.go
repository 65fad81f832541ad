package patientdb

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// countingBuilder returns a build function that counts its calls and takes a
// little while, like a real pool that dials connections.
func countingBuilder(builds *atomic.Int32, dsn string) func() *Client {
	return func() *Client {
		builds.Add(1)
		c := &Client{DSN: dsn}
		for range 20 {
			runtime.Gosched() // the handshakes
		}
		c.PoolSize = 20
		return c
	}
}

// getConcurrently calls reg.Get from n goroutines released at the same moment
// and returns what each of them got.
func getConcurrently(reg *Registry, n int) []*Client {
	got := make([]*Client, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			got[i] = reg.Get()
		})
	}
	close(start)
	wg.Wait()
	return got
}
