// Mutant (blind: written from the README and starter only).
// Flaw: does not turn a workers value below 1 into 1, so with workers <= 0 no worker starts and it returns a slice of empty reports with a nil error.
// Violates: "at most `workers` validations run at the same time (`workers` below 1 means 1)"

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
// failure, or when ctx is cancelled, it cancels the running validations,
// starts no new ones and waits for the running ones to return.
func ValidateAll(ctx context.Context, forms []Form, workers int,
	validate func(context.Context, Form) (Report, error)) ([]Report, error) {
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	reports := make([]Report, len(forms))
	var next atomic.Int64 // index of the next form to hand out
	var mu sync.Mutex
	var firstErr error

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
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					cancel() // stop the others
					return
				}
				reports[i] = r // each index is written by one worker only
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
