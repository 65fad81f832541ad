package hl7pipe_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	hl7pipe "gokata.dev/katas/context-pipeline-cancel-cause"
)

func TestHiddenConvertersLearnTheCause(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		conv := &fakeConverter{}

		o := convertAll(t.Context(), conv, messages(100, 9), 4)

		if !errors.Is(o.err, errBadSegment) {
			t.Fatalf("ConvertAll returned %v; want an error wrapping %q", o.err, errBadSegment)
		}
		synctest.Wait() // let any conversion still rolling back record what it saw
		_, _, _, causes := conv.snapshot()
		if len(causes) == 0 {
			t.Fatalf("no conversion in flight was told to stop when message 9 failed; want the three other " +
				"conversions of that round stopped through their ctx")
		}
		for _, c := range causes {
			if !errors.Is(c, errBadSegment) {
				t.Fatalf("a stopped converter asked context.Cause(ctx) why and got %v; want the failure that "+
					"stopped the pipeline (%q). context.WithCancelCause lets the code that cancels say why.",
					c, errBadSegment)
			}
		}
	})
}

func TestHiddenNothingRunsAfterReturn(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		conv := &fakeConverter{}

		o := convertAll(t.Context(), conv, messages(100, 9), 4)

		if o.inFlight != 0 {
			t.Fatalf("%d conversion(s) were still running (rolling back) when ConvertAll returned; want 0. "+
				"Cancelling only asks the workers to stop: wait until they have.", o.inFlight)
		}
		// Message 9 fails at 2.1s; the three other conversions then need 100ms to roll back.
		if o.elapsed < 2200*time.Millisecond || o.elapsed >= 3*time.Second {
			t.Fatalf("ConvertAll returned after %v; want about 2.2s: stop as soon as message 9 fails (2.1s) and "+
				"return once the conversions in flight have rolled back (100ms)", o.elapsed)
		}
	})
}

func TestHiddenCallerCancelsWithACause(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(t.Context())
		defer cancel(nil)
		go func() {
			time.Sleep(2500 * time.Millisecond)
			cancel(errSiteClosed)
		}()
		conv := &fakeConverter{}

		o := convertAll(ctx, conv, messages(100), 4)

		if !errors.Is(o.err, errSiteClosed) {
			t.Fatalf("the caller cancelled with cause %q; ConvertAll returned %v. Want the caller's reason "+
				"(context.Cause(ctx)), not just what ctx.Err() says.", errSiteClosed, o.err)
		}
		_, _, _, causes := conv.snapshot()
		for _, c := range causes {
			if !errors.Is(c, errSiteClosed) {
				t.Fatalf("a stopped converter saw cause %v; want the caller's %q", c, errSiteClosed)
			}
		}
		if o.inFlight != 0 || o.elapsed >= 3*time.Second {
			t.Fatalf("ConvertAll returned after %v with %d conversion(s) still running; want about 2.6s (cancel at "+
				"2.5s, then 100ms to roll back) and none running", o.elapsed, o.inFlight)
		}
	})
}

func TestHiddenCallerCancelsWithoutACause(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		go func() {
			time.Sleep(1500 * time.Millisecond)
			cancel()
		}()

		o := convertAll(ctx, &fakeConverter{}, messages(50), 4)

		if !errors.Is(o.err, context.Canceled) {
			t.Fatalf("the caller cancelled without a cause; ConvertAll returned %v, want an error wrapping "+
				"context.Canceled", o.err)
		}
	})
}

func TestHiddenCallerDeadline(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 1500*time.Millisecond)
		defer cancel()

		o := convertAll(ctx, &fakeConverter{}, messages(50), 4)

		if !errors.Is(o.err, context.DeadlineExceeded) || o.elapsed >= 2*time.Second || o.inFlight != 0 {
			t.Fatalf("with the caller's 1.5s deadline, ConvertAll returned %v after %v with %d conversion(s) still "+
				"running; want an error wrapping context.DeadlineExceeded after about 1.6s (1.5s, then 100ms to "+
				"roll back) and none running", o.err, o.elapsed, o.inFlight)
		}
	})
}

func TestHiddenWorkersBoundTheParallelism(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		conv := &fakeConverter{}
		msgs := messages(20)

		o := convertAll(t.Context(), conv, msgs, 3)

		_, _, maxInFlight, _ := conv.snapshot()
		if o.err != nil || len(o.out) != 20 || o.out[19] != "SPONSOR|"+msgs[19] {
			t.Fatalf("ConvertAll = %q, %v; want all 20 messages converted, in order", o.out, o.err)
		}
		if maxInFlight != 3 || o.elapsed != 7*time.Second {
			t.Fatalf("3 workers: %d conversions ran at once and 20 messages took %v; want 3 at once and 7s",
				maxInFlight, o.elapsed)
		}
	})
}

func TestHiddenFewerThanOneWorker(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		conv := &fakeConverter{}
		msgs := messages(5)

		o := convertAll(t.Context(), conv, msgs, 0)

		_, _, maxInFlight, _ := conv.snapshot()
		if o.err != nil || !slices.Equal(o.out, []string{"SPONSOR|MSG-000", "SPONSOR|MSG-001", "SPONSOR|MSG-002",
			"SPONSOR|MSG-003", "SPONSOR|MSG-004"}) || maxInFlight != 1 {
			t.Fatalf("with workers = 0, ConvertAll = %q, %v with %d at once; want all 5 converted by 1 worker",
				o.out, o.err, maxInFlight)
		}
	})
}

func TestHiddenNoMessages(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		o := convertAll(t.Context(), &fakeConverter{}, nil, 4)
		if o.err != nil || len(o.out) != 0 || o.elapsed != 0 {
			t.Fatalf("ConvertAll(no messages) = %q, %v after %v; want no results, no error, at once", o.out, o.err,
				o.elapsed)
		}
	})
}

func TestHiddenFirstMessageFailsOnOneWorker(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		conv := &fakeConverter{}

		o := convertAll(t.Context(), conv, messages(30, 0), 1)

		started, _, _, _ := conv.snapshot()
		if !errors.Is(o.err, errBadSegment) || o.elapsed >= 500*time.Millisecond || started > 3 {
			t.Fatalf("message 0 fails after 100ms on the only worker; ConvertAll returned %v after %v having "+
				"started %d conversions; want the failure after 100ms, with no further work", o.err, o.elapsed, started)
		}
	})
}

func TestHiddenFailedBatchReturnsNoResults(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		o := convertAll(t.Context(), &fakeConverter{}, messages(40, 13), 4)
		if !errors.Is(o.err, errBadSegment) || o.out != nil {
			t.Fatalf("message 13 failed; ConvertAll returned %d result(s) (%q) and %v; want no results (nil) and "+
				"the failure: a batch is all or nothing, and a partial slice with empty holes would be stored as "+
				"if it were the site's data", len(o.out), o.out, o.err)
		}

		ctx, cancel := context.WithCancelCause(t.Context())
		time.AfterFunc(2500*time.Millisecond, func() { cancel(errSiteClosed) })
		o = convertAll(ctx, &fakeConverter{}, messages(40), 4)
		if !errors.Is(o.err, errSiteClosed) || o.out != nil {
			t.Fatalf("the caller cancelled midway; ConvertAll returned %d result(s) and %v; want no results (nil) "+
				"and the caller's cause: a batch is all or nothing", len(o.out), o.err)
		}
	})
}

func TestHiddenNoConversionStartsAfterTheStop(t *testing.T) {
	// lateStarts wraps the converter and records every conversion that was
	// started on a ctx that was already done: work started after the stop.
	type late struct {
		mu   sync.Mutex
		msgs []string
	}
	wrap := func(conv *fakeConverter, l *late) func(ctx context.Context, msg string) (string, error) {
		return func(ctx context.Context, msg string) (string, error) {
			if ctx.Err() != nil {
				l.mu.Lock()
				l.msgs = append(l.msgs, msg)
				l.mu.Unlock()
			}
			return conv.convert(ctx, msg)
		}
	}

	t.Run("a conversion fails", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			conv, l := &fakeConverter{}, &late{}

			_, err := hl7pipe.ConvertAll(t.Context(), messages(100, 9), 4, wrap(conv, l))

			if !errors.Is(err, errBadSegment) {
				t.Fatalf("ConvertAll returned %v; want an error wrapping %q", err, errBadSegment)
			}
			synctest.Wait()
			if len(l.msgs) > 0 {
				t.Fatalf("after message 9 failed and the pipeline was stopped, conversions of %q were still "+
					"started (on a ctx that was already cancelled); want none: once a conversion fails, no "+
					"further work is started. Check the ctx before handing out or starting a message.", l.msgs)
			}
			if started, _, _, _ := conv.snapshot(); started != 12 {
				t.Fatalf("%d conversions were started; want 12 (messages 0-11: three rounds of 4, and message 9 "+
					"of the third round fails): no further work is started after a failure", started)
			}
		})
	})

	t.Run("the caller cancels", func(t *testing.T) {
		inBubble(t, func(t *testing.T) {
			ctx, cancel := context.WithCancelCause(t.Context())
			defer cancel(nil)
			time.AfterFunc(2500*time.Millisecond, func() { cancel(errSiteClosed) })
			conv, l := &fakeConverter{}, &late{}

			_, err := hl7pipe.ConvertAll(ctx, messages(100), 4, wrap(conv, l))

			if !errors.Is(err, errSiteClosed) {
				t.Fatalf("ConvertAll returned %v; want an error wrapping the caller's cause %q", err, errSiteClosed)
			}
			synctest.Wait()
			if len(l.msgs) > 0 {
				t.Fatalf("after the caller cancelled, conversions of %q were still started (on a ctx that was "+
					"already cancelled); want none: when the caller's ctx ends, stop the same way, starting no "+
					"further work", l.msgs)
			}
		})
	})
}

func TestHiddenFailureIsNotReportedAsACancellation(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		conv := &fakeConverter{}

		o := convertAll(t.Context(), conv, messages(100, 9), 4)

		if !errors.Is(o.err, errBadSegment) {
			t.Fatalf("ConvertAll returned %v; want an error wrapping %q", o.err, errBadSegment)
		}
		if errors.Is(o.err, context.Canceled) {
			t.Fatalf("message 9 failed and ConvertAll returned %q, which also matches context.Canceled: the "+
				"caller would take it for its own cancellation. The conversions stopped because of the failure "+
				"return ctx's error, but ConvertAll returns the failure that stopped the pipeline (wrapped), "+
				"not the errors of the conversions it stopped.", o.err)
		}
	})
}
