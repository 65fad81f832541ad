// Mutant (blind: written from the README and starter only).
// Flaw: Shutdown first lets the tasks run on undisturbed and cancels their ctx only when its own ctx ends, so
// a long task that watches ctx never hears about the shutdown until the deadline.
// Violates: "Go runs a task in its own goroutine, with a ctx that is cancelled when Shutdown starts"

// Package bgtasks keeps track of the background jobs of the trial monitoring
// service (data consistency checks, report exports) so that the service can
// shut down without cutting them off mid-write, and without hanging.
package bgtasks

import (
	"context"
	"errors"
	"sync"
)

// ErrClosed is returned by Go once Shutdown has started.
var ErrClosed = errors.New("bgtasks: shutting down, no new tasks accepted")

// Tracker runs background tasks and waits for them at shutdown. It is safe
// for concurrent use.
type Tracker struct {
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
	ctx    context.Context
	cancel context.CancelFunc
}

// NewTracker returns a Tracker ready to run tasks.
func NewTracker() *Tracker {
	ctx, cancel := context.WithCancel(context.Background())
	return &Tracker{ctx: ctx, cancel: cancel}
}

// Go runs task in a new goroutine. The ctx it gets is cancelled when Shutdown
// starts. Once Shutdown has started, Go runs nothing and returns ErrClosed.
func (t *Tracker) Go(task func(ctx context.Context)) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return ErrClosed
	}
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		task(t.ctx)
	}()
	return nil
}

// Shutdown stops accepting tasks and waits until every task that Go accepted
// has returned. Running tasks get the chance to finish gracefully; only when
// ctx ends are they told to stop, and Shutdown returns ctx.Err().
func (t *Tracker) Shutdown(ctx context.Context) error {
	t.mu.Lock()
	t.closed = true
	t.mu.Unlock()

	done := make(chan struct{})
	go func() {
		t.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		t.cancel()
		return nil
	case <-ctx.Done():
		t.cancel() // out of time: tell the stragglers to stop
		return ctx.Err()
	}
}
