// Mutant (blind: written from the README and starter only).
// Flaw: Shutdown's work is wrapped in a sync.Once, so a second call returns nil at once without waiting for the
// tasks that are still running (e.g. after the first call hit its deadline).
// Violates: "Shutdown may be called again, and waits in the same way."

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
	once   sync.Once
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

// Shutdown stops accepting tasks, cancels the ctx of the running ones, and
// waits until every task that Go accepted has returned, or until ctx ends.
func (t *Tracker) Shutdown(ctx context.Context) error {
	var err error
	t.once.Do(func() {
		t.mu.Lock()
		t.closed = true
		t.mu.Unlock()
		t.cancel()

		done := make(chan struct{})
		go func() {
			t.wg.Wait()
			close(done)
		}()
		select {
		case <-done:
		case <-ctx.Done():
			err = ctx.Err()
		}
	})
	return err
}
