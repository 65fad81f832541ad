package gateway_test

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	gateway "gokata.dev/katas/once-retry-init"
)

var errEngineDown = errors.New("HL7 engine unreachable")

// fakeEngine fails the first `failures` connects, then succeeds. It records how
// many connects ran and the most that ran at the same time.
type fakeEngine struct {
	failures    int32
	calls       atomic.Int32
	inFlight    atomic.Int32
	maxInFlight atomic.Int32
}

func (e *fakeEngine) connect() (*gateway.Conn, error) {
	n := e.calls.Add(1)
	cur := e.inFlight.Add(1)
	for {
		m := e.maxInFlight.Load()
		if cur <= m || e.maxInFlight.CompareAndSwap(m, cur) {
			break
		}
	}
	for range 50 {
		runtime.Gosched() // the TLS handshake and the login take a while
	}
	e.inFlight.Add(-1)
	if n <= e.failures {
		return nil, errEngineDown
	}
	return &gateway.Conn{Endpoint: "mllp://hl7.hospital.example:2575", SessionID: int(n)}, nil
}

type result struct {
	conn *gateway.Conn
	err  error
}

// getConcurrently calls gw.Get from n goroutines released at the same moment.
func getConcurrently(t *testing.T, gw *gateway.Gateway, n int) []result {
	t.Helper()
	got := make([]result, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			c, err := gw.Get()
			got[i] = result{c, err}
		})
	}
	close(start)
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	within(t, done, fmt.Sprintf("%d concurrent calls to Get", n))
	return got
}

// receive returns the next result from ch, failing the test if none arrives
// within a generous bound.
func receive(t *testing.T, ch <-chan result, what string) result {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(5 * time.Second):
		t.Fatalf("%s never returned: Get is stuck (deadlocked?)\n%s", what, goroutines())
		return result{}
	}
}

// within fails the test, with a dump of the goroutines, unless done is closed
// within a generous bound. It is a guard against deadlocks, not a timer the
// test relies on: correct code finishes in milliseconds.
func within(t *testing.T, done <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("%s did not finish within 5s: Get is stuck (deadlocked?)\n%s", what, goroutines())
	}
}

func goroutines() string {
	buf := make([]byte, 1<<16)
	return string(buf[:runtime.Stack(buf, true)])
}
