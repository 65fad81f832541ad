package armlookup_test

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	armlookup "gokata.dev/katas/goroutines-replica-lookup"
)

// fake is a scripted replica that records how it was called.
type fake struct {
	name      string
	after     time.Duration        // how long the lookup takes
	answer    armlookup.Assignment // returned with err after `after`
	err       error
	ignoreCtx bool  // keeps working for `after` whatever its ctx says
	abortErr  error // returned when its ctx ends first (nil: ctx.Err())

	mu       sync.Mutex
	start    time.Time
	calls    int
	subjects []string
	startAt  []time.Duration // since start, per call
	endedAt  time.Duration   // when it saw its ctx end (-1: never)
	endedErr error           // its ctx's Err then
	ctx      context.Context
}

// replica returns the fake as a Replica; times are measured from start.
func (f *fake) replica(start time.Time) armlookup.Replica {
	f.start, f.endedAt = start, -1
	return func(ctx context.Context, subjectID string) (armlookup.Assignment, error) {
		f.mu.Lock()
		f.calls++
		f.subjects = append(f.subjects, subjectID)
		f.startAt = append(f.startAt, time.Since(f.start))
		f.ctx = ctx
		f.mu.Unlock()
		seen := func() {
			f.mu.Lock()
			if f.endedAt < 0 {
				f.endedAt, f.endedErr = time.Since(f.start), ctx.Err()
			}
			f.mu.Unlock()
		}
		if f.ignoreCtx {
			context.AfterFunc(ctx, seen) // only notes when its ctx ends
			time.Sleep(f.after)
			return f.answer, f.err
		}
		select {
		case <-time.After(f.after):
			return f.answer, f.err
		case <-ctx.Done():
			seen()
			if f.abortErr != nil {
				return armlookup.Assignment{}, f.abortErr
			}
			return armlookup.Assignment{}, ctx.Err()
		}
	}
}

// ctxEnded reports when the fake saw its ctx end, and with which error.
func (f *fake) ctxEnded() (time.Duration, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.endedAt, f.endedErr
}

// replicas turns fakes into counted replicas, in order.
func replicas(c *calls, start time.Time, fakes ...*fake) []armlookup.Replica {
	rs := make([]armlookup.Replica, len(fakes))
	for i, f := range fakes {
		rs[i] = c.wrap(f.replica(start))
	}
	return rs
}

// goroutineID returns the header of the calling goroutine's stack, "goroutine N".
func goroutineID() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	id, _, _ := strings.Cut(string(buf), " [")
	return id
}

// onOwnGoroutine wraps r so that it records the goroutine each call runs on.
func onOwnGoroutine(r armlookup.Replica, mu *sync.Mutex, ids *[]string) armlookup.Replica {
	return func(ctx context.Context, subjectID string) (armlookup.Assignment, error) {
		mu.Lock()
		*ids = append(*ids, goroutineID())
		mu.Unlock()
		return r(ctx, subjectID)
	}
}

// sameCtx reports whether a and b are the same ctx value. A ctx type that
// cannot be compared (a struct holding a func, say) panics on ==; such a pair
// is given the benefit of the doubt.
func sameCtx(a, b context.Context) (same bool) {
	defer func() {
		if recover() != nil {
			same = true
		}
	}()
	return a == b
}

// expectOneCtx fails the test unless every replica call recorded by c got
// the very same ctx (rule 3), and there were want calls.
func (c *calls) expectOneCtx(t *testing.T, want int, when string) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.ctxs) != want {
		t.Fatalf("%s, %d replica call(s) were made; want %d", when, len(c.ctxs), want)
	}
	for i, ctx := range c.ctxs[1:] {
		if !sameCtx(ctx, c.ctxs[0]) {
			t.Fatalf("%s, replica calls 1 and %d got different ctx values; want every replica to "+
				"get the same ctx (rule 3): derive one ctx for the replicas from Lookup's ctx and pass that one "+
				"to each, not a ctx of its own per replica", when, i+2)
		}
	}
}
