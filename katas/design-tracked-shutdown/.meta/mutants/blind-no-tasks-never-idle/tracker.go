// Mutant (blind: written from the README and starter only).
// Flaw: "all tasks done" is signalled by the last task to finish after shutdown started, so when no task is
// running (or none was ever started) nothing ever signals and Shutdown waits until its ctx ends.
// Violates: "Shutdown(ctx) cancels the tasks' ctx and waits until every task Go accepted has returned, then returns nil"

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
	mu      sync.Mutex
	closed  bool
	running int
	idle    chan struct{} // closed by the last task to finish once shutting down
	ctx     context.Context
	cancel  context.CancelFunc
}

// NewTracker returns a Tracker ready to run tasks.
func NewTracker() *Tracker {
	ctx, cancel := context.WithCancel(context.Background())
	return &Tracker{ctx: ctx, cancel: cancel, idle: make(chan struct{})}
}

// Go runs task in a new goroutine. The ctx it gets is cancelled when Shutdown
// starts. Once Shutdown has started, Go runs nothing and returns ErrClosed.
func (t *Tracker) Go(task func(ctx context.Context)) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return ErrClosed
	}
	t.running++
	go func() {
		defer t.finished()
		task(t.ctx)
	}()
	return nil
}

func (t *Tracker) finished() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.running--
	if t.running == 0 && t.closed {
		close(t.idle)
	}
}

// Shutdown stops accepting tasks, cancels the ctx of the running ones, and
// waits until every task that Go accepted has returned, or until ctx ends.
func (t *Tracker) Shutdown(ctx context.Context) error {
	t.mu.Lock()
	t.closed = true
	t.mu.Unlock()
	t.cancel()

	select {
	case <-t.idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
