// Mutant (blind: written from the README and starter only).
// Flaw: on the first failure it cancels the others and returns at once, without waiting for the validations still running to return.
// Violates: "cancels the `ctx` of the validations still running, starts no new ones, and waits for the running ones to return"

// Package edcbatch runs the nightly validation of case report forms (CRFs)
// captured in the trial's electronic data capture (EDC) system.
package edcbatch

import (
	"context"
	"sync"
	"sync/atomic"
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
// starts no new ones.
func ValidateAll(ctx context.Context, forms []Form, workers int,
	validate func(context.Context, Form) (Report, error)) ([]Report, error) {
	workers = max(workers, 1)
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // the running validations see ctx.Done() and wind down

	reports := make([]Report, len(forms))
	var next atomic.Int64 // index of the next form to hand out
	errs := make(chan error, 1)

	var wg sync.WaitGroup
	for range min(workers, len(forms)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= len(forms) {
					return
				}
				r, err := validate(ctx, forms[i])
				if err != nil {
					select {
					case errs <- err: // first error wins
						cancel()
					default:
					}
					return
				}
				reports[i] = r
			}
		})
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()

	select {
	case err := <-errs:
		return nil, err
	case <-done:
	}
	select {
	case err := <-errs:
		return nil, err
	default:
	}
	if err := parent.Err(); err != nil {
		return nil, err
	}
	return reports, nil
}
