// Mutant (blind: written from the README and starter only).
// Flaw: it tells a timeout from a caller cancellation by checking genCtx.Err() == DeadlineExceeded, so when the
// caller's own ctx hits its deadline first Generate returns ErrTimeout instead of ctx.Err().
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
	case <-genCtx.Done():
		if errors.Is(genCtx.Err(), context.DeadlineExceeded) {
			return Report{}, ErrTimeout
		}
		return Report{}, ctx.Err()
	}
}
