package hl7pipe_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	hl7pipe "gokata.dev/katas/channels-pipeline-stages"
)

func TestHiddenStageClosesItsOutputWhenItsInputCloses(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		in := make(chan int)
		double := func(n int) (int, bool) { return 2 * n, n%3 != 0 }
		out := hl7pipe.Stage(t.Context(), in, double)

		go func() {
			for i := range 10 {
				in <- i
			}
			close(in)
		}()

		got := collect(t, out, "the stage's output, after its input was closed,")
		if want := []int{2, 4, 8, 10, 14, 16}; !slices.Equal(got, want) {
			t.Fatalf("Stage(double, dropping multiples of 3) over 0..9 gave %v; want %v (in order)", got, want)
		}
	})
}

func TestHiddenEmitClosesAfterTheLastLine(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		got := collect(t, hl7pipe.Emit(t.Context(), feed), "Emit's output")
		if !slices.Equal(got, feed) {
			t.Fatalf("Emit(feed) gave %q; want %q", got, feed)
		}
		if got := collect(t, hl7pipe.Emit(t.Context(), nil), "Emit's output for no lines"); len(got) != 0 {
			t.Fatalf("Emit(nil) gave %q; want nothing", got)
		}
	})
}

func TestHiddenCancelledStageDrainsAnUpstreamThatIgnoresCtx(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		// A legacy feed reader: plain sends, no ctx. It can only finish if
		// someone keeps receiving until it closes the channel.
		in := make(chan string)
		legacyDone := make(chan struct{})
		go func() {
			defer close(legacyDone)
			for _, l := range manyLines(200) {
				in <- l
			}
			close(in)
		}()

		out := hl7pipe.Stage(ctx, in, hl7pipe.ParseSegment)
		<-out
		<-out
		cancel()

		expectClosed(t, out, "the stage's output")
		synctest.Wait()
		select {
		case <-legacyDone:
		default:
			t.Fatalf("after the stage was cancelled, the upstream goroutine stayed blocked sending on the stage's " +
				"input. A cancelled stage stops sending, closes its output, and then keeps receiving (and " +
				"discarding) from its input until the input is closed.")
		}
	})
}

func TestHiddenCancelledStageClosesWhileItsInputIsIdle(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		in := make(chan string) // the hospital feed is quiet tonight
		out := hl7pipe.Stage(ctx, in, hl7pipe.ParseSegment)

		cancel()

		expectClosed(t, out, "the output of a stage whose input is idle")
		close(in) // the feed shuts down later; the stage's goroutine can now finish
	})
}

func TestHiddenEveryStageExitsWhenCancelledMidway(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())

		lines := hl7pipe.Emit(ctx, manyLines(1000))
		segs := hl7pipe.Stage(ctx, lines, hl7pipe.ParseSegment)
		values := hl7pipe.Stage(ctx, segs, func(s hl7pipe.Segment) (float64, bool) {
			v, err := strconv.ParseFloat(s.Fields[1], 64)
			return v, err == nil
		})
		total := 0.0
		for range 40 {
			total += <-values
		}
		cancel()

		expectAllExited(t, "after cancelling a three-stage pipeline midway")
		if total == 0 {
			t.Fatalf("the first 40 values summed to 0")
		}
	})
}

func TestHiddenEmitStopsWhenCancelled(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())

		lines := hl7pipe.Emit(ctx, manyLines(300))
		<-lines
		cancel()

		expectAllExited(t, "after cancelling Emit while nobody reads its output")
		expectClosed(t, lines, "Emit's output")
	})
}

func TestHiddenManyConversionsAtOnce(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		results := make(chan []hl7pipe.Record, 20)
		for range 20 {
			go func() { results <- collect(t, hl7pipe.Convert(t.Context(), feed), "Convert's output") }()
		}
		for range 20 {
			if got := <-results; !slices.Equal(got, feedRecords) {
				t.Fatalf("a concurrent Convert gave %v; want %v", got, feedRecords)
			}
		}
		expectAllExited(t, "after 20 complete conversions")
	})
}

func TestHiddenStageBlockedOnSendExitsWhenCancelled(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		in := make(chan int)
		go func() {
			defer close(in)
			for i := 0; ; i++ {
				select {
				case in <- i:
				case <-ctx.Done():
					return
				}
			}
		}()
		out := hl7pipe.Stage(ctx, in, func(n int) (string, bool) { return strconv.Itoa(n), true })

		<-out
		synctest.Wait() // the stage now waits to send its second value to a consumer that has gone
		cancel()

		expectAllExited(t, "after cancelling a stage that was blocked sending to a consumer that "+
			"stopped reading (every send needs a select with a <-ctx.Done() case)")
	})
}

func TestHiddenEmitBlockedOnSendStopsWhenCancelled(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())

		lines := hl7pipe.Emit(ctx, manyLines(300))
		<-lines
		synctest.Wait() // Emit now waits to send its second line to a consumer that has gone
		cancel()

		expectAllExited(t, "after cancelling Emit while it was blocked sending to a consumer that stopped "+
			"reading (checking ctx.Err() before a plain send is not enough: the send itself needs a select "+
			"with a <-ctx.Done() case)")
	})
}

func TestHiddenCancelledStageDiscardsWithoutProcessing(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		// A legacy feed reader: plain sends, no ctx.
		in := make(chan string)
		go func() {
			for _, l := range manyLines(50) {
				in <- l
			}
			close(in)
		}()
		var calls, callsAfterCancel atomic.Int32
		parse := func(line string) (hl7pipe.Segment, bool) {
			calls.Add(1)
			if ctx.Err() != nil {
				callsAfterCancel.Add(1)
			}
			return hl7pipe.ParseSegment(line)
		}

		out := hl7pipe.Stage(ctx, in, parse)
		<-out
		<-out
		synctest.Wait() // the stage has parsed the third line and waits to send it
		cancel()
		synctest.Wait() // nobody is reading: the stage can only see the cancellation

		expectClosed(t, out, "the stage's output")
		synctest.Wait() // the stage has drained its input to the end
		if n := callsAfterCancel.Load(); n > 0 {
			t.Fatalf("after ctx was cancelled, the stage still ran f on %d of the lines it drained from its "+
				"input (%d calls in all; it had received 3 lines before the cancellation); want none. A cancelled "+
				"stage keeps receiving from its input only to discard the values, so that the upstream is not "+
				"left blocked: it does no more work on them.", n, calls.Load())
		}
	})
}

func TestHiddenCancelledStageDoesNotKeepSendingToAWaitingReader(t *testing.T) {
	// Each round: the stage has received a line and is still parsing it when
	// the upload is aborted; the upload job is already waiting on the output.
	// Once f returns, both the send and ctx.Done() are ready. A stage whose
	// send is a select on the two lets Go pick one at random, so it sends the
	// segment in about half of the rounds (56 or more of 64: chance 3e-10). A
	// stage that tries the send first (a non-blocking send before its select
	// with ctx) sends it in every round: it never stops sending.
	const rounds, tooMany = 64, 56
	inBubble(t, func(t *testing.T) {
		sentAfterCancel := 0
		for round := range rounds {
			ctx, cancel := context.WithCancel(t.Context())
			in := make(chan string)
			parsing := make(chan struct{})
			parse := func(line string) (hl7pipe.Segment, bool) {
				<-parsing
				return hl7pipe.ParseSegment(line)
			}
			out := hl7pipe.Stage(ctx, in, parse)
			received := make(chan int, 1)
			go func() { // the upload job, ranging over the stage's output
				n := 0
				for range out {
					n++
				}
				received <- n
			}()

			in <- fmt.Sprintf("OBX|R%04d|%d.0|mmol/L", round, round%9) // the stage is now parsing it
			cancel()                                                   // the user aborts the upload
			synctest.Wait()                                            // the upload job waits on the output
			close(parsing)
			close(in)

			select {
			case n := <-received:
				sentAfterCancel += n
			case <-time.After(guard):
				t.Fatalf("round %d: the stage's output was not closed after ctx was cancelled", round)
			}
			expectAllExited(t, fmt.Sprintf("round %d: after a cancelled stage closed its output and its input "+
				"was closed", round))
		}
		if sentAfterCancel >= tooMany {
			t.Fatalf("in %d of %d rounds the stage sent a segment after ctx had been cancelled (f was still "+
				"running when the upload was aborted, and the upload job was waiting on the output); want it to "+
				"stop sending: a select on the send and ctx.Done() picks ctx.Done() about half of the time, so "+
				"at most about %d. A stage that tries the send first (a non-blocking send, then the select with "+
				"ctx) keeps sending after the cancellation as long as someone reads.",
				sentAfterCancel, rounds, rounds/2)
		}
	})
}
