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
//
//   - If gen returns within timeout, Generate returns what gen returned.
//   - If timeout passes first, Generate returns ErrTimeout at once, and the
//     ctx given to gen is cancelled then (its Err is
//     context.DeadlineExceeded), so that gen can stop.
//   - If ctx is cancelled first, Generate returns ctx.Err() at once, and
//     gen's ctx is cancelled too.
//
// Either way, the goroutine running gen exits as soon as gen returns, even if
// nobody is waiting for its result any more.
func Generate(ctx context.Context, timeout time.Duration,
	gen func(ctx context.Context) (Report, error)) (Report, error) {
	// gen gets a ctx that ends at the timeout: cancellation is cooperative, so
	// this is the only way to tell gen to stop. The cause tells our timeout
	// apart from a deadline or cancellation of the caller's ctx.
	genCtx, cancel := context.WithTimeoutCause(ctx, timeout, ErrTimeout)
	defer cancel()

	type result struct {
		report Report
		err    error
	}
	// Buffered: the goroutine's send succeeds even when Generate has already
	// returned and nobody will ever receive. Unbuffered, it would block forever.
	done := make(chan result, 1)
	go func() {
		r, err := gen(genCtx)
		done <- result{r, err}
	}()

	select {
	case res := <-done:
		return res.report, res.err
	case <-genCtx.Done():
		if context.Cause(genCtx) == ErrTimeout {
			return Report{}, ErrTimeout
		}
		return Report{}, ctx.Err()
	}
}
