package bgtasks_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	bgtasks "gokata.dev/katas/design-tracked-shutdown"
)

func TestShutdownWaitsForRunningTasks(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		tr := bgtasks.NewTracker()
		var finished atomic.Bool
		err := tr.Go(func(ctx context.Context) {
			time.Sleep(3 * time.Second) // writing the last page of an export
			finished.Store(true)
		})
		if err != nil {
			t.Fatalf("Go: %v", err)
		}
		start := time.Now()

		err = tr.Shutdown(context.Background())

		if err != nil {
			t.Fatalf("Shutdown = %v; want nil: the task finished well within any deadline", err)
		}
		if !finished.Load() {
			t.Fatalf("Shutdown returned after %v while the task (3s) was still running: the export is cut off "+
				"mid-write. A WaitGroup counter incremented inside the goroutine may still be zero when Wait "+
				"looks at it: Add before the go statement.", time.Since(start))
		}
	})
}

func TestShutdownGivesUpAtTheDeadline(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		tr := bgtasks.NewTracker()
		if err := tr.Go(func(ctx context.Context) {
			time.Sleep(time.Hour) // a consistency check that ignores ctx
		}); err != nil {
			t.Fatalf("Go: %v", err)
		}
		time.Sleep(time.Second) // the task is well under way
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		start := time.Now()

		err := tr.Shutdown(ctx)

		if d := time.Since(start); d != 5*time.Second || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("with a 5s shutdown deadline and a task that ignores ctx for an hour, Shutdown returned %v "+
				"after %v; want context.DeadlineExceeded after exactly 5s. The orchestrator kills a service that "+
				"does not stop in time: wait for the tasks or the deadline, whichever comes first.", err, d)
		}
		time.Sleep(time.Hour) // let the task finish before the test ends
	})
}
