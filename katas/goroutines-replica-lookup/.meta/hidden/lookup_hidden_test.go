package armlookup_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	armlookup "gokata.dev/katas/goroutines-replica-lookup"
)

var (
	armA = armlookup.Assignment{SubjectID: "S-0311", Arm: "A", Kit: "K-2207"}
	armB = armlookup.Assignment{SubjectID: "S-0311", Arm: "B", Kit: "K-9930"}
)

// finish checks what every test checks once Lookup has returned.
func finish(t *testing.T, c *calls, when string) {
	t.Helper()
	c.expectNoneRunning(t, when)
	expectAllExited(t, when)
}

func TestHiddenNoReplicasIsAnError(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		for _, rs := range [][]armlookup.Replica{nil, {}} {
			start := time.Now()
			a, err := armlookup.Lookup(t.Context(), "S-0001", rs)
			if !errors.Is(err, armlookup.ErrNoReplicas) || a != (armlookup.Assignment{}) {
				t.Fatalf("Lookup with replicas %#v = %+v, %v; want the zero Assignment and ErrNoReplicas", rs, a, err)
			}
			if d := time.Since(start); d != 0 {
				t.Fatalf("Lookup with no replicas returned after %v; want at once", d)
			}
		}
		expectAllExited(t, "after lookups with no replicas")
	})
}

func TestHiddenAsksEveryReplicaOnceAtOnceWithTheSubject(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		fakes := []*fake{
			{name: "eu-west", after: 4 * time.Second, err: errors.New("eu-west: read timeout")},
			{name: "eu-central", after: 3 * time.Second, err: errors.New("eu-central: read timeout")},
			{name: "us-east", after: 2 * time.Second, err: errors.New("us-east: read timeout")},
			{name: "ap-south", after: 5 * time.Second, answer: armB},
		}

		a, err := armlookup.Lookup(t.Context(), "S-0311", replicas(&c, start, fakes...))

		if err != nil || a != armB {
			t.Fatalf("Lookup = %+v, %v; want ap-south's answer %+v", a, err, armB)
		}
		for _, f := range fakes {
			f.mu.Lock()
			calls, subjects, at := f.calls, f.subjects, f.startAt
			f.mu.Unlock()
			if calls != 1 || subjects[0] != "S-0311" {
				t.Fatalf("replica %s was called %d time(s) with %q; want once, with S-0311", f.name, calls, subjects)
			}
			if at[0] != 0 {
				t.Fatalf("replica %s was called %v after Lookup started; want every replica called at once, "+
					"each in its own goroutine, none waiting for another", f.name, at[0])
			}
		}
		if d := time.Since(start); d != 5*time.Second {
			t.Fatalf("Lookup returned after %v; want 5s, when ap-south answered", d)
		}
		finish(t, &c, "after ap-south answered")
	})
}

func TestHiddenTheFirstToReturnWinsNotTheFirstInTheSlice(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		west := &fake{name: "eu-west", after: 3 * time.Second, answer: armB}
		central := &fake{name: "eu-central", after: time.Second, answer: armA}
		east := &fake{name: "us-east", after: 2 * time.Second, answer: armB}

		a, err := armlookup.Lookup(t.Context(), "S-0311", replicas(&c, start, west, central, east))

		if err != nil || a != armA {
			t.Fatalf("eu-central answered after 1s, eu-west (first in the slice) after 3s, us-east after 2s; "+
				"Lookup = %+v, %v; want eu-central's answer %+v: the first to return wins", a, err, armA)
		}
		if d := time.Since(start); d != time.Second {
			t.Fatalf("Lookup returned after %v; want 1s, when eu-central answered (the others stop when "+
				"their ctx is cancelled)", d)
		}
		for _, f := range []*fake{west, east} {
			at, cerr := f.ctxEnded()
			if at != time.Second || !errors.Is(cerr, context.Canceled) {
				t.Fatalf("replica %s saw its ctx end at %v with %v; want at 1s (when eu-central answered) "+
					"with context.Canceled", f.name, at, cerr)
			}
		}
		finish(t, &c, "after the first good answer")
	})
}

func TestHiddenFailuresDoNotStopTheSearch(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		fakes := []*fake{
			{name: "eu-west", after: time.Second, err: errors.New("eu-west: connection refused")},
			{name: "eu-central", after: 2 * time.Second, answer: armB, err: errors.New("eu-central: stale read")},
			{name: "us-east", after: 3 * time.Second, answer: armA},
			{name: "ap-south", after: time.Hour, answer: armB},
		}

		a, err := armlookup.Lookup(t.Context(), "S-0311", replicas(&c, start, fakes...))

		if err != nil || a != armA {
			t.Fatalf("two replicas failed (after 1s and 2s; eu-central's failure came with an assignment that "+
				"must be ignored), us-east answered well after 3s; Lookup = %+v, %v; want us-east's %+v",
				a, err, armA)
		}
		if d := time.Since(start); d != 3*time.Second {
			t.Fatalf("Lookup returned after %v; want 3s, when us-east answered", d)
		}
		finish(t, &c, "after failures and then a good answer")
	})
}

func TestHiddenAZeroAssignmentWithNilErrorIsAGoodAnswer(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		fakes := []*fake{
			{name: "eu-west", after: 2 * time.Second, err: errors.New("eu-west: connection refused")},
			{name: "eu-central", after: time.Second}, // zero Assignment, nil error
			{name: "us-east", after: 3 * time.Second, answer: armA},
		}

		a, err := armlookup.Lookup(t.Context(), "S-0311", replicas(&c, start, fakes...))

		if err != nil || a != (armlookup.Assignment{}) || time.Since(start) != time.Second {
			t.Fatalf("eu-central returned the zero Assignment with a nil error after 1s; Lookup returned %+v, %v "+
				"after %v; want that answer after 1s: a nil error is what makes an answer good",
				a, err, time.Since(start))
		}
		finish(t, &c, "after a zero answer")
	})
}

func TestHiddenWaitsForReplicasThatIgnoreCtx(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		west := &fake{name: "eu-west", after: time.Second, answer: armA}
		central := &fake{name: "eu-central", after: 5 * time.Second, answer: armB, ignoreCtx: true}
		east := &fake{name: "us-east", after: 4 * time.Second, err: errors.New("us-east: timeout"), ignoreCtx: true}
		south := &fake{name: "ap-south", after: time.Hour, answer: armB}

		a, err := armlookup.Lookup(t.Context(), "S-0311", replicas(&c, start, central, west, east, south))

		if err != nil || a != armA {
			t.Fatalf("eu-west answered well after 1s; eu-central (first in the slice, ignoring its ctx) answered "+
				"differently after 5s and us-east failed after 4s; Lookup = %+v, %v; want eu-west's %+v: the "+
				"first to return wins, later answers are ignored",
				a, err, armA)
		}
		if d := time.Since(start); d != 5*time.Second {
			t.Fatalf("Lookup returned after %v; want 5s: it cancels the others at 1s, then waits until the "+
				"last of them (eu-central, which ignores its ctx) has returned", d)
		}
		for _, f := range []*fake{central, east, south} {
			if at, cerr := f.ctxEnded(); at != time.Second || !errors.Is(cerr, context.Canceled) {
				t.Fatalf("replica %s saw its ctx end at %v with %v; want at 1s with context.Canceled, "+
					"the moment the outcome was decided", f.name, at, cerr)
			}
		}
		finish(t, &c, "after waiting for replicas that ignore their ctx")
	})
}

func TestHiddenReplicasCtxIsDerivedFromTheCallers(t *testing.T) {
	type traceKey struct{}
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		ctx := context.WithValue(t.Context(), traceKey{}, "trace-7f3a")
		west := &fake{name: "eu-west", after: 2 * time.Second, answer: armB}
		central := &fake{name: "eu-central", after: time.Second, answer: armA}

		a, err := armlookup.Lookup(ctx, "S-0311", replicas(&c, start, west, central))

		if err != nil || a != armA {
			t.Fatalf("Lookup = %+v, %v; want eu-central's %+v", a, err, armA)
		}
		for _, f := range []*fake{west, central} {
			f.mu.Lock()
			got := f.ctx.Value(traceKey{})
			f.mu.Unlock()
			if got != "trace-7f3a" {
				t.Fatalf("replica %s's ctx carries trace id %v; want the caller's \"trace-7f3a\": derive the "+
					"replicas' ctx from the ctx Lookup was given", f.name, got)
			}
		}
		finish(t, &c, "after a good answer")
	})
}

func TestHiddenEveryReplicaGetsTheSameCtx(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		fakes := []*fake{
			{name: "eu-west", after: 3 * time.Second, answer: armB},
			{name: "eu-central", after: time.Second, err: errors.New("eu-central: read timeout")},
			{name: "us-east", after: 2 * time.Second, answer: armA},
			{name: "ap-south", after: time.Minute, answer: armB, ignoreCtx: true},
		}

		a, err := armlookup.Lookup(t.Context(), "S-0311", replicas(&c, start, fakes...))

		if err != nil || a != armA {
			t.Fatalf("Lookup = %+v, %v; want us-east's %+v", a, err, armA)
		}
		c.expectOneCtx(t, len(fakes), "after a good answer")
		finish(t, &c, "after a good answer")

		var all calls
		fails := []*fake{
			{name: "eu-west", after: 2 * time.Second, err: errors.New("eu-west: replica lagging")},
			{name: "eu-central", after: time.Second, err: errors.New("eu-central: connection reset")},
			{name: "us-east", after: 3 * time.Second, err: errors.New("us-east: subject not found")},
		}
		if _, err := armlookup.Lookup(t.Context(), "S-0311", replicas(&all, time.Now(), fails...)); err == nil {
			t.Fatalf("every replica failed; Lookup returned a nil error")
		}
		all.expectOneCtx(t, len(fails), "after every replica failed")
		finish(t, &all, "after every replica failed")
	})
}

func TestHiddenAllFailJoinedInSliceOrderNotFailureOrder(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		errLag := errors.New("replica lagging")
		errs := []error{
			fmt.Errorf("eu-west: %w", errLag),
			errors.New("eu-central: connection reset"),
			fmt.Errorf("us-east: %w", errLag),
			errors.New("ap-south: subject S-0311 not found"),
		}
		fakes := []*fake{
			{name: "eu-west", after: 4 * time.Second, answer: armA, err: errs[0]},
			{name: "eu-central", after: time.Second, err: errs[1]},
			{name: "us-east", after: 3 * time.Second, err: errs[2]},
			{name: "ap-south", after: 2 * time.Second, answer: armB, err: errs[3]},
		}

		a, err := armlookup.Lookup(t.Context(), "S-0311", replicas(&c, start, fakes...))

		want := errors.Join(errs...)
		if err == nil || err.Error() != want.Error() || a != (armlookup.Assignment{}) {
			t.Fatalf("every replica failed (after 4s, 1s, 3s, 2s); Lookup = %+v, %q; want the zero Assignment "+
				"and errors.Join of the errors in the order of the replicas slice, not the order they failed:\n%q",
				a, err, want)
		}
		for _, e := range append(errs, errLag) {
			if !errors.Is(err, e) {
				t.Fatalf("errors.Is(err, %q) = false; want every replica's error (and what it wraps) in the chain", e)
			}
		}
		if d := time.Since(start); d != 4*time.Second {
			t.Fatalf("Lookup returned after %v; want 4s, when the last replica failed", d)
		}
		finish(t, &c, "after every replica failed")
	})
}

func TestHiddenOneReplicaFailing(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		errDown := errors.New("eu-west: maintenance window")
		a, err := armlookup.Lookup(t.Context(), "S-0311",
			replicas(&c, start, &fake{name: "eu-west", after: time.Second, answer: armA, err: errDown}))

		if !errors.Is(err, errDown) || err.Error() != errDown.Error() || a != (armlookup.Assignment{}) {
			t.Fatalf("the only replica failed with %q; Lookup = %+v, %q; want the zero Assignment and its error",
				errDown, a, err)
		}
		finish(t, &c, "after the only replica failed")
	})
}

func TestHiddenCallerCancelReturnsCtxErrNotTheReplicasErrors(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(2*time.Second, cancel) // the pharmacist closes the page
		errAborted := errors.New("lookup aborted")
		fakes := []*fake{
			{name: "eu-west", after: time.Hour, answer: armA, abortErr: errAborted},
			{name: "eu-central", after: time.Second, err: errors.New("eu-central: connection reset")},
			{name: "us-east", after: time.Hour, answer: armA, abortErr: errAborted},
		}

		a, err := armlookup.Lookup(ctx, "S-0311", replicas(&c, start, fakes...))

		if d := time.Since(start); d != 2*time.Second {
			t.Fatalf("the caller cancelled after 2s; Lookup returned after %v; want 2s", d)
		}
		if err != context.Canceled || a != (armlookup.Assignment{}) { //nolint:errorlint // ctx.Err() itself
			t.Fatalf("the caller cancelled after 2s, then the replicas stopped with their own errors; Lookup = "+
				"%+v, %q; want the zero Assignment and ctx.Err() itself (context.Canceled), not the replicas' errors",
				a, err)
		}
		for _, f := range []*fake{fakes[0], fakes[2]} {
			if at, cerr := f.ctxEnded(); at != 2*time.Second || !errors.Is(cerr, context.Canceled) {
				t.Fatalf("replica %s saw its ctx end at %v with %v; want at 2s with context.Canceled: the "+
					"replicas' ctx is derived from the caller's", f.name, at, cerr)
			}
		}
		finish(t, &c, "after the caller cancelled")
	})
}

func TestHiddenCallerDeadlineReturnsDeadlineExceeded(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second) // the dispensing page's own deadline
		defer cancel()
		fakes := []*fake{
			{name: "eu-west", after: time.Second, err: errors.New("eu-west: connection refused")},
			{name: "eu-central", after: time.Minute, answer: armA},
			{name: "us-east", after: time.Minute, answer: armA},
		}

		a, err := armlookup.Lookup(ctx, "S-0311", replicas(&c, start, fakes...))

		if d := time.Since(start); d != 3*time.Second || err != context.DeadlineExceeded || //nolint:errorlint
			a != (armlookup.Assignment{}) {
			t.Fatalf("the caller's ctx expired after 3s; Lookup = %+v, %v after %v; want the zero Assignment "+
				"and context.DeadlineExceeded after 3s", a, err, d)
		}
		finish(t, &c, "after the caller's deadline")
	})
}

func TestHiddenCallerCancelWaitsForAReplicaThatIgnoresCtx(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(time.Second, cancel)
		fakes := []*fake{
			{name: "eu-west", after: 4 * time.Second, answer: armA, ignoreCtx: true}, // answers well, too late
			{name: "eu-central", after: time.Hour, answer: armB},
		}

		a, err := armlookup.Lookup(ctx, "S-0311", replicas(&c, start, fakes...))

		if !errors.Is(err, context.Canceled) || a != (armlookup.Assignment{}) {
			t.Fatalf("the caller cancelled after 1s; eu-west ignored its ctx and answered well after 4s; "+
				"Lookup = %+v, %v; want the zero Assignment and context.Canceled: the outcome was decided at 1s",
				a, err)
		}
		if d := time.Since(start); d != 4*time.Second {
			t.Fatalf("Lookup returned after %v; want 4s: after the caller cancelled at 1s it waits for eu-west, "+
				"which ignores its ctx", d)
		}
		finish(t, &c, "after the caller cancelled")
	})
}

func TestHiddenAGoodAnswerStandsWhenTheCallerCancelsDuringTheWait(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(3*time.Second, cancel)
		fakes := []*fake{
			{name: "eu-west", after: 5 * time.Second, err: errors.New("eu-west: timeout"), ignoreCtx: true},
			{name: "eu-central", after: time.Second, answer: armA},
		}

		a, err := armlookup.Lookup(ctx, "S-0311", replicas(&c, start, fakes...))

		if err != nil || a != armA {
			t.Fatalf("eu-central answered well after 1s; the caller cancelled at 3s while Lookup waited for "+
				"eu-west (ignoring its ctx, failing at 5s); Lookup = %+v, %v; want eu-central's %+v: once "+
				"decided, the outcome does not change", a, err, armA)
		}
		if d := time.Since(start); d != 5*time.Second {
			t.Fatalf("Lookup returned after %v; want 5s, when eu-west returned", d)
		}
		finish(t, &c, "after a good answer and a late cancel")
	})
}

func TestHiddenCtxAlreadyCancelled(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		fakes := []*fake{
			{name: "eu-west", after: time.Second, answer: armA, abortErr: errors.New("eu-west: aborted")},
			{name: "eu-central", after: 2 * time.Second, answer: armA},
		}

		a, err := armlookup.Lookup(ctx, "S-0311", replicas(&c, start, fakes...))

		if err != context.Canceled || a != (armlookup.Assignment{}) || time.Since(start) != 0 { //nolint:errorlint
			t.Fatalf("with a ctx cancelled before the call, Lookup = %+v, %v after %v; want the zero Assignment "+
				"and context.Canceled at once", a, err, time.Since(start))
		}
		finish(t, &c, "after a lookup with a cancelled ctx")
	})
}

func TestHiddenManyLookupsAtOnceLeaveNothingBehind(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		type outcome struct {
			i   int
			a   armlookup.Assignment
			err error
		}
		out := make(chan outcome, 60)
		errDown := errors.New("replica down")
		for i := range 60 {
			go func() {
				subject := fmt.Sprintf("S-%04d", i)
				good := armlookup.Assignment{SubjectID: subject, Arm: "AB"[i%2 : i%2+1], Kit: fmt.Sprintf("K-%d", i)}
				fakes := []*fake{
					{after: time.Duration(3+i%4) * time.Second, answer: good, ignoreCtx: i%3 == 0},
					{after: time.Duration(1+i%2) * time.Second, err: errDown},
					{after: time.Duration(10+i) * time.Second, answer: good, ignoreCtx: i%5 == 0},
				}
				if i%7 == 0 { // every replica fails for this one
					fakes[0].err, fakes[2].err = errDown, errDown
				}
				a, err := armlookup.Lookup(t.Context(), subject, replicas(&c, start, fakes...))
				out <- outcome{i, a, err}
			}()
		}
		for range 60 {
			o := <-out
			subject := fmt.Sprintf("S-%04d", o.i)
			if o.i%7 == 0 {
				if !errors.Is(o.err, errDown) || o.a != (armlookup.Assignment{}) {
					t.Fatalf("lookup %s (every replica failing) = %+v, %v; want the joined errors", subject, o.a, o.err)
				}
			} else if o.err != nil || o.a.SubjectID != subject || o.a.Kit != fmt.Sprintf("K-%d", o.i) {
				t.Fatalf("lookup %s = %+v, %v; want its own good answer (kit K-%d)", subject, o.a, o.err, o.i)
			}
		}
		finish(t, &c, "after 60 lookups at once")
	})
}

// slowDoneCtx is a caller's ctx whose Done method takes a moment, as a ctx
// implemented by a framework may: by the time Lookup has Done's channel, the
// replicas (which see the cancellation at once) have already failed.
type slowDoneCtx struct{ context.Context }

func (c slowDoneCtx) Done() <-chan struct{} {
	time.Sleep(2 * time.Millisecond)
	return c.Context.Done()
}

// cancelledThenEveryReplicaFails runs lookups whose ctx was cancelled before
// the call; the replicas then fail with their own errors. The outcome must be
// ctx.Err() every time, even when the replicas' errors are already waiting
// when Lookup looks at ctx.
func cancelledThenEveryReplicaFails(t *testing.T, parent context.Context, when string) {
	t.Helper()
	errAborted := errors.New("eu-west: lookup aborted")
	for i := range 40 {
		var c calls
		ctx, cancel := context.WithCancel(parent)
		cancel()
		rs := []armlookup.Replica{c.wrap(func(ctx context.Context, subjectID string) (armlookup.Assignment, error) {
			<-ctx.Done()
			return armlookup.Assignment{}, errAborted
		})}
		if i%2 == 1 {
			rs = append(rs, c.wrap(func(ctx context.Context, subjectID string) (armlookup.Assignment, error) {
				<-ctx.Done()
				return armlookup.Assignment{}, fmt.Errorf("eu-central: %w", ctx.Err())
			}))
		}

		a, err := armlookup.Lookup(slowDoneCtx{ctx}, "S-0311", rs)

		if err != context.Canceled || a != (armlookup.Assignment{}) { //nolint:errorlint // ctx.Err() itself
			t.Fatalf("%s, lookup %d: the caller's ctx was cancelled before the call, then every replica failed "+
				"(with its own error); Lookup = %+v, %q; want the zero Assignment and ctx.Err() itself "+
				"(context.Canceled): ctx ended first, even if the replicas' errors are already there when "+
				"Lookup looks at ctx", when, i+1, a, err)
		}
		c.expectNoneRunning(t, when)
	}
}

func TestHiddenCancelledCtxWinsOverTheFailuresItCaused(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		cancelledThenEveryReplicaFails(t, t.Context(), "in a bubble")
		expectAllExited(t, "after lookups with a cancelled ctx")
	})
}

func TestHiddenReplicasCtxCarriesTheCallersDeadline(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second) // the dispensing page's own deadline
		defer cancel()
		want, _ := ctx.Deadline()
		fakes := []*fake{
			{name: "eu-west", after: time.Minute, answer: armA},
			{name: "eu-central", after: 2 * time.Minute, answer: armB},
		}

		a, err := armlookup.Lookup(ctx, "S-0311", replicas(&c, start, fakes...))

		if err != context.DeadlineExceeded || a != (armlookup.Assignment{}) { //nolint:errorlint
			t.Fatalf("the caller's ctx expired after 3s; Lookup = %+v, %v; want the zero Assignment and "+
				"context.DeadlineExceeded", a, err)
		}
		for _, f := range fakes {
			f.mu.Lock()
			got, ok := f.ctx.Deadline()
			f.mu.Unlock()
			if !ok || !got.Equal(want) {
				t.Fatalf("replica %s's ctx has deadline %v (set: %v); want the caller's, %v: the replicas' ctx is "+
					"derived from Lookup's ctx, so it carries its deadline (a replica passes it on to its "+
					"database). A ctx detached from the caller's and cancelled by hand is not derived from it.",
					f.name, got, ok, want)
			}
		}
		finish(t, &c, "after the caller's deadline")
	})
}

func TestHiddenOneReplicaIgnoringCtxCannotOverruleTheCaller(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		var c calls
		start := time.Now()
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(time.Second, cancel)
		var mu sync.Mutex
		var ids []string
		only := &fake{name: "eu-west", after: 4 * time.Second, answer: armA, ignoreCtx: true} // answers well, too late

		a, err := armlookup.Lookup(ctx, "S-0311",
			[]armlookup.Replica{onOwnGoroutine(replicas(&c, start, only)[0], &mu, &ids)})

		if err != context.Canceled || a != (armlookup.Assignment{}) { //nolint:errorlint
			t.Fatalf("the only replica ignored its ctx and answered well after 4s; the caller cancelled after 1s; "+
				"Lookup = %+v, %v; want the zero Assignment and context.Canceled: the outcome was decided at 1s, "+
				"also with a single replica", a, err)
		}
		if d := time.Since(start); d != 4*time.Second {
			t.Fatalf("Lookup returned after %v; want 4s: after the caller cancelled at 1s it waits for the replica", d)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(ids) != 1 {
			t.Fatalf("the only replica was called %d time(s); want once", len(ids))
		}
		if ids[0] == goroutineID() {
			t.Fatalf("the only replica ran on the goroutine that called Lookup; want it in its own goroutine: rule 2 " +
				"holds for a single replica too, and only then can Lookup see ctx end while the replica works")
		}
		finish(t, &c, "after the caller cancelled a lookup with one replica")
	})
}
