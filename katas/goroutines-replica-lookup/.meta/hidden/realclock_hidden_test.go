package armlookup_test

// The behaviours of the bubble tests, checked once more outside any synctest
// bubble, with the real clock and short real durations, so that code cannot
// behave well only under fake time. Lower bounds are exact (a timer never
// fires early); upper bounds are generous (a second or more for work that
// takes milliseconds), so a loaded machine does not make them flaky.

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	armlookup "gokata.dev/katas/goroutines-replica-lookup"
)

// slack is how late, in real time, Lookup may return on a loaded machine.
const slack = 1500 * time.Millisecond

// lookupGoroutines lists the goroutines, outside every synctest bubble, that
// run code of lookup.go or were started by it.
func lookupGoroutines() []string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var left []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		header, _, _ := strings.Cut(g, "\n")
		if !strings.Contains(header, "synctest bubble") && strings.Contains(g, "/lookup.go:") {
			left = append(left, g)
		}
	}
	return left
}

// expectNoLookupGoroutines polls until no more goroutines of lookup.go are
// left than before the test started (baseline: left over by a failed test).
func expectNoLookupGoroutines(t *testing.T, baseline int, when string) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for len(lookupGoroutines()) > baseline {
		if time.Now().After(deadline) {
			left := lookupGoroutines()
			n := len(left)
			if len(left) > 3 {
				left = left[:3] // the first few are enough to see where they are stuck
			}
			t.Fatalf("%s (real clock), %d goroutine(s) of lookup.go were still there 2s later: a leak. The "+
				"first of them:\n\n%s", when, n, strings.Join(left, "\n\n"))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func within(d, lo time.Duration) bool { return d >= lo && d <= lo+slack }

func TestHiddenRealClockFirstGoodAnswerCancelsAndWaits(t *testing.T) {
	baseline := len(lookupGoroutines())
	var c calls
	start := time.Now()
	slow := &fake{name: "eu-west", after: 5 * time.Second, answer: armB}
	fast := &fake{name: "eu-central", after: 30 * time.Millisecond, answer: armA}
	stubborn := &fake{name: "us-east", after: 150 * time.Millisecond, err: errors.New("us-east: timeout"),
		ignoreCtx: true}

	a, err := armlookup.Lookup(context.Background(), "S-0311", replicas(&c, start, slow, fast, stubborn))
	d := time.Since(start)

	if err != nil || a != armA {
		t.Fatalf("eu-central answered well after 30ms (real clock); Lookup = %+v, %v; want %+v", a, err, armA)
	}
	if !within(d, 150*time.Millisecond) {
		t.Fatalf("Lookup returned after %v (real clock); want 150ms: it waits for us-east, which ignores its ctx "+
			"and returns after 150ms (and not for eu-west, which stops when its ctx is cancelled)", d)
	}
	if at, cerr := slow.ctxEnded(); at < 30*time.Millisecond || at > 30*time.Millisecond+slack ||
		!errors.Is(cerr, context.Canceled) {
		t.Fatalf("eu-west saw its ctx end at %v with %v (real clock); want at 30ms with context.Canceled", at, cerr)
	}
	c.expectOneCtx(t, 3, "after a good answer (real clock)")
	c.expectNoneRunning(t, "after a good answer (real clock)")
	expectNoLookupGoroutines(t, baseline, "after a good answer")
}

func TestHiddenRealClockAllFailJoinedInSliceOrder(t *testing.T) {
	baseline := len(lookupGoroutines())
	var c calls
	start := time.Now()
	errs := []error{
		errors.New("eu-west: replica lagging"),
		errors.New("eu-central: connection reset"),
		errors.New("us-east: subject not found"),
	}
	fakes := []*fake{
		{after: 60 * time.Millisecond, err: errs[0]},
		{after: 10 * time.Millisecond, err: errs[1]},
		{after: 35 * time.Millisecond, err: errs[2]},
	}

	a, err := armlookup.Lookup(context.Background(), "S-0311", replicas(&c, start, fakes...))
	d := time.Since(start)

	want := errors.Join(errs...)
	if err == nil || err.Error() != want.Error() || a != (armlookup.Assignment{}) || !within(d, 60*time.Millisecond) {
		t.Fatalf("every replica failed (after 60, 10, 35ms, real clock); Lookup = %+v, %q after %v; want the zero "+
			"Assignment and, after 60ms, errors.Join in slice order:\n%q", a, err, d, want)
	}
	c.expectNoneRunning(t, "after every replica failed (real clock)")
	expectNoLookupGoroutines(t, baseline, "after every replica failed")
}

func TestHiddenRealClockCallerCancelAndDeadline(t *testing.T) {
	baseline := len(lookupGoroutines())
	var c calls
	errAborted := errors.New("lookup aborted")

	start := time.Now() // before the timers start: they never fire early
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(30*time.Millisecond, cancel)
	a, err := armlookup.Lookup(ctx, "S-0311", replicas(&c, start,
		&fake{after: 5 * time.Second, answer: armA, abortErr: errAborted},
		&fake{after: 5 * time.Second, answer: armB, abortErr: errAborted}))
	if d := time.Since(start); err != context.Canceled || a != (armlookup.Assignment{}) || //nolint:errorlint
		!within(d, 30*time.Millisecond) {
		t.Fatalf("the caller cancelled after 30ms (real clock), then the replicas stopped with their own "+
			"errors; Lookup = %+v, %q after %v; want the zero Assignment and context.Canceled after 30ms", a, err, d)
	}

	start = time.Now()
	dctx, dcancel := context.WithTimeout(context.Background(), 40*time.Millisecond)
	defer dcancel()
	a, err = armlookup.Lookup(dctx, "S-0311", replicas(&c, start,
		&fake{after: 10 * time.Millisecond, err: errors.New("eu-west: connection refused")},
		&fake{after: 5 * time.Second, answer: armA, abortErr: errAborted}))
	if d := time.Since(start); err != context.DeadlineExceeded || a != (armlookup.Assignment{}) || //nolint:errorlint
		!within(d, 40*time.Millisecond) {
		t.Fatalf("the caller's ctx expired after 40ms (real clock); Lookup = %+v, %q after %v; want the zero "+
			"Assignment and context.DeadlineExceeded after 40ms", a, err, d)
	}

	// A good answer, then the caller cancels while Lookup waits for a replica
	// that ignores its ctx: the good answer stands.
	start = time.Now()
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(60*time.Millisecond, cancel)
	a, err = armlookup.Lookup(ctx, "S-0311", replicas(&c, start,
		&fake{after: 20 * time.Millisecond, answer: armA},
		&fake{after: 120 * time.Millisecond, err: errors.New("eu-central: timeout"), ignoreCtx: true}))
	if d := time.Since(start); err != nil || a != armA || !within(d, 120*time.Millisecond) {
		t.Fatalf("a good answer after 20ms, the caller cancelling at 60ms, a replica ignoring its ctx until "+
			"120ms (real clock); Lookup = %+v, %v after %v; want %+v after 120ms", a, err, d, armA)
	}
	c.expectNoneRunning(t, "after the caller cancelled (real clock)")
	expectNoLookupGoroutines(t, baseline, "after the caller cancelled")
}

func TestHiddenRealClockManyInstantAnswersAtOnce(t *testing.T) {
	baseline := len(lookupGoroutines())
	var c calls
	errDown := errors.New("replica down")
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Go(func() {
			subject := fmt.Sprintf("S-%04d", i)
			rs := make([]armlookup.Replica, 8)
			for j := range rs {
				rs[j] = c.wrap(func(ctx context.Context, subjectID string) (armlookup.Assignment, error) {
					runtime.Gosched()
					if j%3 == 1 {
						return armlookup.Assignment{}, errDown
					}
					return armlookup.Assignment{SubjectID: subjectID, Arm: "A", Kit: fmt.Sprintf("K-%d", j)}, nil
				})
			}
			a, err := armlookup.Lookup(context.Background(), subject, rs)
			if err != nil || a.SubjectID != subject || a.Arm != "A" {
				t.Errorf("lookup %s with replicas answering at once (real clock) = %+v, %v; want one of its good "+
					"answers", subject, a, err)
			}
		})
	}
	wg.Wait()
	c.expectNoneRunning(t, "after 40 lookups at once (real clock)")
	expectNoLookupGoroutines(t, baseline, "after 40 lookups at once")
}

func TestHiddenRealClockCancelledCtxWinsOverTheFailuresItCaused(t *testing.T) {
	baseline := len(lookupGoroutines())
	cancelledThenEveryReplicaFails(t, context.Background(), "on the real clock")
	expectNoLookupGoroutines(t, baseline, "after lookups with a cancelled ctx")
}

func TestHiddenRealClockDeadlineAndASingleReplica(t *testing.T) {
	baseline := len(lookupGoroutines())
	var c calls

	// The replicas' ctx carries the caller's deadline.
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Millisecond)
	defer cancel()
	want, _ := ctx.Deadline()
	fakes := []*fake{{name: "eu-west", after: 5 * time.Second, answer: armA}, {name: "us-east", after: 5 * time.Second, answer: armB}}
	a, err := armlookup.Lookup(ctx, "S-0311", replicas(&c, start, fakes...))
	if d := time.Since(start); err != context.DeadlineExceeded || a != (armlookup.Assignment{}) || //nolint:errorlint
		!within(d, 40*time.Millisecond) {
		t.Fatalf("the caller's ctx expired after 40ms (real clock); Lookup = %+v, %v after %v; want the zero "+
			"Assignment and context.DeadlineExceeded after 40ms", a, err, d)
	}
	for _, f := range fakes {
		f.mu.Lock()
		got, ok := f.ctx.Deadline()
		f.mu.Unlock()
		if !ok || !got.Equal(want) {
			t.Fatalf("replica %s's ctx has deadline %v (set: %v) (real clock); want the caller's, %v: the replicas' "+
				"ctx is derived from Lookup's ctx, so it carries its deadline", f.name, got, ok, want)
		}
	}

	// A single replica that ignores its ctx and answers well after the caller cancelled.
	start = time.Now()
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(30*time.Millisecond, cancel)
	a, err = armlookup.Lookup(ctx, "S-0311", replicas(&c, start,
		&fake{name: "eu-west", after: 120 * time.Millisecond, answer: armA, ignoreCtx: true}))
	if d := time.Since(start); err != context.Canceled || a != (armlookup.Assignment{}) || //nolint:errorlint
		!within(d, 120*time.Millisecond) {
		t.Fatalf("the caller cancelled after 30ms; the only replica ignored its ctx and answered well after 120ms "+
			"(real clock); Lookup = %+v, %v after %v; want the zero Assignment and context.Canceled after 120ms: "+
			"the outcome was decided when ctx ended, also with a single replica", a, err, d)
	}
	c.expectNoneRunning(t, "after the caller's deadline and cancel (real clock)")
	expectNoLookupGoroutines(t, baseline, "after the caller's deadline and cancel")
}
