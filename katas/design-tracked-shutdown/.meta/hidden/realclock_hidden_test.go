package bgtasks_test

// The behaviours of the bubble tests, checked once more outside any synctest
// bubble, with the real clock and short real durations, so that code cannot
// behave well only under fake time. Lower bounds are exact (a timer never
// fires early); upper bounds leave more than a second of slack, so a loaded
// machine does not make them flaky.

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	bgtasks "gokata.dev/katas/design-tracked-shutdown"
)

const slack = 1500 * time.Millisecond

func TestHiddenRealClockShutdownCancelsAndWaits(t *testing.T) {
	tr := bgtasks.NewTracker()
	var finished atomic.Int32
	saw := make(chan error, 4)
	for i := range 4 {
		if err := tr.Go(func(ctx context.Context) {
			select {
			case <-ctx.Done(): // a check that stops when asked, then flushes for a moment
				saw <- ctx.Err()
				time.Sleep(time.Duration(10+10*i) * time.Millisecond)
			case <-time.After(3 * time.Second):
				saw <- nil
			}
			finished.Add(1)
		}); err != nil {
			t.Fatalf("Go: %v", err)
		}
	}
	time.Sleep(20 * time.Millisecond)
	start := time.Now()

	err := tr.Shutdown(context.Background())

	d := time.Since(start)
	if err != nil || finished.Load() != 4 || d < 40*time.Millisecond || d > 40*time.Millisecond+slack {
		t.Fatalf("Shutdown (real clock) with 4 tasks that stop when their ctx is cancelled and then flush for up "+
			"to 40ms returned %v after %v with %d of 4 finished; want nil after about 40ms, all finished",
			err, d, finished.Load())
	}
	for range 4 {
		if e := <-saw; !errors.Is(e, context.Canceled) {
			t.Fatalf("a task's ctx ended with %v (real clock); want context.Canceled when Shutdown started", e)
		}
	}
	var ran atomic.Bool
	if err := tr.Go(func(ctx context.Context) { ran.Store(true) }); !errors.Is(err, bgtasks.ErrClosed) {
		t.Fatalf("Go after Shutdown (real clock) = %v; want ErrClosed", err)
	}
	time.Sleep(20 * time.Millisecond)
	if ran.Load() {
		t.Fatalf("a task submitted after Shutdown ran (real clock); want nothing started")
	}
}

func TestHiddenRealClockDeadlineThenSecondShutdown(t *testing.T) {
	tr := bgtasks.NewTracker()
	release := make(chan struct{})
	var once sync.Once
	finish := func() { once.Do(func() { close(release) }) }
	defer finish()
	var finished atomic.Bool
	if err := tr.Go(func(ctx context.Context) {
		select { // an export that ignores ctx
		case <-release:
		case <-time.After(3 * time.Second):
		}
		finished.Store(true)
	}); err != nil {
		t.Fatalf("Go: %v", err)
	}

	start := time.Now() // before the deadline is set: measured after it, the wait can read 39.2ms
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Millisecond)
	defer cancel()
	err := tr.Shutdown(ctx)
	if d := time.Since(start); !errors.Is(err, context.DeadlineExceeded) || d < 40*time.Millisecond ||
		d > 40*time.Millisecond+slack {
		t.Fatalf("Shutdown (real clock) with a 40ms deadline and a task that ignores ctx returned %v after %v; "+
			"want context.DeadlineExceeded after 40ms", err, d)
	}

	time.AfterFunc(30*time.Millisecond, finish)
	start = time.Now()
	err = tr.Shutdown(context.Background())
	if d := time.Since(start); err != nil || !finished.Load() || d > slack {
		t.Fatalf("a second Shutdown (real clock) returned %v after %v (task finished: %t); want nil once the task "+
			"finished, about 30ms later", err, d, finished.Load())
	}
}

func TestHiddenRealClockShutdownWithNoTasks(t *testing.T) {
	tr := bgtasks.NewTracker()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	if err := tr.Shutdown(ctx); err != nil || time.Since(start) > slack {
		t.Fatalf("Shutdown (real clock) of a tracker that never ran a task returned %v after %v; want nil at once",
			err, time.Since(start))
	}
}

func TestHiddenRealClockGoRacingShutdown(t *testing.T) {
	// Monitors keep submitting checks while the service shuts down. Whatever
	// the interleaving, a task that Go accepted is one Shutdown waits for, so
	// none of them may start after Shutdown has returned nil.
	const rounds, submitters = 100, 4
	for round := range rounds {
		tr := bgtasks.NewTracker()
		var shutdownReturned atomic.Bool
		var accepted, late atomic.Int32
		var tasks sync.WaitGroup // the test's own count: every accepted task, until it has run
		var subs sync.WaitGroup
		goPanics := make(chan any, submitters)
		warmedUp := make(chan struct{})
		var warm sync.Once
		for range submitters {
			subs.Go(func() {
				defer func() {
					if p := recover(); p != nil {
						goPanics <- p
					}
				}()
				for !shutdownReturned.Load() {
					tasks.Add(1)
					err := tr.Go(func(ctx context.Context) {
						defer tasks.Done()
						if shutdownReturned.Load() {
							late.Add(1)
						}
					})
					if err != nil {
						tasks.Done()
						if !errors.Is(err, bgtasks.ErrClosed) {
							t.Errorf("Go while Shutdown runs returned %v; want nil or ErrClosed", err)
						}
						return
					}
					if accepted.Add(1) == 2*submitters {
						warm.Do(func() { close(warmedUp) })
					}
				}
			})
		}
		select {
		case <-warmedUp:
		case <-time.After(5 * time.Second):
			t.Fatalf("round %d: Go accepted only %d tasks in 5s (real clock); want tasks to start at once",
				round, accepted.Load())
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err := tr.Shutdown(ctx)
		cancel()
		shutdownReturned.Store(true)
		if err != nil {
			t.Fatalf("round %d: Shutdown with tasks that return at once returned %v; want nil", round, err)
		}

		allDone := make(chan struct{})
		go func() {
			subs.Wait()
			tasks.Wait()
			close(allDone)
		}()
		select {
		case <-allDone:
		case <-time.After(5 * time.Second):
			t.Fatalf("round %d: 5s after Shutdown had returned, a call to Go had not returned or a task it "+
				"accepted had not run; want Go to return ErrClosed once Shutdown has started, and every task "+
				"it accepted to run", round)
		}
		select {
		case p := <-goPanics:
			t.Fatalf("round %d: Go, called while Shutdown was running, panicked: %v. The check of \"closed\" "+
				"and the counting of the task (wg.Add) must be one step under one lock, so that no task is "+
				"counted after Shutdown has started waiting.", round, p)
		default:
		}
		if n := late.Load(); n > 0 {
			t.Fatalf("round %d: %d task(s) that Go accepted (returned nil) while Shutdown was running started "+
				"only after Shutdown had returned nil; want none: once Shutdown has started, Go starts nothing, "+
				"and Shutdown waits until every task Go accepted has returned. Checking \"closed\" and counting "+
				"the task (wg.Add) must be one step under one lock, or a task can be accepted after Shutdown "+
				"started waiting.", round, n)
		}
	}
}
