// Package edcbatch runs the nightly validation of case report forms (CRFs)
// captured in the trial's electronic data capture (EDC) system.
package edcbatch

import (
	"context"
	"sync"
)

// Form is one case report form page.
type Form struct {
	ID       string // e.g. "CRF-0042-V3"
	CentreID int
	Page     string // e.g. "vital-signs"
}

// Report is what validating one form found.
type Report struct {
	FormID string
	Issues []string
}

// ValidateAll validates every form with at most workers validations running
// at once (a workers value below 1 means 1): the validation service allows
// only so many concurrent requests.
//
// On success reports[i] is the report for forms[i].
//
// If a validation fails, ValidateAll returns that first error and nil
// reports: it cancels the ctx given to the validations still running, starts
// no further validations, and waits for the running ones to return. If ctx is
// cancelled, ValidateAll stops in the same way and returns an error that
// wraps ctx.Err(). Either way, when ValidateAll returns, no goroutine it
// started is still running.
func ValidateAll(ctx context.Context, forms []Form, workers int,
	validate func(context.Context, Form) (Report, error)) ([]Report, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	// Only the first error is the cause; the validations it cancels fail with
	// context.Canceled, which must not replace it.
	fail := func(err error) {
		mu.Lock()
		firstErr = err
		mu.Unlock()
		cancel()
	}

	// Indices, not forms: each worker writes only its own reports[i], so the
	// order of the input survives whatever order the validations finish in.
	reports := make([]Report, len(forms))
	jobs := make(chan int)
	wg.Go(func() {
		defer close(jobs)
		for i := range forms {
			select {
			case jobs <- i:
			case <-ctx.Done():
				fail(ctx.Err()) // a no-op unless the caller cancelled
				return
			}
		}
	})
	for range max(1, min(workers, len(forms))) {
		wg.Go(func() {
			for i := range jobs {
				if err := ctx.Err(); err != nil {
					fail(err) // a no-op unless the caller cancelled
					continue  // stopping: drain what the feeder already handed out
				}
				r, err := validate(ctx, forms[i])
				if err != nil {
					fail(err)
					continue
				}
				reports[i] = r
			}
		})
	}
	wg.Wait()

	if firstErr != nil {
		return nil, firstErr
	}
	return reports, nil
}
