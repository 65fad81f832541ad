package armlookup_test

import (
	"context"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	armlookup "gokata.dev/katas/goroutines-replica-lookup"
)

// inBubble runs f in a synctest bubble: time is fake, so a replica that
// "takes a minute" takes no real time, and durations are exact.
func inBubble(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("when the test ended, goroutines were still blocked with nothing left that could ever "+
				"unblock them (%v): a goroutine leak.", r)
		}
	}()
	synctest.Test(t, f)
}

// calls counts the replica calls of one test and remembers the ctx each got.
type calls struct {
	active atomic.Int32 // replica calls that have started and not returned
	total  atomic.Int32 // replica calls that have started
	mu     sync.Mutex
	ctxs   []context.Context
}

// wrap returns r, counted: a call is active from its start until it returns.
func (c *calls) wrap(r armlookup.Replica) armlookup.Replica {
	return func(ctx context.Context, subjectID string) (armlookup.Assignment, error) {
		c.total.Add(1)
		c.active.Add(1)
		defer c.active.Add(-1)
		c.mu.Lock()
		c.ctxs = append(c.ctxs, ctx)
		c.mu.Unlock()
		return r(ctx, subjectID)
	}
}

// expectNoneRunning fails the test if a replica call is still running, or a
// replica's ctx is not done, at the moment Lookup has returned.
func (c *calls) expectNoneRunning(t *testing.T, when string) {
	t.Helper()
	if n := c.active.Load(); n != 0 {
		t.Errorf("%s, Lookup had returned while %d replica call(s) were still running: it must cancel the "+
			"others and wait until every replica call has returned", when, n)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, ctx := range c.ctxs {
		if ctx.Err() == nil {
			t.Errorf("%s, Lookup had returned but the ctx it gave the replicas was not done: cancel it "+
				"before returning, whatever the outcome", when)
			return
		}
	}
}

// answersAfter is a replica that answers well after d, or stops with its
// ctx's error when its ctx ends first.
func answersAfter(d time.Duration, a armlookup.Assignment) armlookup.Replica {
	return func(ctx context.Context, subjectID string) (armlookup.Assignment, error) {
		select {
		case <-time.After(d):
			a.SubjectID = subjectID
			return a, nil
		case <-ctx.Done():
			return armlookup.Assignment{}, ctx.Err()
		}
	}
}

// failsAfter is a replica that fails with err after d, or stops with its
// ctx's error when its ctx ends first.
func failsAfter(d time.Duration, err error) armlookup.Replica {
	return func(ctx context.Context, subjectID string) (armlookup.Assignment, error) {
		select {
		case <-time.After(d):
			return armlookup.Assignment{}, err
		case <-ctx.Done():
			return armlookup.Assignment{}, ctx.Err()
		}
	}
}

// expectAllExited waits until every other goroutine in the test's bubble has
// exited or is durably blocked, and reports those still there.
func expectAllExited(t *testing.T, when string) {
	t.Helper()
	synctest.Wait()
	if left := bubbleGoroutines(); len(left) > 0 {
		t.Errorf("%s, %d goroutine(s) were still there (blocked, or still running a replica nobody needs "+
			"any more): a leak.\n  %s", when, len(left), strings.Join(left, "\n  "))
	}
}

// bubbleGoroutines describes the goroutines of the caller's bubble other than
// the caller and synctest's own: header and the line of lookup.go they are at.
func bubbleGoroutines() []string {
	self := make([]byte, 1<<10)
	self = self[:runtime.Stack(self, false)]
	header, _, _ := strings.Cut(string(self), "\n")
	_, bubble, _ := strings.Cut(header, ", ")
	bubble = strings.TrimSuffix(bubble, "]:") // "synctest bubble N"
	if bubble == "" {
		return nil
	}
	selfID, _, _ := strings.Cut(header, " [")
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var left []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		lines := strings.Split(g, "\n")
		if !strings.Contains(lines[0], bubble+"]") || strings.HasPrefix(lines[0], selfID+" [") ||
			strings.Contains(g, "synctest.testingSynctestTest") || strings.Contains(g, "synctest.Run(") {
			continue
		}
		where := "in test code"
		for _, l := range lines {
			if strings.Contains(l, "/lookup.go:") {
				where = strings.TrimSpace(strings.Split(l, " +")[0])
				where = "at " + where[strings.LastIndex(where, "/")+1:]
				break
			}
		}
		left = append(left, strings.TrimSuffix(lines[0], ":")+" "+where)
	}
	return left
}
