package bgtasks_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	bgtasks "gokata.dev/katas/design-tracked-shutdown"
)

func TestHiddenShutdownCancelsTheTasksContext(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		tr := bgtasks.NewTracker()
		saw := make(chan error, 3)
		for range 3 {
			if err := tr.Go(func(ctx context.Context) {
				select {
				case <-ctx.Done(): // a check that stops when asked
					saw <- ctx.Err()
				case <-time.After(24 * time.Hour):
					saw <- nil
				}
			}); err != nil {
				t.Fatalf("Go: %v", err)
			}
		}
		time.Sleep(time.Minute)
		start := time.Now()

		err := tr.Shutdown(context.Background())

		if d := time.Since(start); err != nil || d != 0 {
			t.Fatalf("Shutdown with 3 tasks that stop when their ctx is cancelled returned %v after %v; want nil "+
				"at once. Shutdown must cancel the ctx it gave the tasks (context.WithCancel in NewTracker, "+
				"cancel in Shutdown); tasks cannot know about a shutdown otherwise.", err, d)
		}
		for range 3 {
			if e := <-saw; !errors.Is(e, context.Canceled) {
				t.Fatalf("a task's ctx ended with %v; want context.Canceled", e)
			}
		}
	})
}

func TestHiddenGoAfterShutdownIsRefused(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		tr := bgtasks.NewTracker()
		if err := tr.Shutdown(context.Background()); err != nil {
			t.Fatalf("Shutdown with no tasks = %v; want nil", err)
		}
		var ran atomic.Bool

		err := tr.Go(func(ctx context.Context) { ran.Store(true) })

		synctest.Wait()
		if !errors.Is(err, bgtasks.ErrClosed) || ran.Load() {
			t.Fatalf("Go after Shutdown returned %v and the task ran: %t; want ErrClosed and nothing run. A task "+
				"started after Shutdown returned is never waited for and is killed with the process.", err, ran.Load())
		}
	})
}

func TestHiddenEveryAcceptedTaskIsWaitedFor(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		tr := bgtasks.NewTracker()
		var accepted, refused, finished atomic.Int32
		var submitters sync.WaitGroup
		for i := range 40 {
			submitters.Go(func() {
				// Monitors start a check every second, also while the service shuts down.
				for j := range 5 {
					err := tr.Go(func(ctx context.Context) {
						<-ctx.Done()
						time.Sleep(time.Duration(1+(i+j)%3) * time.Second) // flushing its results
						finished.Add(1)
					})
					switch {
					case err == nil:
						accepted.Add(1)
					case errors.Is(err, bgtasks.ErrClosed):
						refused.Add(1)
					default:
						t.Errorf("Go returned %v; want nil or ErrClosed", err)
					}
					time.Sleep(time.Second)
				}
			})
		}

		time.Sleep(2 * time.Second) // the same instant as the third round of checks
		err := tr.Shutdown(context.Background())

		if err != nil {
			t.Fatalf("Shutdown = %v; want nil", err)
		}
		if a, f := accepted.Load(), finished.Load(); f != a || a < 80 {
			t.Fatalf("Shutdown returned when %d of the %d tasks that Go accepted had finished; want all (and at "+
				"least the 80 started before Shutdown). Checking \"closed\" and counting the task (wg.Add) must be "+
				"one step under one lock, or a task can be accepted after Shutdown started waiting.", f, a)
		}
		submitters.Wait()
		if r := refused.Load(); r < 80 {
			t.Fatalf("only %d of the 80 tasks submitted after Shutdown were refused; want every one of them", r)
		}
		time.Sleep(time.Minute)
	})
}

func TestHiddenShutdownTwice(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		tr := bgtasks.NewTracker()
		var finished atomic.Bool
		if err := tr.Go(func(ctx context.Context) {
			time.Sleep(10 * time.Second) // ignores ctx
			finished.Store(true)
		}); err != nil {
			t.Fatalf("Go: %v", err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if err := tr.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("first Shutdown with a 2s deadline = %v; want context.DeadlineExceeded", err)
		}
		start := time.Now()

		err := tr.Shutdown(context.Background())

		if err != nil || !finished.Load() || time.Since(start) != 8*time.Second {
			t.Fatalf("second Shutdown returned %v after %v (task finished: %t); want nil after 8s, when the task "+
				"finished", err, time.Since(start), finished.Load())
		}
	})
}

func TestHiddenTasksRunConcurrently(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		tr := bgtasks.NewTracker()
		for range 4 {
			if err := tr.Go(func(ctx context.Context) { time.Sleep(2 * time.Second) }); err != nil {
				t.Fatalf("Go: %v", err)
			}
		}
		start := time.Now()
		if err := tr.Shutdown(context.Background()); err != nil || time.Since(start) != 2*time.Second {
			t.Fatalf("Shutdown with 4 concurrent 2s tasks = %v after %v; want nil after 2s", err, time.Since(start))
		}
	})
}

func TestHiddenShutdownWithNoTasks(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		tr := bgtasks.NewTracker()
		if err := tr.Shutdown(ctx); err != nil && !errors.Is(err, context.Canceled) {
			t.Fatalf("Shutdown(already cancelled ctx) with no tasks = %v; want nil or context.Canceled", err)
		}
		if err := tr.Shutdown(context.Background()); err != nil {
			t.Fatalf("Shutdown with no tasks = %v; want nil", err)
		}
	})
}

func TestHiddenShutdownWithExpiredCtxStillStopsEverything(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		tr := bgtasks.NewTracker()
		saw := make(chan error, 1)
		if err := tr.Go(func(ctx context.Context) {
			select {
			case <-ctx.Done(): // a check that stops when asked
				saw <- ctx.Err()
			case <-time.After(time.Hour):
				saw <- nil
			}
		}); err != nil {
			t.Fatalf("Go: %v", err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // the orchestrator's budget is already spent

		err := tr.Shutdown(ctx)

		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Shutdown(already cancelled ctx) with a running task = %v; want context.Canceled", err)
		}
		var ran atomic.Bool
		if err := tr.Go(func(ctx context.Context) { ran.Store(true) }); !errors.Is(err, bgtasks.ErrClosed) {
			t.Fatalf("Go after Shutdown(already cancelled ctx) = %v; want ErrClosed. README: once Shutdown has "+
				"started, Go starts nothing and returns ErrClosed, even when Shutdown's ctx has already ended.", err)
		}
		if e := <-saw; !errors.Is(e, context.Canceled) {
			t.Fatalf("after Shutdown(already cancelled ctx), the running task's ctx ended with %v; want "+
				"context.Canceled. README: Shutdown cancels the tasks' ctx; only the waiting is cut short when "+
				"its own ctx has ended.", e)
		}
		synctest.Wait()
		if ran.Load() {
			t.Fatalf("a task passed to Go after Shutdown started ran; want nothing started")
		}
	})
}

func TestHiddenTaskAcceptedOnAnotherGoroutineIsOrderedBeforeShutdown(t *testing.T) {
	// A monitor's request handler submits a check on its own goroutine; a
	// second later the service shuts down. The test passes nothing between
	// the two goroutines (the fake clock orders them), so the only thing that
	// orders Go's "not closed yet, count the task" before Shutdown's wait is
	// the Tracker's own synchronisation. Without it (an unlocked or atomic
	// closed flag read, then wg.Add), a Go racing Shutdown can be accepted
	// after Shutdown started waiting; the race detector reports that here as
	// a race between WaitGroup.Add and WaitGroup.Wait, on every run.
	inBubble(t, func(t *testing.T) {
		tr := bgtasks.NewTracker()
		var finished atomic.Bool
		submitted := make(chan error, 1) // read only after Shutdown: no ordering before it
		go func() {
			submitted <- tr.Go(func(ctx context.Context) {
				time.Sleep(3 * time.Second) // an export that ignores ctx
				finished.Store(true)
			})
		}()
		time.Sleep(time.Second)
		start := time.Now()

		err := tr.Shutdown(context.Background())

		if e := <-submitted; e != nil {
			t.Fatalf("Go, called a second before Shutdown, returned %v; want nil", e)
		}
		if err != nil || !finished.Load() || time.Since(start) != 2*time.Second {
			t.Fatalf("Shutdown returned %v after %v (task finished: %t); want nil after 2s, when the task that Go "+
				"accepted a second before Shutdown finished", err, time.Since(start), finished.Load())
		}
	})
}
