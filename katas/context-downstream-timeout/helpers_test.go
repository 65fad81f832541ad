package progress

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

// inBubble runs f inside a synctest bubble, where time is fake: it advances
// only when every goroutine of the bubble is blocked, so "500ms" takes no real
// time and is exact. When f is done, fake time runs on for a simulated day so
// that every goroutine the code under test started can finish; any goroutine
// still blocked after that has leaked, and the test fails listing it.
func inBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	var reported atomic.Bool
	defer func() {
		if r := recover(); r != nil {
			if !strings.Contains(fmt.Sprint(r), "blocked goroutines remain") {
				panic(r)
			}
			if !reported.Load() {
				t.Errorf("goroutines started by the code under test were still blocked when the test ended: they leak")
			}
		}
	}()
	synctest.Test(t, func(t *testing.T) {
		t.Cleanup(func() {
			time.Sleep(24 * time.Hour)
			synctest.Wait()
			if gs := blockedInBubble(); len(gs) > 0 {
				reported.Store(true)
				t.Errorf("%d goroutine(s) were still blocked a (simulated) day after the test's calls "+
					"returned; each one leaks, with everything it references:\n\n%s",
					len(gs), strings.Join(gs, "\n\n"))
			}
		})
		f(t)
	})
}

var bubbleTag = regexp.MustCompile(`synctest bubble (\d+)\]`)

// blockedInBubble returns the stacks of the goroutines in the caller's bubble,
// other than the caller itself and the test framework's own.
func blockedInBubble() []string {
	self := make([]byte, 1<<10)
	self = self[:runtime.Stack(self, false)]
	m := bubbleTag.FindSubmatch(self)
	if m == nil {
		return nil
	}
	tag := "synctest bubble " + string(m[1]) + "]"
	selfHeader, _, _ := strings.Cut(string(self), "[")
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		header, _, _ := strings.Cut(g, "\n")
		if !strings.Contains(header, tag) || strings.HasPrefix(g, selfHeader+"[") ||
			strings.Contains(g, "testing/synctest.") || strings.Contains(g, "internal/synctest.") ||
			strings.Contains(g, "testing.tRunner") {
			continue
		}
		out = append(out, g)
	}
	return out
}

var errSiteOffline = errors.New("site database offline")

// answersAfter is a well-behaved service: it answers n after d, or gives up
// as soon as ctx is done.
func answersAfter(d time.Duration, n int) PatientService {
	return func(ctx context.Context, projectID string) (int, error) {
		select {
		case <-time.After(d):
			return n, nil
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

// ignoresContext is the legacy client: it answers n after d, whatever ctx says.
func ignoresContext(d time.Duration, n int) PatientService {
	return func(ctx context.Context, projectID string) (int, error) {
		time.Sleep(d)
		return n, nil
	}
}

// failsAfter answers err after d (or gives up when ctx is done).
func failsAfter(d time.Duration, err error) PatientService {
	return func(ctx context.Context, projectID string) (int, error) {
		select {
		case <-time.After(d):
			return 0, err
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

type call struct {
	n       int
	err     error
	elapsed time.Duration
}

// enrolledCount calls EnrolledCount and measures how long it took in fake time.
func enrolledCount(ctx context.Context, svc PatientService, timeout time.Duration) call {
	start := time.Now()
	n, err := EnrolledCount(ctx, svc, "TRIAL-042", timeout)
	return call{n, err, time.Since(start)}
}
