// Mutant (blind: written from the README and starter only).
// Flaw: wraps gen's error in its own error type (errors.Is still finds it), so Generate does not return the
// error gen returned.
// Violates: "If gen returns within timeout, Generate returns what gen returned" (README: "it returns gen's result")

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
		if res.err != nil {
			return res.report, &genError{res.err}
		}
		return res.report, nil
	case <-gctx.Done():
		if err := ctx.Err(); err != nil {
			return Report{}, err
		}
		return Report{}, ErrTimeout
	}
}

// genError adds context to a renderer's error; errors.Is still finds the cause.
type genError struct{ err error }

func (e *genError) Error() string { return "eproreport: generate report: " + e.err.Error() }
func (e *genError) Unwrap() error { return e.err }
