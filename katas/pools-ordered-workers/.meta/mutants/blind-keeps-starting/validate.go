// Mutant (blind: written from the README and starter only).
// Flaw: after the first failure (or a cancelled ctx) the workers record the error and keep taking forms, calling validate with the cancelled ctx for every remaining form instead of starting no new validations.
// Violates: "on the first failed validation, it ... cancels the `ctx` of the validations still running, starts no new ones"

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
// at once. On success reports[i] is the report for forms[i]. On the first
// failure, or when ctx is cancelled, it cancels the running validations and
// waits for them to return.
func ValidateAll(ctx context.Context, forms []Form, workers int,
	validate func(context.Context, Form) (Report, error)) ([]Report, error) {
	workers = max(workers, 1)
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan int)
	go func() {
		defer close(jobs)
		for i := range forms {
			jobs <- i
		}
	}()

	reports := make([]Report, len(forms))
	var mu sync.Mutex
	var firstErr error

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			// Drain every job so that the feeder never blocks on a send.
			for i := range jobs {
				r, err := validate(ctx, forms[i])
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					cancel() // the validations still running see ctx.Done()
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
	if err := parent.Err(); err != nil {
		return nil, err
	}
	return reports, nil
}
