package progress_test

import (
	"context"
	"errors"
	"testing"
	"time"

	progress "gokata.dev/katas/context-downstream-timeout"
)

func TestHiddenServiceThatIgnoresTheContext(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		c := enrolledCount(t.Context(), ignoresContext(10*time.Second, 42), 500*time.Millisecond)

		if c.elapsed != 500*time.Millisecond {
			t.Fatalf("the legacy client ignores ctx and answers after 10s; EnrolledCount took %v, want 500ms. "+
				"Cancellation is cooperative: a deadline on ctx stops only code that watches ctx.Done(), so "+
				"the waiting itself has to stop at the deadline.", c.elapsed)
		}
		if !errors.Is(c.err, context.DeadlineExceeded) {
			t.Fatalf("EnrolledCount returned %d, %v; want an error wrapping context.DeadlineExceeded", c.n, c.err)
		}
	})
}

func TestHiddenManyTimeoutsLeakNothing(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		for range 50 {
			c := enrolledCount(t.Context(), ignoresContext(time.Minute, 42), 200*time.Millisecond)
			if !errors.Is(c.err, context.DeadlineExceeded) || c.elapsed != 200*time.Millisecond {
				t.Fatalf("EnrolledCount = %d, %v after %v; want context.DeadlineExceeded after 200ms", c.n, c.err, c.elapsed)
			}
		}
		// inBubble fails the test if any goroutine is still blocked once the late answers have arrived.
	})
}

func TestHiddenCallerCancels(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		go func() {
			time.Sleep(200 * time.Millisecond) // the user closes the dashboard
			cancel()
		}()

		c := enrolledCount(ctx, answersAfter(10*time.Second, 42), 500*time.Millisecond)

		if c.elapsed != 200*time.Millisecond {
			t.Fatalf("the caller cancelled after 200ms; EnrolledCount took %v, want 200ms. Derive the timeout "+
				"context from the caller's ctx, so that the caller's cancellation still reaches the service.",
				c.elapsed)
		}
		if !errors.Is(c.err, context.Canceled) || errors.Is(c.err, context.DeadlineExceeded) {
			t.Fatalf("EnrolledCount returned %v; want an error wrapping context.Canceled (the caller gave up; "+
				"nothing timed out)", c.err)
		}
	})
}

func TestHiddenCallerDeadlineIsShorter(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
		defer cancel()

		c := enrolledCount(ctx, ignoresContext(10*time.Second, 42), 500*time.Millisecond)

		if c.elapsed != 100*time.Millisecond || !errors.Is(c.err, context.DeadlineExceeded) {
			t.Fatalf("the caller's own deadline was 100ms, the timeout 500ms; EnrolledCount returned %v after %v, "+
				"want context.DeadlineExceeded after 100ms: the earlier deadline wins", c.err, c.elapsed)
		}
	})
}

func TestHiddenServiceContextEndsWithTheCall(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var seen context.Context
		svc := func(ctx context.Context, projectID string) (int, error) {
			seen = ctx
			return 42, nil
		}

		start := time.Now()
		n, err := progress.EnrolledCount(t.Context(), svc, "TRIAL-042", 500*time.Millisecond)
		if err != nil || n != 42 {
			t.Fatalf("EnrolledCount = %d, %v; want 42, nil", n, err)
		}
		if seen == nil {
			t.Fatalf("the service was never called")
		}
		if dl, ok := seen.Deadline(); !ok || dl.After(start.Add(500*time.Millisecond)) {
			t.Fatalf("the service's context has deadline %v (set: %t); want one at most 500ms after the call "+
				"started (%v)", dl, ok, start.Add(500*time.Millisecond))
		}
		if seen.Err() == nil {
			t.Fatalf("the context handed to the service is still alive after EnrolledCount returned; want it " +
				"cancelled. Its timer and its place in the parent's list of children are held until the " +
				"deadline, and anything the service started on it keeps running. Always call cancel.")
		}
	})
}

func TestHiddenServiceErrorIsWrapped(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		c := enrolledCount(t.Context(), failsAfter(100*time.Millisecond, errSiteOffline), 500*time.Millisecond)

		if !errors.Is(c.err, errSiteOffline) || c.elapsed != 100*time.Millisecond {
			t.Fatalf("EnrolledCount returned %v after %v; want an error wrapping %q after 100ms", c.err, c.elapsed,
				errSiteOffline)
		}
	})
}

func TestHiddenCallerCancelsWhileTheLegacyClientHangs(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(150*time.Millisecond, cancel) // the user closes the dashboard

		c := enrolledCount(ctx, ignoresContext(10*time.Second, 42), 500*time.Millisecond)

		if c.elapsed != 150*time.Millisecond || !errors.Is(c.err, context.Canceled) ||
			errors.Is(c.err, context.DeadlineExceeded) {
			t.Fatalf("the caller cancelled after 150ms while the legacy client (which ignores ctx) was still "+
				"working; EnrolledCount returned %d, %v after %v; want context.Canceled after 150ms. The wait "+
				"itself must end when the caller's ctx does, not only when the service notices it.",
				c.n, c.err, c.elapsed)
		}
	})
}

func TestHiddenServiceContextEndsOnEveryReturn(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var seen context.Context
		var gotID string
		svc := func(ctx context.Context, projectID string) (int, error) {
			seen, gotID = ctx, projectID
			time.Sleep(50 * time.Millisecond)
			return 0, errSiteOffline
		}

		_, err := progress.EnrolledCount(t.Context(), svc, "TRIAL-107", 500*time.Millisecond)

		if !errors.Is(err, errSiteOffline) {
			t.Fatalf("EnrolledCount returned %v; want an error wrapping %q", err, errSiteOffline)
		}
		if gotID != "TRIAL-107" {
			t.Fatalf("the service was asked about project %q; want TRIAL-107", gotID)
		}
		if seen.Err() == nil {
			t.Fatalf("the service failed after 50ms and EnrolledCount returned, but the context handed to the " +
				"service is still alive; want it cancelled on every return, the error path included " +
				"(defer cancel() right after creating it).")
		}
	})
}
