package hl7pipe_test

// The same behaviour as the bubble tests, checked once more outside any
// synctest bubble, with the real clock and short real durations, so that code
// cannot behave well only under fake time. Bounds are generous (seconds for
// work that takes microseconds), so a loaded machine does not make them flaky.

import (
	"context"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	hl7pipe "gokata.dev/katas/channels-pipeline-stages"
)

// realGuard is how long, in real time, the tests below wait for something that
// takes microseconds.
const realGuard = 2 * time.Second

// realCollect receives from ch until it is closed, failing after realGuard.
func realCollect[T any](t *testing.T, ch <-chan T, what string) []T {
	t.Helper()
	var got []T
	timer := time.NewTimer(realGuard)
	defer timer.Stop()
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				return got
			}
			got = append(got, v)
		case <-timer.C:
			t.Fatalf("%s (real clock) was still open %v later (received %d values, then nothing)", what, realGuard,
				len(got))
			return nil
		}
	}
}

// pipelineGoroutines lists the goroutines, outside every synctest bubble,
// that are running code of pipeline.go.
func pipelineGoroutines() []string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var left []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		header, _, _ := strings.Cut(g, "\n")
		if strings.Contains(header, "synctest bubble") || !strings.Contains(g, "/pipeline.go:") {
			continue
		}
		left = append(left, g)
	}
	return left
}

// expectNoPipelineGoroutines polls until no goroutine runs pipeline.go code,
// failing after realGuard.
func expectNoPipelineGoroutines(t *testing.T, when string) {
	t.Helper()
	deadline := time.Now().Add(realGuard)
	for {
		left := pipelineGoroutines()
		if len(left) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s (real clock), %d goroutine(s) of the pipeline were still there %v later: a leak.\n\n%s",
				when, len(left), realGuard, strings.Join(left, "\n\n"))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestHiddenRealClockConvertCompletesAndCloses(t *testing.T) {
	got := realCollect(t, hl7pipe.Convert(context.Background(), feed), "Convert's output channel")
	if !slices.Equal(got, feedRecords) {
		t.Fatalf("Convert(feed) gave %v; want %v", got, feedRecords)
	}
	expectNoPipelineGoroutines(t, "after a complete conversion")
}

func TestHiddenRealClockCancelledPipelineExits(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	records := hl7pipe.Convert(ctx, manyLines(500))
	for range 3 {
		<-records
	}
	time.Sleep(20 * time.Millisecond) // every stage is now blocked on its send
	cancel()

	expectNoPipelineGoroutines(t, "after the consumer cancelled and stopped reading")
}

func TestHiddenRealClockEmitBlockedOnSendStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	lines := hl7pipe.Emit(ctx, manyLines(300))
	<-lines
	time.Sleep(20 * time.Millisecond) // Emit is now blocked sending its second line
	cancel()

	expectNoPipelineGoroutines(t, "after cancelling Emit while nobody reads its output")
	if _, ok := <-lines; ok {
		t.Fatalf("Emit's output delivered a line after ctx was cancelled and Emit stopped; want it closed")
	}
}

func TestHiddenRealClockCancelledStageDrainsAndCloses(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := make(chan string)
	legacyDone := make(chan struct{})
	go func() { // a legacy feed reader: plain sends, no ctx
		defer close(legacyDone)
		for _, l := range manyLines(200) {
			in <- l
		}
		close(in)
	}()

	out := hl7pipe.Stage(ctx, in, hl7pipe.ParseSegment)
	<-out
	time.Sleep(20 * time.Millisecond)
	cancel()

	realCollect(t, out, "the cancelled stage's output")
	select {
	case <-legacyDone:
	case <-time.After(realGuard):
		t.Fatalf("after the stage was cancelled (real clock), the upstream goroutine stayed blocked sending on the "+
			"stage's input for %v. A cancelled stage keeps receiving from its input until the input is closed.",
			realGuard)
	}

	idle := make(chan string)
	defer close(idle)
	ctx2, cancel2 := context.WithCancel(context.Background())
	out2 := hl7pipe.Stage(ctx2, idle, hl7pipe.ParseSegment)
	cancel2()
	realCollect(t, out2, "the output of a cancelled stage whose input is idle")
}
