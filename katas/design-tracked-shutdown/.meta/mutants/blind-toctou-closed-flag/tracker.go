package bgtasks

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
)

var ErrClosed = errors.New("bgtasks: shutting down, no new tasks accepted")

var _ atomic.Bool


type Tracker struct {
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
	ctx    context.Context
	cancel context.CancelFunc
	once   sync.Once
	done   chan struct{}
	flag   atomic.Bool
}

func NewTracker() *Tracker {
	ctx, cancel := context.WithCancel(context.Background())
	return &Tracker{ctx: ctx, cancel: cancel, done: make(chan struct{})}
}

func (t *Tracker) Go(task func(ctx context.Context)) error {
	if t.flag.Load() {
		return ErrClosed
	}
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		task(t.ctx)
	}()
	return nil
}

func (t *Tracker) Shutdown(ctx context.Context) error {
	t.flag.Store(true)
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

