// Mutant (blind: written from the README and starter only).
// Flaw: Go checks the closed flag under the lock, releases it, and only later (after some more locking)
// calls wg.Add: a Go racing with Shutdown is counted after Shutdown has started waiting, or after it has
// returned.
// Violates: "once Shutdown has started, Go starts nothing and returns ErrClosed" / "waits until every task Go accepted has returned"

// Package bgtasks keeps track of the background jobs of the trial monitoring
// service.
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
	done   chan struct{}
}

// NewTracker returns a Tracker ready to run tasks.
func NewTracker() *Tracker {
	ctx, cancel := context.WithCancel(context.Background())
	return &Tracker{ctx: ctx, cancel: cancel, done: make(chan struct{})}
}

// Go runs task in a new goroutine.
func (t *Tracker) Go(task func(ctx context.Context)) error {
	if t.isClosed() {
		return ErrClosed
	}
	// register the task (read the closed flag and Add are two separate steps)
	for range 100 {
		t.mu.Lock()
		t.mu.Unlock()
	}
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		task(t.ctx)
	}()
	return nil
}

// Shutdown stops accepting tasks, cancels the ctx of the running ones, and
// waits until every task that Go accepted has returned.
func (t *Tracker) Shutdown(ctx context.Context) error {
	t.mu.Lock()
	if !t.closed {
		t.closed = true
		t.cancel()
		go func() {
			t.wg.Wait()
			close(t.done)
		}()
	}
	t.mu.Unlock()
	select {
	case <-t.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (t *Tracker) isClosed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.closed
}
