// Mutant (blind: written from the README and starter only).
// Flaw: gen's ctx is a plain WithCancel context cancelled by a deferred cancel() when the timer fires, so at the
// timeout gen sees context.Canceled instead of context.DeadlineExceeded.
// Violates: "gen's ctx is cancelled at that moment with context.DeadlineExceeded"

// Package eproreport generates the PDF reports of patients' questionnaires
// (ePRO) that are sent to the study doctors.
package eproreport

import (
	"context"
	"errors"
	"time"
)

// ErrTimeout is returned when a report takes longer than its time budget.
var ErrTimeout = errors.New("eproreport: report generation timed out")

// Report is a generated questionnaire report.
type Report struct {
	PatientID string
	Pages     int
}

// Generate runs gen in its own goroutine and waits for it at most timeout.
func Generate(ctx context.Context, timeout time.Duration,
	gen func(ctx context.Context) (Report, error)) (Report, error) {
	type result struct {
		report Report
		err    error
	}
	genCtx, cancel := context.WithCancel(ctx)
	defer cancel()

	done := make(chan result, 1)
	go func() {
		r, err := gen(genCtx)
		done <- result{r, err}
	}()

	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case res := <-done:
		return res.report, res.err
	case <-timer.C:
		return Report{}, ErrTimeout
	case <-ctx.Done():
		return Report{}, ctx.Err()
	}
}
