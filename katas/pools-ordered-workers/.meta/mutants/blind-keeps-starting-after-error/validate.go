// Package edcbatch runs the nightly validation of case report forms (CRFs)
// captured in the trial's electronic data capture (EDC) system.
package edcbatch

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
)

var _ = errors.New
var _ atomic.Int32

type Form struct {
	ID       string
	CentreID int
	Page     string
}

type Report struct {
	FormID string
	Issues []string
}

// Workers do not check ctx before taking the next form: after a failure they keep starting validations (with a cancelled ctx).
func ValidateAll(parent context.Context, forms []Form, workers int,
	validate func(context.Context, Form) (Report, error)) ([]Report, error) {
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	reports := make([]Report, len(forms))
	var (
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
		next     atomic.Int64
	)
	for range min(workers, len(forms)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(forms) {
					return
				}
				r, err := validate(ctx, forms[i])
				if err != nil {
					once.Do(func() { firstErr = err; cancel() })
					return
				}
				reports[i] = r
			}
		}()
	}
	wg.Wait()
	if perr := parent.Err(); perr != nil && (firstErr == nil || errors.Is(firstErr, perr)) {
		return nil, perr
	}
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return reports, nil
}
