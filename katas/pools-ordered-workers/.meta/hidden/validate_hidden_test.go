package edcbatch_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	edcbatch "gokata.dev/katas/pools-ordered-workers"
)

func TestHiddenNeverMoreThanWorkersAtOnce(t *testing.T) {
	for _, workers := range []int{1, 3, 8} {
		forms := makeForms(60)
		var inFlight, peak atomic.Int32
		validate := func(ctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
			n := inFlight.Add(1)
			defer inFlight.Add(-1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			for range 50 {
				runtime.Gosched()
			}
			return reportFor(f), nil
		}

		reports, err := validateAllWithin(t, context.Background(), forms, workers, validate, "")

		if err != nil {
			t.Fatalf("workers=%d: error %v", workers, err)
		}
		checkReports(t, forms, reports)
		if p := peak.Load(); p > int32(workers) {
			t.Fatalf("workers=%d: %d validations ran at the same time; the validation service admits at most "+
				"workers concurrent requests. Start a fixed number of workers (or use a semaphore), not a "+
				"goroutine per form.", workers, p)
		}
	}
}

func TestHiddenUsesAllItsWorkers(t *testing.T) {
	const workers = 4
	forms := makeForms(12)
	var arrived atomic.Int32
	allIn := make(chan struct{})
	validate := func(ctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
		if arrived.Add(1) == workers {
			close(allIn)
		}
		select {
		case <-allIn:
			return reportFor(f), nil
		case <-time.After(2 * time.Second):
			return edcbatch.Report{}, fmt.Errorf("only %d validations ever ran at once with workers=%d", arrived.Load(), workers)
		}
	}

	reports, err := validateAllWithin(t, context.Background(), forms, workers, validate, "")

	if err != nil {
		t.Fatalf("%v: the batch must use its workers in parallel, or the nightly run takes %d times longer",
			err, workers)
	}
	checkReports(t, forms, reports)
}

func TestHiddenReturnsTheCauseNotTheCancellation(t *testing.T) {
	for round := range 20 {
		forms := makeForms(30)
		bad := forms[round%5].ID // among the first 5, which the 5 workers start at once
		cause := fmt.Errorf("%s: visit date before consent date", bad)
		validate := func(ctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
			if f.ID == bad {
				return edcbatch.Report{}, cause
			}
			<-ctx.Done()
			return edcbatch.Report{}, fmt.Errorf("%s: %w", f.ID, ctx.Err())
		}

		reports, err := validateAllWithin(t, context.Background(), forms, 5, validate,
			"The other validations only stop when their ctx is cancelled.")

		if !errors.Is(err, cause) {
			t.Fatalf("round %d: ValidateAll returned %v; want the failure of %s. The validations that stop "+
				"because of it fail with context.Canceled, but they are consequences: report the first error, "+
				"the cause.", round, err, bad)
		}
		if reports != nil {
			t.Fatalf("round %d: got %d reports with the error; want nil", round, len(reports))
		}
	}
}

func TestHiddenNoValidationStartsAfterTheFirstError(t *testing.T) {
	const workers = 4
	baseline := runtime.NumGoroutine()
	forms := makeForms(100)
	var calls atomic.Int32
	validate := func(ctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
		calls.Add(1)
		if f.ID == "CRF-0000" {
			return edcbatch.Report{}, errBadForm
		}
		<-ctx.Done()
		return edcbatch.Report{}, ctx.Err()
	}

	_, err := validateAllWithin(t, context.Background(), forms, workers, validate,
		"After CRF-0000 failed, the other validations wait for their ctx to be cancelled.")

	if !errors.Is(err, errBadForm) {
		t.Fatalf("ValidateAll returned %v; want the error of CRF-0000", err)
	}
	if n := calls.Load(); n > workers {
		t.Fatalf("validate was called %d times; want at most %d (the forms already in progress when CRF-0000 "+
			"failed). After the first error, no new validation may start: check ctx before taking the next form.",
			n, workers)
	}
	expectNoLeak(t, baseline, "after ValidateAll returned the first error")
}

func TestHiddenReturnsOnlyAfterRunningValidationsReturned(t *testing.T) {
	for round := range 20 {
		forms := makeForms(16)
		var inFlight atomic.Int32
		validate := func(ctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
			inFlight.Add(1)
			defer inFlight.Add(-1)
			if f.ID == "CRF-0005" {
				return edcbatch.Report{}, errBadForm
			}
			<-ctx.Done()
			for range 20 {
				runtime.Gosched() // cleaning up takes a moment
			}
			return edcbatch.Report{}, ctx.Err()
		}

		_, err := validateAllWithin(t, context.Background(), forms, 6, validate, "")

		if n := inFlight.Load(); n != 0 {
			t.Fatalf("round %d: ValidateAll returned (%v) while %d validations were still running. It must wait "+
				"for them: they still use the batch's resources, and the caller may start the next batch.",
				round, err, n)
		}
	}
}

func TestHiddenCallerCancellationStopsTheBatch(t *testing.T) {
	baseline := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	forms := makeForms(50)
	var started atomic.Int32
	validate := func(vctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
		if started.Add(1) == 3 {
			cancel() // the operator aborts the nightly run
		}
		<-vctx.Done()
		return edcbatch.Report{}, vctx.Err()
	}

	reports, err := validateAllWithin(t, ctx, forms, 3, validate,
		"The caller cancelled ctx; the validations wait for theirs to be cancelled too.")

	if !errors.Is(err, context.Canceled) {
		t.Fatalf("after the caller cancelled ctx, ValidateAll returned %v; want an error wrapping context.Canceled", err)
	}
	if reports != nil {
		t.Fatalf("got %d reports after cancellation; want nil", len(reports))
	}
	if n := started.Load(); n > 3 {
		t.Fatalf("%d validations started; want no new ones after the caller cancelled (3 were running)", n)
	}
	expectNoLeak(t, baseline, "after a cancelled batch")
}

func TestHiddenNoGoroutineLeftAfterSuccess(t *testing.T) {
	baseline := runtime.NumGoroutine()
	forms := makeForms(200)
	validate := func(ctx context.Context, f edcbatch.Form) (edcbatch.Report, error) { return reportFor(f), nil }

	reports, err := validateAllWithin(t, context.Background(), forms, 8, validate, "")

	if err != nil {
		t.Fatalf("error %v", err)
	}
	checkReports(t, forms, reports)
	expectNoLeak(t, baseline, "after a successful batch")
}

func TestHiddenEdgeCases(t *testing.T) {
	validate := func(ctx context.Context, f edcbatch.Form) (edcbatch.Report, error) { return reportFor(f), nil }

	reports, err := validateAllWithin(t, context.Background(), nil, 4, validate, "with no forms at all")
	if err != nil || len(reports) != 0 {
		t.Fatalf("ValidateAll(no forms) = %d reports, %v; want 0 reports and no error", len(reports), err)
	}

	for _, workers := range []int{0, -2} {
		forms := makeForms(5)
		reports, err := validateAllWithin(t, context.Background(), forms, workers, validate,
			"A workers value below 1 means 1 worker.")
		if err != nil {
			t.Fatalf("workers=%d: error %v", workers, err)
		}
		checkReports(t, forms, reports)
	}

	forms := makeForms(3)
	reports, err = validateAllWithin(t, context.Background(), forms, 50, validate, "with more workers than forms")
	if err != nil {
		t.Fatalf("workers=50, 3 forms: error %v", err)
	}
	checkReports(t, forms, reports)
}

func TestHiddenNoValidationStartsAfterTheFirstErrorEvenIfOthersSucceed(t *testing.T) {
	// The validations still running when CRF-0000 fails finish their work
	// anyway once their ctx is cancelled, and report success. The workers must
	// still not take another form.
	const workers = 4
	baseline := runtime.NumGoroutine()
	forms := makeForms(100)
	var calls atomic.Int32
	validate := func(ctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
		calls.Add(1)
		if f.ID == "CRF-0000" {
			return edcbatch.Report{}, errBadForm
		}
		<-ctx.Done()
		return reportFor(f), nil // this check completed before it noticed the cancellation
	}

	reports, err := validateAllWithin(t, context.Background(), forms, workers, validate,
		"After CRF-0000 failed, the other validations wait for their ctx to be cancelled.")

	if !errors.Is(err, errBadForm) || reports != nil {
		t.Fatalf("ValidateAll returned %d reports, %v; want nil reports and the error of CRF-0000", len(reports), err)
	}
	if n := calls.Load(); n > workers {
		t.Fatalf("validate was called %d times for %d forms; want at most %d (the forms already in progress "+
			"when CRF-0000 failed). After the first error no new validation may start, even when the running "+
			"ones return successfully: a worker checks ctx before it takes the next form.", n, len(forms), workers)
	}
	expectNoLeak(t, baseline, "after ValidateAll returned the first error")
}

func TestHiddenCallerCancellationIsReportedEvenIfValidationsSucceed(t *testing.T) {
	for round := range 5 {
		baseline := runtime.NumGoroutine()
		ctx, cancel := context.WithCancel(context.Background())
		forms := makeForms(50)
		const workers = 3
		var started atomic.Int32
		validate := func(vctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
			if started.Add(1) == workers {
				cancel() // the operator aborts the nightly run
			}
			<-vctx.Done()
			return reportFor(f), nil // these checks completed anyway; no validation fails
		}

		reports, err := validateAllWithin(t, ctx, forms, workers, validate,
			"The caller cancelled ctx; the validations wait for theirs to be cancelled too.")
		cancel()

		if !errors.Is(err, context.Canceled) {
			t.Fatalf("round %d: after the caller cancelled ctx (with %d of %d forms never validated), ValidateAll "+
				"returned %d reports and error %v; want nil reports and an error wrapping ctx.Err() "+
				"(context.Canceled), also when no validation itself returned an error", round, len(forms)-workers,
				len(forms), len(reports), err)
		}
		if reports != nil {
			t.Fatalf("round %d: got %d reports after cancellation; want nil", round, len(reports))
		}
		if n := started.Load(); n > workers {
			t.Fatalf("round %d: %d validations started; want no new ones after the caller cancelled (%d were "+
				"running)", round, n, workers)
		}
		expectNoLeak(t, baseline, "after a cancelled batch")
	}
}

func TestHiddenReturnsTheFirstFailureInTimeNotTheLowestIndex(t *testing.T) {
	// Two forms fail for real. The one later in the list fails first; the
	// other, a slow cross-form check, fails only afterwards.
	for _, pair := range [][2]int{{1, 3}, {0, 2}, {2, 3}} {
		late, early := pair[0], pair[1]
		const workers = 4
		forms := makeForms(20)
		lateID, earlyID := forms[late].ID, forms[early].ID
		cause := fmt.Errorf("%s: visit date before consent date", earlyID)
		later := fmt.Errorf("%s: weight missing on visit 2", lateID)
		lateStarted := make(chan struct{})
		validate := func(ctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
			switch f.ID {
			case earlyID:
				select {
				case <-lateStarted:
				case <-time.After(guard):
				}
				return edcbatch.Report{}, cause
			case lateID:
				close(lateStarted)
				<-ctx.Done() // still busy when the other form fails; then fails too
				return edcbatch.Report{}, later
			}
			<-ctx.Done()
			return edcbatch.Report{}, fmt.Errorf("%s: %w", f.ID, ctx.Err())
		}

		reports, err := validateAllWithin(t, context.Background(), forms, workers, validate,
			"The other validations only stop when their ctx is cancelled.")

		if !errors.Is(err, cause) {
			t.Fatalf("%s failed first, then %s failed too; ValidateAll returned %v; want the first failure: %v. "+
				"\"First\" is the first to fail in time, not the failed form that comes first in the list.",
				earlyID, lateID, err, cause)
		}
		if reports != nil {
			t.Fatalf("got %d reports with the error; want nil", len(reports))
		}
	}
}

func TestHiddenNegativeWorkersMeansOneAtATime(t *testing.T) {
	// Each validation holds its slot for a moment, or until a second one
	// starts beside it: with one worker that never happens.
	const hold = 10 * time.Millisecond
	for _, workers := range []int{-1, -6, math.MinInt} {
		forms := makeForms(6)
		var inFlight, peak atomic.Int32
		overlap := make(chan struct{})
		var once sync.Once
		validate := func(ctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
			n := inFlight.Add(1)
			defer inFlight.Add(-1)
			for {
				p := peak.Load()
				if n <= p || peak.CompareAndSwap(p, n) {
					break
				}
			}
			if n > 1 {
				once.Do(func() { close(overlap) })
			}
			select {
			case <-overlap:
			case <-time.After(hold):
			}
			return reportFor(f), nil
		}

		reports, err := validateAllWithin(t, context.Background(), forms, workers, validate,
			"A workers value below 1 means 1 worker.")

		if p := peak.Load(); p > 1 {
			t.Fatalf("workers=%d: %d validations ran at the same time; want at most 1: a workers value below 1 "+
				"means 1 worker, whether it is 0 or negative (not one worker per form)", workers, p)
		}
		if err != nil {
			t.Fatalf("workers=%d: error %v", workers, err)
		}
		checkReports(t, forms, reports)
	}
}

// With one worker, the validation that fails (or during which the caller
// cancels) is the only one running: after it, not a single validation may
// start. The rounds are fast; a pool that only sometimes notices the stop
// before handing out the next form is caught in some of them.
const stopRounds = 150

func TestHiddenNoValidationStartsAfterTheFirstErrorWithOneWorker(t *testing.T) {
	for round := range stopRounds {
		forms := makeForms(20)
		k := 2 + round%11 // the (k+1)th validation fails; the ones before it pass
		var calls atomic.Int32
		var failed, late atomic.Value
		validate := func(ctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
			n := calls.Add(1)
			if n == int32(k+1) {
				failed.Store(f.ID)
				return edcbatch.Report{}, errBadForm
			}
			if n > int32(k+1) {
				late.CompareAndSwap(nil, f.ID)
			}
			return reportFor(f), nil
		}

		reports, err := validateAllWithin(t, context.Background(), forms, 1, validate, "")

		if !errors.Is(err, errBadForm) || reports != nil {
			t.Fatalf("round %d: ValidateAll returned %d reports, %v; want nil reports and the error of %v",
				round, len(reports), err, failed.Load())
		}
		if n := calls.Load(); n > int32(k+1) {
			t.Fatalf("round %d: with workers=1, %s failed, and then validate was still called for %v (%d calls, "+
				"want %d). On the first failed validation no new one may start: before taking (or validating) "+
				"the next form, check whether the batch has stopped; a select between ctx.Done() and handing out "+
				"the next form picks at random when both are ready.", round, failed.Load(), late.Load(), n, k+1)
		}
	}
}

func TestHiddenNoValidationStartsAfterTheCallerCancelsWithOneWorker(t *testing.T) {
	for round := range stopRounds {
		forms := makeForms(20)
		k := 2 + round%11 // the operator aborts the run during the (k+1)th validation
		ctx, cancel := context.WithCancel(context.Background())
		var calls atomic.Int32
		var during, late atomic.Value
		validate := func(vctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
			n := calls.Add(1)
			if n == int32(k+1) {
				during.Store(f.ID)
				cancel()
			}
			if n > int32(k+1) {
				late.CompareAndSwap(nil, f.ID)
			}
			return reportFor(f), nil // this check completed anyway
		}

		reports, err := validateAllWithin(t, ctx, forms, 1, validate, "")
		cancel()

		if !errors.Is(err, context.Canceled) || reports != nil {
			t.Fatalf("round %d: the caller cancelled ctx during %s; ValidateAll returned %d reports, %v; want nil "+
				"reports and an error wrapping context.Canceled", round, during.Load(), len(reports), err)
		}
		if n := calls.Load(); n > int32(k+1) {
			t.Fatalf("round %d: with workers=1, the caller cancelled ctx during %s, and then validate was still "+
				"called for %v (%d calls, want %d). After the caller cancels, no new validation may start: "+
				"before taking (or validating) the next form, check whether ctx is done; a select between "+
				"ctx.Done() and handing out the next form picks at random when both are ready.",
				round, during.Load(), late.Load(), n, k+1)
		}
	}

	// A ctx cancelled before the call: not a single validation may start.
	for round := range 20 {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		forms := makeForms(10)
		var calls atomic.Int32
		validate := func(vctx context.Context, f edcbatch.Form) (edcbatch.Report, error) {
			calls.Add(1)
			return reportFor(f), nil
		}

		reports, err := validateAllWithin(t, ctx, forms, 1+round%4, validate, "")

		if !errors.Is(err, context.Canceled) || reports != nil {
			t.Fatalf("round %d: with a ctx cancelled before the call, ValidateAll returned %d reports, %v; want nil "+
				"reports and an error wrapping context.Canceled", round, len(reports), err)
		}
		if n := calls.Load(); n != 0 {
			t.Fatalf("round %d: with a ctx cancelled before the call, validate was called %d times; want none: "+
				"the batch is stopped before it starts", round, n)
		}
	}
}
