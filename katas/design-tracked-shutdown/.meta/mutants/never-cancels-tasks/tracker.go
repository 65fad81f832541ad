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
	ctx    context.Context // given to every task; cancelled when Shutdown starts
	cancel context.CancelFunc

	// mu makes "not closed yet, so count this task" one step: otherwise a Go
	// could pass the check, Shutdown could close and start waiting, and only
	// then the task would be counted, after Wait has already looked.
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

// NewTracker returns a Tracker ready to run tasks.
func NewTracker() *Tracker {
	ctx, cancel := context.WithCancel(context.Background())
	return &Tracker{ctx: ctx, cancel: cancel}
}

// Go runs task in a new goroutine. The ctx it gets is cancelled when Shutdown
// starts; tasks watch it to stop early. Once Shutdown has started, Go runs
// nothing and returns ErrClosed.
func (t *Tracker) Go(task func(ctx context.Context)) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return ErrClosed
	}
	// Add before the goroutine exists, so Wait can never miss it.
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		task(t.ctx)
	}()
	return nil
}

// Shutdown stops accepting tasks, cancels the ctx of the running ones, and
// waits until every task that Go accepted has returned; then it returns nil.
// If ctx ends first, Shutdown returns ctx.Err() without waiting any longer
// (the tasks keep running). It may be called more than once; each call waits
// in the same way.
func (t *Tracker) Shutdown(ctx context.Context) error {
	t.mu.Lock()
	t.closed = true
	t.mu.Unlock()

	// WaitGroup.Wait cannot be abandoned, so it runs in a goroutine that
	// closes done; Shutdown waits for whichever comes first. If the deadline
	// wins, that goroutine ends when the last task does.
	done := make(chan struct{})
	go func() {
		t.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
