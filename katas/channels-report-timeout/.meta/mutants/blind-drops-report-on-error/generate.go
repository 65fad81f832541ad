package eproreport

import (
	"context"
	"errors"
	"time"
)

var ErrTimeout = errors.New("eproreport: report generation timed out")

type Report struct {
	PatientID string
	Pages     int
}

type result struct {
	report Report
	err    error
}


func Generate(ctx context.Context, timeout time.Duration,
	gen func(ctx context.Context) (Report, error)) (Report, error) {
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
			return Report{}, res.err
		}
		return res.report, nil
	case <-gctx.Done():
		if err := ctx.Err(); err != nil {
			return Report{}, err
		}
		return Report{}, ErrTimeout
	}
}
