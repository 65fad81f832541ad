// Mutant (blind: written from the README and starter only).
// Flaw: when the caller's ctx ends first, returns context.Cause(ctx) instead of ctx.Err(); they differ when
// the caller cancels with a cause.
// Violates: "if the caller's ctx is cancelled first, it returns ctx.Err() at once"

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
	gctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	done := make(chan result, 1)
	go func() {
		r, err := gen(gctx)
		done <- result{r, err}
	}()

	select {
	case res := <-done:
		return res.report, res.err
	case <-gctx.Done():
		if ctx.Err() != nil {
			return Report{}, context.Cause(ctx)
		}
		return Report{}, ErrTimeout
	}
}
