package hl7pipe_test

// The behaviours of the bubble tests, checked once more outside any synctest
// bubble, with the real clock and short real durations (one conversion takes
// 20ms), so that code cannot behave well only under fake time. Bounds leave a
// second or more of slack, so a loaded machine does not make them flaky.

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

const realUnit = 20 * time.Millisecond

// pipelineGoroutines counts the goroutines, outside every synctest bubble,
// that are running code of pipeline.go.
func pipelineGoroutines() []string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var left []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		header, _, _ := strings.Cut(g, "\n")
		if !strings.Contains(header, "synctest bubble") && strings.Contains(g, "/pipeline.go:") {
			left = append(left, g)
		}
	}
	return left
}

// expectNoPipelineGoroutines polls briefly (a goroutine that has called
// wg.Done may need a moment to be gone) for no more pipeline goroutines than
// before the test (baseline: left over by an earlier failed test).
func expectNoPipelineGoroutines(t *testing.T, baseline int, when string) {
	t.Helper()
	deadline := time.Now().Add(time.Second)
	for len(pipelineGoroutines()) > baseline {
		if time.Now().After(deadline) {
			left := pipelineGoroutines()
			t.Fatalf("%s (real clock), goroutine(s) of pipeline.go were still there: every goroutine ConvertAll "+
				"starts must have exited when it returns.\n\n%s", when, strings.Join(left, "\n\n"))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestHiddenRealClockConvertsInOrderWithinTheBound(t *testing.T) {
	baseline := len(pipelineGoroutines())
	conv := &fakeConverter{unit: realUnit}
	msgs := messages(12)

	o := convertAll(context.Background(), conv, msgs, 3)

	_, _, maxInFlight, _ := conv.snapshot()
	if o.err != nil || len(o.out) != 12 || o.out[0] != "SPONSOR|"+msgs[0] || o.out[11] != "SPONSOR|"+msgs[11] {
		t.Fatalf("ConvertAll (real clock) = %q, %v; want all 12 messages converted, in order", o.out, o.err)
	}
	if maxInFlight > 3 {
		t.Fatalf("3 workers (real clock): %d conversions ran at once; want at most 3", maxInFlight)
	}
	expectNoPipelineGoroutines(t, baseline, "after a complete batch")
}

func TestHiddenRealClockFailureStopsEverything(t *testing.T) {
	baseline := len(pipelineGoroutines())
	conv := &fakeConverter{unit: realUnit}

	o := convertAll(context.Background(), conv, messages(60, 6), 4)

	started, _, _, causes := conv.snapshot()
	if !errors.Is(o.err, errBadSegment) || o.out != nil {
		t.Fatalf("message 6 failed (real clock); ConvertAll returned %d result(s) and %v; want no results and an "+
			"error wrapping %q", len(o.out), o.err, errBadSegment)
	}
	if o.inFlight != 0 {
		t.Fatalf("%d conversion(s) were still running when ConvertAll returned (real clock); want 0", o.inFlight)
	}
	if started >= 30 {
		t.Fatalf("message 6 failed early, yet %d of 60 conversions were started (real clock); want no further "+
			"work once a conversion has failed", started)
	}
	for _, c := range causes {
		if !errors.Is(c, errBadSegment) {
			t.Fatalf("a stopped converter saw cause %v (real clock); want %q", c, errBadSegment)
		}
	}
	expectNoPipelineGoroutines(t, baseline, "after a failed batch")
}

func TestHiddenRealClockCallerCancelsAndDeadline(t *testing.T) {
	baseline := len(pipelineGoroutines())
	ctx, cancel := context.WithCancelCause(context.Background())
	time.AfterFunc(50*time.Millisecond, func() { cancel(errSiteClosed) })
	conv := &fakeConverter{unit: realUnit}
	start := time.Now()

	o := convertAll(ctx, conv, messages(200), 4)

	_, _, _, causes := conv.snapshot()
	if !errors.Is(o.err, errSiteClosed) || o.out != nil || o.inFlight != 0 {
		t.Fatalf("the caller cancelled with cause %q after 50ms (real clock); ConvertAll returned %d result(s), "+
			"%v, with %d conversion(s) still running; want no results, the caller's cause, none running",
			errSiteClosed, len(o.out), o.err, o.inFlight)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("the caller cancelled after 50ms (real clock); ConvertAll returned only after %v", d)
	}
	for _, c := range causes {
		if !errors.Is(c, errSiteClosed) {
			t.Fatalf("a stopped converter saw cause %v (real clock); want the caller's %q", c, errSiteClosed)
		}
	}

	dctx, dcancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer dcancel()
	o = convertAll(dctx, &fakeConverter{unit: realUnit}, messages(200), 0)
	if !errors.Is(o.err, context.DeadlineExceeded) || o.out != nil || o.inFlight != 0 {
		t.Fatalf("the caller's 50ms deadline passed (real clock); ConvertAll returned %d result(s), %v, with %d "+
			"conversion(s) still running; want no results, context.DeadlineExceeded, none running",
			len(o.out), o.err, o.inFlight)
	}
	expectNoPipelineGoroutines(t, baseline, "after cancelled batches")
}
