package progress_test

// The behaviours of the bubble tests, checked once more outside any synctest
// bubble, with the real clock and short real durations, so that code cannot
// behave well only under fake time. Lower bounds are exact (a timer never
// fires early); upper bounds leave more than a second of slack, so a loaded
// machine does not make them flaky.

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	progress "gokata.dev/katas/context-downstream-timeout"
)

const slack = 1500 * time.Millisecond

// countGoroutines lists the goroutines, outside every synctest bubble, that
// are running code of count.go.
func countGoroutines() []string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var left []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		header, _, _ := strings.Cut(g, "\n")
		if !strings.Contains(header, "synctest bubble") && strings.Contains(g, "/count.go:") {
			left = append(left, g)
		}
	}
	return left
}

// expectNoCountGoroutines polls until no more goroutines run count.go code
// than before the test (baseline: left over by an earlier failed test).
func expectNoCountGoroutines(t *testing.T, baseline int, when string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for len(countGoroutines()) > baseline {
		if time.Now().After(deadline) {
			left := countGoroutines()
			t.Fatalf("%s (real clock), goroutine(s) started by EnrolledCount were still blocked 2s later: a "+
				"leak.\n\n%s", when, strings.Join(left, "\n\n"))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// hangsUntil is the legacy client on the real clock: it ignores ctx and
// answers n when release is closed (or after 3s at the latest).
func hangsUntil(release <-chan struct{}, n int) progress.PatientService {
	return func(ctx context.Context, projectID string) (int, error) {
		select {
		case <-release:
		case <-time.After(3 * time.Second):
		}
		return n, nil
	}
}

func TestHiddenRealClockAnswerAndServiceError(t *testing.T) {
	var seen context.Context
	svc := func(ctx context.Context, projectID string) (int, error) {
		seen = ctx
		if projectID != "TRIAL-311" {
			return 0, errors.New("unknown project " + projectID)
		}
		time.Sleep(10 * time.Millisecond)
		return 17, nil
	}
	start := time.Now()
	n, err := progress.EnrolledCount(context.Background(), svc, "TRIAL-311", time.Second)
	if d := time.Since(start); err != nil || n != 17 || d > slack {
		t.Fatalf("a service answering 17 after 10ms (real clock, timeout 1s): EnrolledCount = %d, %v after %v; "+
			"want 17, nil at once", n, err, d)
	}
	if seen == nil || seen.Err() == nil {
		t.Fatalf("after EnrolledCount returned (real clock), the context handed to the service was still alive; " +
			"want it cancelled")
	}

	var seenOnError context.Context
	failing := func(ctx context.Context, projectID string) (int, error) {
		seenOnError = ctx
		time.Sleep(10 * time.Millisecond)
		return 0, errSiteOffline
	}
	_, err = progress.EnrolledCount(context.Background(), failing, "TRIAL-311", time.Second)
	if !errors.Is(err, errSiteOffline) {
		t.Fatalf("the service failed after 10ms (real clock); EnrolledCount returned %v; want an error wrapping %q",
			err, errSiteOffline)
	}
	if seenOnError == nil || seenOnError.Err() == nil {
		t.Fatalf("after the service failed and EnrolledCount returned (real clock), the context handed to the " +
			"service was still alive; want it cancelled on every return")
	}
}

func TestHiddenRealClockTimeoutWithTheLegacyClient(t *testing.T) {
	baseline := len(countGoroutines())
	release := make(chan struct{})
	var once sync.Once
	finish := func() { once.Do(func() { close(release) }) }
	defer finish()

	for _, timeout := range []time.Duration{30 * time.Millisecond, 70 * time.Millisecond} {
		start := time.Now()
		n, err := progress.EnrolledCount(context.Background(), hangsUntil(release, 42), "TRIAL-042", timeout)
		d := time.Since(start)
		if !errors.Is(err, context.DeadlineExceeded) || d < timeout || d > timeout+slack {
			t.Fatalf("with a %v timeout (real clock) and a legacy client that ignores ctx, EnrolledCount returned "+
				"%d, %v after %v; want context.DeadlineExceeded after %v", timeout, n, err, d, timeout)
		}
	}

	// The well-behaved client stops at the deadline by itself.
	n, err := progress.EnrolledCount(context.Background(), answersAfter(time.Minute, 42), "TRIAL-042",
		40*time.Millisecond)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("with a 40ms timeout (real clock), EnrolledCount returned %d, %v; want context.DeadlineExceeded",
			n, err)
	}

	finish() // the late answers arrive
	expectNoCountGoroutines(t, baseline, "after the late answers arrived")
}

func TestHiddenRealClockCallerEndsFirst(t *testing.T) {
	baseline := len(countGoroutines())
	release := make(chan struct{})
	var once sync.Once
	finish := func() { once.Do(func() { close(release) }) }
	defer finish()

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(30*time.Millisecond, cancel)
	start := time.Now()
	_, err := progress.EnrolledCount(ctx, hangsUntil(release, 42), "TRIAL-042", 2*time.Second)
	if d := time.Since(start); !errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) ||
		d > 30*time.Millisecond+slack {
		t.Fatalf("the caller cancelled after 30ms (real clock, timeout 2s, a client that ignores ctx); "+
			"EnrolledCount returned %v after %v; want context.Canceled right then", err, d)
	}

	dctx, dcancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer dcancel()
	start = time.Now()
	_, err = progress.EnrolledCount(dctx, hangsUntil(release, 42), "TRIAL-042", 2*time.Second)
	if d := time.Since(start); !errors.Is(err, context.DeadlineExceeded) || d > 30*time.Millisecond+slack {
		t.Fatalf("the caller's own deadline was 30ms (real clock, timeout 2s); EnrolledCount returned %v after "+
			"%v; want context.DeadlineExceeded after 30ms: the earlier deadline wins", err, d)
	}

	finish() // the late answers arrive
	expectNoCountGoroutines(t, baseline, "after the late answers arrived")
}
