package eproreport_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	eproreport "gokata.dev/katas/channels-report-timeout"
)

func TestHiddenGenContextEndsAtTheTimeout(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		type seen struct {
			at  time.Duration
			err error
		}
		saw := make(chan seen, 1)
		start := time.Now()
		gen := func(ctx context.Context) (eproreport.Report, error) {
			<-ctx.Done() // a renderer that stops when told to
			saw <- seen{time.Since(start), ctx.Err()}
			return eproreport.Report{}, ctx.Err()
		}

		_, err := eproreport.Generate(t.Context(), 5*time.Second, gen)

		if !errors.Is(err, eproreport.ErrTimeout) {
			t.Fatalf("Generate returned %v; want ErrTimeout", err)
		}
		select {
		case s := <-saw:
			if s.at != 5*time.Second || !errors.Is(s.err, context.DeadlineExceeded) {
				t.Fatalf("gen's ctx ended after %v with %v; want at 5s with context.DeadlineExceeded", s.at, s.err)
			}
		case <-time.After(time.Hour):
			t.Fatalf("an hour after the 5s timeout, gen's ctx had still not been cancelled: the renderer keeps " +
				"burning CPU for a report nobody will read. Cancellation is cooperative: give gen a ctx that " +
				"ends at the timeout (context.WithTimeout).")
		}
	})
}

func TestHiddenCooperativeGenStopsAtTheTimeout(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		gen := func(ctx context.Context) (eproreport.Report, error) {
			select {
			case <-time.After(10 * time.Minute):
				return eproreport.Report{PatientID: "P00100", Pages: 40}, nil
			case <-ctx.Done():
				return eproreport.Report{}, ctx.Err()
			}
		}

		_, err := eproreport.Generate(t.Context(), 3*time.Second, gen)

		if !errors.Is(err, eproreport.ErrTimeout) {
			t.Fatalf("Generate returned %v; want ErrTimeout", err)
		}
		expectAllExited(t, "right after the timeout, with a renderer that stops when its ctx ends")
	})
}

func TestHiddenCallerCancellationEndsItAtOnce(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(time.Second, cancel) // the doctor closes the report page
		genErr := make(chan error, 1)
		gen := func(ctx context.Context) (eproreport.Report, error) {
			<-ctx.Done()
			genErr <- ctx.Err()
			return eproreport.Report{}, ctx.Err()
		}
		start := time.Now()

		_, err := eproreport.Generate(ctx, 30*time.Second, gen)

		if d := time.Since(start); d != time.Second {
			t.Fatalf("Generate returned after %v; the caller cancelled after 1s, so want 1s", d)
		}
		if !errors.Is(err, context.Canceled) || errors.Is(err, eproreport.ErrTimeout) {
			t.Fatalf("after the caller cancelled, Generate returned %v; want context.Canceled (not ErrTimeout: "+
				"the budget was not used up)", err)
		}
		select {
		case e := <-genErr:
			if !errors.Is(e, context.Canceled) {
				t.Fatalf("gen's ctx ended with %v; want context.Canceled, passed down from the caller", e)
			}
		case <-time.After(time.Hour):
			t.Fatalf("gen's ctx was never cancelled after the caller's was: derive gen's ctx from the caller's")
		}
	})
}

func TestHiddenGenErrorPassesThrough(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		errTemplate := errors.New("questionnaire template v4 missing")
		genErr := fmt.Errorf("render: %w", errTemplate)
		gen := func(ctx context.Context) (eproreport.Report, error) {
			time.Sleep(time.Second)
			return eproreport.Report{}, genErr
		}

		_, err := eproreport.Generate(t.Context(), 5*time.Second, gen)

		if !errors.Is(err, errTemplate) {
			t.Fatalf("gen failed after 1s with a 5s budget; Generate returned %v; want gen's error", err)
		}
		if err != genErr {
			t.Fatalf("gen failed after 1s with a 5s budget and returned the error %q; Generate returned %q "+
				"(%T). When gen finishes within the budget, Generate returns what gen returned: that very "+
				"error, not a new one wrapping it.", genErr, err, err)
		}
	})
}

func TestHiddenGenReportAndErrorBothPassThrough(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		// A renderer that got part of the way: it returns the pages it did
		// render together with the error that stopped it.
		partial := eproreport.Report{PatientID: "P1", Pages: 2}
		genErr := errors.New("page 3: questionnaire item Q17 has no template")
		gen := func(ctx context.Context) (eproreport.Report, error) {
			time.Sleep(time.Second)
			return partial, genErr
		}

		r, err := eproreport.Generate(t.Context(), 5*time.Second, gen)

		if r != partial || err != genErr {
			t.Fatalf("gen returned %+v together with the error %q after 1s, within the 5s budget; Generate "+
				"returned %+v, %v. When gen finishes within the budget, Generate returns what gen returned: "+
				"its Report and its error, both unchanged, even when the error is not nil.", partial, genErr, r, err)
		}
	})
}

func TestHiddenManySlowReportsLeaveNoGoroutines(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		errs := make(chan error, 50)
		for i := range 50 {
			go func() {
				gen := func(ctx context.Context) (eproreport.Report, error) {
					time.Sleep(time.Duration(10+i) * time.Second) // ignores ctx
					return eproreport.Report{Pages: i}, nil
				}
				_, err := eproreport.Generate(t.Context(), 5*time.Second, gen)
				errs <- err
			}()
		}
		for range 50 {
			if err := <-errs; !errors.Is(err, eproreport.ErrTimeout) {
				t.Fatalf("a report with a 5s budget that takes 10s or more returned %v; want ErrTimeout", err)
			}
		}

		time.Sleep(time.Minute) // every renderer has finished by now
		expectAllExited(t, "after 50 timed-out reports whose renderers finished later")
	})
}

func TestHiddenFastReportDoesNotWaitForTheBudget(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		start := time.Now()
		for i := range 5 {
			r, err := eproreport.Generate(t.Context(), time.Hour, func(ctx context.Context) (eproreport.Report, error) {
				return eproreport.Report{PatientID: fmt.Sprintf("P%05d", i), Pages: 1}, nil
			})
			if err != nil || r.Pages != 1 {
				t.Fatalf("Generate = %+v, %v; want the report", r, err)
			}
		}
		if d := time.Since(start); d != 0 {
			t.Fatalf("5 instant reports with a 1-hour budget took %v; want no waiting at all", d)
		}
		expectAllExited(t, "after 5 instant reports")
	})
}

func TestHiddenReturnsAtTheBudgetNotWhenTheRendererFinishes(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		for _, budget := range []time.Duration{time.Second, 7 * time.Second, 30 * time.Second} {
			gen := func(ctx context.Context) (eproreport.Report, error) {
				time.Sleep(5 * time.Minute) // a renderer that ignores ctx
				return eproreport.Report{Pages: 99}, nil
			}
			start := time.Now()

			_, err := eproreport.Generate(t.Context(), budget, gen)

			if d := time.Since(start); d != budget || !errors.Is(err, eproreport.ErrTimeout) {
				t.Fatalf("with a %v budget and a 5-minute renderer, Generate returned %v after %v; want ErrTimeout "+
					"after exactly %v. Do not wait for gen: wait for whichever comes first, its result or the "+
					"deadline (select).", budget, err, d, budget)
			}
		}
		time.Sleep(10 * time.Minute) // let the renderers finish
	})
}

func TestHiddenCallerCancellationEndsItAtOnceEvenIfGenIgnoresCtx(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(2*time.Second, cancel) // the doctor closes the report page
		gen := func(ctx context.Context) (eproreport.Report, error) {
			time.Sleep(5 * time.Minute) // an old renderer that never looks at ctx
			return eproreport.Report{Pages: 12}, nil
		}
		start := time.Now()

		_, err := eproreport.Generate(ctx, 30*time.Second, gen)

		if d := time.Since(start); d != 2*time.Second || !errors.Is(err, context.Canceled) {
			t.Fatalf("the caller cancelled after 2s (budget 30s, a renderer that ignores ctx); Generate returned "+
				"%v after %v; want context.Canceled after exactly 2s. Waiting only for gen or the budget is not "+
				"enough: the wait itself must also end when the caller's ctx does.", err, d)
		}
		time.Sleep(10 * time.Minute) // let the renderer finish
	})
}

func TestHiddenCallerDeadlineIsNotOurTimeout(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		// The HTTP handler that asks for the report has its own 2s deadline.
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
		defer cancel()
		gen := func(ctx context.Context) (eproreport.Report, error) {
			<-ctx.Done()
			return eproreport.Report{}, ctx.Err()
		}
		start := time.Now()

		_, err := eproreport.Generate(ctx, 30*time.Second, gen)

		if d := time.Since(start); d != 2*time.Second {
			t.Fatalf("the caller's ctx ended after 2s (budget 30s); Generate returned after %v; want 2s", d)
		}
		if errors.Is(err, eproreport.ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("the caller's own deadline (2s) ended its ctx long before the 30s budget; Generate returned "+
				"%v; want ctx.Err() (context.DeadlineExceeded), not ErrTimeout: ErrTimeout means the report's "+
				"budget ran out. Both end gen's ctx with DeadlineExceeded, so gen's ctx.Err() cannot tell them "+
				"apart; context.WithTimeoutCause or checking the caller's ctx can.", err)
		}
	})
}

func TestHiddenCallerCancelledWithACauseStillGetsCtxErr(t *testing.T) {
	inBubble(t, func(t *testing.T) {
		errPageClosed := errors.New("doctor closed the report page")
		ctx, cancel := context.WithCancelCause(t.Context())
		time.AfterFunc(time.Second, func() { cancel(errPageClosed) })
		gen := func(ctx context.Context) (eproreport.Report, error) {
			<-ctx.Done()
			return eproreport.Report{}, ctx.Err()
		}
		start := time.Now()

		_, err := eproreport.Generate(ctx, 30*time.Second, gen)

		if d := time.Since(start); d != time.Second {
			t.Fatalf("the caller cancelled after 1s (budget 30s); Generate returned after %v; want 1s", d)
		}
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("the caller cancelled its ctx with the cause %q; Generate returned %v; want ctx.Err() "+
				"(context.Canceled): when the caller's ctx is cancelled first, Generate returns ctx.Err(), "+
				"not context.Cause(ctx)", errPageClosed, err)
		}
	})

	inBubble(t, func(t *testing.T) {
		errHandlerBudget := errors.New("HTTP handler budget of 2s used up")
		ctx, cancel := context.WithTimeoutCause(t.Context(), 2*time.Second, errHandlerBudget)
		defer cancel()
		gen := func(ctx context.Context) (eproreport.Report, error) {
			<-ctx.Done()
			return eproreport.Report{}, ctx.Err()
		}

		_, err := eproreport.Generate(ctx, 30*time.Second, gen)

		if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, eproreport.ErrTimeout) {
			t.Fatalf("the caller's ctx hit its own 2s deadline (with the cause %q) long before the 30s budget; "+
				"Generate returned %v; want ctx.Err() (context.DeadlineExceeded), not context.Cause(ctx) and "+
				"not ErrTimeout", errHandlerBudget, err)
		}
	})
}
