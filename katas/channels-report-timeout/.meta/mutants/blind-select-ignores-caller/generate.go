// Mutant (blind: written from the README and starter only).
// Flaw: gen gets a ctx derived from the caller's, but Generate itself only waits for gen or the budget, so when
// the caller cancels it keeps waiting until gen returns or the timeout passes instead of returning ctx.Err() at once.
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
	genCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	done := make(chan result, 1)
	go func() {
		r, err := gen(genCtx)
		done <- result{r, err}
	}()

	select {
	case res := <-done:
		return res.report, res.err
	case <-time.After(timeout):
		return Report{}, ErrTimeout
	}
}
