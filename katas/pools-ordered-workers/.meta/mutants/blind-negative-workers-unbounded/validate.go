// Package edcbatch runs the nightly validation of case report forms (CRFs).
package edcbatch

import (
	"context"
	"sync"
)

type Form struct {
	ID       string
	CentreID int
	Page     string
}

type Report struct {
	FormID string
	Issues []string
}

func ValidateAll(parent context.Context, forms []Form, workers int,
	validate func(context.Context, Form) (Report, error)) ([]Report, error) {
	if workers == 0 {
		workers = 1
	}
	if workers < 0 || workers > len(forms) {
		workers = len(forms)
	}
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	reports := make([]Report, len(forms))
	var (
		once     sync.Once
		firstErr error
		wg       sync.WaitGroup
	)
	fail := func(err error) { once.Do(func() { firstErr = err; cancel() }) }
	jobs := make(chan int)
	for range min(workers, len(forms)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if ctx.Err() != nil {
					continue
				}
				r, err := validate(ctx, forms[i])
				if err != nil {
					fail(err)
					continue
				}
				reports[i] = r
			}
		}()
	}
feed:
	for i := range forms {
		if ctx.Err() != nil {
			break
		}
		select {
		case <-ctx.Done():
			break feed
		case jobs <- i:
		}
	}
	close(jobs)
	wg.Wait()
	if err := parent.Err(); err != nil {
		if firstErr == nil {
			return nil, err
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return reports, nil
}
